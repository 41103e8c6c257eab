"""Test settings: the example site's, on a throwaway database and media folder."""

import os
import tempfile

import dj_database_url
from example_site.settings import *  # noqa: F403

DATABASES = {
    "default": dj_database_url.parse(os.environ.get("TEST_DATABASE_URL", "sqlite://:memory:"))
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="kommunnatverk-test-media-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
# A site's own app that extends a package page type (docs/how-to/extend.md).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.extension"]  # noqa: F405
# Wagtail's own tasks (reference index, purges) run at once, as most tests expect; the
# package's webhooks go through the durable database queue, run by a real db_worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
KOMMUNNATVERK = {
    **KOMMUNNATVERK,  # noqa: F405
    "TASK_BACKEND": "durable",
    # The webhook tests' receivers listen on loopback.
    "WEBHOOK_ALLOWED_HOSTS": ["127.0.0.1", "localhost"],
}
