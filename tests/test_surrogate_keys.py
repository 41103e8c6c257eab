"""Surrogate keys: what each response names, what each change purges, and the purge
queue's retries. The CDN's purge API is the edge of the network: a recording backend,
and for Cloudflare and Fastly a receiver on loopback. tests/test_edge.py proves the
whole through a real Varnish."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Site

from kommunnatverk.changes import purge_queue
from kommunnatverk.content import surrogate_keys
from kommunnatverk.frontend_cache import CloudflareBackend, FastlyBackend, PurgeFailed
from kommunnatverk.models import NewsPage, PendingPurge

SENT: list[set[str]] = []
FAILURES: list[int] = []


class RecordingKeyBackend(BaseBackend):
    """A CDN that purges by key; fails while ``FAILURES`` holds a count."""

    key_header = "Surrogate-Key"
    key_separator = " "
    edge_control_header = "Surrogate-Control"

    def purge(self, url: str) -> None:
        """Wagtail's own purges of a page's HTML URL, beside the package's keys."""

    def purge_keys(self, keys) -> None:
        if FAILURES and FAILURES[0] > 0:
            FAILURES[0] -= 1
            raise PurgeFailed("HTTP 503 from the recording CDN")
        SENT.append(set(keys))


BACKEND = {"edge": {"BACKEND": "tests.test_surrogate_keys.RecordingKeyBackend"}}


@pytest.fixture
def edge():
    SENT.clear()
    FAILURES.clear()
    with override_settings(WAGTAILFRONTENDCACHE=BACKEND):
        yield SENT
    SENT.clear()
    FAILURES.clear()


def send_pending() -> set[str]:
    """Send what the change queued (a test's transaction never commits, so the queue's
    on-commit hook does not run) and return the keys the CDN was sent."""
    SENT.clear()
    for pk in PendingPurge.objects.filter(status="pending").values_list("pk", flat=True):
        purge_queue.send(pk)
    return set().union(*SENT) if SENT else set()


def keys_of(response) -> set[str]:
    return set(response["Surrogate-Key"].split())


def site_id() -> int:
    return Site.objects.get(is_default_site=True).pk


def test_api_responses_name_what_they_show(network, edge, api):
    site = site_id()
    page = network.water_day
    detail = api(f"pages/{page.pk}/")
    assert detail.status_code == 200
    named = keys_of(detail)
    # the page, the pages above it (whose sidebar and titles it shows) and the site
    expected = {f"kn-p{page.pk}", f"kn-p{network.news_index.pk}", f"kn-p{network.page.pk}"}
    assert expected | {f"kn-s{site}"} <= named
    assert keys_of(api(f"pages/find/?path={page.get_url_parts()[2]}")) >= expected

    assert keys_of(api("pages/?type=news&locale=en&fallback=sv&offset=1")) == {
        f"kn-s{site}",
        f"kn-s{site}-pages-news-en",
        f"kn-s{site}-pages-news-sv",
    }
    assert keys_of(api("pages/?search=milj%C3%B6")) == {f"kn-s{site}", f"kn-s{site}-pages-sv"}
    assert keys_of(api("navigation/?locale=en")) == {f"kn-s{site}", f"kn-s{site}-nav-en"}
    assert "kn-goal-list-sv" in keys_of(api("goals/"))
    sidebar = network.sidebar
    assert f"kn-contact_sidebar-{sidebar.pk}" in keys_of(api(f"contact-sidebars/{sidebar.pk}/"))


def test_keys_survive_the_response_cache_and_are_not_sent_without_a_key_cdn(network, api):
    page = network.water_day
    assert "Surrogate-Key" not in api(f"pages/{page.pk}/")
    with override_settings(WAGTAILFRONTENDCACHE=BACKEND):
        first = api(f"pages/{page.pk}/")
        second = api(f"pages/{page.pk}/")  # served from the response cache
        assert keys_of(first) == keys_of(second)
        assert f"kn-p{page.pk}" in keys_of(second)


def test_html_pages_name_the_page_the_pages_above_it_and_the_navigation(network, edge, client):
    site = site_id()
    page = network.water_day
    for _ in range(2):  # rendered, then from the page cache
        response = client.get(page.url)
        assert response.status_code == 200
        assert keys_of(response) >= {
            f"kn-p{page.pk}",
            f"kn-p{network.news_index.pk}",
            f"kn-p{network.page.pk}",
            f"kn-s{site}",
            f"kn-s{site}-nav-sv",
        }


