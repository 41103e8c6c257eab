from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from kommunnatverk.urls import (
    feed_urlpatterns,
    root_urlpatterns,
    search_urlpatterns,
    sitemap_urlpatterns,
)

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/network/", include("kommunnatverk.api.urls")),
    path("api/v2/", api_router.urls),
    path("documents/", include(wagtaildocs_urls)),
    *sitemap_urlpatterns,
    *root_urlpatterns,
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Swedish pages at /…, English at /en/…. Not prefixing the default language also keeps
# LocaleMiddleware from answering the APIs' 404s with a redirect to /sv/api/….
# News feeds per language (/feeds/news.rss, /en/feeds/news.rss), before the pages.
urlpatterns += i18n_patterns(
    *feed_urlpatterns,
    *search_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 404 and 500 pages in the visitor's language (/en/… English, else Swedish).
handler404 = "kommunnatverk.web.errors.page_not_found"
handler500 = "kommunnatverk.web.errors.server_error"
