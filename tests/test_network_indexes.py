"""Creating a network page in the admin can create its news and project indexes."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from kommunnatverk.models import (
    AccessibilityStatementPage,
    NetworkPage,
    NewsIndexPage,
    ProjectIndexPage,
)

from .admin_forms import form_data, log_in_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return log_in_editor(client)


def create_form_url(language: str = "sv") -> str:
    root = Page.get_first_root_node()
    url = reverse("wagtailadmin_pages:add", args=("kommunnatverk", "networkpage", root.id))
    return f"{url}?locale={language}"


def filled_create_form(client, *, title: str, slug: str, language: str = "sv", **fields):
    """The NetworkPage create form under the root as rendered, filled in; a field given
    as None is left out, as an unchecked box is."""
    response = client.get(create_form_url(language))
    assert response.status_code == 200
    data = form_data(response.content.decode(), "page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    data.update({"title": title, "slug": slug, **fields})
    for name, value in fields.items():
        if value is None:
            data.pop(name)
    return data


def create_network(client, *, title: str, slug: str, language: str = "sv", **fields):
    """Fill in the NetworkPage create form and submit it."""
    data = filled_create_form(client, title=title, slug=slug, language=language, **fields)
    response = client.post(create_form_url(language), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return NetworkPage.objects.get(slug=slug, locale__language_code=language)


def children(page: Page) -> dict[str, Page]:
    # Read from the database, not from a copy of the page that may predate its children.
    return {type(child).__name__: child for child in Page.objects.child_of(page).specific()}


def test_the_create_form_offers_the_box_checked_and_the_edit_form_does_not(editor, sv):
    root = Page.get_first_root_node()
    add = reverse("wagtailadmin_pages:add", args=("kommunnatverk", "networkpage", root.id))
    create_form = editor.get(add).content.decode()
    assert 'name="create_indexes"' in create_form
    assert form_data(create_form, "page-edit-form")["create_indexes"] == "on"

    existing = NetworkPage.objects.filter(locale=sv).first()
    edit_form = editor.get(reverse("wagtailadmin_pages:edit", args=(existing.pk,)))
    assert 'name="create_indexes"' not in edit_form.content.decode()


def test_publishing_with_the_box_creates_live_indexes_in_swedish(editor):
    network = create_network(
        editor, title="Nytt nätverk", slug="nytt-natverk", **{"action-publish": "1"}
    )

    assert network.live
    indexes = children(network)
    assert set(indexes) == {"NewsIndexPage", "ProjectIndexPage", "EventIndexPage"}
    news, projects = indexes["NewsIndexPage"], indexes["ProjectIndexPage"]
    assert (news.title, news.slug) == ("Nytt i nätverket", "nytt-i-nätverket")
    assert (projects.title, projects.slug) == ("Projekt", "projekt")
    assert (indexes["EventIndexPage"].title, indexes["EventIndexPage"].slug) == ("Möten", "möten")
    assert news.live and projects.live and indexes["EventIndexPage"].live
    assert {news.locale_id, projects.locale_id} == {network.locale_id}
    assert news.get_latest_revision() is not None


def test_saving_a_draft_creates_draft_indexes_and_says_so(editor):
    network = create_network(editor, title="Utkastnätverk", slug="utkastnatverk")

    told = [
        str(message) for message in editor.get(reverse("wagtailadmin_home")).context["messages"]
    ]
    assert "Skapade också: “Nytt i nätverket”, “Projekt”, “Möten”." in told

    assert not network.live
    indexes = children(network)
    assert set(indexes) == {"NewsIndexPage", "ProjectIndexPage", "EventIndexPage"}
    assert not any(index.live for index in indexes.values())
    assert all(index.has_unpublished_changes for index in indexes.values())


def test_an_english_network_gets_english_titles(editor):
    network = create_network(
        editor, title="New network", slug="new-network", language="en", **{"action-publish": "1"}
    )

    assert network.locale.language_code == "en"
    titles = {name: page.title for name, page in children(network).items()}
    assert titles == {
        "NewsIndexPage": "News",
        "ProjectIndexPage": "Projects",
        "EventIndexPage": "Meetings",
    }
    assert {page.locale_id for page in children(network).values()} == {network.locale_id}


def test_without_the_box_nothing_else_is_created(editor):
    network = create_network(editor, title="Tomt nätverk", slug="tomt-natverk", create_indexes=None)

    assert Page.objects.child_of(network).count() == 0


def offered_page_types(client, parent: Page):
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(parent.pk,)))
    assert response.status_code == 200
    return {model_name for _name, _app, model_name, _text in response.context["page_types"]}


def test_add_child_stops_offering_an_index_once_the_network_has_one(editor):
    network = create_network(editor, title="Eget nätverk", slug="eget-natverk", create_indexes=None)
    assert {"grouppage", "newsindexpage", "projectindexpage"} <= offered_page_types(editor, network)

    # The editor adds a news index by hand, through the admin.
    add_news_index = reverse(
        "wagtailadmin_pages:add", args=("kommunnatverk", "newsindexpage", network.pk)
    )
    data = form_data(editor.get(add_news_index).content.decode(), "page-edit-form")
    data.update({"title": "Nyheter", "slug": "nyheter"})
    assert editor.post(add_news_index, data).status_code == 302

    offered = offered_page_types(editor, network)
    assert "newsindexpage" not in offered
    assert {"grouppage", "projectindexpage"} <= offered
    # Asking for a second one anyway is refused: the admin sends the editor home.
    refused = editor.get(add_news_index)
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert NewsIndexPage.objects.child_of(network).count() == 1


def test_with_both_indexes_and_a_statement_add_child_goes_straight_to_a_group(editor):
    network = create_network(
        editor, title="Fullt nätverk", slug="fullt-natverk", **{"action-publish": "1"}
    )
    add_subpage = reverse("wagtailadmin_pages:add_subpage", args=(network.pk,))
    # The indexes are there; the accessibility statement is still to be written.
    choices = editor.get(add_subpage).content.decode()
    assert "accessibilitystatementpage" in choices and "grouppage" in choices
    assert "newsindexpage" not in choices and "projectindexpage" not in choices
    assert "eventindexpage" not in choices

    statement = AccessibilityStatementPage(
        title="Tillgänglighetsredogörelse",
        slug="tillganglighetsredogorelse",
        organisation_name="Energikontor Väst",
        service_name="kommunnatverket.se",
        compliance="full",
        assessed_on=datetime.date(2026, 12, 1),
        reviewed_on=datetime.date(2026, 12, 1),
        feedback_email="tillganglighet@example.org",
    )
    network.add_child(instance=statement)
    response = editor.get(add_subpage)
    # Only one type is left, so Wagtail skips the choice.
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=("kommunnatverk", "grouppage", network.pk)
    )
    assert ProjectIndexPage.objects.child_of(network).count() == 1


def test_an_autosave_waits_for_the_editors_own_publish(editor):
    """Wagtail autosaves a page being created, then posts the same form to the edit view;
    the indexes come with the editor's publish, as the box then says."""
    data = filled_create_form(editor, title="Autosparat nätverk", slug="autosparat")
    autosave = editor.post(create_form_url(), data, HTTP_ACCEPT="application/json").json()
    assert autosave["success"] is True
    network = NetworkPage.objects.get(slug="autosparat")
    assert Page.objects.child_of(network).count() == 0

    # The browser goes on autosaving over its own revision, as Wagtail's script does.
    data["overwrite_revision_id"] = autosave["revision_id"]
    edit_url = reverse("wagtailadmin_pages:edit", args=(network.pk,))
    autosave = editor.post(edit_url, data, HTTP_ACCEPT="application/json").json()
    assert autosave["success"] is True
    assert Page.objects.child_of(network).count() == 0
    data["overwrite_revision_id"] = autosave["revision_id"]

    published = editor.post(edit_url, {**data.dict(), "action-publish": "action-publish"})
    assert published.status_code == 302
    network.refresh_from_db()
    indexes = children(network)
    assert set(indexes) == {"NewsIndexPage", "ProjectIndexPage", "EventIndexPage"}
    assert all(index.live for index in indexes.values())

    # Publishing again does not add a second set.
    editor.post(edit_url, {**data.dict(), "action-publish": "action-publish"})
    assert Page.objects.child_of(network).count() == 3


def test_unchecking_the_box_after_an_autosave_is_respected(editor):
    data = filled_create_form(editor, title="Ångrat nätverk", slug="angrat")
    autosave = editor.post(create_form_url(), data, HTTP_ACCEPT="application/json").json()
    data["overwrite_revision_id"] = autosave["revision_id"]
    network = NetworkPage.objects.get(slug="angrat")

    data.pop("create_indexes")
    edit_url = reverse("wagtailadmin_pages:edit", args=(network.pk,))
    assert editor.post(edit_url, {**data.dict(), "action-publish": "1"}).status_code == 302

    network.refresh_from_db()
    assert network.live
    assert Page.objects.child_of(network).count() == 0
