"""The example site's demo: the seed page complete in both languages, loaded idempotently.

The only tests that load the demo (the ``demo`` fixture, once for the module): the rest of
the suite works on the test network of tests/network.py.
"""

import re

import pytest
from django.core.management import call_command
from example_site.demo_english import ENGLISH
from wagtail.models import Page

from example_site import demo_content as seed
from kommunnatverk.models import (
    AccessibilityStatementPage,
    ContactSidebar,
    EventPage,
    GoalFramework,
    GroupPage,
    NetworkPage,
    NetworkTag,
    NewsPage,
    Organisation,
    ProjectPage,
)

from .api.schema import PREFIX, assert_responses_match, real_urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def model_counts() -> dict[str, int]:
    models = [Page, Organisation, GoalFramework, ContactSidebar, NetworkTag]
    return {model.__name__: model.objects.count() for model in models}


def test_loader_is_idempotent():
    before = model_counts()
    call_command("load_network_demo", verbosity=0)
    assert model_counts() == before


def test_rerun_keeps_an_editors_changes(sv):
    page = NetworkPage.objects.get(locale=sv)
    page.intro = "Redaktörens nya ingress."
    page.save_revision().publish()
    call_command("load_network_demo", verbosity=0)
    assert NetworkPage.objects.get(locale=sv).intro == "Redaktörens nya ingress."


def test_network_page_in_its_own_words(sv, en):
    page = NetworkPage.objects.get(locale=sv)
    assert page.title == seed.NETWORK_TITLE
    assert page.intro == seed.NETWORK_INTRO
    assert [aim.text for aim in page.aims.all()] == seed.AIMS
    assert len(seed.AIMS) == 7
    body = str(page.body)
    for paragraph in seed.NETWORK_BODY:
        assert paragraph in body
    english = page.get_translation(en)
    assert [aim.text for aim in english.aims.all()] == [ENGLISH[a] for a in seed.AIMS]
    assert english.intro == ENGLISH[seed.NETWORK_INTRO]


@pytest.mark.parametrize(
    ("model", "titles"),
    [
        (GroupPage, [g.title for g in seed.GROUPS]),
        (NewsPage, [n.title for n in seed.NEWS]),
        (ProjectPage, [p.title for p in seed.PROJECTS]),
    ],
)
def test_every_seed_page_exists_live_in_both_languages(model, titles, sv, en):
    assert len(titles) == {GroupPage: 3, NewsPage: 3, ProjectPage: 2}[model]
    for title in titles:
        page = model.objects.get(locale=sv, title=title)
        english = page.get_translation(en)
        assert page.live and english.live
        assert english.title == ENGLISH[title]


def test_seed_snippets_exist_in_both_languages(sv, en):
    for item in seed.ORGANISATIONS:
        org = Organisation.objects.get(locale=sv, name=item.name)
        assert org.get_translation(en).name == ENGLISH[item.name]
    titles = {f.title for f in GoalFramework.objects.filter(locale=sv)}
    assert titles == {"Agenda 2030", "Klimat 2030", "Utmaningar för ett hållbart Västra Götaland"}
    assert GoalFramework.objects.filter(locale=en).count() == 3
    sidebar = ContactSidebar.objects.get(locale=sv)
    assert [c.name for c in sidebar.contacts.all()] == ["Maj-Liz", "Maria"]
    assert [c.name for c in sidebar.get_translation(en).contacts.all()] == ["Maj-Liz", "Maria"]


def test_one_example_meeting_per_group_in_both_languages_dated_from_today(sv, en):
    from example_site import demo_events

    meetings = EventPage.objects.filter(locale=sv).order_by("start")
    assert [m.group.slug for m in meetings] == [g.slug for g in seed.GROUPS]
    for meeting in meetings:
        english = meeting.get_translation(en)
        assert meeting.live and english.live
        # Marked as examples in both languages, nothing else claimed about the meetings.
        assert meeting.title.startswith("Exempelmöte")
        assert english.title.startswith("Example meeting")
        assert meeting.intro == demo_events.EXAMPLE_NOTE
        assert english.intro == ENGLISH[demo_events.EXAMPLE_NOTE]
        # A page link is synchronised (wagtail-localize localises page links when read):
        # the English meeting is the same group's, shown as its English page.
        assert english.group.translation_key == meeting.group.translation_key
        assert english.start == meeting.start  # synchronised, not translated
        assert meeting.start.astimezone(demo_events.TIME_ZONE).hour == 9
        # Dated from the day the demo was loaded (in Stockholm), not the day the test
        # runs: a run across midnight would count a day fewer.
        loaded = meeting.first_published_at.astimezone(demo_events.TIME_ZONE).date()
        starts = meeting.start.astimezone(demo_events.TIME_ZONE).date()
        assert 14 <= (starts - loaded).days <= 28
        assert meeting.online_url in ("", demo_events.ONLINE_URL)
    assert {m.format for m in meetings} == {"physical", "digital", "hybrid"}


