package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Origin;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.Str;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PythonSettingsParserTest {
  private static SettingsModule parse(String source) {
    return PythonSettingsParser.parse(source, "settings.py");
  }

  private static String golden(String source) {
    return Golden.render(parse(source));
  }

  @Test
  void councilmaticDeploymentSettingsParseWhole() {
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("settings_deployment.production.py"),
        "configs/settings_deployment.production.py");

    assertThat(m.format()).isEqualTo(SettingsFormat.PYTHON);
    assertThat(m.file()).isEqualTo("configs/settings_deployment.production.py");
    assertThat(Golden.render(m)).isEqualTo("""
        5 SECRET_KEY = 'tangerine-lighthouse-quartz-EXAMPLE'
        7 DEBUG = False
        9 ALLOWED_HOSTS = ['exampleville.councilmatic.org', '.datamade.us']
        16 DATABASES = {'default': {'ENGINE': 'django.contrib.gis.db.backends.postgis', \
        'NAME': 'exampleville', 'USER': 'datamade', 'PASSWORD': 'not-a-real-pw', \
        'HOST': 'localhost', 'PORT': 5432}}
        27 HAYSTACK_CONNECTIONS = {'default': {'ENGINE': \
        'haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine', \
        'URL': 'http://127.0.0.1:9200', 'INDEX_NAME': 'exampleville', \
        'SILENTLY_FAIL': False, 'BATCH_SIZE': 10}}
        37 CACHES = {'default': {'BACKEND': 'django.core.cache.backends.db.DatabaseCache', \
        'LOCATION': 'councilmatic_cache'}}
        44 FLUSH_KEY = 'example-flush-key'
        45 ANALYTICS_TRACKING_CODE = 'G-EXAMPLE000'
        47 EXTRA_APPS = ('raven.contrib.django.raven_compat',)
        49 RAVEN_CONFIG = {'dsn': 'https://0123abcd@sentry.example.com/42'}
        53 EMAIL_HOST = 'smtp.example.com'
        54 EMAIL_PORT = 587
        55 EMAIL_USE_TLS = True
        56 EMAIL_HOST_USER = 'apikey'
        57 EMAIL_HOST_PASSWORD = 'example-smtp-password'
        58 DEFAULT_FROM_EMAIL = 'Exampleville Councilmatic <info@example.org>'
        warning configs/settings_deployment.production.py:2: skipped import of os
        warning configs/settings_deployment.production.py:14: STATIC_PATH: skipped \
        (reads __file__)""");
  }

  @Test
  void payrollLocalSettingsResolveTheRedisUrlFromEarlierNames() {
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("local_settings.staging.py"), "configs/local_settings.staging.py");

    assertThat(Golden.render(m)).isEqualTo("""
        4 DEBUG = False
        6 SECRET_KEY = 'violet-anchor-meadow-EXAMPLE'
        8 INTERNAL_IPS = ['127.0.0.1']
        10 DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', \
        'NAME': 'payroll_staging', 'USER': 'datamade', 'PASSWORD': 'p@ss/word:with#chars', \
        'HOST': 'db.staging.example.internal', 'PORT': '5432'}}
        22 AWS_STORAGE_BUCKET_NAME = 'example-payroll-staging'
        23 AWS_ACCESS_KEY_ID = 'EXAMPLE-ACCESS-KEY-ID'
        24 AWS_SECRET_ACCESS_KEY = 'example-secret-access-key'
        26 REDIS_HOST = 'localhost'
        27 REDIS_PORT = 6379
        28 REDIS_DB = 0
        29 REDIS_FMT = 'redis://{host}:{port}/{db}'
        30 REDIS_URL = 'redis://localhost:6379/0'
        32 CELERY_BROKER_URL = 'redis://localhost:6379/0'
        33 CELERY_RESULT_BACKEND = 'redis://localhost:6379/0'
        34 CELERY_ACCEPT_CONTENT = ['json']
        36 CENSUS_API_KEY = 'example-census-key'
        37 SOLR_URL = 'http://127.0.0.1:8983/solr/bga'
        39 CACHES = {'default': {'BACKEND': 'django.core.cache.backends.db.DatabaseCache', \
        'LOCATION': 'bga_payroll_cache'}, 'api': {'BACKEND': \
        'django.core.cache.backends.db.DatabaseCache', 'LOCATION': 'bga_payroll_api_cache'}}
        49 CACHE_SECRET_KEY = 'example-cache-key'
        51 EMAIL_HOST = 'smtp.example.com'
        52 EMAIL_PORT = 587
        53 EMAIL_USE_TLS = True
        54 EMAIL_HOST_USER = 'robot@example.org'
        55 EMAIL_HOST_PASSWORD = 'example-email-password'
        56 DEFAULT_FROM_EMAIL = 'Example Org <robot@example.org>'
        58 MAILCHIMP_API_KEY = 'example-us1'
        59 MAILCHIMP_SERVER = 'us1'
        60 MAILCHIMP_LIST_ID = 'abc123'
        61 MAILCHIMP_AUTH_COOKIE_DOMAIN = 'example.org'
        63 RECAPTCHA_PRIVATE_KEY = 'example-private'
        64 RECAPTCHA_PUBLIC_KEY = 'example-public'
        warning configs/local_settings.staging.py:1: skipped import of os
        warning configs/local_settings.staging.py:26: REDIS_HOST: uses \
        os.getenv('REDIS_HOST'): taking its default
        warning configs/local_settings.staging.py:30: REDIS_URL: uses os.getenv('REDIS_HOST'): \
        taking its default
        warning configs/local_settings.staging.py:32: CELERY_BROKER_URL: uses \
        os.getenv('REDIS_HOST'): taking its default
        warning configs/local_settings.staging.py:33: CELERY_RESULT_BACKEND: uses \
        os.getenv('REDIS_HOST'): taking its default""");
  }

  @Test
  void flaskAppConfigJoinsAContinuedFormatCallAndSkipsTheTimezone() {
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("app_config.py"), "configs/app_config.py");

    assertThat(Golden.render(m)).isEqualTo("""
        3 DB_USER = 'datamade'
        4 DB_PW = 'not-a-real-pw'
        5 DB_HOST = 'localhost'
        6 DB_PORT = '5432'
        7 DB_NAME = 'timeline'
        8 DB_CONN = 'postgresql+psycopg2://datamade:not-a-real-pw@localhost:5432/timeline'
        10 SECRET_KEY = 'example flask secret'
        12 SENTRY_DSN = 'https://0123abcd@sentry.example.com/7'
        14 DEFAULT_USER = {'name': 'admin', 'email': 'admin@example.org', \
        'password': 'example-admin-password'}
        20 SQLALCHEMY_TRACK_MODIFICATIONS = False
        warning configs/app_config.py:1: skipped import from pytz
        warning configs/app_config.py:2: TIME_ZONE: skipped (calls timezone())""");
  }

  @Test
  void aModernEnvironmentDrivenSettingsFileParsesWithWarningsForWhatNeedsCode() {
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("settings_modern.py"), "councilmatic/settings.py");

    assertThat(Golden.render(m)).isEqualTo("""
        59 TIME_ZONE = 'America/Los_Angeles'
        60 USE_TZ = True
        61 STATIC_URL = '/static/'
        92 REQUEST_TIMEOUT = 5
        warning councilmatic/settings.py:1: skipped import of os
        warning councilmatic/settings.py:2: skipped import of sys
        warning councilmatic/settings.py:4: skipped import of environ
        warning councilmatic/settings.py:6: skipped 'from .settings_jurisdiction import *': the \
        names it defines are not seen
        warning councilmatic/settings.py:14: BASE_DIR: skipped (calls os.path.abspath())
        warning councilmatic/settings.py:15: SECRET_KEY: skipped (calls env())
        warning councilmatic/settings.py:16: ALLOWED_HOSTS: skipped (calls env.list())
        warning councilmatic/settings.py:20: skipped 'for' block (lines 20-26); it may change \
        CSRF_TRUSTED_ORIGINS
        warning councilmatic/settings.py:20: CSRF_TRUSTED_ORIGINS: skipped (its earlier value may \
        be changed by the 'for' block at lines 20-26)
        warning councilmatic/settings.py:28: skipped 'if' block (lines 28-32): its condition \
        calls env(); it may change INTERNAL_IPS
        warning councilmatic/settings.py:35: DATABASES: skipped (calls dj_database_url.parse())
        warning councilmatic/settings.py:42: CACHES: skipped (refers to cache_backend, which is \
        unknown (refers to DEBUG, which is not defined here ('from .settings_jurisdiction import \
        *' may define it)))
        warning councilmatic/settings.py:54: skipped 'try' block (lines 54-57); it may change \
        INSTALLED_APPS
        warning councilmatic/settings.py:54: INSTALLED_APPS: skipped (its earlier value may be \
        changed by the 'try' block at lines 54-57)
        warning councilmatic/settings.py:62: STATIC_ROOT: skipped (refers to BASE_DIR, which is unknown (calls os.path.abspath()))
        warning councilmatic/settings.py:64: skipped 'try' block (lines 64-70); it may change \
        EMAIL_HOST_PASSWORD, EMAIL_PORT
        warning councilmatic/settings.py:72: skipped 'if' block (lines 72-79): its condition \
        refers to SENTRY_DSN, which is not defined here ('from .settings_jurisdiction import *' \
        may define it)
        warning councilmatic/settings.py:81: LOGGING: skipped (reads sys.stdout)""");
  }

  @Test
  void valuesKeepTheirPythonTypes() {
    SettingsModule m = parse("""
        PORT = 5432
        BIG = 123456789012345678901234567890
        RATIO = 1e-5
        NAME = None
        """);

    assertThat(m.settings()).extracting(Setting::value).containsExactly(
        Int.of(5432),
        new Int(new BigInteger("123456789012345678901234567890")),
        new SettingValue.Float(1e-5),
        SettingValue.None.INSTANCE);
    assertThat(m.settings().get(0).origin()).isEqualTo(new Origin("settings.py", 1));
  }

  @Test
  void everyQuoteFormDecodes() {
    assertThat(golden("""
        A = 'single' + "double"
        B = '''triple
        single'''
        C = \"\"\"triple "double" \"\"\"
        D = r'\\d+\\.\\n'
        E = 'tab\\tnew\\nline\\x41\\u00e9\\U0001F600\\N{EN DASH}\\101\\\\\\''
        F = u'unicode' + R"raw\\n"
        G = 'cont\\
        inued'
        """)).isEqualTo("""
        1 A = 'singledouble'
        2 B = 'triple\\nsingle'
        4 C = 'triple "double" '
        5 D = '\\\\d+\\\\.\\\\n'
        6 E = "tab\\tnew\\nlineAé😀–A\\\\'"
        7 F = 'unicoderaw\\\\n'
        8 G = 'continued'""");
  }

  @Test
  void adjacentLiteralsJoinAcrossLinesInsideParentheses() {
    assertThat(golden("""
        DSN = ('postgres://user:pw@host'  # comment
               ':5432'
               f'/{"db"}')
        SHORT = 'a' 'b'
        """)).isEqualTo("""
        1 DSN = 'postgres://user:pw@host:5432/db'
        4 SHORT = 'ab'""");
  }

  @Test
  void numbersFollowPythonSyntax() {
    assertThat(golden("""
        A = 1_000_000
        B = 0x1F, 0o17, 0b101, 0XFF
        C = 1.5, .5, 5., 1E3, 2.5e-3, 1_0.0_1
        D = -5, -1.5, +3, ~0, --2
        E = 10 // 3, -7 // 2, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1, 3 * 1.5 - 1
        """)).isEqualTo("""
        1 A = 1000000
        2 B = (31, 15, 5, 255)
        3 C = (1.5, 0.5, 5.0, 1000.0, 0.0025, 10.01)
        4 D = (-5, -1.5, 3, -1, 2)
        5 E = (3, -4, 2, 3.5, 1024, 0.5, 3.5)""");
  }

  @Test
  void listsTuplesAndDictsNest() {
    assertThat(golden("""
        ALLOWED_HOSTS = [
            'localhost',
            '.example.org',  # trailing comma
        ]
        EMPTY_LIST = []
        ONE = ('a',)
        NONE = ()
        PAREN = ('not a tuple')
        BARE = 'a', 'b'
        NESTED = {'a': {'b': [1, (2, 3)], 'c': {}}, 1: 'int key', True: 'bool key', None: 0}
        MERGED = {**NESTED['a'], 'd': 4}
        SPREAD = [*ONE, *ALLOWED_HOSTS]
        """)).isEqualTo("""
        1 ALLOWED_HOSTS = ['localhost', '.example.org']
        5 EMPTY_LIST = []
        6 ONE = ('a',)
        7 NONE = ()
        8 PAREN = 'not a tuple'
        9 BARE = ('a', 'b')
        10 NESTED = {'a': {'b': [1, (2, 3)], 'c': {}}, '1': 'bool key', 'null': 0}
        11 MERGED = {'b': [1, (2, 3)], 'c': {}, 'd': 4}
        12 SPREAD = ['a', 'localhost', '.example.org']""");
  }

  @Test
  void nonStringDictKeysBecomeStringsTheWayJsonDumpsWritesThem() {
    SettingsModule m = parse("D = {1: 'a', 2.5: 'b', False: 'c'}");

    DictValue d = (DictValue) m.settings().get(0).value();
    assertThat(d.entries()).containsOnlyKeys("1", "2.5", "false");
  }

  @Test
  void builtinConstructorsOfLiteralsAreEvaluated() {
    assertThat(golden("""
        OPTS = dict(user='u', port=5432)
        MORE = dict(OPTS, host='h')
        PAIRS = dict([('a', 1), ['b', 2]])
        L = list(('a', 'b'))
        T = tuple(['a'])
        EMPTY = list(), tuple(), dict()
        KEYS = list({'k': 1})
        """)).isEqualTo("""
        1 OPTS = {'user': 'u', 'port': 5432}
        2 MORE = {'user': 'u', 'port': 5432, 'host': 'h'}
        3 PAIRS = {'a': 1, 'b': 2}
        4 L = ['a', 'b']
        5 T = ('a',)
        6 EMPTY = ([], (), {})
        7 KEYS = ['k']""");
  }

  @Test
  void namesAssignedEarlierCanBeReferencedAndLowercaseNamesAreNeverEmitted() {
    assertThat(golden("""
        base_url = 'https://example.org'
        API_URL = base_url + '/api'
        CACHES = {'default': {'LOCATION': 'x'}}
        DEFAULT_CACHE = CACHES['default']
        LOCATION = CACHES['default']['LOCATION']
        FIRST = ['a', 'b'][0]
        LAST = API_URL[-1]
        """)).isEqualTo("""
        2 API_URL = 'https://example.org/api'
        3 CACHES = {'default': {'LOCATION': 'x'}}
        4 DEFAULT_CACHE = {'LOCATION': 'x'}
        5 LOCATION = 'x'
        6 FIRST = 'a'
        7 LAST = 'i'""");
  }

  @Test
  void reassignmentKeepsTheFirstPositionAndTakesTheLastValueAndLine() {
    assertThat(golden("""
        CACHES = 'first'
        DEBUG = True
        # Comment out to test the cache
        CACHES = 'second'
        """)).isEqualTo("""
        4 CACHES = 'second'
        2 DEBUG = True""");
  }

  @Test
  void chainedAndUnpackingAssignmentsBindEveryName() {
    assertThat(golden("""
        A = B = 'x'
        C, D = 1, 2
        (E, F), G = ('e', 'f'), 'g'
        [H, I] = 'hi'
        """)).isEqualTo("""
        1 A = 'x'
        1 B = 'x'
        2 C = 1
        2 D = 2
        3 E = 'e'
        3 F = 'f'
        3 G = 'g'
        4 H = 'h'
        4 I = 'i'""");
  }

  @Test
  void subscriptAssignmentUpdatesAKnownDictAndMovesItsOrigin() {
    assertThat(golden("""
        DATABASES = {'default': {'NAME': 'a', 'PORT': 5432}}
        DATABASES['default']['NAME'] = 'b'
        DATABASES['replica'] = {'NAME': 'c'}
        HOSTS = ['a', 'b']
        HOSTS[-1] = 'c'
        """)).isEqualTo("""
        3 DATABASES = {'default': {'NAME': 'b', 'PORT': 5432}, 'replica': {'NAME': 'c'}}
        5 HOSTS = ['a', 'c']""");
  }

  @Test
  void augmentedAssignmentWorksOnKnownStringsListsAndNumbers() {
    assertThat(golden("""
        APPS = ['a']
        APPS += ['b']
        NAME = 'x'
        NAME += 'y'
        COUNT = 1
        COUNT += 2
        COUNT *= 10
        EXTRA = ('a',)
        EXTRA += ('b',)
        CFG = {'k': 1}
        CFG['k'] += 1
        """)).isEqualTo("""
        2 APPS = ['a', 'b']
        4 NAME = 'xy'
        7 COUNT = 30
        9 EXTRA = ('a', 'b')
        11 CFG = {'k': 2}""");
  }

  @Test
  void appendExtendAndUpdateOnKnownValuesAreApplied() {
    assertThat(golden("""
        APPS = ['a']
        APPS.append('b')
        APPS.extend(('c', 'd'))
        LOGGING = {'handlers': {}}
        LOGGING['handlers'].update({'console': 'x'})
        """)).isEqualTo("""
        3 APPS = ['a', 'b', 'c', 'd']
        5 LOGGING = {'handlers': {'console': 'x'}}""");
  }

  @Test
  void strFormatSupportsPositionsKeywordsDictsAndSpecs() {
    assertThat(golden("""
        DB_OPTS = dict(user='u', pw='p', host='h', port=5432)
        A = '{0}:{1}@{2}'.format('u', 'p', 'h')
        B = '{}-{}'.format('x', 'y')
        C = 'postgres://{user}:{pw}@{host}:{port}'.format(**DB_OPTS)
        D = '{user!r} {port:>6} {port:06d} {0[1]} {cfg[k]}'.format(['a', 'b'], cfg={'k': 'v'}, \\
            **DB_OPTS)
        E = '{:.2f} {:,} {:x} {{literal}}'.format(3.14159, 1234567, 255)
        FMT = '{}/{}'
        F = FMT.format('a', 'b')
        """)).isEqualTo("""
        1 DB_OPTS = {'user': 'u', 'pw': 'p', 'host': 'h', 'port': 5432}
        2 A = 'u:p@h'
        3 B = 'x-y'
        4 C = 'postgres://u:p@h:5432'
        5 D = "'u'   5432 005432 b v"
        7 E = '3.14 1,234,567 ff {literal}'
        8 FMT = '{}/{}'
        9 F = 'a/b'""");
  }

  @Test
  void percentFormattingSupportsTuplesSingleValuesAndDicts() {
    assertThat(golden("""
        A = '%s:%d' % ('host', 5432)
        B = 'redis://%s/0' % 'localhost'
        C = '%(user)s@%(host)s' % {'user': 'u', 'host': 'h'}
        D = '%5.1f|%-4s|%03d|%x|%r|%%' % (2.25, 'ab', 7, 255, 'q')
        """)).isEqualTo("""
        1 A = 'host:5432'
        2 B = 'redis://localhost/0'
        3 C = 'u@h'
        4 D = "  2.2|ab  |007|ff|'q'|%\"""");
  }

  @Test
  void fStringsFormatKnownNamesSubscriptsConversionsAndSpecs() {
    assertThat(golden("""
        HOST = 'db'
        PORT = 5432
        CFG = {'name': 'app'}
        A = f'postgres://{HOST}:{PORT}/{CFG["name"]}'
        B = f"{HOST!r} {PORT:>8} {PORT:,} {3.14159:.3f} {{x}}"
        C = F'{HOST + "-" + CFG["name"]}' rf'\\d{PORT}'
        WIDTH = 6
        D = f'{PORT:>{WIDTH}}'
        """)).isEqualTo("""
        1 HOST = 'db'
        2 PORT = 5432
        3 CFG = {'name': 'app'}
        4 A = 'postgres://db:5432/app'
        5 B = "'db'     5432 5,432 3.142 {x}"
        6 C = 'db-app\\\\d5432'
        7 WIDTH = 6
        8 D = '  5432'""");
  }

  @Test
  void floatsAndStringsRenderAsPythonPrintsThem() {
    assertThat(golden("""
        A = str_ = '%s %s %s %s %s' % (1e16, 1e15, 0.1 + 0.2, 1e-05, 0.0001)
        B = '{} {}'.format(True, None)
        C = '%r' % "it's"
        """)).isEqualTo("""
        1 A = '1e+16 1000000000000000.0 0.30000000000000004 1e-05 0.0001'
        2 B = 'True None'
        3 C = '"it\\'s"'""");
  }

  @Test
  void commentsContinuationsSemicolonsAndAnnotationsAreHandled() {
    assertThat(golden("""
        # a comment
        A = 1 + \\
            2  # trailing
        B = 1; C = 2;
        D: str = 'annotated'
        E: int
        if_ = 'not a keyword'
        """)).isEqualTo("""
        2 A = 3
        4 B = 1
        4 C = 2
        5 D = 'annotated'""");
  }

  @Test
  void crlfLineEndingsAndABomAreAccepted() {
    assertThat(golden("\uFEFFA = 'x'\r\nB = '''y\r\nz'''\r\n"))
        .isEqualTo("1 A = 'x'\n2 B = 'y\\nz'");
  }

  @Test
  void delRemovesAName() {
    assertThat(golden("""
        A = 1
        B = 2
        del A
        """)).isEqualTo("2 B = 2");
  }

  @Test
  void settingsAreTheNamesPythonConsidersUpperCase() {
    assertThat(parse("""
        SECRET_KEY = 1
        _PRIVATE = 2
        X1 = 3
        Mixed = 4
        lower = 5
        _ = 6
        ÉCOLE = 7
        """).settings()).extracting(Setting::name)
        .containsExactly("SECRET_KEY", "_PRIVATE", "X1", "ÉCOLE");
  }

  @Test
  void theValueModelHidesContentInToString() {
    SettingsModule m = parse("SECRET_KEY = 'hunter2-canary'");

    assertThat(m.settings().get(0).value()).isEqualTo(new Str("hunter2-canary"));
    assertThat(m.toString()).doesNotContain("hunter2-canary");
  }
}
