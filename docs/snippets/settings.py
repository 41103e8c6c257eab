# kommunnatverk: add this at the end of your settings
# (settings/base.py in a project made by `wagtail start`).
from django.utils.translation import gettext_lazy as _

# wagtail_localize.locales replaces wagtail.locales.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "wagtail.locales"]
# kommunnatverk first: its Swedish for some of Wagtail's own admin labels then wins.
INSTALLED_APPS = ["kommunnatverk", *INSTALLED_APPS, "wagtail_localize", "wagtail_localize.locales"]
INSTALLED_APPS += ["django.contrib.sitemaps"]  # the template of sitemap.xml
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]

# Webhooks (and Wagtail's own background work) go through a durable queue in the
# database; run `python manage.py kommunnatverk_worker` beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Swedish is the language editors write in; English is translated from it.
LANGUAGE_CODE = "sv"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True

# The language of each request: after the sessions, before CommonMiddleware.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "django.middleware.locale.LocaleMiddleware",
)

# First: a database that is down or restarting is a 503 with Retry-After, in the
# visitor's language, not Django's 500.
MIDDLEWARE.insert(0, "kommunnatverk.middleware.DatabaseUnavailableMiddleware")
