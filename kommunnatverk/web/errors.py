"""The 404 and 500 pages, in the visitor's language: English under ``/en/``, the site's
default language elsewhere, whatever the browser asks for.

A site gets them by naming these views in its root URLconf (``handler404``,
``handler500``; ``kommunnatverk.urls`` holds both names). The 404 page is a page of the
site like any other, with the menu, the search box and the footer. The 500 page must
render when the database is what failed: it reads the menu once, and leaves it out if
that fails too.
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Site

from .. import conf
from ..content import navigation
from ..content.languages import content_locales
from . import chrome

logger = logging.getLogger(__name__)
NOT_FOUND_TEMPLATE = "kommunnatverk/404.html"
SERVER_ERROR_TEMPLATE = "kommunnatverk/500.html"


def language_of(request: HttpRequest) -> str:
    """The language a path's prefix names (``/en/…``), else the site's default language."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    language = language_of(request)
    with translation.override(language):
        html = render_to_string(NOT_FOUND_TEMPLATE, {"request_path": request.path}, request)
    response = HttpResponseNotFound(html)
    response["Content-Language"] = language
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    language = language_of(request)
    with translation.override(language):
        context = {"lang": language, **_chrome_or_nothing(request, language)}
        html = render_to_string(SERVER_ERROR_TEMPLATE, context)
    response = HttpResponseServerError(html)
    response["Content-Language"] = language
    return response


def _chrome_or_nothing(request: HttpRequest, language: str) -> dict:
    """The site's name, home page and menu, or, when the database cannot give them, the
    name from the settings and the language's root address."""
    fallback_home = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    context = {
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "home_url": fallback_home,
        "entries": [],
        "search_url": _search_url(),
        "source_language": conf.get("SOURCE_LOCALE"),
    }
    try:
        site = Site.find_for_request(request)
        locale = next(
            (loc for loc in content_locales().values() if loc.language_code == language), None
        )
        if site is None or locale is None:
            return context
        codes = {pk: loc.language_code for pk, loc in content_locales().items()}
        fallback = next(
            (
                loc
                for loc in content_locales().values()
                if loc.language_code == conf.get("FALLBACK_LOCALE") != language
            ),
            None,
        )
        root = navigation.menu(site, locale, fallback, chrome.MENU_DEPTH)
        entries = chrome.menu_entries(root, request, None, codes, language)
    except DatabaseError:
        logger.warning("The 500 page is shown without the menu: the database failed too.")
        return context
    context.update(site_name=site.site_name or context["site_name"], entries=entries)
    if entries:
        context["home_url"] = entries[0].url
    return context


def _search_url() -> str | None:
    try:
        return reverse("kommunnatverk_search")
    except NoReverseMatch:
        return None
