from django.core.management.base import BaseCommand
from django.db.models import Count

from ...changes import purge_queue
from ...models import PendingPurge


class Command(BaseCommand):
    help = (
        "Report CDN purges waiting to be sent, by status; --send-due queues those whose "
        "time has come (after the task queue was down, or from a cron job), and "
        "--retry-failed gives those that used up their attempts another set."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--send-due", action="store_true", help="Queue every pending purge that is due."
        )
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Give every failed purge a fresh set of attempts, and queue it.",
        )

    def handle(self, *args, send_due: bool, retry_failed: bool, **options) -> None:
        counts = dict(PendingPurge.objects.values_list("status").annotate(n=Count("pk")).order_by())
        for status, label in PendingPurge.STATUSES:
            self.stdout.write(f"{label}: {counts.get(status, 0)}")
        if retry_failed:
            retried = purge_queue.retry_failed()
            self.stdout.write(self.style.SUCCESS(f"Retrying {retried} failed purge(s)."))
        elif send_due:
            queued = purge_queue.send_due()
            self.stdout.write(self.style.SUCCESS(f"Queued {queued} purge(s)."))
