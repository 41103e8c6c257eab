"""``pages/``: list with filters, detail by id, and detail by HTML path."""

import re
from typing import Annotated
from urllib.parse import unquote

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, IntegerField, Q, When
from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Path, Query, Router
from pydantic import StringConstraints
from wagtail.models import Locale, Page, Site

from ...content import search
from ...content.languages import content_languages
from ...content.listings import EVENT_ORDER, NEWS_ORDER, PAST_EVENT_ORDER
from ...content.public import (
    in_site_trees,
    public_pages,
    public_snippets,
    public_translations,
    public_translations_of_page,
)
from ...content.registry import page_types
from ...localisation.status import with_sync_info
from ...models import Goal, GroupPage, Organisation, ProjectPage
from ...validators import has_control_characters
from .. import edge_keys
from ..caching import conditional
from ..enums import ORDER_FIELDS as ORDER_NAMES
from ..enums import EventTime, FallbackParam, LocaleParam, Order, PageTypeParam, page_type_filter
from ..errors import RESPONSES, ApiProblem, not_found
from ..locales import Locales
from ..params import (
    HTML_PATH_PATTERN,
    MAX_ID,
    PLAIN_TEXT_PATTERN,
    TRANSLATION_STATUS_DESCRIPTION,
    IsoDate,
    check_fallback,
    fallback_param,
    limit_param,
    locale_param,
    missing_param,
    request_site,
    text_param,
)
from ..queries import MAX_TAGS, in_locale, relation_filter, tag_filter
from ..schemas import PageDetail, PageList, ProjectStatus
from ..serializers import pages as serialize
from ..serializers import translation_status as statuses
from ..serializers.context import ApiContext

router = Router(tags=["pages"])

MAX_SEARCH_HITS = 1000
ORDER_FIELDS: dict[str, dict[str | None, str]] = {
    "title": {None: "title"},
    "path": {None: "path"},
    "first_published_at": {None: "first_published_at"},
    "last_published_at": {None: "last_published_at"},
    "date": {"news": "date"},
    "start_date": {"project": "start_date"},
    "start": {"event": "start"},
}
assert set(ORDER_FIELDS) == set(ORDER_NAMES)  # noqa: S101 - the document's enum is these


def _translation_key(param: str, model, pk: int) -> object:
    """The translation key of a published page or snippet, so filters match all locales."""
    published = public_pages(model) if issubclass(model, Page) else public_snippets(model)
    key = published.filter(pk=pk).values_list("translation_key", flat=True).first()
    if key is None:
        raise missing_param(param, f"No published {param} has the id {pk}.")
    return key


def _page_type(value: str | None) -> tuple[str | None, type[Page]]:
    """``type=``: a type name or a model label as ``meta.type`` shows it; 422 otherwise,
    as for any value outside the document's enum."""
    if value is None:
        return None, Page
    found = page_type_filter(value)
    if found is None:
        raise ApiProblem(
            422,
            "invalid-parameter",
            "Invalid parameter",
            f"Unknown type '{value}'. Use a type name such as news, or a meta.type such as "
            "kommunnatverk.NewsPage.",
            "type",
        )
    return found


