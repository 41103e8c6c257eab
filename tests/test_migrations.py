"""Every migration is reversible: on a migrated database with content, the app migrates to
zero and back, in processes of their own, as a site's deploy would run them."""

import sqlite3
from pathlib import Path

import kommunnatverk

from .processes import run_manage

PACKAGE_MIGRATIONS = Path(kommunnatverk.__file__).parent / "migrations"
MIGRATIONS = {path.stem for path in PACKAGE_MIGRATIONS.glob("0*.py")}


def manage(database: Path, *args: str) -> str:
    done = run_manage(database, *args)
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def applied(database: Path) -> set[str]:
    """The app's migrations the database records as applied (what showmigrations reads)."""
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT name FROM django_migrations WHERE app = 'kommunnatverk'")
        return {name for (name,) in rows}


def test_migrations_run_backwards_to_zero_and_forwards_again(migrated_database):
    assert applied(migrated_database) == MIGRATIONS and len(MIGRATIONS) >= 4
    manage(migrated_database, "kommunnatverk_load_goals")  # content in the app's tables

    manage(migrated_database, "migrate", "kommunnatverk", "zero", "--no-input")
    assert applied(migrated_database) == set()
    manage(migrated_database, "migrate", "--no-input")
    assert applied(migrated_database) == MIGRATIONS
    manage(migrated_database, "kommunnatverk_load_goals")  # the tables work again
