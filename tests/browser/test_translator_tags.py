"""A translator gives a news item's new tag its English name from the page's translation
editor (issue 16): the English page, its tag link and the API show the English tag."""

import datetime
import json
import re
import urllib.request

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from kommunnatverk.models import NetworkTag, NewsIndexPage, NewsPage

from .conftest import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ENGLISH = {
    "Solceller på skolans tak": "Solar panels on the school roof",
    "solceller-pa-skolans-tak": "solar-panels-on-the-school-roof",
    "Eleverna följer hur mycket el taket ger.": "The pupils follow how much power the roof makes.",
}
TAG = {"Namn": "solar energy", "Slug": "solar-energy"}


@pytest.fixture
def tagged_news(demo) -> NewsPage:
    """A published Swedish news item tagged with a new tag, "solenergi"."""
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    news = NewsPage(
        title="Solceller på skolans tak",
        slug="solceller-pa-skolans-tak",
        date=datetime.date(2026, 11, 30),
        intro="Eleverna följer hur mycket el taket ger.",
    )
    index.add_child(instance=news)
    NewsPage._meta.get_field("tags").save_form_data(news, ["solenergi"])
    news.save_revision().publish()
    return news


@pytest.fixture
def translator(demo):
    call_command("kommunnatverk_setup_roles", verbosity=0)
    return make_user("oversattare", groups=["Översättare (engelska)"])


def translate_incomplete(tab: Page, text_for) -> None:
    """Translate every segment the editor shows as not translated, tab by tab."""
    # ``all()`` does not wait: the React editor may not have drawn its tabs yet.
    expect(tab.get_by_role("tab").first).to_be_visible()
    for heading in tab.get_by_role("tab").all():
        heading.click()
        segments = tab.locator("li.incomplete:visible")
        while segments.count():
            segment = segments.first
            english = text_for(segment)
            segment.get_by_role("button", name="Översätt").click()
            segment.locator("textarea").fill(english)
            segment.get_by_role("button", name="Spara").click()
            expect(segment.locator("textarea")).to_have_count(0)


def test_translator_sets_the_english_name_of_a_tag_in_the_translation_editor(
    page: Page, live_server, tagged_news: NewsPage, translator, guide_screenshots
):
    base = live_server.url
    log_in(page, base, "oversattare")
    page.goto(f"{base}/admin/localize/submit/page/{tagged_news.pk}/?select_locale=en")
    expect(page.get_by_label("Engelska")).to_be_checked()
    page.click("form[novalidate] input[type=submit]")
    english = tagged_news.get_translation(Locale.objects.get(language_code="en"))
    expect(page).to_have_url(f"{base}/admin/pages/{english.pk}/edit/")

    # The page's texts, then its tag: listed with its progress and a button to edit it.
    translate_incomplete(page, lambda segment: ENGLISH[segment.locator("p").first.inner_text()])
    page.get_by_role("tab", name="Innehåll").click()
    tag = page.locator("li", has=page.locator("p", has_text=re.compile("^solenergi$"))).last
    expect(tag).to_contain_text("0 / 2 segment översatta")
    tag.scroll_into_view_if_needed()
    guide_screenshots(page, "translator-tag")
    with page.expect_popup() as opened:
        tag.get_by_role("button", name="Redigera").click()
    tag_editor = opened.value

    # The tag's own translation editor: its name and slug, each under its field's label.
    expect(tag_editor.locator("li.incomplete")).to_have_count(len(TAG))
    for left, (label, english_text) in enumerate(TAG.items(), start=1):
        field = tag_editor.locator("li", has=tag_editor.get_by_text(label, exact=True))
        segment = field.locator("li.incomplete").first
        segment.get_by_role("button", name="Översätt").click()
        segment.locator("textarea").fill(english_text)
        segment.get_by_role("button", name="Spara").click()
        expect(tag_editor.locator("li.incomplete")).to_have_count(len(TAG) - left)
    tag_editor.get_by_role("button", name=re.compile(r"^Publicera")).first.click()
    expect(tag_editor.locator(".messages")).to_contain_text("'solar energy' på Engelska")
    tag_editor.close()

    page.reload()
    page.get_by_role("tab", name="Innehåll").click()
    expect(tag).to_contain_text("2 / 2 segment översatta")
    page.get_by_role("button", name=re.compile(r"^Publicera")).first.click()
    expect(page.locator(".messages")).to_contain_text("Solar panels on the school roof")

    english_tag = NetworkTag.objects.get(name="solar energy")
    assert english_tag.locale.language_code == "en"
    assert not NetworkTag.objects.filter(name="solenergi", locale=english_tag.locale).exists()

    english.refresh_from_db()
    page.goto(f"{base}{english.url}")
    link = page.get_by_role("link", name="solar energy")
    expect(link).to_have_attribute("href", re.compile(r"/en/news/\?tag=solar-energy$"))
    expect(page.get_by_text("solenergi")).to_have_count(0)

    detail = f"{base}/api/network/pages/{english.pk}/?translation_status=true"
    with urllib.request.urlopen(detail) as response:  # noqa: S310
        item = json.load(response)
    assert [tag["name"] for tag in item["tags"]] == ["solar energy"]
    assert item["meta"]["translation_status"]["locales"] == {"en": "up_to_date"}
    assert item["meta"]["translation_status"]["progress"]["en"]["percent"] == 100.0

    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Rapporter").click()
    page.get_by_role("link", name="Översättningsstatus").click()
    expect(page.get_by_text("Solceller på skolans tak")).to_have_count(0)
    expect(page.get_by_role("row", name=re.compile("solenergi"))).to_have_count(0)
