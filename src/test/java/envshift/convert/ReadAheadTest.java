package envshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Origin;
import envshift.Parallel;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.manifest.Source;
import envshift.mapping.EnvVar;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sources read ahead on other threads ({@link EnvironmentLoader#readAhead}) against the same
 * conversion read one by one: values, warnings, progress, passphrase requests and the error that
 * stops a run must be the same, in the same order. Each run converts every environment of the
 * manifest as a command does; after the first environment (whose first source is encrypted, which
 * starts the threads) it lets the threads finish what they were given ({@link ReadAhead#settle}),
 * so which sources a worker did is fixed, not a matter of timing: with 2 threads, the 8 sources
 * after the first.
 */
class ReadAheadTest {
  private static final Path KEYS = Path.of("fixtures/keys").toAbsolutePath();
  private static final Path FIXTURES = Path.of("fixtures").toAbsolutePath();
  private static final String DEPLOY = "deploy@example.org";
  private static final String DEV = "dev@example.org";
  private static final String WORKER = "envshift-decrypt";
  private static final String LOADER = "loader";
  private static final int THREADS = 2;
  private static final KeyRing PUBLIC_KEYS = KeyRing.builder()
      .publicKeyFile(KEYS.resolve("deploy-rsa.pub.asc"))
      .publicKeyFile(KEYS.resolve("dev-cv25519.pub.asc"))
      .publicKeyFile(KEYS.resolve("outsider-rsa.pub.asc"))
      .build();

  @TempDir Path repo;
  private final Map<String, List<String>> envs = new LinkedHashMap<>();
  /** Runs once the manifest, which checks that every source exists, has been read. */
  private Runnable afterManifest = () -> { };

  // ---- the repo

  private String plain(String path, String text) {
    write(path, text.getBytes(StandardCharsets.UTF_8));
    return path;
  }

  private String encrypted(String path, String text, String to) {
    write(path, Encryptor.encrypt(text.getBytes(StandardCharsets.UTF_8),
        Recipients.resolve(List.of(to), PUBLIC_KEYS), PUBLIC_KEYS, false, "settings"));
    return path;
  }

  /** An encrypted file whose integrity check fails. */
  private String corrupt(String path, String text) {
    byte[] message = Encryptor.encrypt(text.getBytes(StandardCharsets.UTF_8),
        Recipients.resolve(List.of(DEPLOY), PUBLIC_KEYS), PUBLIC_KEYS, false, "settings");
    message[message.length - 3] ^= 0x20;
    write(path, message);
    return path;
  }

  /** The passphrase-encrypted (gpg -c) fixture, under {@code path}. */
  private String symmetric(String path) {
    try {
      write(path, Files.readAllBytes(
          FIXTURES.resolve("repos/flask-symmetric/configs/app_config.py.asc")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  private void delete(String path) {
    try {
      Files.delete(repo.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String path, byte[] content) {
    try {
      Path file = repo.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An environment; a source is a path, or a flow mapping such as {@code {file: P, as: X}}. */
  private void env(String name, String... sources) {
    envs.put(name, List.of(sources));
    StringBuilder yml = new StringBuilder("version: 1\nenvironments:\n");
    envs.forEach((env, list) -> yml.append("  ").append(env).append(":\n    sources: [")
        .append(String.join(", ", list)).append("]\n"));
    plain("envshift.yml", yml.toString());
  }

  /** Settings for {@code n}: a dotenv file, or Python with a construct it warns about. */
  private static String settings(int n) {
    return n % 2 == 0
        ? "API_HOST=api-" + n + ".example.org\nSECRET_" + n + "=s3cret-" + n + "\n"
        : "import os\nDEBUG = False\nTOKEN_" + n + " = 'tok-" + n + "'\n"
            + "PORT_" + n + " = os.getenv('PORT', '80" + n + "')\n";
  }

  private static String name(int n) {
    return n % 2 == 0 ? "configs/s" + n + ".env.gpg" : "configs/s" + n + ".py.gpg";
  }

  /** Nine sources encrypted to {@code to}: one environment of the first, then pairs. */
  private void nineSources(String to) {
    for (int i = 0; i < 9; i++) encrypted(name(i), settings(i), to);
    env("e0", name(0));
    for (int i = 1; i < 9; i += 2) env("e" + (i + 1) / 2, name(i), name(i + 1));
  }

  // ---- a conversion, as a command does it

  /** What a run met, in order: loads, progress, passphrase requests, the failure. */
  private record Run(List<String> events, List<String> decryptorCalls) {
    long calls(String thread) {
      return decryptorCalls.stream().filter(thread::equals).count();
    }
  }

  private static KeyRing deployKey() {
    return KeyRing.builder().secretKeyFile(KEYS.resolve("deploy-rsa.asc")).build();
  }

  /** The dev key (passphrase-protected) and passphrases for it and the symmetric fixture. */
  private static KeyRing devKey(List<String> events) {
    Thread loader = Thread.currentThread();
    return KeyRing.builder().secretKeyFile(KEYS.resolve("dev-cv25519.asc"))
        .passphrases(forWhat -> {
          events.add("asked for " + forWhat + " on " + who(loader));
          return Optional.of(firstLine(forWhat.startsWith("symmetric")
              ? "flask.passphrase" : "dev-cv25519.passphrase").toCharArray());
        }).build();
  }

  private static String firstLine(String keyFile) {
    try {
      return Files.readAllLines(KEYS.resolve(keyFile)).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String who(Thread loader) {
    Thread now = Thread.currentThread();
    return now == loader ? LOADER : now.getName();
  }

  private Run convert(boolean readAhead) {
    return convert(readAhead, events -> deployKey(), Optional.empty());
  }

  /**
   * Every environment converted in manifest order; {@code onWorker} is thrown when a read-ahead
   * thread asks for the decryptor.
   */
  private Run convert(boolean readAhead, java.util.function.Function<List<String>, KeyRing> keys,
      Optional<Supplier<Error>> onWorker) {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Thread loader = Thread.currentThread();
    KeyRing ring = keys.apply(events);
    SourceReader reader = new SourceReader(repo, () -> {
      calls.add(who(loader));
      if (Thread.currentThread() != loader && onWorker.isPresent()) throw onWorker.get().get();
      return new Decryptor(ring);
    }, () -> events.add("decrypted on " + who(loader)), readAhead);
    Manifest manifest = ManifestLoader.load(repo);
    afterManifest.run();
    EnvironmentLoader envs = new EnvironmentLoader(manifest, reader);
    List<Environment> all = manifest.environments();
    try (ReadAhead ahead = envs.readAhead(all, THREADS)) {
      for (int i = 0; i < all.size(); i++) {
        events.add(shown(envs.load(all.get(i))));
        if (i == 0) ahead.settle();
      }
    } catch (RuntimeException e) {
      events.add("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return new Run(List.copyOf(events), List.copyOf(calls));
  }

  private static String shown(LoadedEnvironment loaded) {
    return loaded.environment().name() + " " + loaded.vars().vars().values().stream()
        .map(ReadAheadTest::shown).collect(Collectors.joining(", ", "{", "}"))
        + " warnings " + loaded.allWarnings();
  }

  private static String shown(EnvVar v) {
    return v.name() + "=" + v.value().reveal() + " from " + v.origin();
  }

  // ---- the tests

  @Test
  void everyEnvironmentConvertsAsWhenReadOneByOne() {
    for (int i = 0; i < 15; i++) encrypted(name(i), settings(i), DEPLOY);
    plain("configs/common.env", "LOG_LEVEL=info\n");
    encrypted("configs/shared.py.gpg", "import os\nSHARED = 'all'\n", DEPLOY);
    encrypted("configs/cert.pem.gpg", "-----BEGIN CERT-----\nxyz\n", DEPLOY);
    env("e0", name(0), "configs/common.env", "configs/shared.py.gpg");
    for (int i = 1; i < 14; i += 3) {
      env("e" + i, name(i), "configs/shared.py.gpg", name(i + 1),
          "{file: configs/cert.pem.gpg, as: CERT_" + i + "}", "configs/common.env");
      if (i + 2 < 14) env("f" + i, "{file: " + name(i + 2) + ", dialect: python}");
    }

    Run alone = convert(false);
    Run ahead = convert(true);

    assertThat(ahead.events()).isEqualTo(alone.events());
    assertThat(alone.events()).noneMatch(e -> e.startsWith("failed"))
        .anyMatch(e -> e.contains("skipped import of os"));
    assertThat(ahead.events()).filteredOn(e -> e.startsWith("decrypted"))
        .as("progress told by the loading thread").containsOnly("decrypted on " + LOADER);
    assertThat(ahead.calls(WORKER)).as("the threads did their part").isGreaterThanOrEqualTo(6);
    assertThat(ahead.decryptorCalls()).as("each file decrypted once for each way it is read")
        .hasSameSizeAs(alone.decryptorCalls());
  }

  @Test
  void anEarlierParseErrorIsReportedAndALaterCorruptFileNeverSurfaces() {
    nineSources(DEPLOY);
    encrypted(name(3), "X = (\n", DEPLOY); // e2's first source: a syntax error
    corrupt(name(8), settings(8)); // e4's second source

    Run alone = convert(false);
    Run ahead = convert(true);

    assertThat(alone.events().get(alone.events().size() - 1))
        .startsWith("failed: SettingsException: " + name(3) + ":1: ");
    assertThat(ahead.events()).isEqualTo(alone.events());
    assertThat(ahead.calls(WORKER)).as("a worker decrypted the corrupt file before the error")
        .isEqualTo(8);
  }

  @Test
  void anEarlierCorruptFileIsReportedAndALaterParseErrorNeverSurfaces() {
    nineSources(DEPLOY);
    corrupt(name(2), settings(2));
    encrypted(name(7), "X = (\n", DEPLOY);

    Run alone = convert(false);
    Run ahead = convert(true);

    assertThat(alone.events().get(alone.events().size() - 1))
        .startsWith("failed: DecryptionException: " + name(2) + ": integrity check failed");
    assertThat(ahead.events()).isEqualTo(alone.events());
    assertThat(ahead.calls(WORKER)).isEqualTo(8);
  }

  @Test
  void aFileGoneSinceTheManifestWasReadIsReportedAsWhenReadOneByOne() {
    nineSources(DEPLOY);
    corrupt(name(7), settings(7));
    afterManifest = () -> delete(name(4)); // e2's second source

    Run alone = convert(false);
    encrypted(name(4), settings(4), DEPLOY);
    Run ahead = convert(true);

    assertThat(alone.events().get(alone.events().size() - 1))
        .isEqualTo("failed: EnvshiftException: " + name(4) + ": no such file");
    assertThat(ahead.events()).isEqualTo(alone.events());
  }

  @Test
  void workersNeverAskForAPassphraseTheyUseTheKeyTheLoadingThreadUnlocked() {
    nineSources(DEV);
    symmetric(name(3)); // e2's first source: asks for its passphrase, every time, in order

    Run alone = convert(false, ReadAheadTest::devKey, Optional.empty());
    Run ahead = convert(true, ReadAheadTest::devKey, Optional.empty());

    assertThat(ahead.events()).isEqualTo(alone.events());
    assertThat(ahead.events()).filteredOn(e -> e.startsWith("asked")).containsExactly(
        "asked for key D2AFDF4F16C019D1 (Dev Tester (TEST ONLY) <dev@example.org>) on "
            + LOADER,
        "asked for symmetric message " + name(3) + " on " + LOADER);
    assertThat(ahead.calls(WORKER)).as("8 sources after the first").isEqualTo(8);
    assertThat(ahead.calls(LOADER)).as("the first, then the symmetric one a worker left")
        .isEqualTo(2);
  }

  @Test
  void aKeyFileAWorkerWouldOpenIsNotNamedInAnEarlierFilesError() throws IOException {
    Path home = repo.resolveSibling(repo.getFileName() + "-gnupg");
    Files.createDirectories(home.resolve("private-keys-v1.d"));
    for (String file : List.of("pubring.kbx", "private-keys-v1.d/"
        + "96D504F51024BFD9F0FD7F2E916736E77EA640AE.key")) { // the deploy encryption subkey
      Files.copy(FIXTURES.resolve("gnupg-home").resolve(file), home.resolve(file));
    }
    // the dev encryption subkey's file, unreadable: listed in errors once it has been opened
    Files.writeString(home.resolve(
        "private-keys-v1.d/3EB9C50CDDD404F23ED81A035AF62F722E54B253.key"), "(garbage");
    nineSources(DEPLOY);
    encrypted(name(3), settings(3), "outsider@example.org"); // e2: no key for it
    encrypted(name(5), settings(5), DEV); // e3: would open the unreadable file

    java.util.function.Function<List<String>, KeyRing> keys =
        events -> KeyRing.builder().gnupgHome(home).build();
    Run alone = convert(false, keys, Optional.empty());
    Run ahead = convert(true, keys, Optional.empty());

    assertThat(alone.events().get(alone.events().size() - 1))
        .startsWith("failed: DecryptionException: " + name(3) + ": encrypted to key ids ")
        .doesNotContain("skipped");
    assertThat(ahead.events()).isEqualTo(alone.events());
    assertThat(ahead.calls(WORKER)).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"StackOverflowError", "OutOfMemoryError"})
  void anErrorOnAWorkerIsRedoneByTheLoadingThread(String error) {
    nineSources(DEPLOY);
    Supplier<Error> thrown = () -> error.equals("StackOverflowError")
        ? new StackOverflowError() : new OutOfMemoryError("a worker's");

    Run alone = convert(false);
    Run ahead = convert(true, events -> deployKey(), Optional.of(thrown));

    assertThat(ahead.events()).isEqualTo(alone.events());
    assertThat(ahead.calls(WORKER)).isEqualTo(8);
    assertThat(ahead.calls(LOADER)).as("every source redone as before").isEqualTo(9);
  }

  @Test
  void onlyTheSelectedEnvironmentsAreReadAndASharedSourceOnce() {
    encrypted("configs/shared.env.gpg", "SHARED=1\n", DEPLOY);
    encrypted("configs/a.env.gpg", "A=1\n", DEPLOY);
    encrypted("configs/b.env.gpg", "B=1\n", DEPLOY);
    encrypted("configs/c.env.gpg", "C=1\n", DEPLOY);
    env("a", "configs/shared.env.gpg", "configs/a.env.gpg");
    env("b", "configs/shared.env.gpg", "configs/b.env.gpg");
    env("c", "configs/c.env.gpg");
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    KeyRing ring = deployKey();
    SourceReader reader = new SourceReader(repo, () -> {
      calls.add(Thread.currentThread().getName());
      return new Decryptor(ring);
    }, () -> { }, true);
    Manifest manifest = ManifestLoader.load(repo);
    EnvironmentLoader loader = new EnvironmentLoader(manifest, reader);
    List<Environment> selected = List.of(manifest.environment("a"), manifest.environment("b"));

    try (ReadAhead ahead = loader.readAhead(selected, THREADS)) {
      loader.load(selected.get(0));
      ahead.settle();
      loader.load(selected.get(1));
      assertThat(calls).as("shared, a and b, once each; never c").hasSize(3);
    }
    loader.load(manifest.environment("c"));
    assertThat(calls).hasSize(4);
  }

  @Test
  void oneEnvironmentOneSourcePlaintextOrReadAheadOffStartsNoThread() {
    for (int i = 0; i < 4; i++) encrypted(name(i), settings(i), DEPLOY);
    plain("configs/p1.env", "P=1\n");
    plain("configs/p2.env", "P=2\n");
    env("one", name(0), name(1), name(2));
    env("same", name(3));
    env("again", name(3));
    env("plain1", "configs/p1.env");
    env("plain2", "configs/p2.env");
    Manifest manifest = ManifestLoader.load(repo);
    KeyRing ring = deployKey();
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Supplier<Decryptor> decryptor = () -> {
      calls.add(Thread.currentThread().getName());
      return new Decryptor(ring);
    };
    EnvironmentLoader loader =
        new EnvironmentLoader(manifest, new SourceReader(repo, decryptor, () -> { }, true));
    EnvironmentLoader fresh =
        new EnvironmentLoader(manifest, new SourceReader(repo, decryptor, () -> { }, true));
    EnvironmentLoader off =
        new EnvironmentLoader(manifest, new SourceReader(repo, decryptor, () -> { }, false));

    assertNoThread(loader, manifest, List.of("one"));
    assertNoThread(loader, manifest, List.of("same", "again"));
    // nothing encrypted loaded yet by this reader, and none to load: the keys are never needed
    assertNoThread(fresh, manifest, List.of("plain1", "plain2"));
    assertNoThread(off, manifest, List.of("one", "same", "plain1"));
    assertThat(calls).doesNotContain(WORKER);
  }

  private static void assertNoThread(EnvironmentLoader loader, Manifest manifest,
      List<String> names) {
    List<Environment> selected = names.stream().map(manifest::environment).toList();
    try (ReadAhead ahead = loader.readAhead(selected, THREADS)) {
      selected.forEach(loader::load);
      assertThat(ahead.started()).as("%s", names).isFalse();
    }
  }

  @Test
  void loadsFromManyThreadsAtOnceDecryptAFileOnce() {
    encrypted("configs/app.env.gpg", "A=1\n", DEPLOY);
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    KeyRing ring = deployKey();
    SourceReader reader = new SourceReader(repo, () -> {
      calls.add(Thread.currentThread().getName());
      return new Decryptor(ring);
    });
    Source source = new Source("configs/app.env.gpg", Origin.of("envshift.yml"));

    List<SourceReader.LoadedSource> loaded = Parallel.map(
        IntStream.range(0, 8).boxed().toList(), 8, i -> reader.load(source));

    assertThat(calls).hasSize(1);
    assertThat(loaded).allSatisfy(l -> assertThat(l).isSameAs(loaded.get(0)));
  }

  @Test
  void thePlaintextIsWipedAfterParsingParsedOrNot() {
    byte[] good = "A=1\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = "X = (\n".getBytes(StandardCharsets.UTF_8);

    SourceReader.LoadedSource loaded =
        SourceReader.parseAndWipe(decrypted(good), new Source("a.env", Origin.of("a.env")));
    assertThatThrownBy(() -> SourceReader.parseAndWipe(decrypted(bad),
        new Source("b.py", Origin.of("b.py")))).isInstanceOf(EnvshiftException.class);

    assertThat(loaded.module().settings()).isNotEmpty();
    assertThat(good).containsOnly(0);
    assertThat(bad).containsOnly(0);
  }

  private static DecryptedFile decrypted(byte[] plaintext) {
    return new DecryptedFile(plaintext, List.of(), Optional.empty(), true, "test", List.of(),
        "x");
  }
}
