"""No SSRF through webhooks: nothing is sent to this server or an internal network.

The attack, as it was made: endpoints at 127.0.0.1, [::1], localhost, 0.0.0.0 and
169.254.169.254 were accepted and POSTed to, and the attempt log (status codes,
connection errors naming ports) worked as a port scanner.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from kommunnatverk.models import WebhookDelivery, WebhookEndpoint
from kommunnatverk.models.webhooks import EVENT_NAMES
from kommunnatverk.webhooks import sending
from kommunnatverk.webhooks.admin import WebhookEndpointForm

pytestmark = pytest.mark.django_db

INTERNAL = [
    "http://127.0.0.1:8000/hook",
    "http://[::1]:8000/hook",
    "http://localhost/hook",
    "http://0.0.0.0:22/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5/hook",
    "http://192.168.1.1/hook",
    "http://[::ffff:127.0.0.1]/hook",
]
NOTHING_ALLOWED = {"TASK_BACKEND": "durable", "WEBHOOK_ALLOWED_HOSTS": []}


@pytest.mark.parametrize("url", INTERNAL)
@override_settings(KOMMUNNATVERK=NOTHING_ALLOWED)
def test_internal_addresses_are_refused_when_an_endpoint_is_saved(url):
    hook = WebhookEndpoint(name="Intern", url=url, events=["page.published"])
    with pytest.raises(ValidationError) as error:
        hook.full_clean()
    assert "url" in error.value.message_dict


@override_settings(KOMMUNNATVERK=NOTHING_ALLOWED)
def test_the_admin_form_says_in_swedish_why():
    with translation.override("sv"):
        form = WebhookEndpointForm(
            data={"name": "Intern", "url": INTERNAL[0], "events": ["page.published"]}
        )
        assert not form.is_valid()
        assert "interna adresser" in " ".join(form.errors["url"])


@override_settings(KOMMUNNATVERK={**NOTHING_ALLOWED, "WEBHOOK_ALLOWED_HOSTS": ["127.0.0.1"]})
def test_a_listed_host_is_allowed_for_development():
    WebhookEndpoint(name="Lokal", url=INTERNAL[0], events=["page.published"]).full_clean()


@pytest.fixture
def listener():
    """A server on loopback that counts what reaches it."""
    reached = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            reached.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port, reached
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
@override_settings(KOMMUNNATVERK=NOTHING_ALLOWED)
def test_a_row_that_skipped_validation_is_refused_at_send_time_and_logs_no_port(listener, host):
    """Checked again after DNS, when sending: a row written past the form (or a name
    pointed at the server later) reaches nothing, and the log tells nothing of the port."""
    port, reached = listener
    endpoint = WebhookEndpoint.objects.create(
        name="Intern", url=f"http://{host}:{port}/hook", events=EVENT_NAMES
    )
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="page.published", object_key="page:1", payload={"id": 1}
    )
    sent, retry_at = sending.send_queue(endpoint.pk, "page:1")
    assert (sent, reached) == (0, [])
    attempt = delivery.attempt_log.get()
    assert attempt.status_code is None and "Refused" in attempt.error
    assert str(port) not in attempt.error and attempt.response_excerpt == ""
    assert retry_at is not None  # retried like any failure, never dropped


@override_settings(KOMMUNNATVERK={**NOTHING_ALLOWED, "WEBHOOK_ALLOWED_HOSTS": ["127.0.0.1"]})
def test_a_listed_host_is_sent_to(listener):
    port, reached = listener
    endpoint = WebhookEndpoint.objects.create(
        name="Lokal", url=f"http://127.0.0.1:{port}/hook", events=EVENT_NAMES
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint, event="page.published", object_key="page:1", payload={"id": 1}
    )
    assert sending.send_queue(endpoint.pk, "page:1") == (1, None)
    assert reached == ["/hook"]
