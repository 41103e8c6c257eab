"""The one rule of what is public.

A page is public when it is live, not past ``expire_at`` (the scheduler may not have
unpublished it yet), has no view restriction on itself or an ancestor, is in a content
language, and, where a Site applies, is in that Site's trees (its root page and the
root's translations, as Wagtail's own API reads them). A snippet is public when it is
published and in a content language; a goal also needs its framework published.

Every surface (API, templates, feeds, sitemap, search, webhooks, purges, reports) reads
content through these functions, so what one shows, all show.
"""

from collections.abc import Callable, Mapping

from django.db import connection
from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from ..models import Goal
from . import registry, snapshot
from .languages import content_locale_ids, content_locales

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


# Pages ----------------------------------------------------------------------------------


def public_pages(
    model: type[Page] = Page, *, any_type: bool = False, site: Site | None = None
) -> QuerySet:
    """Public pages of ``model``; of the package's types unless ``any_type`` (a site's
    home page, say), in ``site``'s trees when given."""
    queryset = model.objects.live().filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()),
        locale_id__in=content_locale_ids(),
    )
    if model is Page and not any_type:
        queryset = queryset.filter(content_type_id__in=registry.page_content_type_ids())
    restricted = _restricted()
    if restricted is not None:
        queryset = queryset.exclude(restricted)
    return queryset if site is None else in_site(queryset, site)


def in_site(queryset: QuerySet, site: Site | None) -> QuerySet:
    """``queryset`` narrowed to the trees of ``site``; nothing without a site."""
    if site is None:
        return queryset.none()
    paths = site_trees().get(site.pk, [])
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def in_site_trees(page: Page, site: Site | None) -> bool:
    """Whether ``page`` is in the trees of ``site``: the one-page form of :func:`in_site`."""
    paths = site_trees().get(site.pk, []) if site is not None else []
    return any(page.path.startswith(path) for path in paths)


def site_trees() -> dict[int, list[str]]:
    current = snapshot.current()
    return current.site_trees() if current is not None else snapshot.load_site_trees()


def restricted_paths() -> list[str]:
    """Tree paths of the pages with a view restriction (theirs and below are private)."""
    current = snapshot.current()
    if current is not None:
        return current.restricted_paths()
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


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


def is_public_page(page: Page, *, as_if_live: bool = False, restrictions: bool = True) -> bool:
    """The rule for one page in memory. ``as_if_live``: whether it was public up to an
    unpublish or a delete, which has just made it not live. ``restrictions=False`` leaves
    view restrictions to Wagtail's serving, which asks for the password or the login."""
    if not (page.live or as_if_live):
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    if page.locale_id not in content_locales():
        return False
    if not restrictions:
        return True
    return not any(page.path.startswith(path) for path in restricted_paths())


def public_translations(
    translation_key, *, annotate: Callable[[QuerySet], QuerySet] | None = None
) -> list[Page]:
    """Public pages of the package's types with ``translation_key`` (a value or a
    one-column query set), with only :data:`TRANSLATION_FIELDS` loaded, in the order of
    the content languages. ``annotate`` adds to the same query (translation status)."""
    lookup = "translation_key__in" if isinstance(translation_key, QuerySet) else "translation_key"
    # The type is checked here, not in SQL: with a filter on content_type_id, SQLite
    # chose that index over translation_key's and read every page of the type.
    pages = public_pages(any_type=True).filter(**{lookup: translation_key})
    if annotate is not None:
        pages = annotate(pages)
    package_types = set(registry.page_content_type_ids())
    order = {locale_id: position for position, locale_id in enumerate(content_locales())}
    found = [
        page
        for page in pages.only(*TRANSLATION_FIELDS).order_by("locale_id")
        if page.content_type_id in package_types
    ]
    return sorted(found, key=lambda page: order.get(page.locale_id, len(order)))


