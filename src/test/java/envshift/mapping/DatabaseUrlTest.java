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
import envshift.settings.SettingValue;
import envshift.settings.SettingValue.DictValue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseUrlTest {
  private static final Origin AT = new Origin("configs/settings.py", 12);
  private static final String PG = "django.db.backends.postgresql";
  /** Every RFC 3986 reserved character, space, percent, non-ASCII, then the unreserved ones. */
  private static final String NASTY = ":/?#[]@!$&'()*+,;= %é~-._";
  private static final String NASTY_ENCODED =
      "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%25%C3%A9~-._";

  @Test
  void postgisExampleComesOutExactly() {
    DictValue db = dict("ENGINE", str("django.contrib.gis.db.backends.postgis"),
        "NAME", str("payroll"), "USER", str("payroll"), "PASSWORD", str("p@ss/w:rd#1"),
        "HOST", str("db.internal"), "PORT", integer(5432));

    assertThat(DatabaseUrl.from("default", db, AT))
        .isEqualTo("postgis://payroll:p%40ss%2Fw%3Ard%231@db.internal:5432/payroll");
  }

  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("every reserved char in user, password and name",
            dict("ENGINE", str(PG), "NAME", str(NASTY), "USER", str(NASTY),
                "PASSWORD", str(NASTY), "HOST", str("h"), "PORT", integer(5432)),
            "postgres://" + NASTY_ENCODED + ":" + NASTY_ENCODED + "@h:5432/" + NASTY_ENCODED),
        Arguments.of("PORT as a string",
            dict("ENGINE", str(PG), "NAME", str("n"), "USER", str("u"), "PASSWORD", str("pw"),
                "HOST", str("h"), "PORT", str("5432")),
            "postgres://u:pw@h:5432/n"),
        Arguments.of("PORT empty is unset",
            dict("ENGINE", str(PG), "NAME", str("n"), "USER", str("u"), "PASSWORD", str("pw"),
                "HOST", str("h"), "PORT", str("")),
            "postgres://u:pw@h/n"),
        Arguments.of("PORT None is unset",
            dict("ENGINE", str(PG), "NAME", str("n"), "HOST", str("h"), "PORT", none()),
            "postgres://h/n"),
        Arguments.of("empty password gives user@",
            dict("ENGINE", str(PG), "NAME", str("n"), "USER", str("u"), "PASSWORD", str(""),
                "HOST", str("h")),
            "postgres://u@h/n"),
        Arguments.of("no user and no password: no userinfo",
            dict("ENGINE", str(PG), "NAME", str("n"), "USER", str(""), "PASSWORD", str(""),
                "HOST", str("h"), "PORT", integer(5432)),
            "postgres://h:5432/n"),
        Arguments.of("a password without a user is kept",
            dict("ENGINE", str(PG), "NAME", str("n"), "PASSWORD", str("pw"), "HOST", str("h")),
            "postgres://:pw@h/n"),
        Arguments.of("psycopg2 engine name is postgres too",
            dict("ENGINE", str("django.db.backends.postgresql_psycopg2"), "NAME", str("n"),
                "HOST", str("localhost")),
            "postgres://localhost/n"),
        Arguments.of("IPv6 host in brackets",
            dict("ENGINE", str(PG), "NAME", str("n"), "HOST", str("::1"), "PORT", integer(5432)),
            "postgres://[::1]:5432/n"),
        Arguments.of("socket directory as host is percent-encoded",
            dict("ENGINE", str(PG), "NAME", str("n"), "HOST", str("/var/run/postgresql")),
            "postgres://%2Fvar%2Frun%2Fpostgresql/n"),
        Arguments.of("mysql",
            dict("ENGINE", str("django.db.backends.mysql"), "NAME", str("n"), "USER", str("u"),
                "PASSWORD", str("pw"), "HOST", str("h"), "PORT", integer(3306)),
            "mysql://u:pw@h:3306/n"),
        Arguments.of("gis mysql",
            dict("ENGINE", str("django.contrib.gis.db.backends.mysql"), "NAME", str("n"),
                "HOST", str("h")),
            "mysqlgis://h/n"),
        Arguments.of("oracle",
            dict("ENGINE", str("django.db.backends.oracle"), "NAME", str("xe"), "USER", str("u"),
                "PASSWORD", str("pw"), "HOST", str("h"), "PORT", str("1521")),
            "oracle://u:pw@h:1521/xe"),
        Arguments.of("sqlite relative path",
            dict("ENGINE", str("django.db.backends.sqlite3"), "NAME", str("db.sqlite3")),
            "sqlite:///db.sqlite3"),
        Arguments.of("sqlite absolute path gives four slashes",
            dict("ENGINE", str("django.db.backends.sqlite3"), "NAME", str("/var/db/app.sqlite3"),
                "USER", str(""), "PASSWORD", str(""), "HOST", str(""), "PORT", str("")),
            "sqlite:////var/db/app.sqlite3"),
        Arguments.of("sqlite path with a space and a hash",
            dict("ENGINE", str("django.db.backends.sqlite3"), "NAME", str("my db#1.sqlite3")),
            "sqlite:///my%20db%231.sqlite3"),
        Arguments.of("sqlite in memory",
            dict("ENGINE", str("django.db.backends.sqlite3"), "NAME", str(":memory:")),
            "sqlite://:memory:"),
        Arguments.of("spatialite",
            dict("ENGINE", str("django.contrib.gis.db.backends.spatialite"), "NAME", str("g.db")),
            "spatialite:///g.db"),
        Arguments.of("OPTIONS as a query string",
            dict("ENGINE", str(PG), "NAME", str("n"), "HOST", str("h"),
                "OPTIONS", dict("sslmode", str("require"), "connect_timeout", integer(10))),
            "postgres://h/n?sslmode=require&connect_timeout=10"),
        Arguments.of("OPTIONS keys and values percent-encoded, nested as compact JSON",
            dict("ENGINE", str(PG), "NAME", str("n"), "HOST", str("h"),
                "OPTIONS", dict("options", str("-c search_path=a&b"), "flag", bool(true),
                    "ssl", dict("ca", str("/etc/ca.pem")), "hosts", list(str("a"), integer(1)))),
            "postgres://h/n?options=-c%20search_path%3Da%26b&flag=True"
                + "&ssl=%7B%22ca%22%3A%22%2Fetc%2Fca.pem%22%7D&hosts=%5B%22a%22%2C1%5D"),
        Arguments.of("sqlite keeps OPTIONS",
            dict("ENGINE", str("django.db.backends.sqlite3"), "NAME", str("db.sqlite3"),
                "OPTIONS", dict("timeout", integer(20))),
            "sqlite:///db.sqlite3?timeout=20"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void derivesTheUrlDjDatabaseUrlParsesBack(String claim, DictValue db, String expected) {
    assertThat(DatabaseUrl.from("default", db, AT)).isEqualTo(expected);
  }

  @Test
  void keysTheUrlCannotCarryAreReportedNotDropped() {
    DictValue db = dict("ENGINE", str(PG), "NAME", str("n"), "CONN_MAX_AGE", integer(60),
        "TEST", dict("NAME", str("t")), "OPTIONS", dict("sslmode", none()));

    UrlParts.Derived derived = DatabaseUrl.derive("default", db, AT);

    assertThat(derived.url()).isEqualTo("postgres:///n");
    assertThat(derived.skipped()).containsExactly("DATABASES['default']['OPTIONS']['sslmode']",
        "DATABASES['default']['CONN_MAX_AGE']", "DATABASES['default']['TEST']");
  }

  @Test
  void sqliteReportsServerFieldsThatAreSet() {
    DictValue db = dict("ENGINE", str("django.db.backends.sqlite3"), "NAME", str("x.db"),
        "HOST", str("ignored"), "PORT", str(""));

    assertThat(DatabaseUrl.derive("default", db, AT).skipped())
        .containsExactly("DATABASES['default']['HOST']");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(dict("ENGINE", str("django_tenants.postgresql_backend"), "NAME", str("n")),
            "configs/settings.py:12: DATABASES['replica']['ENGINE'] is not a backend"),
        Arguments.of(dict("NAME", str("n")),
            "configs/settings.py:12: DATABASES['replica'] has no ENGINE"),
        Arguments.of(dict("ENGINE", str(PG), "NAME", str("n"), "PORT", str("fivefour")),
            "configs/settings.py:12: DATABASES['replica']['PORT'] is not a port number"),
        Arguments.of(dict("ENGINE", str(PG), "NAME", str("n"), "PORT", integer(70000)),
            "configs/settings.py:12: DATABASES['replica']['PORT'] is not a port number"),
        Arguments.of(dict("ENGINE", str(PG), "NAME", list(str("n"))),
            "configs/settings.py:12: DATABASES['replica']['NAME'] must be a string"),
        Arguments.of(dict("ENGINE", str(PG), "OPTIONS", str("sslmode=require")),
            "configs/settings.py:12: DATABASES['replica']['OPTIONS'] must be a dict"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void badAliasIsAnErrorNamingFileAndLine(SettingValue db, String message) {
    assertThatThrownBy(() -> DatabaseUrl.from("replica", (DictValue) db, AT))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void errorsNeverQuoteTheValue() {
    DictValue db = dict("ENGINE", str("canary-engine-4711"), "PORT", str("canary-port-4711"));

    assertThatThrownBy(() -> DatabaseUrl.from("default", db, AT))
        .hasMessageNotContaining("canary");
  }
}