@router.get(
    "/",
    response={200: PageList, **RESPONSES},
    url_name="page_list",
    operation_id="listPages",
    summary="List pages, with filters; every item a full summary",
    description="Public pages of the package's types in one locale, paginated with "
    "`limit` and `offset`. A filter keeps only the pages of the types it applies to.",
)
@conditional
def list_pages(
    request: HttpRequest,
    type: PageTypeParam | None = Query(  # noqa: A002 - the parameter's public name
        None,
        description="Only pages of this type: a type name (`news`), as in an item's `type`, "
        "or a Wagtail model as in `meta.type` (`kommunnatverk.NewsPage`; a site's subclass "
        "lists that subclass only).",
    ),
    locale: LocaleParam | None = Query(
        None, description="Language code; default: the source locale."
    ),
    fallback: FallbackParam | None = Query(
        None,
        description="Locale to serve where `locale` has no live translation; `none` to turn off.",
    ),
    tag: list[Annotated[str, StringConstraints(pattern=PLAIN_TEXT_PATTERN)]] = Query(
        [],
        description=f"Tag slug in the item's language; repeat for AND, at most {MAX_TAGS}.",
        max_length=MAX_TAGS,
    ),
    group: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of a group page (any locale)."
    ),
    project: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of a project page (any locale)."
    ),
    goal: int | None = Query(None, ge=1, le=MAX_ID, description="Id of a goal (any locale)."),
    organisation: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of an organisation (any locale)."
    ),
    status: ProjectStatus | None = None,
    date_from: IsoDate | None = Query(
        None,
        description="News dated on or after (YYYY-MM-DD); meetings that have a day on or "
        "after it (a series until its last meeting), in Swedish time.",
    ),
    date_to: IsoDate | None = Query(
        None,
        description="News dated on or before (YYYY-MM-DD); meetings that start on or before "
        "it, in Swedish time.",
    ),
    when: EventTime | None = Query(
        None,
        description="Meetings: `upcoming` (not over yet, soonest first) or `past` (over, "
        "the latest first). Other types have no time and are left out.",
    ),
    child_of: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of the parent page (any locale)."
    ),
    search: str | None = Query(
        None, max_length=200, pattern=PLAIN_TEXT_PATTERN, description="Words to search for."
    ),
    order: Order | None = Query(
        None,
        description="title, path, first_published_at, last_published_at, date (news), "
        "start_date (projects), start (meetings); prefix with - for descending. A field "
        "the type lacks orders nothing: ties are broken by id.",
    ),
    limit: int | None = Query(None, ge=1),
    offset: int = Query(0, ge=0, le=1_000_000),
    translation_status: bool = Query(False, description=TRANSLATION_STATUS_DESCRIPTION),
):
    language = locale_param(request, locale)
    fallback_locale = fallback_param(request, fallback, language)
    limit = limit_param(limit)
    type, model = _page_type(type)  # noqa: A001
    site = request_site(request)
    queryset = in_locale(public_pages(model, site=site), language, fallback_locale)

    if tag:
        queryset = tag_filter(queryset, [text_param("tag", slug) for slug in tag], type)
    joined = False
    id_filters = {
        "group": (group, GroupPage),
        "project": (project, ProjectPage),
        "goal": (goal, Goal),
        "organisation": (organisation, Organisation),
    }
    for param, (pk, model) in id_filters.items():
        if pk is not None:
            key = _translation_key(param, model, pk)
            queryset = relation_filter(queryset, param, key, type)
            joined = True
    if status is not None:
        queryset = relation_filter(queryset, "status", status, type)
    if date_from is not None:
        queryset = relation_filter(queryset, "date_from", date_from, type)
    if date_to is not None:
        queryset = relation_filter(queryset, "date_to", date_to, type)
    if when is not None:
        queryset = relation_filter(queryset, when, timezone.now(), type)
    if child_of is not None:
        queryset = queryset.filter(_children_of(child_of, site))
    if joined:
        queryset = queryset.distinct()

    relevance = None
    if search:
        relevance = _search_ranking(text_param("search", search), language, fallback_locale)
        queryset = queryset.filter(pk__in=list(relevance))
    queryset = queryset.order_by(*_ordering(order, type, relevance, when))

    count = queryset.count()
    window = list(queryset.values_list("pk", "content_type_id")[offset : offset + limit])
    pages = _specific_pages(window, serialize.summary_pages)
    contexts = {language.pk: ApiContext(request, language)}
    if fallback_locale is not None:
        contexts[fallback_locale.pk] = ApiContext(request, fallback_locale)
    by_key = _translation_statuses(contexts[language.pk], window) if translation_status else {}
    items = []
    for page in pages:
        ctx = contexts[page.locale_id]
        fallback_item = page.locale_id != language.pk
        status = by_key.get(page.translation_key)
        # Each item in its own language, labels included, as its detail would be.
        with translation.override(ctx.locale.language_code):
            items.append(serialize.summary(ctx, page, fallback_item, status))
    return {"count": count, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/find/",
    response={200: PageDetail, **RESPONSES},
    url_name="page_find",
    operation_id="findPage",
    summary="The full detail of the page at an HTML path, such as /en/news/",
    description="The path's first segment picks the locale when it is a language code; "
    "the rest is matched against the page tree of the request's site.",
)
@conditional
def find_page(
    request: HttpRequest,
    path: str = Query(
        ...,
        min_length=1,
        max_length=1024,
        pattern=HTML_PATH_PATTERN,
        description="Path with locale prefix, such as /en/news/: starts with /, no //, no "
        "backslash or control characters.",
    ),
    fallback: FallbackParam | None = Query(
        None, description="Locale to look the path up in when its own has no page there."
    ),
    translation_status: bool = Query(False, description=TRANSLATION_STATUS_DESCRIPTION),
):
    segments = _path_segments(path)
    if segments is None:
        raise missing_param("path", f"No published page of the network is at '{path}'.")
    if segments and segments[0] in content_languages():
        language = locale_param(request, segments.pop(0))
    else:
        language = locale_param(request, None)
    fallback_locale = fallback_param(request, fallback, language)
    site = request_site(request)

    page = _page_at(site, segments, language)
    served_fallback = False
    if page is None and fallback_locale is not None:
        page = _page_at(site, segments, fallback_locale)
        served_fallback = page is not None
    if page is None:
        raise not_found(f"No published page of the network is at '{path}'.")
    translations = _translations(page.translation_key, translation_status)
    if served_fallback:
        # The fallback page's own translation wins when it lives at another path.
        translated = next((p for p in translations if p.locale_id == language.pk), None)
        page, served_fallback = (translated, False) if translated else (page, True)
    return _detail(request, page, translations, served_fallback, translation_status)


