package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Functions the file defines (a def whose body is one return, a name bound to a lambda) are
 * called as Python calls them; the values below are what python3 printed for the same file up to
 * LATER (the rest raise in Python or need code envshift does not run).
 */
class PythonFunctionsTest {
  private static final String SOURCE = """
        '''Functions a settings file defines and calls.'''
        import os

        BASE = 'db.internal'


        def env(name, default=None):
            '''Like django-environ's helper: the environment, else the default.'''
            return os.environ.get(name, default)


        def url(host, port=5432, scheme='postgres'):
            return '%s://%s:%d' % (scheme, host, port)


        get = lambda key, fallback='': fallback
        twice = lambda s: s + s

        DEBUG = env('DEBUG', False)
        DATABASE_HOST = env('DATABASE_HOST', BASE)
        PRIMARY = url(BASE)
        REPLICA = url('replica.internal', port=5433)
        CACHE = url(host='cache.internal', scheme='redis', port=6379)
        EMPTY = get('X')
        NAME = twice('ab')
        LATE = lambda: BASE
        BASE = 'other.internal'
        LATER = LATE()


        @staticmethod
        def decorated():
            return 1


        def complex_body(x):
            y = x + 1
            return y


        def recursive(n):
            return recursive(n)


        def star(*args):
            return args


        DECORATED = decorated
        COMPLEX = complex_body(1)
        RECURSIVE = recursive(1)
        STAR = star(1)
        MISSING = url()
        EXTRA = url('h', 1, 'x', 4)
        UNKNOWN_KW = url('h', user='u')
        """;

  @Test
  void callsOfTheFilesOwnFunctionsGivePythonsValues() {
    SettingsModule m = PythonSettingsParser.parse(SOURCE, "configs/settings.py");
    Map<String, String> values = new LinkedHashMap<>();
    m.settings().forEach(s -> values.put(s.name(), PyRepr.repr(s.value())));

    assertThat(values).containsExactly(
        Map.entry("BASE", "'other.internal'"),
        Map.entry("DEBUG", "False"),
        Map.entry("DATABASE_HOST", "'db.internal'"),
        Map.entry("PRIMARY", "'postgres://db.internal:5432'"),
        Map.entry("REPLICA", "'postgres://replica.internal:5433'"),
        Map.entry("CACHE", "'redis://cache.internal:6379'"),
        Map.entry("EMPTY", "''"),
        Map.entry("NAME", "'abab'"),
        Map.entry("LATER", "'other.internal'"));
  }

  @Test
  void whatAFunctionCannotGiveIsSkippedWithTheReason() {
    SettingsModule m = PythonSettingsParser.parse(SOURCE, "configs/settings.py");

    assertThat(m.warnings()).map(w -> w.origin().line() + " " + w.message()).contains(
        "19 DEBUG: uses os.environ.get(...): taking its default",
        "26 LATE: skipped (is a function)",
        "49 DECORATED: skipped (refers to decorated, which is unknown (is a function))",
        "50 COMPLEX: skipped (calls complex_body())",
        "51 RECURSIVE: skipped (calls recursive() recursively)",
        "52 STAR: skipped (calls star())",
        "53 MISSING: skipped (calls url() without its argument host)",
        "54 EXTRA: skipped (calls url() with too many arguments)",
        "55 UNKNOWN_KW: skipped (calls url() with unusual arguments)");
  }

  @Test
  void calledTooOftenIsSkippedNotHung() {
    SettingsModule m = PythonSettingsParser.parse("""
        def f(n):
            return f(n) + f(n)
        X = f(1)
        """, "configs/settings.py");
    assertThat(m.settings()).isEmpty();
    assertThat(m.warnings()).map(ParseWarning::message).anyMatch(w -> w.startsWith("X: skipped"));
  }

  @Test
  void aDefaultIsComputedWhereTheFunctionIsDefined() {
    SettingsModule m = PythonSettingsParser.parse("""
        HOST = 'a'
        def host(h=HOST):
            return h
        HOST = 'b'
        X = host()
        """, "configs/settings.py");
    assertThat(m.settings()).filteredOn(s -> s.name().equals("X")).singleElement()
        .extracting(s -> s.value()).isEqualTo(new SettingValue.Str("a"));
  }

  @Test
  void duplicateParametersAreASyntaxErrorAsInPython() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PythonSettingsParser.parse(
        "f = lambda a, a: a\n", "configs/settings.py"))
        .hasMessageContaining("configs/settings.py:1: duplicate argument 'a'");
  }
}
