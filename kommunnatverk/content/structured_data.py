"""schema.org JSON-LD for a page: ``NewsArticle``, ``Organization`` (networks and
groups), ``Project`` and ``Event``, built from a page's detail: the API's serialised detail (so the
API pays no extra query for it), or the same fields read from the page for the templates
(``web.structured_data``). Both say the same thing. The templates add a
``BreadcrumbList`` (:func:`breadcrumb_list`).

Each type carries only properties schema.org defines for it (``tests/schema_org.py``
checks them against the vocabulary): ``inLanguage`` is a ``CreativeWork``'s, so the
article has it and an organisation does not; a ``Project`` is an ``Organization``, so
its period is ``foundingDate`` and ``dissolutionDate``. Google's properties for each are
there where the content has them: an article's author, publisher (name, logo) and image;
an organisation's logo and contact points.
"""

import json
from typing import Any

from django.http import HttpRequest

from .site_identity import SiteIdentity, for_request

CONTEXT = "https://schema.org"
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _organisation(site: SiteIdentity, org: dict | None) -> dict | None:
    if org is None:
        return None
    data: dict[str, Any] = {"@type": "Organization", "name": org["name"]}
    if org.get("website"):
        data["url"] = org["website"]
    if org.get("logo"):
        data["logo"] = site.absolute(org["logo"]["url"])
    return data


def _logo(site: SiteIdentity) -> dict | None:
    return {"@type": "ImageObject", "url": site.logo_url} if site.logo_url else None


def publisher(site: SiteIdentity) -> dict | None:
    """The organisation that publishes the site: its name in the page's language, its
    home page and its logo."""
    if not site.name:
        return None
    return _clean(
        {"@type": "Organization", "name": site.name, "url": site.home_url, "logo": _logo(site)}
    )


def _contact_points(detail: dict) -> list[dict]:
    """The contact persons of the page's sidebar who can be reached, as contact points."""
    sidebar = detail.get("contact_sidebar") or {}
    points = []
    for contact in sidebar.get("contacts", []):
        if not (contact.get("email") or contact.get("phone")):
            continue
        points.append(
            _clean(
                {
                    "@type": "ContactPoint",
                    "name": contact["name"],
                    "contactType": contact.get("role") or sidebar.get("title"),
                    "email": contact.get("email"),
                    "telephone": contact.get("phone"),
                }
            )
        )
    return points


def _clean(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def from_detail(
    detail: dict, request: HttpRequest | None = None, site: SiteIdentity | None = None
) -> dict | None:
    """JSON-LD for a serialised page detail (``api.serializers.pages.detail``).

    ``site``: the request's Site in the page's language (``site_identity``), read from
    ``request`` when not given.
    """
    meta = detail["meta"]
    if site is None:
        site = for_request(request, meta["locale"])
    common = {"@context": CONTEXT, "url": meta["html_url"], "description": detail["intro"]}
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
                "inLanguage": meta["locale"],
                "datePublished": detail.get("date") or meta["first_published_at"],
                "dateModified": meta["last_published_at"],
                "image": [site.absolute(image["url"])] if image else [],
                # The network writes its news: the publisher is also the author.
                "author": [publisher(site)] if site.name else [],
                "publisher": publisher(site),
                "keywords": [tag["name"] for tag in detail.get("tags", [])],
                "about": goals,
                "mentions": [_organisation(site, o) for o in detail.get("organisations", [])],
            }
        )
    if kind in ("network", "group"):
        members = detail.get("partners", []) if kind == "network" else detail.get("members", [])
        is_home = site.home_url is not None and meta["html_url"] == site.home_url
        return _clean(
            {
                **common,
                "@type": "Organization",
                "name": detail["title"],
                # The organisation at the Site's home page is the one whose logo it is.
                "logo": _logo(site) if is_home else None,
                "contactPoint": _contact_points(detail),
                "parentOrganization": _organisation(site, detail.get("coordinator")),
                "member": [_organisation(site, o) for o in members],
                "knowsAbout": goals,
            }
        )
    if kind == "project":
        return _clean(
            {
                **common,
                "@type": "Project",
                "name": detail["title"],
                "foundingDate": detail.get("start_date"),
                "dissolutionDate": detail.get("end_date"),
                "contactPoint": _contact_points(detail),
                "funder": [_organisation(site, o) for o in detail.get("funders", [])],
                "member": [
                    _organisation(site, o)
                    for o in detail.get("owners", []) + detail.get("partners", [])
                ],
                "knowsAbout": goals,
            }
        )
    if kind == "event":
        return event(detail, site, common, goals)
    return None


EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
ATTENDANCE_MODE = {
    "physical": "https://schema.org/OfflineEventAttendanceMode",
    "digital": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event(detail: dict, site: SiteIdentity, common: dict, goals: list) -> dict:
    """An ``Event`` as Google's event rich results read it: the place (a ``Place``, a
    ``VirtualLocation`` or both, by format), status and attendance mode as schema.org's
    enumeration URLs, the organising group (else the publisher) as organiser."""
    places = []
    if detail["format"] in ("physical", "hybrid"):
        host = detail.get("host_organisation") or {}
        places.append(
            _clean(
                {
                    "@type": "Place",
                    "name": detail.get("place_name") or host.get("name"),
                    "address": detail.get("address") or None,
                }
            )
        )
    if detail["format"] in ("digital", "hybrid") and detail.get("online_url"):
        places.append({"@type": "VirtualLocation", "url": detail["online_url"]})
    group = detail.get("group")
    organizer = (
        _clean(
            {"@type": "Organization", "name": group["title"], "url": site.absolute(group["url"])}
        )
        if group and group.get("url")
        else publisher(site)
    )
    upcoming = detail.get("next_occurrence") or {}
    start = upcoming.get("start") or detail["start"]
    end = upcoming.get("end") if upcoming else detail.get("end")
    if detail.get("all_day"):
        start = _iso(start)[:10]
        end = _iso(end)[:10] if end else None
    return _clean(
        {
            **common,
            "@type": "Event",
            "name": detail["title"],
            "inLanguage": detail["meta"]["locale"],
            "startDate": start,
            "endDate": end,
            "eventStatus": EVENT_STATUS[detail["status"]],
            "eventAttendanceMode": ATTENDANCE_MODE[detail["format"]],
            "location": places[0] if len(places) == 1 else places,
            "organizer": organizer,
            "about": goals,
        }
    )


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict | None:
    """A ``BreadcrumbList`` of ``(name, absolute URL)`` pairs, top first; None for a
    trail of fewer than two steps, which says nothing."""
    if len(trail) < 2:
        return None
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def _iso(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def as_script(data: dict | None) -> str:
    """A ``<script type="application/ld+json">`` element, safe inside HTML."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, default=_iso).translate(ESCAPES)
    return f'<script type="application/ld+json">{text}</script>'
