"""The NinjaAPI instance: its own OpenAPI document, version and problem+json errors."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from .. import conf
from . import errors, openapi
from .caching import (
    ETAG_ATTRIBUTE,
    LANGUAGE_ATTRIBUTE,
    add_cache_headers,
    response_keys,
    store_response,
)
from .routers.navigation import router as navigation_router
from .routers.pages import router as pages_router
from .routers.preview import NO_STORE_ATTRIBUTE
from .routers.preview import router as preview_router
from .routers.snippets import router as snippets_router


class Utf8JSONRenderer(JSONRenderer):
    """å as å (2 bytes), not ``\\u00e5`` (6); the content type says charset=utf-8."""

    json_dumps_params = {"ensure_ascii": False}


class DeliveryAPI(NinjaAPI):
    def create_response(self, request: HttpRequest, data, *, status=None, temporal_response=None):
        response: HttpResponse = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        language = getattr(request, LANGUAGE_ATTRIBUTE, None) or conf.get("SOURCE_LOCALE")
        if getattr(request, NO_STORE_ATTRIBUTE, False):
            response["Cache-Control"] = "no-store"
            response["Content-Language"] = language
            return response
        etag = getattr(request, ETAG_ATTRIBUTE, None)
        if etag and response.status_code == 200:
            match = request.resolver_match
            keys = response_keys(request, match.kwargs if match is not None else {})
            add_cache_headers(response, etag, language, keys)
            store_response(response, etag, language, keys)
        return response

    def get_openapi_schema(self, *, path_prefix=None, path_params=None) -> dict[str, Any]:
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return openapi.refine(document)


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
    renderer=Utf8JSONRenderer(),
)
errors.register(api)
api.add_router("/pages/", pages_router)
api.add_router("/navigation/", navigation_router)
api.add_router("/preview/", preview_router)
api.add_router("/", snippets_router)
