"""The package's pages rendered once per content version, with ETags and 304s.

A page view reads the navigation, the footer, related lists, badges and the sidebar:
30 to 50 queries. None of that changes until the content version does (every save of a
page, snippet, image, Site or locale bumps it, see ``changes.version``), so a public
page's HTML for a visitor is kept under a key of the version, the host, the path and the
language, as the API keeps its responses. The per-version snapshot is attached while a
page renders, so even a miss reads the Site, the locales and the restrictions once per
process and version.

Left to Wagtail, and never kept: previews, pages with a view restriction, and anything
a signed-in user sees (Wagtail's user bar, and rights of their own).
"""

import hashlib
from collections.abc import Callable

from django.core.cache import BaseCache, caches
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags
from wagtail.models import Page

from .. import conf
from ..content import snapshot
from ..content import surrogate_keys as keys
from ..content.public import is_public_page
from ..content.version import content_version

CACHE_PREFIX = "kommunnatverk:html:"
# Longer query strings are rendered but not kept: the visitor chooses them.
MAX_CACHED_QUERY = 200
KEPT_HEADERS = ("Content-Type", "Content-Language")


def _cache() -> BaseCache | None:
    alias = conf.get("HTML_RESPONSE_CACHE")
    return caches[alias] if alias else None


def _is_for_everyone(page: Page, request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and len(request.META.get("QUERY_STRING", "")) <= MAX_CACHED_QUERY
        and is_public_page(page)
    )


def _etag(request: HttpRequest, version: str) -> str:
    resource = f"{request.get_host()}{request.get_full_path()}"
    # Settings the templates read, so a deploy that changes them renders anew.
    settings_key = repr(
        [conf.get(name) for name in ("RENDITIONS", "FRONTEND_URL")] + [keys.header()]
    )
    key = f"html|{version}|{settings_key}|{translation.get_language()}|{resource}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def _with_headers(
    response: HttpResponse, etag: str, names: list[str] | None = None
) -> HttpResponse:
    response["ETag"] = etag
    patch_cache_control(response, **cache_control())
    if names is not None:
        site = names[0] if names else None
        keys.apply(response, names[1:], int(site) if site else None)
    return response


def _keys(page: Page, request: HttpRequest) -> list[str] | None:
    """[site id, surrogate keys…] of the page's HTML: the page, the pages above it (the
    breadcrumbs, the sidebar it inherits), the navigation and the site; None when no
    CDN reads keys. An index lists its children, so a child's change purges it."""
    if keys.header() is None:
        return None
    current = snapshot.of(request)
    site = current.site_for(request) if current is not None else None
    named = {keys.page(page.pk), *keys.ancestor_keys(page.path)}
    if site is not None:
        named |= {keys.site(site.pk), keys.navigation(site.pk, translation.get_language())}
    return [str(site.pk) if site is not None else "", *sorted(named)]


def cache_control() -> dict[str, object]:
    """``HTML_CACHE_CONTROL`` as ``patch_cache_control``'s arguments."""
    directives: dict[str, object] = {}
    for part in conf.get("HTML_CACHE_CONTROL").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.replace("-", "_")] = value or True
    return directives


def _rendered(response: HttpResponse) -> HttpResponse:
    """Render now, while the snapshot is attached, not after the view has returned."""
    if isinstance(response, SimpleTemplateResponse):
        response.render()
    return response


def serve(page: Page, request: HttpRequest, render: Callable[..., HttpResponse], *args, **kwargs):
    """``render(request, *args, **kwargs)`` (Wagtail's ``Page.serve``), or its kept HTML."""
    version = content_version()
    token = snapshot.attach(request, version)
    try:
        if not _is_for_everyone(page, request):
            response = _rendered(render(request, *args, **kwargs))
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                patch_cache_control(response, private=True)
            return response
        etag = _etag(request, version)
        # Weak comparison (RFC 9110 13.1.2): a proxy that compresses may weaken the tag.
        sent = parse_etags(request.headers.get("If-None-Match", ""))
        if etag in {tag.removeprefix("W/") for tag in sent}:
            return _with_headers(HttpResponse(status=304), etag)
        cache = _cache()
        kept = cache.get(CACHE_PREFIX + etag) if cache is not None else None
        if isinstance(kept, tuple) and len(kept) == 3:
            body, headers, names = kept
            response = HttpResponse(body)
            for name, value in headers.items():
                response[name] = value
            return _with_headers(response, etag, names)
        response = _rendered(render(request, *args, **kwargs))
        if response.status_code != 200:
            return response
        names = _keys(page, request)
        if cache is not None:
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(
                CACHE_PREFIX + etag,
                (response.content, headers, names),
                conf.get("HTML_RESPONSE_CACHE_TIMEOUT"),
            )
        return _with_headers(response, etag, names)
    finally:
        snapshot.detach(token)
