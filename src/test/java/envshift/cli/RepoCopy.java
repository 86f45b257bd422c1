package envshift.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.pgp.KeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/** Copies of fixture repos under a test's temp dir, and what rotate and cleanup tests share. */
public final class RepoCopy {
  private RepoCopy() {}

  /**
   * A copy of {@code fixtures/repos/NAME} at {@code into/NAME}, without {@code expected/} (which
   * holds plaintext values, canary included: a scan of the copy must find only what envshift
   * wrote).
   */
  public static Path of(String name, Path into) {
    Path from = Cli.FIXTURES.resolve("repos").resolve(name);
    Path to = into.resolve(name);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.filter(p -> !from.relativize(p).startsWith("expected")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** {@code expected/ENV.json} of a fixture repo: what the environment converts to. */
  static LinkedHashMap<String, String> expected(String repo, String env) {
    try {
      return new ObjectMapper().readValue(
          Cli.FIXTURES.resolve("repos/" + repo + "/expected/" + env + ".json").toFile(),
          new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The deploy key, which every encrypted fixture repo file is readable with. */
  static KeyRing deployKey() {
    return KeyRing.builder().secretKeyFile(Cli.FIXTURES.resolve("keys/deploy-rsa.asc")).build();
  }

  /** Runs git in {@code dir} with a fixed identity; returns stdout, fails the test on an error. */
  static String git(Path dir, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(),
        "-c", "user.name=Test", "-c", "user.email=test@example.org",
        "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Every file under {@code root} whose bytes hold {@code needle}, relative. */
  static List<String> filesContaining(Path root, String needle) {
    return TestRepos.filesContaining(root, needle);
  }
}
