"""iCalendar feeds (RFC 5545) of the meetings, read back with the icalendar library as a
calendar client reads them: per site, network, group, language and meeting."""

import datetime

import pytest
from icalendar import Calendar

from kommunnatverk.models import EventIndexPage, EventPage

from . import factories
from .meetings import STOCKHOLM, at, build_meetings
from .network import ENVIRONMENT_GROUP

pytestmark = pytest.mark.django_db

REQUIRED_CALENDAR = ("VERSION", "PRODID")
REQUIRED_EVENT = ("UID", "DTSTAMP", "DTSTART")


@pytest.fixture
def meetings(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_meetings(network)


def calendar(client, path: str) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = Calendar.from_ical(response.content)
    for name in REQUIRED_CALENDAR:
        assert parsed.get(name), name
    assert str(parsed["VERSION"]) == "2.0"
    for event in parsed.walk("VEVENT"):
        for name in REQUIRED_EVENT:
            assert event.get(name) is not None, (name, event)
    return parsed


def by_summary(parsed: Calendar) -> dict[str, list]:
    found: dict[str, list] = {}
    for event in parsed.walk("VEVENT"):
        found.setdefault(str(event["SUMMARY"]), []).append(event)
    return found


def test_site_feed_has_the_public_swedish_meetings_only(client, meetings):
    events = by_summary(calendar(client, "/feeds/events.ics"))
    assert set(events) == {"Miljöstrategiträff", "Naturvårdsträff", "Kommande träff"}
    assert "Utkastmöte" not in events  # a draft is not public
    english = by_summary(calendar(client, "/en/feeds/events.ics"))
    assert set(english) == {"Environmental strategy meeting"}


def test_the_series_has_its_rule_exdate_and_a_cancelled_occurrence(client, meetings):
    series = by_summary(calendar(client, "/feeds/events.ics"))["Miljöstrategiträff"]
    main = next(e for e in series if "RECURRENCE-ID" not in e)
    assert main["RRULE"]["FREQ"] == ["WEEKLY"] and main["RRULE"]["COUNT"] == [4]
    assert main["DTSTART"].dt == at(2026, 10, 13, 9)
    assert main["DTSTART"].params["TZID"] == "Europe/Stockholm"
    exdates = [d.dt for d in main["EXDATE"].dts]
    assert exdates == [at(2026, 10, 20, 9)]
    assert str(main["STATUS"]) == "CONFIRMED"
    (cancelled,) = [e for e in series if "RECURRENCE-ID" in e]
    assert cancelled["RECURRENCE-ID"].dt == at(2026, 11, 3, 9)
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["UID"]) == str(main["UID"])
    # Across the October change the meeting keeps its wall time: 09:00 CET = 08:00 UTC.
    assert cancelled["DTSTART"].dt.astimezone(datetime.UTC).hour == 8
    assert main["DTSTART"].dt.astimezone(datetime.UTC).hour == 7


def test_the_feed_carries_the_stockholm_vtimezone(client, meetings):
    parsed = calendar(client, "/feeds/events.ics")
    (zone,) = parsed.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_a_client_expands_the_series_at_nine_across_the_dst_change(client, meetings):
    from dateutil.rrule import rrulestr

    main = next(
        e
        for e in by_summary(calendar(client, "/feeds/events.ics"))["Miljöstrategiträff"]
        if "RECURRENCE-ID" not in e
    )
    start = main["DTSTART"].dt
    rule = rrulestr(main["RRULE"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
    wall = [moment.replace(tzinfo=STOCKHOLM) for moment in rule]
    assert [m.hour for m in wall] == [9, 9, 9, 9]
    assert [m.utcoffset() for m in wall][1:3] == [
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
    ]


def test_a_cancelled_meeting_is_status_cancelled(client, meetings):
    (event,) = by_summary(calendar(client, "/feeds/events.ics"))["Naturvårdsträff"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["LOCATION"]) == "https://meet.example.se/natur"


def test_uid_is_stable_and_sequence_rises_on_every_change(client, meetings):
    path = f"/feeds/events/{meetings['series'].pk}.ics"
    (before,) = [e for e in calendar(client, path).walk("VEVENT") if "RECURRENCE-ID" not in e]
    page = EventPage.objects.get(pk=meetings["series"].pk)
    page.title = "Miljöstrategiträff, ny lokal"
    page.slug = "ny-lokal"
    page.save_revision().publish()
    (after,) = [e for e in calendar(client, path).walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after["DTSTAMP"].dt >= before["DTSTAMP"].dt
    page.cancelled_dates = "2026-11-03\n2026-11-10"
    page.save_revision().publish()
    (again,) = [e for e in calendar(client, path).walk("VEVENT") if "RECURRENCE-ID" not in e]
    assert int(again["SEQUENCE"]) > int(after["SEQUENCE"])


def test_swedish_and_english_entries_have_their_own_uids(client, meetings):
    sv = calendar(client, f"/feeds/events/{meetings['series'].pk}.ics").walk("VEVENT")[0]
    en = calendar(client, f"/en/feeds/events/{meetings['series'].pk}.ics").walk("VEVENT")[0]
    assert str(en["SUMMARY"]) == "Environmental strategy meeting"
    assert str(sv["UID"]) != str(en["UID"])
    assert en["DTSTART"].dt == sv["DTSTART"].dt  # times are synchronised


def test_group_and_network_feeds(client, network, meetings):
    group = network.groups[ENVIRONMENT_GROUP]
    assert set(by_summary(calendar(client, f"/feeds/events/{group.pk}.ics"))) == {
        "Miljöstrategiträff"
    }
    english_group = network.english(group)
    assert set(by_summary(calendar(client, f"/en/feeds/events/{english_group.pk}.ics"))) == {
        "Environmental strategy meeting"
    }
    assert set(by_summary(calendar(client, f"/feeds/events/{network.page.pk}.ics"))) == {
        "Miljöstrategiträff",
        "Naturvårdsträff",
        "Kommande träff",
    }


def test_one_ics_per_meeting(client, meetings):
    response = client.get(f"/feeds/events/{meetings['cancelled'].pk}.ics")
    assert response["Content-Disposition"] == 'inline; filename="naturvardstraff.ics"'
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 1


@pytest.mark.parametrize("which", ["draft", "index"])
def test_drafts_and_other_pages_have_no_calendar(client, meetings, which):
    assert client.get(f"/feeds/events/{meetings[which].pk}.ics").status_code == 404


def test_all_day_meeting_uses_dates(client, meetings):
    factories.event(
        meetings["index"],
        "heldag",
        title="Heldag",
        all_day=True,
        start=at(2026, 10, 24),
        end=at(2026, 10, 25),
        recurrence="FREQ=YEARLY;UNTIL=20281024",
    )
    (event,) = by_summary(calendar(client, "/feeds/events.ics"))["Heldag"]
    assert event["DTSTART"].dt == datetime.date(2026, 10, 24)
    assert event["DTEND"].dt == datetime.date(2026, 10, 26)
    assert event["RRULE"]["UNTIL"] == [datetime.date(2028, 10, 24)]


def test_index_is_listed_once_per_network(meetings):
    assert EventIndexPage.objects.filter(locale__language_code="sv").count() == 1
