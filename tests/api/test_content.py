"""Rich text, StreamField blocks, navigation, snippets and the core v2 API."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db


def test_rich_text_links_resolve_and_output_is_sanitised(api, network):
    group = network.groups["naturvardsgruppen"]
    draft = network.groups["miljostrategigruppen"]
    draft.unpublish()
    group.purpose = (
        f'<p>Se <a linktype="page" id="{group.pk}">gruppen</a> och '
        f'<a linktype="page" id="{draft.pk}">utkastet</a>.</p>'
        '<script>alert(1)</script><p onclick="x()">Text</p>'
    )
    group.save_revision().publish()
    purpose = api(f"pages/{group.pk}/").data["purpose"]
    assert 'href="/naturvardsgruppen/"' in purpose
    assert "miljostrategigruppen" not in purpose  # the draft's URL never leaks
    assert "utkastet" in purpose
    assert "<script" not in purpose and "onclick" not in purpose


def test_streamfield_images_are_renditions_and_page_links_are_urls(api, network, en):
    image = Image.objects.create(title="Kranvatten", file=get_test_image_file(size=(1600, 900)))
    news = network.water_day
    group = network.groups["naturvardsgruppen"]
    news.body = [
        ("heading", "Mer"),
        ("image", {"image": image, "alt_text": "Ett glas vatten", "caption": "Kranvatten"}),
        ("link", {"text": "Gruppen", "page": group, "url": ""}),
        ("quote", {"text": "Drick kranvatten.", "attribution": "HUV"}),
    ]
    news.save_revision().publish()
    body = api(f"pages/{news.pk}/").data["body"]
    assert [block["type"] for block in body] == ["heading", "image", "link", "quote"]
    picture = body[1]["value"]["image"]
    assert picture["url"].endswith(".width-1200.png") and picture["width"] == 1200
    assert body[1]["value"]["alt_text"] == "Ett glas vatten"
    assert body[2]["value"]["url"] == "/naturvardsgruppen/"
    assert body[2]["value"]["page"]["type"] == "group"
    # The same link seen from English points at the English group.
    english = news.get_translation(en)
    english.body = news.body
    english.save_revision().publish()
    link = api(f"pages/{english.pk}/").data["body"][2]["value"]
    assert link["url"] == "/en/nature-conservation-group/"


def test_navigation_is_the_menu_tree_in_the_locale(api):
    data = api("navigation/?locale=en").data
    (root,) = data["items"]
    assert root["title"] == "The Municipal Network for Sustainable Development"
    assert [child["title"] for child in root["children"]] == [
        "Environmental Strategy Group",
        "Nature Conservation Group",
        "Fair and Ethical Trade Group",
        "News from the network",
        "Projects",
    ]
    assert {child["type"] for child in root["children"]} == {"group", "news_index", "project_index"}
    assert all(child["url"].startswith("/en/") for child in root["children"])


def test_snippet_reads_are_anonymous_and_per_locale(api):
    goals = api("goals/?locale=en&framework=agenda-2030").data
    assert goals["count"] == 17
    assert goals["items"][12]["title"] == "Climate action"
    assert goals["items"][12]["colour"] == "#3F7E44"
    frameworks = api("frameworks/?locale=sv").data
    assert {f["slug"] for f in frameworks["items"]} == {
        "agenda-2030",
        "klimat-2030",
        "utmaningar-for-ett-hallbart-vastra-gotaland",
    }
    orgs = api("organisations/?locale=en&kind=authority").data["items"]
    assert [o["name"] for o in orgs] == ["Swedish Energy Agency"]
    energikontor = api("organisations/?locale=sv&kind=energy_agency").data["items"][0]
    assert energikontor["parent"]["name"] == "Innovatum"


def test_contact_sidebar_by_id_and_in_another_locale(api, network):
    sidebar = network.sidebar
    swedish = api(f"contact-sidebars/{sidebar.pk}/").data
    assert swedish["title"] == "Kontakt"
    english = api(f"contact-sidebars/{sidebar.pk}/?locale=en").data
    assert english["title"] == "Contact"
    assert english["contacts"][0]["organisation"]["name"] == "Energikontor Väst"
    assert english["contacts"][0]["role"] == "Contact person for the municipal network"


def test_find_accepts_the_urls_the_api_gives_encoded_or_not(api, network):
    from urllib.parse import quote, unquote

    from .. import factories

    page = factories.news(network.news_index, "höstmöte", title="Höstmöte")
    url = api(f"pages/{page.pk}/").data["meta"]["url"]
    assert url == "/nytt-i-natverket/h%C3%B6stm%C3%B6te/"
    for path in (url, unquote(url)):
        found = api(f"pages/find/?path={quote(path)}")
        assert found.status_code == 200, path
        assert found.data["id"] == page.pk


def test_core_v2_api_shows_the_package_models(client):
    response = client.get("/api/v2/pages/?type=kommunnatverk.NewsPage&fields=*&locale=en")
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["title"] for item in items} >= {"World Water Day – 22 March"}
    assert "intro" in items[0] and "goal_links" in items[0]


def test_detail_carries_the_same_json_ld_as_the_template(api, client, network):
    import json
    import re

    page = network.water_day
    from_api = api(f"pages/{page.pk}/").data["json_ld"]
    html = client.get(page.url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    from_template = json.loads(script.group(1))
    assert from_api["@type"] == "NewsArticle"
    assert from_api["headline"] == from_template["headline"] == page.title
    assert from_api["keywords"] == from_template["keywords"]
