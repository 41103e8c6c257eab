"""A crashed worker loses nothing: a real ``db_worker`` process, killed with SIGKILL while
a receiver holds its request, leaves a delivery that is sent again, by itself, with the
next attempt number.

As it was found: the delivery stayed pending with its task RUNNING for good, only
``kommunnatverk_webhooks --send-due`` released it, and the receiver then got the same
delivery twice with ``X-Kommunnatverk-Attempt: 1`` both times.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .processes import EXAMPLE_SITE, example_site_env

TESTS_PARENT = str(Path(__file__).resolve().parent.parent)
# The example site with a short webhook timeout, so a claim runs out in 9 s.
SETTINGS = {"DJANGO_SETTINGS_MODULE": "tests.worker_settings"}


class Receiver:
    """Holds its first request until released; answers the others at once."""

    def __init__(self) -> None:
        self.requests: list[dict[str, str]] = []
        self.first_arrived = threading.Event()
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.requests.append(dict(self.headers))
                if len(receiver.requests) == 1:
                    receiver.first_arrived.set()
                    receiver.release.wait(30)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count:
            assert time.monotonic() < deadline, f"{len(self.requests)} of {count} arrived"
            time.sleep(0.1)


def env(database: Path) -> dict[str, str]:
    base = example_site_env(database, **SETTINGS)
    base["PYTHONPATH"] = os.pathsep.join([TESTS_PARENT, base["PYTHONPATH"]])
    return base


def shell(database: Path, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=EXAMPLE_SITE,
        env=env(database),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def worker(database: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
        + ["--no-reload", "--no-startup-delay"],
        cwd=EXAMPLE_SITE,
        env=env(database),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_worker_killed_mid_delivery_leaves_a_delivery_sent_again_by_itself(
    migrated_database,
):
    receiver = Receiver()
    shell(
        migrated_database,
        "from kommunnatverk.models import WebhookEndpoint; "
        "from kommunnatverk.webhooks.recording import record; "
        f"WebhookEndpoint.objects.create(name='Mottagare', url='{receiver.url}', "
        "events=['page.published']); "
        "record('page.published', 'page:1', 'sv', lambda: {'event': 'page.published', 'id': 1})",
    )
    first = worker(migrated_database)
    try:
        assert receiver.first_arrived.wait(60), "the first worker never sent"
        first.send_signal(signal.SIGKILL)  # mid-delivery: the receiver holds the request
        first.wait(10)
    finally:
        receiver.release.set()
        if first.poll() is None:
            first.kill()

    second = worker(migrated_database)  # what a supervisor starts in its place
    try:
        receiver.wait_for(2, timeout=60)
    finally:
        second.terminate()
        second.wait(10)
    receiver.server.shutdown()

    before, again = receiver.requests[:2]
    assert again["X-Kommunnatverk-Delivery"] == before["X-Kommunnatverk-Delivery"]
    assert (before["X-Kommunnatverk-Attempt"], again["X-Kommunnatverk-Attempt"]) == ("1", "2")
    log = shell(
        migrated_database,
        "from kommunnatverk.models import WebhookDelivery; "
        "d = WebhookDelivery.objects.get(); "
        "print(d.status, [(a.number, a.error[:11]) for a in d.attempt_log.order_by('number')])",
    )
    # Nothing ran --send-due: the delivery came back by itself, and the log says what
    # happened to the first attempt.
    assert log.strip().splitlines()[-1] == "delivered [(1, 'Interrupted'), (2, '')]"
