"""Meetings in the API: the fields of an event's list item and of its detail.

Kept apart from ``pages.py``, which calls :func:`summary_fields` and :func:`detail_fields`
for an ``EventPage``. Times are sent in Europe/Stockholm with their offset; a series
sends its occurrences, bounded as ``kommunnatverk.recurrence`` says.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from ... import recurrence
from ...content.goals import GoalCatalogue
from ...content.links import localise
from ...models import EventPage
from ...validators import safe_url
from . import snippets
from .context import ApiContext
from .links import localised_pages, page_ref
from .stream import body_blocks


def _local(moment):
    return recurrence.local(moment) if moment is not None else None


def _ref(ctx: ApiContext, page) -> dict | None:
    if page is None:
        return None
    found = localised_pages(ctx, [page])
    return page_ref(ctx, found[0]) if found else None


def next_occurrence(page: EventPage) -> dict | None:
    """The first occurrence not yet over, cancelled or not; None when the series is."""
    now = timezone.now()
    for occurrence in page.occurrences():
        if (occurrence.end or occurrence.start) >= now:
            return occurrence_data(occurrence)
    return None


def occurrence_data(occurrence: recurrence.Occurrence) -> dict:
    return {"start": occurrence.start, "end": occurrence.end, "cancelled": occurrence.cancelled}


def summary_fields(ctx: ApiContext, page: EventPage) -> dict:
    return {
        "start": _local(page.start),
        "end": _local(page.end),
        "all_day": page.all_day,
        "format": page.format,
        "format_label": str(page.get_format_display()),
        "status": page.status,
        "status_label": str(page.get_status_display()),
        "recurring": page.is_recurring,
        "series_end": _local(page.series_end),
        "next_occurrence": next_occurrence(page),
        "place_name": page.place_name,
        "group": _ref(ctx, page.group),
    }


def detail_fields(ctx: ApiContext, page: EventPage) -> dict:
    host = localise([page.host_organisation], ctx.locale.pk, snippets.published)
    contact = localise([page.contact], ctx.locale.pk)
    contact_org = None
    if contact and contact[0].organisation_id:
        found = localise([contact[0].organisation], ctx.locale.pk, snippets.published)
        contact_org = found[0] if found else None
    return {
        **summary_fields(ctx, page),
        "address": page.address,
        "host_organisation": snippets.organisation(ctx, host[0]) if host else None,
        "online_url": safe_url(page.online_url),
        "registration_url": safe_url(page.registration_url),
        "registration_deadline": _local(page.registration_deadline),
        "recurrence": page.recurrence.strip(),
        "excluded_dates": page.excluded(),
        "cancelled_dates": page.cancelled(),
        "occurrences": [occurrence_data(o) for o in page.occurrences()],
        "project": _ref(ctx, page.project),
        "contact": snippets.contact(ctx, contact[0], contact_org) if contact else None,
        "agenda": _document(page.agenda),
        "minutes": _document(page.minutes),
        "calendar_url": _calendar_url(ctx, page),
        "body": body_blocks(ctx, page.body),
        "tags": [
            {"name": item.tag.name, "slug": item.tag.slug}
            for item in page.tagged_items.select_related("tag")
        ],
        "goals": _goals(ctx, page),
    }


def _goals(ctx: ApiContext, page: EventPage) -> list[dict]:
    ids = [link.goal_id for link in page.goal_links.all()]
    return [
        snippets.goal(ctx, goal) for goal in GoalCatalogue.current().localised(ids, ctx.locale.pk)
    ]


def _document(document) -> dict | None:
    if document is None:
        return None
    return {"title": document.title, "url": document.url}


# The name ``kommunnatverk.urls`` gives the one-meeting calendar (``web.calendar``).
CALENDAR_URL_NAME = "kommunnatverk_page_events_ics"


def _calendar_url(ctx: ApiContext, page: EventPage) -> str | None:
    """The meeting's own .ics on its Site, in its language; None where not mounted."""
    with translation.override(ctx.code(page.locale_id)):
        try:
            path = reverse(CALENDAR_URL_NAME, kwargs={"page_id": page.pk})
        except NoReverseMatch:
            return None
    parts = page.get_url_parts(request=ctx.request)
    root = parts[1] if parts else None
    return (root or "") + path
