"""The reference templates' site chrome: the main menu (the API's navigation/ tree), the
breadcrumbs, the search box, the site's name and the footer, in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from kommunnatverk.content import navigation, snapshot
from kommunnatverk.content.languages import content_locales
from kommunnatverk.web import chrome

from . import factories
from .html import find_all, first

pytestmark = pytest.mark.django_db


def get(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def main_menu(html: str):
    return first(html, "nav", class_="site-nav")


def menu_links(html: str) -> list[tuple[str, str]]:
    return [(a.text, a.attrs["href"]) for a in main_menu(html).all("a")]


def current_links(element) -> list[str]:
    return [a.text for a in element.all("a", aria_current="page")]


# The main menu -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "locale", "label", "home"),
    [("", "sv", "Huvudmeny", "Startsida"), ("/en", "en", "Main menu", "Home")],
)
def test_the_main_menu_is_the_apis_navigation_tree(client, api, prefix, locale, label, home):
    html = get(client, f"{prefix}/")
    tree = api(f"navigation/?locale={locale}").data["items"][0]
    assert main_menu(html).attrs["aria-label"] == label
    assert menu_links(html) == [
        (home, tree["url"]),
        *((child["title"], child["url"]) for child in tree["children"]),
    ]
    assert len(tree["children"]) == 5  # three groups and the two indexes


def test_the_page_being_shown_is_marked_current_and_its_section_too(client, network, en):
    group = network.groups["naturvardsgruppen"]
    html = get(client, group.url)
    assert current_links(main_menu(html)) == ["Naturvårdsgruppen"]

    english = get(client, network.english(network.water_day).url)
    menu = main_menu(english)
    assert current_links(menu) == []  # the news item is not in the menu itself…
    (active,) = menu.all("li", class_="site-nav__item--active")
    assert active.first("a").text == "News from the network"  # …its section is
    assert current_links(main_menu(get(client, "/en/"))) == ["Home"]


def test_menu_pages_below_menu_pages_are_a_nested_list(client, network):
    factories.news(network.news_index, "i-menyn", title="Nyhet i menyn", show_in_menus=True)
    menu = main_menu(get(client, "/"))
    (section,) = [li for li in menu.all("li") if li.first("a").text == "Nytt i nätverket"]
    nested = section.first("ul", class_="site-nav__sublist")
    assert [a.text for a in nested.all("a")] == ["Nyhet i menyn"]


def test_a_page_left_out_of_menus_a_draft_and_a_private_page_are_not_in_the_menu(client, network):
    from wagtail.models import PageViewRestriction

    groups = network.groups
    groups["naturvardsgruppen"].show_in_menus = False
    groups["naturvardsgruppen"].save_revision().publish()
    groups["miljostrategigruppen"].unpublish()
    PageViewRestriction.objects.create(
        page=groups["rattvis-och-etisk-handel-gruppen"], restriction_type="login"
    )
    titles = [title for title, _url in menu_links(get(client, "/"))]
    assert titles == ["Startsida", "Nytt i nätverket", "Projekt"]


def test_an_english_menu_falls_back_to_swedish_pages_marked_as_swedish(client, network, en):
    """With FALLBACK_LOCALE, the English menu lists the Swedish menu pages that have no
    English translation yet, each marked lang="sv" (as navigation/?fallback=sv does)."""
    from django.test import override_settings

    factories.GroupPageFactory(parent=network.page, title="Ny grupp", show_in_menus=True)
    with override_settings(KOMMUNNATVERK={"FALLBACK_LOCALE": "sv"}):
        html = get(client, "/en/")
    links = main_menu(html).all("a")
    (swedish,) = [a for a in links if a.text == "Ny grupp"]
    assert swedish.attrs["lang"] == "sv" and swedish.attrs["href"] == "/ny-grupp/"
    assert all(a.attrs.get("lang") is None for a in links if a is not swedish)


def test_the_menu_costs_one_query_and_none_more_per_page(network, sv):
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    with CaptureQueriesContext(connection) as few:
        navigation.menu(site, sv)
    for title in ("Grupp ett", "Grupp två", "Grupp tre"):
        factories.GroupPageFactory(parent=network.page, title=title, show_in_menus=True)
    with CaptureQueriesContext(connection) as more:
        root = navigation.menu(site, sv)
    assert len(root.children) == 8
    assert len(few) == len(more) == 1


def test_within_a_request_the_menu_is_read_once_per_content_version(rf, network, sv):
    from kommunnatverk.api.caching import content_version

    site = Site.objects.select_related("root_page").get(is_default_site=True)
    token = snapshot.attach(rf.get("/"), content_version())
    try:
        first_read = navigation.menu(site, sv)
        with CaptureQueriesContext(connection) as again:
            assert navigation.menu(site, sv) is first_read
    finally:
        snapshot.detach(token)
    assert len(again) == 0


# Breadcrumbs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "label", "home", "index"),
    [
        (False, "Brödsmulor", "Startsida", "Nytt i nätverket"),
        (True, "Breadcrumbs", "Home", "News from the network"),
    ],
)
def test_breadcrumbs_are_an_ordered_list_ending_at_the_current_page(
    client, network, english, label, home, index
):
    item = network.english(network.water_day) if english else network.water_day
    html = get(client, item.url)
    trail = first(html, "nav", class_="breadcrumbs")
    assert trail.attrs["aria-label"] == label
    steps = trail.first("ol").all("li")
    assert [step.text for step in steps] == [home, index, item.title]
    assert [a.attrs["href"] for a in trail.all("a")] == [
        network.english(network.page).url if english else "/",
        item.get_parent().url,
    ]
    (current,) = trail.all("span", aria_current="page")
    assert current.text == item.title


def test_the_home_page_has_no_breadcrumbs(client):
    assert find_all(get(client, "/"), "nav", class_="breadcrumbs") == []


def test_breadcrumbs_leave_out_a_page_above_that_is_not_public(client, network):
    """An editor may unpublish a section and leave its pages live: the trail skips it."""
    index = network.news_index
    index.unpublish()
    html = get(client, network.water_day.url)
    trail = first(html, "nav", class_="breadcrumbs")
    assert [step.text for step in trail.all("li")] == ["Startsida", network.water_day.title]
    assert "Nytt i nätverket" not in main_menu(html).text


# Header: the site's name and the search box ----------------------------------------------


def test_the_site_name_is_in_the_pages_language_when_named_after_the_home_page(client):
    """The test Site is named after its home page: English pages name it as the English
    home page does (a name in another language is marked, tests/test_metadata.py)."""
    swedish = first(get(client, "/"), "p", class_="site-name")
    english = first(get(client, "/en/"), "p", class_="site-name")
    assert swedish.first("a").text == "Kommunnätverket för hållbar utveckling"
    assert english.first("a").text != swedish.first("a").text
    assert "lang" not in swedish.attrs and "lang" not in english.attrs
    assert english.first("a").attrs["href"] == "/en/"


@pytest.mark.parametrize(
    ("prefix", "label"), [("", "Sök på webbplatsen"), ("/en", "Search the website")]
)
def test_the_header_has_a_search_box_for_the_search_page_of_its_language(
    client, network, prefix, label
):
    html = get(client, f"{prefix}/")
    header = first(html, "header", class_="site-header")
    form = header.first("form", role="search")
    assert form.attrs["action"] == f"{prefix}/network/search/"
    field = form.first("input", type="search")
    assert field.attrs["name"] == "q"
    assert form.first("label", for_=field.attrs["id"]).text == label
    # The search page has its own form: one search landmark, not two.
    results = get(client, f"{prefix}/network/search/?q=vatten")
    assert len(find_all(results, "form", role="search")) == 1


def test_every_page_keeps_its_skip_link_and_landmarks(client, network):
    for url in ("/", network.water_day.url, "/en/", "/network/search/"):
        html = get(client, url)
        assert first(html, "a", class_="skip-link").attrs["href"] == "#main"
        for tag in ("header", "nav", "main", "footer"):
            assert find_all(html, tag), f"{url} has no <{tag}>"
        assert first(html, "main").attrs["id"] == "main"


# The footer --------------------------------------------------------------------------------


def footer_of(html: str):
    return first(html, "footer", class_="site-footer")


def test_the_footer_names_the_coordinator_and_the_contacts_in_each_language(client, network):
    swedish = footer_of(get(client, network.water_day.url))
    assert "Samordnas av Energikontor Väst, en del av Innovatum." in swedish.text
    assert swedish.first("a", href="https://www.energikontorvast.se/").text == "Energikontor Väst"
    assert "Maj-Liz, Kontaktperson för kommunnätverket" in swedish.text
    assert swedish.first("a", href="mailto:maj-liz@example.org")
    assert swedish.first("a", href="tel:0521275000").text == "0521-27 50 00"

    english = footer_of(get(client, network.english(network.water_day).url))
    assert "The Municipal Network for Sustainable Development" in english.text
    assert "Coordinated by Energikontor Väst, part of Innovatum." in english.text
    assert "Maj-Liz, Contact person for the municipal network" in english.text


def test_the_footer_links_the_feeds_and_the_page_in_the_other_language(client, network):
    swedish = footer_of(get(client, network.water_day.url))
    assert swedish.first("a", href="/feeds/news.rss").text == "Nyhetsflöde (RSS)"
    assert swedish.first("a", href="/feeds/news.atom")
    other = swedish.first("a", hreflang="en")
    assert other.attrs["href"] == network.english(network.water_day).url
    assert other.attrs["lang"] == "en" and other.text == "English"

    english = footer_of(get(client, network.english(network.water_day).url))
    assert english.first("a", href="/en/feeds/news.rss").text == "News feed (RSS)"
    assert english.first("a", hreflang="sv").attrs["href"] == network.water_day.url


def test_an_untranslated_page_links_the_other_languages_home_page(client, network):
    item = factories.news(network.news_index, "bara-pa-svenska", title="Bara på svenska")
    footer = footer_of(get(client, item.url))
    assert footer.first("a", hreflang="en").attrs["href"] == "/en/"


def test_a_coordinator_or_contacts_that_are_not_published_are_not_in_the_footer(client, network):
    coordinator = network.organisations["Energikontor Väst"]
    coordinator.live = False
    coordinator.save()
    network.sidebar.live = False
    network.sidebar.save()
    footer = footer_of(get(client, network.water_day.url))
    assert "Energikontor Väst" not in footer.text and "Samordnas" not in footer.text
    assert "Maj-Liz" not in footer.text
    assert "Kommunnätverket för hållbar utveckling" in footer.text


def test_the_footer_costs_two_queries_on_a_page_below_the_network(network, sv):
    locales = content_locales()
    with CaptureQueriesContext(connection) as queries:
        footer = chrome.footer(network.water_day, sv, network.page.path, locales)
        assert [contact.name for contact in footer.contacts] == ["Maj-Liz", "Maria"]
        assert footer.coordinator.name == "Energikontor Väst"
        assert footer.coordinator_parent.name == "Innovatum"
    assert len(queries) == 2  # the network with its coordinator and sidebar, the contacts
