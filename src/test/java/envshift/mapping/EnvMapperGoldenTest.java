package envshift.mapping;

import static envshift.mapping.TestSettings.bool;
import static envshift.mapping.TestSettings.dict;
import static envshift.mapping.TestSettings.flt;
import static envshift.mapping.TestSettings.integer;
import static envshift.mapping.TestSettings.list;
import static envshift.mapping.TestSettings.module;
import static envshift.mapping.TestSettings.none;
import static envshift.mapping.TestSettings.setting;
import static envshift.mapping.TestSettings.str;
import static envshift.mapping.TestSettings.tuple;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.settings.SettingsModule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A whole bga-payroll-style staging settings module, mapped as the manifest would ask. */
class EnvMapperGoldenTest {
  private static final String F = "configs/local_settings.staging.py";

  private static SettingsModule staging() {
    return module(F,
        setting(F, 3, "DEBUG", bool(false)),
        setting(F, 4, "SECRET_KEY", str("violet-anchor-meadow-EXAMPLE")),
        setting(F, 5, "ALLOWED_HOSTS", list(str("payroll.example.org"), str(".datamade.us"))),
        setting(F, 9, "INTERNAL_IPS", list(str("127.0.0.1"))),
        setting(F, 11, "DATABASES", dict("default", dict(
            "ENGINE", str("django.db.backends.postgresql"), "NAME", str("payroll_staging"),
            "USER", str("datamade"), "PASSWORD", str("p@ss/word:with#chars"),
            "HOST", str("db.staging.example.internal"), "PORT", str("5432")))),
        setting(F, 21, "CACHES", dict(
            "default", dict("BACKEND", str("django.core.cache.backends.db.DatabaseCache"),
                "LOCATION", str("bga_payroll_cache")),
            "api", dict("BACKEND", str("django.core.cache.backends.db.DatabaseCache"),
                "LOCATION", str("bga_payroll_api_cache"), "TIMEOUT", integer(3600)))),
        setting(F, 31, "REDIS_PORT", integer(6379)),
        setting(F, 32, "REDIS_URL", str("redis://localhost:6379/0")),
        setting(F, 33, "CELERY_ACCEPT_CONTENT", list(str("json"))),
        setting(F, 35, "EMAIL_PORT", integer(587)),
        setting(F, 36, "EMAIL_USE_TLS", bool(true)),
        setting(F, 37, "EMAIL_TIMEOUT", flt(2.5)),
        setting(F, 38, "DEFAULT_FROM_EMAIL", str("Example Org <robot@example.org>")),
        setting(F, 40, "ADMINS", tuple(tuple(str("Ops"), str("ops@example.org")))),
        setting(F, 42, "RAVEN_CONFIG", dict("dsn", str("https://0123abcd@sentry.example.com/42"))),
        setting(F, 45, "DISQUS_SHORTNAME", none()),
        setting(F, 46, "STATIC_ROOT", str("/srv/static")),
        setting(F, 47, "EXTRA_APPS", tuple()));
  }

  @Test
  void stagingModuleMapsToThisEnvironment() {
    MappingRules rules = new MappingRules(
        Map.of("SECRET_KEY", "DJANGO_SECRET_KEY", "DEBUG", "DJANGO_DEBUG",
            "ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS"),
        Set.of("STATIC_ROOT"));

    EnvSet set = EnvMapper.map(List.of(staging()), rules);

    assertThat(TestSettings.lines(set)).isEqualTo("""
        DJANGO_DEBUG=False
        DJANGO_SECRET_KEY=violet-anchor-meadow-EXAMPLE
        DJANGO_ALLOWED_HOSTS=payroll.example.org,.datamade.us
        INTERNAL_IPS=127.0.0.1
        DATABASE_URL=postgres://datamade:p%40ss%2Fword%3Awith%23chars\
        @db.staging.example.internal:5432/payroll_staging
        CACHE_URL=dbcache://bga_payroll_cache
        CACHE_API_URL=dbcache://bga_payroll_api_cache?TIMEOUT=3600
        REDIS_PORT=6379
        REDIS_URL=redis://localhost:6379/0
        CELERY_ACCEPT_CONTENT=json
        EMAIL_PORT=587
        EMAIL_USE_TLS=True
        EMAIL_TIMEOUT=2.5
        DEFAULT_FROM_EMAIL=Example Org <robot@example.org>
        ADMINS=[["Ops","ops@example.org"]]
        RAVEN_CONFIG={"dsn":"https://0123abcd@sentry.example.com/42"}
        EXTRA_APPS=
        """);
    assertThat(set.notes()).extracting(MappingNote::toString).containsExactly(
        "configs/local_settings.staging.py:3: DEBUG renamed to DJANGO_DEBUG",
        "configs/local_settings.staging.py:4: SECRET_KEY renamed to DJANGO_SECRET_KEY",
        "configs/local_settings.staging.py:5: ALLOWED_HOSTS renamed to DJANGO_ALLOWED_HOSTS",
        "configs/local_settings.staging.py:45: DISQUS_SHORTNAME is None: no variable is set",
        "configs/local_settings.staging.py:46: STATIC_ROOT dropped by envshift.yml");
  }

  @Test
  void mappingIsDeterministic() {
    MappingRules rules = new MappingRules(Map.of("DEBUG", "DJANGO_DEBUG"), Set.of());

    assertThat(EnvMapper.map(List.of(staging()), rules))
        .isEqualTo(EnvMapper.map(List.of(staging()), rules));
  }
}
