"""Wagtail 8's autosave and the editor's own actions, posting one create form between them.

Autosave posts the create form as ``AutosaveController`` does (``Accept: application/json``,
the form's fields as they stand) to the "add" address; the browser moves the form to the
page's edit address only when that answer arrives. These tests post what the browser
posts in the window before it does, in each order the requests can meet.
"""

import json

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from kommunnatverk.admin import creation
from kommunnatverk.forms import CREATION_TOKEN
from kommunnatverk.models import Goal, NewsIndexPage, NewsPage, PageCreation

from .admin_forms import form_data, log_in_editor

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}
TITLE = "Klimatveckan i Borås"


@pytest.fixture
def editor(client):
    return log_in_editor(client)


@pytest.fixture
def index(network) -> NewsIndexPage:
    return NewsIndexPage.objects.get(locale__language_code="sv")


def add_url(index: NewsIndexPage) -> str:
    return reverse("wagtailadmin_pages:add", args=("kommunnatverk", "newspage", index.pk))


def filled_form(client, index: NewsIndexPage, *goals: Goal):
    """The news create form as rendered, with a title and one goal row per goal."""
    response = client.get(add_url(index))
    assert response.status_code == 200
    data = form_data(response.content.decode(), "page-edit-form")
    assert data.get(CREATION_TOKEN), "the create form carries its token"
    data.update(nested_form_data({"body": streamfield([])}))
    data.update({"title": TITLE, "slug": "klimatveckan-i-boras", "date": "2026-11-20"})
    data["goal_links-TOTAL_FORMS"] = str(len(goals))
    for number, goal in enumerate(goals):
        row = f"goal_links-{number}"
        data.update({f"{row}-goal": str(goal.pk), f"{row}-ORDER": str(number + 1)})
        data.update({f"{row}-id": "", f"{row}-DELETE": ""})
    return data


def publishing(data):
    data = data.copy()
    data["action-publish"] = "action-publish"
    return data


def swedish_goals(*codes: str) -> list[Goal]:
    goals = Goal.objects.filter(locale__language_code="sv", framework__slug="agenda-2030")
    return [goals.get(code=code) for code in codes]


def news() -> list[NewsPage]:
    return list(NewsPage.objects.filter(title=TITLE))


def test_publish_posted_after_autosave_made_the_page_publishes_that_page(editor, index):
    """The common case: autosave's answer is on its way back when the editor clicks."""
    water, energy = swedish_goals("6", "7")
    data = filled_form(editor, index, water, energy)

    autosave = editor.post(add_url(index), data, **AUTOSAVE)
    assert autosave.status_code == 200, autosave.content
    assert autosave.json()["success"]
    [draft] = news()
    assert not draft.live

    # The form still points at the "add" address, without the ids autosave gave its rows.
    response = editor.post(add_url(index), publishing(data), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=(index.pk,))
    [page] = news()
    assert page.pk == draft.pk
    assert page.live and not page.has_unpublished_changes
    assert [link.goal.code for link in page.goal_links.all()] == ["6", "7"]
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    shown += [m.get_text(" ", strip=True) for m in _messages(response)]
    assert any("Autospara hade redan skapat" in text for text in shown), shown


def _messages(response):
    import bs4

    soup = bs4.BeautifulSoup(response.content.decode(), "html.parser")
    return soup.select(".messages li")


def test_an_autosave_that_arrives_after_publish_saves_nothing(editor, index):
    """The other order: Publish made the page; the autosave sent before it comes last."""
    data = filled_form(editor, index, *swedish_goals("13"))
    published = editor.post(add_url(index), publishing(data))
    assert published.status_code == 302
    [page] = news()
    revisions = page.revisions.count()

    late = editor.post(add_url(index), data, **AUTOSAVE)

    assert late.status_code == 400
    answer = late.json()
    assert answer["error_code"] == "invalid_revision"
    assert "har redan skapats" in answer["error_message"]
    [page] = news()
    assert page.live and not page.has_unpublished_changes
    assert page.revisions.count() == revisions
    assert page.goal_links.count() == 1


