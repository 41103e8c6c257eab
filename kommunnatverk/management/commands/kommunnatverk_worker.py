"""``db_worker`` that outlives the database: run it in its place, with the same options.

django-tasks-db's worker exits at the first error from a database that is down or
restarting, and tasks pile up until something starts it again. This one waits, with a
growing pause, and goes on where it stopped when the database answers again. A task an
outage cut short (its row is left ``RUNNING``) is queued again and runs from the start,
so tasks must be safe to run twice; the package's and Wagtail's are.
"""

import logging
import os
import random
import time

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.compat import TASKS_LOGGER, TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("kommunnatverk.worker")

# What a database that is down, restarting or unreachable raises (as in api.errors).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
FIRST_PAUSE = 1.0
LONGEST_PAUSE = 30.0
# A worker that ran this long since its last error starts its pauses afresh.
HEALTHY_AFTER = 60.0


class Worker(db_worker.Worker):
    """Remembers the task it runs: an outage while it runs leaves its row ``RUNNING``."""

    cut_short: DBTaskResult | None = None

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.cut_short = db_task_result
        # Returns unless even recording the task's end failed: the database is gone.
        super().run_task(db_task_result)
        self.cut_short = None


def queue_again(task: DBTaskResult) -> None:
    """Back to ``READY``, if it is still the ``RUNNING`` row this worker left."""
    DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


def forget_connections() -> None:
    """Close every connection, so the next query connects afresh."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DATABASE_UNAVAILABLE as error:
            logger.debug("Closing a broken connection: %s", error)


def run_through_outages(worker: Worker) -> None:
    """``worker.run()`` again after each database error, until it returns or a signal
    stops it (its handler exits even during a pause)."""
    pause = FIRST_PAUSE
    while worker.running:
        started = time.monotonic()
        try:
            if worker.cut_short is not None:
                queue_again(worker.cut_short)
                logger.warning("Queued task %s again: an outage cut it short", worker.cut_short.pk)
                worker.cut_short = None
            worker.run()
            return
        except DATABASE_UNAVAILABLE as error:
            if time.monotonic() - started > HEALTHY_AFTER:
                pause = FIRST_PAUSE
            # Jitter: several workers do not all come back in the same instant.
            wait = pause * random.uniform(0.8, 1.2)  # noqa: S311 - not for security
            logger.warning("Database unavailable (%s); trying again in %.1f s", error, wait)
            forget_connections()
            time.sleep(wait)
            pause = min(pause * 2, LONGEST_PAUSE)


class Command(db_worker.Command):
    help = (
        "Run the database task worker (django-tasks-db's db_worker, same options) so that "
        "it waits out a database outage instead of exiting."
    )

    def configure_logging(self, verbosity: int) -> None:
        """One line per task only from ``-v 2`` on: at the default verbosity, a worker
        beside ``runserver`` printed a "Task id=… state=…" line for each of the hundreds
        of tasks a demo load queues. Failed tasks (logged as errors), the worker's start
        and stop and its outage warnings show at every verbosity but 0."""
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
        logger.setLevel(logging.CRITICAL if verbosity == 0 else logging.INFO)
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stderr))

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be given together: not reloading.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the reloader's child
            run_with_reloader(run_through_outages, worker)
        else:
            worker.configure_signals()
            run_through_outages(worker)
