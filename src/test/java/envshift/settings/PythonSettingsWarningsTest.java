package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each skipped construct yields a warning naming file:line and the setting, and no setting. */
class PythonSettingsWarningsTest {
  private static String golden(String source) {
    return Golden.render(PythonSettingsParser.parse(source, "configs/settings.py"));
  }

  @Test
  void getenvTakesItsDefaultWithAWarningNamingTheSetting() {
    assertThat(golden("""
        import os
        REDIS_HOST = os.getenv('REDIS_HOST', 'localhost')
        API_KEY = os.environ.get('API_KEY', '')
        PORT = os.getenv('PORT', default=6379)
        MISSING = os.getenv('MISSING')
        """)).isEqualTo("""
        2 REDIS_HOST = 'localhost'
        3 API_KEY = ''
        4 PORT = 6379
        5 MISSING = None
        warning configs/settings.py:1: skipped import of os
        warning configs/settings.py:2: REDIS_HOST: uses os.getenv('REDIS_HOST'): taking its default
        warning configs/settings.py:3: API_KEY: uses os.environ.get('API_KEY'): taking its default
        warning configs/settings.py:4: PORT: uses os.getenv('PORT'): taking its default
        warning configs/settings.py:5: MISSING: uses os.getenv('MISSING') with no default: \
        taking None""");
  }

  @Test
  void osEnvironSubscriptIsSkipped() {
    assertThat(golden("SECRET_KEY = os.environ['DJANGO_SECRET_KEY']")).isEqualTo("""

        warning configs/settings.py:1: SECRET_KEY: skipped \
        (reads os.environ['DJANGO_SECRET_KEY'])""");
  }

  @Test
  void callsOtherThanTheKnownPureOnesAreSkipped() {
    assertThat(golden("""
        from pytz import timezone
        TIME_ZONE = timezone('America/Chicago')
        STATIC_ROOT = os.path.join(BASE_DIR, 'static')
        HOSTS = socket.gethostbyname_ex(socket.gethostname())
        SPLIT = 'a,b'.encode('ascii')
        """)).isEqualTo("""

        warning configs/settings.py:1: skipped import from pytz
        warning configs/settings.py:2: TIME_ZONE: skipped (calls timezone())
        warning configs/settings.py:3: STATIC_ROOT: skipped (refers to undefined name BASE_DIR)
        warning configs/settings.py:4: HOSTS: skipped (calls socket.gethostbyname_ex())
        warning configs/settings.py:5: SPLIT: skipped (calls str.encode())""");
  }

  @Test
  void unsupportedExpressionsAreSkippedWithTheirReason() {
    assertThat(golden("""
        A = (x for x in 'abc')
        B = 'x' if DEBUG else 'y'
        C = lambda: 1
        D = {'a', 'b'}
        E = b'bytes'
        F = (G := 1)
        G = 1 < 'a'
        H = 'abc'[::0]
        I = {x for x in 'ab'}
        J = 'a' + 1
        K = {'a': 1}['b']
        L = 1 / 0
        M = sys.stdout
        """)).isEqualTo("""

        warning configs/settings.py:1: A: skipped (uses a generator expression)
        warning configs/settings.py:2: B: skipped (refers to undefined name DEBUG)
        warning configs/settings.py:3: C: skipped (is a function)
        warning configs/settings.py:4: D: skipped (uses a set)
        warning configs/settings.py:5: E: skipped (uses a bytes literal)
        warning configs/settings.py:6: F: skipped (uses an assignment expression (:=))
        warning configs/settings.py:7: G: skipped (compares a int with a str using <)
        warning configs/settings.py:8: H: skipped (slices with a step of zero)
        warning configs/settings.py:9: I: skipped (uses a set comprehension)
        warning configs/settings.py:10: J: skipped (uses + on str and int)
        warning configs/settings.py:11: K: skipped (looks up a key the dict does not have)
        warning configs/settings.py:12: L: skipped (divides by zero)
        warning configs/settings.py:13: M: skipped (reads sys.stdout)""");
  }

  @Test
  void referencesToSkippedOrUnknownNamesSkipTheSettingAndGiveTheRootCause() {
    assertThat(golden("""
        base_dir = os.path.dirname(__file__)
        STATIC_ROOT = base_dir + '/static'
        MEDIA = UNDEFINED_NAME
        TZ = timezone('UTC')
        CELERY_TZ = TZ
        """)).isEqualTo("""

        warning configs/settings.py:2: STATIC_ROOT: skipped (refers to base_dir, which is \
        unknown (reads __file__))
        warning configs/settings.py:3: MEDIA: skipped (refers to undefined name UNDEFINED_NAME)
        warning configs/settings.py:4: TZ: skipped (calls timezone())
        warning configs/settings.py:5: CELERY_TZ: skipped (refers to TZ, which is unknown \
        (calls timezone()))""");
  }

  @Test
  void aSkippedReassignmentHidesTheEarlierValue() {
    assertThat(golden("""
        SECRET_KEY = 'dev'
        SECRET_KEY = get_secret()
        """)).isEqualTo("""

        warning configs/settings.py:2: SECRET_KEY: skipped (calls get_secret())""");
  }