def public_translations_of_page(page_id: int) -> list[Page]:
    """What :func:`public_translations` gives for the translation key of the page with
    id ``page_id`` (none when there is no such page). Every page detail asks this, and
    the ORM took longer to compile the query than the database to answer it: the SQL is
    written out, reads the live pages with the key, and the rest of the rule is applied
    to them in memory (:func:`is_public_page`, from the request's snapshot)."""
    quote = connection.ops.quote_name
    table = quote(Page._meta.db_table)
    names = (*TRANSLATION_FIELDS, "expire_at")
    columns = ", ".join(f"p.{quote(Page._meta.get_field(name).column)}" for name in names)
    key = quote("translation_key")
    rows = Page.objects.raw(
        f"SELECT {columns} FROM {table} p WHERE p.{quote('live')} AND p.{key} ="  # noqa: S608
        f" (SELECT o.{key} FROM {table} o WHERE o.{quote('id')} = %s)",
        [page_id],
    )
    package_types = set(registry.page_content_type_ids())
    found = [row for row in rows if row.content_type_id in package_types and is_public_page(row)]
    return _in_language_order(found)


def _in_language_order(pages: list[Page]) -> list[Page]:
    """``pages`` in the order of the content languages (then any other, by locale id)."""
    order = {locale_id: position for position, locale_id in enumerate(content_locales())}
    by_locale = sorted(pages, key=lambda page: page.locale_id)
    return sorted(by_locale, key=lambda page: order.get(page.locale_id, len(order)))


RESTRICTED = "kommunnatverk_restricted"


class TranslationGroup:
    """A page and every page with its translation key, whatever their state, read once
    on first use by whoever needs them after a change: the webhook payload lists the
    public ones, the CDN purge all of them. Both follow one publish, so with webhook
    endpoints and a CDN configured they share one query instead of making one each."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._rows: list[Page] | None = None

    def _read(self) -> list[Page]:
        if self._rows is None:
            above = PageViewRestriction.objects.filter(
                StartsWith(OuterRef("path"), F("page__path"))
            )
            rows = Page.objects.filter(translation_key=self.page.translation_key)
            self._rows = list(rows.annotate(**{RESTRICTED: Exists(above)}).order_by("locale_id"))
        return self._rows

    def all(self) -> list[Page]:
        """The page as given, then the others as their specific types (fields deferred)."""
        others = [row.specific_deferred for row in self._read() if row.pk != self.page.pk]
        return [self.page, *others]

    def public(self) -> list[Page]:
        """What :func:`public_translations` gives, from the same rows: the rule in memory."""
        # After a change there is no request's snapshot: one of its own reads the content
        # locales once for every row.
        token = snapshot.for_render() if snapshot.current() is None else None
        try:
            package_types = set(registry.page_content_type_ids())
            order = {locale_id: n for n, locale_id in enumerate(content_locales())}
            found = [
                row
                for row in self._read()
                if row.content_type_id in package_types
                and not getattr(row, RESTRICTED)
                and is_public_page(row, restrictions=False)
            ]
        finally:
            if token is not None:
                snapshot.detach(token)
        return sorted(found, key=lambda row: order.get(row.locale_id, len(order)))


# Snippets -------------------------------------------------------------------------------


def public_snippets(model: type[Model]) -> QuerySet:
    """Published rows of a snippet model in the content languages; goals of published
    frameworks only."""
    queryset = model._default_manager.filter(locale_id__in=content_locale_ids())
    if hasattr(model, "live"):
        queryset = queryset.filter(live=True)
    if issubclass(model, Goal):
        queryset = queryset.filter(framework__live=True)
    return queryset


def is_public_snippet(
    obj: Model | None, *, as_if_live: bool = False, locales: Mapping[int, object] | None = None
) -> bool:
    """The rule for one snippet in memory (a goal reads its framework). ``locales``: the
    content locales by id, when the caller has read them already (outside a request's
    snapshot every read is a query)."""
    if obj is None:
        return False
    if not (getattr(obj, "live", True) or as_if_live):
        return False
    if obj.locale_id not in (locales if locales is not None else content_locales()):
        return False
    if isinstance(obj, Goal):
        return bool(obj.framework.live)
    return True
