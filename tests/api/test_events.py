"""Meetings in the delivery API: type=event lists with upcoming, past and date-range
filters ordered by start, the detail with its occurrences, and JSON-LD Event."""

import pytest

from .. import schema_org
from ..meetings import build_meetings

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_meetings(network)


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.data
    return [item["slug"] for item in response.data["items"]]


def test_events_are_listed_by_start_and_drafts_never(api, meetings):
    assert slugs(api("pages/?type=event")) == [
        "miljostrategitraff",
        "naturvardstraff",
        "kommande",
    ]


def test_upcoming_and_past(api, meetings):
    assert slugs(api("pages/?type=event&when=upcoming")) == ["kommande"]
    assert slugs(api("pages/?type=event&when=past")) == ["naturvardstraff", "miljostrategitraff"]


def test_date_range_takes_in_every_meeting_of_a_series(api, meetings):
    # The series runs 13 October to 3 November 2026: a range inside it finds it.
    assert slugs(api("pages/?type=event&date_from=2026-10-28&date_to=2026-10-30")) == [
        "miljostrategitraff"
    ]
    assert slugs(api("pages/?type=event&date_from=2026-11-04&date_to=2026-11-30")) == [
        "naturvardstraff"
    ]


def test_group_filter(api, network, meetings):
    group = network.groups["miljostrategigruppen"]
    assert slugs(api(f"pages/?type=event&group={group.pk}")) == ["miljostrategitraff"]


def test_list_item_shape(api, meetings):
    item = next(
        i for i in api("pages/?type=event").data["items"] if i["slug"] == "miljostrategitraff"
    )
    assert item["start"] == "2026-10-13T09:00:00+02:00"
    assert item["end"] == "2026-10-13T11:00:00+02:00"
    assert item["recurring"] is True
    assert item["series_end"] == "2026-11-03T11:00:00+01:00"
    assert item["format"] == "physical" and item["format_label"] == "Fysiskt möte"
    assert item["group"]["title"] == "Miljöstrategigruppen"


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("when=tomorrow", "when"),
        ("date_from=2026-13-01", "date_from"),
        ("order=ends", "order"),
    ],
)
def test_bad_filters_are_problems_naming_the_parameter(api, meetings, query, param):
    # A reversed range is allowed by the document and lists nothing, as for news
    # (tests/api/test_type_vocabulary.py); values outside it are problems.
    response = api(f"pages/?type=event&{query}")
    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/problem+json")
    assert param in response.content.decode()


def test_detail_has_its_occurrences_across_the_dst_change(api, meetings):
    data = api(f"pages/{meetings['series'].pk}/").data
    assert data["type"] == "event"
    assert [(o["start"], o["cancelled"]) for o in data["occurrences"]] == [
        ("2026-10-13T09:00:00+02:00", False),
        ("2026-10-27T09:00:00+01:00", False),
        ("2026-11-03T09:00:00+01:00", True),
    ]
    assert data["excluded_dates"] == ["2026-10-20"]
    assert data["cancelled_dates"] == ["2026-11-03"]
    assert data["recurrence"] == "FREQ=WEEKLY;COUNT=4"
    assert data["calendar_url"].endswith(f"/feeds/events/{meetings['series'].pk}.ics")


def test_english_detail_has_the_synchronised_times(api, network, meetings):
    english = network.english(meetings["series"])
    data = api(f"pages/{english.pk}/").data
    assert data["title"] == "Environmental strategy meeting"
    assert data["start"] == "2026-10-13T09:00:00+02:00"
    assert data["format_label"] == "Physical meeting"


def test_json_ld_event(api, meetings):
    data = api(f"pages/{meetings['upcoming'].pk}/").data
    ld = data["json_ld"]
    assert ld["@type"] == "Event"
    assert ld["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert ld["eventStatus"] == "https://schema.org/EventScheduled"
    types = sorted(place["@type"] for place in ld["location"])
    assert types == ["Place", "VirtualLocation"]
    assert ld["organizer"]["name"] == "Naturvårdsgruppen"
    assert ld["startDate"] == data["start"]
    assert schema_org.problems(ld) == []
    cancelled = api(f"pages/{meetings['cancelled'].pk}/").data["json_ld"]
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert cancelled["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.se/natur",
    }


def test_draft_detail_is_not_found(api, meetings):
    response = api(f"pages/{meetings['draft'].pk}/")
    assert response.status_code == 404
