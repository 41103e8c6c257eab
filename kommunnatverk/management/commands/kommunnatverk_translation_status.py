import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Locale

from ... import conf
from ...localisation.status import Item, LocaleStatus, UnknownLocale, compute

# Exit statuses: 1 under --strict when something needs a translator, 2 for bad arguments,
# so a CI job can tell unfinished translations from a mistyped command.
STRICT_FAILURE = 1
BAD_ARGUMENTS = 2


class Command(BaseCommand):
    help = (
        "Report how far each locale's translations are behind the source locale: per "
        "locale, the share up to date and the pages and snippets outdated or missing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--locale",
            action="append",
            metavar="LANGUAGE_CODE",
            help="Report only this target locale; repeat for more (default: every locale "
            "but the source locale).",
        )
        parser.add_argument(
            "--format",
            choices=["table", "json"],
            default="table",
            help="table (default) for people, json for scripts.",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with status 1 when anything is outdated or missing.",
        )

    def handle(self, *args, locale: list[str] | None, format: str, strict: bool, **options):  # noqa: A002
        try:
            status = compute(locale)
        except UnknownLocale as error:
            raise CommandError(
                f"No target locale {', '.join(repr(code) for code in error.codes)}; "
                f"choose from: {', '.join(_target_codes()) or '(none)'}.",
                returncode=BAD_ARGUMENTS,
            ) from error
        except Locale.DoesNotExist as error:
            raise CommandError(str(error), returncode=BAD_ARGUMENTS) from error

        if format == "json":
            data = status.as_json(base_url=_base_url())
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            base_url = _base_url()
            self.stdout.write(_("Source locale: %(code)s") % {"code": _code(status.source_locale)})
            for locale_status in status.locales:
                self._table(locale_status, base_url)

        if strict and not status.complete:
            pending = sum(len(s.outdated) + len(s.missing) for s in status.locales)
            raise CommandError(
                f"{pending} translation(s) outdated or missing.", returncode=STRICT_FAILURE
            )

    def _table(self, status: LocaleStatus, base_url: str) -> None:
        self.stdout.write("")
        self.stdout.write(
            _(
                "%(locale)s: %(percent)s %% up to date (%(up_to_date)d of %(total)d); "
                "outdated: %(outdated)d; missing: %(missing)d"
            )
            % {
                "locale": _code(status.locale),
                "percent": number_format(status.percent, 1),
                "up_to_date": status.up_to_date,
                "total": status.total,
                "outdated": len(status.outdated),
                "missing": len(status.missing),
            }
        )
        for entry in [*status.outdated, *status.missing]:
            self.stdout.write("  " + _row(entry, base_url))


def _base_url() -> str:
    """``WAGTAILADMIN_BASE_URL``, so the admin links work outside the admin."""
    return (get_admin_base_url() or "").rstrip("/")


def _code(locale: Locale) -> str:
    return f"{locale.language_code} ({locale.get_display_name()})"


def _row(entry: Item, base_url: str) -> str:
    columns = (entry.state.label, entry.type_label, entry.title, base_url + entry.action_url)
    return "\t".join(str(column) for column in columns)


def _target_codes() -> list[str]:
    return list(
        Locale.objects.exclude(language_code=conf.get("SOURCE_LOCALE"))
        .order_by("language_code")
        .values_list("language_code", flat=True)
    )
