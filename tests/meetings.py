"""Meetings under the test network, for the tests of feeds, the API, pages and leaks."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from kommunnatverk.localisation import translate_with_strings

from . import factories
from .network import ENVIRONMENT_GROUP, NATURE_GROUP

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


ENGLISH = {
    "Möten": "Meetings",
    "Miljöstrategiträff": "Environmental strategy meeting",
    "Träff för gruppens medlemmar.": "A meeting for the group's members.",
    "Stadshuset": "City hall",
}


def build_meetings(network) -> dict:
    """An events index under the test network with a weekly series across the October
    change (one date skipped, one cancelled), a cancelled digital meeting, a draft and an
    upcoming hybrid meeting a week from now; the index and the series in English too.
    Run it where on-commit callbacks execute (the English pages publish on commit)."""
    index = factories.EventIndexPageFactory(parent=network.page, slug="moten", title="Möten")
    series = factories.event(
        index,
        "miljostrategitraff",
        title="Miljöstrategiträff",
        intro="Träff för gruppens medlemmar.",
        start=at(2026, 10, 13, 9),
        end=at(2026, 10, 13, 11),
        recurrence="FREQ=WEEKLY;COUNT=4",
        excluded_dates="2026-10-20",
        cancelled_dates="2026-11-03",
        group=network.groups[ENVIRONMENT_GROUP],
    )
    cancelled = factories.event(
        index,
        "naturvardstraff",
        title="Naturvårdsträff",
        start=at(2026, 11, 17, 13),
        end=at(2026, 11, 17, 15),
        status="cancelled",
        format="digital",
        place_name="",
        online_url="https://meet.example.se/natur",
        group=network.groups[NATURE_GROUP],
    )
    draft = factories.event(
        index, "utkast", title="Utkastmöte", start=at(2026, 12, 1, 9), publish=False
    )
    soon = timezone.localtime().replace(microsecond=0, second=0, minute=0) + timedelta(days=7)
    upcoming = factories.event(
        index,
        "kommande",
        title="Kommande träff",
        start=soon,
        end=soon + timedelta(hours=2),
        format="hybrid",
        online_url="https://meet.example.se/kommande",
        group=network.groups[NATURE_GROUP],
    )
    en = Locale.objects.get(language_code="en")
    translate_with_strings(index, en, ENGLISH)
    translate_with_strings(series, en, ENGLISH)
    return {
        "index": index,
        "series": series,
        "cancelled": cancelled,
        "draft": draft,
        "upcoming": upcoming,
    }
