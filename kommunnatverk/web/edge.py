"""Feeds, the sitemap and the search page at the edge: they list pages, so they carry
the keys of the site's page lists in every language (any page change purges them) and
revalidate like pages (``HTML_CACHE_CONTROL``). Without this a CDN would keep them as
long as its default allows, since they send no Cache-Control of their own."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.models import Site

from ..content import surrogate_keys as keys
from ..content.languages import content_languages
from .page_cache import cache_control


def lists_pages(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
            return response
        patch_cache_control(response, **cache_control())
        site = Site.find_for_request(request)
        if site is not None:
            named = {keys.site(site.pk)}
            named |= {keys.page_list(site.pk, code) for code in content_languages()}
            keys.apply(response, named, site.pk)
        return response

    return wrapper
