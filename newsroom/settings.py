"""Settings for the newsroom fact-check workbench.

Every value comes from the environment, with a safe default for a laptop: SQLite and the embedded
filesystem broker under var/. Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and
CELERY_BROKER_URL (see README.md).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from kombu import Exchange, Queue

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


YES, NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def envbool(name, default):
    """A yes/no setting; unset or empty: `default`. Anything else but yes or no is an error,
    not a silent "no" (SECURE_SSL_REDIRECT=ture must not switch the redirect off)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if value.lower() in YES:
        return True
    if value.lower() in NO:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is neither yes nor no: use {', '.join(YES[:-1])} or {YES[-1]}, "
        f"or {', '.join(NO[:-1])} or {NO[-1]}."
    )


def envint(name, default):
    return int(os.environ.get(name, default))


def envfloat(name, default):
    return float(os.environ.get(name, default))


def envlist(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "claims",
    "axes",
    "csp",
    # The JSON API (claims/api/): its interactive docs' templates and self-hosted assets.
    "ninja",
]

# The developer's tools (devtools/: benchmark, load test, archive generators, the bench's floor
# page) are not part of the product: installed in development, tests and CI (DEBUG on), and in a
# production-like run only when asked (DEVTOOLS=1, as `make bench` does).
DEVTOOLS = envbool("DEVTOOLS", DEBUG)
if DEVTOOLS:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads the form: an oversized body is refused unread.
    "newsroom.request_size.RequestSizeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.login_required.DeskLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
# Django's widget templates, the plainest of them written in Python (newsroom/form_renderer.py).
FORM_RENDERER = "newsroom.form_renderer.FormRenderer"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
                "claims.context_processors.roles",
            ],
        },
    },
]

# SQLite under var/ by default; DATABASE_URL=postgres://... in production and CI (psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file (not memory) for the test database, so a real worker process and the browser
    # tests' live server see what the tests write. WAL lets the worker read while we write.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: the desk's queries each read a few rows, but over a large archive the
    # planner's cost estimates pass jit_above_cost, and compiling took 7 of the 22 ms of a
    # "checked before?" pre-filter that read no row at all (1M claims).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from
# one address, that pair is locked out for AXES_COOLOFF_MINUTES; a right password resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind reverse proxies every request comes from a proxy's address, so the pair above would be
# the username alone. TRUSTED_PROXY_COUNT (how many proxies, each appending to X-Forwarded-For)
# makes the address the client's. Set it only when every request passes through them.
# (django-axes' AXES_IPWARE_* settings would need django-ipware, which is not installed.)
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "newsroom.proxies.client_ip_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# Uploaded originals live here and are served only through a view that checks permissions.
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads: the per-file limit journalists see in messages, and Django's own request limits.
ARTICLE_MAX_BYTES = envint("ARTICLE_MAX_BYTES", 10 * 1024 * 1024)
ARTICLE_MAX_FILES = envint("ARTICLE_MAX_FILES", 20)
# What the worker accepts once it has read an upload: a small file can unpack to a huge text.
# 500,000 characters is about 80,000 words, far beyond any article.
ARTICLE_MAX_CHARS = envint("ARTICLE_MAX_CHARS", 500_000)
ARTICLE_MAX_CLAIMS = envint("ARTICLE_MAX_CLAIMS", 1000)
# Seconds a worker may spend reading and extracting one article before it is marked failed.
ARTICLE_TIME_LIMIT = envint("ARTICLE_TIME_LIMIT", 300)
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_BYTES + 1024 * 1024
# Request bodies over this are refused (413) unread; the upload page takes a full upload instead,
# (ARTICLE_MAX_FILES + 1) × ARTICLE_MAX_BYTES + 1 MB (newsroom/request_size.py). The default
# lets any form carry one article (the admin's original file, say).
REQUEST_MAX_BYTES = envint("REQUEST_MAX_BYTES", ARTICLE_MAX_BYTES + 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
QUEUE_PAGE_SIZE = envint("QUEUE_PAGE_SIZE", 50)
# Articles still queued after this many seconds are re-enqueued by the sweeper (those on the
# background queue only once that queue has drained: until then their message is still waiting).
STALE_QUEUED_SECONDS = envint("STALE_QUEUED_SECONDS", 300)
# A run refreshes its article's heartbeat every 10 s; an article `processing` with no heartbeat for
# this long lost its worker (killed): the sweeper re-enqueues it.
STALE_PROCESSING_SECONDS = envint("STALE_PROCESSING_SECONDS", 120)

# Celery: Redis (or RabbitMQ) in production; an embedded filesystem broker needing no server by
# default. Tasks are idempotent and acknowledged late, so a killed worker's task runs again.
# The embedded broker's URL names a host it does not use: without one kombu warns at every start.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://localhost/")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    # The embedded broker needs its folders before anything is sent or received.
    for _folder in (_broker_dir, VAR_DIR / "broker-control"):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(VAR_DIR / "broker-control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Two queues: the main one for uploads and an editor's retries, and a background one for
# re-extracting the archive after an extractor upgrade, so a fresh upload does not wait behind it.
# A worker started without -Q consumes both; it takes from them in turn (the main one first), so
# an upload waits for a re-extraction or two, not for the whole archive.
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "newsroom")
CELERY_BACKGROUND_QUEUE = f"{CELERY_TASK_DEFAULT_QUEUE}-background"
CELERY_TASK_QUEUES = [
    # Exchange and routing key named explicitly: a bare Queue(name) would be bound to the default
    # exchange with the main queue's routing key and receive the main queue's messages too.
    Queue(name, Exchange(name), routing_key=name)
    for name in (CELERY_TASK_DEFAULT_QUEUE, CELERY_BACKGROUND_QUEUE)
]
# Matching ("checked before?") runs on the background queue in slices of this many seconds, the
# rest of an article's claims queued again behind each slice.
MATCH_SLICE_SECONDS = envfloat("MATCH_SLICE_SECONDS", 0.25)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool process that grew past this (KB) after a task is replaced by a fresh one.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = envint("WORKER_MAX_MEMORY_MB", 1024) * 1024
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)
# Publishing a task gives up quickly when the broker is down: the upload is saved anyway.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-articles": {"task": "claims.tasks.requeue_stale_articles", "schedule": 120.0},
    "requeue-stale-webhooks": {"task": "claims.tasks.requeue_stale_deliveries", "schedule": 60.0},
    "requeue-stale-imports": {"task": "claims.tasks.requeue_stale_imports", "schedule": 120.0},
    # The dashboard's claim counts: the page says how old they are.
    "refresh-desk-figures": {
        "task": "claims.tasks.refresh_desk_figures",
        "schedule": envfloat("DESK_FIGURES_SECONDS", 60),
    },
    "match-unmatched-claims": {
        "task": "claims.tasks.match_unmatched_claims",
        "schedule": 60.0,
        "options": {"queue": CELERY_BACKGROUND_QUEUE},
    },
}

