"""Template helpers of the reference templates: ``{% load kommunnatverk_tags %}``.

The templates render a page in the page's own language, which need not be the language
of the request (a preview, a shared link). Wagtail's ``.localized`` follows the *active*
language, so these helpers take the page or its locale explicitly instead. Everything
they show passes the content layer's rule of what is public (``content.public``), so a
page shows no more than the API does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, Site

from .. import colours, conf, wcag
from ..content import listings, snapshot
from ..content.accessibility import accessibility_statement
from ..content.breadcrumbs import public_trail
from ..content.goals import GoalCatalogue
from ..content.languages import content_languages
from ..content.links import localise, localise_each, localised_pages
from ..content.public import is_public_page, is_public_snippet, public_pages
from ..content.richtext import rich_text_html
from ..content.site_identity import SiteIdentity, identity
from ..models import NetworkTag
from ..validators import safe_url
from ..web import hreflang
from ..web.metadata import HeadMetadata, head_for
from ..web.structured_data import script_for, sidebar_contacts

register = template.Library()
NEWS_PER_PAGE = 10
NEWS_ON_NETWORK_PAGE = 3


def _all(value: Any) -> Iterable[Any]:
    """Iterate over a related manager, a queryset or a plain list alike."""
    if value is None:
        return []
    if hasattr(value, "all"):
        return value.all()
    return value


def _with_related(rows: Any, *names: str) -> Any:
    """``rows.select_related(*names)`` for a real queryset; a preview's in-memory rows
    (modelcluster's) as they are."""
    model = getattr(rows, "model", None)
    if model is None or not hasattr(rows, "select_related"):
        return rows
    try:
        return rows.select_related(*names)
    except (AttributeError, TypeError):  # modelcluster's FakeQuerySet
        return rows


def _request_site(context: template.Context) -> Site | None:
    request: HttpRequest | None = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def _language_name(code: str) -> str:
    """The language's name in that language ("svenska", "English"), for a switcher."""
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        # A content language Django has no data for: use the name the site configured.
        return str(get_content_languages().get(code, code))


def _public_translations(context: template.Context, page: Page) -> list[Page]:
    """``page``'s public translations in the request's Site, itself included, in the
    order of the content languages, locales loaded. Read once per render: hreflang and
    the language switcher both show them."""
    key = ("kommunnatverk_public_translations", page.pk)
    if key not in context.render_context:
        pages = public_pages(any_type=True, site=_request_site(context)).filter(
            translation_key=page.translation_key
        )
        order = content_languages()
        found = list(pages.select_related("locale"))
        context.render_context[key] = sorted(
            found, key=lambda item: order.index(item.locale.language_code)
        )
    return context.render_context[key]


class ContentSnapshotNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        if snapshot.current() is not None:  # a request with its content version's
            return self.nodelist.render(context)
        token = snapshot.for_render()
        try:
            return self.nodelist.render(context)
        finally:
            snapshot.detach(token)


@register.tag
def content_snapshot(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    """``{% content_snapshot %}…{% endcontent_snapshot %}``: what the tags inside read of
    the site-wide data (locales, Site trees, view restrictions, goals) is read once for
    the whole render, as the API reads it once per request (``content.snapshot``)."""
    nodelist = parser.parse(("endcontent_snapshot",))
    parser.delete_first_token()
    return ContentSnapshotNode(nodelist)


@register.simple_tag(takes_context=True)
def content_language(context: template.Context) -> str:
    """The language to render in: the page's, else the previewed snippet's, else the request's.

    Used by ``base.html`` for ``<html lang>`` and ``{% language %}``, so a Swedish page
    reached under /en/ (or previewed from an English admin) still reads as Swedish.
    """
    for name in ("page", "object"):
        locale = getattr(context.get(name), "locale", None)
        if locale is not None and getattr(locale, "language_code", None):
            return locale.language_code
    return translation.get_language() or settings.LANGUAGE_CODE


def _site_identity(context: template.Context) -> SiteIdentity:
    """The request's Site in the language being rendered, read once per render."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = ("kommunnatverk_site_identity", language)
    if key not in context.render_context:
        request: HttpRequest | None = context.get("request")
        site = _request_site(context)
        if site is None:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        context.render_context[key] = identity(site, language, request)
    return context.render_context[key]


@register.simple_tag(takes_context=True)
def site_info(context: template.Context) -> dict[str, Any]:
    """The site's name and the URL of its home page in the language being rendered.

    The home link follows the rendered language (set by ``{% language %}`` in
    ``base.html``), so the English header leads to the English home page. The name is
    in that language where the site has one in it (``content.site_identity``); else
    ``lang`` says which language it is in, for a ``lang`` attribute. ``home_id`` is the
    home page's id, so its title need not repeat the site's name.
    """
    found = _site_identity(context)
    rendered = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "name": found.name,
        "url": found.home_path,
        "lang": None if found.name_language == rendered else found.name_language,
        "home_id": found.home_id,
    }


@register.simple_tag(takes_context=True)
def page_head(context: template.Context, page: Page | None) -> HeadMetadata:
    """What ``<head>`` says of ``page`` besides its title (``web.metadata``): description,
    canonical, Open Graph and Twitter properties, feeds and icons."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    page = page if isinstance(page, Page) else None  # "" where a view has no page
    translations = []
    if page is not None and getattr(page, "translation_key", None) and is_public_page(page):
        translations = _public_translations(context, page)
    return head_for(page, context.get("request"), _site_identity(context), language, translations)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context: template.Context, page: Page | None) -> list[Page]:
    """``page``'s public ancestors in the request's Site, top first, then ``page``: one
    query per render, shared by the breadcrumbs and their JSON-LD."""
    if not isinstance(page, Page) or not page.pk or not is_public_page(page):
        return []
    key = ("kommunnatverk_breadcrumb_trail", page.pk)
    if key not in context.render_context:
        context.render_context[key] = public_trail(page, _request_site(context))
    return context.render_context[key]


@register.inclusion_tag("kommunnatverk/includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context, page: Page | None) -> dict[str, Any]:
    """Links to the public translations of ``page`` in the other content languages.

    Each entry has ``url``, ``language_code`` and ``name`` (the language's own name, so a
    reader finds their language without reading the current one). The include renders
    nothing when the list is empty.
    """
    request: HttpRequest | None = context.get("request")
    entries: list[dict[str, str]] = []
    if page is not None and getattr(page, "translation_key", None):
        for item in _public_translations(context, page):
            if item.locale_id == page.locale_id:
                continue
            url = item.get_url(request)
            if not url:  # not routable: outside every site, or served headless only
                continue
            code = item.locale.language_code
            entries.append({"url": url, "language_code": code, "name": _language_name(code)})
    return {"translations": entries}


@register.inclusion_tag(
    "kommunnatverk/includes/accessibility_statement_link.html", takes_context=True
)
def accessibility_statement_link(
    context: template.Context, as_list_item: bool = False
) -> dict[str, Any]:
    """The link to the site's accessibility statement, for every page's footer (DOS-lagen
    asks for one on every page): the statement in the language being rendered, else the
    source language's, public only. Renders nothing when the site has none."""
    request: HttpRequest | None = context.get("request")
    site = _request_site(context)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    language = translation.get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    statement = accessibility_statement(
        site, language, page=page if isinstance(page, Page) else None
    )
    url = statement.get_url(request) if statement is not None else None
    if not url:
        return {"statement": None}
    code = statement.locale.language_code
    return {
        "as_list_item": as_list_item,
        "statement": statement,
        "url": url,
        # A statement in another language than the page says so (WCAG 3.1.2).
        "other_language": code if code != language else None,
        "current": page is not None and getattr(page, "pk", None) == statement.pk,
    }


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, page: Page | None) -> SafeString:
    """The page's schema.org JSON-LD as script elements: its own (the same data as the
    API's) and its breadcrumb trail."""
    if not isinstance(page, Page):
        return script_for(None, None)
    trail = breadcrumb_trail(context, page)
    return script_for(page, context.get("request"), _site_identity(context), trail)


@register.simple_tag(takes_context=True)
def hreflang_links(context: template.Context, page: Page | None) -> list[dict[str, str]]:
    """``<link rel="alternate" hreflang>`` entries for ``page``: itself and each public
    translation, with absolute URLs, and ``x-default`` for the source locale."""
    if page is None or not getattr(page, "translation_key", None) or not is_public_page(page):
        return []
    return hreflang.alternates(_public_translations(context, page), context.get("request"))


@register.filter
def in_locale(obj: Any, locale: Locale | None) -> Any:
    """``obj``'s live translation in ``locale``, or ``obj`` itself when there is none.

    Unlike ``obj.localized`` this does not depend on the active language. The caller
    still checks that the result is public.
    """
    if obj is None or locale is None or not hasattr(obj, "get_translation_or_none"):
        return obj
    if obj.locale_id == locale.pk:
        return obj
    translated = obj.get_translation_or_none(locale)
    if translated is not None and getattr(translated, "live", True):
        return translated
    return obj


@register.simple_tag
def related_pages(page: Page, relation: str, field: str) -> list:
    """The public pages that ``page``'s link rows point at, in the page's language where
    translated: ``{% related_pages page "group_links" "group" as groups %}``."""
    rows = _with_related(_all(getattr(page, relation, None)), field)
    targets = [getattr(row, field) for row in rows if getattr(row, f"{field}_id", None)]
    return localised_pages(targets, page.locale)


@register.simple_tag
def related_snippets(page: Any, relation: str, field: str) -> list:
    """The public snippets that ``page``'s link rows point at, in the page's language:
    ``{% related_snippets page "framework_links" "framework" as frameworks %}``."""
    rows = _with_related(_all(getattr(page, relation, None)), field)
    targets = [getattr(row, field) for row in rows if getattr(row, f"{field}_id", None)]
    return localise(targets, page.locale_id)


@register.simple_tag
def goals_of(page: Any) -> list[Any]:
    """The public goals a page links to, in the editor's order and the page's language;
    from the goal catalogue, so no query per badge."""
    links = getattr(page, "goal_links", None)
    if links is None:
        return []
    ids = [link.goal_id for link in links.all() if link.goal_id]
    return GoalCatalogue.current().localised(ids, page.locale_id)


@register.filter
def organisations_of(links: Any, page: Any) -> list[Any]:
    """The public organisations of link rows (``member_links``, ``partner_links``…), in
    ``page``'s language: ``page.member_links.all|organisations_of:page``.

    Also accepts organisations themselves, one (``page.coordinator``) or a list
    (``ProjectPage.funders``), so every organisation list drops drafts the same way and
    one include renders them all.
    """
    if links is None or links == "":
        return []
    rows = (
        [links] if isinstance(links, models.Model) else _with_related(_all(links), "organisation")
    )
    organisations = [row.organisation if hasattr(row, "organisation_id") else row for row in rows]
    return localise(organisations, page.locale_id)


@register.filter
def public_parent(organisation: Any) -> Any:
    """An organisation's parent when it is public, else None."""
    parent = organisation.parent if getattr(organisation, "parent_id", None) else None
    return parent if is_public_snippet(parent) else None


@register.filter
def contacts_of(sidebar: Any) -> list[Any]:
    """A sidebar's contacts with photos loaded in the same query, each with
    ``public_organisation``: its organisation in the sidebar's language, if public."""
    if not sidebar:
        return []
    contacts = sidebar_contacts(sidebar)
    organisations = localise_each([c.organisation for c in contacts], sidebar.locale_id)
    for contact, organisation in zip(contacts, organisations, strict=True):
        contact.public_organisation = organisation
    return contacts


@register.filter
def live_only(items: Any) -> list[Any]:
    """Published items of a list, for a snippet's own preview (a framework's goals)."""
    return [item for item in _all(items) if getattr(item, "live", True)]


@register.filter
def public_page_in(target: Page | None, page: Any) -> Page | None:
    """A page link's target in ``page``'s language where public there, else as linked if
    public, else None (a link block to a draft or private page shows no link)."""
    if target is None:
        return None
    found = localised_pages([target], getattr(page, "locale", None) or target.locale)
    return found[0] if found else None


@register.filter
def badge_style(goal: Any) -> str:
    """The custom properties of a goal badge: the goal's colour and the text colour
    readable on it (``colours.text_colour``): ``style="{{ goal|badge_style }}"``. Only a
    well-formed hex colour reaches the style attribute."""
    colour = getattr(goal, "colour", None)
    if not colours.is_hex_colour(colour):
        return ""
    return f"--goal-colour: {colour}; --goal-text-colour: {colours.text_colour(colour)}"


@register.filter
def wcag_criteria(numbers: Any) -> list[wcag.Criterion]:
    """The WCAG 2.1 criteria of the given numbers ("1.4.3"…), in the guidelines' order,
    with their names in the active language and the W3C's page about each."""
    chosen = set(numbers or ())
    return [criterion for criterion in wcag.CRITERIA if criterion.number in chosen]


@register.filter(name="safe_url")
def safe_url_filter(value: Any) -> str:
    """An address to link to only when it is http(s), mailto, tel or relative; else the
    empty string, so ``{% if %}`` drops the link (``validators.safe_url``)."""
    return safe_url(value)


@register.filter
def public_richtext(value: Any) -> SafeString:
    """Rich text with links to pages that are not public removed, then sanitised: what the
    API sends (``content.richtext``)."""
    # rich_text_html cleans the HTML with nh3, so it is safe to mark.
    return mark_safe(rich_text_html(value))  # noqa: S308


@register.simple_tag(takes_context=True)
def public_children(context: template.Context, page: Page | None, *model_names: str) -> list:
    """Public children of ``page`` of the given types (``"app_label.ModelName"``), in
    tree order: the network's groups, news index and project index."""
    if page is None or not getattr(page, "pk", None):
        return []
    from django.apps import apps

    types = [apps.get_model(name) for name in model_names]
    return listings.public_children(page, *types, site=_request_site(context))


@register.simple_tag(takes_context=True)
def news_listing(context: template.Context, index: Page) -> PaginatorPage:
    """One page of the public news under ``index``, newest first, filtered by the
    request's ``?tag=`` and paged by its ``?page=``."""
    request: HttpRequest | None = context.get("request")
    query = request.GET if request is not None else {}
    items = listings.news_items(index, query.get("tag") or None).select_related("image")
    return Paginator(items, NEWS_PER_PAGE).get_page(query.get("page"))


@register.simple_tag
def project_listing(index: Page) -> list[Page]:
    """The public projects under ``index``: open ones first, then the newest."""
    return list(listings.projects(index))


@register.simple_tag
def latest_news(index: Page, count: int = NEWS_ON_NETWORK_PAGE) -> list[Page]:
    """The newest public news under ``index``, for the network page."""
    return list(listings.news_items(index)[:count])


@register.simple_tag
def current_projects(index: Page) -> list[Page]:
    """The public projects under ``index`` that recruit or run now, for the network page."""
    return list(listings.current_projects(index))


@register.simple_tag
def network_tag(slug: str | None, locale: Locale | None) -> Any:
    """The tag with ``slug`` in ``locale``, to name the tag a news list is filtered by."""
    if not slug or locale is None:
        return None
    return NetworkTag.objects.filter(slug=slug, locale=locale).first()


_NOT_DIALLED = re.compile(r"[^\d+]")


@register.filter
def phone_href(number: str | None) -> str:
    """A ``tel:`` address from a number written for people ("010-123 45 67")."""
    if not number:
        return ""
    return "tel:" + _NOT_DIALLED.sub("", number)


@register.simple_tag
def rendition(image, spec_name: str, **attrs: Any) -> str:
    """An ``<img>`` of ``image`` at the spec named in ``KOMMUNNATVERK["RENDITIONS"]``.

    Wagtail's ``{% image %}`` takes its spec literally; this reads it from the setting,
    so a site changes every rendition of a kind in one place.
    """
    if not image:
        return ""
    spec = conf.get("RENDITIONS")[spec_name]
    attributes = {key.replace("_", "-"): value for key, value in attrs.items()}
    return image.get_rendition(spec).img_tag(attributes)