def test_a_second_autosave_of_the_create_form_overwrites_the_first(editor, index):
    """A retried autosave (its first answer lost) edits the page and moves the form there."""
    data = filled_form(editor, index, *swedish_goals("6"))
    first = editor.post(add_url(index), data, **AUTOSAVE).json()
    data["intro"] = "Kommunerna samlas en vecka om klimatomställning."

    second = editor.post(add_url(index), data, **AUTOSAVE)

    assert second.status_code == 200, second.content
    answer = second.json()
    assert answer["success"]
    assert answer["revision_id"] == first["revision_id"]  # overwritten, not stacked
    assert answer["url"] == reverse("wagtailadmin_pages:edit", args=(first["pk"],))
    assert answer["hydrate_url"].startswith(answer["url"])
    [page] = news()
    latest = page.get_latest_revision_as_object()
    assert latest.intro == data["intro"]
    assert [link.goal.code for link in latest.goal_links.all()] == ["6"]


def test_publish_posted_while_autosave_is_still_creating_waits_and_publishes_it(
    editor, index, monkeypatch
):
    """The race of the issue, made deterministic: autosave has claimed the form and is
    inside Wagtail's create view when Publish arrives. Publish's first look finds no page
    yet; autosave then finishes, and Publish edits what it made."""
    data = filled_form(editor, index, *swedish_goals("6", "7"))
    token = data[CREATION_TOKEN]
    autosave_request = RequestFactory().post(add_url(index), data, **AUTOSAVE)
    autosave_request.user = editor.user
    autosave_request._messages = CookieStorage(autosave_request)
    setattr(autosave_request, creation.CREATION_HANDLED, True)  # as the hook marks it
    # Autosave's request got there first and claimed the form ...
    claim, claimed = creation._claim(creation._token(token), autosave_request, index)
    assert claimed
    events = []

    def autosave_goes_on() -> None:
        # ... and Publish, finding no page yet, waits; meanwhile autosave makes it.
        if not events:
            events.append("publish waits")
            answer = creation._create(autosave_request, index, NewsPage, claim)
            events.append(("autosave answered", answer.status_code))

    monkeypatch.setattr(creation, "pause", autosave_goes_on)

    response = editor.post(add_url(index), publishing(data))

    assert events == ["publish waits", ("autosave answered", 200)]
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == reverse("wagtailadmin_explore", args=(index.pk,))
    [page] = news()
    assert page.live
    assert [link.goal.code for link in page.goal_links.all()] == ["6", "7"]
    assert PageCreation.objects.get(token=token).page_id == page.pk


def test_a_creation_that_never_finishes_gives_a_message_not_a_server_error(
    editor, index, monkeypatch
):
    data = filled_form(editor, index)
    PageCreation.objects.create(token=data[CREATION_TOKEN], user=editor.user, parent=index)
    monkeypatch.setattr(creation, "WAIT_SECONDS", 0.2)

    response = editor.post(add_url(index), publishing(data), follow=True)
    autosave = editor.post(add_url(index), data, **AUTOSAVE)

    assert response.status_code == 200
    assert any("håller fortfarande på att skapas" in m.get_text() for m in _messages(response))
    assert autosave.status_code == 400
    assert "håller fortfarande på att skapas" in autosave.json()["error_message"]
    assert news() == []


def test_a_create_form_that_fails_validation_can_be_posted_again(editor, index):
    """A refused form releases its claim: corrected, the same form makes the page."""
    data = filled_form(editor, index)
    data["title"] = ""
    refused = editor.post(add_url(index), publishing(data))
    assert refused.status_code == 200
    assert not PageCreation.objects.filter(token=data[CREATION_TOKEN]).exists()
    # The form shown again keeps its token, so its later posts still make one page.
    again = form_data(refused.content.decode(), "page-edit-form")
    assert again[CREATION_TOKEN] == data[CREATION_TOKEN]

    data["title"] = TITLE
    assert editor.post(add_url(index), publishing(data)).status_code == 302
    assert len(news()) == 1


