# Rendered by a deploy script that was never run on this copy.
SECRET_KEY = '${SECRET_KEY}'
DATABASE_PASSWORD = $DATABASE_PASSWORD
