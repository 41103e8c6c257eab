"""The reference templates for meetings: the events index with upcoming and past, the
event page, and upcoming meetings on the network and group pages; JSON-LD Event."""

import json

import pytest

from .html import find_all, text_of
from .meetings import build_meetings
from .network import NATURE_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build_meetings(network)


def page_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_index_lists_upcoming_and_past_with_subscribe_links(client, network, meetings):
    html = page_html(client, meetings["index"])
    text = text_of(html)
    upcoming, past = text.index("Kommande möten"), text.index("Tidigare möten")
    assert upcoming < text.index("Kommande träff") < past
    assert past < text.index("Naturvårdsträff") < text.index("Miljöstrategiträff")
    assert "Utkastmöte" not in text
    links = [a.attrs.get("href") for a in find_all(html, "a")]
    feed = f"/feeds/events/{network.page.pk}.ics"
    assert any(link.startswith("webcal://") and link.endswith(feed) for link in links)
    assert any(link.startswith("http") and link.endswith(feed) for link in links)
    assert "Inställt" in text


def test_event_page_shows_time_place_series_and_json_ld(client, meetings):
    html = page_html(client, meetings["series"])
    text = text_of(html)
    assert "13 oktober 2026, 09:00–11:00" in text
    assert "Stadshuset" in text and "Fysiskt möte" in text
    times = [t.attrs.get("datetime") for t in find_all(html, "time")]
    assert "2026-10-13T09:00:00+02:00" in times
    scripts = [s.text for s in find_all(html, "script", type="application/ld+json")]
    events = [d for d in map(json.loads, scripts) if d.get("@type") == "Event"]
    assert events and events[0]["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")


def test_upcoming_meetings_on_the_group_and_network_pages(client, network, meetings):
    group_text = text_of(page_html(client, network.groups[NATURE_GROUP]))
    assert "Kommande möten" in group_text and "Kommande träff" in group_text
    network_text = text_of(page_html(client, network.page))
    assert "Kommande träff" in network_text
    assert "Miljöstrategiträff" not in network_text  # over


def test_english_event_page(client, network, meetings):
    english = network.english(meetings["series"])
    text = text_of(page_html(client, english))
    assert "Environmental strategy meeting" in text
    assert "13 October 2026, 09:00–11:00" in text
    assert "Physical meeting" in text


def test_meetings_are_in_the_sitemap_and_the_search_page(client, meetings):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/moten/miljostrategitraff/" in sitemap
    assert "/utkast/" not in sitemap
    results = client.get("/network/search/?q=Miljöstrategiträff").content.decode()
    assert "/moten/miljostrategitraff/" in results
