from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from ... import conf
from ...localisation.agenda2030 import load_agenda2030


class Command(BaseCommand):
    help = (
        "Create the Agenda 2030 goal framework and its 17 goals, with their English "
        "translations where an English locale exists. Safe to run again: it only adds "
        "what is missing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--translate-to",
            default="en",
            metavar="LANGUAGE_CODE",
            help="Locale to translate the goals into, if it exists (default: en). "
            "Use 'none' to skip translation.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be created, and change nothing.",
        )

    def handle(self, *args, translate_to: str, dry_run: bool, **options) -> None:
        source_code = conf.get("SOURCE_LOCALE")
        source = Locale.objects.filter(language_code=source_code).first()
        if source is None:
            raise CommandError(
                f"No locale '{source_code}' exists; run migrate, or add it under "
                "Settings → Locales."
            )
        target = None
        if translate_to.lower() != "none":
            if translate_to == source_code:
                raise CommandError(f"--translate-to cannot be the source locale '{source_code}'.")
            target = Locale.objects.filter(language_code=translate_to).first()
            if target is None and translate_to != "en":
                raise CommandError(f"No locale '{translate_to}' exists.")
            if target is None:
                if options["verbosity"]:
                    self.stdout.write(
                        "No English locale yet: loading the Swedish goals only. Run this "
                        "command again after adding the English locale to translate them."
                    )
        with transaction.atomic():
            report = load_agenda2030(source, target)
            if dry_run:
                transaction.set_rollback(True)
        if options["verbosity"]:
            prefix = "Agenda 2030 (dry run, nothing saved)" if dry_run else "Agenda 2030"
            self.stdout.write(f"{prefix}: {report}")
