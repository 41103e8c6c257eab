"""What the reference templates' ``<head>`` tells search engines, link previews and feed
readers: the title, the description, the canonical address, Open Graph and Twitter
card properties, feed autodiscovery, the icons, and JSON-LD that Google reads and
schema.org defines. Also robots.txt and favicon.ico."""

import json
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import override_settings
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from kommunnatverk.content.descriptions import shortened
from kommunnatverk.models import NewsPage

from . import factories, schema_org

pytestmark = pytest.mark.django_db

SITE_NAME = "Kommunnätverket för hållbar utveckling"
LOGO = "example_site/logo.png"


def head(client, url: str, **extra) -> BeautifulSoup:
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    """The content of every ``<meta property=key>`` or ``<meta name=key>``."""
    tags = soup.find_all("meta", attrs={"property": key}) + soup.find_all(
        "meta", attrs={"name": key}
    )
    return [tag["content"] for tag in tags]


def json_ld(soup: BeautifulSoup) -> dict[str, dict]:
    """The page's JSON-LD nodes by ``@type``."""
    nodes = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return {node["@type"]: node for node in nodes}


def root_url() -> str:
    return Site.objects.get(is_default_site=True).root_url


@pytest.fixture
def image():
    return Image.objects.create(
        title="Kranvatten i glas", file=get_test_image_file(size=(1600, 900))
    )


# Title and description -----------------------------------------------------------------


def test_the_home_page_title_does_not_repeat_the_site_name(client, network):
    assert head(client, network.page.url).title.string == SITE_NAME
    english = network.english(network.page)
    assert head(client, english.url).title.string == english.title


def test_other_titles_end_with_the_site_name_in_the_pages_language(client, network):
    item = network.water_day
    assert head(client, item.url).title.string == f"{item.title} – {SITE_NAME}"
    english, english_home = network.english(item), network.english(network.page)
    soup = head(client, english.url)
    assert soup.title.string == f"{english.title} – {english_home.title}"
    site_name = soup.find(class_="site-name")
    assert site_name.get_text(strip=True) == english_home.title
    assert not site_name.has_attr("lang")


def test_a_site_name_in_another_language_says_which(client, network):
    """A site not named after its home page keeps its one name, marked as Swedish on
    the English pages."""
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Energikontor Väst"
    site.save()
    soup = head(client, network.english(network.water_day).url)
    site_name = soup.find(class_="site-name")
    assert site_name.get_text(strip=True) == "Energikontor Väst"
    assert site_name["lang"] == "sv"
    assert soup.title.string.endswith(" – Energikontor Väst")
    home = head(client, network.page.url)
    assert home.title.string == f"{SITE_NAME} – Energikontor Väst"
    assert not home.find(class_="site-name").has_attr("lang")


def test_the_description_falls_back_to_the_intro_cut_at_a_word(client, network):
    item = network.water_day
    words = "Vårt kranvatten är den mest miljövänliga drycken som finns i hela landet "
    item.intro = (words * 4).strip() + ".\nNästa stycke."
    item.save_revision().publish()
    (description,) = meta(head(client, item.url), "description")
    assert len(description) <= 160 and description.endswith("…")
    assert (words * 4).startswith(description[:-1])
    assert description[:-1] == description[:-1].rstrip() and "\n" not in description
    assert meta(head(client, item.url), "og:description") == [description]


def test_the_search_description_wins_over_the_intro(client, network):
    item = network.water_day
    item.search_description = "Om vattendagen den 22 mars."
    item.save_revision().publish()
    assert meta(head(client, item.url), "description") == ["Om vattendagen den 22 mars."]


def test_shortening_keeps_short_text_and_cuts_a_long_word():
    assert shortened("Kort text.") == "Kort text."
    assert shortened("x" * 200) == "x" * 159 + "…"
    assert len(shortened("ord " * 100)) <= 160


# Canonical, Open Graph, Twitter --------------------------------------------------------


