package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one rule set for file kinds. The table holds every name that repo/FileClassifier (names
 * only) or settings/FileKinds (names and content) recognised before they were merged; the name
 * alone decides each of them, so a scan and a parse agree.
 */
class FileKindsTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // Python settings modules, also with the env suffix after .py (committee-oversight)
    "configs/settings_deployment.staging.py.gpg, PYTHON",
    "configs/settings_deployment.production.py.gpg, PYTHON",
    "configs/settings_deployment_staging.py.gpg, PYTHON",
    "configs/settings_deployment.staging.py, PYTHON",
    "configs/local_settings.py.production.gpg, PYTHON",
    "configs/local_settings.py.gh-actions, PYTHON",
    "configs/local_settings.py.example, PYTHON",
    "configs/settings_local_dev.py.gpg, PYTHON",
    "bga_database/local_settings.example.py, PYTHON",
    "configs/app_config.py.asc, PYTHON",
    "configs/CONFIG.PY.PGP, PYTHON",
    "jail/sentry.py, PYTHON",
    "LOCAL_SETTINGS.PY.GPG, PYTHON",
    // dotenv, in all the shapes the repos used
    ".env, DOTENV",
    "configs/.env.gpg, DOTENV",
    "configs/.env.staging.gpg, DOTENV",
    "data/.env.example, DOTENV",
    "configs/production/.env, DOTENV",
    "configs/heroku-prod/.env.gpg, DOTENV",
    "configs/staging.env, DOTENV",
    "configs/production.env, DOTENV",
    "configs/env, DOTENV",
    "configs/staging-config.conf, DOTENV",
    "configs/staging-config.conf.gpg, DOTENV",
    "configs/production-config.conf.gpg, DOTENV",
    "configs/deployment.cfg, DOTENV",
    // structured formats
    "configs/lametro_service_acct_key.json.gpg, JSON",
    "configs/credentials.json.gpg, JSON",
    "configs/settings.yml.pgp, YAML",
    "configs/settings.yml, YAML",
    "configs/settings.yaml, YAML",
    "configs/sentry.ini.gpg, INI",
    "configs/alembic.ini, INI",
    "configs/uwsgi.ini, INI",
    // infrastructure: recognised, never parsed
    "configs/bga-payroll.conf.production.nginx.gpg, NOT_SETTINGS",
    "configs/payroll.nginx, NOT_SETTINGS",
    "configs/exampleville.nginx.gpg, NOT_SETTINGS",
    "configs/nginx.staging.conf.gpg, NOT_SETTINGS",
    "configs/nginx-config.conf, NOT_SETTINGS",
    "configs/nginxsite.conf, NOT_SETTINGS",
    "configs/bga-payroll.conf.supervisor.gpg, NOT_SETTINGS",
    "configs/exampleville.supervisor, NOT_SETTINGS",
    "configs/supervisor.staging.conf.gpg, NOT_SETTINGS",
    "configs/supervisor.production.conf.gpg, NOT_SETTINGS",
    "scripts/after_install.sh.gpg, NOT_SETTINGS",
    "deploy/restart.bash, NOT_SETTINGS",
    "configs/payroll-crontasks.gpg, NOT_SETTINGS",
    "configs/exampleville-crontasks.gpg, NOT_SETTINGS",
    "configs/crontab.production, NOT_SETTINGS",
    "configs/backup.cron, NOT_SETTINGS",
    "configs/redis.conf.gpg, NOT_SETTINGS",
    "configs/redis-6379.conf, NOT_SETTINGS",
    "appspec.yml, NOT_SETTINGS",
    "scripts/Makefile, NOT_SETTINGS",
    "scripts/locustfile.py.gpg, NOT_SETTINGS",
    "locustfile.py, NOT_SETTINGS",
    "locustfile.py.gpg, NOT_SETTINGS",
    "scripts/make_admin.py.gpg, NOT_SETTINGS",
    "deploy/scripts/seed.py, NOT_SETTINGS",
    // neither
    "configs/backup-credentials.txt.gpg, UNKNOWN",
    "configs/secret.gpg, UNKNOWN",
    "README.md, UNKNOWN",
    "configs/app.conf, UNKNOWN",
  })
  void theNameWithoutTheEncryptionSuffixDecides(String path, SettingsFormat expected) {
    assertThat(Settings.formatOf(path)).isEqualTo(expected);
    if (expected != SettingsFormat.UNKNOWN) {
      assertThat(Settings.detect(path, "A=1\n")).as("with content").isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "settings.env.template, DOTENV",
    "configs/.env_SAMPLE, DOTENV",
    "configs/.env-example.gpg, DOTENV",
    "app.env, DOTENV",
    "env.example, DOTENV",
    "configs/app.env.sample, DOTENV",
  })
  void unusualDotenvNamesAreDotenvByName(String path, SettingsFormat expected) {
    assertThat(Settings.formatOf(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      configs/secrets.txt.gpg   | SECRET_KEY=x\\nexport API_TOKEN=y\\n                  | DOTENV
      configs/app.conf          | # app\\nA = 'x'\\nB=2\\nC=3\\nD=4\\nsource env.sh\\n     | DOTENV
      configs/settings          | import os\\nDEBUG = True\\n                         | PYTHON
      configs/secrets.txt       | DATABASES = {\\n    'default': {}\\n}\\n             | PYTHON
      configs/credentials       | {"type": "service_account"}                          | JSON
      configs/notes.txt         | remember to rotate\\nthe keys\\nA=1\\n                  | UNKNOWN
      """)
  void anUnknownNameIsReadByContent(String path, String text, SettingsFormat expected) {
    assertThat(Settings.detect(path, text.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @Test
  void aStructuredNameThatMentionsNginxIsSettings() {
    assertThat(Settings.formatOf("configs/nginx_settings.py")).isEqualTo(SettingsFormat.PYTHON);
    assertThat(Settings.formatOf("configs/supervisor.json")).isEqualTo(SettingsFormat.JSON);
  }

  @Test
  void aDotenvNameWithSectionsIsIni() {
    assertThat(Settings.detect("configs/deployment.cfg", "[main]\nA = 1\n"))
        .isEqualTo(SettingsFormat.INI);
  }

  @Test
  void plainNameStripsOneEncryptionSuffixOnly() {
    assertThat(EncryptedNames.plainName("x.py.gpg")).isEqualTo("x.py");
    assertThat(EncryptedNames.plainName("configs/x.env.ASC")).isEqualTo("configs/x.env");
    assertThat(EncryptedNames.plainName("x.pgp")).isEqualTo("x");
    assertThat(EncryptedNames.plainName("x.gpg.gpg")).isEqualTo("x.gpg");
    assertThat(EncryptedNames.plainName(".gpg")).isEqualTo(".gpg");
    assertThat(EncryptedNames.plainName("configs/.gpg")).isEqualTo("configs/.gpg");
    assertThat(EncryptedNames.plainName("x.py")).isEqualTo("x.py");
    assertThat(EncryptedNames.named("X.PY.GPG")).isTrue();
    assertThat(EncryptedNames.named("x.py")).isFalse();
  }
}
