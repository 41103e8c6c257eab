"""Checking real responses of the delivery API against its own OpenAPI document."""

from jsonschema import Draft202012Validator
from wagtail.models import Page

PREFIX = "/api/network"


def validator_for(document, path: str, status: str = "200") -> Draft202012Validator:
    responses = document["paths"][path]["get"]["responses"]
    content = responses[status]["content"]
    schema = next(iter(content.values()))["schema"]
    return Draft202012Validator({**schema, "components": document["components"]})


def real_urls(news, project, sidebar) -> list[tuple[str, str]]:
    """(documented path, URL) of every list, snippet and lookup, and of every live page."""
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
    for page in Page.objects.live().filter(depth__gt=1):
        urls.append(("/pages/{page_id}/", f"pages/{page.pk}/"))
    return urls


def assert_responses_match(api, document, urls: list[tuple[str, str]]) -> int:
    """Every URL answers 200 with what the document says; returns how many were checked."""
    checked = 0
    for path, url in urls:
        response = api(url)
        assert response.status_code == 200, url
        errors = list(validator_for(document, PREFIX + path).iter_errors(response.data))
        assert errors == [], (url, [e.message for e in errors[:3]])
        checked += 1
    return checked