  @Test
  void subscriptAssignmentOfAnUnknownValueSkipsTheWholeSetting() {
    assertThat(golden("""
        DATABASES = {'default': {'NAME': 'x'}}
        DATABASES['default']['PASSWORD'] = os.environ['DB_PASSWORD']
        """)).isEqualTo("""

        warning configs/settings.py:2: DATABASES: skipped (reads os.environ['DB_PASSWORD'])""");
  }

  @Test
  void undecidableBlocksAreSkippedAndWhatTheyMayChangeIsNoLongerKnown() {
    assertThat(golden("""
        DEBUG = False
        if os.getenv('DEBUG'):
            DEBUG = True
            INTERNAL_IPS = ['127.0.0.1']
        elif X:
            pass
        else:
            SECRET_KEY = 'x'
        try:
            from .local_settings import *
        except ImportError:
            pass
        def helper(x):
            return x
        @decorator
        class Config:
            VALUE = 1
        VALUE = 2
        for i in range(3): VALUE += i
        KEY = 'before'
        with open('f') as f: KEY = f.read()
        AFTER = 'still parsed'
        """)).isEqualTo("""
        1 DEBUG = False
        22 AFTER = 'still parsed'
        warning configs/settings.py:2: DEBUG: uses os.getenv('DEBUG') with no default: taking None
        warning configs/settings.py:5: skipped 'elif' block (lines 5-8): its condition refers \
        to undefined name X; it may change SECRET_KEY
        warning configs/settings.py:9: skipped 'try' block (lines 9-12)
        warning configs/settings.py:19: skipped 'for' block (line 19); it may change VALUE
        warning configs/settings.py:19: VALUE: skipped (its earlier value may be changed by the \
        'for' block at line 19)
        warning configs/settings.py:21: skipped 'with' block (line 21); it may change KEY
        warning configs/settings.py:21: KEY: skipped (its earlier value may be changed by the \
        'with' block at line 21)""");
  }

  @Test
  void importsAndOtherStatementsAreWarnedAbout() {
    assertThat(golden("""
        import os, sys as system
        from .base import *
        from django.conf import (settings as s, global_settings)
        assert True
        raise SystemExit
        print('hello')
        sys.path.insert(0, '/x')
        'a docstring'
        pass
        """)).isEqualTo("""

        warning configs/settings.py:1: skipped import of os, sys
        warning configs/settings.py:2: skipped 'from .base import *': the names it defines \
        are not seen
        warning configs/settings.py:3: skipped import from django.conf
        warning configs/settings.py:4: skipped 'assert' statement
        warning configs/settings.py:5: skipped 'raise' statement
        warning configs/settings.py:6: skipped expression statement (calls print())
        warning configs/settings.py:7: skipped expression statement (calls sys.path.insert())""");
  }

  @Test
  void unsupportedInPlaceChangesSkipTheSetting() {
    assertThat(golden("""
        APPS = ['a', 'b']
        APPS.remove('a')
        HOSTS = ['x']
        HOSTS.append(get_host())
        """)).isEqualTo("""

        warning configs/settings.py:2: APPS: skipped (is changed by a call to .remove())
        warning configs/settings.py:4: HOSTS: skipped (calls get_host())""");
  }

  @Test
  void aWarningCarriesTheLineOfTheStatementAfterMultiLineStrings() {
    assertThat(golden("""
        DOC = '''
        several
        lines
        '''
        BAD = timezone('x')
        """)).endsWith("warning configs/settings.py:5: BAD: skipped (calls timezone())");
  }

  @Test
  void nothingIsEverExecuted(@TempDir Path dir) {
    Path marker = dir.resolve("pwned");
    String source = """
        import os; os.system('touch %1$s')
        __import__('os').system('touch %1$s')
        exec("open('%1$s', 'w').close()")
        X = eval("open('%1$s', 'w')")
        Y = open('%1$s', 'w').write('x')
        subprocess.call(['touch', '%1$s'])
        """.formatted(marker);

    String rendered = golden(source);

    assertThat(marker).doesNotExist();
    assertThat(Files.exists(marker)).isFalse();
    assertThat(rendered).isEqualTo("""

        warning configs/settings.py:1: skipped import of os
        warning configs/settings.py:1: skipped expression statement (calls os.system())
        warning configs/settings.py:2: skipped expression statement (calls __import__().system())
        warning configs/settings.py:3: skipped expression statement (calls exec())
        warning configs/settings.py:4: X: skipped (calls eval())
        warning configs/settings.py:5: Y: skipped (calls open().write())
        warning configs/settings.py:6: skipped expression statement (calls subprocess.call())""");
  }

  @Test
  void warningsNeverContainValues() {
    String rendered = golden("""
        A = 'canary-secret-1' + 1
        B = {'canary-secret-2': 1}['canary-secret-3']
        C = 'canary-secret-4'.encode(' ')
        D = os.environ['canary secret 5']
        E = '%d' % 'canary-secret-6'
        F = '{0} {1}'.format('canary-secret-7')
        """);

    assertThat(rendered.lines().filter(l -> l.startsWith("warning")).toList())
        .hasSize(6)
        .noneMatch(l -> l.contains("canary"));
  }
}
