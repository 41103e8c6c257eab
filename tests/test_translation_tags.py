"""A translator sets the English name of a page's tags in wagtail-localize's editor, and
the status counts a tag still in Swedish (issue 16, items 1 and 2).

Each step goes through wagtail-localize's own admin views, as in test_translation_workflow.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model

from kommunnatverk.localisation import status as translation_status
from kommunnatverk.localisation.status import State
from kommunnatverk.models import NetworkTag, NewsPage

from . import factories
from .test_translation_workflow import Translator

pytestmark = pytest.mark.django_db

NEWS_EN = {"Solceller på skolans tak": "Solar panels on the school roof", "solceller": "solar"}
TAG_EN = {"name": "solar energy", "slug": "solar-energy"}


@pytest.fixture
def api(api):
    """The delivery API, asking for ``meta.translation_status``, which is opt-in."""

    def get(path: str, **headers):
        if path.startswith("pages/"):
            path += ("&" if "?" in path else "?") + "translation_status=true"
        return api(path, **headers)

    return get


@pytest.fixture
def translator(client, django_capture_on_commit_callbacks) -> Translator:
    user = get_user_model().objects.create_superuser("oversattare", "o@example.org", "hemligt")
    client.force_login(user)
    return Translator(client, user, django_capture_on_commit_callbacks)


@pytest.fixture
def solar_news(network) -> NewsPage:
    """A published Swedish news item tagged "solenergi" (a new tag) and "skola"."""
    item = factories.news(network.news_index, "solceller", title="Solceller på skolans tak")
    NewsPage._meta.get_field("tags").save_form_data(item, ["solenergi", "skola"])
    item.save_revision().publish()
    return NewsPage.objects.get(pk=item.pk)


def english_status(user=None) -> translation_status.LocaleStatus:
    status = translation_status.compute(["en"], user=user)
    return status.locales[0]


def entries(locale_status, state_list: str) -> dict[str, translation_status.Item]:
    return {entry.title: entry for entry in getattr(locale_status, state_list)}


def tag_segments(props: dict) -> list[dict]:
    return [s for s in props["segments"] if s["type"] == "related_object"]


def translate_fields(who: Translator, target, by_path: dict[str, str]) -> None:
    """Type a translation into the segments named by field, as the editor saves them."""
    segments = {s["contentPath"]: s for s in who.editor(target)["segments"]}
    for path, text in by_path.items():
        response = who.client.put(
            segments[path]["editUrl"],
            urlencode({"value": text}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def test_the_pages_translation_editor_lists_its_tags_with_a_way_to_translate_them(
    translator: Translator, solar_news, en
):
    target = translator.submit(solar_news, en)
    shown = tag_segments(translator.editor(target))
    assert sorted(s["source"]["title"] for s in shown) == ["skola", "solenergi"]
    solar = next(s for s in shown if s["source"]["title"] == "solenergi")
    assert solar["location"]["tab"] == "innehall"  # where the editor tags the page
    english_tag = NetworkTag.objects.get(name="solenergi", locale=en)  # submitted with it
    assert solar["dest"]["editUrl"] == translator.edit_url(english_tag)
    assert solar["translationProgress"] == {"totalSegments": 2, "translatedSegments": 0}
    school = next(s for s in shown if s["source"]["title"] == "skola")
    assert school["translationProgress"]["translatedSegments"] == 2  # translated before


def test_a_tag_translated_in_its_editor_is_what_the_english_page_shows(
    translator: Translator, solar_news, en, api
):
    target = translator.submit(solar_news, en)
    translator.translate(target, NEWS_EN)
    english_page = translator.publish(target)
    swedish_tag = solar_news.tags.get(name="solenergi")
    english_tag = NetworkTag.objects.get(translation_key=swedish_tag.translation_key, locale=en)

    translate_fields(translator, english_tag, TAG_EN)
    translator.publish(english_tag)

    english_tag.refresh_from_db()
    assert (english_tag.name, english_tag.slug) == ("solar energy", "solar-energy")
    assert sorted(t.name for t in english_page.tags.all()) == ["school", "solar energy"]
    # Only the one English tag: no second copy under Tags.
    assert NetworkTag.objects.filter(translation_key=english_tag.translation_key).count() == 2
    item = api(f"pages/{english_page.pk}/").data
    assert {"name": "solar energy", "slug": "solar-energy"} in item["tags"]
    html = translator.client.get(english_page.url).content.decode()
    assert "/en/news/?tag=solar-energy" in html
    assert "solenergi" not in html
    feed = translator.client.get("/en/feeds/news.rss").content.decode()
    assert "<category>solar energy</category>" in feed
    assert "solenergi" not in feed


def test_the_status_counts_a_tag_still_in_swedish(translator: Translator, solar_news, en, api):
    target = translator.submit(solar_news, en)
    translator.translate(target, NEWS_EN)
    translator.publish(target)

    status = english_status()
    outdated = entries(status, "outdated")
    assert outdated["solenergi"].model_label == "kommunnatverk.NetworkTag"
    assert outdated["solenergi"].progress == translation_status.Progress(2, 0)
    # The page itself is translated, but its English version shows a Swedish tag.
    # Title and slug, with the two segments of each tag ("skola" was translated before).
    page = outdated["Solceller på skolans tak"]
    assert page.progress == translation_status.Progress(6, 4)
    meta = api(f"pages/{solar_news.pk}/").data["meta"]["translation_status"]
    assert meta["locales"]["en"] == "outdated"
    assert meta["progress"]["en"] == {"segments": 6, "translated": 4, "percent": 66.7}

    english_tag = NetworkTag.objects.get(name="solenergi", locale=en)
    translate_fields(translator, english_tag, TAG_EN)
    translator.publish(english_tag)

    status = english_status()
    assert status.complete, [e.title for e in status.outdated + status.missing]
    meta = api(f"pages/{solar_news.pk}/").data["meta"]["translation_status"]
    assert meta["locales"]["en"] == "up_to_date"
    assert meta["progress"]["en"] == {"segments": 6, "translated": 6, "percent": 100.0}


def test_tags_no_public_page_carries_are_not_counted(sv, en, network):
    NetworkTag.objects.create(name="oanvänd", slug="oanvand", locale=sv)
    assert "oanvänd" not in {e.title for e in english_status().missing}
    assert english_status().complete


def test_a_freshly_submitted_page_in_swedish_is_not_up_to_date(
    translator: Translator, solar_news, en, api
):
    """wagtail-localize publishes untranslated segments in Swedish: that is not done."""
    target = translator.submit(solar_news, en)
    translator.publish(target)  # published at once, nothing translated
    english_page = NewsPage.objects.get(pk=target.pk)
    assert english_page.live and english_page.title == "Solceller på skolans tak"

    for pk in (solar_news.pk, english_page.pk):
        meta = api(f"pages/{pk}/").data["meta"]["translation_status"]
        assert meta["locales"] == {"en": "outdated"}
        assert meta["progress"]["en"] == {"segments": 6, "translated": 2, "percent": 33.3}
    listed = api("pages/?type=news&locale=en").data["items"]
    meta = next(i for i in listed if i["id"] == english_page.pk)["meta"]
    assert meta["translation_status"]["locales"] == {"en": "outdated"}
    report = entries(english_status(), "outdated")
    assert report["Solceller på skolans tak"].state is State.OUTDATED


def test_a_page_with_a_new_untranslated_segment_is_outdated_after_a_sync(
    translator: Translator, network, en, api
):
    """The sync's "Publish immediately" shows the new Swedish text on the English page."""
    page = network.water_day
    page.intro = "En helt ny ingress."
    page.save_revision().publish()
    translator.sync(page, publish=True)
    meta = api(f"pages/{page.pk}/").data["meta"]["translation_status"]
    assert meta["locales"] == {"en": "outdated"}
    progress = meta["progress"]["en"]
    assert progress["translated"] == progress["segments"] - 1
