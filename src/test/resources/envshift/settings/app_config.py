from pytz import timezone
TIME_ZONE = timezone('America/Chicago')
DB_USER = 'datamade'
DB_PW = 'not-a-real-pw'
DB_HOST = 'localhost'
DB_PORT = '5432'
DB_NAME = 'timeline'
DB_CONN = 'postgresql+psycopg2://{0}:{1}@{2}:{3}/{4}'\
        .format(DB_USER, DB_PW, DB_HOST, DB_PORT, DB_NAME)
SECRET_KEY = 'example flask secret'

SENTRY_DSN = 'https://0123abcd@sentry.example.com/7'

DEFAULT_USER = {
    'name': 'admin',
    'email': 'admin@example.org',
    'password': 'example-admin-password',
}

SQLALCHEMY_TRACK_MODIFICATIONS = False
