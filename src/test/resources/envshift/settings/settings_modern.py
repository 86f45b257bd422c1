import os
import sys

import environ

from .settings_jurisdiction import *  # noqa

env = environ.Env(
    DJANGO_DEBUG=(bool, True),
    DJANGO_ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1"]),
    SEARCH_URL=(str, os.getenv("SEARCHBOX_URL", "http://elasticsearch:9200")),
)

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

CSRF_TRUSTED_ORIGINS = []

for host in ALLOWED_HOSTS:
    if host.startswith("."):
        origin = f"https://*{host}"
    else:
        origin = f"https://{host}"

    CSRF_TRUSTED_ORIGINS.append(origin)

if env("LOCAL_DOCKER"):
    import socket

    hostname, _, ips = socket.gethostbyname_ex(socket.gethostname())
    INTERNAL_IPS = [ip[:-1] + "1" for ip in ips] + ["127.0.0.1"]

DATABASES = {}
DATABASES["default"] = dj_database_url.parse(
    env("DATABASE_URL"),
    conn_max_age=600,
    ssl_require=True if os.getenv("POSTGRES_REQUIRE_SSL") else False,
)

cache_backend = "dummy.DummyCache" if DEBUG is True else "db.DatabaseCache"
CACHES = {
    "default": {
        "BACKEND": f"django.core.cache.backends.{cache_backend}",
        "LOCATION": "site_cache",
    }
}

INSTALLED_APPS = (
    "django.contrib.admin",
    "haystack",
)

try:
    INSTALLED_APPS += EXTRA_APPS  # noqa
except NameError:
    pass

TIME_ZONE = "America/Los_Angeles"
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "static")

try:
    EMAIL_HOST_PASSWORD = os.environ["DJANGO_EMAIL_HOST_PASSWORD"]
except KeyError:
    print("Email password not found")
else:
    if EMAIL_HOST_PASSWORD:
        EMAIL_PORT = os.getenv("DJANGO_EMAIL_PORT", 587)

if SENTRY_DSN:
    def custom_sampler(ctx):
        return 0.05

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        release=f"{os.environ['HEROKU_RELEASE_VERSION']}-{os.environ['HEROKU_APP_NAME']}",
    )

LOGGING = {
    "version": 1,
    "formatters": {
        "console": {
            "format": "[%(asctime)s][%(levelname)s] %(name)s "
            "%(filename)s:%(funcName)s:%(lineno)d | %(message)s",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": sys.stdout}},
}

REQUEST_TIMEOUT = 5