def test_edge_cache_control_goes_to_the_cdn_header_only(network, edge, api):
    with override_settings(KOMMUNNATVERK={"EDGE_CACHE_CONTROL": "max-age=86400"}):
        response = api("pages/")
    assert response["Surrogate-Control"] == "max-age=86400"
    assert "max-age=60" in response["Cache-Control"]


def test_a_publish_purges_the_page_its_translations_above_linked_lists_and_navigation(
    network, edge
):
    site = site_id()
    page = (
        NewsPage.objects.live()
        .filter(locale__language_code="sv", group_links__isnull=False)
        .first()
    )
    english = network.english(page)
    linked_groups = {link.group_id for link in page.group_links.all()}
    assert linked_groups
    send_pending()

    page.save_revision().publish()

    purged = send_pending()
    assert {f"kn-p{page.pk}", f"kn-p{english.pk}"} <= purged
    assert {f"kn-p{network.news_index.pk}", f"kn-p{network.page.pk}"} <= purged
    assert {f"kn-p{pk}" for pk in linked_groups} <= purged, "the groups list their news"
    for code in ("sv", "en"):
        assert {
            f"kn-s{site}-pages-{code}",
            f"kn-s{site}-pages-news-{code}",
            f"kn-s{site}-nav-{code}",
        } <= purged
    assert f"kn-s{site}" not in purged, "a page change leaves the rest of the site cached"
    assert "kn-all" in purged


def test_a_snippet_change_purges_it_its_lists_and_the_pages_showing_it(network, edge):
    goal = network.goals["13"]
    showing = NewsPage.objects.live().filter(goal_links__goal=goal)
    assert showing.exists()
    send_pending()

    goal.save_revision().publish()

    purged = send_pending()
    english = network.english(goal)
    assert {f"kn-goal-{goal.pk}", f"kn-goal-{english.pk}", "kn-goal-list-sv"} <= purged
    assert {f"kn-p{page.pk}" for page in showing} <= purged
    assert f"kn-s{site_id()}-pages-news-en" in purged


def test_a_site_change_purges_the_whole_site(network, edge):
    site = Site.objects.get(is_default_site=True)
    send_pending()
    site.site_name = "Nätverket"
    site.save()
    assert f"kn-s{site.pk}" in send_pending()


def test_a_failing_cdn_is_retried_with_a_growing_delay_and_never_blocks_publishing(network, edge):
    FAILURES.append(2)
    page = network.water_day
    send_pending()
    PendingPurge.objects.all().delete()

    page.save_revision().publish()  # does not raise, does not wait
    (purge,) = PendingPurge.objects.all()
    assert not purge_queue.send(purge.pk)
    purge.refresh_from_db()
    assert (purge.status, purge.attempts) == ("pending", 1)
    first_delay = purge.next_attempt_at - timezone.now()
    assert timedelta(seconds=5) < first_delay <= timedelta(seconds=10)
    assert "503" in purge.last_error
    assert not purge_queue.send(purge.pk), "not due yet"

    PendingPurge.objects.filter(pk=purge.pk).update(next_attempt_at=timezone.now())
    assert not purge_queue.send(purge.pk)
    purge.refresh_from_db()
    assert purge.attempts == 2
    assert purge.next_attempt_at - timezone.now() > timedelta(seconds=15)

    PendingPurge.objects.filter(pk=purge.pk).update(next_attempt_at=timezone.now())
    assert purge_queue.send(purge.pk)
    assert not PendingPurge.objects.filter(pk=purge.pk).exists()
    assert f"kn-p{page.pk}" in SENT[-1]


def test_a_purge_that_used_up_its_attempts_is_kept_as_failed_and_can_be_retried(network, edge):
    FAILURES.append(100)
    send_pending()
    PendingPurge.objects.all().delete()
    with override_settings(KOMMUNNATVERK={"PURGE_MAX_ATTEMPTS": 2}):
        network.water_day.save_revision().publish()
        (purge,) = PendingPurge.objects.all()
        for _ in range(2):
            PendingPurge.objects.filter(pk=purge.pk).update(next_attempt_at=timezone.now())
            purge_queue.send(purge.pk)
    purge.refresh_from_db()
    assert purge.status == "failed"
    FAILURES[0] = 0
    assert purge_queue.retry_failed() == 1
    assert purge_queue.send(purge.pk)


