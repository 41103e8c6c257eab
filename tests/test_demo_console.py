"""``make demo`` as it runs: ``load_network_demo`` and ``kommunnatverk_worker`` in
processes of their own, on the example site's settings (the database task queue, not the
tests' immediate one).

As it was found (issue 16): the demo's search index stayed empty until the worker had run
some 600 queued tasks, so the goal chooser found nothing for "städer"; and the worker
printed a "Task id=… state=…" line for each of them, mixed into the server's console.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from .processes import EXAMPLE_SITE, example_site_env, migrate, run_manage

# What the example site's search finds, the way the admin's goal chooser asks it.
INDEX_REPORT = """
from django_tasks_db.models import DBTaskResult
from wagtail.search.models import IndexEntry
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from kommunnatverk.models import Goal, Organisation

entries = set(IndexEntry.objects.values_list("content_type_id", "object_id"))
pages = Page.objects.filter(depth__gt=1).specific()
unindexed = [p.url_path for p in pages if (p.content_type_id, str(p.pk)) not in entries]
print("queued", DBTaskResult.objects.count())
print("pages", pages.count(), "unindexed", unindexed)
search = get_search_backend().search
found = search("städer", Goal)
print("städer", sorted(goal.code for goal in found if goal.locale.language_code == "sv"))
print("energikontor", [o.name for o in search("Energikontor", Organisation)])
"""


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> Path:
    database = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    migrate(database)
    done = run_manage(database, "load_network_demo", "--hostname", "127.0.0.1", "--port", "8000")
    assert done.returncode == 0, done.stderr
    return database


def report(database: Path) -> dict[str, str]:
    done = run_manage(database, "shell", "-c", INDEX_REPORT)
    assert done.returncode == 0, done.stderr
    keys = ("queued", "pages", "städer", "energikontor")
    rows = (line.split(" ", 1) for line in done.stdout.splitlines())
    return {row[0]: row[1] for row in rows if row[0] in keys and len(row) == 2}


def test_the_demo_loader_leaves_a_complete_search_index_and_no_queued_work(demo_database):
    found = report(demo_database)
    assert found["queued"] == "0"
    count, unindexed = found["pages"].split(" unindexed ")
    assert int(count) > 20 and unindexed == "[]"
    assert found["städer"] == "['11']"
    assert "Energikontor Väst" in found["energikontor"]


def run_worker(database: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "kommunnatverk_worker", "--queue-name", "*"]
        + ["--batch", "--no-reload", "--no-startup-delay", "--interval", "0.1", *options],
        cwd=EXAMPLE_SITE,
        env=example_site_env(database),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def enqueue_work(database: Path) -> None:
    """An editor's publish (search and reference index tasks), and a task that fails."""
    done = run_manage(
        database,
        "shell",
        "-c",
        "from kommunnatverk.models import NetworkPage; from tests.worker_tasks import fails; "
        "page = NetworkPage.objects.get(locale__language_code='sv'); "
        "page.intro = 'Ny ingress.'; page.save_revision().publish(); fails.enqueue()",
    )
    assert done.returncode == 0, done.stderr


def test_the_worker_names_failed_tasks_only(demo_database):
    enqueue_work(demo_database)
    done = run_worker(demo_database)
    console = done.stdout + done.stderr
    assert done.returncode == 0, console
    task_lines = [line for line in console.splitlines() if line.startswith("Task id=")]
    assert len(task_lines) == 1 and "state=FAILED" in task_lines[0], console
    assert "RuntimeError: a task that fails" in console
    assert "Starting worker" in console
    assert report(demo_database)["queued"] != "0"  # the tasks it ran, recorded

    # -v 2 shows every task, as db_worker's default does.
    enqueue_work(demo_database)
    verbose = run_worker(demo_database, "-v", "2")
    lines = [line for line in verbose.stdout.splitlines() if line.startswith("Task id=")]
    assert any("state=SUCCESSFUL" in line for line in lines), verbose.stdout
