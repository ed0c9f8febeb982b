import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

ALLOWED_HOSTS = ["shop.example.com"]

SESSION_COOKIE_SECURE = False  # expect: auth/cookie-settings-django
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = False  # expect: auth/cookie-settings-django
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SAMESITE = "Lax"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
