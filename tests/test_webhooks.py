"""Webhooks to a real receiver on 127.0.0.1 (the one docs/examples ships), sent by the
real django-tasks-db worker: retries with backoff, order per object, signatures."""

import importlib.util
import json
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from kommunnatverk import conf
from kommunnatverk.models import NewsIndexPage, NewsPage, WebhookDelivery, WebhookEndpoint
from kommunnatverk.models.webhooks import EVENT_NAMES
from kommunnatverk.webhooks import signing, tasks

from . import factories

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "webhook_receiver.py"
SECRET = "test-secret-of-the-receiver"
FAST_RETRIES = {
    "TASK_BACKEND": "durable",
    "WEBHOOK_RETRY_DELAY": 1,
    "WEBHOOK_TIMEOUT": 5,
    "WEBHOOK_ALLOWED_HOSTS": ["127.0.0.1"],
}


def _example_module():
    spec = importlib.util.spec_from_file_location("webhook_receiver_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Received:
    def __init__(self) -> None:
        self.events: list[dict] = []
        self.answers: list[int] = []
        self.fail_first = 0


@pytest.fixture
def receiver() -> Iterator[tuple[str, Received]]:
    """The docs' example receiver, told to answer 503 to its first ``fail_first`` posts."""
    example = _example_module()
    received = Received()

    class FlakyReceiver(example.Receiver):
        secret = SECRET

        def do_POST(self) -> None:
            if len(received.answers) < received.fail_first:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                received.answers.append(503)
                self.send_response(503)
                self.end_headers()
                return
            super().do_POST()

        def send_response(self, code, message=None) -> None:
            if code != 503:
                received.answers.append(code)
            super().send_response(code, message)

        def handle_event(self, event: dict, delivery_id: str) -> None:
            received.events.append(event)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), FlakyReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hooks/cms", received
    server.shutdown()
    server.server_close()


