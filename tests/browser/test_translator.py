"""A translator, in wagtail-localize's editor, brings a Swedish news item into English."""

import datetime
import json
import re
import urllib.request

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from kommunnatverk.models import Goal, NewsIndexPage, NewsPage
from kommunnatverk.models.links import NewsPageGoal

from .conftest import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ENGLISH = {
    "Klimatveckan i Borås": "Climate week in Borås",
    "klimatveckan-i-boras": "climate-week-in-boras",
    "Kommunerna i nätverket samlas en vecka om klimatomställning.": (
        "The network's municipalities meet for a week on the climate transition."
    ),
    "Under veckan delar kommunerna med sig av sina klimatlöften.": (
        "During the week the municipalities share their climate pledges."
    ),
}


@pytest.fixture
def swedish_news(demo) -> NewsPage:
    """A published Swedish news item that has no English translation yet."""
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    news = NewsPage(
        title="Klimatveckan i Borås",
        slug="klimatveckan-i-boras",
        date=datetime.date(2026, 11, 20),
        intro="Kommunerna i nätverket samlas en vecka om klimatomställning.",
        body=[("paragraph", "<p>Under veckan delar kommunerna med sig av sina klimatlöften.</p>")],
    )
    climate = Goal.objects.get(locale=index.locale, framework__slug="agenda-2030", code="13")
    news.goal_links = [NewsPageGoal(goal=climate)]
    index.add_child(instance=news)
    news.save_revision().publish()
    return news


@pytest.fixture
def translator(demo):
    call_command("kommunnatverk_setup_roles", verbosity=0)
    return make_user("oversattare", groups=["Översättare (engelska)"])


def translate_segment(tab: Page, segment) -> None:
    source = segment.locator("p").first.inner_text()
    assert source in ENGLISH, f"an unexpected segment to translate: {source!r}"
    segment.get_by_role("button", name="Översätt").click()
    segment.locator("textarea").fill(ENGLISH[source])
    segment.get_by_role("button", name="Spara").click()
    expect(tab.locator("li.incomplete p", has_text=source)).to_have_count(0)


def test_translator_translates_news_into_english_and_publishes_it(
    page: Page, live_server, swedish_news: NewsPage, translator, guide_screenshots
):
    base = live_server.url
    log_in(page, base, "oversattare")

    # The translation status report lists the news item as missing in English.
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Rapporter").click()
    page.get_by_role("link", name="Översättningsstatus").click()
    english_status = page.locator("section", has=page.get_by_role("heading", name="Engelska"))
    missing = english_status.get_by_role("row", name=re.compile("Klimatveckan i Borås"))
    to_translate = missing.get_by_role("link", name=re.compile("^Översätt"))
    expect(to_translate).to_be_visible()
    guide_screenshots(page, "translation-status")
    to_translate.click()

    expect(page).to_have_url(re.compile(rf"/admin/localize/submit/page/{swedish_news.pk}/"))
    expect(page.get_by_label("Engelska")).to_be_checked()
    page.click("form[novalidate] input[type=submit]")
    expect(page.locator(".messages")).to_contain_text("skickas för översättning till Engelska")
    english = swedish_news.get_translation(Locale.objects.get(language_code="en"))
    expect(page).to_have_url(f"{base}/admin/pages/{english.pk}/edit/")

    # The editor shows one tab of segments at a time, as the page editor does.
    for tab in page.get_by_role("tab").all():
        tab.click()
        segments = page.locator("li.incomplete:visible")
        while segments.count():
            translate_segment(page, segments.first)
            if page.locator("li.incomplete").count() == 3:
                guide_screenshots(page, "translator-editor")
    expect(page.locator("li.incomplete")).to_have_count(0)
    guide_screenshots(page, "translator-translated")

    page.get_by_role("button", name=re.compile(r"^Publicera")).first.click()
    published = "Publicerade 'Climate week in Borås' på Engelska"
    expect(page.locator(".messages")).to_contain_text(published)
    guide_screenshots(page, "translator-published")

    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Rapporter").click()
    page.get_by_role("link", name="Översättningsstatus").click()
    expect(page.get_by_text("Klimatveckan i Borås")).to_have_count(0)

    english.refresh_from_db()
    assert english.live
    assert english.title == "Climate week in Borås"
    assert english.intro == ENGLISH["Kommunerna i nätverket samlas en vecka om klimatomställning."]
    assert [link.goal.title for link in english.specific.goal_links.all()] == ["Climate action"]

    page.goto(f"{base}{english.url}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Climate week in Borås")
    expect(page.get_by_text("During the week the municipalities share")).to_be_visible()

    with urllib.request.urlopen(f"{base}/api/network/pages/{english.pk}/") as response:  # noqa: S310
        item = json.load(response)
    assert item["meta"]["locale"] == "en"
    assert item["title"] == "Climate week in Borås"
    assert item["date"] == "2026-11-20"
    alternates = {alt["locale"]: alt["id"] for alt in item["translations"]}
    assert alternates == {"sv": swedish_news.pk, "en": english.pk}
