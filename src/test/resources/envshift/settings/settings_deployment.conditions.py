# Deployment settings for the "lanternfish" example app (a made-up project).
from .base import *  # noqa: F401,F403
import os.path
import socket

"""
Everything below is read on the production hosts.
Keep secrets out of version control: this file is encrypted.
"""

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE_NAME = 'lanternfish'
DEBUG = os.getenv('LANTERN_DEBUG', 'False') == 'True'
TEMPLATE_DEBUG = DEBUG
# DEBUG = True
PRODUCTION = True if os.getenv('LANTERN_ENV', 'production') == 'production' else False

SECRET_KEY = os.environ['LANTERN_SECRET_KEY']
API_TOKEN = os.getenv('LANTERN_API_TOKEN', os.environ.get('LEGACY_TOKEN', '<your token>'))

if PRODUCTION:
    ALLOWED_HOSTS = ['lanternfish.example.org']
    DB_HOST = 'db.internal.example.org'
else:
    ALLOWED_HOSTS = ['localhost', '127.0.0.1']
    DB_HOST = 'localhost'

if os.getenv('LANTERN_READ_ONLY'):
    READ_ONLY = True
else:
    READ_ONLY = False

DB_PORT = 5432  # default postgres port
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': SITE_NAME,
        'USER': 'lantern',
        'PASSWORD': 'example-db-password',
        'HOST': DB_HOST,
        'PORT': '{db_port}',
    }
}
DATABASES['default']['PORT'] = DB_PORT
DATABASE_URL = 'postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}'.format(
    **DATABASES['default'])

CACHES = dict(default=dict(BACKEND='django.core.cache.backends.locmem.LocMemCache'))
CACHE_TIMEOUT = 3600 * 5

HAYSTACK_URL = 'http://%s:%d/' % (DB_HOST, 9200)
HAYSTACK_CONNECTIONS = {
    'default': {
        'ENGINE': 'haystack.backends.solr_backend.SolrEngine',
        'URL': HAYSTACK_URL + 'solr/' + SITE_NAME,
    },
}

LOGGING = {
    'version': 1,
    'formatters': {'plain': {'format': '%(asctime)s %(levelname)s %(message)s'}},
    'handlers': {'console': {'class': 'logging.StreamHandler', 'formatter': 'plain'}},
    'root': {'handlers': ['console'], 'level': 'DEBUG' if DEBUG else 'WARNING'},
}

STATIC_ROOT = os.path.join(BASE_DIR, 'static')
MEDIA_URL = '/media/'
STATIC_URL = MEDIA_URL + 'static/'
SERVER_EMAIL = 'ops@{}'.format(
    'lanternfish.example.org')
DEFAULT_FROM_EMAIL = SERVER_EMAIL
ADMINS = [('Ops', SERVER_EMAIL)]
WELCOME = ('Welcome to Lanternfish. '
           'Replies go to ' + SERVER_EMAIL + '.')
BANNER = f'{SITE_NAME.upper()} ({len(ALLOWED_HOSTS)} hosts)'
WORKER_QUEUES = [q for q in ('mail', 'search')]

MIDDLEWARE = ['django.middleware.common.CommonMiddleware']
MIDDLEWARE.insert(0, 'django.middleware.security.SecurityMiddleware')
MIDDLEWARE += ['django.contrib.sessions.middleware.SessionMiddleware']

try:
    SENTRY_DSN = os.environ['LANTERN_SENTRY_DSN']
except KeyError:
    SENTRY_DSN = None
else:
    SENTRY_ENVIRONMENT = 'production'

try:
    MAILGUN_DOMAIN = 'mg.' + 'lanternfish.example.org'
except KeyError:
    MAILGUN_DOMAIN = None
else:
    MAILGUN_ENABLED = True

HOSTNAME, _, HOST_IPS = socket.gethostbyname_ex(socket.gethostname())
CELERY_TIMEZONE = pytz.timezone('Europe/Paris')
SCHEDULE = crontab(minute=0, hour='*/3')
GIT_SHA = subprocess.check_output(['git', 'rev-parse', 'HEAD'])
WORKERS = int('4')
print('settings loaded')


def skip_static(record):
    return not record.getMessage().startswith('GET /static/')


REPORTS_BUCKET = STORAGE_PREFIX + 'reports'
EMPTY = None
