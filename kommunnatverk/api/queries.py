"""Which pages the API may show, and the filters of ``pages/``.

Only live, unexpired pages of the package's types outside any view restriction: nothing
else appears anywhere, in lists, details, ``find``, navigation or counts.
"""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from ..models import GroupPage, NetworkPage, NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage
from ..translation_status import with_sync_info
from . import snapshot
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


def type_name(model: type) -> str | None:
    """The API type of a page model: its own, or that of the package type it extends (a
    site's ``EventPage(NewsPage)`` is ``news``); None for pages of other apps."""
    return next((TYPE_OF_MODEL[base] for base in model.__mro__ if base in TYPE_OF_MODEL), None)


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


@cache
def _package_page_models() -> tuple[type[Page], ...]:
    """The package's page types and every subclass a site makes of them."""
    return tuple(m for m in apps.get_models() if issubclass(m, tuple(PAGE_MODELS.values())))


def package_content_type_ids() -> list[int]:
    """What ``PageQuerySet.type(*PAGE_MODELS)`` filters on, without looking through every
    installed model on each call as it does (ContentType caches the ids)."""
    types = ContentType.objects.get_for_models(*_package_page_models())
    return [content_type.pk for content_type in types.values()]


def public_pages(model: type[Page] = Page, *, any_type: bool = False) -> QuerySet:
    """Live, unexpired, unrestricted pages; of the package's types unless ``any_type``."""
    queryset = model.objects.live().filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    if model is Page and not any_type:
        queryset = queryset.filter(content_type_id__in=package_content_type_ids())
    restricted = _restricted()
    return queryset if restricted is None else queryset.exclude(restricted)


def _restricted() -> Q | None:
    """Pages under a view restriction: the request's snapshot knows which (usually none);
    without one, a subquery asks whether a restricted page is this page or above it."""
    current = snapshot.current()
    if current is None:
        above = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
        return Q(Exists(above))
    paths = current.restricted_paths()
    if not paths:
        return None
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


# What a page's translations list, locale choice, URLs and translation status read, and
# nothing more.
TRANSLATION_FIELDS = (
    "id",
    "content_type_id",
    "locale_id",
    "translation_key",
    "title",
    "url_path",
    "path",
    "depth",
    "live",
    "alias_of",
    "last_published_at",
)


def public_translations(translation_key) -> list[Page]:
    """Live, public pages of the package's types with ``translation_key`` (a value or a
    one-column query set), with only :data:`TRANSLATION_FIELDS` loaded, in locale order.

    Each carries what ``meta.translation_status`` reads of wagtail-localize
    (``translation_status.with_sync_info``), from the same query."""
    lookup = "translation_key__in" if isinstance(translation_key, QuerySet) else "translation_key"
    # The type is checked here, not in SQL: with a filter on content_type_id, SQLite
    # chose that index over translation_key's and read every page of the type.
    pages = public_pages(any_type=True).filter(**{lookup: translation_key})
    pages = with_sync_info(pages)
    package_types = set(package_content_type_ids())
    return [
        page
        for page in pages.only(*TRANSLATION_FIELDS).order_by("locale_id")
        if page.content_type_id in package_types
    ]


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
