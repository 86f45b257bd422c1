package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentGuesserTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // the brief's examples
    "configs/settings_deployment.staging.py.gpg, staging",
    "settings_deployment_production.py, production",
    "local_settings.py.staging, staging",
    "local_settings.illinoisanswers.py, illinoisanswers",
    "settings_local_dev.py, development",
    "configs/.env.staging, staging",
    "configs/heroku-prod/.env, heroku-prod",
    "staging-config.conf, staging",
    "configs/nginx.staging.conf, staging",
    // legacy-repos §1.3
    "configs/settings_deployment_staging.py.gpg, staging",
    "configs/settings_deployment.production.py.gpg, production",
    "configs/local_settings.production.py.gpg, production",
    "configs/local_settings.py.production.gpg, production",
    "configs/settings_local_sahel.py.gpg, sahel",
    "configs/settings_local_importer.py.gpg, importer",
    "configs/settings_local_production.py.gpg, production",
    "configs/local_settings.dev.py.gpg, development",
    "configs/.env.production.gpg, production",
    "configs/production/.env.gpg, production",
    "configs/heroku/.env.gpg, heroku",
    "configs/production-config.conf.gpg, production",
    "configs/bga-payroll.conf.production.nginx.gpg, production",
    "configs/supervisor.staging.conf.gpg, staging",
    "configs/settings_local.xxx.py.gpg, xxx",
    "configs/local_settings.py.travis, travis",
    "configs/local_settings.py.gh-actions, gh-actions",
    // dev normalisation
    "configs/.env.local, development",
    "configs/.env.develop, development",
    "configs/settings_local_development.py, development",
    // templates are development
    "bga_database/local_settings.example.py, development",
    "councilmatic/settings_deployment.py.example, development",
    "sfm_pc/settings_local.example.py, development",
    "nmid/settings_local_example.py, development",
    "occrp/app_config.py.example, development",
    ".env.example, development",
    "data/.env.sample, development",
  })
  void theDistinguishingTokenIsTheEnvironment(String path, String expected) {
    assertThat(EnvironmentGuesser.guess(path)).contains(expected);
  }

  @ParameterizedTest(name = "{0} names no environment")
  @CsvSource({
    "configs/app_config.py.gpg",
    "app_config.py",
    "settings_deployment.py",
    "configs/settings_deployment.py.gpg",
    "configs/settings_local.py.gpg",
    "configs/local_settings.py",
    "configs/.env",
    ".env",
    "app/.env",
    "configs/config.py.gpg",
    "configs/secrets.py.gpg",
    "jail/sentry.py.gpg",
    "configs/credentials.json.gpg",
    "configs/client_secrets.json.gpg",
    "configs/lametro_service_acct_key.json.gpg",
    "configs/sentry.ini.gpg",
    "configs/redis.conf.gpg",
    "configs/bga-payroll.conf.supervisor.gpg",
    "scripts/app_start.sh.gpg",
    "scripts/after_install.sh",
    "configs/...",
    "configs/x.",
  })
  void baseNamesNameNoEnvironment(String path) {
    assertThat(EnvironmentGuesser.guess(path)).isEmpty();
  }
}
