"""Running the example site's ``manage.py`` in a process of its own, on a SQLite file; and
the server binaries such tests need."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

import kommunnatverk

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"


def example_site_env(database: Path, **extra: str) -> dict[str, str]:
    """The environment of a ``manage.py`` process on ``database``. It imports the same
    kommunnatverk as the tests do (a work tree's, or the installed wheel), and the tests'
    own modules (``tests.worker_tasks``) from beside the example site."""
    package_dir = str(Path(kommunnatverk.__file__).resolve().parent.parent)
    tests_root = str(EXAMPLE_SITE.parent)
    python_path = list(
        dict.fromkeys([package_dir, tests_root, *filter(None, [os.environ.get("PYTHONPATH")])])
    )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": os.pathsep.join(python_path),
        **extra,
    }


def run_manage(database: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLE_SITE,
        env=example_site_env(database, **extra_env),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def copy_test_database(target: Path) -> bool:
    """Copy the test database into the file ``target`` with SQLite's backup API; False,
    and nothing copied, when the test database is not SQLite."""
    if connection.vendor != "sqlite":
        return False
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    return True


def migrate(target: Path) -> None:
    """Make ``target`` a migrated database of the example site, in a process of its own."""
    done = run_manage(target, "migrate", "--no-input", "-v0")
    assert done.returncode == 0, f"manage.py migrate failed:\n{done.stderr}"


def require(what: str, found: object, install: str) -> None:
    """A server binary a test needs (redis-server, PostgreSQL's): without it the test is
    skipped, saying what to install, except in CI (``CI`` set), where it fails."""
    if found:
        return
    message = f"{what} is missing: {install}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
