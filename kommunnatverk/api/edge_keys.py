"""The surrogate keys of an API response: what it shows, read from the endpoint, its
parameters and the page it served (see ``content.surrogate_keys``).

Computed only when a CDN reads keys, and only for a response the view rendered: a 304
or a response-cache hit repeats the keys stored with it.
"""

from django.http import HttpRequest
from wagtail.models import Page

from .. import conf
from ..content import surrogate_keys as keys
from ..content.languages import content_languages
from .enums import page_type_filter
from .errors import ApiProblem
from .params import request_site

SERVED_PAGE_ATTRIBUTE = "kommunnatverk_served_page"
SNIPPET_LISTS = {
    "framework_list": "framework",
    "goal_list": "goal",
    "organisation_list": "organisation",
}


def served_page(request: HttpRequest, page: Page) -> None:
    """The page a detail or ``find/`` serves, which only the view knows."""
    setattr(request, SERVED_PAGE_ATTRIBUTE, page)


def _languages(request: HttpRequest, served: str | None) -> set[str]:
    """The languages a list may show: the one asked for (or served) and its fallback."""
    known = set(content_languages())
    fallback = request.GET.get("fallback") or conf.get("FALLBACK_LOCALE")
    found = {request.GET.get("locale") or served, fallback}
    return found & known or ({served} & known)


def site_id(request: HttpRequest) -> int | None:
    """The site the view served (``params.request_site``: Wagtail keeps it on the request)."""
    try:
        return request_site(request).pk
    except ApiProblem:
        return None


def for_request(request: HttpRequest, url_name: str, kwargs: dict, served: str | None) -> list[str]:
    site = site_id(request)
    found: set[str] = {keys.site(site)} if site is not None else set()
    languages = _languages(request, served)
    if url_name in ("page_detail", "page_find"):
        page = getattr(request, SERVED_PAGE_ATTRIBUTE, None)
        if page is not None:
            found |= {keys.page(page.pk), *keys.ancestor_keys(page.path)}
        if "page_id" in kwargs:
            found.add(keys.page(kwargs["page_id"]))
    elif url_name == "page_list":
        kind = page_type_filter(request.GET["type"]) if request.GET.get("type") else None
        name = kind[0] if kind else None
        found |= {keys.page_list(site, code, name) for code in languages if site is not None}
    elif url_name == "navigation":
        found |= {keys.navigation(site, code) for code in languages if site is not None}
    elif url_name in SNIPPET_LISTS:
        found |= {keys.snippet_list(SNIPPET_LISTS[url_name], code) for code in languages}
    elif url_name == "contact_sidebar_detail":
        found.add(keys.snippet_by_id("contact_sidebar", kwargs["sidebar_id"]))
    return keys.bounded(found, site)