def run_worker_until(done, timeout: float = 30) -> None:
    """Run django-tasks-db's worker in batch mode until ``done()``, as retries fall due,
    in this process, inside the test's transaction."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, (
            "deliveries did not finish in time: "
            f"{list(WebhookDelivery.objects.values_list('event', 'status', 'attempts'))}, "
            f"tasks {list(DBTaskResult.objects.values_list('status', 'traceback'))}"
        )
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="durable",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        # The worker recycles database connections between tasks, as a process should;
        # here it shares the test's connection, whose transaction must survive.
        with mock.patch(f"{Worker.__module__}.close_old_connections"):
            worker.run()
        time.sleep(0.2)


def endpoint(url: str, events=None, **kwargs) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        name="Frontend", url=url, secret=SECRET, events=events or EVENT_NAMES, **kwargs
    )


def all_sent() -> bool:
    return not WebhookDelivery.objects.filter(status=WebhookDelivery.PENDING).exists()


@override_settings(KOMMUNNATVERK=FAST_RETRIES)
def test_a_failing_receiver_gets_the_event_after_retries_with_every_attempt_logged(
    network, receiver, django_capture_on_commit_callbacks
):
    url, received = receiver
    received.fail_first = 2
    index = network.news_index
    endpoint(url)
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.news(index, "cykelvecka", title="Cykelveckan")

    assert DBTaskResult.objects.exists(), "sending is queued in the database, not run inline"
    started = time.monotonic()
    run_worker_until(all_sent)

    delivery = WebhookDelivery.objects.get(object_key=f"page:{page.pk}", event="page.published")
    assert delivery.status == WebhookDelivery.DELIVERED
    log = list(delivery.attempt_log.values_list("number", "status_code"))
    assert log == [(1, 503), (2, 503), (3, 204)]
    assert received.answers[:3] == [503, 503, 204]
    # Backoff: 1 s after the first failure, 2 s after the second.
    assert time.monotonic() - started >= 3
    (event,) = [e for e in received.events if e["id"] == page.pk]
    assert event["event"] == "page.published"
    assert event["type"] == "news"
    assert event["locale"] == "sv"
    assert event["title"] == "Cykelveckan"
    assert event["url"] == page.get_full_url()
    assert event["url"].startswith("http")
    assert event["api_url"].endswith(f"/api/network/pages/{page.pk}/")
    assert event["delivery"] == str(delivery.uuid)
    assert event["translations"] == []


@override_settings(KOMMUNNATVERK=FAST_RETRIES)
def test_one_objects_events_arrive_in_order_even_when_the_first_is_retried(
    db, receiver, django_capture_on_commit_callbacks
):
    url, received = receiver
    received.fail_first = 1
    _net, index = factories.news_tree()
    page = factories.news(index, "ordning")
    endpoint(url)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        page.unpublish()
        page.save_revision().publish()
        page.title = "Ordning och reda"
        page.save_revision().publish()

    run_worker_until(all_sent)

    events = [(e["event"], e["title"]) for e in received.events if e["id"] == page.pk]
    assert events == [
        ("page.published", "ordning"),
        ("page.unpublished", "ordning"),
        ("page.published", "ordning"),
        ("page.published", "Ordning och reda"),
    ]


def test_the_signature_is_hmac_sha256_over_timestamp_and_body_and_the_example_checks_it():
    example = _example_module()
    body = json.dumps({"event": "page.published", "id": 1}).encode()
    header = signing.signature(SECRET, int(time.time()), body)

    assert header.startswith("t=") and ",v1=" in header
    assert example.verify(SECRET, header, body)
    assert signing.verify(SECRET, header, body)
    assert not example.verify(SECRET, header, body + b" ")  # tampered body
    assert not example.verify("another secret", header, body)
    stale = signing.signature(SECRET, int(time.time()) - 3600, body)
    assert not example.verify(SECRET, stale, body)  # replayed an hour later
    assert not example.verify(SECRET, "v1=abc", body)


@override_settings(KOMMUNNATVERK=FAST_RETRIES)
def test_the_receiver_refuses_a_forged_delivery_and_the_sender_logs_the_401(
    db, receiver, django_capture_on_commit_callbacks
):
    url, received = receiver
    hook = endpoint(url, events=["snippet.published"])
    hook.secret = "not-the-receivers-secret"
    hook.save()
    with django_capture_on_commit_callbacks(execute=True):
        org = factories.organisation("Signerad kommun")

    run_worker_until(lambda: WebhookDelivery.objects.filter(attempts__gte=1).exists())

    delivery = WebhookDelivery.objects.get(object_key=f"organisation:{org.pk}")
    assert delivery.status == WebhookDelivery.PENDING  # retried later, never dropped
    attempt = delivery.attempt_log.get()
    assert attempt.status_code == 401
    assert "401" in attempt.error
    assert received.events == []


@override_settings(KOMMUNNATVERK={**FAST_RETRIES, "WEBHOOK_MAX_ATTEMPTS": 2})
def test_an_unreachable_receiver_fails_after_the_limit_and_can_be_resent(
    db, receiver, django_capture_on_commit_callbacks
):
    url, received = receiver
    hook = endpoint("http://127.0.0.1:9/nobody-listens", events=["snippet.published"])
    with django_capture_on_commit_callbacks(execute=True):
        org = factories.organisation("Onåbar kommun")

    run_worker_until(all_sent)

    delivery = WebhookDelivery.objects.get(object_key=f"organisation:{org.pk}")
    assert delivery.status == WebhookDelivery.FAILED
    errors = list(delivery.attempt_log.values_list("error", flat=True))
    assert len(errors) == 2 and all("ConnectionError" in error for error in errors)

    hook.url = url
    hook.save()
    tasks.resend(delivery)
    run_worker_until(all_sent)

    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.DELIVERED
    assert [a.number for a in delivery.attempt_log.all()] == [1, 2, 3]
    assert [e["id"] for e in received.events] == [org.pk]


@override_settings(KOMMUNNATVERK=FAST_RETRIES)
def test_publishing_neither_waits_for_nor_fails_because_of_a_receiver(
    db, django_capture_on_commit_callbacks
):
    endpoint("http://10.255.255.1:81/blackhole")  # would time out if sent inline
    _net, index = factories.news_tree()
    clock = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.news(index, "snabb")
    # Sent inline, the publish would wait WEBHOOK_TIMEOUT (10 s) for the black hole; half
    # of it leaves room for a loaded machine.
    assert time.monotonic() - clock < conf.get("WEBHOOK_TIMEOUT") / 2
    assert page.live
    deliveries = WebhookDelivery.objects.all()
    assert deliveries and {(d.status, d.attempts) for d in deliveries} == {
        (WebhookDelivery.PENDING, 0)
    }


def test_endpoints_only_get_the_events_and_locales_they_asked_for(
    db, en, django_capture_on_commit_callbacks
):
    endpoint("http://127.0.0.1:9/pages", events=["page.published"])
    english_only = endpoint("http://127.0.0.1:9/en", events=["snippet.published"])
    english_only.locales.add(en)
    with django_capture_on_commit_callbacks(execute=True):
        factories.organisation("Svensk kommun")  # snippet in sv: nobody wants it
        _net, index = factories.news_tree()

    assert set(WebhookDelivery.objects.values_list("event", flat=True)) == {"page.published"}


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/hook", "http://", "https:///path", "javascript:alert(1)", "example.org"],
)
def test_a_webhook_url_must_be_http_or_https_with_a_host(db, url):
    hook = WebhookEndpoint(name="Fel", url=url, events=["page.published"])
    with pytest.raises(ValidationError) as error:
        hook.full_clean()
    assert "url" in error.value.message_dict


def test_events_must_be_known_and_not_empty(db):
    for events in ([], ["page.exploded"]):
        hook = WebhookEndpoint(name="Fel", url="https://example.org/", events=events)
        with pytest.raises(ValidationError) as error:
            hook.full_clean()
        assert "events" in error.value.message_dict


def test_every_event_is_recorded_with_where_the_object_was(db, sv, en):
    from wagtail_localize.models import TranslationSource

    endpoint("http://127.0.0.1:9/all")
    index = NewsIndexPage.objects.get(locale=sv, live=True)
    page = NewsPage.objects.filter(locale=sv, live=True).first()
    english = page.get_translation(en)
    old_url = page.get_full_url()
    archive = NewsIndexPage(title="Arkiv", slug="arkiv", locale=sv)
    index.get_parent().add_child(instance=archive)

    page.move(archive, pos="last-child")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    page.refresh_from_db()
    page.delete()
    org = factories.organisation("Tillfällig kommun")
    org.unpublish()
    org.delete()  # already gone from the API: no second event
    live_org = factories.organisation("Nedlagd kommun")
    live_org.delete()

    events = {d.event: d.payload for d in WebhookDelivery.objects.order_by("pk")}
    moved = events["page.moved"]
    assert moved["previous_url"] == old_url
    assert moved["url"] == f"{archive.get_full_url()}{page.slug}/" != old_url
    assert [t["id"] for t in moved["translations"]] == [english.pk]
    assert events["translation.synced"]["id"] == page.pk
    deleted = events["page.deleted"]
    assert deleted["id"] == page.pk and deleted["type"] == "news"
    assert deleted["url"] == moved["url"]
    assert deleted["translations"][0]["locale"] == "en"
    assert events["snippet.unpublished"]["type"] == "organisation"
    assert events["snippet.deleted"]["title"] == "Nedlagd kommun"
    assert WebhookDelivery.objects.filter(event="snippet.deleted").count() == 1
    assert events["snippet.published"]["api_url"].endswith("/api/network/organisations/?locale=sv")


@override_settings(KOMMUNNATVERK=FAST_RETRIES)
def test_deliveries_left_by_a_queue_that_was_down_are_sent_by_the_command(
    db, receiver, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    url, received = receiver
    endpoint(url, events=["snippet.published"])
    with mock.patch("kommunnatverk.webhooks.tasks.send_webhooks") as task:
        task.using.side_effect = OSError("the queue is down")
        with django_capture_on_commit_callbacks(execute=True):
            org = factories.organisation("Kö nere kommun")  # published; queueing failed
    assert task.using.called
    assert not DBTaskResult.objects.exists()

    out = StringIO()
    with translation.override("en"):
        call_command("kommunnatverk_webhooks", "--send-due", stdout=out)
    run_worker_until(all_sent)

    assert "Pending: 1" in out.getvalue() and "Queued sending for 1" in out.getvalue()
    assert [e["id"] for e in received.events] == [org.pk]


@pytest.mark.parametrize("url", ["ftp://example.org/hook", "example.org/hook", "http://"])
def test_the_admin_form_says_in_swedish_why_a_webhook_url_is_refused(db, url):
    from kommunnatverk.webhooks.admin import WebhookEndpointForm

    with translation.override("sv"):
        form = WebhookEndpointForm(
            data={"name": "Fel", "url": url, "secret": "s", "events": ["page.published"]}
        )
        assert not form.is_valid()
        assert form.errors["url"] == ["Ange en adress som börjar med http:// eller https://."]
    assert not WebhookEndpoint.objects.exists()


def test_resending_from_the_admin_takes_the_right_to_manage_endpoints(db, client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    hook = endpoint("http://127.0.0.1:9/x", events=["page.published"])
    delivery = WebhookDelivery.objects.create(
        endpoint=hook, event="page.published", object_key="page:1", payload={}, status="failed"
    )
    viewer = get_user_model().objects.create_user("lasare", password="x")
    group = Group.objects.create(name="Webhook viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_webhookdelivery"),
    )
    viewer.groups.add(group)
    client.force_login(viewer)
    url = f"/admin/kommunnatverk_webhook_delivery/resend/{delivery.pk}/"

    refused = client.post(url)  # Wagtail answers a refusal with a redirect to the dashboard
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.FAILED
    group.permissions.add(Permission.objects.get(codename="change_webhookendpoint"))
    response = client.post(url)
    assert response["Location"].endswith(f"/inspect/{delivery.pk}/")
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.PENDING and delivery.attempts == 0