# The JSON API (/api/v1/): requests per minute per token, and list pages.
API_RATE_LIMIT = envint("API_RATE_LIMIT", 120)
API_PAGE_SIZE = envint("API_PAGE_SIZE", 50)
API_MAX_PAGE_SIZE = envint("API_MAX_PAGE_SIZE", 200)
# Where the desk is reached from outside: links in webhook payloads (no request to ask there).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The public ClaimReview feed (/public/claimreview.json): items per page.
FEED_PAGE_SIZE = envint("FEED_PAGE_SIZE", 100)

# Webhooks (claims/services/webhooks.py). A delivery is tried WEBHOOK_MAX_ATTEMPTS times, waiting
# WEBHOOK_RETRY_BASE_SECONDS × 2^(n-1) (at most WEBHOOK_RETRY_MAX_SECONDS) after the n-th failure.
WEBHOOK_TIMEOUT = envfloat("WEBHOOK_TIMEOUT", 10)
WEBHOOK_MAX_ATTEMPTS = envint("WEBHOOK_MAX_ATTEMPTS", 8)
WEBHOOK_RETRY_BASE_SECONDS = envfloat("WEBHOOK_RETRY_BASE_SECONDS", 30)
WEBHOOK_RETRY_MAX_SECONDS = envfloat("WEBHOOK_RETRY_MAX_SECONDS", 1800)
# A delivery "sending" for this long lost its worker: the sweeper sends it again.
WEBHOOK_STALE_SECONDS = envfloat("WEBHOOK_STALE_SECONDS", WEBHOOK_TIMEOUT + 60)
# An endpoint is disabled (editors are notified) once its attempts have failed this many times in
# a row over at least this long: a short outage is ridden out, a dead endpoint is not hammered.
WEBHOOK_DISABLE_AFTER_FAILURES = envint("WEBHOOK_DISABLE_AFTER_FAILURES", 10)
WEBHOOK_DISABLE_AFTER_SECONDS = envfloat("WEBHOOK_DISABLE_AFTER_SECONDS", 24 * 3600)
# Outgoing requests refuse private, loopback, link-local and reserved addresses (a webhook URL
# must not reach the desk's own network); networks listed here are allowed all the same.
WEBHOOK_ALLOWED_NETWORKS = envlist("WEBHOOK_ALLOWED_NETWORKS", "")

# ClaimReview export: the organisation that publishes the fact-checks.
ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", "Newsroom fact-check desk")
ORGANISATION_URL = os.environ.get("ORGANISATION_URL", "https://example.org/")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# E-mail people when a claim is assigned to them, sent back, or their verdict approved.
NOTIFY_BY_EMAIL = envbool("NOTIFY_BY_EMAIL", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "desk@localhost")

# Production hardening: on whenever DEBUG is off (each can be switched off explicitly, e.g.
# behind a proxy that terminates TLS and already redirects).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp; Django's own CSP support arrives in 6.0): scripts and
# stylesheets from this site only, plus an inline JSON-LD block carrying the request's nonce.
# Inline style *attributes* stay allowed (verdict colours, chart bar widths), but not <style>
# elements; whatever a style could load is bounded by img-src/font-src 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF, csp.NONCE],
        "style-src": [csp.SELF],
        "style-src-attr": [csp.UNSAFE_INLINE],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}

# Everything goes to the console once, through the root logger. Django's "django" logger has a
# console handler of its own, which printed every 404 a second time: it is configured here
# without handlers. A 4xx is logged in one line, without the traceback Django attaches to a
# PermissionDenied (newsroom/logs.py); a 500 keeps its traceback.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_in_one_line": {"()": "newsroom.logs.ClientErrorsInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"level": "INFO"},
        "django.request": {"filters": ["client_errors_in_one_line"]},
        "django.db.backends": {"level": "INFO"},
    },
}
