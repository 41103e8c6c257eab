"""Headless preview: the preview panel redirects to the frontend with a signed token, and
the API serves the unsaved draft for it, in the published shape, never cached."""

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

from kommunnatverk import preview
from kommunnatverk.models import ContactSidebar, Goal, NewsPage, NewsPageGoal
from kommunnatverk.preview.frontend import frontend_url_template

from .. import factories
from ..network import JOBS_NEWS

FRONTEND = {"FRONTEND_URL": "https://frontend.example/api/preview?locale={locale}&path={path}"}


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktor", "r@example.org", "lösenord")


def preview_redirect(obj, editor) -> tuple[str, dict[str, str]]:
    """Preview ``obj`` as the admin's preview panel does; the frontend URL and its query."""
    request = RequestFactory().get("/admin/")
    request.user = editor
    response = obj.make_preview_request(original_request=request, preview_mode="")
    assert response.status_code == 302, response.content[:300]
    url = response["Location"]
    return url, {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@override_settings(KOMMUNNATVERK=FRONTEND)
def test_the_preview_panel_shows_the_frontend_which_reads_the_unsaved_draft(api, editor, en):
    page = NewsPage.objects.filter(locale__language_code="sv", live=True).first()
    published_title = page.title
    page.title = "Utkast: ny rubrik"  # edited in the form, not saved

    url, query = preview_redirect(page, editor)

    assert url.startswith("https://frontend.example/api/preview?")
    assert query["locale"] == "sv"
    assert query["path"] == page.get_url_parts()[2]
    assert query["api"] == f"/api/network/preview/pages/{page.pk}/"
    response = api(f"preview/pages/{page.pk}/?token={query['token']}")
    assert response.status_code == 200
    assert response.data["title"] == "Utkast: ny rubrik"
    assert response.data["meta"]["preview"] is True
    assert response["Cache-Control"] == "no-store"
    assert not response.has_header("ETag")
    published = api(f"pages/{page.pk}/")
    assert published.data["title"] == published_title
    assert published.data["meta"]["preview"] is False
    # The same shape as the published detail: same keys, all through.
    assert set(response.data) == set(published.data)
    assert set(response.data["meta"]) == set(published.data["meta"])
    assert [t["locale"] for t in response.data["translations"]] == ["sv", "en"]


@override_settings(KOMMUNNATVERK=FRONTEND)
def test_a_never_published_page_is_previewed_but_never_public(api, editor, sv):
    index = NewsPage.objects.filter(locale=sv, live=True).first().get_parent()
    draft = factories.news(index, "hemligt-utkast", title="Hemligt utkast", publish=False)

    _url, query = preview_redirect(draft, editor)

    assert api(f"preview/pages/{draft.pk}/?token={query['token']}").data["title"] == (
        "Hemligt utkast"
    )
    assert api(f"pages/{draft.pk}/").status_code == 404
    assert api(f"pages/{draft.pk}/?token={query['token']}").status_code == 404


@override_settings(KOMMUNNATVERK=FRONTEND)
def test_a_contact_sidebar_previews_in_its_published_shape(api, editor):
    sidebar = ContactSidebar.objects.filter(live=True, contacts__isnull=False).first()
    sidebar.title = "Kontakta oss (utkast)"

    _url, query = preview_redirect(sidebar, editor)

    assert query["path"] == f"/snippets/contact_sidebar/{sidebar.pk}/"
    response = api(f"preview/contact_sidebar/{sidebar.pk}/?token={query['token']}")
    assert response.status_code == 200, response.data
    assert response["Cache-Control"] == "no-store"
    assert response.data["meta"] == {"type": "contact_sidebar", "locale": "sv", "preview": True}
    published = api(f"contact-sidebars/{sidebar.pk}/").data
    assert response.data["item"] == {**published, "title": "Kontakta oss (utkast)"}


def test_a_revision_token_serves_that_revision(api, db):
    page = NewsPage.objects.filter(live=True).first()
    old = page.latest_revision
    page.title = "Senare rubrik"
    page.save_revision().publish()

    token = preview.make_token(page, revision=old)

    response = api(f"preview/pages/{page.pk}/?token={token}")
    assert response.data["title"] == old.as_object().title != "Senare rubrik"


@override_settings(KOMMUNNATVERK=FRONTEND)
def test_bad_tokens_get_401_or_403_problems(api, editor):
    page, other = NewsPage.objects.filter(live=True)[:2]
    _url, query = preview_redirect(page, editor)
    token = query["token"]

    cases = {
        f"preview/pages/{page.pk}/": (401, "preview-token-invalid"),
        f"preview/pages/{page.pk}/?token=": (401, "preview-token-invalid"),
        f"preview/pages/{page.pk}/?token={token[:-2]}xx": (401, "preview-token-invalid"),
        f"preview/pages/{page.pk}/?token=not.a.token": (401, "preview-token-invalid"),
        f"preview/pages/{other.pk}/?token={token}": (403, "preview-token-mismatch"),
        f"preview/goal/{page.pk}/?token={token}": (403, "preview-token-mismatch"),
    }
    for path, (status, kind) in cases.items():
        response = api(path)
        assert response.status_code == status, path
        assert response.data["type"].endswith(kind), path
        assert response.data["invalid_params"][0]["name"] == "token"
        assert response["Cache-Control"] == "no-store"
        assert "Traceback" not in response.content.decode()

    later = time.time() + 3601
    with mock.patch("django.core.signing.time.time", return_value=later):
        expired = api(f"preview/pages/{page.pk}/?token={token}")
    assert expired.status_code == 401
    assert expired.data["type"].endswith("preview-token-expired")
    # snippet_type is an enum in the document: any other is a 422 naming it.
    unknown = api(f"preview/nonsense/{page.pk}/?token={token}")
    assert unknown.status_code == 422
    assert [p["name"] for p in unknown.data["invalid_params"]] == ["snippet_type"]


@override_settings(KOMMUNNATVERK=FRONTEND)
def test_a_token_is_retired_when_the_editor_previews_from_a_newer_revision(api, editor):
    page = NewsPage.objects.filter(live=True).first()
    _url, first = preview_redirect(page, editor)
    page.title = "Sparad ändring"
    page.save_revision()
    page = NewsPage.objects.get(pk=page.pk)
    page.title = "Sparad ändring, sedan förhandsvisad"
    _url, second = preview_redirect(page, editor)

    assert api(f"preview/pages/{page.pk}/?token={first['token']}").status_code == 403
    newer = api(f"preview/pages/{page.pk}/?token={second['token']}")
    assert newer.data["title"] == "Sparad ändring, sedan förhandsvisad"


def test_without_a_frontend_url_the_reference_templates_render_the_preview(editor):
    page = NewsPage.objects.filter(live=True).first()
    page.title = "Förhandsvisning i mallen"
    request = RequestFactory().get("/admin/")
    request.user = editor

    response = page.make_preview_request(original_request=request, preview_mode="")

    assert response.status_code == 200
    assert "Förhandsvisning i mallen" in response.content.decode()


@override_settings(
    KOMMUNNATVERK={"FRONTEND_URL": {"*": "https://www.example/{path}", "other.example": "x"}}
)
def test_the_frontend_url_can_differ_per_site(db):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert frontend_url_template(site) == "https://www.example/{path}"
    site.hostname = "other.example"
    assert frontend_url_template(site) == "x"


@override_settings(KOMMUNNATVERK=FRONTEND)
def test_a_preview_shows_the_drafts_own_links_not_the_published_ones(api, editor, network):
    """A published detail reads its link rows from the database in one query; a draft
    holds its links in memory, and its preview shows those."""
    page = NewsPage.objects.get(slug=JOBS_NEWS)
    published = api(f"pages/{page.pk}/").data
    assert published["tags"] and published["goals"] and published["groups"]
    goal = Goal.objects.get(locale=page.locale, framework__slug="agenda-2030", code="3")
    page.goal_links = [NewsPageGoal(goal=goal)]  # edited in the form, not saved
    page.group_links = []
    page.tagged_items = []

    _url, query = preview_redirect(page, editor)

    draft = api(f"preview/pages/{page.pk}/?token={query['token']}").data
    assert [g["code"] for g in draft["goals"]] == ["3"]
    assert draft["groups"] == [] and draft["tags"] == []
    assert draft["projects"] == published["projects"] != []
    assert draft["organisations"] == published["organisations"] != []
    assert api(f"pages/{page.pk}/").data["goals"] == published["goals"]
