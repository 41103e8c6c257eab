"""schema.org JSON-LD for a page: ``NewsArticle``, ``Organization`` (networks and
groups) and ``Project``, built from a page's detail: the API's serialised detail (so the
API pays no extra query for it), or the same fields read from the page for the templates
(``web.structured_data``). Both say the same thing."""

import json
from typing import Any

from django.http import HttpRequest

CONTEXT = "https://schema.org"
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _absolute(request: HttpRequest | None, url: str | None) -> str | None:
    if not url or request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def _organisation(request, org: dict | None) -> dict | None:
    if org is None:
        return None
    data: dict[str, Any] = {"@type": "Organization", "name": org["name"]}
    if org.get("website"):
        data["url"] = org["website"]
    if org.get("logo"):
        data["logo"] = _absolute(request, org["logo"]["url"])
    return data


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def from_detail(detail: dict, request: HttpRequest | None = None) -> dict | None:
    """JSON-LD for a serialised page detail (``api.serializers.pages.detail``)."""
    meta = detail["meta"]
    common = {
        "@context": CONTEXT,
        "url": meta["html_url"],
        "inLanguage": meta["locale"],
        "description": detail["intro"],
    }
    goals = [
        {"@type": "Thing", "name": f"{g['code']}. {g['title']}"} for g in detail.get("goals", [])
    ]
    kind = detail["type"]
    if kind == "news":
        image = detail.get("image")
        return _clean(
            {
                **common,
                "@type": "NewsArticle",
                "headline": detail["title"],
                "datePublished": detail.get("date") or meta["first_published_at"],
                "dateModified": meta["last_published_at"],
                "image": [_absolute(request, image["url"])] if image else [],
                "keywords": [tag["name"] for tag in detail.get("tags", [])],
                "about": goals,
                "mentions": [_organisation(request, o) for o in detail.get("organisations", [])],
            }
        )
    if kind in ("network", "group"):
        members = detail.get("partners", []) if kind == "network" else detail.get("members", [])
        return _clean(
            {
                **common,
                "@type": "Organization",
                "name": detail["title"],
                "parentOrganization": _organisation(request, detail.get("coordinator")),
                "member": [_organisation(request, o) for o in members],
                "knowsAbout": goals,
            }
        )
    if kind == "project":
        return _clean(
            {
                **common,
                "@type": "Project",
                "name": detail["title"],
                "startDate": detail.get("start_date"),
                "endDate": detail.get("end_date"),
                "funder": [_organisation(request, o) for o in detail.get("funders", [])],
                "member": [
                    _organisation(request, o)
                    for o in detail.get("owners", []) + detail.get("partners", [])
                ],
                "knowsAbout": goals,
            }
        )
    return None


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def as_script(data: dict | None) -> str:
    """A ``<script type="application/ld+json">`` element, safe inside HTML."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, default=_iso).translate(ESCAPES)
    return f'<script type="application/ld+json">{text}</script>'
