"""The task that sends an object's webhook deliveries, through ``KOMMUNNATVERK["TASK_BACKEND"]``,
and everything that queues it: new events, retries, re-sends and ``--send-due``.

Queued task rows name ``kommunnatverk.webhooks.tasks.send_webhooks``: it keeps its path."""

import logging
from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task, task_backends

from .. import conf
from ..models import WebhookDelivery
from . import sending

logger = logging.getLogger(__name__)


@task()
def send_webhooks(endpoint_id: int, object_key: str) -> int:
    def run_again_when_the_claim_runs_out(until: datetime) -> None:
        # If this worker dies mid-attempt, this run finds the delivery free and sends it.
        if task_backends[conf.get("TASK_BACKEND")].supports_defer:
            enqueue_sending(endpoint_id, object_key, run_after=until + timedelta(seconds=1))

    sent, retry_at = sending.send_queue(endpoint_id, object_key, run_again_when_the_claim_runs_out)
    if retry_at is not None:
        enqueue_sending(endpoint_id, object_key, run_after=retry_at)
    return sent


def enqueue_sending(endpoint_id: int, object_key: str, run_after: datetime | None = None) -> None:
    """Queue sending; a queue that is down is logged, never raised into a publish. The
    rows stay pending, and ``kommunnatverk_webhooks --send-due`` picks them up."""
    alias = conf.get("TASK_BACKEND")
    try:
        options = {"backend": alias}
        if run_after is not None and task_backends[alias].supports_defer:
            options["run_after"] = run_after
        send_webhooks.using(**options).enqueue(endpoint_id, object_key)
    except Exception:
        logger.exception(
            "Could not queue webhook sending for %s to endpoint %s", object_key, endpoint_id
        )


def resend(delivery: WebhookDelivery) -> None:
    """Queue a delivered or failed delivery again, with a fresh set of attempts."""
    delivery.status = WebhookDelivery.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = timezone.now()
    delivery.locked_until = None
    delivery.save(update_fields=["status", "attempts", "next_attempt_at", "locked_until"])
    enqueue_sending(delivery.endpoint_id, delivery.object_key)


def send_due() -> int:
    """Queue every object with a due delivery: for a queue that was down, or a cron."""
    due = (
        WebhookDelivery.objects.filter(
            status=WebhookDelivery.PENDING, next_attempt_at__lte=timezone.now()
        )
        .values_list("endpoint_id", "object_key")
        .distinct()
    )
    queues = list(due)
    for endpoint_id, object_key in queues:
        enqueue_sending(endpoint_id, object_key)
    return len(queues)
