package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions, try statements and what a setting's value rests on: decided from known values when
 * they can be, skipped with every name they may change made unknown when they cannot.
 */
class PythonConditionsTest {
  private static String golden(String source) {
    return Golden.render(PythonSettingsParser.parse(source, "configs/settings.py"));
  }

  @Test
  void aDeploymentFileWithEveryRealWorldConstructReadsAsPythonWouldWithoutRunningIt() {
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("settings_deployment.conditions.py"),
        "configs/settings_deployment.conditions.py");

    assertThat(Golden.render(m)).isEqualTo("""
        12 SITE_NAME = 'lanternfish'
        13 DEBUG = False
        14 TEMPLATE_DEBUG = False
        16 PRODUCTION = True
        19 API_TOKEN = '<your token>'
        22 ALLOWED_HOSTS = ['lanternfish.example.org']
        23 DB_HOST = 'db.internal.example.org'
        31 READ_ONLY = False
        33 DB_PORT = 5432
        44 DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': \
        'lanternfish', 'USER': 'lantern', 'PASSWORD': 'example-db-password', 'HOST': \
        'db.internal.example.org', 'PORT': 5432}}
        45 DATABASE_URL = \
        'postgres://lantern:example-db-password@db.internal.example.org:5432/lanternfish'
        48 CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}
        49 CACHE_TIMEOUT = 18000
        51 HAYSTACK_URL = 'http://db.internal.example.org:9200/'
        52 HAYSTACK_CONNECTIONS = {'default': {'ENGINE': \
        'haystack.backends.solr_backend.SolrEngine', 'URL': \
        'http://db.internal.example.org:9200/solr/lanternfish'}}
        59 LOGGING = {'version': 1, 'formatters': {'plain': {'format': '%(asctime)s %(levelname)s \
        %(message)s'}}, 'handlers': {'console': {'class': 'logging.StreamHandler', 'formatter': \
        'plain'}}, 'root': {'handlers': ['console'], 'level': 'WARNING'}}
        67 MEDIA_URL = '/media/'
        68 STATIC_URL = '/media/static/'
        69 SERVER_EMAIL = 'ops@lanternfish.example.org'
        71 DEFAULT_FROM_EMAIL = 'ops@lanternfish.example.org'
        72 ADMINS = [('Ops', 'ops@lanternfish.example.org')]
        73 WELCOME = 'Welcome to Lanternfish. Replies go to ops@lanternfish.example.org.'
        75 BANNER = 'LANTERNFISH (1 hosts)'
        76 WORKER_QUEUES = ['mail', 'search']
        80 MIDDLEWARE = ['django.middleware.security.SecurityMiddleware', \
        'django.middleware.common.CommonMiddleware', \
        'django.contrib.sessions.middleware.SessionMiddleware']
        90 MAILGUN_DOMAIN = 'mg.lanternfish.example.org'
        94 MAILGUN_ENABLED = True
        100 WORKERS = 4
        109 EMPTY = None
        warning configs/settings_deployment.conditions.py:2: skipped 'from .base import *': the \
        names it defines are not seen
        warning configs/settings_deployment.conditions.py:3: skipped import of os.path
        warning configs/settings_deployment.conditions.py:4: skipped import of socket
        warning configs/settings_deployment.conditions.py:11: BASE_DIR: skipped (calls \
        os.path.abspath())
        warning configs/settings_deployment.conditions.py:13: DEBUG: uses \
        os.getenv('LANTERN_DEBUG'): taking its default
        warning configs/settings_deployment.conditions.py:14: TEMPLATE_DEBUG: uses \
        os.getenv('LANTERN_DEBUG'): taking its default
        warning configs/settings_deployment.conditions.py:16: PRODUCTION: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:18: SECRET_KEY: skipped (reads \
        os.environ['LANTERN_SECRET_KEY'])
        warning configs/settings_deployment.conditions.py:19: API_TOKEN: uses \
        os.environ.get('LEGACY_TOKEN'): taking its default
        warning configs/settings_deployment.conditions.py:19: API_TOKEN: uses \
        os.getenv('LANTERN_API_TOKEN'): taking its default
        warning configs/settings_deployment.conditions.py:22: ALLOWED_HOSTS: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:23: DB_HOST: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:31: READ_ONLY: uses \
        os.getenv('LANTERN_READ_ONLY') with no default: taking None
        warning configs/settings_deployment.conditions.py:34: DATABASES: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:45: DATABASE_URL: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:51: HAYSTACK_URL: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:52: HAYSTACK_CONNECTIONS: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:59: LOGGING: uses \
        os.getenv('LANTERN_DEBUG'): taking its default
        warning configs/settings_deployment.conditions.py:66: STATIC_ROOT: skipped (refers \
        to BASE_DIR, which is unknown (calls os.path.abspath()))
        warning configs/settings_deployment.conditions.py:75: BANNER: uses \
        os.getenv('LANTERN_ENV'): taking its default
        warning configs/settings_deployment.conditions.py:82: skipped 'try' block (lines 82-87); \
        it may change SENTRY_DSN, SENTRY_ENVIRONMENT
        warning configs/settings_deployment.conditions.py:96: HOSTNAME: skipped (calls \
        socket.gethostbyname_ex())
        warning configs/settings_deployment.conditions.py:96: HOST_IPS: skipped (calls \
        socket.gethostbyname_ex())
        warning configs/settings_deployment.conditions.py:97: CELERY_TIMEZONE: skipped (calls \
        pytz.timezone())
        warning configs/settings_deployment.conditions.py:98: SCHEDULE: skipped (calls crontab())
        warning configs/settings_deployment.conditions.py:99: GIT_SHA: skipped (calls \
        subprocess.check_output())
        warning configs/settings_deployment.conditions.py:101: skipped expression statement (calls \
        print())
        warning configs/settings_deployment.conditions.py:108: REPORTS_BUCKET: skipped (refers to \
        STORAGE_PREFIX, which is not defined here ('from .base import *' may define it))""");
  }

  @Test
  void theTakenBranchAppliesAndTheSettingsItSetsNameTheAssumptionItRestsOn() {
    assertThat(golden("""
        MODE = os.getenv('MODE', 'prod')
        if MODE == 'prod':
            HOST = 'www.example.org'
        elif MODE == 'qa':
            HOST = 'qa.example.org'
            QA = True
        else:
            HOST = 'localhost'
        URL = 'https://' + HOST
        """)).isEqualTo("""
        1 MODE = 'prod'
        3 HOST = 'www.example.org'
        9 URL = 'https://www.example.org'
        warning configs/settings.py:1: MODE: uses os.getenv('MODE'): taking its default
        warning configs/settings.py:3: HOST: uses os.getenv('MODE'): taking its default
        warning configs/settings.py:9: URL: uses os.getenv('MODE'): taking its default""");
  }

  @Test
  void aBranchNotTakenOnAnAssumptionStillMarksTheSettingsItWouldHaveChanged() {
    assertThat(golden("""
        DEBUG = False
        if os.getenv('DJANGO_DEBUG'):
            DEBUG = True
        """)).isEqualTo("""
        1 DEBUG = False
        warning configs/settings.py:2: DEBUG: uses os.getenv('DJANGO_DEBUG') with no default: \
        taking None""");
  }

  @Test
  void aConditionOnlyPythonAtRunTimeCouldDecideDropsTheEarlierValueOfWhatTheBlockMayChange() {
    assertThat(golden("""
        SECRET_KEY = 'dev-only'
        STORAGE = 'local'
        if socket.gethostname() == 'prod-1':
            SECRET_KEY = 'prod'
            if True:
                STORAGE = 's3'
        LEFT = 'unchanged'
        """)).isEqualTo("""
        7 LEFT = 'unchanged'
        warning configs/settings.py:3: skipped 'if' block (lines 3-6): its condition calls \
        socket.gethostname(); it may change SECRET_KEY, STORAGE
        warning configs/settings.py:3: SECRET_KEY: skipped (its earlier value may be changed by \
        the 'if' block at lines 3-6)
        warning configs/settings.py:3: STORAGE: skipped (its earlier value may be changed by the \
        'if' block at lines 3-6)""");
  }

  @Test
  void aTryWhoseBodyResolvesRunsWithItsElseAndFinally() {
    assertThat(golden("""
        try:
            HOST = 'db.example.org'
        except KeyError:
            HOST = None
        else:
            PORT = 5432
        finally:
            TIMEOUT = 5
        """)).isEqualTo("""
        2 HOST = 'db.example.org'
        6 PORT = 5432
        8 TIMEOUT = 5""");
  }

  @Test
  void aTryWhoseBodyNeedsTheEnvironmentIsSkippedWholeAndItsPartialWorkUndone() {
    assertThat(golden("""
        PASSWORD = 'old'
        try:
            USER = 'app'
            PASSWORD = os.environ['DB_PASSWORD']
        except KeyError:
            PASSWORD = None
        else:
            READY = True
        """)).isEqualTo("""

        warning configs/settings.py:2: skipped 'try' block (lines 2-8); it may change USER, \
        PASSWORD, READY
        warning configs/settings.py:2: PASSWORD: skipped (its earlier value may be changed by the \
        'try' block at lines 2-8)""");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      X = 1 if 'a' < 'b' else 2                  | 1
      X = 'yes' if [1, 2] == [1, 2.0] else 'no'  | 'yes'
      X = (1,) == [1]                            | False
      X = {'a': 1} == {'a': 1.0}                 | True
      X = not ''                                 | True
      X = [] or None                             | None
      X = 0 and undefined_name                   | 0
      X = 'ab' in 'xaby'                         | True
      X = 2 in {2.0: 'two'}                      | True
      X = None is None is not False              | True
      X = 3 > 2 > 2                              | False
      X = float('nan') if False else 1 >= 1      | True
      X = {1: 'a', True: 'b', 1.0: 'c'}          | {'1': 'c'}
      X = {True: 'a', 1: 'b'}[1.0]               | 'b'
      X = list({0: 'x', False: 'y', 'k': 1})     | [0, 'k']
      """)
  void comparisonsAndBooleanOperatorsFollowPython(String source, String repr) {
    assertThat(golden(source)).isEqualTo("1 X = " + repr);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      X = 1 < 'a'              | compares a int with a str using <
      X = [] is []             | uses 'is' on objects whose identity is unknown
      X = 1 in 'abc'           | looks for a int in a str
      X = {1: 'a', '1': 'b'}   | has dict keys that Python tells apart but JSON writes alike
      X = {'1': 'a'}[1]        | looks up a key the dict does not have
      X = [1] in {}            | uses a dict key of type list
      """)
  void whatPythonWouldRejectOrCannotBeKnownIsSkipped(String source, String reason) {
    assertThat(golden(source)).isEqualTo("\nwarning configs/settings.py:1: X: skipped (" + reason
        + ")");
  }

  @Test
  void identifiersAreNfkcNormalisedAsPythonDoes() {
    assertThat(golden("""
        ＳＥＣＲＥＴ_KEY = 'a'
        ﬁle = 'b'
        COPY = SECRET_KEY + file
        """)).isEqualTo("""
        1 SECRET_KEY = 'a'
        3 COPY = 'ab'""");
  }

  @Test
  void aNameOnlyAStarImportCouldDefineIsUnknownAndSaysSo() {
    assertThat(golden("""
        from .base import *
        REPORTS = STORAGE_PREFIX + 'reports'
        """)).isEqualTo("""

        warning configs/settings.py:1: skipped 'from .base import *': the names it defines are \
        not seen
        warning configs/settings.py:2: REPORTS: skipped (refers to STORAGE_PREFIX, which is not \
        defined here ('from .base import *' may define it))""");
  }

  @Test
  void aSyntaxErrorInABlockThatIsNeverRunStillRejectsTheFile() {
    assertThatThrownBy(() -> PythonSettingsParser.parse("""
        if socket.gethostname() == 'prod':
            DATABASES = {'default': {'HOST': 'x' 'PORT': 1}}
        """, "configs/settings.py"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("configs/settings.py:2: unexpected ':'");
  }
}
