"""Settings of the xxgk web system: one file, every value from an environment variable with a safe
development default (SQLite). Production values are documented in docs/configuration.md."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from web.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("XXGK_DEBUG", True)
# The development key is only for a local SQLite checkout; production must set XXGK_SECRET_KEY.
SECRET_KEY = env_str("XXGK_SECRET_KEY", "dev-only-insecure-key-change-me" if DEBUG else "")
if not DEBUG and len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("生产环境必须设置 XXGK_SECRET_KEY（至少 50 个字符的随机字符串）")
ALLOWED_HOSTS = env_list("XXGK_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("XXGK_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "web.accounts",
    "web.calendar",
    "web.catalogue",
    "web.registers",
    "web.applications",
    "web.reports",
    "web.audits",
    "web.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "web.urls"
WSGI_APPLICATION = "web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "web.accounts.context.current_agency",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=env_int("XXGK_DB_CONN_MAX_AGE", 0)
    )
}

TASKS = {"default": {"BACKEND": env_str("XXGK_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# `manage.py worker` puts a RUNNING task back in the queue when its worker is gone; a worker on another
# host cannot be checked, so its task counts as orphaned after this many minutes.
XXGK_TASK_STALE_MINUTES = env_int("XXGK_TASK_STALE_MINUTES", 30)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("XXGK_MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_SECURE = env_bool("XXGK_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("XXGK_SESSION_SECONDS", 8 * 3600)  # one working day
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("XXGK_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("XXGK_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env_bool("XXGK_HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
if env_bool("XXGK_BEHIND_PROXY", False):
    # gunicorn behind nginx/SLB terminating TLS: trust its X-Forwarded-Proto header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Content-Security-Policy (Django 6): scripts and styles only from our own origin.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("XXGK_LOG_LEVEL", "WARNING")},
    # Never below INFO, whatever XXGK_LOG_LEVEL says: at DEBUG these two write applicants' personal data
    # (a template's whole context on a failed variable lookup; SQL parameters) into the log.
    "loggers": {"django.template": {"level": "INFO"}, "django.db.backends": {"level": "INFO"}},
}

# Statutory counting convention (spec §E.6, [U]): the day after receipt is working day 1.
XXGK_DAY_AFTER_RECEIPT_IS_DAY_ONE = env_bool("XXGK_DAY_AFTER_RECEIPT_IS_DAY_ONE", True)

# Website column timeliness thresholds (spec §F.2), e.g. "dynamic=14d,notice=6m,veto_empty=5".
XXGK_TIMELINESS = {key: value for key, _, value in (item.partition("=") for item in env_list("XXGK_TIMELINESS", []))}
try:
    from web.catalogue.monitor import Thresholds as _Thresholds

    _Thresholds.from_settings(XXGK_TIMELINESS)
except ValueError as _exc:
    raise ImproperlyConfigured(f"XXGK_TIMELINESS：{_exc}") from None
