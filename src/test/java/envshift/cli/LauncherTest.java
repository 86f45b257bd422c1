package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
    Path oldJava = fakeJdk("11.0.2");

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
    executable(project.resolve("src/dist/bin/envshift"),
        Files.readString(Cli.PROJECT.resolve("src/dist/bin/envshift")));
    Files.writeString(project.resolve("pom.xml"), "");
    Files.createDirectories(project.resolve("src/main"));
    // sources older than the jar: the launcher runs it instead of building
    for (Path p : new Path[] {project.resolve("pom.xml"), project.resolve("src/main"),
        project.resolve("src")}) {
      Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }
    standInJar(project.resolve("target/envshift.jar"));
    Files.createSymbolicLink(onPath.resolve("envshift"), project.resolve("envshift"));

    Shell r = run(Map.of(), "envshift --version");

    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("envshift " + Version.VERSION + " (commit ");
  }

  @Test
  void theJdkReleaseFileTellsTheVersionWithoutStartingJava() throws IOException {
    tarballPrefix();
    Files.createSymbolicLink(onPath.resolve("envshift"), tmp.resolve("prefix/bin/envshift"));
    // a java that would pass the check if it were asked: only the release file can fail it
    Path oldJava = fakeJdk("21.0.1");
    Files.writeString(oldJava.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11.0.2\"\n");

    Shell old = run(Map.of("JAVA_HOME", oldJava.toString()), "envshift --version");

    assertThat(old.code()).isEqualTo(1);
    assertThat(old.err()).isEqualTo("envshift: needs Java 17 or later, and "
        + oldJava.resolve("bin/java") + " is 11.0.2\n");
  }

  /**
   * Class-data sharing: the first run has a JVM of its own dump the classes the build listed into
   * an archive in the cache, in the background; later runs map it. Output is the same either way,
   * and the JVM says nothing about archives, even when the archive is stale (a new jar), the
   * cache cannot be written or the user picks a collector of their own.
   */
  @Test
  void classDataSharingIsSilentAndSameOutput() throws Exception {
    Path prefix = tmp.resolve("prefix");
    executable(prefix.resolve("bin/envshift"),
        Files.readString(Cli.PROJECT.resolve("src/dist/bin/envshift")));
    realJar(prefix.resolve("lib"));
    Files.writeString(prefix.resolve("lib/envshift.classlist"),
        "envshift/cli/Main\nenvshift/cli/Envshift\npicocli/CommandLine\n");
    Files.createSymbolicLink(onPath.resolve("envshift"), prefix.resolve("bin/envshift"));
    Path cache = tmp.resolve("cache");
    Path repo = RepoCopy.of("django-blackbox", tmp);
    String show = "envshift show --repo " + repo + " --secret-key "
        + Cli.FIXTURES.resolve("keys/deploy-rsa.asc");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());

    Shell off = run(Map.of("XDG_CACHE_HOME", cache.toString(), "ENVSHIFT_CDS", "0"), show);
    Shell first = run(env, show);
    Path archive = archiveIn(cache.resolve("envshift"));
    Shell second = run(env, show);

    assertThat(off.code()).as(off.err()).isZero();
    assertThat(off.err()).doesNotContain("cds", "archive", "[warning", "[error");
    assertThat(first).isEqualTo(off);
    assertThat(second).isEqualTo(off);
    // it holds classes, never a value of the run (the fixture's secrets carry the canary)
    assertThat(new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1))
        .doesNotContain(CANARY);
    // it is mapped: envshift's own classes come from it, not from the jar
    Path loads = tmp.resolve("loads.txt");
    run(Map.of("XDG_CACHE_HOME", cache.toString(),
        "ENVSHIFT_JAVA_OPTS", "-Xlog:class+load:file=" + loads), show);
    assertThat(Files.readString(loads)).contains("envshift.cli.Main source: shared objects file");

    // a collector of the user's own replaces the launcher's (two would stop the JVM)
    Shell g1 = run(Map.of("XDG_CACHE_HOME", cache.toString(),
        "ENVSHIFT_JAVA_OPTS", "-XX:+UseG1GC -Xmx24m"), show);
    Files.setLastModifiedTime(prefix.resolve("lib/envshift.jar"),
        FileTime.from(Instant.now().plusSeconds(60)));
    Shell stale = run(env, show);
    Path readOnly = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    Shell unwritable = run(Map.of("XDG_CACHE_HOME", readOnly.resolve("c").toString()), show);

    assertThat(g1).isEqualTo(off);
    assertThat(stale).isEqualTo(off);
    assertThat(unwritable).isEqualTo(off);
    archiveIn(cache.resolve("envshift")); // the new jar's, dumped after the stale run
    try (var files = Files.list(cache.resolve("envshift"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).hasSize(2);
    }
  }

  /** Waits for the background dump to finish (its lock gone), then returns the newest archive. */
  private static Path archiveIn(Path dir) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          List<Path> all = files.toList();
          if (all.stream().noneMatch(f -> f.toString().endsWith(".dumping"))
              && all.stream().anyMatch(f -> f.toString().endsWith(".jsa"))) {
            return all.stream().filter(f -> f.toString().endsWith(".jsa"))
                .max(Comparator.comparing(f -> f.toFile().lastModified())).orElseThrow();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive was written in " + dir);
  }

  private Shell run(Map<String, String> env, String commandLine) {
    Map<String, String> all = new HashMap<>(Map.of(
        "PATH", onPath + File.pathSeparator + System.getenv("PATH"),
        "JAVA_HOME", System.getProperty("java.home"),
        "XDG_CACHE_HOME", tmp.resolve("default-cache").toString()));
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

  /**
   * A jar that class-data sharing can archive from: the compiled classes in a jar of their own and
   * the dependency jars, named by the manifest (no directories on the class path).
   */
  private static void realJar(Path lib) throws IOException {
    Files.createDirectories(lib);
    Path classes = Cli.PROJECT.resolve("target/classes");
    Path classesJar = lib.resolve("classes.jar");
    try (OutputStream out = Files.newOutputStream(classesJar);
        JarOutputStream jar = new JarOutputStream(out);
        var files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString()));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    // relative entries: the JVM's archiver does not follow absolute file: URLs here
    main.put(Attributes.Name.CLASS_PATH, "classes.jar "
        + Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> e.endsWith(".jar") && !e.contains("junit") && !e.contains("surefire"))
            .map(e -> lib.toAbsolutePath().relativize(Path.of(e).toAbsolutePath()).toString())
            .collect(Collectors.joining(" ")));
    try (OutputStream out = Files.newOutputStream(lib.resolve("envshift.jar"));
        JarOutputStream unused = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
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

  /** A JDK whose bin/java only prints that it is {@code version}, as `java -version` does. */
  private Path fakeJdk(String version) throws IOException {
    Path jdk = tmp.resolve("jdk");
    executable(jdk.resolve("bin/java"),
        "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2019-01-15' >&2\n");
    return jdk;
  }

  private static void executable(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
