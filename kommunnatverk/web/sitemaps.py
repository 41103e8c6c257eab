"""``sitemap.xml`` for every language, each page with ``hreflang`` alternates.

Django's sitemap framework gives alternates for one object served in several languages;
in Wagtail a translation is a page of its own, so the alternates come from the page's
translations here. ``x-default`` is the page in the source locale (``SOURCE_LOCALE``).
Only public pages of the request's Site appear (``content.public``).
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, Site

from ..content.public import public_pages
from . import hreflang


class NetworkSitemap(Sitemap):
    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def items(self) -> list[Page]:
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        pages = public_pages(any_type=True, site=site)
        return list(pages.select_related("locale").order_by("path", "locale_id"))

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        pages = self.items()
        by_key: dict = {}
        for item in pages:
            by_key.setdefault(item.translation_key, []).append(item)
        # Once per group of translations: each page's URL is worked out once for them.
        alternates = {
            key: hreflang.alternates(group, self.request) for key, group in by_key.items()
        }
        urls = []
        for item in pages:
            location = item.get_full_url(self.request)
            if not location:
                continue
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at,
                    "alternates": alternates[item.translation_key],
                }
            )
        return urls


def sitemap_view(request: HttpRequest) -> HttpResponse:
    return sitemap(request, sitemaps={"network": NetworkSitemap(request)})
