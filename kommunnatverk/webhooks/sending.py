"""Send an object's pending deliveries to one endpoint, oldest first, and log each attempt.

Sending only: ``tasks`` queues it, and queues the retry this module schedules.

One object's events reach a receiver in the order they happened: a later delivery waits
while an earlier one is being retried. A delivery that used up its attempts is marked
failed (it can be re-sent from the admin) and no longer holds the others back.
"""

import json
import socket
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import requests
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from django.utils import timezone

from .. import __version__, conf
from ..models import WebhookAttempt, WebhookDelivery
from ..validators import internal_address
from .signing import SIGNATURE_HEADER, signature

MAX_DELAY = timedelta(days=1)
EXCERPT = 1000
INTERRUPTED = "Interrupted: the worker stopped before the receiver answered."


def send_queue(
    endpoint_id: int, object_key: str, on_claim: Callable[[datetime], None] | None = None
) -> tuple[int, datetime | None]:
    """Send what is due, in order, until one fails and waits for its retry. Returns the
    number delivered, and when the failed one is due again (None: nothing failed).

    ``on_claim(until)`` is called before each attempt with the time the claim runs out:
    the task queues a run for then, so a worker that dies mid-attempt leaves nothing
    stuck (the next run claims the delivery again, as its next attempt)."""
    sent = 0
    while True:
        head = (
            WebhookDelivery.objects.filter(
                endpoint_id=endpoint_id, object_key=object_key, status=WebhookDelivery.PENDING
            )
            .select_related("endpoint")
            .order_by("created_at", "pk")
            .first()
        )
        if head is None or not head.endpoint.is_active:
            return sent, None
        now = timezone.now()
        until = _claim(head, now) if head.next_attempt_at <= now else None
        if until is None:
            return sent, None  # a retry is scheduled, or another worker is sending it
        if on_claim is not None:
            on_claim(until)
        attempt(head)
        if head.status == WebhookDelivery.PENDING:
            # Failed: it is retried then, and holds the later ones back until it succeeds.
            return sent, head.next_attempt_at
        sent += head.status == WebhookDelivery.DELIVERED


def claim_period() -> timedelta:
    """How long one attempt may hold a delivery: the request's connect and read timeouts,
    with a margin. A worker that dies mid-attempt loses its hold after this."""
    return timedelta(seconds=2 * conf.get("WEBHOOK_TIMEOUT") + 5)


def _claim(delivery: WebhookDelivery, now: datetime) -> datetime | None:
    """Hold the delivery for one attempt and count that attempt, in one UPDATE; None when
    another worker holds it. Counted before sending, so an attempt a crash cut short still
    counts, and the next one carries the next number."""
    until = now + claim_period()
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery.pk, status=WebhookDelivery.PENDING)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .update(locked_until=until, attempts=F("attempts") + 1)
    )
    if not claimed:
        return None
    delivery.locked_until = until
    delivery.attempts += 1
    return until


def refused_destination(url: str) -> str | None:
    """Why ``url`` must not be sent to, or None: its host resolves to an internal address
    and ``WEBHOOK_ALLOWED_HOSTS`` does not list it. Every address the name resolves to is
    checked, now, at send time: a public name can be pointed at the server later. The
    reason names no address or port, so the attempt log maps nothing."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host in conf.get("WEBHOOK_ALLOWED_HOSTS"):
        return None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None  # requests reports the failure to resolve
    if any(internal_address(info[4][0]) for info in found):
        return (
            "Refused: the receiver's host is this server or an internal address. "
            "List it in KOMMUNNATVERK['WEBHOOK_ALLOWED_HOSTS'] only for development."
        )
    return None


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def attempt(delivery: WebhookDelivery) -> bool:
    """POST the delivery once, log the attempt, and set the time of its retry when it
    failed (``next_attempt_at``)."""
    endpoint = delivery.endpoint
    started_at = timezone.now()
    # Logged before sending: if the worker dies here, the log says so, and the next
    # attempt carries the next number.
    logged = WebhookAttempt.objects.create(
        delivery=delivery,
        number=delivery.attempt_log.count() + 1,
        started_at=started_at,
        duration_ms=0,
        error=INTERRUPTED,
    )
    number = logged.number
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"kommunnatverk/{__version__}",
        "X-Kommunnatverk-Event": delivery.event,
        "X-Kommunnatverk-Delivery": str(delivery.uuid),
        "X-Kommunnatverk-Attempt": str(number),
        SIGNATURE_HEADER: signature(endpoint.secret, int(time.time()), body),
    }
    clock = time.monotonic()
    status_code, error, excerpt = None, "", ""
    refused = refused_destination(endpoint.url)
    try:
        if refused:
            raise requests.RequestException(refused)
        response = requests.post(
            endpoint.url,
            data=body,
            headers=headers,
            timeout=conf.get("WEBHOOK_TIMEOUT"),
            allow_redirects=False,
        )
        status_code, excerpt = response.status_code, response.text[:EXCERPT]
        if not 200 <= status_code < 300:
            error = f"The receiver answered HTTP {status_code}."
    except requests.RequestException as exc:
        error = refused or f"{type(exc).__name__}: {exc}"[:EXCERPT]
    logged.duration_ms = round((time.monotonic() - clock) * 1000)
    logged.status_code, logged.error, logged.response_excerpt = status_code, error, excerpt
    logged.save(update_fields=["duration_ms", "status_code", "error", "response_excerpt"])

    delivery.locked_until = None
    succeeded = not error
    if succeeded:
        delivery.status, delivery.delivered_at = WebhookDelivery.DELIVERED, timezone.now()
    elif delivery.attempts >= conf.get("WEBHOOK_MAX_ATTEMPTS"):
        delivery.status = WebhookDelivery.FAILED
    else:
        delay = timedelta(seconds=conf.get("WEBHOOK_RETRY_DELAY") * 2 ** (delivery.attempts - 1))
        delivery.next_attempt_at = timezone.now() + min(delay, MAX_DELAY)
    delivery.save(
        update_fields=["attempts", "locked_until", "status", "delivered_at", "next_attempt_at"]
    )
    return succeeded
