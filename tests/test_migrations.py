"""Every migration is reversible: on a copy of the demo database, the app migrates to
zero and back, in processes of their own, as a site's deploy would run them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"


def manage(database: Path, *args: str) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLE_SITE,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def test_migrations_run_backwards_to_zero_and_forwards_again(tmp_path):
    demo = tmp_path / "demo.sqlite3"
    manage(demo, "migrate", "--no-input")
    manage(demo, "kommunnatverk_load_goals")
    manage(demo, "load_network_demo")
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(demo, copy)

    manage(copy, "migrate", "kommunnatverk", "zero", "--no-input")
    assert "[ ]" in manage(copy, "showmigrations", "kommunnatverk")
    manage(copy, "migrate", "--no-input")
    shown = manage(copy, "showmigrations", "kommunnatverk")
    assert "[ ]" not in shown and shown.count("[X]") >= 4
    manage(copy, "kommunnatverk_load_goals")  # the tables work again
