import os

# This should be False in production!
DEBUG = False

SECRET_KEY = 'violet-anchor-meadow-EXAMPLE'

INTERNAL_IPS = ['127.0.0.1']

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'payroll_staging',
        'USER': 'datamade',
        # needs URL-encoding if turned into DATABASE_URL
        'PASSWORD': 'p@ss/word:with#chars',
        'HOST': 'db.staging.example.internal',
        'PORT': '5432',
    }
}

AWS_STORAGE_BUCKET_NAME = 'example-payroll-staging'
AWS_ACCESS_KEY_ID = 'EXAMPLE-ACCESS-KEY-ID'
AWS_SECRET_ACCESS_KEY = 'example-secret-access-key'

REDIS_HOST = os.getenv('REDIS_HOST', 'localhost')
REDIS_PORT = 6379
REDIS_DB = 0
REDIS_FMT = 'redis://{host}:{port}/{db}'
REDIS_URL = REDIS_FMT.format(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_ACCEPT_CONTENT = ['json']

CENSUS_API_KEY = 'example-census-key'
SOLR_URL = 'http://127.0.0.1:8983/solr/bga'

CACHES = {
    'default': {
        'BACKEND': 'django.core.cache.backends.db.DatabaseCache',
        'LOCATION': 'bga_payroll_cache',
    },
    'api': {
        'BACKEND': 'django.core.cache.backends.db.DatabaseCache',
        'LOCATION': 'bga_payroll_api_cache',
    },
}
CACHE_SECRET_KEY = 'example-cache-key'

EMAIL_HOST = 'smtp.example.com'
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = 'robot@example.org'
EMAIL_HOST_PASSWORD = 'example-email-password'
DEFAULT_FROM_EMAIL = 'Example Org <robot@example.org>'

MAILCHIMP_API_KEY = 'example-us1'
MAILCHIMP_SERVER = 'us1'
MAILCHIMP_LIST_ID = 'abc123'
MAILCHIMP_AUTH_COOKIE_DOMAIN = 'example.org'

RECAPTCHA_PRIVATE_KEY = 'example-private'
RECAPTCHA_PUBLIC_KEY = 'example-public'
