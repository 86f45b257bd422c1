package envshift.pgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The real GnuPG, run in an isolated home for interop tests: makes keys, exports them, encrypts and
 * decrypts through stdin/stdout. {@link #close()} stops the home's gpg-agent so no process outlives
 * the test. A missing {@code gpg} fails the test (CI installs it); it never skips.
 *
 * <p>Other test packages may reuse it: {@code try (Gpg gpg =
 * Gpg.create(tempDir.resolve("alice")))}.
 */
public final class Gpg implements AutoCloseable {
  /** Key types worth testing; {@link TestKeys} makes one set per JVM, as RSA and DSA are slow. */
  public enum KeyType {
    /** rsa2048 primary (sign, certify) with an rsa2048 encryption subkey. */
    RSA2048,
    /** GnuPG's future-default: ed25519 primary with a cv25519 encryption subkey. */
    CV25519,
    /** An old-style dsa2048 primary with an elg2048 (ElGamal) encryption subkey. */
    DSA_ELGAMAL
  }

  /** One gpg run: its exit code, stdout bytes and stderr text. */
  public record Result(int exitCode, byte[] stdout, String stderr) {
    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }
  }

  /**
   * Threads that feed gpg's stdin and drain its stderr. Not the common pool: it has one thread on
   * a 2-core machine, so concurrent test classes would queue each other's pipes behind it.
   */
  private static final ExecutorService PIPES =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "gpg-pipe");
            thread.setDaemon(true);
            return thread;
          });

  private final Path home;

  private Gpg(Path home) {
    this.home = home;
  }

  /** Creates (mode 0700) or reuses {@code home} as GNUPGHOME. Fails if gpg is not installed. */
  public static Gpg create(Path home) {
    try {
      Files.createDirectories(home);
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
      // A small S2K count: the default is calibrated to ~100 ms of native hashing, which takes
      // Bouncy Castle over a second per key unlock; the protection scheme is the same. Not gpg's
      // least (65536), which GnupgProtectionsTest and S2kHashTest cover.
      Files.writeString(
          home.resolve("gpg-agent.conf"), "allow-loopback-pinentry\ns2k-count 69632\n");
      Files.writeString(home.resolve("gpg.conf"), "s2k-count 65536\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Gpg gpg = new Gpg(home);
    Result version = gpg.run(new byte[0], "--version");
    if (version.exitCode() != 0) {
      throw new AssertionError("gpg --version failed: " + version.stderr());
    }
    return gpg;
  }

  public Path home() {
    return home;
  }

  /**
   * Generates a key that never expires; an empty passphrase means an unprotected key. Returns the
   * primary key's fingerprint.
   */
  public String generateKey(String userId, KeyType type, String passphrase) {
    List<String> pass = passphraseArgs(passphrase);
    if (type == KeyType.CV25519) {
      ok(
          run(
              new byte[0],
              concat(pass, "--quick-gen-key", userId, "future-default", "default", "never")));
      return fingerprint(userId);
    }
    String primary = type == KeyType.RSA2048 ? "rsa2048" : "dsa2048";
    String subkey = type == KeyType.RSA2048 ? "rsa2048" : "elg2048";
    ok(run(new byte[0], concat(pass, "--quick-gen-key", userId, primary, "sign,cert", "never")));
    String fingerprint = fingerprint(userId);
    ok(run(new byte[0], concat(pass, "--quick-add-key", fingerprint, subkey, "encr", "never")));
    return fingerprint;
  }

  /** Revokes the {@code index}-th subkey (1-based, gpg's order) through {@code --edit-key}. */
  public void revokeSubkey(String fingerprint, int index) {
    byte[] answers =
        ("key " + index + "\nrevkey\ny\n0\n\ny\nsave\n").getBytes(StandardCharsets.US_ASCII);
    ok(run(answers, concat(passphraseArgs(""), "--command-fd", "0", "--edit-key", fingerprint)));
  }

  /** Runs any key-making command with extra options first, e.g. {@code --faked-system-time}. */
  public void keyCommand(String passphrase, String... args) {
    ok(run(new byte[0], concat(passphraseArgs(passphrase), args)));
  }

  /** The primary fingerprint of the first key matching {@code who}. */
  public String fingerprint(String who) {
    return colonField(who, "fpr", 9);
  }

  /** The long key id of the newest encryption-capable subkey of {@code who}. */
  public String encryptionSubkeyId(String who) {
    return encryptionSubkeyField(who, 4);
  }

  /** The keygrip (the {@code private-keys-v1.d} file name) of that subkey. */
  public String encryptionSubkeyKeygrip(String who) {
    return encryptionSubkeyField(who, -1);
  }

  /** The keygrips of every key of {@code who}, primary and subkeys. */
  public List<String> keygrips(String who) {
    Result listing = ok(run(new byte[0], "--with-colons", "--with-keygrip", "--list-keys", who));
    return listing.stdoutText().lines()
        .map(line -> line.split(":", -1))
        .filter(f -> f[0].equals("grp"))
        .map(f -> f[9])
        .toList();
  }

  private String encryptionSubkeyField(String who, int field) {
    String found = null;
    boolean inSubkey = false;
    Result listing = ok(run(new byte[0], "--with-colons", "--with-keygrip", "--list-keys", who));
    for (String line : listing.stdoutText().lines().toList()) {
      String[] f = line.split(":", -1);
      if (f[0].equals("pub") || f[0].equals("sub")) {
        boolean usable = !f[1].equals("r") && !f[1].equals("e"); // not revoked, not expired
        inSubkey = f[0].equals("sub") && f[11].contains("e") && usable;
        if (inSubkey && field >= 0) {
          found = f[field];
        }
      } else if (f[0].equals("grp") && inSubkey && field < 0) {
        found = f[9];
      }
    }
    if (found == null) {
      throw new AssertionError("no encryption subkey for " + who);
    }
    return found;
  }

  /** Every public key in the home, binary, as a {@code pubring.gpg} would hold them. */
  public byte[] exportAllPublic() {
    return ok(run(new byte[0], "--export")).stdout();
  }

  public byte[] exportPublic(String who, boolean armor) {
    return ok(run(new byte[0], armor ? List.of("--armor") : List.of(), "--export", who)).stdout();
  }

  /** Exports secret keys; protected keys need their passphrase for the agent to release them. */
  public byte[] exportSecret(String who, boolean armor, String passphrase) {
    List<String> args = new ArrayList<>(passphraseArgs(passphrase));
    if (armor) {
      args.add("--armor");
    }
    args.addAll(List.of("--export-secret-keys", who));
    return ok(run(new byte[0], args.toArray(String[]::new))).stdout();
  }

  public void importKeys(byte[] keys) {
    ok(run(keys, "--import"));
  }

  /** Encrypts stdin to the recipients ({@code --trust-model always}); {@code extra} goes first. */
  public byte[] encrypt(byte[] plaintext, List<String> recipients, String... extra) {
    List<String> args = new ArrayList<>(Arrays.asList(extra));
    args.addAll(List.of("--trust-model", "always", "--encrypt"));
    recipients.forEach(r -> args.addAll(List.of("--recipient", r)));
    return ok(run(plaintext, args.toArray(String[]::new))).stdout();
  }

  /** {@code gpg -c} with a passphrase; {@code extra} goes first (e.g. {@code --armor}). */
  public byte[] encryptSymmetric(byte[] plaintext, String passphrase, String... extra) {
    List<String> args = new ArrayList<>(passphraseArgs(passphrase));
    args.addAll(Arrays.asList(extra));
    args.add("--symmetric");
    return ok(run(plaintext, args.toArray(String[]::new))).stdout();
  }

  /** {@code gpg --decrypt}, not asserting success; a non-empty passphrase is given via loopback. */
  public Result decrypt(byte[] message, String passphrase) {
    List<String> args = new ArrayList<>(passphraseArgs(passphrase));
    args.add("--decrypt");
    return run(message, args.toArray(String[]::new));
  }

  /** Runs gpg in this home with {@code --batch --yes}, feeding stdin through a pipe. */
  public Result run(byte[] stdin, String... args) {
    List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--yes", "--no-tty"));
    command.addAll(Arrays.asList(args));
    return exec(stdin, command);
  }

  private Result run(byte[] stdin, List<String> first, String... rest) {
    return run(stdin, concat(first, rest));
  }

  /** Stops this home's agent (and any other daemon it started). */
  @Override
  public void close() {
    exec(new byte[0], List.of("gpgconf", "--kill", "all"));
  }

  private Result exec(byte[] stdin, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GNUPGHOME", home.toString());
    builder.environment().put("LC_ALL", "C");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command.get(0) + " (is GnuPG installed?)", e);
    }
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> feed(process, stdin), PIPES);
    CompletableFuture<byte[]> stderr =
        CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), PIPES);
    try {
      byte[] stdout = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("gpg did not finish: " + command);
      }
      writer.join();
      return new Result(
          process.exitValue(), stdout, new String(stderr.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void feed(Process process, byte[] stdin) {
    try (OutputStream out = process.getOutputStream()) {
      out.write(stdin);
    } catch (IOException e) {
      // gpg may exit without reading all of stdin (e.g. on a bad message); that is its answer
    }
  }

  private static byte[] drain(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String colonField(String who, String recordType, int field) {
    for (String line :
        ok(run(new byte[0], "--with-colons", "--list-keys", who)).stdoutText().lines().toList()) {
      String[] f = line.split(":", -1);
      if (f[0].equals(recordType)) {
        return f[field];
      }
    }
    throw new AssertionError("no " + recordType + " for " + who);
  }

  private static List<String> passphraseArgs(String passphrase) {
    return List.of("--pinentry-mode", "loopback", "--passphrase", passphrase);
  }

  private static String[] concat(List<String> first, String... rest) {
    List<String> all = new ArrayList<>(first);
    all.addAll(Arrays.asList(rest));
    return all.toArray(String[]::new);
  }

  private static Result ok(Result result) {
    if (result.exitCode() != 0) {
      throw new AssertionError("gpg failed (" + result.exitCode() + "): " + result.stderr());
    }
    return result;
  }
}
