package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers (the tarball's bin/envshift and the repo's ./envshift) run from another directory
 * through a symlink on PATH, and say in one line when Java is missing or too old. They run a
 * stand-in for the shaded jar, so that the test needs no `mvn package` first.
 */
class LauncherTest {
  @TempDir Path tmp;
  private Path onPath;
  private Path elsewhere;

  @BeforeEach
  void dirs() throws IOException {
    assumeTrue(Shell.has("sh") && Shell.has("bash"), "needs sh and bash");
    onPath = Files.createDirectories(tmp.resolve("path"));
    elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
  }

  @Test
  void theTarballLauncherRunsShowThroughARelativeSymlinkFromAnotherDirectory() throws IOException {
    Path prefix = tarballPrefix();
    Files.createSymbolicLink(onPath.resolve("envshift"), Path.of("../prefix/bin/envshift"));
    Path repo = RepoCopy.of("django-blackbox", tmp);

    Shell r = run(Map.of(), "envshift show --repo " + repo + " --secret-key "
        + Cli.FIXTURES.resolve("keys/deploy-rsa.asc"));

    assertThat(prefix).isDirectory();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("staging (", "production (", "DATABASE_URL", " chars>");
    assertThat(r.out() + r.err()).doesNotContain(CANARY);
  }

  @Test
  void theTarballLauncherSaysInOneLineWhenJavaIsTooOldOrMissing() throws IOException {
    tarballPrefix();
    Files.createSymbolicLink(onPath.resolve("envshift"), tmp.resolve("prefix/bin/envshift"));
    Path oldJava = tmp.resolve("jdk11");
    executable(oldJava.resolve("bin/java"),
        "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");

    Shell old = run(Map.of("JAVA_HOME", oldJava.toString()), "envshift --version");
    Shell none = run(Map.of("JAVA_HOME", tmp.resolve("nojdk").toString()), "envshift --version");

    assertThat(old.code()).isEqualTo(1);
    assertThat(old.out()).isEmpty();
    assertThat(old.err()).isEqualTo("envshift: needs Java 17 or later, and "
        + oldJava.resolve("bin/java") + " is 11.0.2\n");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).startsWith("envshift: needs Java 17 or later, and found no ")
        .hasLineCount(1);
  }

  @Test
  void theRepoLauncherFindsItsProjectThroughASymlink() throws IOException {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.copy(Cli.PROJECT.resolve("envshift"), project.resolve("envshift"));
    Files.writeString(project.resolve("pom.xml"), "");
    Files.createDirectories(project.resolve("src/main"));
    // sources older than the jar: the launcher runs it instead of building
    for (Path p : new Path[] {project.resolve("pom.xml"), project.resolve("src/main")}) {
      Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }
    standInJar(project.resolve("target/envshift.jar"));
    Files.createSymbolicLink(onPath.resolve("envshift"), project.resolve("envshift"));

    Shell r = run(Map.of(), "envshift --version");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("envshift " + Version.VERSION + " (commit ");
  }

  private Shell run(Map<String, String> env, String commandLine) {
    Map<String, String> all = new HashMap<>(Map.of(
        "PATH", onPath + File.pathSeparator + System.getenv("PATH"),
        "JAVA_HOME", System.getProperty("java.home")));
    all.putAll(env);
    return Shell.run(elsewhere, all, "sh", "-c", commandLine);
  }

  /** The tarball's layout as far as the launcher cares: bin/envshift and lib/envshift.jar. */
  private Path tarballPrefix() throws IOException {
    Path prefix = tmp.resolve("prefix");
    executable(prefix.resolve("bin/envshift"),
        Files.readString(Cli.PROJECT.resolve("src/dist/bin/envshift")));
    standInJar(prefix.resolve("lib/envshift.jar"));
    return prefix;
  }

  /** A jar that runs envshift.cli.Main on this test's class path (compiled classes and deps). */
  private static void standInJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    main.put(Attributes.Name.CLASS_PATH,
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath().toUri().toString())
            .collect(Collectors.joining(" ")));
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
  }

  private static void executable(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
