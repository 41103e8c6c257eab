"""The OpenAPI document is valid and precise, and real responses match it."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from kommunnatverk.models import ContactSidebar, NewsPage, ProjectPage

pytestmark = pytest.mark.django_db

PREFIX = "/api/network"


@pytest.fixture
def document(client):
    response = client.get(f"{PREFIX}/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_document_is_valid_openapi(document):
    validate(document)
    assert document["info"]["title"] == "kommunnatverk delivery API"
    assert {f"{PREFIX}{p}" for p in ("/pages/", "/pages/find/", "/pages/{page_id}/")} <= set(
        document["paths"]
    )


def outline(document: dict) -> dict:
    """What a reader of the document relies on: endpoints with their parameters, and
    every schema's properties. Not the details pydantic versions spell differently
    (a const's ``type``, a dict's ``additionalProperties``), so test-lowest agrees."""
    return {
        "paths": {
            path: {
                method: sorted(p["name"] for p in operation.get("parameters", []))
                for method, operation in operations.items()
            }
            for path, operations in document["paths"].items()
        },
        "schemas": {
            name: (sorted(schema.get("properties", {})), sorted(schema.get("required", [])))
            for name, schema in document["components"]["schemas"].items()
        },
    }


def test_the_document_in_the_docs_is_current(document):
    published = Path(__file__).resolve().parents[2] / "docs" / "reference" / "openapi.json"
    assert outline(json.loads(published.read_text())) == outline(document), "run `make openapi`"


def test_interactive_docs_are_served(client):
    response = client.get(f"{PREFIX}/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


TYPED = ("type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const")


def test_no_field_of_the_package_is_untyped(document):
    untyped = [
        f"{name}.{prop}"
        for name, schema in document["components"]["schemas"].items()
        for prop, spec in schema.get("properties", {}).items()
        if not any(key in spec for key in TYPED)
    ]
    assert untyped == []


def validator_for(document, path: str, status: str = "200") -> Draft202012Validator:
    responses = document["paths"][path]["get"]["responses"]
    content = responses[status]["content"]
    schema = next(iter(content.values()))["schema"]
    return Draft202012Validator({**schema, "components": document["components"]})


def real_urls() -> list[tuple[str, str]]:
    news = NewsPage.objects.get(slug="world-water-day-22-march")
    project = ProjectPage.objects.get(slug="hallbart-resande-i-skolan")
    sidebar = ContactSidebar.objects.get(locale__language_code="en")
    urls = [
        ("/pages/", "pages/?locale=sv&limit=100"),
        ("/pages/", "pages/?locale=en&limit=100"),
        ("/pages/find/", "pages/find/?path=/en/"),
        ("/pages/find/", "pages/find/?path=/"),
        ("/navigation/", "navigation/?locale=en&depth=3"),
        ("/frameworks/", "frameworks/?locale=en"),
        ("/goals/", "goals/?locale=sv"),
        ("/organisations/", "organisations/?locale=en"),
        ("/contact-sidebars/{sidebar_id}/", f"contact-sidebars/{sidebar.pk}/"),
        ("/pages/{page_id}/", f"pages/{news.pk}/"),
        ("/pages/{page_id}/", f"pages/{project.pk}/"),
    ]
    from wagtail.models import Page

    for page in Page.objects.live().filter(depth__gt=1):
        urls.append(("/pages/{page_id}/", f"pages/{page.pk}/"))
    return urls


def test_every_demo_response_matches_its_schema(api, document):
    checked = 0
    for path, url in real_urls():
        response = api(url)
        assert response.status_code == 200, url
        errors = list(validator_for(document, PREFIX + path).iter_errors(response.data))
        assert errors == [], (url, [e.message for e in errors[:3]])
        checked += 1
    assert checked > 30


@pytest.mark.parametrize(
    ("path", "url", "status"),
    [
        ("/pages/", "pages/?locale=xx", "400"),
        ("/pages/", "pages/?type=blog", "422"),
        ("/pages/{page_id}/", "pages/999999/", "404"),
    ],
)
def test_problems_match_their_schema(api, document, path, url, status):
    response = api(url)
    assert str(response.status_code) == status
    errors = list(validator_for(document, PREFIX + path, status).iter_errors(response.data))
    assert errors == []