def test_a_news_item_has_its_canonical_and_open_graph_with_its_image(client, network, image):
    item = network.water_day
    item.image = image
    item.save_revision().publish()
    soup = head(client, item.url)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == item.full_url and canonical.startswith(f"{root_url()}/")
    assert meta(soup, "og:url") == [canonical]
    assert meta(soup, "og:title") == [item.title]
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:site_name") == [SITE_NAME]
    assert meta(soup, "og:locale") == ["sv_SE"]
    assert meta(soup, "og:locale:alternate") == ["en_GB"]
    (og_image,) = meta(soup, "og:image")
    rendition = image.get_rendition("width-1200")
    assert og_image == f"{root_url()}{rendition.url}"
    assert meta(soup, "og:image:width") == ["1200"] and meta(soup, "og:image:height") == ["675"]
    assert meta(soup, "og:image:alt") == ["Kranvatten i glas"]
    assert meta(soup, "twitter:card") == ["summary_large_image"]
    assert meta(soup, "article:published_time")
    # hreflang stays beside the canonical.
    hreflangs = {link["hreflang"] for link in soup.find_all("link", hreflang=True)}
    assert hreflangs == {"sv", "en", "x-default"}


def test_the_english_page_is_its_own_canonical_with_the_swedish_as_alternate(client, network):
    english = network.english(network.page)
    soup = head(client, english.url)
    assert soup.find("link", rel="canonical")["href"] == f"{root_url()}/en/"
    assert meta(soup, "og:locale") == ["en_GB"]
    assert meta(soup, "og:locale:alternate") == ["sv_SE"]
    assert meta(soup, "og:type") == ["website"]
    assert meta(soup, "twitter:card") == ["summary"]  # no image of its own
    assert meta(soup, "og:image") == []


def test_an_untranslated_page_names_no_alternate_locale(client, network):
    english = network.english(network.water_day)
    english.unpublish()
    assert meta(head(client, network.water_day.url), "og:locale:alternate") == []


def test_each_page_of_a_news_list_is_its_own_canonical(client, network):
    index = network.news_index
    for number in range(12):  # more than one page of ten
        factories.news(index, f"nyhet-{number}", title=f"Nyhet {number}")
    first = head(client, index.url).find("link", rel="canonical")["href"]
    second = head(client, f"{index.url}?page=2&tag=vatten").find("link", rel="canonical")
    assert first == index.full_url
    assert second["href"] == f"{index.full_url}?page=2"


def test_canonical_and_open_graph_are_on_the_site_whatever_host_was_asked(client, network):
    soup = head(client, network.water_day.url, HTTP_HOST="alias.example.org")
    addresses = [soup.find("link", rel="canonical")["href"], *meta(soup, "og:url")]
    addresses += [link["href"] for link in soup.find_all("link", rel="alternate")]
    assert all(address.startswith(f"{root_url()}/") for address in addresses), addresses


# Feeds and icons ------------------------------------------------------------------------


def page_urls(network) -> list[str]:
    project = network.projects["hallbart-resande-i-skolan"]
    pages = [network.page, network.news_index, network.water_day, project]
    pages += [network.groups["miljostrategigruppen"], network.project_index]
    return [page.url for page in pages] + [network.english(page).url for page in pages]


def test_every_page_links_the_news_feeds_of_its_language(client, network):
    for url in [*page_urls(network), "/network/search/?q=vatten", "/en/network/search/"]:
        soup = head(client, url)
        prefix = "/en" if url.startswith("/en/") else ""
        feeds = {
            link["type"]: link["href"]
            for link in soup.find_all("link", rel="alternate")
            if link.has_attr("type")
        }
        assert feeds == {
            "application/atom+xml": f"{root_url()}{prefix}/feeds/news.atom",
            "application/rss+xml": f"{root_url()}{prefix}/feeds/news.rss",
        }, url
        title = soup.find("link", type="application/atom+xml")["title"]
        assert title.startswith("News from " if prefix else "Nyheter från "), url
    for path in ("/feeds/news.atom", "/en/feeds/news.rss"):
        assert client.get(path).status_code == 200


