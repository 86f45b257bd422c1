package envshift.cli;

import static envshift.access.OffboardFixtures.DEPLOY;
import static envshift.access.OffboardFixtures.DEV;
import static envshift.access.OffboardFixtures.commit;
import static envshift.access.OffboardFixtures.deployRing;
import static envshift.access.OffboardFixtures.encrypt;
import static envshift.access.OffboardFixtures.git;
import static envshift.access.OffboardFixtures.gpgDecrypt;
import static envshift.access.OffboardFixtures.subkeyId;
import static envshift.access.OffboardFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.manifest.ManifestLoader;
import envshift.pgp.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, end to end: after {@code rekey --remove-recipient} the person is gone from envshift.yml
 * and new backups are not for them (checked with the real gpg), and {@code access --key} lists
 * every file they could read in the repo's history, with the variables still worth rotating.
 */
@ExtendWith(FakeHerokuExtension.class)
class OffboardingAcceptanceTest {
  private static final String STAGING = "configs/settings_deployment.staging.py.gpg";
  private static final String PRODUCTION = "configs/settings_deployment.production.py.gpg";
  private static final String DEV_PUB = Cli.fixture("keys/dev-cv25519.pub.asc");
  private static final long T0 = 1_700_000_000L; // 2023-11-14
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path gpgHomes;

  @Test
  void afterRekeyTheManifestNoLongerNamesTheKeyAndANewBackupIsNotForIt(FakeHeroku heroku)
      throws IOException {
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    Path backups = home.resolve("backups");
    PushWorld world = new PushWorld(home, heroku);
    world.heroku.createApp("payroll-staging");
    assertThat(world.apply(repo.toString(), "--env", "staging").code()).isZero();
    Path before = onlyFile(backups, List.of());
    assertThat(gpgDecrypt(before, "dev-cv25519.asc", gpgHomes)).as("dev read backups").isZero();

    Cli.Result rekey = new Cli(home).cwd(repo).run("rekey", "--repo", repo.toString(),
        "--secret-key", PushWorld.DEPLOY_KEY, STAGING, PRODUCTION, "--remove-recipient", DEV);

    assertThat(rekey.code()).as(rekey.err()).isZero();
    assertThat(rekey.out()).contains("updated envshift.yml: removed dev@example.org from "
        + "recipients\n");
    assertThat(Files.readString(repo.resolve("envshift.yml"))).doesNotContain(DEV)
        .startsWith("# envshift manifest for the django-blackbox fixture (TEST ONLY).");
    assertThat(ManifestLoader.load(repo).recipients()).containsExactly(DEPLOY);

    world.heroku.setConfig("payroll-staging", Map.of("CHANGED_BY_HAND", "x"));
    Cli.Result apply = world.apply(repo.toString(), "--env", "staging");
    assertThat(apply.code()).as(apply.err()).isZero();
    Path after = onlyFile(backups, List.of(before));
    assertThat(gpgDecrypt(after, "dev-cv25519.asc", gpgHomes)).as("dev after").isNotZero();
    assertThat(gpgDecrypt(after, "deploy-rsa.asc", gpgHomes)).as("deploy after").isZero();
    world.assertClean(rekey);
  }

