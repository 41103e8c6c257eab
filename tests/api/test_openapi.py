"""The OpenAPI document is valid and precise, and real responses match it."""

import json
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from ..network import SCHOOL_PROJECT
from .schema import PREFIX, assert_responses_match, real_urls, validator_for

pytestmark = pytest.mark.django_db


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


def test_every_response_matches_its_schema(network, api, document):
    """The test network's responses; tests/test_demo.py checks the demo's."""
    urls = real_urls(
        news=network.english(network.water_day),
        project=network.projects[SCHOOL_PROJECT],
        sidebar=network.english(network.sidebar),
    )
    assert assert_responses_match(api, document, urls) > 30


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


OPERATION_IDS = {
    ("/pages/", "get"): "listPages",
    ("/pages/find/", "get"): "findPage",
    ("/pages/{page_id}/", "get"): "getPage",
    ("/navigation/", "get"): "getNavigation",
    ("/frameworks/", "get"): "listFrameworks",
    ("/goals/", "get"): "listGoals",
    ("/organisations/", "get"): "listOrganisations",
    ("/contact-sidebars/{sidebar_id}/", "get"): "getContactSidebar",
    ("/preview/pages/{page_id}/", "get"): "previewPage",
    ("/preview/{snippet_type}/{object_id}/", "get"): "previewSnippet",
}


def test_every_operation_has_a_stable_readable_id_a_description_and_a_tag(document):
    """Generated clients name their functions after the operationIds: they are part of
    the contract, set by hand, never derived from Python module paths."""
    found = {
        (path.removeprefix(PREFIX), method): operation["operationId"]
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    }
    assert found == OPERATION_IDS
    declared_tags = {tag["name"] for tag in document.get("tags", [])}
    for operations in document["paths"].values():
        for operation in operations.values():
            assert operation["summary"] and operation["description"]
            assert operation["tags"] and set(operation["tags"]) <= declared_tags
