"""The NinjaAPI instance: its own OpenAPI document, version and problem+json errors."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from . import errors
from .caching import ETAG_ATTRIBUTE, add_cache_headers, store_response
from .routers.navigation import router as navigation_router
from .routers.pages import router as pages_router
from .routers.preview import NO_STORE_ATTRIBUTE
from .routers.preview import router as preview_router
from .routers.snippets import router as snippets_router


class DeliveryAPI(NinjaAPI):
    def create_response(self, request: HttpRequest, data, *, status=None, temporal_response=None):
        response: HttpResponse = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if getattr(request, NO_STORE_ATTRIBUTE, False):
            response["Cache-Control"] = "no-store"
            return response
        etag = getattr(request, ETAG_ATTRIBUTE, None)
        if etag and response.status_code == 200:
            add_cache_headers(response, etag)
            store_response(response, etag)
        return response


api = DeliveryAPI(
    title="kommunnatverk delivery API",
    version="1.0.0",
    description=(
        "Published content of a municipal sustainability network, in Swedish and English: "
        "pages with their translations, goals, organisations, contact sidebars and "
        "navigation. Anonymous, read-only and cacheable."
    ),
    urls_namespace="kommunnatverk_api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
errors.register(api)
api.add_router("/pages/", pages_router)
api.add_router("/navigation/", navigation_router)
api.add_router("/preview/", preview_router)
api.add_router("/", snippets_router)
