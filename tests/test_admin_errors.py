"""Bad input in the admin gets a Swedish message on the field, and nothing typed is lost."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kommunnatverk.blocks import RICH_TEXT_FEATURES
from kommunnatverk.models import Goal, ProjectPage

from .admin_forms import field_errors, form_data, log_in_editor

pytestmark = pytest.mark.django_db

# Wagtail's own Swedish catalogue says it so; Django's says "Detta fält måste fyllas i.".
REQUIRED_IN_SWEDISH = {"Det här fältet är obligatoriskt.", "Detta fält måste fyllas i."}


@pytest.fixture
def editor(client):
    return log_in_editor(client, "sv")


def goal_add_url() -> str:
    return reverse(Goal.snippet_viewset.get_url_name("add")) + "?locale=sv"


def fill_goal_form(client, **values) -> dict:
    data = form_data(client.get(goal_add_url()).content.decode(), "w-editor-form")
    data.update(values)
    return data


def test_a_goal_without_title_names_the_field_in_swedish_and_keeps_the_rest(editor, network):
    framework = network.frameworks["agenda-2030"]
    typed = {
        "framework": str(framework.pk),
        "code": "99",
        "title": "",
        "short_text": "En kort text som inte får försvinna.",
        "colour": "#123456",
        "url": "https://example.org/mal-99",
        "sort_order": "99",
    }
    before = Goal.objects.count()

    response = editor.post(goal_add_url(), fill_goal_form(editor, **typed))

    assert response.status_code == 200
    html = response.content.decode()
    assert set(field_errors(html, "title")) <= REQUIRED_IN_SWEDISH
    assert field_errors(html, "title"), "the title field shows why"
    assert field_errors(html, "code") == []
    shown = form_data(html, "w-editor-form")
    for name in ("framework", "code", "short_text", "colour", "url", "sort_order"):
        assert shown[name] == typed[name], name
    assert Goal.objects.count() == before


def test_a_duplicate_goal_code_is_refused_on_the_code_field_in_swedish(editor, network):
    framework = network.frameworks["agenda-2030"]
    assert Goal.objects.filter(framework=framework, code="13").exists()
    data = fill_goal_form(
        editor,
        framework=str(framework.pk),
        code="13",
        title="Ett andra mål 13",
        colour="#3F7E44",
        sort_order="13",
    )

    response = editor.post(goal_add_url(), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert field_errors(html, "code") == ["Det finns redan ett mål med den här koden i ramverket."]
    assert form_data(html, "w-editor-form")["title"] == "Ett andra mål 13"
    assert Goal.objects.filter(framework=framework, code="13").count() == 1


@pytest.mark.parametrize(
    "action", [{}, {"action-publish": "action-publish"}], ids=["draft", "publish"]
)
def test_a_project_that_ends_before_it_starts_is_refused_and_nothing_saved(editor, sv, action):
    project = ProjectPage.objects.filter(locale=sv, live=True).first()
    edit_url = reverse("wagtailadmin_pages:edit", args=(project.pk,))
    revisions = Revision.page_revisions.filter(object_id=str(project.pk)).count()
    data = form_data(editor.get(edit_url).content.decode(), "page-edit-form")
    data.update(
        {
            "start_date": "2013-06-01",
            "end_date": "2012-09-01",
            "target_group": "Högstadieelever i årskurs 7–9",
            **action,
        }
    )
    # Wagtail draws StreamFields with JavaScript, so the body is not in the HTML: the
    # editor has rewritten it.
    paragraph = rich_text("<p>Ett nytt stycke om projektet.</p>", features=RICH_TEXT_FEATURES)
    data.update(nested_form_data({"body": streamfield([("paragraph", paragraph)])}))

    response = editor.post(edit_url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert field_errors(html, "end_date") == ["Projektet kan inte sluta innan det börjar."]
    shown = form_data(html, "page-edit-form")
    assert (shown["start_date"], shown["end_date"]) == ("2013-06-01", "2012-09-01")
    assert shown["target_group"] == "Högstadieelever i årskurs 7–9"
    assert "Ett nytt stycke om projektet." in html  # the body, as the editor left it
    assert Revision.page_revisions.filter(object_id=str(project.pk)).count() == revisions
    project.refresh_from_db()
    assert project.end_date != datetime.date(2012, 9, 1)
