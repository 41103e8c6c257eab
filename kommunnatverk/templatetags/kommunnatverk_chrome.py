"""The reference templates' site chrome: ``{% load kommunnatverk_chrome %}``.

``base.html`` shows with these the site's name, the main menu, the breadcrumbs and the
footer around every page, the error pages included. Each is an inclusion tag with an
include of its own under ``kommunnatverk/includes/``, so a site overrides one part (its
logo in ``site_brand.html``, say) without copying ``base.html``. What they show comes
from ``web.chrome`` and the content layer, in the language being rendered.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page, Site

from .. import conf
from ..content import navigation
from ..content.languages import content_locales
from ..validators import safe_url
from ..web import chrome
from .kommunnatverk_tags import _language_name, _public_translations, _request_site

register = template.Library()


class _State:
    """What every part of the chrome needs, worked out once per render."""

    def __init__(self, context: template.Context) -> None:
        self.request: HttpRequest | None = context.get("request")
        page = context.get("page")
        self.page: Page | None = page if isinstance(page, Page) else None
        self.language = context.get("lang") or translation.get_language() or settings.LANGUAGE_CODE
        self.site = _request_site(context) or _default_site()
        self.locales = locales = content_locales()
        self.codes = {pk: locale.language_code for pk, locale in locales.items()}
        by_code = {locale.language_code: locale for locale in locales.values()}
        self.locale: Locale | None = by_code.get(self.language)
        fallback_code = conf.get("FALLBACK_LOCALE")
        self.fallback = by_code.get(fallback_code) if fallback_code != self.language else None
        self.menu = None
        if self.site is not None and self.locale is not None:
            self.menu = navigation.menu(self.site, self.locale, self.fallback, chrome.MENU_DEPTH)


def _default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _state(context: template.Context) -> _State:
    key = "kommunnatverk_chrome"
    if key not in context.render_context:
        context.render_context[key] = _State(context)
    return context.render_context[key]


@register.inclusion_tag("kommunnatverk/includes/site_brand.html", takes_context=True)
def site_brand(context: template.Context, site: dict[str, Any] | None) -> dict[str, Any]:
    """The site's name linking to the home page, as ``site_info`` gives it: in the
    page's language where the site is named after its home page, else its one name
    marked with the language it is written in."""
    site = site or {}
    return {"name": site.get("name") or "", "url": site.get("url"), "name_lang": site.get("lang")}


@register.inclusion_tag("kommunnatverk/includes/site_navigation.html", takes_context=True)
def site_navigation(context: template.Context) -> dict[str, Any]:
    """The main menu: the home page, then the pages shown in menus, the one being shown
    marked ``aria-current="page"`` and the section it is in marked too."""
    state = _state(context)
    entries = chrome.menu_entries(
        state.menu, state.request, state.page, state.codes, state.language
    )
    return {"entries": entries}


@register.inclusion_tag("kommunnatverk/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict[str, Any]:
    """The public pages from the home page down to the page being shown; nothing on the
    home page itself, or for a page outside the site's trees."""
    state = _state(context)
    page = state.page
    if page is None or state.site is None:
        return {"trail": []}
    above = navigation.breadcrumbs(page, state.site)
    trail = []
    for position, item in enumerate(above):
        url = item.get_url(state.request)
        if url:
            trail.append({"title": item.title, "url": url, "is_home": position == 0})
    return {"trail": trail, "current": page}


@register.inclusion_tag("kommunnatverk/includes/site_footer.html", takes_context=True)
def site_footer(context: template.Context) -> dict[str, Any]:
    """The footer: the network and its coordinator, its contacts, and links to the
    accessibility statement, the news feeds and the other languages.

    The include shows the accessibility statement's link, which every page of a Swedish
    public body must carry (DOS-lagen), with ``accessibility_statement_link``; it reads
    the request and the page, passed on here.
    """
    state = _state(context)
    tree = state.menu.page.path if state.menu is not None else None
    return {
        "footer": chrome.footer(state.page, state.locale, tree, state.locales),
        "languages": _other_languages(context, state),
        "request": context.get("request"),
        "page": context.get("page"),
    }


def _other_languages(context: template.Context, state: _State) -> list[dict[str, str]]:
    """The page in each other content language where it is public there, else that
    language's home page."""
    found: dict[str, str] = {}
    page = state.page
    if page is not None and getattr(page, "translation_key", None) and page.pk:
        for item in _public_translations(context, page):
            code = state.codes.get(item.locale_id)
            url = item.get_url(state.request) if code and code != state.language else None
            if url:
                found[code] = url
    missing = [code for code in state.codes.values() if code != state.language]
    if state.site is not None and any(code not in found for code in missing):
        for locale_id, home in navigation.homes(state.site).items():
            code = state.codes.get(locale_id)
            if code in missing and code not in found:
                url = home.get_url(state.request)
                if url:
                    found[code] = url
    return [
        {"url": found[code], "language_code": code, "name": _language_name(code)}
        for code in state.codes.values()
        if code in found
    ]


@register.filter
def organisation_link(organisation: Any) -> SafeString | str:
    """An organisation's name linking to its website (when that is a safe address), as
    HTML to put into a translated sentence."""
    if organisation is None or organisation == "":
        return ""
    website = safe_url(getattr(organisation, "website", ""))
    if website:
        return format_html('<a href="{}">{}</a>', website, organisation.name)
    return format_html("{}", organisation.name)
