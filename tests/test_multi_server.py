"""Two gunicorn app servers sharing one PostgreSQL and one Redis: a change published
through one is served by the other at once, with a new ETag and no stale read.

Real processes: redis-server and gunicorn on loopback ports, the example site on its own
database of the suite's PostgreSQL server (make test-postgres).
"""

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from django.db import connection

from .ports import free_port

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="app servers share a PostgreSQL database; make test-postgres runs this",
)

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"
BIN = Path(sys.executable).parent


def wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"{process.args[0]} exited with {process.returncode}"
        try:
            requests.get(url, timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s")


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args, "--verbosity", "0"],
        cwd=EXAMPLE_SITE,
        env=env,
        check=True,
    )


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[str, str, str]]:
    """Two app servers (base URLs) and the Redis URL they share."""
    redis_server = shutil.which("redis-server")
    assert redis_server, "redis-server is missing: apt-get install redis-server"
    import psycopg

    suite_db = urlsplit(os.environ["TEST_DATABASE_URL"])
    name = f"kommunnatverk_multi_{os.getpid()}"
    admin_url = suite_db._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    redis_port = free_port()
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    env = {
        **os.environ,
        "DATABASE_URL": suite_db._replace(path=f"/{name}").geturl(),
        "REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "DEBUG": "0",
        "SECRET_KEY": "multi-server-test-" + "k" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,natverket.example",
    }
    processes = []
    try:
        processes.append(
            subprocess.Popen(
                [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
                stdout=subprocess.DEVNULL,
            )
        )
        for command in (["migrate"], ["kommunnatverk_load_goals"], ["load_network_demo"]):
            manage(env, *command)
        manage(env, "create_demo_admin")
        bases = []
        for _ in range(2):
            port = free_port()
            processes.append(
                subprocess.Popen(
                    [str(BIN / "gunicorn"), "example_site.wsgi", "--bind", f"127.0.0.1:{port}"]
                    + ["--workers", "2", "--log-level", "warning"],
                    cwd=EXAMPLE_SITE,
                    env=env,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
            wait_for(bases[-1] + "/api/network/pages/", processes[-1])
        yield bases[0], bases[1], redis_url
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)
        with psycopg.connect(admin_url, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class FormFields(HTMLParser):
    """The fields a browser would submit from the form with ``form_id``."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self._textarea = self._select = None
        self._selected = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag not in ("option",):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append(
                (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select, self._selected = attrs["name"], []
        elif tag == "option" and self._select and "selected" in attrs:
            self._selected.append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            self.fields += [(self._select, value) for value in self._selected]
            self._select = None


def publish_title_through(base: str, page_id: int, title: str) -> None:
    """Log in to the admin of one server and publish a new title, as an editor would."""
    session = requests.Session()
    login = session.get(f"{base}/admin/login/")
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": "admin",
            "password": "kommunnatverk-demo",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": login.url},
    )
    assert response.ok and "/admin/login/" not in response.url, "admin login failed"
    edit_url = f"{base}/admin/pages/{page_id}/edit/"
    parser = FormFields("page-edit-form")
    parser.feed(session.get(edit_url).text)
    fields = [(name, title if name == "title" else value) for name, value in parser.fields]
    assert ("title", title) in fields
    response = session.post(
        edit_url,
        data=fields + [("action-publish", "action-publish")],
        headers={"Referer": edit_url},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]


def test_a_publish_through_one_server_is_served_by_the_other_at_once(servers):
    server_a, server_b, redis_url = servers
    # Behind a load balancer every server sees the site's own host name.
    api = requests.Session()
    api.headers["Host"] = "natverket.example"
    # A news index: its edit form has no StreamField, which only a browser's script can
    # post; any title change shows in its detail and in the list.
    listing = f"{server_b}/api/network/pages/?type=news_index&locale=sv"
    before = api.get(listing)
    page_id = before.json()["items"][0]["id"]
    detail_url = f"{server_b}/api/network/pages/{page_id}/"
    detail_before = api.get(detail_url)
    assert api.get(listing, headers={"If-None-Match": before.headers["ETag"]}).status_code == 304
    same_on_a = api.get(listing.replace(server_b, server_a))
    assert same_on_a.headers["ETag"] == before.headers["ETag"], "the servers agree on ETags"

    publish_title_through(server_a, page_id, "Publicerad via server A")

    # At once, no waiting: the other server has the new content and new ETags.
    detail_after = api.get(detail_url)
    assert detail_after.json()["title"] == "Publicerad via server A"
    assert detail_after.headers["ETag"] != detail_before.headers["ETag"]
    revalidated = api.get(listing, headers={"If-None-Match": before.headers["ETag"]})
    assert revalidated.status_code == 200
    assert revalidated.json()["items"][0]["title"] == "Publicerad via server A"
    assert revalidated.headers["ETag"] != before.headers["ETag"]

    import redis

    keys = redis.Redis.from_url(redis_url).keys("*kommunnatverk:api:*")
    assert keys, "API responses are cached in the shared Redis"
