"""Balise's settings, read from the environment (see README: « Réglages »)."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url

from balise.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("BALISE_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)
TESTING = "pytest" in sys.modules or env_bool("BALISE_TESTING", False)


def _secret_key() -> str:
    """Returns BALISE_SECRET_KEY, or a key generated once into var/secret_key (mode 0600)."""
    key = env_str("BALISE_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("BALISE_DEBUG", False)
ALLOWED_HOSTS = env_list("BALISE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("BALISE_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("BALISE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Behind HTTPS in production: secure cookies, HSTS and redirect (manage.py check --deploy).
HTTPS = env_bool("BALISE_HTTPS", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("BALISE_SESSION_AGE", 60 * 60 * 12)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "balise.core",
    "balise.accounts",
    "balise.policy",
    "balise.audit",
]
# Apps added by later issues register here, in dependency order.
for _app in ("registers", "checks", "cases", "watch", "network"):
    if (BASE_DIR / "balise" / _app / "apps.py").exists():
        INSTALLED_APPS.append(f"balise.{_app}")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "balise.core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "balise.core.middleware.FrenchFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "balise.accounts.middleware.MembershipMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "balise.urls"
WSGI_APPLICATION = "balise.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "balise" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "balise.accounts.context_processors.membership",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'balise.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    # Kept open per thread between requests, as for PostgreSQL: opening one (and running the
    # pragmas above) cost about a tenth of a text check's time on the server.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
else:
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 on purpose is slow; tests hash many passwords.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = env_int("BALISE_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("BALISE_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form names the e-mail field "username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "fr-ca"
LANGUAGES = [("fr-ca", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "balise" / "locale"]
TIME_ZONE = env_str("BALISE_TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "balise" / "static"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_BACKEND = env_str("BALISE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("BALISE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("BALISE_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("BALISE_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("BALISE_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("BALISE_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("BALISE_FROM_EMAIL", "Balise <balise@localhost>")
if env_str("BALISE_EMAIL_HOST") and "BALISE_EMAIL_BACKEND" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if TESTING:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

POLICY_PACK = Path(env_str("BALISE_POLICY_PACK", str(BASE_DIR / "packs" / "cpe-premier-pas.yaml")))
INVITATION_DAYS = env_int("BALISE_INVITATION_DAYS", 14)
# Anonymous check counters wait this long in a server process's memory before being written.
CHECK_COUNTS_FLUSH_SECONDS = env_int("BALISE_CHECK_COUNTS_FLUSH_SECONDS", 5)

LOG_LEVEL = env_str("BALISE_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "balise.core.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "json"}
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # Apprise's own messages may name a channel's host, number or token: the watch logs
        # each channel's result itself, with the scheme only (balise/watch/channels.py).
        "apprise": {"level": "CRITICAL"},
        "urllib3": {"level": "ERROR"},  # its retries name the URL, tokens included
    },
}
