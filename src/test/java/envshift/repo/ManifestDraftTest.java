package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import envshift.settings.SettingsFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDraftTest {
  @TempDir Path tmp;

  @Test
  void draftOfABlackboxRepoIsExactlyThis() {
    Path root = tmp.resolve("payroll");
    new TestRepo(root)
        .text("keyrings/live/blackbox-admins.txt", "deploy@example.org\nhannah@example.org\n")
        .text(
            "keyrings/live/blackbox-files.txt",
            "configs/app_config.py\nconfigs/missing.py\nconfigs/nginx.staging.conf\n"
                + "configs/settings_deployment.production.py\n"
                + "configs/settings_deployment.staging.py\nconfigs/settings_local_sahel.py\n"
                + "scripts/after_install.sh\n")
        .text(".gitignore", "/configs/settings_deployment.staging.py\n")
        .text("configs/settings_deployment.staging.py", "SECRET_KEY = 'twin'\n")
        .encrypted("configs/app_config.py.gpg")
        .encrypted("configs/nginx.staging.conf.gpg")
        .encrypted("configs/settings_deployment.production.py.gpg")
        .encrypted("configs/settings_deployment.staging.py.gpg")
        .encrypted("configs/settings_local_sahel.py.gpg")
        .encrypted("scripts/after_install.sh.gpg")
        .encrypted("configs/backup-credentials.txt.gpg")
        .text("configs/.env.staging.asc", TestRepo.ARMORED_MESSAGE)
        .text("payroll/local_settings.example.py", "SECRET_KEY = 'changeme'\n")
        .bytes("configs/secret.env", ("\0GITCRYPT\0" + "123456789012ciphertext").getBytes());

    String draft = ManifestDraft.render(RepoScanner.scan(root));

    assertThat(draft)
        .isEqualTo(
            """
            # envshift.yml drafted by `envshift init` from the files found in payroll.
            # Review it before use: the environments, their sources and the Heroku app names
            # are guesses from file names. It names files and apps, never a secret value.
            version: 1
            recipients: [deploy@example.org, hannah@example.org]  # who encrypted outputs are \
            for; from keyrings/live/blackbox-admins.txt
            environments:
              development:
                sources: [payroll/local_settings.example.py]
                dotenv: .env  # the single dev .env; `.env.gpg` means encrypt it to `recipients`
              staging:
                sources: [configs/.env.staging.asc, configs/settings_deployment.staging.py.gpg]
                heroku: {app: payroll-staging}  # TODO: check the app name
              production:
                sources: [configs/settings_deployment.production.py.gpg]
                heroku: {app: payroll-production}  # TODO: check the app name
              sahel:
                sources: [configs/settings_local_sahel.py.gpg]
                heroku: {app: payroll-sahel}  # TODO: check the app name
            rename: {}  # legacy name: config var, e.g. {SECRET_KEY: DJANGO_SECRET_KEY}
            drop: []  # legacy settings not to migrate, e.g. [STATIC_ROOT]

            # unassigned settings files (add them to an environment):
            #   configs/app_config.py.gpg

            # not migrated (infrastructure, review by hand):
            #   configs/nginx.staging.conf.gpg
            #   scripts/after_install.sh.gpg

            # unknown files (not recognised as settings, review by hand):
            #   configs/backup-credentials.txt.gpg
            #   configs/secret.env

            # problems found while scanning:
            #   configs/missing.py: listed in keyrings/live/blackbox-files.txt but \
            configs/missing.py.gpg is missing
            #   configs/secret.env: encrypted with git-crypt, not OpenPGP; envshift cannot read it
            """);
  }

  @Test
  void draftIsValidYamlWithTheManifestShape() throws Exception {
    Path root = tmp.resolve("just-spaces");
    new TestRepo(root)
        .text(".blackbox/blackbox-admins.txt", "deploy@example.org\n")
        .encrypted("configs/.env.gpg")
        .encrypted("configs/local_settings.dev.py.gpg")
        .encrypted("configs/local_settings.staging.py.gpg");

    JsonNode yaml = parse(ManifestDraft.render(RepoScanner.scan(root)));

    assertThat(yaml.get("version").asInt()).isEqualTo(1);
    assertThat(yaml.get("recipients").get(0).asText()).isEqualTo("deploy@example.org");
    JsonNode development = yaml.get("environments").get("development");
    assertThat(development.get("sources").get(0).asText())
        .isEqualTo("configs/local_settings.dev.py.gpg");
    assertThat(development.get("dotenv").asText())
        .as("an encrypted dev source makes an encrypted dev .env")
        .isEqualTo(".env.gpg");
    assertThat(yaml.get("environments").get("staging").get("heroku").get("app").asText())
        .isEqualTo("just-spaces-staging");
    assertThat(yaml.get("rename").isObject()).isTrue();
    assertThat(yaml.get("drop").isArray()).isTrue();
  }

  @Test
  void pathsAndNamesThatYamlWouldMisreadAreQuoted() throws Exception {
    Path root = tmp.resolve("Odd Repo_2");
    RepoScan scan =
        new RepoScan(
            root,
            List.of(
                settings("configs/my settings, v2.py.gpg", "staging"),
                settings("configs/#1: local.env", "on"),
                settings("yes", "staging"),
                settings("configs/new\nline.env", "staging")),
            Optional.empty(),
            List.of("configs/new\nline.env: a problem"));

    String draft = ManifestDraft.render(scan);

    JsonNode yaml = parse(draft);
    assertThat(yaml.get("environments").get("staging").get("sources"))
        .extracting(JsonNode::asText)
        .containsExactly("configs/my settings, v2.py.gpg", "yes", "configs/new\nline.env");
    assertThat(yaml.get("environments").get("on").get("sources").get(0).asText())
        .isEqualTo("configs/#1: local.env");
    assertThat(yaml.get("environments").get("staging").get("heroku").get("app").asText())
        .isEqualTo("odd-repo-2-staging");
    assertThat(draft).contains("#   \"configs/new\\u000Aline.env: a problem\"\n");
  }

  @Test
  void withoutBlackboxRecipientsAreLeftAsAComment() {
    Path root = tmp.resolve("app");
    new TestRepo(root).encrypted("configs/.env.production.gpg");

    String draft = ManifestDraft.render(RepoScanner.scan(root));

    assertThat(draft)
        .contains(
            "# recipients: [you@example.org]  # who encrypted outputs are for; default: the"
                + " legacy files' recipients\n")
        .doesNotContain("\nrecipients:")
        .doesNotContain("development:");
  }

  @Test
  void aRepoWithNothingToMigrateGetsAnEmptyEnvironmentMap() throws Exception {
    Path root = tmp.resolve("empty");
    new TestRepo(root).text("README.md", "# nothing\n");

    String draft = ManifestDraft.render(RepoScanner.scan(root));

    assertThat(draft)
        .contains("environments: {}  # TODO: no settings file found; add environments by hand\n");
    assertThat(parse(draft).get("environments").size()).isZero();
  }

  @Test
  void sameScanSameText() {
    Path root = tmp.resolve("payroll");
    new TestRepo(root)
        .encrypted("configs/local_settings.zeta.py.gpg")
        .encrypted("configs/local_settings.alpha.py.gpg")
        .encrypted("configs/local_settings.production.py.gpg");
    RepoScan scan = RepoScanner.scan(root);

    String draft = ManifestDraft.render(scan);

    assertThat(ManifestDraft.render(RepoScanner.scan(root))).isEqualTo(draft);
    assertThat(draft.indexOf("  production:")).isLessThan(draft.indexOf("  alpha:"));
    assertThat(draft.indexOf("  alpha:")).isLessThan(draft.indexOf("  zeta:"));
  }

  @Test
  void herokuAppNamesAreLowerCaseLettersDigitsAndDashes() {
    assertThat(ManifestDraft.herokuApp("bga-payroll", "staging")).isEqualTo("bga-payroll-staging");
    assertThat(ManifestDraft.herokuApp("BGA_Payroll", "heroku-prod"))
        .isEqualTo("bga-payroll-heroku-prod");
    assertThat(ManifestDraft.herokuApp("2020.site", "prod")).isEqualTo("site-prod");
  }

  private static RepoFile settings(String path, String environment) {
    return new RepoFile(
        path,
        FileKind.SETTINGS,
        SettingsFormat.DOTENV,
        true,
        false,
        Optional.of(environment),
        false);
  }

  private static JsonNode parse(String yaml) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(yaml);
  }
}
