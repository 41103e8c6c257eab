"""CDN purges as durable rows, sent by a task and retried like webhooks.

A change writes one ``PendingPurge`` per configured backend inside its own transaction,
and queues the sending once that commits: purging before the commit would let the CDN
fetch, and keep, the old content again. A CDN that fails is tried again later, with the
delay doubled each time, until ``PURGE_MAX_ATTEMPTS``; a queue that is down leaves the
rows for ``kommunnatverk_purges --send-due``. Publishing never waits for a CDN.

Key backends (``frontend_cache``) get the change's surrogate keys; any other of
Wagtail's backends gets the URLs.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task, task_backends

from .. import conf, frontend_cache
from ..models import PendingPurge

logger = logging.getLogger(__name__)

# How long a worker holds a purge it is sending; one that dies frees it after this.
CLAIM = timedelta(seconds=60)
MAX_DELAY = timedelta(hours=6)


def queue(keys: set[str], urls: set[str]) -> list[PendingPurge]:
    """One row per backend: keys where the backend takes them, else URLs."""
    rows = []
    for name, backend in frontend_cache.backends().items():
        if frontend_cache.key_backend(backend):
            if keys:
                rows.append(PendingPurge(backend=name, keys=sorted(keys)))
        elif urls:
            rows.append(PendingPurge(backend=name, urls=sorted(urls)))
    if rows:
        PendingPurge.objects.bulk_create(rows)
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: [enqueue(pk) for pk in ids])
    return rows


def enqueue(purge_id: int, run_after=None) -> None:
    """Queue sending; a queue that is down is logged, never raised into a publish."""
    alias = conf.get("TASK_BACKEND")
    try:
        options = {"backend": alias}
        if run_after is not None and task_backends[alias].supports_defer:
            options["run_after"] = run_after
        send_purge.using(**options).enqueue(purge_id)
    except Exception:
        logger.exception("Could not queue CDN purge %s", purge_id)


def _claim(purge_id: int) -> PendingPurge | None:
    now = timezone.now()
    claimed = (
        PendingPurge.objects.filter(
            pk=purge_id, status=PendingPurge.PENDING, next_attempt_at__lte=now
        )
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .update(locked_until=now + CLAIM, attempts=F("attempts") + 1)
    )
    return PendingPurge.objects.filter(pk=purge_id).first() if claimed else None


def send(purge_id: int) -> bool:
    """Send one purge; True once the CDN confirmed it (the row is then deleted)."""
    purge = _claim(purge_id)
    if purge is None:
        return False  # sent already, not due yet, or another worker has it
    backend = frontend_cache.backends().get(purge.backend)
    try:
        if backend is None:
            raise frontend_cache.PurgeFailed(f"no backend {purge.backend!r} is configured")
        if purge.keys:
            backend.purge_keys(purge.keys)
        if purge.urls:
            backend.purge_batch(purge.urls)
    except Exception as error:  # any failure of the CDN's client is retried
        _failed(purge, error)
        return False
    purge.delete()
    return True


def _failed(purge: PendingPurge, error: Exception) -> None:
    purge.last_error = str(error)[:2000]
    purge.locked_until = None
    if purge.attempts >= conf.get("PURGE_MAX_ATTEMPTS"):
        purge.status = PendingPurge.FAILED
        logger.error("CDN purge %s failed %s times, giving up: %s", purge.pk, purge.attempts, error)
    else:
        delay = timedelta(seconds=conf.get("PURGE_RETRY_DELAY") * 2 ** (purge.attempts - 1))
        purge.next_attempt_at = timezone.now() + min(delay, MAX_DELAY)
        logger.warning(
            "CDN purge %s failed, retrying at %s: %s", purge.pk, purge.next_attempt_at, error
        )
    purge.save(update_fields=["last_error", "locked_until", "status", "next_attempt_at"])
    if purge.status == PendingPurge.PENDING:
        enqueue(purge.pk, run_after=purge.next_attempt_at)


@task()
def send_purge(purge_id: int) -> bool:
    return send(purge_id)


def send_due() -> int:
    """Queue every purge that is due: after a queue outage, or from a cron."""
    due = list(
        PendingPurge.objects.filter(
            status=PendingPurge.PENDING, next_attempt_at__lte=timezone.now()
        ).values_list("pk", flat=True)
    )
    for pk in due:
        enqueue(pk)
    return len(due)


def retry_failed() -> int:
    """Give the purges that used up their attempts a fresh set, and queue them."""
    failed = PendingPurge.objects.filter(status=PendingPurge.FAILED)
    count = failed.update(status=PendingPurge.PENDING, attempts=0, next_attempt_at=timezone.now())
    send_due()
    return count