def test_another_editor_cannot_reach_a_page_through_a_token(client, index):
    """A token names the page only for the editor whose form made it."""
    author = log_in_editor(client, username="forfattare")
    data = filled_form(author, index)
    assert author.post(add_url(index), data, **AUTOSAVE).status_code == 200
    client.logout()
    other = log_in_editor(client, username="annan")

    response = other.post(add_url(index), publishing(data))

    assert response.status_code == 200  # an ordinary create: the slug is taken
    assert len(news()) == 1
    assert not news()[0].live


def test_the_edit_form_has_no_token(editor, index):
    data = filled_form(editor, index)
    page = editor.post(add_url(index), data, **AUTOSAVE).json()
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=(page["pk"],)))
    assert CREATION_TOKEN not in form_data(edit.content.decode(), "page-edit-form")
    assert json.loads(json.dumps(page))["url"].endswith(f"/{page['pk']}/edit/")


def with_empty_goal_row(data):
    data = data.copy()
    data["goal_links-TOTAL_FORMS"] = "1"
    data.update({"goal_links-0-goal": "", "goal_links-0-ORDER": "1"})
    data.update({"goal_links-0-id": "", "goal_links-0-DELETE": ""})
    return data


def test_an_autosave_held_back_by_an_empty_goal_row_names_the_row(editor, index):
    """A goal row cannot be saved without its goal, not even in a draft: autosave says so,
    naming the row, where Wagtail says only that there are validation errors."""
    data = with_empty_goal_row(filled_form(editor, index))

    created = editor.post(add_url(index), data, **AUTOSAVE)

    assert created.status_code == 400
    answer = created.json()
    assert answer["error_code"] == "validation_error"
    assert answer["error_message"] == (
        "Autospara fortsätter när detta är rättat: Mål, rad 1: Det här fältet är obligatoriskt."
    )
    assert news() == []

    # The same on a page that exists: the edit view's autosave.
    page = editor.post(add_url(index), filled_form(editor, index), **AUTOSAVE).json()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page["pk"],))
    edit = form_data(editor.get(edit_url).content.decode(), "page-edit-form")
    edit.update(nested_form_data({"body": streamfield([])}))
    edited = editor.post(edit_url, with_empty_goal_row(edit), **AUTOSAVE)
    assert edited.status_code == 400
    assert "Mål, rad 1: Det här fältet är obligatoriskt." in edited.json()["error_message"]


def test_the_message_is_in_english_for_an_english_admin(client, index):
    editor = log_in_editor(client, language="en")
    data = with_empty_goal_row(filled_form(editor, index))
    answer = editor.post(add_url(index), data, **AUTOSAVE).json()
    assert answer["error_message"] == (
        "Autosave goes on once this is corrected: Goals, row 1: This field is required."
    )


def link_block(**value):
    return nested_form_data(
        {"body": streamfield([("link", {"text": "", "page": "", "url": "", **value})])}
    )


def test_a_half_filled_link_is_autosaved_and_publishing_names_it(editor, index):
    """A link with its text but neither page nor address yet is a draft's business; the
    draft is saved, and Publish refuses it on the block."""
    data = filled_form(editor, index)
    data.update(link_block(text="Läs mer om klimatveckan"))

    autosave = editor.post(add_url(index), data, **AUTOSAVE)

    assert autosave.status_code == 200, autosave.content
    [draft] = news()
    published = editor.post(reverse("wagtailadmin_pages:edit", args=(draft.pk,)), publishing(data))
    assert published.status_code == 200
    # StreamField errors reach the page as JSON for Wagtail's block editor to draw.
    assert "antingen en sida eller en extern" in published.content.decode()
    draft.refresh_from_db()
    assert not draft.live


def test_an_unsafe_address_is_refused_even_in_a_draft(editor, index):
    data = filled_form(editor, index)
    data.update(link_block(text="Klicka", url="javascript:alert(1)"))

    autosave = editor.post(add_url(index), data, **AUTOSAVE)

    assert autosave.status_code == 400
    assert news() == []
