package envshift.mapping;

import static envshift.mapping.TestSettings.bool;
import static envshift.mapping.TestSettings.dict;
import static envshift.mapping.TestSettings.integer;
import static envshift.mapping.TestSettings.list;
import static envshift.mapping.TestSettings.none;
import static envshift.mapping.TestSettings.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Origin;
import envshift.settings.SettingValue.DictValue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheUrlTest {
  private static final Origin AT = new Origin("configs/settings.py", 30);
  private static final String DJANGO_REDIS = "django.core.cache.backends.redis.RedisCache";
  private static final String MEMCACHED = "django.core.cache.backends.memcached.";

  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("Django's RedisCache with a redis:// LOCATION",
            dict("BACKEND", str(DJANGO_REDIS), "LOCATION", str("redis://cache.internal:6379/1")),
            "rediscache://cache.internal:6379/1"),
        Arguments.of("django-redis with a password in LOCATION",
            dict("BACKEND", str("django_redis.cache.RedisCache"),
                "LOCATION", str("redis://:s3cret@cache.internal:6379/0")),
            "rediscache://:s3cret@cache.internal:6379/0"),
        Arguments.of("host:port:db LOCATION",
            dict("BACKEND", str("django_redis.cache.RedisCache"),
                "LOCATION", str("localhost:6379:2")),
            "rediscache://localhost:6379/2"),
        Arguments.of("TLS redis keeps its scheme",
            dict("BACKEND", str(DJANGO_REDIS), "LOCATION", str("rediss://cache.internal:6380/0")),
            "rediss://cache.internal:6380/0"),
        Arguments.of("several redis servers",
            dict("BACKEND", str(DJANGO_REDIS),
                "LOCATION", list(str("redis://a:6379/0"), str("redis://b:6379/0"))),
            "rediscache://a:6379,b:6379/0"),
        Arguments.of("redis socket with a db",
            dict("BACKEND", str(DJANGO_REDIS), "LOCATION", str("unix:///tmp/redis.sock?db=3")),
            "rediscache:///tmp/redis.sock?db=3"),
        Arguments.of("OPTIONS, TIMEOUT and KEY_PREFIX as upper-cased query parameters",
            dict("BACKEND", str("django_redis.cache.RedisCache"),
                "LOCATION", str("redis://h:6379/0"), "TIMEOUT", integer(300),
                "KEY_PREFIX", str("pay roll"),
                "OPTIONS", dict("client_class", str("django_redis.client.DefaultClient"),
                    "IGNORE_EXCEPTIONS", bool(true))),
            "rediscache://h:6379/0?TIMEOUT=300&KEY_PREFIX=pay%20roll"
                + "&CLIENT_CLASS=django_redis.client.DefaultClient&IGNORE_EXCEPTIONS=True"),
        Arguments.of("TIMEOUT None (never expire) is spelled None",
            dict("BACKEND", str("django.core.cache.backends.locmem.LocMemCache"),
                "TIMEOUT", none(), "VERSION", integer(2)),
            "locmemcache://?TIMEOUT=None&VERSION=2"),
        Arguments.of("python-memcached",
            dict("BACKEND", str(MEMCACHED + "MemcachedCache"), "LOCATION", str("127.0.0.1:11211")),
            "memcache://127.0.0.1:11211"),
        Arguments.of("pymemcache with several servers",
            dict("BACKEND", str(MEMCACHED + "PyMemcacheCache"),
                "LOCATION", list(str("10.0.0.1:11211"), str("10.0.0.2:11211"))),
            "pymemcache://10.0.0.1:11211,10.0.0.2:11211"),
        Arguments.of("memcached socket",
            dict("BACKEND", str(MEMCACHED + "PyMemcacheCache"),
                "LOCATION", str("unix:/tmp/memcached.sock")),
            "pymemcache:///tmp/memcached.sock"),
        Arguments.of("pylibmc",
            dict("BACKEND", str(MEMCACHED + "PyLibMCCache"), "LOCATION", str("mc.internal:11211")),
            "pylibmc://mc.internal:11211"),
        Arguments.of("database cache table",
            dict("BACKEND", str("django.core.cache.backends.db.DatabaseCache"),
                "LOCATION", str("councilmatic_cache")),
            "dbcache://councilmatic_cache"),
        Arguments.of("file cache, absolute path",
            dict("BACKEND", str("django.core.cache.backends.filebased.FileBasedCache"),
                "LOCATION", str("/var/tmp/django_cache")),
            "filecache:///var/tmp/django_cache"),
        Arguments.of("local memory with a name",
            dict("BACKEND", str("django.core.cache.backends.locmem.LocMemCache"),
                "LOCATION", str("unique-snowflake")),
            "locmemcache://unique-snowflake"),
        Arguments.of("local memory without a name",
            dict("BACKEND", str("django.core.cache.backends.locmem.LocMemCache")),
            "locmemcache://"),
        Arguments.of("dummy",
            dict("BACKEND", str("django.core.cache.backends.dummy.DummyCache")),
            "dummycache://"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void derivesTheUrlDjangoEnvironReadsBack(String claim, DictValue cache, String expected) {
    assertThat(CacheUrl.from("default", cache, AT)).isEqualTo(expected);
  }

  @Test
  void keysTheUrlCannotCarryAreReported() {
    DictValue cache = dict("BACKEND", str("django.core.cache.backends.dummy.DummyCache"),
        "LOCATION", str("x"), "MAX_ENTRIES", integer(10));

    assertThat(CacheUrl.derive("default", cache, AT).skipped())
        .containsExactly("CACHES['default']['LOCATION']", "CACHES['default']['MAX_ENTRIES']");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(dict("BACKEND", str("redis_cache.RedisCache"), "LOCATION", str("h:6379")),
            "configs/settings.py:30: CACHES['api']['BACKEND'] is not a backend CACHE_URL can name"),
        Arguments.of(dict("LOCATION", str("h:6379")),
            "configs/settings.py:30: CACHES['api'] has no BACKEND"),
        Arguments.of(dict("BACKEND", str(DJANGO_REDIS)),
            "configs/settings.py:30: CACHES['api'] has no LOCATION"),
        Arguments.of(dict("BACKEND", str("django.core.cache.backends.db.DatabaseCache")),
            "configs/settings.py:30: CACHES['api'] has no LOCATION"),
        Arguments.of(dict("BACKEND", str(DJANGO_REDIS), "LOCATION", str("redis://h:6379/0?ssl=1")),
            "configs/settings.py:30: CACHES['api']['LOCATION'] has a query string"),
        Arguments.of(dict("BACKEND", str(DJANGO_REDIS),
                "LOCATION", list(str("redis://a:6379/0"), str("redis://b:6379/1"))),
            "configs/settings.py:30: CACHES['api']['LOCATION'] lists servers"),
        Arguments.of(dict("BACKEND", str("django.core.cache.backends.db.DatabaseCache"),
                "LOCATION", str("my cache")),
            "configs/settings.py:30: CACHES['api']['LOCATION'] cannot be written in CACHE_URL"),
        Arguments.of(dict("BACKEND", str(MEMCACHED + "PyLibMCCache"),
                "LOCATION", str("unix:/tmp/mc.sock")),
            "configs/settings.py:30: CACHES['api']['LOCATION'] is a socket"),
        Arguments.of(dict("BACKEND", str(DJANGO_REDIS), "LOCATION", integer(6379)),
            "configs/settings.py:30: CACHES['api']['LOCATION'] must be a string"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void badAliasIsAnErrorNamingFileAndLine(DictValue cache, String message) {
    assertThatThrownBy(() -> CacheUrl.from("api", cache, AT))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void errorsNeverQuoteTheValue() {
    DictValue cache = dict("BACKEND", str(DJANGO_REDIS),
        "LOCATION", str("redis://:canary-4711@h:6379/0?x=canary"));

    assertThatThrownBy(() -> CacheUrl.from("default", cache, AT)).hasMessageNotContaining("canary");
  }
}
