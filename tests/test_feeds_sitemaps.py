"""News feeds per language (valid Atom per RFC 4287), sitemap.xml with hreflang, and
hreflang links in templates: public pages only."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from wagtail.models import PageViewRestriction, Site

from . import atom, factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def rss_items(client, path: str) -> list[dict]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "categories": [c.text for c in item.findall("category")],
        }
        for item in channel.findall("item")
    ]


def test_swedish_feed_has_the_swedish_news_with_tags_and_goals(client, network):
    items = rss_items(client, "/feeds/news.rss")
    water = next(i for i in items if i["title"] == "Internationella vattendagen – 22 mars")
    assert water["link"] == network.water_day.full_url
    assert "vatten" in water["categories"]
    assert any(c.startswith("6. ") for c in water["categories"])
    assert not any(i["title"] == "World Water Day – 22 March" for i in items)


def test_feed_titles_are_in_the_feeds_language(client, network):
    from django.conf import settings

    swedish = ET.fromstring(client.get("/feeds/news.rss").content).find("channel")
    english = ET.fromstring(client.get("/en/feeds/news.rss").content).find("channel")
    assert swedish.findtext("title") == f"Nyheter från {settings.WAGTAIL_SITE_NAME}"
    # The site is named after its network page: in English, by the page's English title.
    english_name = network.english(network.page).title
    assert english.findtext("title") == f"News from {english_name}"
    assert swedish.findtext("language") == "sv" and english.findtext("language") == "en"


@pytest.mark.parametrize("path", ["/feeds/news.atom", "/en/feeds/news.atom"])
def test_atom_feeds_meet_every_must_of_rfc_4287(client, path):
    response = client.get(path)
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert len(entries) >= 3
    assert atom.problems(response.content) == []


def test_atom_feeds_have_an_author_and_an_id_of_their_own_per_language(client, network):
    home = Site.objects.get(is_default_site=True).root_url
    swedish = feedparser.parse(client.get("/feeds/news.atom").content)
    english = feedparser.parse(client.get("/en/feeds/news.atom").content)
    for parsed in (swedish, english):
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.entries  # each inherits the feed's author (RFC 4287 §4.1.1)
    assert swedish.feed.id == f"{home}/feeds/news.atom"
    assert english.feed.id == f"{home}/en/feeds/news.atom"
    assert swedish.feed.author == "Kommunnätverket för hållbar utveckling"
    assert english.feed.author == network.english(network.page).title
    assert english.feed.author_detail.href == f"{home}/en/"


@pytest.mark.parametrize("path", ["/feeds/news.rss", "/en/feeds/news.atom"])
def test_feed_links_are_on_the_site_whatever_host_was_asked(client, network, path):
    """A Host the default Site answers for (an alias, a CDN's origin name) does not leak
    into the feed: its own links are on the Site, as its items' are."""
    root = Site.objects.get(is_default_site=True).root_url
    parsed = feedparser.parse(client.get(path, HTTP_HOST="alias.example.org").content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    links = [parsed.feed.link, *(link.href for link in parsed.feed.links)]
    links += [entry.link for entry in parsed.entries]
    assert links and all(link.startswith(f"{root}/") for link in links), links
    assert not any("alias.example.org" in link for link in links)


def test_feed_summaries_are_the_intro_as_text(client, network):
    item = network.water_day
    item.intro = "Kranvatten <på flaska> & i glas."
    item.save_revision().publish()
    parsed = feedparser.parse(client.get("/feeds/news.atom").content)
    entry = next(e for e in parsed.entries if e.link == item.full_url)
    assert entry.summary == "Kranvatten &lt;på flaska&gt; &amp; i glas."


def test_english_feeds_rss_and_atom(client):
    items = rss_items(client, "/en/feeds/news.rss")
    assert "World Water Day – 22 March" in [i["title"] for i in items]
    response = client.get("/en/feeds/news.atom")
    assert response.status_code == 200
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert "World Water Day – 22 March" in [e.findtext(f"{ATOM}title") for e in entries]


def sitemap(client) -> dict[str, list[tuple[str, str]]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): [
            (link.get("hreflang"), link.get("href")) for link in url.findall(f"{XHTML}link")
        ]
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_both_languages_with_alternates_and_x_default(client):
    root = Site.objects.get(is_default_site=True).root_url
    urls = sitemap(client)
    assert {f"{root}/", f"{root}/en/"} <= set(urls)
    expected = [("en", f"{root}/en/"), ("sv", f"{root}/"), ("x-default", f"{root}/")]
    assert sorted(urls[f"{root}/en/"]) == expected
    assert sorted(urls[f"{root}/"]) == expected


def test_drafts_and_private_pages_are_in_no_feed_and_no_sitemap(client, network):
    index = network.news_index
    draft = factories.news(index, "hemlig-utkast", title="Hemligt utkast")
    draft.unpublish()
    private = factories.news(index, "hemlig-privat", title="Hemlig privat")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = factories.news(index, "offentlig", title="Offentlig nyhet")

    titles = [i["title"] for i in rss_items(client, "/feeds/news.rss")]
    assert "Offentlig nyhet" in titles
    assert "Hemligt utkast" not in titles and "Hemlig privat" not in titles
    locations = set(sitemap(client))
    assert public.get_full_url() in locations
    assert not any("hemlig" in location for location in locations)


def test_pages_link_their_translations_with_hreflang(client, network):
    page = network.water_day
    html = client.get(page.url).content.decode()
    english = page.get_translation(page.get_translations().first().locale)
    assert f'<link rel="alternate" hreflang="en" href="{english.get_full_url()}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{page.get_full_url()}">' in html


def json_ld_of(html: str) -> dict:
    import json
    import re

    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no JSON-LD in the page"
    return json.loads(found.group(1))


def test_news_pages_embed_news_article_json_ld(client, network):
    page = network.water_day
    data = json_ld_of(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == page.title and data["inLanguage"] == "sv"
    assert data["url"] == page.full_url
    assert any(thing["name"].startswith("6. ") for thing in data["about"])


def test_network_and_project_pages_embed_organization_and_project(client, network, en):
    from kommunnatverk.models import ProjectPage

    english = network.english(network.page)
    data = json_ld_of(client.get(english.url).content.decode())
    assert data["@type"] == "Organization" and "inLanguage" not in data
    assert data["parentOrganization"]["@type"] == "Organization"
    project = ProjectPage.objects.filter(locale=en).first()
    assert json_ld_of(client.get(project.url).content.decode())["@type"] == "Project"
