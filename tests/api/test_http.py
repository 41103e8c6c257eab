"""ETags, 304s, Cache-Control and problem+json errors."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PATHS = ["pages/?type=news", "pages/find/?path=/en/", "navigation/", "goals/", "organisations/"]


@pytest.mark.parametrize("path", PATHS)
def test_every_get_has_a_strong_etag_and_cache_control(api, path):
    response = api(path)
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and not response["ETag"].startswith("W/")
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"


def test_cache_control_is_settable(api):
    with override_settings(KOMMUNNATVERK={"API_CACHE_CONTROL": "public, max-age=5"}):
        assert api("goals/")["Cache-Control"] == "public, max-age=5"


@pytest.mark.parametrize("path", PATHS)
def test_if_none_match_gives_a_304_without_serialising(api, path, monkeypatch):
    etag = api(path)["ETag"]

    def must_not_run(*args, **kwargs):
        raise AssertionError("serialised on a 304")

    from kommunnatverk.api.serializers import pages, snippets

    for module in (pages, snippets):
        for name in ("summary", "detail", "goal", "organisation"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, must_not_run)
    with CaptureQueriesContext(connection) as queries:
        response = api(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert len(queries) <= 2


def test_publishing_a_page_changes_the_etag_of_responses_that_show_it(api, network):
    before = {path: api(path)["ETag"] for path in PATHS}
    page = network.water_day
    page.intro = "Ny ingress."
    page.save_revision().publish()
    after = {path: api(path)["ETag"] for path in PATHS}
    assert all(before[path] != after[path] for path in PATHS)
    response = api("pages/?type=news", HTTP_IF_NONE_MATCH=before["pages/?type=news"])
    assert response.status_code == 200
    assert "Ny ingress." in response.content.decode()


def test_publishing_a_snippet_changes_the_etag(api, network):
    page = network.water_day
    before = api(f"pages/{page.pk}/")["ETag"]
    goal = network.goals["6"]
    goal.title = "Rent vatten"
    goal.save_revision().publish()
    response = api(f"pages/{page.pk}/", HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert "Rent vatten" in [g["title"] for g in response.data["goals"]]


@pytest.mark.parametrize(
    ("path", "status", "param"),
    [
        ("pages/?locale=xx", 400, "locale"),
        ("pages/?fallback=xx&locale=en", 400, "fallback"),
        ("pages/?type=blog", 422, "type"),
        ("pages/?type=news&date_from=2013-02-30", 422, "date_from"),
        ("pages/?limit=101", 400, "limit"),
        ("pages/?limit=0", 422, "limit"),
        ("pages/?offset=-1", 422, "offset"),
        ("pages/?offset=99999999999999999999", 422, "offset"),
        ("pages/?order=colour", 422, "order"),
        ("pages/?status=done", 422, "status"),
        ("pages/?group=abc", 422, "group"),
        ("pages/?group=999999", 404, "group"),
        ("pages/?child_of=999999", 404, "child_of"),
        ("pages/?search=" + "x" * 201, 422, "search"),
        ("pages/find/", 422, "path"),
        ("pages/find/?path=nytt", 422, "path"),
        ("pages/find/?path=/../admin/", 404, "path"),
        ("pages/find/?path=//evil.example/", 422, "path"),
        ("pages/find/?path=/en/%2500/", 404, "path"),
        ("pages/?search=a%00b", 422, "search"),
        ("pages/abc/", 422, "page_id"),
        ("pages/99999999999/", 422, "page_id"),
        ("goals/?framework=nope", 404, "framework"),
        ("organisations/?kind=bank", 422, "kind"),
        ("navigation/?depth=9", 422, "depth"),
        ("navigation/?locale=de", 400, "locale"),
    ],
)
def test_bad_input_is_a_problem_naming_the_parameter(api, path, status, param):
    response = api(path)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"
    assert response.data["status"] == status
    assert param in [p["name"] for p in response.data["invalid_params"]]
    assert response.data["detail"]


@pytest.mark.parametrize("path", ["pages/999999/", "contact-sidebars/999999/"])
def test_missing_objects_are_404_problems(api, path):
    response = api(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"


def test_response_cache_serves_the_same_body_without_serialising(api, monkeypatch):
    first = api("pages/?type=news")
    from kommunnatverk.api.serializers import pages

    monkeypatch.setattr(pages, "summary", lambda *a, **k: pytest.fail("serialised again"))
    second = api("pages/?type=news")
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_response_cache_never_serves_stale_content(api, network):
    before = api("pages/?type=news").content
    page = network.water_day
    page.title = "Vattendagen"
    page.save_revision().publish()
    after = api("pages/?type=news").content
    assert after != before and "Vattendagen" in after.decode()


def test_response_cache_can_be_turned_off(api, monkeypatch):
    api("goals/")
    with override_settings(KOMMUNNATVERK={"API_RESPONSE_CACHE": None}):
        from kommunnatverk.api.serializers import snippets

        calls = []
        original = snippets.goal
        monkeypatch.setattr(snippets, "goal", lambda *a: calls.append(1) or original(*a))
        api("goals/")
        assert calls


def test_site_and_locale_changes_reach_the_next_response_at_once(api, sv):
    """Locales and sites are kept per content version (``api.snapshot``): a change to
    either is a new version, so the very next request sees it."""
    from wagtail.models import Locale, Site

    before = api("pages/find/?path=/").data
    assert before["meta"]["html_url"].startswith("http://localhost")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "natverk.example", 443
    site.save()
    after = api("pages/find/?path=/").data
    assert after["meta"]["html_url"].startswith("https://natverk.example/")

    assert api("goals/?locale=de").status_code == 400
    Locale.objects.create(language_code="de")
    with override_settings(WAGTAIL_CONTENT_LANGUAGES=[("sv", "S"), ("en", "E"), ("de", "D")]):
        assert api("goals/?locale=de").data == {"count": 0, "items": []}


@override_settings(KOMMUNNATVERK={"API_RESPONSE_CACHE": None})
def test_the_snapshot_is_built_once_per_content_version(api, django_assert_num_queries):
    api("goals/")  # builds this version's snapshot: the locales
    with django_assert_num_queries(2):  # the version, then the goals
        assert api("goals/").status_code == 200


def test_the_site_memo_does_not_grow_with_the_host_header(api):
    from kommunnatverk.content import snapshot

    for n in range(snapshot.MAX_REMEMBERED_HOSTS + 20):
        assert api("goals/", HTTP_HOST=f"host{n}.example").status_code == 200
    current = snapshot.for_version(snapshot._current.version)
    assert len(current._sites) == snapshot.MAX_REMEMBERED_HOSTS
