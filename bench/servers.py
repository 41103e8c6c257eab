"""Real servers for the benchmarks: a throwaway PostgreSQL 15, the example site's
management commands, and gunicorn, each on loopback, with their workers' memory."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = ROOT / "example_site"
BIN = Path(sys.executable).parent


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary directory; yields its database URL."""
    data = Path(tempfile.mkdtemp(prefix="kommunnatverk-bench-pg-"))
    as_user = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(data, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    run = {"check": True, "stdout": subprocess.DEVNULL}
    subprocess.run(
        [*as_user, "initdb", "-D", f"{data}/db", "-U", "bench", "--auth=trust"]
        + ["--encoding=UTF8", "--locale=C.UTF-8"],
        **run,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c max_connections=200"
    subprocess.run(
        [*as_user, "pg_ctl", "-D", f"{data}/db", "-l", f"{data}/log", "-w", "-o", options, "start"],
        **run,
    )
    try:
        yield f"postgres://bench@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, "pg_ctl", "-D", f"{data}/db", "-m", "fast", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(data, ignore_errors=True)


def site_env(database_url: str, media: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    return {
        **env,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args, "--verbosity", "0"],
        cwd=EXAMPLE_SITE,
        env=env,
        check=True,
    )


def demo_site(env: dict) -> None:
    log("  migrate, goals, demo network")
    manage(env, "migrate", "--no-input")
    manage(env, "kommunnatverk_load_goals")
    manage(env, "load_network_demo")


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


class Gunicorn:
    def __init__(self, env: dict, workers: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "example_site.wsgi", "--bind", f"127.0.0.1:{self.port}"]
            + ["--workers", str(workers), "--log-level", "warning", "--timeout", "60"],
            cwd=EXAMPLE_SITE,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(self.base + "/api/network/navigation/", timeout=10)  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)

    def workers(self) -> list[int]:
        return children(self.process.pid)

    def worker_rss_kib(self, field: str = "VmRSS") -> dict[int, int]:
        return {pid: rss_kib(pid, field) for pid in self.workers()}

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
