"""Tasks for tests/test_database_outage.py: each reads the database, as real tasks do.
A real ``kommunnatverk_worker`` imports them (the tests folder is on its path)."""

import time

from django_tasks import task
from wagtail.models import Page


@task()
def count_pages(pause: float = 0) -> int:
    time.sleep(pause)
    return Page.objects.count()