def test_every_page_links_the_icons_and_favicon_ico_leads_to_one(client, network):
    for url in page_urls(network)[:2]:
        icons = head(client, url).find_all("link", rel="icon")
        assert [(i["href"], i["type"]) for i in icons] == [
            ("/static/kommunnatverk/favicon.ico", "image/x-icon"),
            ("/static/kommunnatverk/favicon.svg", "image/svg+xml"),
        ]
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/kommunnatverk/favicon.ico"
    shipped = Path(finders.find("kommunnatverk/favicon.ico"))
    with PillowImage.open(BytesIO(shipped.read_bytes())) as icon:
        assert icon.format == "ICO" and (48, 48) in icon.info["sizes"]
    svg = Path(finders.find("kommunnatverk/favicon.svg")).read_text()
    assert svg.startswith("<svg") and 'viewBox="0 0 64 64"' in svg


@override_settings(KOMMUNNATVERK={"FAVICONS": ["https://cdn.example.org/icon.png"]})
def test_a_sites_own_icon_replaces_the_default(client, network):
    icons = head(client, network.page.url).find_all("link", rel="icon")
    assert [(i["href"], i["type"]) for i in icons] == [
        ("https://cdn.example.org/icon.png", "image/png")
    ]
    assert client.get("/favicon.ico")["Location"] == "https://cdn.example.org/icon.png"


def test_robots_txt_names_the_sitemap_of_the_site(client, network):
    response = client.get("/robots.txt", HTTP_HOST="alias.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /network/search/", "Disallow: /en/network/search/"} <= (
        set(lines)
    )
    (sitemap,) = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap:")]
    assert sitemap == f"{root_url()}/sitemap.xml"
    assert client.get(sitemap.removeprefix(root_url())).status_code == 200


def test_the_search_page_sends_its_form_to_itself_and_is_not_indexed(client, network):
    for prefix in ("", "/en"):
        soup = head(client, f"{prefix}/network/search/?q=vatten")
        assert soup.find("form", role="search")["action"] == f"{prefix}/network/search/"
        assert meta(soup, "robots") == ["noindex"]
        assert soup.find("link", rel="canonical") is None


# JSON-LD --------------------------------------------------------------------------------


def test_every_pages_json_ld_is_schema_org_and_has_a_breadcrumb_trail(client, network):
    with override_settings(KOMMUNNATVERK={"LOGO": LOGO}):
        for url in page_urls(network):
            nodes = json_ld(head(client, url))
            assert nodes, url
            for node in nodes.values():
                assert node["@context"] == "https://schema.org"
                assert schema_org.problems(node) == [], url
            if url not in (network.page.url, network.english(network.page).url):
                trail = nodes["BreadcrumbList"]["itemListElement"]
                assert [step["position"] for step in trail] == list(range(1, len(trail) + 1))
                assert trail[-1]["item"] == f"{root_url()}{url}"
                assert all(step["item"].startswith(f"{root_url()}/") for step in trail)


@override_settings(KOMMUNNATVERK={"LOGO": LOGO})
def test_news_article_has_what_google_reads(client, network, image):
    """Google's Article properties: headline, image, datePublished, dateModified and
    author (name, url); the publisher with its name and logo."""
    item = network.water_day
    item.image = image
    item.save_revision().publish()
    article = json_ld(head(client, item.url))["NewsArticle"]
    assert article["headline"] == item.title and article["inLanguage"] == "sv"
    assert article["image"] == [f"{root_url()}{image.get_rendition('width-1200').url}"]
    assert article["datePublished"] and article["dateModified"]
    publisher = {
        "@type": "Organization",
        "name": SITE_NAME,
        "url": f"{root_url()}/",
        "logo": {"@type": "ImageObject", "url": f"{root_url()}/static/{LOGO}"},
    }
    assert article["publisher"] == publisher
    assert article["author"] == [publisher]
    english = json_ld(head(client, network.english(item).url))["NewsArticle"]
    assert english["publisher"]["name"] == network.english(network.page).title
    assert english["publisher"]["url"] == f"{root_url()}/en/"