def test_too_many_keys_fold_into_coarser_ones():
    many = {f"kn-p{pk}" for pk in range(100)} | {"kn-s1", "kn-s1-nav-sv"}
    assert surrogate_keys.bounded(many, 1) == ["kn-s1", "kn-s1-nav-sv", "kn-s1-pages"]
    assert surrogate_keys.bounded({f"kn-goal-{pk}" for pk in range(100)}, 1) == ["kn-all"]


class Receiver(BaseHTTPRequestHandler):
    """A CDN's purge API on loopback: records each request, answers as the CDN does."""

    requests: list[tuple[str, str, dict, bytes]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Receiver.requests.append((self.command, self.path, dict(self.headers), body))
        answer = json.dumps({"success": True, "status": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    Receiver.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", Receiver.requests
    server.shutdown()


def test_cloudflare_purges_cache_tags_in_chunks_of_30(receiver):
    url, seen = receiver
    backend = CloudflareBackend({"BEARER_TOKEN": "t0k", "ZONEID": "zone1", "API_URL": url})
    backend.purge_keys([f"kn-p{pk}" for pk in range(45)])
    assert [path for _, path, _, _ in seen] == ["/zones/zone1/purge_cache"] * 2
    assert [len(json.loads(body)["tags"]) for *_, body in seen] == [30, 15]
    assert seen[0][2]["Authorization"] == "Bearer t0k"


def test_fastly_purges_surrogate_keys_and_urls(receiver):
    url, seen = receiver
    backend = FastlyBackend({"API_TOKEN": "f4st", "SERVICE_ID": "svc", "API_URL": url})
    backend.purge_keys(["kn-p1", "kn-s1"])
    backend.purge("https://natverket.example/api/network/pages/?type=news")
    (_, path, headers, _), (_, url_path, _, _) = seen
    assert path == "/service/svc/purge"
    assert headers["Surrogate-Key"] == "kn-p1 kn-s1" and headers["Fastly-Key"] == "f4st"
    assert url_path == "/purge/natverket.example/api/network/pages/?type=news"


def test_a_cdn_that_cannot_be_reached_raises_for_a_retry():
    backend = FastlyBackend(
        {"API_TOKEN": "x", "SERVICE_ID": "svc", "API_URL": "http://127.0.0.1:9"}
    )
    with pytest.raises(PurgeFailed):
        backend.purge_keys(["kn-p1"])


def test_the_purges_command_reports_and_queues_what_is_due(
    network, edge, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    FAILURES.append(1)
    send_pending()
    PendingPurge.objects.all().delete()
    network.water_day.save_revision().publish()
    (purge,) = PendingPurge.objects.all()
    purge_queue.send(purge.pk)  # fails once, waits for its retry
    PendingPurge.objects.filter(pk=purge.pk).update(next_attempt_at=timezone.now())
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("kommunnatverk_purges", "--send-due", stdout=out)
    assert f"{PendingPurge.STATUSES[0][1]}: 1" in out.getvalue()
    assert "Queued 1 purge(s)." in out.getvalue()
    # Queued in the database for the worker (the test settings' TASK_BACKEND); run it.
    queued = DBTaskResult.objects.filter(task_path__endswith="send_purge", status="READY")
    assert [row.args_kwargs["args"] for row in queued][-1] == [purge.pk]
    assert purge_queue.send_purge.call(purge.pk)
    assert not PendingPurge.objects.exists()


def test_feeds_the_sitemap_and_the_search_page_name_the_site_lists(network, edge, client):
    site = site_id()
    lists = {f"kn-s{site}-pages-sv", f"kn-s{site}-pages-en", f"kn-s{site}"}
    for url in (
        "/feeds/news.rss",
        "/en/feeds/news.atom",
        "/sitemap.xml",
        "/network/search/?q=milj",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert keys_of(response) == lists, url
        assert "must-revalidate" in response["Cache-Control"], url


def test_the_keys_of_a_moved_subtree_cost_no_more_queries_for_more_pages(network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kommunnatverk.changes.purge_keys import for_pages
    from kommunnatverk.content.public import public_pages

    pages = list(public_pages().specific(defer=True))
    assert len(pages) > 10
    for_pages(pages[:2], changed=pages[:1])  # content types and locales, read once
    with CaptureQueriesContext(connection) as few:
        two = for_pages(pages[:2], changed=pages[:1])
    with CaptureQueriesContext(connection) as many:
        everything = for_pages(pages, changed=pages[:1])
    assert len(many) == len(few)
    assert {f"kn-p{page.pk}" for page in pages} <= everything and two < everything
