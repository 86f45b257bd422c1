# These are all the settings that are specific to a deployment
import os

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = 'tangerine-lighthouse-quartz-EXAMPLE'

DEBUG = False

ALLOWED_HOSTS = [
    'exampleville.councilmatic.org',
    '.datamade.us',
]

STATIC_PATH = os.path.join(os.path.dirname(__file__), '..', 'exampleville', 'static')

DATABASES = {
    'default': {
        'ENGINE': 'django.contrib.gis.db.backends.postgis',
        'NAME': 'exampleville',
        'USER': 'datamade',
        'PASSWORD': 'not-a-real-pw',
        'HOST': 'localhost',
        'PORT': 5432,
    },
}

HAYSTACK_CONNECTIONS = {
    'default': {
        'ENGINE': 'haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine',
        'URL': 'http://127.0.0.1:9200',
        'INDEX_NAME': 'exampleville',
        'SILENTLY_FAIL': False,
        'BATCH_SIZE': 10,
    },
}

CACHES = {
    'default': {
        'BACKEND': 'django.core.cache.backends.db.DatabaseCache',
        'LOCATION': 'councilmatic_cache',
    }
}

FLUSH_KEY = 'example-flush-key'
ANALYTICS_TRACKING_CODE = 'G-EXAMPLE000'

EXTRA_APPS = ('raven.contrib.django.raven_compat',)

RAVEN_CONFIG = {
    'dsn': 'https://0123abcd@sentry.example.com/42',
}

EMAIL_HOST='smtp.example.com'
EMAIL_PORT=587
EMAIL_USE_TLS=True
EMAIL_HOST_USER='apikey'
EMAIL_HOST_PASSWORD='example-smtp-password'
DEFAULT_FROM_EMAIL='Exampleville Councilmatic <info@example.org>'
