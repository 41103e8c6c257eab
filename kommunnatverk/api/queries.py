"""The filters of ``pages/``, on top of the content layer's rule of what is public."""

from django.db.models import Count, Q, QuerySet
from wagtail.models import Locale

from ..content.public import public_pages
from ..content.registry import page_types
from ..models import TaggedEventPage, TaggedNewsPage, TaggedProjectPage

# Repeated ``tag=`` filters AND together. Each costs nothing more than the first (one
# grouped subquery), but a request may name at most this many.
MAX_TAGS = 10
TAGGED = {"news": TaggedNewsPage, "project": TaggedProjectPage, "event": TaggedEventPage}

# Filter parameter → {page type: lookup on that type's model}.
RELATION_FILTERS: dict[str, dict[str, str]] = {
    "group": {
        "news": "group_links__group__translation_key",
        "project": "group_links__group__translation_key",
        "event": "group__translation_key",
    },
    "project": {
        "news": "project_links__project__translation_key",
        "event": "project__translation_key",
    },
    "goal": {
        "group": "goal_links__goal__translation_key",
        "news": "goal_links__goal__translation_key",
        "project": "goal_links__goal__translation_key",
        "event": "goal_links__goal__translation_key",
    },
    "organisation": {
        "network": "partner_links__organisation__translation_key",
        "group": "member_links__organisation__translation_key",
        "news": "organisation_links__organisation__translation_key",
        "project": "organisation_links__organisation__translation_key",
    },
    "status": {"project": "status"},
    # A meeting is in a date range when one of its days is: it ends (its series ends) on
    # or after the range's first day and starts on or before its last, in Swedish dates.
    "date_from": {"news": "date__gte", "event": "series_end__date__gte"},
    "date_to": {"news": "date__lte", "event": "start__date__lte"},
    # Not over yet / over, at the time of the request (the value is that time).
    "upcoming": {"event": "series_end__gte"},
    "past": {"event": "series_end__lt"},
}


def in_locale(queryset: QuerySet, locale: Locale, fallback: Locale | None) -> QuerySet:
    """Pages in ``locale``, plus fallback-locale pages with no public translation in it."""
    if fallback is None or fallback == locale:
        return queryset.filter(locale=locale)
    translated = public_pages().filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=fallback) & ~Q(translation_key__in=translated))
    )


def tag_filter(queryset: QuerySet, slugs: list[str], page_type: str | None) -> QuerySet:
    """Pages tagged with every one of ``slugs``: one subquery per tagged page type that
    groups the tag rows by page and keeps the pages with all of them, whatever their
    number (a join per tag made the cost grow with each, and SQLite refuses 64 tables).
    A type without tags has no page with them."""
    if page_type is not None and page_type not in TAGGED:
        return queryset.none()
    wanted = set(slugs)
    condition = Q(pk__in=[])
    for name in [page_type] if page_type else TAGGED:
        tagged = (
            TAGGED[name]
            .objects.filter(tag__slug__in=wanted)
            .values("content_object")
            .annotate(found=Count("tag__slug", distinct=True))
            .filter(found=len(wanted))
            .values("content_object")
        )
        condition |= Q(pk__in=tagged)
    return queryset.filter(condition)


def relation_filter(queryset: QuerySet, param: str, value, page_type: str | None) -> QuerySet:
    """Apply one filter; on a mixed list, to every page type that has the relation. A
    filter keeps only pages of the types it applies to, so with another ``type`` it keeps
    none: the same rule as on a mixed list, and a value the document allows is never a
    400."""
    lookups = RELATION_FILTERS[param]
    if page_type is not None:
        if page_type not in lookups:
            return queryset.none()
        return queryset.filter(**{lookups[page_type]: value})
    models = page_types()
    condition = Q()
    for type_name, lookup in lookups.items():
        condition |= Q(**{f"{models[type_name]._meta.model_name}__{lookup}": value})
    return queryset.filter(condition)
