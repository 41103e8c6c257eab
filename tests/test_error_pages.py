"""The 404 and 500 pages: in the language of the URL's prefix, not the browser's, with
the site's menu; the 500 page even when the database is down."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.test import Client, override_settings

from .html import first, text_of
from .ports import free_port
from .processes import EXAMPLE_SITE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "heading", "menu", "home"),
    [
        ("/finns-inte/", "sv", "Sidan finns inte", "Huvudmeny", "/"),
        ("/nytt-i-natverket/finns-inte/", "sv", "Sidan finns inte", "Huvudmeny", "/"),
        ("/en/does-not-exist/", "en", "Page not found", "Main menu", "/en/"),
    ],
)
def test_the_404_page_speaks_the_language_of_the_url(client, path, lang, heading, menu, home):
    # The browser asks for the other language: the address decides.
    other = "sv" if lang == "en" else "en"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=other)
    html = response.content.decode()
    assert response.status_code == 404
    assert response["Content-Language"] == lang
    assert first(html, "html").attrs["lang"] == lang
    assert first(html, "h1").text == heading
    assert heading in first(html, "title").text
    nav = first(html, "nav", class_="site-nav")
    assert nav.attrs["aria-label"] == menu
    assert nav.first("a").attrs["href"] == home
    assert current_page_links(nav) == []  # no page of the menu is the one shown
    assert first(html, "form", role="search").attrs["action"] == f"{home}network/search/"
    assert first(html, "footer", class_="site-footer")


def current_page_links(element) -> list[str]:
    return [a.text for a in element.all("a", aria_current="page")]


def test_a_draft_pages_address_answers_with_the_404_page(client, network):
    from . import factories

    draft = factories.news(network.news_index, "utkast-nyhet", title="Utkast", publish=False)
    response = client.get("/nytt-i-natverket/utkast-nyhet/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    assert draft.title not in text_of(response.content.decode())


@override_settings(ROOT_URLCONF="tests.error_urls")
@pytest.mark.parametrize(
    ("path", "lang", "heading", "home"),
    [
        ("/trasig/", "sv", "Något gick fel", "/"),
        ("/en/trasig/", "en", "Something went wrong", "/en/"),
    ],
)
def test_the_500_page_speaks_the_language_of_the_url_and_has_the_menu(path, lang, heading, home):
    client = Client(raise_request_exception=False)
    other = "sv" if lang == "en" else "en"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=other)
    html = response.content.decode()
    assert response.status_code == 500
    assert response["Content-Language"] == lang
    assert first(html, "html").attrs["lang"] == lang
    assert first(html, "h1").text == heading
    nav = first(html, "nav", class_="site-nav")
    assert nav.first("a").attrs["href"] == home
    assert len(nav.all("a")) == 6  # the home page, three groups, news and projects
    assert first(html, "a", class_="skip-link").attrs["href"] == "#main"


def wait_until_serving(url: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn exited with {server.returncode}"
        try:
            requests.get(url, timeout=30)  # the worker may still be importing Django
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.fixture
def site_without_a_database(tmp_path: Path):
    """The example site behind gunicorn, DEBUG off, pointed at a PostgreSQL port where no
    server listens: every query fails as it would with the database down."""
    from .processes import example_site_env

    port = free_port()
    env = example_site_env(
        tmp_path / "unused.sqlite3",
        DATABASE_URL=f"postgres://kommunnatverk@127.0.0.1:{free_port()}/kommunnatverk",
        DEBUG="0",
        SECRET_KEY="error-pages-test-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1",
    )
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "example_site.wsgi"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "critical"],
        cwd=EXAMPLE_SITE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base + "/", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/", "sv", "Webbplatsen är tillfälligt otillgänglig"),
        ("/en/projects/", "en", "The site is temporarily unavailable"),
    ],
)
def test_a_page_without_its_database_is_a_503_in_the_language_of_the_url(
    site_without_a_database, path, lang, heading
):
    """The example site puts DatabaseUnavailableMiddleware first: a database that is down
    is a 503 page that reads no database, not the 500 page."""
    response = requests.get(site_without_a_database + path, timeout=30)
    html = response.text
    assert response.status_code == 503
    assert int(response.headers["Retry-After"]) > 0
    assert response.headers["Content-Type"].startswith("text/html")
    assert first(html, "html").attrs["lang"] == lang
    assert first(html, "h1").text == heading
