"""Template tags for meetings: upcoming and past lists, and calendar links.

``{% load kommunnatverk_events %}``; the lists are ``content.listings``' (public only).
"""

from __future__ import annotations

from django import template
from django.http import HttpRequest
from wagtail.models import Page

from ..content import listings
from ..models import EventIndexPage, GroupPage
from ..web.calendar import subscribe_links

register = template.Library()

UPCOMING_ON_A_PAGE = 5


@register.simple_tag
def upcoming_events(page: Page, count: int = 0) -> list[Page]:
    """The public meetings below a network or an events index, or those a group
    organises, that are not over yet, soonest first; ``count`` of them if given."""
    items = listings.upcoming(_events_of(page))
    return list(items[:count] if count else items)


@register.simple_tag
def past_events(page: Page, count: int = 0) -> list[Page]:
    """The public meetings of ``page`` (as :func:`upcoming_events`) that are over, the
    latest first."""
    items = listings.past(_events_of(page))
    return list(items[:count] if count else items)


@register.simple_tag(takes_context=True)
def calendar_links(context, page: Page | None = None) -> dict[str, str] | None:
    """``{"https": …, "webcal": …}`` of the iCalendar feed of ``page`` (a network, group
    or meeting) or of the whole site."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return None
    return subscribe_links(request, page)


@register.simple_tag
def upcoming_occurrences(event, count: int = 10) -> list:
    """The occurrences of a meeting not yet over, at most ``count``."""
    from django.utils import timezone

    now = timezone.now()
    found = [o for o in event.occurrences() if (o.end or o.start) >= now]
    return found[:count]


def _events_of(page: Page):
    specific = page.specific
    if isinstance(specific, GroupPage):
        return listings.group_events(specific)
    if isinstance(specific, EventIndexPage):
        return listings.events(specific).child_of(specific)
    return listings.events(specific).filter(locale_id=specific.locale_id)


@register.simple_tag
def event_related(event) -> dict:
    """The organising group and the project of a meeting, public and in its language."""
    from ..content.links import localised_pages

    found = {}
    for name in ("group", "project"):
        target = getattr(event, name) if getattr(event, f"{name}_id") else None
        pages = localised_pages([target], event.locale) if target else []
        found[name] = pages[0] if pages else None
    return found
