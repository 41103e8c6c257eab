"""The snippet listings and choosers tell an editor which item is which, in Swedish."""

import csv
import io
import json

import bs4
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from kommunnatverk.models import ContactSidebar, Goal, GoalFramework, Organisation

from . import factories
from .admin_forms import active_filters, log_in_editor, table

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return log_in_editor(client, "sv")


def listing_url(model, **query) -> str:
    url = reverse(model.snippet_viewset.get_url_name("list"))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def listing(client, model, **query) -> tuple[list[str], list[list[str]]]:
    response = client.get(listing_url(model, **query))
    assert response.status_code == 200
    return table(response.content.decode())


def exported(client, model, **query) -> list[dict[str, str]]:
    response = client.get(listing_url(model, export="csv", **query))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def chooser(client, model, **query) -> tuple[list[str], list[list[str]]]:
    """The chooser modal as the page editor opens it (with the page's locale)."""
    chooser_viewset = model.snippet_viewset.chooser_viewset
    url = reverse(chooser_viewset.get_url_name("choose"))
    response = client.get(url, query)
    assert response.status_code == 200
    return table(response.json()["html"])


def chooser_search(client, model, **query) -> tuple[list[str], list[list[str]]]:
    chooser_viewset = model.snippet_viewset.chooser_viewset
    response = client.get(reverse(chooser_viewset.get_url_name("choose_results")), query)
    assert response.status_code == 200
    return table(response.content.decode())


def titles(rows: list[dict[str, str]], heading: str) -> list[str]:
    return [row[heading] for row in rows]


def row_titled(rows: list[dict[str, str]], heading: str, title: str) -> dict[str, str]:
    return next(row for row in rows if row[heading] == title)


# Listings


def test_goal_listing_shows_colour_swatch_code_framework_language_and_status(editor):
    headings, rows = listing(editor, Goal, locale="sv")
    assert headings == ["Mål", "Färg", "Ramverk", "Språk", "Uppdaterad", "Status"]
    climate = row_titled(rows, "Mål", "13. Bekämpa klimatförändringarna")
    # A sample of the badge's text (hidden from screen readers), the code, the text colour.
    assert climate["Färg"] == "Aa #3F7E44 vit text 4,91:1"
    assert climate["Ramverk"] == "Agenda 2030"
    assert (climate["Språk"], climate["Status"]) == ("Svenska", "publicerad")
    html = editor.get(listing_url(Goal, locale="sv")).content.decode()
    assert "background-color: #3F7E44;" in html


def test_goal_listing_filters_by_framework_language_and_status(editor, network):
    klimat = network.frameworks["klimat-2030"]
    factories.goal(klimat, code="1", title="Fossilfria transporter")
    _headings, rows = listing(editor, Goal, locale="sv", framework=klimat.pk)
    assert [(row["Mål"], row["Ramverk"]) for row in rows] == [
        ("1. Fossilfria transporter", "Klimat 2030")
    ]

    _headings, rows = listing(editor, Goal, locale="en")
    assert rows and {row["Språk"] for row in rows} == {"Engelska"}

    factories.goal(klimat, code="99", title="Ett mål i utkast", colour="#000000", publish=False)
    _headings, rows = listing(editor, Goal, locale="sv", live="false")
    assert titles(rows, "Mål") == ["99. Ett mål i utkast"]
    assert rows[0]["Status"] == "utkast"
    html = editor.get(listing_url(Goal, locale="sv", live="false")).content.decode()
    assert " ".join(active_filters(html)) == "Publicerad: Nej Språk: Svenska"
    _headings, rows = listing(editor, Goal, locale="sv", live="true")
    assert "99. Ett mål i utkast" not in titles(rows, "Mål")


def test_goal_listing_offers_framework_language_and_status_filters(editor):
    html = editor.get(listing_url(Goal)).content.decode()
    for name in ("framework", "locale", "live"):
        assert f'name="{name}"' in html, name
    # Agenda 2030 exists in both languages; the choice says which is which.
    assert "agenda 2030 (svenska)" in html.lower()
    assert "agenda 2030 (engelska)" in html.lower()
    # Listing Swedish goals, only Swedish frameworks are offered.
    html = editor.get(listing_url(Goal, locale="sv")).content.decode()
    assert "agenda 2030 (engelska)" not in html.lower()


