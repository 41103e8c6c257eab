"""Settings of the test site: a Wagtail site that installs kommunnatverk, on a throwaway
database (``TEST_DATABASE_URL``, default SQLite in memory) and media folder.

Its own, not the example site's: the tests build the content they need (tests/network.py).
"""

import os
import tempfile

import dj_database_url
from django.utils.translation import gettext_lazy as _

SECRET_KEY = "kommunnatverk-tests-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    # Only for its `load_network_demo` command, which the tests of the demo run.
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
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # A site's own app that extends a package page type (docs/how-to/extend.md).
    "tests.extension",
]

MIDDLEWARE = [
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

ROOT_URLCONF = "tests.urls"

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

DATABASES = {
    "default": dj_database_url.parse(os.environ.get("TEST_DATABASE_URL", "sqlite://:memory:"))
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "sv"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# A folder of the run's own; conftest.pytest_sessionfinish removes it.
MEDIA_ROOT = tempfile.mkdtemp(prefix="kommunnatverk-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Kommunnätverket för hållbar utveckling"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "kommunnatverk.search"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
# New translations stay drafts until a translator publishes them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Wagtail's own tasks (reference index, purges) run at once, as most tests expect; the
# package's webhooks go through the durable database queue, run by a real db_worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
KOMMUNNATVERK: dict = {
    "TASK_BACKEND": "durable",
    # The webhook tests' receivers listen on loopback.
    "WEBHOOK_ALLOWED_HOSTS": ["127.0.0.1", "localhost"],
}