def test_news_without_dates_in_the_seed_have_none(sv):
    assert set(NewsPage.objects.filter(locale=sv).values_list("date", flat=True)) == {None}


def test_the_water_days_picture_says_what_it_shows_in_both_languages(client, sv, en):
    news = NewsPage.objects.get(slug="internationella-vattendagen-22-mars", locale=sv)
    english = news.get_translation(en)
    assert news.image is not None and english.image_id == news.image_id
    assert news.image_alt_text == seed.WATER_GLASS.alt_text
    assert english.image_alt_text == ENGLISH[seed.WATER_GLASS.alt_text]
    assert f'alt="{english.image_alt_text}"' in client.get(english.url).content.decode()


def test_the_footer_names_the_coordinator_on_every_page(client, sv):
    for page in Page.objects.live().filter(locale=sv, depth__gt=1):
        html = client.get(page.get_url()).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert "Samordnas av" in footer and "Energikontor Väst" in footer, page.url_path


def test_english_text_covers_every_swedish_string():
    """Nothing in the demo goes live in Swedish on the English site."""
    for page in Page.objects.filter(locale__language_code="en").specific():
        text = " ".join(str(getattr(page, f, "")) for f in ("title", "intro", "body"))
        assert not re.search(r"\b(och|för|att|som)\b", text), page.url_path


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_demo_page_renders_with_the_right_lang(client, language):
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    # network, 3 groups, 3 indexes, 3 news, 2 projects, 3 meetings, the statement
    assert pages.count() == 16
    for page in pages:
        url = page.get_url()
        assert url.startswith("/en/") == (language == "en"), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in response.content.decode(), url


def test_the_demo_states_its_own_accessibility_truthfully(client, sv, en):
    """Partially compliant, naming the review not yet made, in both languages, and linked
    from every page."""
    statement = AccessibilityStatementPage.objects.get(locale=sv)
    english = statement.get_translation(en)
    for page in (statement, english):
        assert page.live
        assert page.compliance == "partial"
        assert page.assessment_method == "self_assessment"
        assert page.complaint_url == "https://www.digg.se/tdosanmalan"
        assert [item.value["criteria"] for item in page.non_compliant] == [[]]
    assert (
        english.non_compliant[0].value["content"]
        == ENGLISH[seed.STATEMENT_NON_COMPLIANT[0].content]
    )
    assert english.assessment_description == ENGLISH[seed.STATEMENT_ASSESSMENT]
    assert "axe-core 4.14" in statement.assessment_description
    html = client.get(statement.url).content.decode()
    assert "Den här webbplatsen är delvis förenlig med lagen" in html
    assert "skärmläsare" in html
    assert "2.4.5" not in html
    for page in Page.objects.live().filter(depth__gt=1).specific():
        target = english if page.locale_id == en.pk else statement
        assert f'class="accessibility-statement-link" href="{target.url}"' in (
            client.get(page.url).content.decode()
        ), page.url


def test_page_tree_is_consistent():
    """Translating parents and children in turn must leave treebeard's counts right."""
    assert not any(Page.find_problems())


def test_every_demo_response_matches_its_schema(api, client):
    """The demo's responses match the delivery API's OpenAPI document (tests/api)."""
    document = client.get(f"{PREFIX}/openapi.json").json()
    urls = real_urls(
        news=NewsPage.objects.get(slug="world-water-day-22-march"),
        project=ProjectPage.objects.get(slug="hallbart-resande-i-skolan"),
        sidebar=ContactSidebar.objects.get(locale__language_code="en"),
    )
    assert assert_responses_match(api, document, urls) > 30
