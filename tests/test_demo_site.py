"""``make demo`` serves the example site at ``HOST:PORT``, and the demo's Site takes that
address: every absolute link the demo gives (hreflang, canonical, Open Graph, the
sitemap, robots.txt, the feeds, JSON-LD, the API's ``html_url``) leads back to it.

Real processes: the demo loaded by ``manage.py load_network_demo`` as ``make demo-data``
runs it, and served by ``manage.py runserver`` as ``make demo`` serves it, on a free
loopback port, on a copy of the migrated test database.
"""

import json
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from bs4 import BeautifulSoup

from .ports import free_port
from .processes import EXAMPLE_SITE, example_site_env, run_manage

REPO = Path(__file__).resolve().parent.parent
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_make_demo_hands_its_host_and_port_to_the_site():
    done = subprocess.run(
        ["make", "--dry-run", "demo", "HOST=demo.example", "PORT=8123"]
        + ["--old-file", ".venv/.installed"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "load_network_demo --hostname demo.example --port 8123" in done.stdout
    assert "runserver demo.example:8123" in done.stdout


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the demo server stopped"
        try:
            requests.get(url, timeout=5)
            return
        except requests.ConnectionError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="module")
def demo_server(migrated_database_file, tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("demo-site")
    database = folder / "db.sqlite3"
    shutil.copy(migrated_database_file, database)
    port = free_port()
    env = {"MEDIA_ROOT": str(folder / "media"), "DEBUG": "1"}
    loaded = run_manage(
        database, "load_network_demo", "--hostname", "127.0.0.1", "--port", str(port), **env
    )
    assert loaded.returncode == 0, loaded.stderr
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=EXAMPLE_SITE,
        env=example_site_env(database, **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/robots.txt", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def get(url: str) -> requests.Response:
    response = requests.get(url, timeout=30, allow_redirects=False)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response


def strings_in(node) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings_in(value)
    elif isinstance(node, str):
        yield node


def links_of_page(html: str) -> list[str]:
    """The absolute addresses a page's head gives: canonical, hreflang, feeds, Open
    Graph and every address in its JSON-LD."""
    soup = BeautifulSoup(html, "html.parser")
    found = [link["href"] for link in soup.head.find_all("link", rel=["canonical", "alternate"])]
    found += [tag["content"] for tag in soup.head.find_all("meta", property=["og:url", "og:image"])]
    for script in soup.find_all("script", type="application/ld+json"):
        found += [s for s in strings_in(json.loads(script.string)) if s.startswith("http")]
    return found


# The marker has pytest-django set up the test database, which the demo's is copied from.
@pytest.mark.django_db
def test_every_absolute_link_of_the_demo_leads_back_to_it(demo_server):
    base = demo_server
    robots = get(f"{base}/robots.txt").text
    (sitemap_url,) = [line.split(" ", 1)[1] for line in robots.splitlines() if "Sitemap:" in line]
    assert sitemap_url == f"{base}/sitemap.xml"
    sitemap = ET.fromstring(get(sitemap_url).content)
    found = {loc.text for loc in sitemap.iter(f"{SITEMAP}loc")}
    found |= {link.get("href") for link in sitemap.iter(f"{XHTML}link")}
    pages = sorted(found)
    assert len(pages) >= 20  # both languages' pages
    for page in pages:
        found.update(links_of_page(get(page).text))
    for feed in ("/feeds/news.atom", "/en/feeds/news.atom"):
        root = ET.fromstring(get(f"{base}{feed}").content)
        found |= {link.get("href") for link in root.iter(f"{ATOM}link")}
        found |= {element.text for element in root.iter(f"{ATOM}id")}
        found |= {element.text for element in root.iter(f"{ATOM}uri")}
    for locale in ("sv", "en"):
        items = get(f"{base}/api/network/pages/?locale={locale}&limit=100").json()["items"]
        found |= {item["meta"]["html_url"] for item in items}
    ours = {url for url in found if urlsplit(url).hostname in ("127.0.0.1", "localhost")}
    assert ours, "the demo names no address of its own"
    elsewhere = sorted(url for url in ours if not url.startswith(f"{base}/"))
    assert elsewhere == [], "addresses not on the demo's host and port"
    for url in sorted(ours):
        get(url)  # a page, a feed, the sitemap, the logo or an image: each answers