def test_goal_listing_search_finds_a_goal_by_its_words(editor):
    _headings, rows = listing(editor, Goal, locale="sv", q="klimatförändringarna")
    assert titles(rows, "Mål") == ["13. Bekämpa klimatförändringarna"]


def test_organisation_listing_shows_kind_and_parent_and_filters_by_kind(editor):
    headings, rows = listing(editor, Organisation, locale="sv")
    assert headings[:3] == ["Namn", "Typ", "Del av"]
    energy_office = row_titled(rows, "Namn", "Energikontor Väst")
    assert (energy_office["Typ"], energy_office["Del av"]) == ("Energikontor", "Innovatum")

    _headings, rows = listing(editor, Organisation, locale="sv", kind="county_board")
    assert titles(rows, "Namn") == ["Länsstyrelsen i Västra Götaland"]
    assert rows[0]["Typ"] == "Länsstyrelse"


def test_sidebar_listing_counts_the_contacts(editor):
    headings, rows = listing(editor, ContactSidebar, locale="sv")
    assert headings[:3] == ["Namn i administrationen", "Rubrik", "Kontakter"]
    assert [(row["Namn i administrationen"], row["Rubrik"], row["Kontakter"]) for row in rows] == [
        ("Kommunnätverkets kontakter", "Kontakt", "2")
    ]


def test_exports_have_swedish_headings_and_readable_values(editor):
    goals = exported(editor, Goal, locale="sv")
    climate = next(row for row in goals if row["Kod"] == "13" and row["Ramverk"] == "Agenda 2030")
    assert climate["Titel"] == "Bekämpa klimatförändringarna"
    assert climate["Färg"] == "#3F7E44"
    assert (climate["Språk"], climate["Status"]) == ("Svenska", "publicerad")
    assert {row["Språk"] for row in goals} == {"Svenska"}

    organisations = exported(editor, Organisation, locale="sv")
    energy_office = next(row for row in organisations if row["Namn"] == "Energikontor Väst")
    assert (energy_office["Typ"], energy_office["Del av"]) == ("Energikontor", "Innovatum")

    sidebars = exported(editor, ContactSidebar, locale="sv")
    assert [(row["Namn i administrationen"], row["Kontakter"]) for row in sidebars] == [
        ("Kommunnätverkets kontakter", "2")
    ]
    response = editor.get(listing_url(Goal, export="xlsx"))
    assert response["Content-Disposition"].endswith('goals.xlsx"')


