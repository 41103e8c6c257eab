"""Fresh at the edge: a real Varnish with xkey (the VCL in docs/how-to/varnish.vcl) in
front of two gunicorn servers on PostgreSQL, with a real task worker sending purges.

Every URL of a broad set (details and ``find/`` in both languages, lists with filters,
offsets, search and fallback, navigation, snippets, every HTML page) is cached, then a
change is made; once the worker has sent the purge, each URL read through Varnish must
equal the same URL read straight from an app server. Over the scripted series of
changes, the count of stale responses is 0.

Runs under make test-postgres (the app servers share a PostgreSQL database).
"""

import os
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.db import connection

from .edge_stack import API, Edge, edge_stack, urls_of

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the app servers share a PostgreSQL database; make test-postgres runs this",
)

# The edge keeps pages and API responses an hour, as a site would: only purges can make
# them fresh. The revalidation test restarts the app servers with a TTL short enough to
# watch it run out.
EDGE_CONTROL = "max-age=3600, stale-while-revalidate=60"
EDGE_TTL = 3


@pytest.fixture(scope="module")
def edge() -> Iterator[Edge]:
    import psycopg

    suite_db = urlsplit(os.environ["TEST_DATABASE_URL"])
    name = f"kommunnatverk_edge_{os.getpid()}"
    admin_url = suite_db._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    try:
        with edge_stack(
            suite_db._replace(path=f"/{name}").geturl(), EDGE_CACHE_CONTROL=EDGE_CONTROL
        ) as stack:
            yield stack
    finally:
        with psycopg.connect(admin_url, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def warm(edge: Edge, urls: list[str]) -> dict[str, bytes]:
    """Read every URL through the edge twice; the second read is a hit where cacheable."""
    bodies = {}
    for url in urls:
        edge.get(url)
        second = edge.get(url)
        bodies[url] = second.content
        if second.status_code == 200:
            assert second.headers["X-Cache"].startswith("HIT"), url
            assert "xkey" not in second.headers, "the keys stay inside the edge"
    return bodies


def stale_after(edge: Edge, urls: list[str], change: str) -> tuple[list[str], int]:
    """Cache ``urls``, make ``change``, wait for its purge; the URLs the edge still serves
    differently from the app, and how many responses the change altered."""
    before = warm(edge, urls)
    edge.shell(change)
    edge.wait_for_purges()
    stale, changed = [], 0
    for url in urls:
        through_edge, direct = edge.get(url), edge.get(url, direct=True)
        if through_edge.status_code != direct.status_code or through_edge.content != direct.content:
            stale.append(url)
        if direct.content != before[url]:
            changed += 1
    return stale, changed


CHANGES = {
    "publish": """
from kommunnatverk.models import NewsPage
page = NewsPage.objects.filter(locale__language_code="sv", live=True).order_by("pk").first()
page.title = "Nytt om miljömålen i Västra Götaland"
page.save_revision().publish()
""",
    "unpublish": """
from kommunnatverk.models import NewsPage
NewsPage.objects.filter(locale__language_code="sv", live=True).order_by("-pk").first().unpublish()
""",
    "move": """
from kommunnatverk.models import NetworkPage, NewsIndexPage, NewsPage
network = NetworkPage.objects.get(locale__language_code="sv")
archive = NewsIndexPage(title="Arkiv", slug="arkiv", locale=network.locale)
network.add_child(instance=archive)
archive.save_revision().publish()
news = NewsPage.objects.filter(locale__language_code="sv", live=True).order_by("pk").last()
news.move(archive, pos="last-child")
""",
    "snippet": """
from kommunnatverk.models import NewsPageOrganisation, Organisation
shown = NewsPageOrganisation.objects.filter(page__live=True).values("organisation")
organisation = Organisation.objects.filter(pk__in=shown, locale__language_code="sv").first()
organisation.name = organisation.name + " (ny kontaktväg)"
organisation.save_revision().publish()
""",
    "translation": """
from kommunnatverk.models import GroupPage
group = GroupPage.objects.filter(locale__language_code="en", live=True).order_by("pk").first()
group.title = group.title + ": meetings in person and online"
group.save_revision().publish()
""",
}


def test_every_cached_url_is_fresh_at_the_next_request_after_each_change(edge):
    urls = urls_of(edge)
    assert len(urls) > 60
    stale_total, report = 0, []
    for name, change in CHANGES.items():
        stale, changed = stale_after(edge, urls, change)
        report.append(f"{name}: {changed} responses changed, {len(stale)} stale")
        assert changed, f"{name} changed no response: the check could not fail"
        stale_total += len(stale)
        assert not stale, f"stale after {name}: {stale[:10]}"
        urls = urls_of(edge)  # a move adds URLs, an unpublish removes some
    print("; ".join(report))
    assert stale_total == 0


def test_varnish_revalidates_with_the_etag_and_serves_stale_while_it_does(edge):
    edge.restart_apps(EDGE_CACHE_CONTROL=f"max-age={EDGE_TTL}, stale-while-revalidate=60")
    url = f"{API}pages/?type=group&locale=en&limit=7"  # not cached before the restart
    edge.get(url)
    assert edge.get(url).headers["X-Cache"] == "HIT"
    time.sleep(EDGE_TTL + 0.5)
    # Past its TTL: served at once from grace, while Varnish asks the app in the
    # background with the object's ETag; the app answers 304 (nothing changed).
    stale = edge.get(url)
    assert stale.headers["X-Cache"] == "HIT-STALE"
    deadline = time.monotonic() + 10
    while True:
        time.sleep(0.2)
        again = edge.get(url)
        if again.headers.get("X-Revalidated") == "1" or time.monotonic() > deadline:
            break
    assert again.headers["X-Cache"] == "HIT"
    assert again.headers.get("X-Revalidated") == "1", "refreshed from a 304, not refetched"
    assert again.content == stale.content


def test_a_preview_is_never_cached(edge):
    token_url = edge.shell(
        """
from kommunnatverk.models import NewsPage
from kommunnatverk.preview.tokens import make_token
page = NewsPage.objects.filter(live=True).first()
token = make_token(page, revision=page.latest_revision)
print(f"/api/network/preview/pages/{page.pk}/?token={token}")
"""
    ).strip()
    first = edge.get(token_url)
    second = edge.get(token_url)
    assert first.status_code == 200, first.text[:500]
    assert "no-store" in first.headers["Cache-Control"]
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "MISS")
