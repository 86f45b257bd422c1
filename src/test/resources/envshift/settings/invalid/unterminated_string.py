DEBUG = False
SECRET_KEY = 'unfinished-canary