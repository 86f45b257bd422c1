package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.settings.SettingsFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileClassifierTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // Python settings modules, also with the env suffix after .py (committee-oversight)
    "configs/settings_deployment.staging.py.gpg, PYTHON",
    "configs/local_settings.py.production.gpg, PYTHON",
    "configs/local_settings.py.example, PYTHON",
    "bga_database/local_settings.example.py, PYTHON",
    "configs/app_config.py.asc, PYTHON",
    "jail/sentry.py, PYTHON",
    // dotenv, in all the shapes the repos used
    ".env, DOTENV",
    "configs/.env.gpg, DOTENV",
    "configs/.env.staging.gpg, DOTENV",
    "data/.env.example, DOTENV",
    "configs/heroku-prod/.env.gpg, DOTENV",
    "configs/staging.env, DOTENV",
    "configs/staging-config.conf, DOTENV",
    "configs/production-config.conf.gpg, DOTENV",
    "configs/deployment.cfg, DOTENV",
    // structured formats
    "configs/lametro_service_acct_key.json.gpg, JSON",
    "configs/settings.yml.pgp, YAML",
    "configs/settings.yaml, YAML",
    "configs/sentry.ini.gpg, INI",
    "configs/alembic.ini, INI",
    "configs/uwsgi.ini, INI",
    // infrastructure: recognised, never parsed
    "configs/bga-payroll.conf.production.nginx.gpg, NOT_SETTINGS",
    "configs/payroll.nginx, NOT_SETTINGS",
    "configs/nginx.staging.conf.gpg, NOT_SETTINGS",
    "configs/nginx-config.conf, NOT_SETTINGS",
    "configs/nginxsite.conf, NOT_SETTINGS",
    "configs/bga-payroll.conf.supervisor.gpg, NOT_SETTINGS",
    "configs/supervisor.staging.conf.gpg, NOT_SETTINGS",
    "scripts/after_install.sh.gpg, NOT_SETTINGS",
    "configs/payroll-crontasks.gpg, NOT_SETTINGS",
    "configs/crontab.production, NOT_SETTINGS",
    "configs/redis.conf.gpg, NOT_SETTINGS",
    "appspec.yml, NOT_SETTINGS",
    "scripts/Makefile, NOT_SETTINGS",
    "scripts/locustfile.py.gpg, NOT_SETTINGS",
    "locustfile.py, NOT_SETTINGS",
    "scripts/make_admin.py.gpg, NOT_SETTINGS",
    "deploy/scripts/seed.py, NOT_SETTINGS",
    // neither
    "configs/backup-credentials.txt.gpg, UNKNOWN",
    "configs/secret.gpg, UNKNOWN",
    "README.md, UNKNOWN",
    "configs/app.conf, UNKNOWN",
  })
  void formatFollowsTheNameWithoutTheEncryptionSuffix(String path, SettingsFormat expected) {
    assertThat(FileClassifier.formatOf(path)).isEqualTo(expected);
  }

  @Test
  void aBareFileNameIsEnough() {
    assertThat(FileClassifier.formatOf("local_settings.py.staging"))
        .isEqualTo(SettingsFormat.PYTHON);
    assertThat(FileClassifier.formatOf("LOCAL_SETTINGS.PY.GPG")).isEqualTo(SettingsFormat.PYTHON);
  }

  @Test
  void kindFollowsFormat() {
    assertThat(FileKind.of(SettingsFormat.PYTHON)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.DOTENV)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.JSON)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.YAML)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.INI)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.NOT_SETTINGS)).isEqualTo(FileKind.INFRA);
    assertThat(FileKind.of(SettingsFormat.UNKNOWN)).isEqualTo(FileKind.UNKNOWN);
  }

  @Test
  void plainNameStripsOneEncryptionSuffixOnly() {
    assertThat(FileClassifier.plainName("x.py.gpg")).isEqualTo("x.py");
    assertThat(FileClassifier.plainName("x.env.ASC")).isEqualTo("x.env");
    assertThat(FileClassifier.plainName("x.pgp")).isEqualTo("x");
    assertThat(FileClassifier.plainName(".gpg")).isEqualTo(".gpg");
    assertThat(FileClassifier.plainName("x.py")).isEqualTo("x.py");
  }
}
