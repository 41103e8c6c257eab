from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from example_site.demo_loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Build the network's demo content in Swedish and translate it into English with "
        "wagtail-localize. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options) -> None:
        if not Locale.objects.filter(language_code="sv").exists():
            raise CommandError("No 'sv' locale exists; run migrate first.")
        report = DemoLoader().run()
        if options["verbosity"]:
            self.stdout.write(f"Network demo: {report}")
