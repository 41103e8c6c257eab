"""Template helpers of the reference templates: ``{% load kommunnatverk_tags %}``.

The templates render a page in the page's own language, which need not be the language
of the request (a preview, a shared link). Wagtail's ``.localized`` follows the *active*
language, so these helpers take the page or its locale explicitly instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, Site

from .. import conf, hreflang, structured_data

register = template.Library()


def _all(value: Any) -> Iterable[Any]:
    """Iterate over a related manager, a queryset or a plain list alike."""
    if value is None:
        return []
    if hasattr(value, "all"):
        return value.all()
    return value


def _has_field(rows: Any, name: str) -> bool:
    """Whether ``rows`` is a queryset (real or modelcluster's) with a relation ``name``."""
    model = getattr(rows, "model", None)
    if model is None or not hasattr(rows, "select_related"):
        return False
    return any(field.name == name for field in model._meta.get_fields())


def _is_live(obj: Any) -> bool:
    # Models without draft state (plain snippets, tags) count as published.
    return bool(getattr(obj, "live", True))


def _language_name(code: str) -> str:
    """The language's name in that language ("svenska", "English"), for a switcher."""
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        # A content language Django has no data for: use the name the site configured.
        return str(get_content_languages().get(code, code))


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


@register.simple_tag(takes_context=True)
def site_info(context: template.Context) -> dict[str, str | None]:
    """The site's name and the URL of its home page in the language being rendered.

    The home link follows the rendered language (set by ``{% language %}`` in
    ``base.html``), so the English header leads to the English home page.
    """
    request: HttpRequest | None = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")
    url = None
    if site is not None:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            locale = None
        home = in_locale(site.root_page, locale)
        if _is_live(home):
            url = home.get_url(request)
    return {"name": name, "url": url}


@register.inclusion_tag("kommunnatverk/includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context, page: Page | None) -> dict[str, Any]:
    """Links to the live, public translations of ``page`` in the other locales.

    Each entry has ``url``, ``language_code`` and ``name`` (the language's own name, so a
    reader finds their language without reading the current one). The include renders
    nothing when the list is empty.
    """
    request: HttpRequest | None = context.get("request")
    entries: list[dict[str, str]] = []
    if page is not None and getattr(page, "translation_key", None):
        translations = page.get_translations().live()
        if hasattr(translations, "public"):
            translations = translations.public()
        translations = translations.exclude(locale_id=page.locale_id).select_related("locale")
        order = list(get_content_languages())
        for item in translations:
            url = item.get_url(request)
            if not url:  # not routable: outside every site, or served headless only
                continue
            code = item.locale.language_code
            entries.append({"url": url, "language_code": code, "name": _language_name(code)})
        entries.sort(
            key=lambda e: (
                order.index(e["language_code"]) if e["language_code"] in order else len(order),
                e["language_code"],
            )
        )
    return {"translations": entries}


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, page: Page | None) -> str:
    """The page's schema.org JSON-LD as a script element: the same data as the API's."""
    from ..api.queries import public_translations, type_name
    from ..api.serializers import pages
    from ..api.serializers.context import ApiContext

    request: HttpRequest | None = context.get("request")
    if page is None or request is None or type_name(type(page)) is None:
        return ""
    ctx = ApiContext(request, page.locale)
    with translation.override(page.locale.language_code):
        detail = pages.detail(ctx, page, public_translations(page.translation_key), False)
    # The JSON is escaped for a script element by as_script, so it is safe as it is.
    return mark_safe(structured_data.as_script(detail["json_ld"]))  # noqa: S308


@register.simple_tag(takes_context=True)
def hreflang_links(context: template.Context, page: Page | None) -> list[dict[str, str]]:
    """``<link rel="alternate" hreflang>`` entries for ``page``: itself and each live,
    public translation, with absolute URLs, and ``x-default`` for the source locale."""
    if page is None or not getattr(page, "translation_key", None):
        return []
    request: HttpRequest | None = context.get("request")
    pages = page.get_translations(inclusive=True).live()
    if hasattr(pages, "public"):
        pages = pages.public()
    return hreflang.alternates(
        pages.select_related("locale").order_by("locale__language_code"), request
    )


@register.filter
def in_locale(obj: Any, locale: Locale | None) -> Any:
    """``obj``'s live translation in ``locale``, or ``obj`` itself when there is none.

    Unlike ``obj.localized`` this does not depend on the active language, so a related
    group shown on an English page links to the English group even in a Swedish request.
    The caller still checks ``obj.live`` when ``obj`` itself may be a draft.
    """
    if obj is None or locale is None or not hasattr(obj, "get_translation_or_none"):
        return obj
    if obj.locale_id == locale.pk:
        return obj
    translated = obj.get_translation_or_none(locale)
    if translated is not None and _is_live(translated):
        return translated
    return obj


@register.simple_tag
def goals_of(page: Any) -> list[Any]:
    """The published goals a page links to, in the editor's order, frameworks loaded.

    ``select_related`` saves one query per badge; drafts are left out so an unpublished
    goal never appears on a public page.
    """
    links = getattr(page, "goal_links", None)
    if links is None:
        return []
    rows = links.all()
    if hasattr(rows, "select_related"):
        rows = rows.select_related("goal", "goal__framework")
    return [link.goal for link in rows if link.goal_id and _is_live(link.goal)]


@register.filter
def organisations_of(links: Any) -> list[Any]:
    """The published organisations of link rows (``member_links``, ``partner_links``…).

    Also accepts organisations themselves, one (``page.coordinator``) or a list
    (``ProjectPage.funders``), so every organisation list drops drafts the same way and
    one include renders them all.
    """
    if links is None or links == "":
        return []
    rows = [links] if isinstance(links, models.Model) else _all(links)
    if _has_field(rows, "organisation"):
        rows = rows.select_related("organisation", "organisation__logo", "organisation__parent")
    organisations = []
    for row in rows:
        organisation = row.organisation if hasattr(row, "organisation_id") else row
        if organisation is not None and _is_live(organisation):
            organisations.append(organisation)
    return organisations


@register.filter
def linked(links: Any, field_name: str) -> list[Any]:
    """The published targets of link rows: ``page.group_links.all|linked:"group"``.

    One query for rows and targets together, and no draft group, project or framework
    shows up as a link that leads nowhere.
    """
    rows = _all(links)
    if _has_field(rows, field_name):
        rows = rows.select_related(field_name)
    targets = []
    for row in rows:
        if getattr(row, f"{field_name}_id", None) is None:
            continue
        target = getattr(row, field_name)
        if _is_live(target):
            targets.append(target)
    return targets


@register.filter
def contacts_of(sidebar: Any) -> Iterable[Any]:
    """A sidebar's contacts with photos and organisations loaded in the same query.

    The sidebar is on nearly every page, so it should not cost a query per person.
    """
    if not sidebar:
        return []
    contacts = sidebar.contacts.all()
    if hasattr(contacts, "select_related"):
        contacts = contacts.select_related("photo", "organisation")
    return contacts


@register.filter
def live_only(items: Any) -> list[Any]:
    """Drop drafts from a list of snippets, such as a framework's goals."""
    return [item for item in _all(items) if _is_live(item)]


@register.simple_tag
def live_children(page: Page | None, *model_names: str) -> list[Page]:
    """Live, public children of ``page`` of the given types (``"app_label.ModelName"``).

    Children of a page are in its locale already, so these are the page's own
    groups, news index and project index, in tree order.
    """
    if page is None or not getattr(page, "pk", None):
        return []
    children = page.get_children().live().public()
    if model_names:
        from django.apps import apps

        models = [apps.get_model(name) for name in model_names]
        children = children.type(*models)
    return list(children.specific())


@register.simple_tag
def network_tag(slug: str | None, locale: Locale | None) -> Any:
    """The tag with ``slug`` in ``locale``, to name the tag a news list is filtered by."""
    if not slug or locale is None:
        return None
    from ..models import NetworkTag

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
