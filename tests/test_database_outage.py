"""A database outage is a 503, and queued work survives it.

On PostgreSQL 15 servers of these tests' own (tests/postgres.py), stopped with
``pg_ctl stop -m fast`` as an operator's restart does, under a real gunicorn and a real
``kommunnatverk_worker``. As it was found: the API and the pages answered Django's
text/html "Server Error (500)"; after the restart, the first request of a worker whose
connection had been cut while idle was a 500 too; ``db_worker`` exited at the first
error and stayed dead while 592 tasks piled up.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import requests

from .ports import free_port
from .postgres import PostgresServer
from .processes import EXAMPLE_SITE, example_site_env

BIN = Path(sys.executable).parent
TESTS_PARENT = str(Path(__file__).resolve().parent.parent)
API = "/api/network/pages/"
RETRY_AFTER = "10"  # KOMMUNNATVERK["OUTAGE_RETRY_AFTER"]'s default


@dataclass
class Site:
    server: PostgresServer
    env: dict[str, str]

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=EXAMPLE_SITE,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def query(self, sql: str) -> list[tuple]:
        with psycopg.connect(self.server.url("outage")) as db:
            return db.execute(sql).fetchall()


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    """The example site, migrated, on a PostgreSQL server the tests may stop."""
    server = PostgresServer()
    try:
        with psycopg.connect(server.url(), autocommit=True) as db:
            db.execute("CREATE DATABASE outage")
        env = example_site_env(
            Path("unused.sqlite3"),
            DATABASE_URL=server.url("outage"),
            DEBUG="0",
            SECRET_KEY="database-outage-test-" + "k" * 40,
            ALLOWED_HOSTS="127.0.0.1,localhost",
        )
        env.pop("REDIS_URL", None)
        # The worker imports the tasks of tests/outage_tasks.py.
        env["PYTHONPATH"] = os.pathsep.join([TESTS_PARENT, env["PYTHONPATH"]])
        site = Site(server, env)
        site.manage("migrate", "--no-input", "-v0")
        yield site
    finally:
        server.remove()


@pytest.fixture
def gunicorn(site) -> Iterator[str]:
    """One sync worker: every request meets the same kept connection."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "example_site.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "1", "--log-level", "warning"],
        cwd=EXAMPLE_SITE,
        env=site.env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "gunicorn exited"
            try:
                requests.get(base + API, timeout=10)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def snapshot(base: str) -> dict[str, tuple[int, bytes]]:
    pages = {path: requests.get(base + path, timeout=10) for path in (API, "/", "/en/")}
    return {path: (r.status_code, r.content) for path, r in pages.items()}


def test_the_api_and_the_site_answer_503_while_the_database_is_down(site, gunicorn):
    before = snapshot(gunicorn)
    assert before[API][0] == 200
    site.server.stop()
    try:
        api = requests.get(gunicorn + API, timeout=10)
        swedish = requests.get(gunicorn + "/", timeout=10)
        english = requests.get(gunicorn + "/en/", timeout=10)
        by_json = requests.get(gunicorn + "/", headers={"Accept": "application/json"}, timeout=10)
    finally:
        site.server.start()

    assert api.status_code == 503
    assert api.headers["Content-Type"] == "application/problem+json; charset=utf-8"
    assert api.headers["Retry-After"] == RETRY_AFTER
    assert api.headers["Cache-Control"] == "no-store"
    problem = api.json()
    assert problem["type"].endswith("#problem-service-unavailable")
    assert (problem["status"], problem["title"]) == (503, "Service unavailable")
    assert "127.0.0.1" not in problem["detail"], "with DEBUG off the error stays private"

    for page, language, heading in (
        (swedish, "sv", "Webbplatsen är tillfälligt otillgänglig"),
        (english, "en", "The site is temporarily unavailable"),
    ):
        assert page.status_code == 503
        assert page.headers["Content-Type"].startswith("text/html")
        assert page.headers["Retry-After"] == RETRY_AFTER
        assert page.headers["Cache-Control"] == "no-store"
        assert f'<html lang="{language}">' in page.text
        assert f"<h1>{heading}</h1>" in page.text
        assert "Connection refused" not in page.text
    assert by_json.status_code == 503
    assert by_json.headers["Content-Type"] == "application/problem+json; charset=utf-8"

    # Back at once, without a restart: the same answers as before the outage.
    assert snapshot(gunicorn) == before


def test_a_connection_cut_while_idle_is_replaced_by_the_next_request(site, gunicorn):
    assert requests.get(gunicorn + API, timeout=10).status_code == 200  # a kept connection
    site.server.stop()
    site.server.start()
    assert requests.get(gunicorn + API, timeout=10).status_code == 200
    assert requests.get(gunicorn + "/", timeout=10).status_code < 500


def statuses(site: Site) -> dict[str, int]:
    rows = site.query(
        "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
    )
    return dict(rows)


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} not within {timeout} s"
        time.sleep(0.2)


def test_the_worker_waits_out_an_outage_and_runs_every_queued_task(site, tmp_path):
    site.query("DELETE FROM django_tasks_database_dbtaskresult RETURNING id")
    # One task the outage cuts short (it reads the database after 5 s), then 20 more.
    site.manage(
        "shell",
        "-c",
        "from tests.outage_tasks import count_pages; "
        "count_pages.using(priority=10).enqueue(5); "
        "[count_pages.enqueue() for _ in range(20)]",
    )
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "kommunnatverk_worker", "--queue-name", "*"]
            + ["--interval", "0.2", "--no-reload", "--no-startup-delay"],
            cwd=EXAMPLE_SITE,
            env=site.env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: statuses(site).get("RUNNING") == 1, 60, "the first task running")
        site.server.stop()
        time.sleep(8)  # the task fails mid-outage, and the worker tries again, and again
        assert worker.poll() is None, log.read_text()
        site.server.start()

        wait_until(lambda: statuses(site) == {"SUCCESSFUL": 21}, 90, "all 21 tasks done")
        cut_short = site.query(
            "SELECT jsonb_array_length(worker_ids::jsonb)"
            " FROM django_tasks_database_dbtaskresult WHERE priority = 10"
        )
        assert cut_short == [(2,)], "the task the outage cut short ran again"
        assert worker.poll() is None, log.read_text()

        # And it goes on taking new work.
        site.manage(
            "shell",
            "-c",
            "from tests.outage_tasks import count_pages; [count_pages.enqueue() for _ in range(5)]",
        )
        wait_until(lambda: statuses(site) == {"SUCCESSFUL": 26}, 60, "the 5 new tasks done")
        assert worker.poll() is None
    finally:
        site.server.ensure_started()
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    text = log.read_text()
    assert "Database unavailable" in text
    assert "Queued task" in text and "again: an outage cut it short" in text
    assert worker.returncode == 0, text
