package envshift.access;

import envshift.pgp.Encryptor;
import envshift.pgp.Gpg;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the offboarding tests share: the fixture keys (deploy = the team key that stays, dev = the
 * person who leaves), files encrypted to them, fixture repo copies and a git with a fixed identity.
 * Public so the cli acceptance tests can use it too.
 */
public final class OffboardFixtures {
  public static final Path FIXTURES = Path.of("fixtures").toAbsolutePath();
  public static final String DEPLOY = "deploy@example.org";
  public static final String DEV = "dev@example.org";

  private OffboardFixtures() {}

  public static Path key(String name) {
    return FIXTURES.resolve("keys/" + name);
  }

  /** The 40-hex fingerprint of a fixture key ({@code role} primary or subkey): never hard-coded. */
  public static String fingerprint(String name, String role) {
    try {
      for (String line : Files.readAllLines(key("fingerprints.txt"))) {
        String[] f = line.trim().split("\\s+");
        if (!line.startsWith("#") && f[0].equals(name) && f[1].equals(role)) return f[4];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(name + " " + role);
  }

  /** The key ids a message is encrypted to. */
  public static List<String> recipientIds(Path file, KeyRing ring) {
    try {
      return MessageInspector.inspect(Files.readAllBytes(file), file.toString(), ring)
          .recipients().stream().map(r -> r.keyId().toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The long key id (last 16 hex digits) of a fixture key's encryption subkey. */
  public static String subkeyId(String name) {
    String fpr = fingerprint(name, "subkey");
    return fpr.substring(fpr.length() - 16);
  }

  /** The deploy secret key (reads every fixture file) and the dev public key. */
  public static KeyRing deployRing() {
    return KeyRing.builder()
        .secretKeyFile(key("deploy-rsa.asc"))
        .publicKeyFile(key("dev-cv25519.pub.asc"))
        .publicKeyFile(key("outsider-rsa.pub.asc"))
        .build();
  }

  /** {@code text} encrypted (binary) to {@code recipients}, resolved in {@code ring}. */
  public static byte[] encrypt(String text, KeyRing ring, String... recipients) {
    return Encryptor.encrypt(text.getBytes(StandardCharsets.UTF_8),
        Recipients.resolve(List.of(recipients), ring), ring, false, "x");
  }

  /** gpg --decrypt's exit code for {@code file} in a fresh home holding only {@code keyFile}. */
  public static int gpgDecrypt(Path file, String keyFile, Path tmp) throws IOException {
    String pass = keyFile.startsWith("dev-")
        ? Files.readString(key("dev-cv25519.passphrase")) : "";
    try (Gpg gpg = Gpg.create(tmp.resolve("gpg-" + keyFile.replace('.', '-') + "-"
        + System.nanoTime()))) {
      gpg.importKeys(Files.readAllBytes(key(keyFile)));
      return gpg.decrypt(Files.readAllBytes(file), pass).exitCode();
    }
  }

  /** A copy of {@code fixtures/repos/NAME} under {@code into}, without {@code expected/}. */
  public static Path copyRepo(String name, Path into) {
    return envshift.cli.RepoCopy.of(name, into);
  }

  /** Runs git in {@code dir} with a fixed identity; returns stdout trimmed. */
  public static String git(Path dir, String... args) {
    return git(dir, 0, args);
  }

  /** As {@link #git(Path, String...)}, committing at {@code epochSecond} when not 0. */
  public static String git(Path dir, long epochSecond, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(),
        "-c", "user.name=Test", "-c", "user.email=test@example.org",
        "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      if (epochSecond != 0) {
        pb.environment().put("GIT_AUTHOR_DATE", "@" + epochSecond + " +0000");
        pb.environment().put("GIT_COMMITTER_DATE", "@" + epochSecond + " +0000");
      }
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Stages everything and commits at {@code epochSecond}; returns the new commit's id. */
  public static String commit(Path dir, long epochSecond, String message) {
    git(dir, "add", "--all");
    git(dir, epochSecond, "commit", "--quiet", "--allow-empty", "-m", message);
    return git(dir, "rev-parse", "HEAD");
  }

  public static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
