"""Settings of the example site: a Wagtail project that installs kommunnatverk.

Reads ``DATABASE_URL`` (default: a SQLite file beside this project), ``REDIS_URL``
(optional: a shared cache), ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS``, ``MEDIA_ROOT``,
``FRONTEND_URL`` (headless preview), ``API_RESPONSE_CACHE=off`` (for the benchmarks) and
``MACHINE_TRANSLATOR`` (``dummy``, or ``deepl`` with ``DEEPL_API_KEY``).
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from . import environment

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DEBUG", "1") == "1"
SECRET_KEY = environment.secret_key(DEBUG)
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "example_site",
    "kommunnatverk",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs' Swagger UI from static files, not a CDN
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: a database outage is a 503 with Retry-After, in the visitor's language.
    "kommunnatverk.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {"default": environment.database(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}

# Several app servers share one cache when REDIS_URL is set: API responses by ETag and
# Wagtail's renditions. Without it each process keeps its own, which is still correct.
# A Redis outage is logged, never a 500; a hung one is skipped for 10 s at a time.
if (shared_caches := environment.caches()) is not None:
    CACHES = shared_caches

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Swedish first: editors write in Swedish, English is translated from it.
LANGUAGE_CODE = "sv"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or BASE_DIR / "media"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Kommunnätverket för hållbar utveckling"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search; on PostgreSQL each language is stemmed as itself.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "kommunnatverk.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]

# New translations stay drafts until a translator publishes them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor, off by default: MACHINE_TRANSLATOR=dummy
# (reverses the words; try the workflow without an account) or deepl (with DEEPL_API_KEY).
if (machine_translator := environment.machine_translator()) is not None:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator

# Background work (webhook delivery, CDN purges, Wagtail's reference index) is queued in
# the database and run by `manage.py kommunnatverk_worker` (db_worker that waits out a
# database outage), which `make demo` starts.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# A CDN in front of the site: set WAGTAILFRONTENDCACHE as in Wagtail's frontend cache docs
# (docs/how-to/cdn.md). VARNISH_URL: a Varnish with docs/how-to/varnish.vcl, purged by
# surrogate key; EDGE_CACHE_CONTROL: how long it keeps what browsers revalidate.
if os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "kommunnatverk.frontend_cache.VarnishBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        },
    }

KOMMUNNATVERK: dict = {
    # The network's logo: the publisher's logo in the pages' JSON-LD.
    "LOGO": "example_site/logo.png",
    # A webhook receiver on this machine (docs/examples/webhook_receiver.py), for the demo
    # only: with DEBUG off, webhooks go to public addresses alone.
    "WEBHOOK_ALLOWED_HOSTS": ["127.0.0.1", "localhost"] if DEBUG else [],
    # A headless frontend's preview route, e.g. "http://localhost:3000/api/preview?path={path}".
    "FRONTEND_URL": os.environ.get("FRONTEND_URL") or None,
    # API_RESPONSE_CACHE=off: every API request does its work (the benchmarks measure that).
    "API_RESPONSE_CACHE": None if os.environ.get("API_RESPONSE_CACHE") == "off" else "default",
    "EDGE_CACHE_CONTROL": os.environ.get("EDGE_CACHE_CONTROL") or None,
}
