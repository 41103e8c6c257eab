"""`manage.py check` and `makemigrations --check` stay clean."""

import io

import pytest
from django.core.management import call_command


def test_system_checks_are_clean():
    out = io.StringIO()
    call_command("check", fail_level="WARNING", stdout=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
