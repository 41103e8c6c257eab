from django.core.management.base import BaseCommand
from django.db.models import Count

from ...models import WebhookDelivery
from ...webhooks import tasks


class Command(BaseCommand):
    help = (
        "Report webhook deliveries by status, and with --send-due queue every delivery "
        "whose time has come: after the task queue was down, or from a cron job."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--send-due",
            action="store_true",
            help="Queue sending for every object with a pending delivery that is due.",
        )

    def handle(self, *args, send_due: bool, **options) -> None:
        counts = dict(
            WebhookDelivery.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        for status, label in WebhookDelivery.STATUSES:
            self.stdout.write(f"{label}: {counts.get(status, 0)}")
        if send_due:
            queued = tasks.send_due()
            self.stdout.write(self.style.SUCCESS(f"Queued sending for {queued} object(s)."))
