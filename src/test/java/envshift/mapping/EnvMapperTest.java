package envshift.mapping;

import static envshift.mapping.TestSettings.bool;
import static envshift.mapping.TestSettings.dict;
import static envshift.mapping.TestSettings.flt;
import static envshift.mapping.TestSettings.integer;
import static envshift.mapping.TestSettings.list;
import static envshift.mapping.TestSettings.none;
import static envshift.mapping.TestSettings.only;
import static envshift.mapping.TestSettings.py;
import static envshift.mapping.TestSettings.str;
import static envshift.mapping.TestSettings.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Origin;
import envshift.mapping.MappingNote.Kind;
import envshift.settings.SettingValue;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvMapperTest {
  private static final String PG = "django.db.backends.postgresql";

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("str as is", str("Name <a@b.org>"), "Name <a@b.org>"),
        Arguments.of("empty str stays set", str(""), ""),
        Arguments.of("int as Python prints it", integer(587), "587"),
        Arguments.of("big int",
            new SettingValue.Int(new BigInteger("123456789012345678901234567890")),
            "123456789012345678901234567890"),
        Arguments.of("negative int", integer(-1), "-1"),
        Arguments.of("float as repr", flt(0.25), "0.25"),
        Arguments.of("integral float keeps .0", flt(30.0), "30.0"),
        Arguments.of("True", bool(true), "True"),
        Arguments.of("False", bool(false), "False"),
        Arguments.of("list of str comma-joined", list(str("a.org"), str(".b.org")), "a.org,.b.org"),
        Arguments.of("list of mixed scalars", list(integer(1), str("a"), bool(true), flt(0.5)),
            "1,a,True,0.5"),
        Arguments.of("tuple like a list", tuple(str("raven.contrib.django.raven_compat")),
            "raven.contrib.django.raven_compat"),
        Arguments.of("empty tuple is empty", tuple(), ""),
        Arguments.of("nested list as compact JSON",
            tuple(tuple(str("Ops"), str("ops@example.org"))), "[[\"Ops\",\"ops@example.org\"]]"),
        Arguments.of("None inside a list makes it JSON", list(str("a"), none()), "[\"a\",null]"),
        Arguments.of("dict as compact JSON with JSON literals",
            dict("dsn", str("https://k@s.example.com/1"), "debug", bool(false), "rate", flt(1.0),
                "tags", list(integer(1), none()), "n", integer(3)),
            "{\"dsn\":\"https://k@s.example.com/1\",\"debug\":false,\"rate\":1.0,"
                + "\"tags\":[1,null],\"n\":3}"),
        Arguments.of("JSON keeps unicode and escapes like json.dumps",
            dict("name", str("Zoë \"Z\" \\ \n\t\u0001\u007f\u2028")),
            "{\"name\":\"Zoë \\\"Z\\\" \\\\ \\n\\t\\u0001\u007f\u2028\"}"),
        Arguments.of("JSON non-finite floats as Python writes them",
            list(list(flt(Double.POSITIVE_INFINITY), flt(Double.NaN))), "[[Infinity,NaN]]"),
        Arguments.of("empty dict", dict(), "{}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void rendersValues(String claim, SettingValue value, String expected) {
    EnvSet set = EnvMapper.map(List.of(py("s.py", "X", value)), MappingRules.NONE);

    assertThat(only(set, "X")).isEqualTo(expected);
  }

  @Test
  void noneIsOmittedAndNoted() {
    EnvSet set = EnvMapper.map(List.of(py("s.py", "A", str("1"), "DISQUS", none())),
        MappingRules.NONE);

    assertThat(set.vars()).containsOnlyKeys("A");
    assertThat(set.notes()).containsExactly(new MappingNote(new Origin("s.py", 2), "DISQUS",
        Kind.OMITTED_NONE, "DISQUS is None: no variable is set"));
  }

  @Test
  void databasesBecomeUrlsAndAreNotEmittedThemselves() {
    SettingValue databases = dict(
        "default", dict("ENGINE", str(PG), "NAME", str("app"), "HOST", str("h")),
        "read-only", dict("ENGINE", str(PG), "NAME", str("ro"), "HOST", str("r")));
    EnvSet set = EnvMapper.map(List.of(py("s.py", "DATABASES", databases)),
        new MappingRules(Map.of("DATABASE_READ-ONLY_URL", "GIS_DATABASE_URL"), Set.of()));

    assertThat(TestSettings.lines(set))
        .isEqualTo("DATABASE_URL=postgres://h/app\nGIS_DATABASE_URL=postgres://r/ro\n");
  }

  @Test
  void otherAliasesAreUpperCased() {
    SettingValue caches = dict(
        "default", dict("BACKEND", str("django.core.cache.backends.db.DatabaseCache"),
            "LOCATION", str("c")),
        "api", dict("BACKEND", str("django.core.cache.backends.dummy.DummyCache")));
    EnvSet set = EnvMapper.map(List.of(py("s.py", "CACHES", caches)), MappingRules.NONE);

    assertThat(TestSettings.lines(set))
        .isEqualTo("CACHE_URL=dbcache://c\nCACHE_API_URL=dummycache://\n");
  }

  @Test
  void derivedNameThatIsNotAVarNameIsSkippedWithAWarningNamingTheFix() {
    SettingValue databases = dict("read-only", dict("ENGINE", str(PG), "NAME", str("ro")));

    EnvSet set = EnvMapper.map(
        List.of(py("configs/s.py", "DEBUG", bool(false), "DATABASES", databases)),
        MappingRules.NONE);

    assertThat(set.values()).containsOnlyKeys("DEBUG");
    assertThat(set.notes()).extracting(MappingNote::toString).containsExactly(
        "configs/s.py:2: DATABASE_READ-ONLY_URL (from DATABASES) is not a valid environment "
            + "variable name (expected [A-Za-z_][A-Za-z0-9_]*): skipped (in envshift.yml, "
            + "rename: {DATABASE_READ-ONLY_URL: NEW_NAME} or drop: [DATABASE_READ-ONLY_URL])");
    assertThat(set.notes()).allMatch(MappingNote::isWarning);
  }

  @Test
  void aPlaceholderPortSkipsOnlyItsOwnAliasNotTheFile() {
    SettingValue databases = dict(
        "default", dict("ENGINE", str(PG), "NAME", str("n"), "PORT", str("{db_port}")),
        "replica", dict("ENGINE", str(PG), "NAME", str("r"), "PORT", integer(5432)));

    EnvSet set = EnvMapper.map(
        List.of(py("configs/s.py", "DEBUG", bool(false), "DATABASES", databases, "X", str("1"))),
        MappingRules.NONE);

    assertThat(TestSettings.lines(set))
        .isEqualTo("DEBUG=False\nDATABASE_REPLICA_URL=postgres://:5432/r\nX=1\n");
    assertThat(set.notes()).extracting(MappingNote::kind, MappingNote::toString).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.UNMAPPABLE, "configs/s.py:2: DATABASE_URL (from "
            + "DATABASES['default']): DATABASES['default']['PORT'] is not a port number: skipped "
            + "(in envshift.yml, drop: [DATABASE_URL] to leave it out)"));
  }

  @Test
  void anUnknownCacheBackendSkipsThatCacheOnly() {
    SettingValue caches = dict("default", dict("BACKEND", str("redis_cache.RedisCache")));

    EnvSet set = EnvMapper.map(List.of(py("s.py", "CACHES", caches, "A", str("a"))),
        MappingRules.NONE);

    assertThat(set.values()).containsOnlyKeys("A");
    assertThat(set.notes()).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(Kind.UNMAPPABLE);
      assertThat(n.message()).startsWith("CACHE_URL (from CACHES['default']): CACHES['default']"
          + "['BACKEND'] is not a backend CACHE_URL can name").endsWith("drop: [CACHE_URL] to "
          + "leave it out)");
    });
  }

  @ParameterizedTest
  @MethodSource("badNames")
  void invalidFinalNamesAreSkippedWithAWarning(String name, String problem) {
    EnvSet set = EnvMapper.map(
        List.of(py("settings.json", "OK", str("v"), name, str("canary-value"))),
        MappingRules.NONE);

    assertThat(set.values()).containsOnlyKeys("OK");
    assertThat(set.notes()).singleElement().satisfies(n -> {
      assertThat(n.toString()).startsWith("settings.json:2: " + name + " " + problem)
          .doesNotContain("canary");
      assertThat(n.isWarning()).isTrue();
    });
  }

  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("database.host", "is not a valid environment variable name"),
        Arguments.of("1ST", "is not a valid environment variable name"),
        Arguments.of("", "is not a valid environment variable name"));
  }

  @Test
  void herokuReservedNamesAreMappedTheHerokuCheckIsSeparateAndNamesThemAll() {
    EnvSet set = EnvMapper.map(List.of(py("s.env", "HEROKU_APP_NAME", str("canary"), "OK",
        str("v"), "__SECRET", str("canary"))), MappingRules.NONE);

    assertThat(set.values()).containsOnlyKeys("HEROKU_APP_NAME", "OK", "__SECRET");
    assertThatThrownBy(() -> HerokuNames.check("production", set))
        .isInstanceOf(MappingException.class)
        .hasMessage("s.env:1: environment production pushes to Heroku, which reserves HEROKU_* "
            + "and __* names: HEROKU_APP_NAME (s.env:1), __SECRET (s.env:3); rename or drop them "
            + "in envshift.yml");
    HerokuNames.check("production", EnvMapper.map(List.of(py("s.env", "OK", str("v"))),
        MappingRules.NONE));
  }

  @Test
  void renameBySettingNameIsNoted() {
    EnvSet set = EnvMapper.map(List.of(py("s.py", "SECRET_KEY", str("k"))),
        new MappingRules(Map.of("SECRET_KEY", "DJANGO_SECRET_KEY"), Set.of()));

    assertThat(set.values()).containsOnlyKeys("DJANGO_SECRET_KEY");
    assertThat(set.vars().get("DJANGO_SECRET_KEY").origin()).isEqualTo(new Origin("s.py", 1));
    assertThat(set.notes()).extracting(MappingNote::kind, MappingNote::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.RENAMED,
            "SECRET_KEY renamed to DJANGO_SECRET_KEY"));
  }

  @Test
  void renameToAnInvalidNameSkipsTheSettingWithAWarning() {
    EnvSet set = EnvMapper.map(List.of(py("s.py", "SECRET_KEY", str("k"))),
        new MappingRules(Map.of("SECRET_KEY", "SECRET-KEY"), Set.of()));

    assertThat(set.vars()).isEmpty();
    assertThat(set.notes()).extracting(MappingNote::toString).last().asString()
        .startsWith("s.py:1: SECRET-KEY (renamed from SECRET_KEY) is not a valid environment");
  }

  @Test
  void renameThatCollidesWithAnotherVarIsAnError() {
    assertThatThrownBy(() -> EnvMapper.map(
            List.of(py("s.py", "DJANGO_DEBUG", str("x"), "DEBUG", bool(true))),
            new MappingRules(Map.of("DEBUG", "DJANGO_DEBUG"), Set.of())))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "s.py:2: DJANGO_DEBUG (renamed from DEBUG) collides with DJANGO_DEBUG from s.py:1");
  }

  @Test
  void derivedVarCollidingWithASettingInTheSameFileIsAnError() {
    SettingValue databases = dict("default", dict("ENGINE", str(PG), "NAME", str("n")));

    assertThatThrownBy(() -> EnvMapper.map(
            List.of(py("s.py", "DATABASE_URL", str("x"), "DATABASES", databases)),
            MappingRules.NONE))
        .hasMessage("s.py:2: DATABASE_URL (from DATABASES) collides with DATABASE_URL from s.py:1");
  }

  @Test
  void dropMatchesSettingNamesAndDerivedNames() {
    SettingValue databases = dict(
        "default", dict("ENGINE", str(PG), "NAME", str("n")),
        "legacy", dict("ENGINE", str("unknown.engine")));
    EnvSet set = EnvMapper.map(
        List.of(py("s.py", "STATIC_ROOT", str("/srv"), "DATABASES", databases, "X", integer(1))),
        new MappingRules(Map.of(), Set.of("STATIC_ROOT", "DATABASE_LEGACY_URL")));

    assertThat(set.values()).containsOnlyKeys("DATABASE_URL", "X");
    assertThat(set.notes()).extracting(MappingNote::name, MappingNote::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("STATIC_ROOT", Kind.DROPPED),
        org.assertj.core.groups.Tuple.tuple("DATABASE_LEGACY_URL", Kind.DROPPED));
  }

  @Test
  void droppingCachesAvoidsAnUnknownBackendError() {
    SettingValue caches = dict("default", dict("BACKEND", str("redis_cache.RedisCache")));
    EnvSet set = EnvMapper.map(List.of(py("s.py", "CACHES", caches)),
        new MappingRules(Map.of(), Set.of("CACHES")));

    assertThat(set.vars()).isEmpty();
    assertThat(set.notes()).extracting(MappingNote::message)
        .containsExactly("CACHES dropped by envshift.yml");
  }

  @Test
  void skippedAliasKeysAreNotedWithoutValues() {
    SettingValue databases = dict("default",
        dict("ENGINE", str(PG), "NAME", str("n"), "CONN_MAX_AGE", integer(600)));
    EnvSet set = EnvMapper.map(List.of(py("s.py", "DATABASES", databases)), MappingRules.NONE);

    assertThat(set.notes()).containsExactly(new MappingNote(new Origin("s.py", 1), "DATABASE_URL",
        Kind.SKIPPED, "DATABASES['default']['CONN_MAX_AGE'] cannot be expressed in DATABASE_URL: "
            + "keep it in settings.py"));
  }

  @Test
  void databasesThatIsNotADictIsSkippedWithAWarning() {
    EnvSet set = EnvMapper.map(List.of(py("s.py", "DATABASES", str("x"), "A", str("a"))),
        MappingRules.NONE);

    assertThat(set.values()).containsOnlyKeys("A");
    assertThat(set.notes()).extracting(MappingNote::toString).containsExactly("s.py:1: DATABASES "
        + "must be a dict to become DATABASE_URL: skipped (in envshift.yml, drop: [DATABASES] to "
        + "leave it out)");
  }

  @Test
  void laterSourcesWinAndEachOverrideIsNotedWithBothOrigins() {
    EnvSet set = EnvMapper.map(
        List.of(py("base.py", "DEBUG", bool(true), "A", str("1")),
            py("prod.py", "B", str("2"), "DEBUG", bool(false))),
        MappingRules.NONE);

    assertThat(TestSettings.lines(set)).isEqualTo("DEBUG=False\nA=1\nB=2\n");
    assertThat(set.vars().get("DEBUG").origin()).isEqualTo(new Origin("prod.py", 2));
    assertThat(set.notes()).containsExactly(new MappingNote(new Origin("prod.py", 2), "DEBUG",
        Kind.OVERRIDDEN, "DEBUG from base.py:1 is overridden by prod.py:2"));
  }

  @Test
  void renamedVarFromAnEarlierSourceIsOverriddenNotAnError() {
    EnvSet set = EnvMapper.map(
        List.of(py("settings.py", "SECRET_KEY", str("old")),
            py(".env", "DJANGO_SECRET_KEY", str("new"))),
        new MappingRules(Map.of("SECRET_KEY", "DJANGO_SECRET_KEY"), Set.of()));

    assertThat(only(set, "DJANGO_SECRET_KEY")).isEqualTo("new");
    assertThat(set.notes()).extracting(MappingNote::kind)
        .containsExactly(Kind.RENAMED, Kind.OVERRIDDEN);
  }

  @Test
  void notesNeverContainValues() {
    SettingValue databases = dict("default", dict("ENGINE", str(PG), "NAME", str("canary-db"),
        "PASSWORD", str("canary-pw"), "TEST", dict("NAME", str("canary-test"))));
    EnvSet set = EnvMapper.map(
        List.of(py("a.py", "SECRET_KEY", str("canary-1"), "DATABASES", databases, "N", none()),
            py("b.py", "SECRET_KEY", str("canary-2"))),
        new MappingRules(Map.of("SECRET_KEY", "DJANGO_SECRET_KEY"), Set.of()));

    assertThat(set.notes()).hasSize(5)
        .allSatisfy(n -> assertThat(n.message() + n.name() + n).doesNotContain("canary"));
    assertThat(set.toString()).doesNotContain("canary");
  }
}
