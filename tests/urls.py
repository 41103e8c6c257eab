"""What the tests reach: the admin, both APIs, documents, feeds, search, the sitemap,
robots.txt, favicon.ico and the pages, Swedish at /… and English at /en/…, as a site
mounts them (docs/snippets)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from kommunnatverk.urls import (
    feed_urlpatterns,
    root_urlpatterns,
    search_urlpatterns,
    sitemap_urlpatterns,
)

# Wagtail's core v2 API beside the package's own, to show the models' api_fields work.
core_api = WagtailAPIRouter("wagtailapi")
core_api.register_endpoint("pages", PagesAPIViewSet)
core_api.register_endpoint("images", ImagesAPIViewSet)
core_api.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/network/", include("kommunnatverk.api.urls")),
    path("api/v2/", core_api.urls),
    path("documents/", include(wagtaildocs_urls)),
    *sitemap_urlpatterns,
    *root_urlpatterns,
]

# Not prefixing the default language also keeps LocaleMiddleware from answering the APIs'
# 404s with a redirect to /sv/api/…. The feeds come before the pages.
urlpatterns += i18n_patterns(
    *feed_urlpatterns,
    *search_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 404 and 500 pages in the visitor's language (/en/… English, else Swedish).
handler404 = "kommunnatverk.web.errors.page_not_found"
handler500 = "kommunnatverk.web.errors.server_error"
