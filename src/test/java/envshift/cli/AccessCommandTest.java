package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offboarding report over the fixture repos. */
class AccessCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DJANGO_FILES =
      List.of(
          "configs/nginx.staging.conf.gpg",
          "configs/settings_deployment.production.py.gpg",
          "configs/settings_deployment.staging.py.gpg",
          "scripts/after_install.sh.gpg");
  private static final List<String> DOTENV_FILES =
      List.of(
          "configs/.env.development.gpg",
          "configs/.env.staging.gpg",
          "configs/production/.env.gpg");

  @TempDir Path home;

  /** On a copy outside any git checkout: the fixtures' own history is envshift's, not theirs. */
  private Cli.Result access(String repo, String... args) {
    Path copy = RepoCopy.of(repo, home.resolve("repos"));
    List<String> all = new ArrayList<>(List.of("access", "--repo", copy.toString()));
    all.addAll(List.of(args));
    Cli.Result r = new Cli(home).run(all.toArray(String[]::new));
    assertThat(r.both()).doesNotContain(Cli.CANARY);
    return r;
  }

  /**
   * Field of keys/fingerprints.txt: the fixtures are rebuilt with new keys, never hard-code them.
   */
  private static String fingerprint(String name, String role, int field) throws IOException {
    for (String line : Files.readAllLines(Cli.FIXTURES.resolve("keys/fingerprints.txt"))) {
      String[] f = line.trim().split("\\s+");
      if (!line.startsWith("#") && f[0].equals(name) && f[1].equals(role)) return f[field];
    }
    throw new AssertionError(name + " " + role);
  }

  @Test
  void withoutAKeyEveryEncryptedFileIsListedWithItsRecipients() throws IOException {
    Cli.Result r = access("django-blackbox");

    assertThat(r.code()).as(r.err()).isZero();
    String deploySub = fingerprint("deploy-rsa", "subkey", 5);
    for (String file : DJANGO_FILES) {
      assertThat(r.out()).contains(file + "\n  " + deploySub + " (Payroll Deploy (TEST ONLY)");
    }
    assertThat(r.out()).contains("(Dev Tester (TEST ONLY) <dev@example.org>)");
  }

  @Test
  void devKeyCouldReadEveryFileAndTheirVariableNamesAreListed() throws IOException {
    Cli.Result r =
        access(
            "django-blackbox",
            "--key",
            fingerprint("dev-cv25519", "primary", 4),
            "--secret-key",
            Cli.fixture("keys/dev-cv25519.asc"),
            "--passphrase-file",
            Cli.fixture("keys/dev-cv25519.passphrase"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith(fingerprint("dev-cv25519", "primary", 4) + " could read 4 file(s)");
    DJANGO_FILES.forEach(f -> assertThat(r.out()).contains(f + "\n"));
    assertThat(r.out())
        .contains("DJANGO_SECRET_KEY, DEBUG, ALLOWED_HOSTS, ADMINS, DATABASE_URL")
        .contains("AWS_SECRET_ACCESS_KEY")
        .doesNotContain("STATIC_ROOT") // dropped by the manifest
        .contains("variables unknown (not a settings file)");
  }

  @Test
  void deployKeyBySubkeyIdMatchesItsPrimaryAndNamesTheFilesItCannotDecrypt() throws IOException {
    // only the public key is loaded: the files are listed, their variables are unknown
    Cli.Result r =
        access(
            "dotenv-envs",
            "--key",
            fingerprint("deploy-rsa", "subkey", 5),
            "--public-key",
            Cli.fixture("keys/deploy-rsa.pub.asc"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("could read 3 file(s)");
    for (String file : DOTENV_FILES) {
      assertThat(r.out()).contains(file + "\n");
    }
    assertThat(r.out()).contains("  variables unknown (cannot decrypt: configs/.env.staging.gpg: ");
  }

  @Test
  void outsiderKeyReadsNothing() {
    Cli.Result r =
        access(
            "django-blackbox",
            "--key",
            "outsider@example.org",
            "--public-key",
            Cli.fixture("keys/outsider-rsa.pub.asc"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("outsider@example.org could read 0 file(s); rotate these variables:\n");
  }

  @Test
  void jsonHasTheDocumentedShape() throws IOException {
    Cli.Result r =
        access(
            "dotenv-envs",
            "--key",
            "deploy@example.org",
            "--json",
            "--secret-key",
            Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(names(doc)).containsExactly("key", "key_ids", "history_read", "files");
    assertThat(doc.get("history_read").asBoolean()).as("the copy is no git checkout").isFalse();
    assertThat(r.err()).contains("is not a git checkout (or git is missing): only the current "
        + "files were read");
    assertThat(doc.get("key").asText()).isEqualTo("deploy@example.org");
    assertThat(doc.get("key_ids").toString())
        .isEqualTo(
            "[\""
                + fingerprint("deploy-rsa", "primary", 5)
                + "\",\""
                + fingerprint("deploy-rsa", "subkey", 5)
                + "\"]");
    List<String> paths = new ArrayList<>();
    for (JsonNode file : doc.get("files")) {
      paths.add(file.get("path").asText());
      assertThat(names(file))
          .containsExactly("path", "symmetric", "recipients", "variables", "variables_unknown",
              "present", "readable_now", "versions", "unchanged", "unchanged_unknown");
      assertThat(file.get("variables_unknown").isNull()).isTrue();
      assertThat(file.get("present").asBoolean()).isTrue();
      assertThat(file.get("readable_now").asBoolean()).isTrue();
      // the working tree is the one version; a key that still reads a file knows every value
      assertThat(file.get("versions").toString()).isEqualTo("[{\"commit\":null,\"date\":null}]");
      assertThat(file.get("unchanged")).isEqualTo(file.get("variables"));
      assertThat(file.get("unchanged_unknown").isNull()).isTrue();
      JsonNode first = file.get("recipients").get(0);
      assertThat(names(first)).containsExactly("key_id", "fingerprint", "user_ids");
      assertThat(first.get("fingerprint").asText())
          .isEqualTo(fingerprint("deploy-rsa", "primary", 4));
    }
    assertThat(paths).containsExactlyElementsOf(DOTENV_FILES);
    assertThat(doc.get("files").get(2).get("variables").toString())
        .isEqualTo(
            "[\"APP_NAME\",\"DOMAIN\",\"DJANGO_SECRET_KEY\",\"DJANGO_DEBUG\","
                + "\"DJANGO_ALLOWED_HOSTS\",\"DATABASE_URL\",\"AWS_ACCESS_KEY_ID\","
                + "\"AWS_SECRET_ACCESS_KEY\"]");
  }

  @Test
  void symmetricFileIsListedWithoutRecipients() throws IOException {
    Cli.Result r = access("flask-symmetric", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()))
        .isEqualTo(
            JSON.readTree(
                "{\"key\":null,\"key_ids\":[],\"history_read\":false,\"files\":[{\"path\":"
                    + "\"configs/app_config.py.asc\",\"symmetric\":true,\"recipients\":[],"
                    + "\"variables\":[],\"variables_unknown\":null,\"present\":true,"
                    + "\"readable_now\":false,\"versions\":[],\"unchanged\":[],"
                    + "\"unchanged_unknown\":null}]}"));
    assertThat(r.err()).as("without --key no history is read, so nothing to warn").isEmpty();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) names.add(it.next());
    return names;
  }
}