  @Test
  void accessListsEveryFileTheKeyCouldReadInHistoryAndWhatIsStillWorthRotating()
      throws IOException {
    KeyRing ring = deployRing();
    Path repo = home.resolve("repo");
    git(home, "init", "--quiet", repo.toString());
    Files.writeString(repo.resolve("envshift.yml"), "version: 1\nrecipients: [" + DEPLOY + ", "
        + DEV + "]\nenvironments:\n  staging:\n    sources: [configs/app.env.gpg]\n"
        + "    heroku: {app: demo-staging}\n");
    write(repo.resolve("configs/app.env.gpg"),
        encrypt("KEPT=" + Cli.CANARY + "-kept\nROTATED=old-value\n", ring, DEPLOY, DEV));
    write(repo.resolve("configs/old.env.gpg"), encrypt("OLD=" + Cli.CANARY + "\n", ring, DEPLOY,
        DEV));
    write(repo.resolve("configs/team.env.gpg"), encrypt("TEAM=t\n", ring, DEPLOY));
    String readable = commit(repo, T0, "dev joins");
    Cli.Result rekey = new Cli(home).cwd(repo).run("rekey", "configs/app.env.gpg",
        "--remove-recipient", DEV, "--secret-key", PushWorld.DEPLOY_KEY, "--public-key", DEV_PUB);
    assertThat(rekey.code()).as(rekey.err()).isZero();
    commit(repo, T0 + 10, "dev leaves: rekeyed");
    write(repo.resolve("configs/app.env.gpg"),
        encrypt("KEPT=" + Cli.CANARY + "-kept\nROTATED=new-value\n", ring, DEPLOY));
    git(repo, "rm", "--quiet", "configs/old.env.gpg");
    commit(repo, T0 + 20, "ROTATED rotated, old.env.gpg removed");

    Cli.Result r = access(repo, "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("history_read").asBoolean()).isTrue();
    assertThat(doc.get("files").findValuesAsText("path"))
        .containsExactly("configs/app.env.gpg", "configs/old.env.gpg");
    JsonNode app = doc.get("files").get(0);
    assertThat(app.get("present").asBoolean()).isTrue();
    assertThat(app.get("readable_now").asBoolean()).isFalse();
    assertThat(app.get("versions").toString())
        .isEqualTo("[{\"commit\":\"" + readable + "\",\"date\":\"2023-11-14T22:13:20Z\"}]");
    assertThat(app.get("variables").toString()).isEqualTo("[\"KEPT\",\"ROTATED\"]");
    assertThat(app.get("unchanged").toString()).isEqualTo("[\"KEPT\"]");
    assertThat(app.get("recipients").findValuesAsText("key_id"))
        .containsExactly(subkeyId("deploy-rsa"));
    JsonNode old = doc.get("files").get(1);
    assertThat(old.get("present").asBoolean()).isFalse();
    assertThat(old.get("versions").get(0).get("commit").asText()).isEqualTo(readable);
    assertThat(old.get("variables").toString()).isEqualTo("[\"OLD\"]");
    assertThat(old.get("unchanged").toString()).isEqualTo("[]");
    assertThat(old.get("unchanged_unknown").asText()).startsWith("the file is gone");

    Cli.Result text = access(repo);
    assertThat(text.out())
        .startsWith(DEV + " could read 2 file(s); rotate these variables:\n"
            + "configs/app.env.gpg  (rekeyed; last readable in " + readable.substring(0, 12)
            + " of 2023-11-14)\n")
        .contains("  variables: KEPT, ROTATED\n  unchanged since it lost access: KEPT\n")
        .contains("configs/old.env.gpg  (deleted; last readable in ");
  }

  private Cli.Result access(Path repo, String... more) {
    List<String> args = new ArrayList<>(List.of("access", "--repo", repo.toString(), "--key", DEV,
        "--secret-key", PushWorld.DEPLOY_KEY, "--public-key", DEV_PUB));
    args.addAll(List.of(more));
    Cli.Result r = new Cli(home).run(args.toArray(String[]::new));
    assertThat(r.both()).doesNotContain(Cli.CANARY).doesNotContain("old-value")
        .doesNotContain("new-value");
    return r;
  }

  /** The one file in {@code dir} that is not in {@code known}. */
  private static Path onlyFile(Path dir, List<Path> known) {
    List<Path> fresh = PushWorld.filesUnder(dir).stream().filter(p -> !known.contains(p)).toList();
    assertThat(fresh).hasSize(1);
    assertThat(PushWorld.read(fresh.get(0))).startsWith("-----BEGIN PGP MESSAGE-----");
    return fresh.get(0);
  }
}