@router.get(
    "/{page_id}/",
    response={200: PageDetail, **RESPONSES},
    url_name="page_detail",
    operation_id="getPage",
    summary="The full detail of one page, in a locale of your choice",
    description="The page with this id; with `locale`, its published translation in that "
    "locale (or in `fallback`).",
)
@conditional
def page_detail(
    request: HttpRequest,
    page_id: int = Path(..., ge=1, le=MAX_ID),
    locale: LocaleParam | None = Query(
        None, description="Serve this page's translation in this locale."
    ),
    fallback: FallbackParam | None = Query(
        None, description="With `locale`: the locale to serve where it has no translation."
    ),
    translation_status: bool = Query(False, description=TRANSLATION_STATUS_DESCRIPTION),
):
    check_fallback(fallback)
    # One query answers whether the page is public, its type and its translations.
    if translation_status:
        key = Page.objects.filter(pk=page_id).values("translation_key")
        translations = _translations(key)
    else:
        translations = public_translations_of_page(page_id)
    translations = _in_request_site(request, translations)
    requested = next((page for page in translations if page.pk == page_id), None)
    if requested is None:
        raise not_found(f"No published page of the network has the id {page_id}.")
    if locale is None:
        return _detail(request, requested, translations, False, translation_status)

    language = locale_param(request, locale)
    if language.pk == requested.locale_id:
        return _detail(request, requested, translations, False, translation_status)
    fallback_locale = fallback_param(request, fallback, language)
    by_locale = {page.locale_id: page for page in translations}
    if language.pk in by_locale:
        return _detail(request, by_locale[language.pk], translations, False, translation_status)
    if fallback_locale is not None and fallback_locale.pk in by_locale:
        served = by_locale[fallback_locale.pk]
        return _detail(request, served, translations, True, translation_status)
    raise not_found(
        f"Page {page_id} has no published translation in '{language.language_code}'.",
        kind="translation-missing",
    )


# Helpers ------------------------------------------------------------------------------


def _translations(translation_key, with_status: bool = True) -> list[Page]:
    """The public translations, in one query; ``with_status``: with what
    ``meta.translation_status`` reads of wagtail-localize, in the same query."""
    return public_translations(translation_key, annotate=with_sync_info if with_status else None)


def _in_request_site(request: HttpRequest, pages: list[Page]) -> list[Page]:
    """The pages in the trees of the request's Site: a page of another Site is not found
    on this one's host."""
    site = request_site(request)
    return [page for page in pages if in_site_trees(page, site)]


def _detail(
    request: HttpRequest, light: Page, translations: list[Page], fallback: bool, with_status: bool
) -> dict:
    """The detail of ``light`` (one of ``translations``), loaded whole as its own type."""
    (page,) = _specific_pages([(light.pk, light.content_type_id)], serialize.detail_pages)
    # A page is served whole in its own language (a fallback page too): text, goals, links.
    served = Locales.of(request).by_id[page.locale_id]
    edge_keys.served_page(request, page)
    with translation.override(served.language_code):
        ctx = ApiContext(request, served)
        return serialize.detail(ctx, page, translations, fallback, with_status=with_status)


