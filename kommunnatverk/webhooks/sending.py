"""Send an object's pending deliveries to one endpoint, oldest first, and log each attempt.

Sending only: ``tasks`` queues it, and queues the retry this module schedules.

One object's events reach a receiver in the order they happened: a later delivery waits
while an earlier one is being retried. A delivery that used up its attempts is marked
failed (it can be re-sent from the admin) and no longer holds the others back.
"""

import json
import socket
import time
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import requests
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone

from .. import __version__, conf
from ..models import WebhookAttempt, WebhookDelivery
from ..validators import internal_address
from .signing import SIGNATURE_HEADER, signature

MAX_DELAY = timedelta(days=1)
EXCERPT = 1000


def send_queue(endpoint_id: int, object_key: str) -> tuple[int, datetime | None]:
    """Send what is due, in order, until one fails and waits for its retry. Returns the
    number delivered, and when the failed one is due again (None: nothing failed)."""
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
        if head.next_attempt_at > now or not _claim(head, now):
            return sent, None  # a retry is scheduled, or another worker is sending it
        attempt(head)
        if head.status == WebhookDelivery.PENDING:
            # Failed: it is retried then, and holds the later ones back until it succeeds.
            return sent, head.next_attempt_at
        sent += head.status == WebhookDelivery.DELIVERED


def _claim(delivery: WebhookDelivery, now) -> bool:
    hold = now + timedelta(seconds=2 * conf.get("WEBHOOK_TIMEOUT") + 30)
    return bool(
        WebhookDelivery.objects.filter(pk=delivery.pk, status=WebhookDelivery.PENDING)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .update(locked_until=hold)
    )


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
    number = delivery.attempt_log.count() + 1
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"kommunnatverk/{__version__}",
        "X-Kommunnatverk-Event": delivery.event,
        "X-Kommunnatverk-Delivery": str(delivery.uuid),
        "X-Kommunnatverk-Attempt": str(number),
        SIGNATURE_HEADER: signature(endpoint.secret, int(time.time()), body),
    }
    started_at = timezone.now()
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
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=started_at,
        duration_ms=round((time.monotonic() - clock) * 1000),
        status_code=status_code,
        error=error,
        response_excerpt=excerpt,
    )

    delivery.attempts += 1
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
