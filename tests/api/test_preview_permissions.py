"""Preview tokens follow permissions: checked against the issuer's rights when used.

As it was found: a token stayed valid for up to an hour after its issuer lost the right to
edit, or was deactivated, or after the draft it showed had been published.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory, override_settings
from wagtail.models import GroupPagePermission, Site

from kommunnatverk.models import NewsPage
from kommunnatverk.preview.tokens import read_token

from .test_preview import FRONTEND

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    group = Group.objects.create(name="Förhandsgranskare")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Site.objects.get(is_default_site=True).root_page
    for action in ("add", "change"):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=f"{action}_page")
        )
    user = get_user_model().objects.create_user("granskare", password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def draft_token(editor, sv, client):
    """The token the preview panel gave the editor, signed in, for a saved draft."""
    page = NewsPage.objects.filter(locale=sv, live=True).first()
    page.title = "Opublicerad rubrik"
    page.save_revision(user=editor)
    client.force_login(editor)
    # Wagtail's preview request carries the editor's session cookie, as in the admin.
    request = RequestFactory().get(
        "/admin/", HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}"
    )
    request.user = editor
    with override_settings(KOMMUNNATVERK=FRONTEND):
        response = page.make_preview_request(original_request=request, preview_mode="")
    client.logout()
    assert response.status_code == 302
    token = parse_qs(urlsplit(response["Location"]).query)["token"][0]
    assert read_token(token)["user"] == editor.pk
    return page, token


def preview(api, page, token):
    return api(f"preview/pages/{page.pk}/?token={token}")


def test_the_token_works_while_its_issuer_may_edit(api, draft_token):
    page, token = draft_token
    assert preview(api, page, token).data["title"] == "Opublicerad rubrik"


def test_a_deactivated_issuer_takes_their_tokens_with_them(api, editor, draft_token):
    page, token = draft_token
    editor.is_active = False
    editor.save()
    response = preview(api, page, token)
    assert response.status_code == 403
    assert "Opublicerad" not in response.content.decode()


def test_an_issuer_who_lost_the_right_to_edit_has_no_preview(api, editor, draft_token):
    page, token = draft_token
    editor.groups.clear()
    response = preview(api, page, token)
    assert response.status_code == 403
    assert response.data["invalid_params"][0]["name"] == "token"


def test_a_published_draft_ends_its_tokens(api, draft_token):
    page, token = draft_token
    page.refresh_from_db()
    page.get_latest_revision().publish()
    response = preview(api, page, token)
    assert response.status_code == 401
    assert "published" in response.data["detail"]
