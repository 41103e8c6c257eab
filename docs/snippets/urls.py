from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
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
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    # The delivery API, outside the language prefix: its locale is a parameter.
    path("api/network/", include("kommunnatverk.api.urls")),
    # sitemap.xml of both languages, with hreflang alternates.
    *sitemap_urlpatterns,
    # /robots.txt (naming the sitemap) and /favicon.ico.
    *root_urlpatterns,
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# News feeds per language, then the pages last, since they match every path:
# Swedish at /, English under /en/.
urlpatterns += i18n_patterns(
    *feed_urlpatterns,
    *search_urlpatterns,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 404 and 500 pages in the visitor's language (/en/… English, else Swedish).
handler404 = "kommunnatverk.web.errors.page_not_found"
handler500 = "kommunnatverk.web.errors.server_error"
