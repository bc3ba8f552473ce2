"""Settings for the portal, read from the environment only (see config/env.py).

The embedded default (no DATABASE_URL, no REDIS_URL) runs on SQLite with
Celery tasks executed eagerly, so that one command gives a living portal.
Production sets DATABASE_URL, REDIS_URL, SECRET_KEY and DEBUG=false.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env

BASE_DIR = Path(__file__).resolve().parent.parent

EMBEDDED = not env.is_set("DATABASE_URL")
# The embedded default runs as production does (the portal's own error pages, never Django's
# debug page); DEBUG=true is for development only.
DEBUG = env.bool("DEBUG", False)
# Served over plain HTTP on this machine: the embedded default, or development.
LOCAL = EMBEDDED or DEBUG


def _local_secret_key(path):
    """A key of this installation, made once and kept in var/ (never in the repository)."""
    import secrets

    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


if LOCAL and not env.is_set("SECRET_KEY"):
    SECRET_KEY = _local_secret_key(BASE_DIR / "var" / "secret-key")
else:
    SECRET_KEY = env.str("SECRET_KEY")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY: must be at least 50 characters with at least 5 distinct ones."
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if LOCAL else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env.url("SITE_URL", "http://127.0.0.1:8000", schemes={"http", "https"})

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "core",
    "accounts",
    "partners",
    "actionplan",
    "ami",
    "sites",
]

MIDDLEWARE = [
    # First: when the request arrived is what a deadline is judged by (core/arrival.py).
    "core.arrival.RequestArrivalMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale.FrenchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", 0 if EMBEDDED else 60, minimum=0)
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A persistent connection is checked before reuse: after a database restart the next request
# reconnects instead of failing once per web worker.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A request whose connection broke (PostgreSQL restarting) answers 503 with this Retry-After.
DATABASE_RETRY_AFTER_SECONDS = env.int("DATABASE_RETRY_AFTER_SECONDS", 5, minimum=1)

REDIS_URL = env.url("REDIS_URL", None, schemes={"redis", "rediss"})
if REDIS_URL:
    # Redis is optional for every request: an unreachable cache is a miss (core/cache.py),
    # found out within a quarter of a second, then left alone for CACHE_RETRY_SECONDS.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A trusted front proxy's request-start stamp (nginx: X-Request-Start "t=${msec}"), believed
# within REQUEST_START_MAX_WAIT_SECONDS before the application saw the request.
REQUEST_START_HEADER = env.str("REQUEST_START_HEADER", "")
REQUEST_START_MAX_WAIT_SECONDS = env.int("REQUEST_START_MAX_WAIT_SECONDS", 60, minimum=0)

# The four source documents, read only by the test that checks every stored source wording
# word for word (the portal's reference data stands on its own).
SOURCE_DOCUMENTS_DIR = env.str("SOURCE_DOCUMENTS_DIR", str(BASE_DIR.parent / "shared" / "seeds"))

# Personal data kept no longer than needed (core/retention.py, applied every night); the
# personal-data page states these periods.
RETENTION_DRAFT_DAYS = env.int("RETENTION_DRAFT_DAYS", 365, minimum=30)
RETENTION_INACTIVE_ACCOUNT_DAYS = env.int("RETENTION_INACTIVE_ACCOUNT_DAYS", 3 * 365, minimum=90)
RETENTION_SECURITY_LOG_DAYS = env.int("RETENTION_SECURITY_LOG_DAYS", 365, minimum=30)
RETENTION_WARNING_DAYS = env.int("RETENTION_WARNING_DAYS", 30, minimum=1)
PRIVACY_CONTACT_EMAIL = env.str("PRIVACY_CONTACT_EMAIL", "")

CACHE_RETRY_SECONDS = env.int("CACHE_RETRY_SECONDS", 5, minimum=1)

FORM_RENDERER = "core.forms.PortalFormRenderer"

AUTH_USER_MODEL = "accounts.User"
# Roles answer permission checks first: an officer's pages need no permission query.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.RolePermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Messages live in the session: no extra cookie to lose between a POST and its redirect.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# The link confirming a holder's address after sign-up stays valid a week.
EMAIL_VERIFICATION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60

# Officers and administrators must use TOTP in production; the embedded demo
# relaxes this so that a newcomer can sign in at once (the sign-in page says so).
REQUIRE_TWO_FACTOR = env.bool("REQUIRE_TWO_FACTOR", not LOCAL)
# The first authenticator is enrolled from a link e-mailed to the officer, valid this long.
TOTP_ENROLMENT_LINK_SECONDS = env.int("TOTP_ENROLMENT_LINK_SECONDS", 60 * 60, minimum=60)
OTP_TOTP_ISSUER = "Région Hauts-de-France — industrie circulaire"

# Login throttling: a cool-off, never an indefinite lock-out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env.seconds("AXES_COOLOFF_SECONDS", 15 * 60)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files are private: they live outside the static tree and are only
# ever served through permission-checked views, never under a public URL.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {
        "BACKEND": env.str("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if LOCAL
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Locally WhiteNoise serves the static files straight from the apps (no collectstatic).
WHITENOISE_USE_FINDERS = LOCAL
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

_email = env.email("EMAIL_URL", "consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
if "EMAIL_FILE_PATH" in _email:
    # filemail:///var/mail/portal writes one file per message there; django-environ drops the
    # path's leading slash, which would make it relative to wherever the process started.
    EMAIL_FILE_PATH = "/" + _email["EMAIL_FILE_PATH"].lstrip("/")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "industrie-circulaire@hautsdefrance.fr")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers and cookies.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
# Signed out after this long without a request (accounts.middleware.IdleTimeoutMiddleware):
# officers and administrators sooner, since they reach every dossier.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", 2 * 60 * 60, minimum=60)
SESSION_IDLE_SECONDS_OFFICERS = env.int("SESSION_IDLE_SECONDS_OFFICERS", 30 * 60, minimum=60)
API_TOKEN_LIFETIME_DAYS = env.int("API_TOKEN_LIFETIME_DAYS", 90, minimum=1)
API_TOKEN_RATE = env.str("API_TOKEN_RATE", "120/minute")
if not re.fullmatch(r"[1-9][0-9]*/(second|minute|hour|day)", API_TOKEN_RATE):
    raise ImproperlyConfigured(
        "API_TOKEN_RATE: requests per second, minute, hour or day, e.g. 120/minute."
    )
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not LOCAL:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env.bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The sites' map is drawn by the portal; a tile server, when one is set, only adds the
# background (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png with its attribution).
MAP_TILE_URL = env.tile_url("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", "")
if MAP_TILE_URL and not MAP_TILE_ATTRIBUTION:
    raise ImproperlyConfigured(
        "MAP_TILE_ATTRIBUTION: required with MAP_TILE_URL (tile servers require it)."
    )

# Who may show an indicator's embeddable chart in an <iframe> (CSP frame-ancestors): any
# site by default, since the chart is open data; e.g. "'self',https://www.hautsdefrance.fr".
PUBLIC_EMBED_FRAME_ANCESTORS = env.list("PUBLIC_EMBED_FRAME_ANCESTORS", ["*"])

# The public site's legal pages (mentions légales, accessibility statement). Left empty, a
# page says the installation has not filled it in rather than make a name up.
PUBLISHER_NAME = env.str("PUBLISHER_NAME", "Région Hauts-de-France")
PUBLISHER_ADDRESS = env.str("PUBLISHER_ADDRESS", "")
PUBLICATION_DIRECTOR = env.str("PUBLICATION_DIRECTOR", "")
HOSTING_PROVIDER = env.str("HOSTING_PROVIDER", "")
CONTACT_EMAIL = env.str("CONTACT_EMAIL", "AMI-transitions@hautsdefrance.fr")
# The Region's wordmark or logo on the report's cover and the letters (a PNG, JPEG or SVG file
# on this machine; empty: the Region's name in words). Never fetched from outside.
PDF_LOGO_PATH = env.str("PDF_LOGO_PATH", "")
# Where the Region's letters and receipts are written from (« Lille, le 1er décembre 2026 »).
LETTER_PLACE = env.str("LETTER_PLACE", "Lille")
# The date of the last complete accessibility audit (RGAA), if one was made (YYYY-MM-DD).
ACCESSIBILITY_AUDIT_DATE = env.str("ACCESSIBILITY_AUDIT_DATE", "")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"]
        + ([urlsplit(MAP_TILE_URL)._replace(path="", query="").geturl()] if MAP_TILE_URL else []),
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.authentication.ExpiringTokenAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["accounts.authentication.TokenRateThrottle"],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.api_permissions.SignedInWithTwoFactor"],
    "EXCEPTION_HANDLER": "core.drf.api_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "core.drf.PortalAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API du portail industrie circulaire Hauts-de-France",
    "DESCRIPTION": "Plan d'actions, appels à manifestation d'intérêt, sites et partenaires.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name for the départements wherever a dossier, a measurement or a site is located.
    "ENUM_NAME_OVERRIDES": {"Departement": "core.territories.Departement"},
}

# Celery: without REDIS_URL tasks run eagerly in the web process (embedded
# default); with it, a worker and beat consume the Redis broker.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", "portal")
# Heavy work on queues of its own (core.tasking.QUEUES), named after the default one.
CELERY_TASK_ROUTES = ("core.tasking.route_task",)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "core.tasks.heartbeat", "schedule": 60.0},
    # Follow-up work of every write leaves through the outbox (core/outbox.py).
    "drain-outbox": {
        "task": "core.tasks.drain_outbox",
        "schedule": env.int("OUTBOX_DRAIN_SECONDS", 5, minimum=1),
        "options": {"expires": 30},
    },
    "sweep-exports": {
        "task": "core.tasks.sweep_exports",
        "schedule": 60.0,
        "options": {"expires": 60},
    },
    "sweep-abandoned-reports": {
        "task": "actionplan.tasks.sweep_abandoned_reports",
        "schedule": 60.0,
        "options": {"expires": 60},
    },
    "apply-retention": {
        "task": "core.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
    "ami-draft-reminders": {
        "task": "ami.tasks.send_draft_reminders",
        "schedule": crontab(minute=0),
    },
    "ami-rescan-attachments": {
        "task": "ami.tasks.rescan_pending_attachments",
        "schedule": crontab(minute="*/10"),
    },
    "refresh-indicator-statuses": {
        "task": "actionplan.tasks.refresh_all_statuses",
        "schedule": crontab(hour=2, minute=0),
    },
    # The first week after each quarter's end; the job creates at most one report per quarter.
    "quarterly-report": {
        "task": "actionplan.tasks.schedule_quarterly_report",
        "schedule": crontab(hour=6, minute=15, day_of_month="1-7", month_of_year="1,4,7,10"),
    },
    "partners-obligation-notices": {
        "task": "partners.tasks.send_obligation_notices",
        "schedule": crontab(hour=7, minute=45),
    },
    "measurement-reminders": {
        "task": "actionplan.tasks.send_measurement_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
}

AUDITLOG_DISABLE_REMOTE_ADDR = False

# Attachments of AMI dossiers.
# An officer's opening of a dossier is written to the audit trail once per hour per dossier.
AUDIT_ACCESS_WINDOW_SECONDS = env.int("AUDIT_ACCESS_WINDOW_SECONDS", 3600, minimum=0)
# Exports up to this many rows are streamed in the response; larger ones are written by a
# worker and kept EXPORT_RETENTION_DAYS days (see core/exports.py).
EXPORT_INLINE_MAX_ROWS = env.int("EXPORT_INLINE_MAX_ROWS", 5000, minimum=0)
# Imports (core/imports.py): refused above IMPORT_MAX_BYTES before being read; parsed by a
# worker past IMPORT_INLINE_MAX_ROWS rows (the page follows its progress).
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", 20_000_000, minimum=1)
IMPORT_INLINE_MAX_ROWS = env.int("IMPORT_INLINE_MAX_ROWS", 2000, minimum=0)
EXPORT_RETENTION_DAYS = env.int("EXPORT_RETENTION_DAYS", 7, minimum=1)
# The calls set no instruction time (« étudiés au fil de l'eau »): the Region's own target, in
# days of instruction net of the time a dossier spends with its holder, after which the work
# queue lists a dossier as overdue.
INSTRUCTION_TARGET_DAYS = env.int("INSTRUCTION_TARGET_DAYS", 60, minimum=1)
AMI_MAX_FILE_BYTES = env.int("AMI_MAX_FILE_BYTES", 10 * 1024 * 1024, minimum=1)
AMI_MAX_DOSSIER_BYTES = env.int("AMI_MAX_DOSSIER_BYTES", 50 * 1024 * 1024, minimum=1)
# clamd's socket ("/run/clamav/clamd.ctl") or "tcp://127.0.0.1:3310"; empty: no antivirus scan.
CLAMAV_ADDRESS = env.str("CLAMAV_ADDRESS", "")
# Without an antivirus, production serves no uploaded file unless the operator waives the scan
# explicitly (ANTIVIRUS_WAIVED=true), which `check --deploy` then reports every time.
ANTIVIRUS_WAIVED = env.bool("ANTIVIRUS_WAIVED", False)
SERVE_UNSCANNED_FILES = LOCAL or ANTIVIRUS_WAIVED

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        "portal.security": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
