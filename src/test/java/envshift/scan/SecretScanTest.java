package envshift.scan;

import static envshift.access.OffboardFixtures.commit;
import static envshift.access.OffboardFixtures.git;
import static envshift.access.OffboardFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.convert.Workspace;
import envshift.plan.AppConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretScan} on git repos made under a temp dir whose sources are plaintext (a git-ignored
 * .env), so no key is needed; the encrypted case is covered by ScanCommandTest.
 */
class SecretScanTest {
  private static final long T0 = 1_700_000_000L;
  private static final String TOKEN = "tok-0123456789abcdef";
  private static final String PASSWORD = "hunter2-but-longer";

  @TempDir Path repo;
  private final List<List<String>> liveReads = new ArrayList<>();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @BeforeEach
  void repoWithAnIgnoredSource() {
    write(repo.resolve("envshift.yml"), utf8("version: 1\nenvironments:\n"
        + "  production:\n    sources: [.env.prod]\n    heroku: {app: prod-app}\n"
        + "  development:\n    sources: [.env.dev]\n"));
    write(repo.resolve(".env.prod"), utf8("API_TOKEN=" + TOKEN + "\nDEBUG=verbose-mode\n"));
    write(repo.resolve(".env.dev"), utf8("DB_PASSWORD=" + PASSWORD + "\nSHORT_KEY=1234567\n"));
    write(repo.resolve(".gitignore"), utf8(".env.*\n"));
    git(repo, "init", "--quiet");
    commit(repo, T0, "manifest");
  }

  private ScanReport scan(boolean history, Optional<SecretScan.LiveReader> live) {
    Workspace ws = new Workspace(repo, pubring -> {
      throw new AssertionError("plaintext sources need no key");
    });
    return new SecretScan(ws, live, loaded -> {}).scan(history);
  }

  private ScanReport scan(boolean history) {
    return scan(history, Optional.empty());
  }

  private SecretScan.LiveReader app(Map<String, String> vars) {
    return envs -> {
      liveReads.add(envs.stream().map(e -> e.name()).toList());
      Map<String, Secret> secrets = new java.util.HashMap<>();
      vars.forEach((k, v) -> secrets.put(k, Secret.of(v)));
      return List.of(new AppConfig("production", "prod-app", secrets, Map.of()));
    };
  }

  @Test
  void aCleanRepoHasNoFindingsAndSearchedOnlyLongSecretNamedValues() {
    ScanReport report = scan(true);

    assertThat(report.leaks()).isEmpty();
    // API_TOKEN and DB_PASSWORD; DEBUG is no secret name, SHORT_KEY is under 8 characters
    assertThat(report.valuesSearched()).isEqualTo(2);
  }

  @Test
  void aValueCommittedThenRemovedIsFoundOnlyWithHistoryWithItsFirstAndLastCommit() {
    write(repo.resolve("notes.txt"), utf8("deploy with " + TOKEN + "\n"));
    String first = commit(repo, T0 + 10, "notes");
    write(repo.resolve("notes.txt"), utf8("deploy with " + TOKEN + " (again)\n"));
    String last = commit(repo, T0 + 20, "notes again");
    git(repo, "rm", "--quiet", "notes.txt");
    commit(repo, T0 + 30, "oops");

    assertThat(scan(false).leaks()).isEmpty();
    assertThat(scan(true).leaks())
        .extracting(Leak::kind, Leak::path, Leak::environment, Leak::variable, Leak::inTree,
            Leak::firstCommit, Leak::lastCommit, Leak::live)
        .containsExactly(tuple(Leak.Kind.VALUE, "notes.txt", Optional.of("production"),
            Optional.of("API_TOKEN"), false, Optional.of(first), Optional.of(last),
            Leak.Live.UNKNOWN));
  }

  @Test
  void aTrackedValueIsInTheTreeAndLiveWhenTheAppStillHasIt() {
    write(repo.resolve("README.md"), utf8("token: " + TOKEN + "\npw: " + PASSWORD + "\n"));
    git(repo, "add", "README.md");

    ScanReport live = scan(false, Optional.of(app(Map.of("API_TOKEN", TOKEN))));
    ScanReport rotated = scan(false, Optional.of(app(Map.of("API_TOKEN", "rotated-0000000"))));

    assertThat(live.leaks())
        .extracting(Leak::variable, Leak::inTree, Leak::firstCommit, Leak::live)
        .containsExactly(
            tuple(Optional.of("DB_PASSWORD"), true, Optional.empty(), Leak.Live.UNKNOWN),
            tuple(Optional.of("API_TOKEN"), true, Optional.empty(), Leak.Live.YES));
    assertThat(rotated.leaks()).extracting(Leak::live)
        .containsExactly(Leak.Live.UNKNOWN, Leak.Live.NO);
    assertThat(liveReads).as("only environments with a heroku target are read")
        .containsOnly(List.of("production"));
    assertThat(live.notes()).containsExactly(
        "live state unknown for environments without a heroku target");
  }

  @Test
  void thePlaintextTwinOfAnEncryptedFileAndOfABlackboxEntryAreFound() {
    write(repo.resolve("config/app.yml.gpg"), utf8("-----BEGIN PGP MESSAGE-----\n"));
    write(repo.resolve(".blackbox/blackbox-files.txt"), utf8("secrets/db.conf\n"));
    String added = commit(repo, T0 + 10, "encrypted");
    write(repo.resolve("config/app.yml"), utf8("nothing secret-named\n"));
    write(repo.resolve("secrets/db.conf"), utf8("x\n"));
    String twins = commit(repo, T0 + 20, "twins");

    assertThat(scan(true).leaks())
        .extracting(Leak::kind, Leak::path, Leak::inTree, Leak::firstCommit, Leak::live)
        .containsExactly(
            tuple(Leak.Kind.TWIN, "config/app.yml", true, Optional.of(twins),
                Leak.Live.NOT_APPLICABLE),
            tuple(Leak.Kind.TWIN, "secrets/db.conf", true, Optional.of(twins),
                Leak.Live.NOT_APPLICABLE));
    assertThat(added).isNotEqualTo(twins);
  }

  @Test
  void aFolderOutsideAnyCheckoutIsAnErrorNamingIt(@TempDir Path plain) {
    write(plain.resolve("envshift.yml"), utf8("version: 1\nenvironments:\n"
        + "  production:\n    sources: [.env.prod]\n"));
    write(plain.resolve(".env.prod"), utf8("API_TOKEN=" + TOKEN + "\n"));
    Workspace ws = new Workspace(plain, p -> {
      throw new AssertionError("no key");
    });

    assertThatThrownBy(() -> new SecretScan(ws, Optional.empty(), l -> {}).scan(false))
        .isInstanceOf(EnvshiftException.class)
        .hasMessageContaining("is not in a git checkout")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void theReportHoldsNoValue() {
    write(repo.resolve("README.md"), utf8(TOKEN + " " + PASSWORD));
    commit(repo, T0 + 10, "leak");

    ScanReport report = scan(true, Optional.of(app(Map.of("API_TOKEN", TOKEN))));

    assertThat(report.leaks()).hasSize(2);
    assertThat(report.toString()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
    assertThat(ScanJson.render(report)).doesNotContain(TOKEN).doesNotContain(PASSWORD);
    assertThat(ScanText.render(report)).doesNotContain(TOKEN).doesNotContain(PASSWORD);
  }
}
