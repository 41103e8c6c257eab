"""The JSON-LD of a page in the reference templates.

``content.structured_data.from_detail`` builds schema.org data from a page's detail as the
API serialises it, and the API embeds it in every detail. The templates have the page
object instead, so the few fields JSON-LD reads are gathered here, through the content
layer, in the same shape; both then say the same thing.
"""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from .. import conf
from ..content import structured_data
from ..content.goals import GoalCatalogue
from ..content.links import localise, localised_pages
from ..content.registry import type_name
from ..content.site_identity import SiteIdentity
from ..models import EventPage, GroupPage, NetworkPage, NewsPage, ProjectPage
from ..validators import safe_url


def _image_url(image) -> dict | None:
    if image is None:
        return None
    return {"url": image.get_rendition(conf.get("RENDITIONS")["hero"]).url}


def _organisation(org) -> dict:
    logo = None
    if org.logo_id:
        logo = {"url": org.logo.get_rendition(conf.get("RENDITIONS")["logo"]).url}
    return {"name": org.name, "website": safe_url(org.website), "logo": logo}


def _organisations(page: Page, links) -> list[dict]:
    found = localise([link.organisation for link in links], page.locale_id)
    return [_organisation(org) for org in found]


def _goals(page: Page) -> list[dict]:
    ids = [link.goal_id for link in page.goal_links.all()]
    goals = GoalCatalogue.current().localised(ids, page.locale_id)
    return [{"code": goal.code, "title": goal.title} for goal in goals]


def sidebar_contacts(sidebar) -> list:
    """The sidebar's contacts, photos and organisations loaded in one query, kept on the
    sidebar: the JSON-LD in the head and the sidebar in the body show the same ones."""
    if sidebar is None:
        return []
    if not hasattr(sidebar, "_kommunnatverk_contacts"):
        contacts = sidebar.contacts.all()
        if hasattr(contacts, "select_related"):
            try:
                contacts = contacts.select_related("photo", "organisation")
            except (AttributeError, TypeError):  # a preview's in-memory rows
                pass
        sidebar._kommunnatverk_contacts = list(contacts)
    return sidebar._kommunnatverk_contacts


def _sidebar(page: Page) -> dict | None:
    sidebar = getattr(page, "resolved_contact_sidebar", None)
    if sidebar is None:
        return None
    return {
        "title": sidebar.title,
        "contacts": [
            {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone}
            for c in sidebar_contacts(sidebar)
        ],
    }


def detail_for(page: Page, request: HttpRequest | None) -> dict[str, Any]:
    """What ``from_detail`` reads of a page's detail, read from the page itself."""
    detail: dict[str, Any] = {
        "type": type_name(type(page)),
        "title": page.title,
        "intro": page.intro,
        "meta": {
            "html_url": page.get_full_url(request),
            "locale": page.locale.language_code,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
        },
    }
    if isinstance(page, NetworkPage | GroupPage | ProjectPage):
        detail["contact_sidebar"] = _sidebar(page)
    if isinstance(page, NetworkPage):
        coordinator = localise([page.coordinator], page.locale_id)
        detail["coordinator"] = _organisation(coordinator[0]) if coordinator else None
        detail["partners"] = _organisations(page, page.partner_links.select_related("organisation"))
    elif isinstance(page, GroupPage):
        detail["goals"] = _goals(page)
        detail["members"] = _organisations(page, page.member_links.select_related("organisation"))
    elif isinstance(page, NewsPage):
        detail["date"] = page.date
        detail["image"] = _image_url(page.image)
        detail["tags"] = [{"name": tag.name} for tag in page.tags.all()]
        detail["goals"] = _goals(page)
        detail["organisations"] = _organisations(
            page, page.organisation_links.select_related("organisation")
        )
    elif isinstance(page, EventPage):
        detail.update(_event(page, request))
    elif isinstance(page, ProjectPage):
        links = list(page.organisation_links.select_related("organisation"))
        detail["start_date"] = page.start_date
        detail["end_date"] = page.end_date
        detail["goals"] = _goals(page)
        for role, key in (
            ("coordinator", "owners"),
            ("funder", "funders"),
            ("partner", "partners"),
        ):
            detail[key] = _organisations(page, [link for link in links if link.role == role])
    return detail


def script_for(
    page: Page | None,
    request: HttpRequest | None,
    site: SiteIdentity | None = None,
    trail: list[Page] | None = None,
) -> SafeString:
    """The page's ``<script type="application/ld+json">`` elements: its own type (for the
    package's pages) and a ``BreadcrumbList`` of ``trail`` (its public ancestors and
    itself, ``content.breadcrumbs``)."""
    if page is None:
        return mark_safe("")
    scripts = []
    if type_name(type(page)) is not None:
        data = structured_data.from_detail(detail_for(page, request), request, site)
        scripts.append(structured_data.as_script(data))
    steps = [(step.title, url) for step in trail or [] if (url := step.get_full_url(request))]
    scripts.append(structured_data.as_script(structured_data.breadcrumb_list(steps)))
    # as_script escapes the JSON for a script element, so it is safe as it is.
    return mark_safe("".join(scripts))  # noqa: S308


def _event(page: EventPage, request: HttpRequest | None) -> dict[str, Any]:
    """What ``content.structured_data.event`` reads, as the API's detail has it."""
    host = localise([page.host_organisation], page.locale_id)
    group = localised_pages([page.group], page.locale) if page.group_id else []
    now = timezone.now()
    upcoming = next((o for o in page.occurrences() if (o.end or o.start) >= now), None)
    return {
        "start": page.local_start,
        "end": page.local_end,
        "all_day": page.all_day,
        "format": page.format,
        "status": page.status,
        "place_name": page.place_name,
        "address": page.address,
        "host_organisation": {"name": host[0].name} if host else None,
        "online_url": safe_url(page.online_url),
        "group": {"title": group[0].title, "url": group[0].get_full_url(request)}
        if group
        else None,
        "next_occurrence": {"start": upcoming.start, "end": upcoming.end} if upcoming else None,
    }
