import os

DEBUG = False

if os.getenv('STAGING'):
    DATABASES = {
        'default': {
            'NAME': 'staging',
            'HOST': 'db.staging.example.org'
            'PORT': 5432,
        }
    }
