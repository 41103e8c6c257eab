"""The lists of the index pages and the order the API lists in: public pages only."""

from django.db.models import Case, F, IntegerField, QuerySet, When
from django.utils import timezone
from wagtail.models import Page, Site

from ..models import EventPage, NewsPage, ProjectPage
from .public import public_pages

# Newest first; undated items last.
NEWS_ORDER = (F("date").desc(nulls_last=True), "-first_published_at", "-pk")
# Projects open to participants first, then the running ones.
STATUS_LIST_ORDER = ("recruiting", "ongoing", "planned", "completed")
# What a network page lists of its projects: those a visitor can join or follow now.
CURRENT_STATUSES = ("recruiting", "ongoing")


def news_items(index: Page, tag: str | None = None) -> QuerySet:
    """Public news under ``index``, newest first; with ``tag`` (a slug in the index's
    language) only the news tagged with it."""
    items = public_pages(NewsPage).child_of(index).order_by(*NEWS_ORDER)
    if tag:
        items = items.filter(tags__slug=tag, tags__locale_id=index.locale_id)
    return items


def projects(index: Page) -> QuerySet:
    """Public projects under ``index``: open ones first, then the newest."""
    open_first = Case(
        *(When(status=status, then=rank) for rank, status in enumerate(STATUS_LIST_ORDER)),
        output_field=IntegerField(),
    )
    return (
        public_pages(ProjectPage)
        .child_of(index)
        .order_by(open_first, F("start_date").desc(nulls_last=True), "title")
    )


def current_projects(index: Page) -> QuerySet:
    """Public projects under ``index`` that recruit or run now, in :func:`projects`' order:
    what the network page lists."""
    return projects(index).filter(status__in=CURRENT_STATUSES)


def public_children(page: Page, *models: type[Page], site: Site | None = None) -> list[Page]:
    """Public children of ``page`` of the given types (any of the package's by default),
    as their types, in tree order."""
    children = public_pages(site=site).child_of(page)
    if models:
        children = children.type(*models)
    return list(children.order_by("path").specific())


# Meetings ------------------------------------------------------------------------------

# Soonest first; a series is ordered by its first meeting.
EVENT_ORDER = ("start", "pk")
PAST_EVENT_ORDER = ("-start", "-pk")


def events(within: Page | None = None, *, site: Site | None = None) -> QuerySet:
    """Public meetings below ``within`` (a network or an events index), soonest first."""
    items = public_pages(EventPage, site=site)
    if within is not None:
        items = items.descendant_of(within)
    return items.order_by(*EVENT_ORDER)


def upcoming(items: QuerySet) -> QuerySet:
    """The meetings of ``items`` not yet over (a series until its last meeting ends)."""
    return items.filter(series_end__gte=timezone.now()).order_by(*EVENT_ORDER)


def past(items: QuerySet) -> QuerySet:
    """The meetings of ``items`` that are over, the latest first."""
    return items.filter(series_end__lt=timezone.now()).order_by(*PAST_EVENT_ORDER)


def group_events(group: Page, items: QuerySet | None = None) -> QuerySet:
    """The public meetings a group organises, in the group's language."""
    items = events(site=None) if items is None else items
    return items.filter(
        group__translation_key=group.translation_key, locale_id=group.locale_id
    ).order_by(*EVENT_ORDER)
