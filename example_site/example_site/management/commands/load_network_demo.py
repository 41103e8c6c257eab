from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from example_site.demo_loader import DemoLoader, background_work_done_now, serve_default_site_at


class Command(BaseCommand):
    help = (
        "Build the network's demo content in Swedish and translate it into English with "
        "wagtail-localize, with the Agenda 2030 goals in both languages and the search index "
        "up to date. Safe to run again: it only adds what is missing. With --hostname "
        "and --port, the default Site takes the address the demo is served at."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--hostname",
            help="The host name the demo is served at (make demo's HOST), such as 127.0.0.1.",
        )
        parser.add_argument(
            "--port", type=int, help="The port the demo is served at (make demo's PORT)."
        )

    def handle(self, *args, **options) -> None:
        if not Locale.objects.filter(language_code="sv").exists():
            raise CommandError("No 'sv' locale exists; run migrate first.")
        hostname, port = options["hostname"], options["port"]
        if (hostname is None) != (port is None):
            raise CommandError("Give --hostname and --port together.")
        with background_work_done_now():
            if hostname is not None:
                try:
                    changed = serve_default_site_at(hostname, port)
                except ValidationError as error:
                    message = f"The Site cannot be served at {hostname}:{port}: {error}"
                    raise CommandError(message) from error
                if changed and options["verbosity"]:
                    self.stdout.write(f"The default Site is now http://{hostname}:{port}")
            report = DemoLoader().run()
        if options["verbosity"]:
            self.stdout.write(f"Network demo: {report}")