def rows_and_queries(client, url: str, html_of=lambda response: response.content.decode()):
    """How many rows a listing shows, and the SQL it took, leaving out wagtail-localize's
    own per-row listing buttons (Translate, Sync), which this package does not draw."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    queries = [
        query["sql"]
        for query in captured.captured_queries
        if "wagtail_localize_" not in query["sql"]
        and not query["sql"].startswith('SELECT 1 AS "a" FROM "wagtailcore_locale" WHERE NOT')
    ]
    return len(table(html_of(response))[1]), queries


def add_rows(model, numbers) -> None:
    """Rows of ``model`` in Swedish named "Räknetest n", each with the related data its
    columns show."""
    sv = Locale.objects.get(language_code="sv")
    for number in numbers:
        name = f"Räknetest {number}"
        if model is Goal:
            fw = GoalFramework.objects.filter(slug="rakna").first() or factories.framework("rakna")
            factories.goal(fw, code=str(number), title=name)
        elif model is GoalFramework:
            factories.goal(factories.framework(slug=f"rakna-{number}", title=name))
        elif model is Organisation:
            parent = Organisation.objects.get(name="Innovatum", locale=sv)
            factories.organisation(name, parent=parent)
        elif model is ContactSidebar:
            sidebar = factories.sidebar(name)
            sidebar.contacts.create(name="Maria", locale=sv)
            sidebar.contacts.create(name="Maj-Liz", locale=sv)


MODELS = [Goal, Organisation, ContactSidebar, GoalFramework]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_listing_reads_its_rows_in_the_same_queries_however_many(editor, model):
    url = listing_url(model, locale="sv", q="Räknetest")
    add_rows(model, [1])
    editor.get(url)  # warm Wagtail's per-process caches (content types, locales)
    rows_before, before = rows_and_queries(editor, url)
    add_rows(model, range(2, 7))
    rows_after, after = rows_and_queries(editor, url)
    assert (rows_before, rows_after) == (1, 6)
    assert len(after) == len(before), "\n".join(after)


# Choosers


def test_the_page_editor_opens_choosers_in_the_pages_language(editor, en):
    """Wagtail's chooser script sends the edited page's locale (ACTIVE_CONTENT_LOCALE) as
    ``?locale=``; the choosers below filter by it."""
    # Written in English, not translated: translations are edited in wagtail-localize's
    # own editor.
    page = factories.network(slug="english-network", locale=en)
    html = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    config = bs4.BeautifulSoup(html, "html.parser").find("script", id="wagtail-config")
    assert json.loads(config.string)["ACTIVE_CONTENT_LOCALE"] == "en"


def test_goal_chooser_shows_code_colour_and_framework_in_the_pages_language(editor):
    headings, rows = chooser(editor, Goal, locale="sv")
    assert headings == ["Titel", "Färg", "Ramverk", "Språk", "Status"]
    no_poverty = row_titled(rows, "Titel", "1. Ingen fattigdom")
    assert no_poverty["Färg"] == "Aa #E5243B svart text 4,65:1"
    assert no_poverty["Ramverk"] == "Agenda 2030"
    assert {row["Språk"] for row in rows} == {"Svenska"}  # the page's language only

    _headings, rows = chooser(editor, Goal, locale="en")
    assert "1. No poverty" in titles(rows, "Titel")
    assert {row["Språk"] for row in rows} == {"Engelska"}


def test_goal_chooser_search_finds_goals_by_words_or_code_in_the_pages_language(editor):
    _headings, rows = chooser_search(editor, Goal, locale="sv", q="klimat")
    assert "13. Bekämpa klimatförändringarna" in titles(rows, "Titel")
    assert "1. Ingen fattigdom" not in titles(rows, "Titel")
    assert {row["Språk"] for row in rows} == {"Svenska"}

    _headings, rows = chooser_search(editor, Goal, locale="sv", q="13")
    assert "13. Bekämpa klimatförändringarna" in titles(rows, "Titel")
    colours = {row["Färg"].split()[1] for row in rows if row["Ramverk"] == "Agenda 2030"}
    assert colours == {"#3F7E44"}


def test_organisation_chooser_shows_kind_and_parent(editor):
    headings, rows = chooser(editor, Organisation, locale="sv", q="Energikontor")
    assert headings[:3] == ["Titel", "Typ", "Del av"]
    energy_office = row_titled(rows, "Titel", "Energikontor Väst")
    assert (energy_office["Typ"], energy_office["Del av"]) == ("Energikontor", "Innovatum")


def test_sidebar_chooser_shows_heading_and_number_of_contacts_and_searches(editor):
    headings, rows = chooser(editor, ContactSidebar, locale="sv")
    assert headings == ["Titel", "Rubrik", "Kontakter", "Språk", "Status"]
    assert rows == [
        {
            "Titel": "Kommunnätverkets kontakter",
            "Rubrik": "Kontakt",
            "Kontakter": "2",
            "Språk": "Svenska",
            "Status": "publicerad",
        }
    ]
    _headings, rows = chooser_search(editor, ContactSidebar, locale="sv", q="kontakter")
    assert [(row["Titel"], row["Kontakter"]) for row in rows] == [
        ("Kommunnätverkets kontakter", "2")
    ]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_chooser_reads_its_rows_in_the_same_queries_however_many(editor, model):
    chooser_viewset = model.snippet_viewset.chooser_viewset
    url = reverse(chooser_viewset.get_url_name("choose_results")) + "?locale=sv&q=Räknetest"
    add_rows(model, [1])
    editor.get(url)
    rows_before, before = rows_and_queries(editor, url)
    add_rows(model, range(2, 7))
    rows_after, after = rows_and_queries(editor, url)
    assert (rows_before, rows_after) == (1, 6)
    assert len(after) == len(before), "\n".join(after)
