"""The admin's preview shows an editor's unsaved draft of every page type and of a contact
sidebar, with the package's reference templates, when no frontend is configured."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kommunnatverk.blocks import RICH_TEXT_FEATURES
from kommunnatverk.models import (
    ContactSidebar,
    GroupPage,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
)

from .admin_forms import form_data, log_in_editor

pytestmark = [
    pytest.mark.django_db,
    # The reference templates, not a redirect to a site's frontend.
    pytest.mark.usefixtures("no_frontend"),
]


@pytest.fixture
def no_frontend():
    with override_settings(KOMMUNNATVERK={**settings.KOMMUNNATVERK, "FRONTEND_URL": None}):
        yield


@pytest.fixture
def editor(client):
    return log_in_editor(client)


PAGE_TYPES = [NetworkPage, GroupPage, NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage]


def preview(client, edit_url: str, preview_url: str, form_id: str, changes: dict):
    """Change the edit form as rendered, send it to the preview as the preview panel does,
    and return the preview the panel then loads: its HTML and the templates it used."""
    data = form_data(client.get(edit_url).content.decode(), form_id)
    data.update(changes)
    answer = client.post(preview_url, data)
    assert answer.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url)
    assert response.status_code == 200
    return response.content.decode(), {template.name for template in response.templates}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_each_page_type_previews_the_unsaved_draft(editor, sv, page_type):
    page = page_type.objects.filter(locale=sv, live=True).first()
    assert page is not None, f"the test network has a {page_type.__name__}"
    changes = {"title": f"Utkast till {page.title}"}
    if hasattr(page, "body"):
        paragraph = rich_text(
            "<p>Ett stycke som bara finns i utkastet.</p>", features=RICH_TEXT_FEATURES
        )
        changes.update(nested_form_data({"body": streamfield([("paragraph", paragraph)])}))

    html, templates = preview(
        editor,
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)),
        "page-edit-form",
        changes,
    )

    assert f"Utkast till {page.title}" in html
    if hasattr(page, "body"):
        assert "Ett stycke som bara finns i utkastet." in html
    assert page_type.template in templates
    assert page_type.template.startswith("kommunnatverk/pages/")
    # Nothing was saved: the page and its latest revision keep the published title.
    page.refresh_from_db()
    assert not page.title.startswith("Utkast till")
    assert not page.get_latest_revision_as_object().title.startswith("Utkast till")


def test_a_contact_sidebar_previews_the_unsaved_draft(editor, sv):
    sidebar = ContactSidebar.objects.filter(locale=sv, live=True, contacts__isnull=False).first()
    viewset = ContactSidebar.snippet_viewset
    html, templates = preview(
        editor,
        reverse(viewset.get_url_name("edit"), args=(sidebar.pk,)),
        reverse(viewset.get_url_name("preview_on_edit"), args=(sidebar.pk,)),
        "w-editor-form",
        {"title": "Kontakta oss (utkast)", "contacts-0-role": "Utkastroll"},
    )

    assert {"kommunnatverk/snippets/preview.html", sidebar.snippet_template} <= templates
    assert "Kontakta oss (utkast)" in html
    assert "Utkastroll" in html
    assert sidebar.contacts.first().name in html
    sidebar.refresh_from_db()
    assert sidebar.title != "Kontakta oss (utkast)"
