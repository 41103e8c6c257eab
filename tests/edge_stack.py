"""A real edge on loopback: Debian's Varnish with xkey, running the VCL that docs ship
(docs/how-to/varnish.vcl), in front of two gunicorn servers of the example site on a
PostgreSQL database, with a task worker that sends the purges.

Used by tests/test_edge.py and bench/edge.py. Changes are made by ``manage.py shell``
in a process of their own, as an editor's request would: their receivers queue the
purge, and the worker sends it once the change commits.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import requests

from .ports import free_port
from .processes import require

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = ROOT / "example_site"
VCL = ROOT / "docs" / "how-to" / "varnish.vcl"
BIN = Path(sys.executable).parent
API = "/api/network/"


@dataclass
class Edge:
    varnish: str  # base URL of the edge
    apps: list[str]  # base URLs of the app servers, for direct reads
    host: str  # the Host every request names (the demo Site's)
    env: dict[str, str]
    database_url: str
    processes: list[subprocess.Popen] = field(default_factory=list)
    app_processes: list[subprocess.Popen] = field(default_factory=list)

    def get(self, url: str, direct: bool = False, **kwargs) -> requests.Response:
        """GET a site-relative ``url`` through the edge, or straight from an app server."""
        base = self.apps[0] if direct else self.varnish
        headers = {"Host": self.host, **kwargs.pop("headers", {})}
        return requests.get(base + url, headers=headers, timeout=30, **kwargs)

    def shell(self, code: str) -> str:
        """Run Python in the example site, as a request of its own; returns its output."""
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=EXAMPLE_SITE,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def restart_apps(self, **settings: str) -> None:
        """The app servers again, on their ports, with more environment (as a deploy)."""
        self.env = {**self.env, **settings}
        for index, base in enumerate(self.apps):
            old = self.app_processes[index]
            old.terminate()
            old.wait(timeout=30)
            self.processes.remove(old)
            self.app_processes[index] = _gunicorn(base, self.env)
            self.processes.append(self.app_processes[index])
            _wait_for(base + "/api/network/pages/", self.app_processes[index])

    def pending_purges(self) -> int:
        import psycopg

        with psycopg.connect(self.database_url) as db:
            return db.execute("SELECT count(*) FROM kommunnatverk_pendingpurge").fetchone()[0]

    def wait_for_purges(self, timeout: float = 60) -> float:
        """Seconds until the worker has sent every queued purge."""
        start = time.monotonic()
        while self.pending_purges():
            assert time.monotonic() - start < timeout, "purges still pending"
            for process in self.processes:
                assert process.poll() is None, f"{process.args[:2]} exited"
            time.sleep(0.05)
        return time.monotonic() - start


def urls_of(edge: Edge) -> list[str]:
    """What a frontend and visitors read: found from the API itself, straight from the app."""
    urls = [
        f"{API}pages/",
        f"{API}pages/?locale=en",
        f"{API}pages/?type=news",
        f"{API}pages/?type=news&locale=en&fallback=sv",
        f"{API}pages/?type=news&offset=1&limit=2",
        f"{API}pages/?type=project&order=-first_published_at",
        f"{API}pages/?search=" + quote("miljö"),
        f"{API}pages/?search=environment&locale=en",
        f"{API}navigation/",
        f"{API}navigation/?locale=en",
        f"{API}goals/",
        f"{API}goals/?locale=en",
        f"{API}organisations/",
        f"{API}organisations/?locale=en",
        f"{API}frameworks/",
        "/feeds/news.rss",
        "/en/feeds/news.atom",
        "/sitemap.xml",
        "/network/search/?q=" + quote("miljö"),
    ]
    for code in ("sv", "en"):
        listing = edge.get(f"{API}pages/?locale={code}&limit=100", direct=True).json()
        for item in listing["items"]:
            path = item["meta"]["url"]
            urls += [f"{API}pages/{item['id']}/", f"{API}pages/find/?path={quote(path)}"]
            urls.append(path)  # the HTML page
    groups = edge.get(f"{API}pages/?type=group", direct=True).json()["items"]
    urls.append(f"{API}pages/?type=news&group={groups[0]['id']}")
    detail = edge.get(f"{API}pages/{groups[0]['id']}/", direct=True).json()
    if detail.get("contact_sidebar"):
        urls.append(f"{API}contact-sidebars/{detail['contact_sidebar']['id']}/")
    return list(dict.fromkeys(urls))


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{process.args[0]} exited with {process.returncode}"
        try:
            requests.get(url, timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s")


def _gunicorn(base: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "gunicorn"), "example_site.wsgi", "--bind", base.removeprefix("http://")]
        + ["--workers", "2", "--log-level", "warning"],
        cwd=EXAMPLE_SITE,
        env=env,
    )


def _manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args, "--verbosity", "0"],
        cwd=EXAMPLE_SITE,
        env=env,
        check=True,
        timeout=600,
    )


def vcl_for(ports: list[int]) -> str:
    """The shipped VCL with its two backends on ``ports``."""
    text = VCL.read_text()
    for number, port in enumerate(ports, start=1):
        text = re.sub(
            rf'(backend app{number} \{{ \.host = "127\.0\.0\.1"; \.port = )"\d+"',
            rf'\g<1>"{port}"',
            text,
        )
    return text


@contextmanager
def edge_stack(database_url: str, **settings: str) -> Iterator[Edge]:
    """The stack on a new, empty database at ``database_url``; ``settings``: more
    environment for the example site (``EDGE_CACHE_CONTROL``, say)."""
    varnishd = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    require("Varnish (varnishd)", varnishd, "apt-get install varnish varnish-modules")
    xkey = Path("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")
    require("Varnish's xkey vmod", xkey.exists() or None, "apt-get install varnish-modules")
    folder = Path(tempfile.mkdtemp(prefix="kommunnatverk-edge-"))
    varnish_port, app_ports = free_port(), [free_port(), free_port()]
    host = f"127.0.0.1:{varnish_port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "edge-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "VARNISH_URL": f"http://{host}",
        "MEDIA_ROOT": str(folder / "media"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        **settings,
    }
    edge = Edge(f"http://{host}", [], host, env, database_url)
    try:
        # Loaded before there is an edge to purge: its hundreds of purges would only wait
        # for a Varnish not started yet.
        loading = {name: value for name, value in env.items() if name != "VARNISH_URL"}
        _manage(loading, "migrate", "--no-input")
        _manage(
            loading, "load_network_demo", "--hostname", "127.0.0.1", "--port", str(varnish_port)
        )
        vcl = folder / "default.vcl"
        vcl.write_text(vcl_for(app_ports))
        edge.processes.append(
            subprocess.Popen(
                [varnishd, "-F", "-j", "none", "-n", str(folder / "varnish"), "-f", str(vcl)]
                + ["-a", host, "-s", "malloc,256m", "-p", "vcc_allow_inline_c=off"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
            )
        )
        for port in app_ports:
            edge.apps.append(f"http://127.0.0.1:{port}")
            edge.app_processes.append(_gunicorn(edge.apps[-1], env))
            edge.processes.append(edge.app_processes[-1])
            _wait_for(edge.apps[-1] + "/api/network/pages/", edge.processes[-1])
        edge.processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "kommunnatverk_worker", "--queue-name", "*"]
                + ["--no-reload", "--interval", "0.05", "--no-startup-delay"],
                cwd=EXAMPLE_SITE,
                env=env,
                stdout=subprocess.DEVNULL,
            )
        )
        _wait_for(edge.varnish + "/api/network/pages/", edge.processes[0])
        yield edge
    finally:
        for process in reversed(edge.processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(folder, ignore_errors=True)