def _translation_statuses(ctx: ApiContext, window: list[tuple[int, int]]) -> dict:
    """``meta.translation_status`` of every item, by translation key: one query for the
    whole window, the translations of all its pages at once."""
    if not window:
        return {}
    keys = Page.objects.filter(pk__in=[pk for pk, _ in window]).values("translation_key")
    return statuses.by_translation_key(ctx, _translations(keys))


def _specific_pages(window: list[tuple[int, int]], load) -> list[Page]:
    """Load the pages of ``window`` as their specific types, with ``load(model, ids)``
    once per type."""
    ids_by_type: dict[int, list[int]] = {}
    for pk, content_type_id in window:
        ids_by_type.setdefault(content_type_id, []).append(pk)
    loaded: dict[int, Page] = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        loaded.update((page.pk, page) for page in load(model, ids))
    return [loaded[pk] for pk, _ in window if pk in loaded]


def _children_of(parent_id: int, site: Site) -> Q:
    """Children of the parent and of its translations, so fallback items come along."""
    parent = public_pages(any_type=True, site=site).filter(pk=parent_id).first()
    if parent is None:
        raise missing_param("child_of", f"No published page has the id {parent_id}.")
    parents = public_pages(any_type=True, site=site).filter(translation_key=parent.translation_key)
    condition = Q(pk__in=[])
    for each in parents.values_list("path", "depth"):
        condition |= Q(path__startswith=each[0], depth=each[1] + 1)
    return condition


def _search_ranking(query: str, language: Locale, fallback: Locale | None) -> dict[int, int]:
    """Page id → rank, best first, for the search backend's hits in the locale(s)."""
    locales = [language] + ([fallback] if fallback else [])
    try:
        return search.ranked_page_ids(query, locales, MAX_SEARCH_HITS)
    except search.UnsearchableQuery:
        # Quotes or operators the database's parser refuses (SQLite's FTS5): the words.
        words = " ".join(_WORDS.findall(query))
    try:
        return search.ranked_page_ids(words, locales, MAX_SEARCH_HITS) if words else {}
    except search.UnsearchableQuery:
        return {}


_WORDS = re.compile(r"\w+")


def _ordering(
    order: str | None, page_type: str | None, relevance: dict | None, when: str | None = None
) -> list:
    if order is None:
        if relevance is not None:
            ranks = [When(pk=pk, then=rank) for pk, rank in relevance.items()]
            return [Case(*ranks, default=MAX_SEARCH_HITS, output_field=IntegerField()), "pk"]
        if page_type == "news":
            return list(NEWS_ORDER)
        if page_type == "event":
            return list(PAST_EVENT_ORDER if when == "past" else EVENT_ORDER)
        return ["path"]
    descending = order.startswith("-")
    name = order.removeprefix("-")
    fields = ORDER_FIELDS[name]  # the document's enum, checked before the view runs
    if None in fields:
        lookup = fields[None]
    elif page_type in fields:
        lookup = fields[page_type]
    elif page_type is None:
        only = next(iter(fields))
        lookup = f"{page_types()[only]._meta.model_name}__{fields[only]}"
    else:
        # No page of this type has the field: all tie, as other types do on a mixed list.
        return ["pk"]
    expression = F(lookup).desc(nulls_last=True) if descending else F(lookup).asc(nulls_last=True)
    return [expression, "pk"]


def _path_segments(path: str) -> list[str] | None:
    """The path's segments, decoded; None for a path no page can be at (a segment that
    decodes to a control character, or a '.' or '..' segment). Its form is checked
    against the document's pattern before the view runs."""
    # Accept paths as the API gives them in meta.url: percent-encoded.
    segments = [unquote(segment) for segment in path.split("?")[0].split("/") if segment]
    if any(has_control_characters(segment) for segment in segments):  # %00 decodes to NUL
        return None
    if any(segment in (".", "..") for segment in segments):
        return None
    return segments


def _page_at(site: Site, segments: list[str], language: Locale) -> Page | None:
    root = site.root_page
    if root.locale_id != language.pk:
        root = (
            public_pages(any_type=True, site=site)
            .filter(translation_key=root.translation_key, locale=language)
            .first()
        )
        if root is None:
            return None
    url_path = root.url_path + "".join(f"{segment}/" for segment in segments)
    return public_pages(site=site).filter(url_path=url_path, locale=language).first()
