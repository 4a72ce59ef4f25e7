"""Settings for Ontmoet. Everything that differs per machine comes from the environment.

README.md ("Configuration") lists every variable read here; tests/integration/test_settings.py keeps the two
in step. The production shape (DEBUG off, WhiteNoise, gunicorn from ``ontmoet.config.gunicorn``) is what
``make demo`` runs too (docs/decisions/0009-production-server-for-the-demo.md).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ontmoet.config.env import env_clock, env_flag, env_int, env_list, env_text, secret_key
from ontmoet.policy import PlanError, current_plan

# Generic classes (ModelForm[MeetingPlace], QuerySet[...]) at run time, as the type checker sees them.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(env_text("ONTMOET_HOME") or PACKAGE_DIR.parent.parent)
VAR_DIR = Path(env_text("ONTMOET_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_flag("DEBUG")
SECRET_KEY = secret_key(debug=DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Validate the policy plan at start-up: a bad figure stops the system with the key and value named.
try:
    POLICY_PLAN = current_plan()
except PlanError as exc:
    raise ImproperlyConfigured(f"Policy plan invalid: {exc}") from exc

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ontmoet.core",
    "ontmoet.accounts",
    "ontmoet.places",
    "ontmoet.finance",
    "ontmoet.assessment",
    "ontmoet.home",
    "ontmoet.activities",
    "ontmoet.monitoring",
    "ontmoet.api",
    "ontmoet.capacity",
    "ontmoet.finder",
    "ontmoet.subsidies",
    "ontmoet.datacare",
]

MIDDLEWARE = [
    "ontmoet.api.middleware.ApiHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after the security headers: they need no session, user or language.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ontmoet.core.middleware.ChosenLanguageMiddleware",
    "ontmoet.core.request_guard.UnsafeCharactersMiddleware",
    "ontmoet.api.query.QueryContractMiddleware",  # after the guard: a NUL byte stays its 400
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second step of this session
    # Inside authentication: it sees who is logged in (no-store on their answers), and sets the CSP nonce.
    "ontmoet.core.security_headers.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ontmoet.accounts.sessions.IdleSessionMiddleware",  # after messages: it says why the user was logged out
    # After the idle check: staff (and board members who chose it) pass the second step before any page opens.
    "ontmoet.accounts.two_factor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "ontmoet.config.urls"
WSGI_APPLICATION = "ontmoet.config.wsgi.application"
APPEND_SLASH = False  # NL API Design Rules: no trailing slashes; pages follow the same URL style.

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ontmoet.core.context_processors.ontmoet",
            ],
        },
    }
]

# Each process keeps its own small cache: the filter forms (keyed by the buurten's version) and, under "pages",
# page parts keyed by the data version, so that no process can show data older than the last committed change
# (core.versions, ADR 0030). Nothing is shared between processes, so several app servers need nothing more.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ontmoet-default"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ontmoet-pages",
              "OPTIONS": {"MAX_ENTRIES": 2000}},
}

DATABASES = {
    "default": dj_database_url.parse(
        env_text("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'ontmoet.sqlite3'}",
        # A worker keeps its connection between requests instead of opening one per request; the health check
        # before each request drops a connection the server has closed, so a restarted database needs no restart.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        # WAL: readers read the last committed state while one writer writes, so a long import never
        # refuses a page ("database is locked"); writers queue for up to `timeout` seconds.
        "init_command": "PRAGMA journal_mode=WAL",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        # Take the write lock when a transaction begins: a transaction that read first and then wants to
        # write cannot wait for the lock in WAL mode and would fail at once instead.
        "transaction_mode": "IMMEDIATE",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "ontmoet.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# `ontmoet collectstatic` writes hashed, compressed copies to STATIC_ROOT; WhiteNoise serves them with
# far-future cache headers. With DEBUG on (make serve) the original names are used and no collection is needed.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "ontmoet.config.static_storage.StaticStorage"},
}
# Templates name static files only through {% static %}, so the unhashed copies are not needed.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

# Error pages in the interface language (ontmoet.config.error_views); problem+json under /api/.
CSRF_FAILURE_VIEW = "ontmoet.config.error_views.csrf_failure"

# TLS. Secure cookies belong behind TLS: over plain http (make demo on 127.0.0.1) a browser would not send
# them back and every login would fail the CSRF check. Behind a TLS proxy (BEHIND_TLS_PROXY, which trusts its
# X-Forwarded-Proto) or with the redirect to https (SECURE_SSL_REDIRECT) the cookies are Secure.
BEHIND_TLS_PROXY = env_flag("BEHIND_TLS_PROXY")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
# HSTS for the host's own subdomains too (those of ontmoet.example.nl, not the municipality's other sites).
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload (security.W021) is a choice for the registrable domain (the municipality's), made where that
    # domain is served: the preload list only accepts the header of the domain itself, not of one host below it.
    "security.W021",
]
if BEHIND_TLS_PROXY:
    # security.W008: behind the TLS proxy the proxy answers plain http and redirects it to https (the application
    # only sees X-Forwarded-Proto); SECURE_SSL_REDIRECT=1 makes the application redirect as well.
    SILENCED_SYSTEM_CHECKS.append("security.W008")
SESSION_COOKIE_SECURE = BEHIND_TLS_PROXY or SECURE_SSL_REDIRECT
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# A session ends when the browser closes, after 12 hours at most, and after a period without requests: 30
# minutes for staff, 2 hours for board members (ontmoet.accounts.sessions; BIO2, ASVS V3.3).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Login throttling (ontmoet.accounts.login_guard): this many failures within the window lock the account, or the
# address, for the lockout time.
LOGIN_MAX_FAILURES_ACCOUNT = env_int("LOGIN_MAX_FAILURES_ACCOUNT", 5)
LOGIN_MAX_FAILURES_ADDRESS = env_int("LOGIN_MAX_FAILURES_ADDRESS", 20)
LOGIN_WINDOW_SECONDS = env_int("LOGIN_WINDOW_SECONDS", 15 * 60)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
# Two-factor authentication (ontmoet.accounts.two_factor): the name authenticator apps show. A wrong code counts
# as a failed login in the throttle above, so django-otp's own per-device delay is off.
OTP_TOTP_ISSUER = "Ontmoet Maastricht"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
SESSION_COOKIE_AGE = env_int("SESSION_MAX_SECONDS", 12 * 3600)
SESSION_IDLE_SECONDS_STAFF = env_int("SESSION_IDLE_SECONDS_STAFF", 30 * 60)
SESSION_IDLE_SECONDS_BOARD = env_int("SESSION_IDLE_SECONDS_BOARD", 2 * 3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# NL API Design Rules /core/semver and /core/version-header: the full version, in info.version and the
# API-Version header of every answer; the major version alone is in the URI (/api/v1).
API_VERSION = "1.0.0"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ontmoet.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "ontmoet.api.pagination.PagePagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ontmoet.api.errors.problem_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["ontmoet.api.parsers.StrictJSONParser"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ontmoet API",
    "DESCRIPTION": "API van Ontmoet, het register en de uitvoering van het beleidsplan Sociale Ontmoetingsplekken "
    "(gemeente Maastricht). Volgt de NL API Design Rules.",
    "VERSION": API_VERSION,
    # /core/doc-openapi-contact: who answers questions about this API (set per installation).
    "CONTACT": {
        "name": env_text("API_CONTACT_NAME", "Ontmoet, gemeente Maastricht"),
        "url": env_text("API_CONTACT_URL", "https://www.gemeentemaastricht.nl"),
        "email": env_text("API_CONTACT_EMAIL", "api@ontmoet.example"),
    },
    "LICENSE": {"name": "EUPL-1.2",
                "url": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"},
    # /core/uri-version: the base path with the major version; operation paths are relative to it.
    "SERVERS": [{"url": "/api/v1", "description": "Deze installatie"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "TAGS": [
        {"name": "places", "description": "Het register: ontmoetingsplekken en hun typegeschiedenis."},
        {"name": "neighbourhoods", "description": "De CBS-buurten van Maastricht."},
        {"name": "budget", "description": "Het financieel kader: begroting, scenario's, posities, investeringen."},
        {"name": "assessments", "description": "Het afwegingskader."},
        {"name": "activities", "description": "De activiteiten van de plekken."},
        {"name": "indicators", "description": "De monitoring: indicatoren tegen hun doelen."},
        {"name": "capacity", "description": "Opbouwwerk (bouwsteen 3) en bestuursondersteuning (bouwsteen 5)."},
        {"name": "schemes", "description": "Subsidieregelingen met hun plafond en verdeelmethode per jaar."},
        {"name": "applications", "description": "Subsidieaanvragen en de stappen van hun behandeling (Awb 4.2)."},
    ],
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ontmoet.api.schemas.apply_design_rules",
    ],
    "ENUM_NAME_OVERRIDES": {"PlaceTypeEnum": "ontmoet.places.types.PlaceType",
                            "SubsidyAdviceEnum": "ontmoet.subsidies.models.AdviceChoice",
                            "InitiatorEnum": "ontmoet.activities.types.Initiator",
                            "SupportKindEnum": "ontmoet.capacity.models.SupportKind"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # NL API Design Rules (API-51): the OpenAPI document is published openly.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
}

# Imports (register, neighbourhood statistics): a larger file is refused with the limit named; split it.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_MB", 20, minimum=1) * 1024 * 1024
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200000, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_text("LOG_LEVEL", "INFO").upper()},
}

# Letters and notices of the subsidy module go out through Django's mail backend, sent when the transaction that
# made them commits; here they are written as files under var/mail (the demo's "outbox").
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = "subsidies@ontmoet.example"

# Background jobs (django-tasks, ADR 0307): kept in the database, run by `ontmoet db_worker`. The daily
# reminders run at this local time (HH:MM) and enqueue their next run themselves.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SUBSIDY_REMINDERS_AT = env_clock("SUBSIDY_REMINDERS_AT", "07:00")
