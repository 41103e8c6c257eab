"""Which pages the API may show, and the filters of ``pages/``.

Only live, unexpired pages of the package's types outside any view restriction: nothing
else appears anywhere, in lists, details, ``find``, navigation or counts.
"""

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from ..models import GroupPage, NetworkPage, NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage
from .errors import bad_param

PAGE_MODELS: dict[str, type[Page]] = {
    "network": NetworkPage,
    "group": GroupPage,
    "news_index": NewsIndexPage,
    "news": NewsPage,
    "project_index": ProjectIndexPage,
    "project": ProjectPage,
}
TYPE_OF_MODEL = {model: name for name, model in PAGE_MODELS.items()}

# Filter parameter → {page type: lookup on that type's model}.
RELATION_FILTERS: dict[str, dict[str, str]] = {
    "tag": {"news": "tagged_items__tag__slug", "project": "tagged_items__tag__slug"},
    "group": {
        "news": "group_links__group__translation_key",
        "project": "group_links__group__translation_key",
    },
    "project": {"news": "project_links__project__translation_key"},
    "goal": {
        "group": "goal_links__goal__translation_key",
        "news": "goal_links__goal__translation_key",
        "project": "goal_links__goal__translation_key",
    },
    "organisation": {
        "network": "partner_links__organisation__translation_key",
        "group": "member_links__organisation__translation_key",
        "news": "organisation_links__organisation__translation_key",
        "project": "organisation_links__organisation__translation_key",
    },
    "status": {"project": "status"},
    "date_from": {"news": "date__gte"},
    "date_to": {"news": "date__lte"},
}


def public_pages(model: type[Page] = Page, *, any_type: bool = False) -> QuerySet:
    """Live, unexpired, unrestricted pages; of the package's types unless ``any_type``."""
    queryset = model.objects.live().filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    if model is Page and not any_type:
        queryset = queryset.type(*PAGE_MODELS.values())
    # In the same query: no restricted page is this page or one of its ancestors.
    restriction_above = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    return queryset.filter(~Exists(restriction_above))


def in_locale(queryset: QuerySet, locale: Locale, fallback: Locale | None) -> QuerySet:
    """Pages in ``locale``, plus fallback-locale pages with no live translation in it."""
    if fallback is None or fallback == locale:
        return queryset.filter(locale=locale)
    translated = public_pages().filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=fallback) & ~Q(translation_key__in=translated))
    )


def relation_filter(queryset: QuerySet, param: str, value, page_type: str | None) -> QuerySet:
    """Apply one filter; on a mixed list, to every page type that has the relation."""
    lookups = RELATION_FILTERS[param]
    if page_type is not None:
        if page_type not in lookups:
            types = ", ".join(sorted(lookups))
            raise bad_param(param, f"'{param}' applies to type {types}, not to type '{page_type}'.")
        return queryset.filter(**{lookups[page_type]: value})
    condition = Q()
    for type_name, lookup in lookups.items():
        condition |= Q(**{f"{PAGE_MODELS[type_name]._meta.model_name}__{lookup}": value})
    return queryset.filter(condition)
