"""Turn an event into one delivery row per subscribed endpoint, then queue their sending.

Rows are written inside the transaction of the change, so the event survives whatever
happens to the queue; sending is queued only once that transaction commits.
"""

import logging

from django.db import transaction

from ..models import WebhookDelivery, WebhookEndpoint
from .tasks import enqueue_sending

logger = logging.getLogger(__name__)


def subscribed(event: str, language_code: str) -> list[WebhookEndpoint]:
    # Events are few and endpoints fewer: filtering in Python keeps JSON lookups, which
    # SQLite lacks for lists, out of the query.
    endpoints = WebhookEndpoint.objects.filter(is_active=True).prefetch_related("locales")
    return [
        endpoint
        for endpoint in endpoints
        if event in endpoint.events
        and (
            not endpoint.locales.all()
            or language_code in {locale.language_code for locale in endpoint.locales.all()}
        )
    ]


def record(event: str, object_key: str, language_code: str, payload_for) -> int:
    """Store the event for every endpoint that wants it; ``payload_for()`` builds the body
    only when one does. Returns the number of deliveries queued."""
    endpoints = subscribed(event, language_code)
    if not endpoints:
        return 0
    payload = payload_for()
    deliveries = [
        WebhookDelivery(endpoint=endpoint, event=event, object_key=object_key)
        for endpoint in endpoints
    ]
    for delivery in deliveries:  # the id a receiver uses to skip repeats
        delivery.payload = {**payload, "delivery": str(delivery.uuid)}
    WebhookDelivery.objects.bulk_create(deliveries)
    queues = {(endpoint.pk, object_key) for endpoint in endpoints}
    transaction.on_commit(lambda: enqueue_queues(queues))
    return len(deliveries)


def enqueue_queues(queues) -> None:
    for endpoint_id, object_key in queues:
        enqueue_sending(endpoint_id, object_key)
