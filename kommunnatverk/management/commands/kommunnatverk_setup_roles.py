from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from ... import conf
from ...roles.setup import (
    EDITOR,
    TRANSLATION_LOCALE,
    TRANSLATOR,
    RoleReport,
    RoleSetupError,
    apply_role,
    name_default_workflow,
)


class Command(BaseCommand):
    help = (
        "Create the groups 'Redaktör' (edits and publishes the Swedish content) and "
        "'Översättare (engelska)' (translates into English), with their permissions. Safe "
        "to run again: it only adds what is missing and never removes a permission. "
        "Wagtail's default workflow 'Moderators approval' and its task get Swedish names."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be created, and change nothing.",
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        source_code = conf.get("SOURCE_LOCALE")
        source = Locale.objects.filter(language_code=source_code).first()
        if source is None:
            raise CommandError(
                f"No locale '{source_code}' exists; run migrate, or add it under "
                "Settings → Locales."
            )
        target = Locale.objects.filter(language_code=TRANSLATION_LOCALE).first()
        reports: list[RoleReport] = []
        try:
            with transaction.atomic():
                reports.append(apply_role(EDITOR, source))
                if target is not None:
                    reports.append(apply_role(TRANSLATOR, target))
                renamed = name_default_workflow()
                if dry_run:
                    transaction.set_rollback(True)
        except RoleSetupError as error:
            raise CommandError(str(error)) from error

        verbosity = options["verbosity"]
        for report in reports:
            self._write(report, verbosity)
        if verbosity:
            for line in renamed:
                self.stdout.write(f"Renamed {line}")
        if target is None:
            # Without the locale the group could not be limited to English, and a
            # translator group without a language would be allowed to edit every language.
            self.stderr.write(
                f"No '{TRANSLATION_LOCALE}' locale exists, so the group "
                f"'{TRANSLATOR.group_name}' was not created. Add English under "
                "Settings → Locales and run this command again."
            )
        if dry_run and verbosity:
            self.stdout.write("Dry run: nothing was saved.")

    def _write(self, report: RoleReport, verbosity: int) -> None:
        if not verbosity:
            return
        state = "created" if report.group_created else "exists"
        self.stdout.write(f"Group '{report.group}' ({state}):")
        lines = [f"permissions: {report.permissions}"]
        code = report.locale.language_code
        if not report.pages:
            lines.append(
                f"pages in '{code}': no pages in this language yet; run the command "
                "again once the tree exists"
            )
        for page, change in report.pages.items():
            lines.append(f"pages in '{code}' under '{page.title}' (id {page.pk}): {change}")
        lines.append(f"root collection (images, documents): {report.collection}")
        lines.append(f"languages for snippets ('{code}'): {report.language}")
        for line in lines:
            self.stdout.write(f"  {line}")
        if verbosity > 1:
            parts = [report.permissions, report.collection, *report.pages.values()]
            for name in (name for part in parts for name in part.added):
                self.stdout.write(f"    + {name}")
        if not report.changed:
            self.stdout.write("  nothing to change")
