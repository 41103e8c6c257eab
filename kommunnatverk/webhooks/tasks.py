"""The task that sends an object's webhook deliveries, through ``KOMMUNNATVERK["TASK_BACKEND"]``."""

import logging
from datetime import datetime

from django_tasks import task, task_backends

from .. import conf
from . import sending

logger = logging.getLogger(__name__)


@task()
def send_webhooks(endpoint_id: int, object_key: str) -> int:
    return sending.send_queue(endpoint_id, object_key)


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
