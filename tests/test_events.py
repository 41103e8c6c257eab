"""Meetings: tree rules, validation in the editor's language, synchronised facts and the
recurrence expanded in Swedish wall time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from kommunnatverk import recurrence
from kommunnatverk.content import registry
from kommunnatverk.models import (
    EventIndexPage,
    EventPage,
    GroupPage,
    NetworkPage,
    NewsIndexPage,
)

from . import factories

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=STOCKHOLM)


def field_errors(obj, language: str = "sv") -> dict[str, list[str]]:
    with translation.override(language):
        with pytest.raises(ValidationError) as excinfo:
            obj.clean()
        return {
            field: [str(m) for m in messages]
            for field, messages in excinfo.value.message_dict.items()
        }


def meeting(**kwargs) -> EventPage:
    values = {"title": "Möte", "slug": "mote", "start": at(2026, 10, 20, 9), "place_name": "Borås"}
    values.update(kwargs)
    return EventPage(**values)


# Tree and registry ---------------------------------------------------------------------


def test_events_index_goes_under_the_network_and_events_under_the_index():
    assert EventIndexPage in NetworkPage.allowed_subpage_models()
    assert EventIndexPage.allowed_parent_page_models() == [NetworkPage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventPage.allowed_subpage_models() == []
    assert not EventPage.can_exist_under(GroupPage())
    assert not EventPage.can_exist_under(NewsIndexPage())


@pytest.mark.django_db
def test_one_events_index_per_network():
    net, index = factories.event_tree()
    assert not EventIndexPage.can_create_at(net)
    assert EventPage.can_create_at(index)


def test_events_are_registered_content_types():
    assert registry.page_types()["event"] is EventPage
    assert registry.page_types()["event_index"] is EventIndexPage
    assert registry.type_name(EventPage) == "event"


def test_times_links_status_and_recurrence_are_synchronised_not_translated():
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    synced = {
        field.field_name
        for field in get_translatable_fields(EventPage)
        if isinstance(field, SynchronizedField)
    }
    assert {
        "start",
        "end",
        "all_day",
        "format",
        "online_url",
        "registration_url",
        "registration_deadline",
        "status",
        "recurrence",
        "excluded_dates",
        "cancelled_dates",
    } <= synced
    translated = {
        field.field_name
        for field in get_translatable_fields(EventPage)
        if not isinstance(field, SynchronizedField)
    }
    assert {"title", "intro", "body", "place_name", "address"} <= translated


# Validation ----------------------------------------------------------------------------


def test_end_must_come_after_the_start_in_swedish_and_english():
    event = meeting(end=at(2026, 10, 20, 8))
    assert field_errors(event, "sv")["end"] == ["Mötet måste sluta efter att det börjar."]
    assert field_errors(event, "en")["end"] == ["The meeting must end after it starts."]
    assert "end" in field_errors(meeting(end=at(2026, 10, 20, 9)))


def test_an_all_day_meeting_may_end_the_day_it_starts():
    meeting(all_day=True, start=at(2026, 10, 20), end=at(2026, 10, 20)).clean()
    event = meeting(all_day=True, start=at(2026, 10, 20), end=at(2026, 10, 19))
    assert field_errors(event)["end"] == [
        "Mötet måste sluta samma dag som det börjar eller senare."
    ]


def test_registration_deadline_must_be_before_the_start():
    event = meeting(registration_deadline=at(2026, 10, 20, 9))
    assert field_errors(event)["registration_deadline"] == [
        "Sista anmälningsdag måste vara före starten."
    ]
    meeting(registration_deadline=at(2026, 10, 13, 12)).clean()


@pytest.mark.parametrize("kind", ["digital", "hybrid"])
def test_digital_and_hybrid_meetings_need_an_online_link(kind):
    assert field_errors(meeting(format=kind))["online_url"] == [
        "Ett digitalt eller hybrid möte behöver en länk för att delta."
    ]
    meeting(format=kind, online_url="https://meet.example.se/abc").clean()


@pytest.mark.parametrize("kind", ["physical", "hybrid"])
def test_physical_and_hybrid_meetings_need_a_place(kind):
    event = meeting(format=kind, place_name="", online_url="https://meet.example.se/abc")
    assert field_errors(event)["place_name"] == [
        "Ett fysiskt eller hybrid möte behöver en plats eller en adress."
    ]


def test_a_digital_meeting_needs_no_place():
    meeting(format="digital", place_name="", online_url="https://meet.example.se/abc").clean()


@pytest.mark.parametrize(
    "rule",
    ["FREQ=HOURLY", "FREQ=SECONDLY;COUNT=3", "nonsense", "DTSTART:20260101\nRRULE:FREQ=DAILY"],
)
def test_unusable_rules_are_refused_on_the_field(rule):
    errors = field_errors(meeting(recurrence=rule))
    assert list(errors) == ["recurrence"]
    assert "RRULE" in errors["recurrence"][0]


def test_exception_dates_must_be_dates():
    errors = field_errors(meeting(recurrence="FREQ=WEEKLY", excluded_dates="2026-10-27\nsnart"))
    assert errors == {
        "excluded_dates": ["”snart” är inte ett datum; skriv datum som 2026-12-22, ett per rad."]
    }


# Recurrence ----------------------------------------------------------------------------


def test_a_weekly_meeting_stays_at_nine_across_the_october_dst_change():
    # Summer time ends on Sunday 25 October 2026 at 03:00.
    found = recurrence.occurrences(at(2026, 10, 13, 9), at(2026, 10, 13, 11), "FREQ=WEEKLY;COUNT=4")
    assert [o.start.strftime("%d %H:%M %Z") for o in found] == [
        "13 09:00 CEST",
        "20 09:00 CEST",
        "27 09:00 CET",
        "03 09:00 CET",
    ]
    assert [o.start.utcoffset().total_seconds() / 3600 for o in found] == [2, 2, 1, 1]
    assert all(o.end - o.start == datetime.timedelta(hours=2) for o in found)
    assert [o.end.hour for o in found] == [11, 11, 11, 11]


def test_excluded_dates_are_skipped_and_cancelled_ones_kept_marked():
    found = recurrence.occurrences(
        at(2026, 9, 8, 13),
        None,
        "FREQ=MONTHLY;BYDAY=2TU;COUNT=4",
        excluded=[datetime.date(2026, 10, 13)],
        cancelled=[datetime.date(2026, 11, 10)],
    )
    assert [(o.date.isoformat(), o.cancelled) for o in found] == [
        ("2026-09-08", False),
        ("2026-11-10", True),
        ("2026-12-08", False),
    ]


def test_an_endless_rule_is_expanded_only_to_the_bound():
    found = recurrence.occurrences(at(2026, 1, 1, 9), None, "FREQ=DAILY")
    assert len(found) == recurrence.MAX_OCCURRENCES
    weekly = recurrence.occurrences(at(2026, 1, 1, 9), None, "FREQ=MONTHLY")
    assert weekly[-1].start - weekly[0].start <= recurrence.HORIZON
    assert len(weekly) == 25  # two years of months and the first


def test_until_is_read_as_wall_time():
    found = recurrence.occurrences(at(2026, 10, 20, 9), None, "FREQ=WEEKLY;UNTIL=20261103T090000Z")
    assert [o.date.day for o in found] == [20, 27, 3]


def test_a_single_meeting_is_its_one_occurrence():
    found = recurrence.occurrences(at(2026, 10, 20, 9), at(2026, 10, 20, 10))
    assert len(found) == 1 and found[0].start == at(2026, 10, 20, 9)


def test_a_cancelled_meeting_has_every_occurrence_cancelled():
    event = meeting(recurrence="FREQ=WEEKLY;COUNT=3", status="cancelled")
    assert [o.cancelled for o in event.occurrences()] == [True, True, True]


@pytest.mark.django_db
def test_an_event_is_created_and_published_under_its_index():
    _, index = factories.event_tree()
    event = factories.event(index, "traff", start=at(2026, 10, 20, 9))
    assert Page.objects.get(pk=event.pk).specific.start == at(2026, 10, 20, 9)
    assert event.live
