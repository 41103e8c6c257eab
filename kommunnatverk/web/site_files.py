"""The files crawlers and browsers ask every site for: ``/robots.txt`` and ``/favicon.ico``.

``robots.txt`` names the Site's sitemap by its absolute address (the sitemaps protocol
asks for one) and keeps crawlers out of the admin and of search results pages, which
are endless. It is the template ``kommunnatverk/robots.txt``: a site overrides it as any
template. ``/favicon.ico`` redirects to the site's icon (``KOMMUNNATVERK["FAVICONS"]``)
for the clients that ask for it without reading a page's ``<link rel="icon">``.
"""

from pathlib import PurePosixPath

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .. import conf
from ..content.languages import content_languages
from ..content.site_identity import absolute_url, asset_url

ICON_TYPES = {
    ".ico": "image/x-icon",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


def _reverse(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _search_paths() -> list[str]:
    paths = []
    for language in content_languages():
        with translation.override(language):
            path = _reverse("kommunnatverk_search")
        if path and path not in paths:
            paths.append(path)
    return paths


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    sitemap = _reverse("kommunnatverk_sitemap")
    context = {
        "sitemap_url": absolute_url(root_url, sitemap) if sitemap else None,
        "disallow": [path for path in [_reverse("wagtailadmin_home"), *_search_paths()] if path],
    }
    return TemplateResponse(
        request, "kommunnatverk/robots.txt", context, content_type="text/plain; charset=utf-8"
    )


def favicons() -> list[dict[str, str | None]]:
    """``{"href", "type"}`` of each of the site's icons, in the setting's order."""
    icons = []
    for value in conf.get("FAVICONS"):
        href = asset_url(value)
        suffix = PurePosixPath(value.split("?", 1)[0]).suffix.lower()
        icons.append({"href": href, "type": ICON_TYPES.get(suffix)})
    return icons


@require_safe
@cache_control(max_age=86400, public=True)
def favicon_ico(request: HttpRequest) -> HttpResponse:
    """A redirect to the first ``.ico`` of the site's icons, else to the first icon."""
    icons = favicons()
    if not icons:
        raise Http404("The site has no icon.")
    chosen = next((icon for icon in icons if icon["type"] == "image/x-icon"), icons[0])
    return HttpResponseRedirect(chosen["href"])
