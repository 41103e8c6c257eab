"""A subtree translated in one step keeps the English page tree whole (wagtail-localize #773).

In a fresh site, translating the home page with "Include subtree" left ``numchild = 0`` on
every new English parent: each English page below answered 404 while the API still listed
it, until ``manage.py fixtree``. These tests take the test network's English tree away
and make it again the ways a translator and a developer do, then ask the tree, the site
and the API.
"""

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationLog, TranslationSource

from kommunnatverk.localisation import page_tree, translate_with_strings

from .network import ENGLISH

pytestmark = pytest.mark.django_db


def no_tree_problems() -> bool:
    return not any(Page.find_problems())


@pytest.fixture
def swedish_only(network):
    """The test network with no English: what a site has before its first translation."""
    network.english(network.page).delete()
    assert not Page.objects.filter(locale__language_code="en").exists()
    return network


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("oversattare", "o@example.org", "hemligt")
    client.force_login(user)
    return client


@pytest.fixture
def live_on_translate(settings):
    """wagtail-localize's default, so that of a site made with `wagtail start`: a new
    translation of a live page goes live at once."""
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True


@pytest.fixture
def without_the_repair() -> Iterator[None]:
    """wagtail-localize as it is, without the package's receiver."""
    uid = "kommunnatverk_publish_translations_from_the_row"
    assert post_save.disconnect(sender=TranslationLog, dispatch_uid=uid)
    try:
        yield
    finally:
        page_tree.connect()


def submit_with_subtree(client, capture, page, locale):
    """Translate this page → English, Include subtree: what the admin's form posts."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    field = client.get(url).context["form"]["include_subtree"]
    descendants = page.get_descendants().count()
    assert not field.is_hidden and str(field.label) == f"Inkludera underträd ({descendants} sidor)"
    with capture(execute=True):  # the request's commit: wagtail-localize publishes now
        response = client.post(url, {"locales": [locale.pk], "include_subtree": "on"})
    assert response.status_code == 302, response.content


def english_tree(network, en) -> list[Page]:
    """The English version of every page of the Swedish network, top down."""
    swedish = Page.objects.descendant_of(network.page, inclusive=True).order_by("path")
    return [page.get_translation(en) for page in swedish]


def english_tree_counts(top: Page) -> dict[str, int]:
    """``numchild`` of the English parents, by their Swedish-derived slug ('' for the top)."""
    top.refresh_from_db()
    counts = {"": top.numchild}
    for child in top.get_children():
        if child.numchild:
            counts[child.slug] = child.numchild
    return counts


def assert_served(client, api, pages: list[Page]) -> None:
    """Each page answers 200 as itself (not the Swedish tree Wagtail falls back to), and
    the delivery API lists it."""
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.context["page"].pk == page.pk, page.url
    listed = api("pages/?locale=en&fallback=none&limit=100").data["items"]
    assert {item["id"] for item in listed} >= {page.pk for page in pages}


def test_include_subtree_in_the_admin_leaves_every_english_page_reachable(
    swedish_only, admin_client, django_capture_on_commit_callbacks, en, api, live_on_translate
):
    submit_with_subtree(admin_client, django_capture_on_commit_callbacks, swedish_only.page, en)

    pages = english_tree(swedish_only, en)
    assert len(pages) == 11 and all(page.live for page in pages)
    assert no_tree_problems()
    assert english_tree_counts(pages[0]) == {"": 5, "nytt-i-natverket": 3, "projekt": 2}
    assert_served(admin_client, api, pages)


def test_include_subtree_as_drafts_keeps_the_tree_whole_and_a_sync_publishes_into_it(
    swedish_only, admin_client, django_capture_on_commit_callbacks, en, api
):
    """The package's suggested setting: new translations start as drafts (tests/settings).
    "Sync translated pages" with "Publish immediately" then publishes them in place."""
    submit_with_subtree(admin_client, django_capture_on_commit_callbacks, swedish_only.page, en)
    pages = english_tree(swedish_only, en)
    assert not any(page.live for page in pages)
    assert no_tree_problems()

    for page in Page.objects.descendant_of(swedish_only.page, inclusive=True):
        source = TranslationSource.objects.get_for_instance(page)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                {"publish_translations": "on"},
            )
        assert response.status_code == 302

    pages = english_tree(swedish_only, en)
    assert all(page.live for page in pages)
    assert no_tree_problems()
    assert_served(admin_client, api, pages)


def test_a_subtree_translated_from_code_in_one_transaction_keeps_the_tree_whole(
    swedish_only, django_capture_on_commit_callbacks, en, client, api
):
    """An import that translates the pages top down and commits once at the end."""
    with django_capture_on_commit_callbacks(execute=True):
        for page in Page.objects.descendant_of(swedish_only.page, inclusive=True).order_by("path"):
            assert not translate_with_strings(page.specific, en, ENGLISH).missing_strings

    pages = english_tree(swedish_only, en)
    assert no_tree_problems()
    assert_served(client, api, pages)
    assert swedish_only.english(swedish_only.water_day).url == "/en/news/world-water-day-22-march/"


def test_wagtail_localize_still_breaks_the_tree_without_the_repair(
    swedish_only,
    admin_client,
    django_capture_on_commit_callbacks,
    en,
    live_on_translate,
    without_the_repair,
):
    """The upstream fault, reproduced: when this fails, wagtail-localize has fixed #773 and
    ``kommunnatverk.localisation.page_tree`` can go."""
    submit_with_subtree(admin_client, django_capture_on_commit_callbacks, swedish_only.page, en)

    pages = english_tree(swedish_only, en)
    parents = [page.pk for page in pages if Page.objects.child_of(page).exists()]
    assert len(parents) == 3
    assert Page.find_problems()[4] == parents  # wrong numchild, nothing else
    assert not any(Page.find_problems()[:4])
    assert admin_client.get(pages[0].url).status_code == 200
    assert admin_client.get(pages[1].url).status_code == 404
