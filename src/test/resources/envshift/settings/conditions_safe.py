# Conditions and values python3 can compute with no environment variable set and nothing to call
# but os.getenv / os.environ.get: the oracle for PythonAgainstPythonTest.
import os

ENV = os.getenv('SAFE_ENV', 'staging')
PORT = os.environ.get('SAFE_PORT', 8000)
DEBUG = ENV != 'production'
VERBOSE = os.getenv('SAFE_VERBOSE', '0') == '1'
FLAG = True if os.getenv('SAFE_FLAG', 0) == '1' else False
NESTED_DEFAULT = os.getenv('SAFE_A', os.environ.get('SAFE_B', 'fallback'))

if ENV == 'production':
    HOST = 'www.example.org'
    WORKERS = 8
elif ENV in ('staging', 'qa'):
    HOST = 'staging.example.org'
    WORKERS = 2
else:
    HOST = 'localhost'
    WORKERS = 1

if not DEBUG:
    LOG_LEVEL = 'WARNING'
else:
    LOG_LEVEL = 'DEBUG'

if os.getenv('SAFE_REDIS'):
    CACHE = 'redis'
else:
    CACHE = 'locmem'

if 1 < WORKERS <= 4 and HOST.endswith is not None:
    SCALE = 'small'

TIMEOUT = 30 if PORT == 8000 else 60
LIMIT = PORT > 1024 and PORT < 65536
NAME = '' or 'anonymous'
FIRST = None or 0 or 'first'
BOTH = 'a' and 'b'
MISSING = None
IS_MISSING = MISSING is None
NOT_MISSING = MISSING is not None
CHAIN = 1 < 2 < 3 > 2
TUPLES = (1, 2) < (1, 3)
WORDS = 'b' > 'a'
MIXED = 1 == 1.0 == True
SUBSTRING = 'stag' in ENV
NOT_IN = 'x' not in ['a', 'b']
KEY_IN = 1.0 in {1: 'one'}

KEYS = {1: 'int', True: 'bool', 1.0: 'float', 'k': 'str', None: 'none'}
LOOKUP = KEYS[True]
FIRST_KEY_KEPT = {True: 'a', 1: 'b'}

try:
    EMAIL_PORT = 25
    EMAIL_HOST = 'smtp.' + HOST
except KeyError:
    EMAIL_HOST = None
else:
    EMAIL_USE_TLS = PORT != 25
finally:
    EMAIL_TIMEOUT = 10

try:
    DB_NAME = {'default': 'main'}['default']
except KeyError:
    DB_NAME = 'fallback'
else:
    DB_READY = True

DATABASES = {'default': {'NAME': DB_NAME, 'HOST': HOST, 'PORT': 5432}}
DATABASES['default']['PORT'] = 6432
DATABASES['replica'] = dict(DATABASES['default'], HOST='replica.' + HOST)
URL = 'postgres://{HOST}:{PORT}/{NAME}'.format(**DATABASES['default'])
DSN = 'host=%s port=%d' % (HOST, PORT)
F = f'{HOST}:{PORT + 1}/{ENV!r}'
LONG = ('part one, '
        'part two')
APPS = ['b']
APPS.insert(0, 'a')
APPS.append('c')
APPS += ['d']
A, B = 'x', 'y'
SECONDS = 3600 * 5
ｗｉｄｅ_NAME = 'normalised'
WIDE_COPY = wide_NAME if False else ｗｉｄｅ_NAME
HOST_LIST = [h.strip() for h in os.getenv('SAFE_HOSTS', 'a.org, b.org').split(',') if h]
PORT_MAP = {name: port for name, port in [('web', PORT), ('admin', PORT + 1)]}
UPPER = ','.join(h.upper() for h in HOST_LIST)
PAIRS = [(h, p) for h in HOST_LIST for p in (80, 443) if p != 80]
TAIL = HOST_LIST[1:]
REVERSED = HOST[::-1]
MIDDLE = 'abcdef'[-4:100:2]
