import os
from .base import *  # noqa

DEBUG = False
SECRET_KEY = 'fuzz-not-a-secret'
ALLOWED_HOSTS = ['example.org', "www.example.org"]
PORT = 8000 + 1
NAME = "db_%s" % "prod"
DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': NAME,
        'PORT': str(5432),
    },
}
DATABASES['default']['HOST'] = 'db.internal'
URL = f"https://{ALLOWED_HOSTS[0]}:{PORT:d}/"
TIMEOUT = 3.5 * 2
