"""HTTP as a client relies on it, through Django's whole stack (middleware included):
the served language in Content-Language, HEAD, problem documents for every 404 and 405
under the mount, and JSON in UTF-8."""

import json

import pytest

pytestmark = pytest.mark.django_db

PREFIX = "/api/network"
PROBLEM = "application/problem+json; charset=utf-8"


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("pages/?locale=en", "en"),
        ("pages/?locale=sv", "sv"),
        ("pages/", "sv"),
        ("pages/find/?path=/en/", "en"),
        ("navigation/?locale=en", "en"),
        ("goals/?locale=en", "en"),
        ("frameworks/?locale=en", "en"),
        ("organisations/?locale=en", "en"),
    ],
)
def test_content_language_is_the_served_locale(api, path, language):
    """LocaleMiddleware said sv on every response; a cache would serve English as Swedish."""
    response = api(path)
    assert response.status_code == 200
    assert response["Content-Language"] == language


def test_a_page_is_in_its_own_language_and_a_fallback_in_the_fallbacks(api, network):
    english = network.english(network.water_day)
    assert api(f"pages/{english.pk}/")["Content-Language"] == "en"
    assert api(f"pages/{network.water_day.pk}/")["Content-Language"] == "sv"
    sidebar = network.english(network.sidebar)
    assert api(f"contact-sidebars/{sidebar.pk}/")["Content-Language"] == "en"


def test_a_304_and_a_cached_response_say_the_language_of_the_200(api):
    first = api("pages/?locale=en")
    again = api("pages/?locale=en")  # from the response cache
    assert again["Content-Language"] == "en" and again["ETag"] == first["ETag"]
    revalidated = api("pages/?locale=en", HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304
    assert revalidated["Content-Language"] == "en"
    assert revalidated["ETag"] == first["ETag"]


def test_a_weakened_etag_still_revalidates_with_its_language(api):
    """A proxy that compresses (nginx) sends W/ in front: still a 304, still English."""
    etag = api("pages/?locale=en")["ETag"]
    response = api("pages/?locale=en", HTTP_IF_NONE_MATCH=f"W/{etag}")
    assert response.status_code == 304
    assert response["Content-Language"] == "en"


def test_problems_say_english_their_language(api):
    response = api("pages/?locale=xx")
    assert response.status_code == 400
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize(
    "path", ["pages/?type=news&locale=en", "goals/", "navigation/", "pages/find/?path=/"]
)
def test_head_answers_like_get_without_a_body(client, path):
    get = client.get(f"{PREFIX}/{path}")
    head = client.head(f"{PREFIX}/{path}")
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for name in ("Content-Type", "Content-Language", "Cache-Control", "ETag", "Vary"):
        assert head[name] == get[name], name
    assert int(head["Content-Length"]) == len(get.content)


def test_head_of_a_missing_page_is_a_404_without_a_body(client):
    response = client.head(f"{PREFIX}/pages/999999/")
    assert response.status_code == 404
    assert response.content == b""
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize(
    "path", ["/", "/nothing/", "/pages/12/extra/", "/openapi.yaml", "/preview/"]
)
def test_every_unknown_address_under_the_mount_is_a_404_problem(client, path):
    response = client.get(PREFIX + path)
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 404 and body["type"].endswith("#problem-not-found")


def test_an_address_without_its_trailing_slash_is_redirected(client):
    response = client.get(f"{PREFIX}/pages?locale=en")
    assert response.status_code == 301
    assert response["Location"] == f"{PREFIX}/pages/?locale=en"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("path", ["/pages/", "/goals/", "/openapi.json", "/nothing/"])
def test_other_methods_are_a_405_problem_naming_the_allowed_ones(client, method, path):
    response = getattr(client, method)(PREFIX + path)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == PROBLEM
    assert response.json()["type"].endswith("#problem-method-not-allowed")


def test_json_is_utf8_not_escaped(api, network):
    response = api("pages/?locale=sv&limit=100")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Kommunnätverket".encode() in response.content
    assert b"\\u00e4" not in response.content and b"\\u00e5" not in response.content
    assert json.loads(response.content.decode("utf-8")) == response.data


def test_a_missing_email_or_phone_is_null_like_a_missing_photo(api, network):
    contacts = api(f"contact-sidebars/{network.sidebar.pk}/").data["contacts"]
    maria = next(contact for contact in contacts if contact["name"] == "Maria")
    assert maria["phone"] is None and maria["photo"] is None
    assert maria["email"] == "maria@example.org"