@override_settings(KOMMUNNATVERK={"LOGO": LOGO})
def test_the_networks_organization_has_its_logo_and_contact_points(client, network):
    organisation = json_ld(head(client, network.page.url))["Organization"]
    assert organisation["logo"] == {"@type": "ImageObject", "url": f"{root_url()}/static/{LOGO}"}
    assert "inLanguage" not in organisation
    points = organisation["contactPoint"]
    assert {point["name"] for point in points} == {"Maj-Liz", "Maria"}
    assert all(point["@type"] == "ContactPoint" and point["contactType"] for point in points)
    assert all(point.get("email") or point.get("telephone") for point in points)
    # A group is an organisation too, but not the one whose logo it is.
    group = json_ld(head(client, network.groups["miljostrategigruppen"].url))["Organization"]
    assert "logo" not in group and group["contactPoint"]


def test_a_project_is_an_organization_founded_and_dissolved(client, network, en):
    import datetime

    project = network.projects["hallbart-resande-i-skolan"]
    project.start_date, project.end_date = datetime.date(2012, 9, 1), datetime.date(2013, 6, 30)
    project.save_revision().publish()
    data = json_ld(head(client, project.url))["Project"]
    assert data["foundingDate"] == "2012-09-01" and data["dissolutionDate"] == "2013-06-30"
    assert "startDate" not in data and "inLanguage" not in data


def test_the_breadcrumb_trail_leaves_out_an_ancestor_that_is_not_public(client, network):
    index = network.news_index
    section = factories.NewsIndexPageFactory.build(title="Hemlig sektion", slug="sektion")
    section.live = False  # a draft, never published: Wagtail still routes through it
    index.get_parent().add_child(instance=section)
    item = NewsPage(title="Nyhet i sektionen", slug="i-sektionen", intro="Ingress.")
    section.add_child(instance=item)
    item.save_revision().publish()
    soup = head(client, item.url)
    trail = json_ld(soup)["BreadcrumbList"]["itemListElement"]
    assert [step["name"] for step in trail] == [SITE_NAME, "Nyhet i sektionen"]
    assert "Hemlig" not in str(soup)


def _same_instants(node: dict) -> dict:
    """The API writes times as pydantic does ("…761Z"), Python's isoformat as
    "…761061+00:00": the same instant, to the millisecond."""
    from datetime import datetime

    found = dict(node)
    for key in ("datePublished", "dateModified"):
        if "T" in str(found.get(key, "")):
            moment = datetime.fromisoformat(found[key])
            found[key] = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    return found


def test_the_api_and_the_template_say_the_same_json_ld(api, client, network):
    project = network.projects["hallbart-resande-i-skolan"]
    with override_settings(KOMMUNNATVERK={"LOGO": LOGO}):
        for page in (network.water_day, network.page, project):
            from_api = api(f"pages/{page.pk}/").data["json_ld"]
            from_template = json_ld(head(client, page.url))[from_api["@type"]]
            assert _same_instants(from_api) == _same_instants(from_template), page.url


def test_the_heads_queries_do_not_grow_with_the_depth_of_the_page(client, network):
    """The trail is one query however many ancestors a page has, and the head reads the
    site-wide data (locales, Site trees, restrictions) once for the whole render."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    shallow = factories.news(network.news_index, "grund", title="Grund nyhet")
    index = network.news_index
    for depth in range(3):
        index = factories.NewsIndexPageFactory(parent=index.get_parent(), slug=f"arkiv-{depth}")
    deep = factories.news(index, "djup", title="Djup nyhet")
    counts = {}
    for page in (shallow, deep, shallow, deep):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts[page.slug] = len(queries)
    assert counts["grund"] == counts["djup"], counts
