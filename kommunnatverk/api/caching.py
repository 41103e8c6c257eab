"""Strong ETags and Cache-Control for every GET, with 304s that skip serialising.

The ETag is a hash of the request's path and query and of the content version, so it
changes on every server the moment anything public changes (see ``ContentVersion``).
Pages past their ``expire_at`` but not yet unpublished by the scheduler count too.
"""

import hashlib
from functools import wraps

from django.core.cache import BaseCache, caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from .. import conf
from ..content import snapshot
from ..content.version import content_version

API_VERSION = "1"
ETAG_ATTRIBUTE = "kommunnatverk_etag"
CACHE_PREFIX = "kommunnatverk:api:"


def etag_for(request: HttpRequest, version: str | None = None) -> str:
    version = version if version is not None else content_version()
    settings_key = repr(
        [conf.get(name) for name in ("RENDITIONS", "FALLBACK_LOCALE", "API_DEFAULT_LIMIT")]
    )
    # The host picks the site for find/ and navigation/, and the absolute URLs.
    resource = f"{request.get_host()}{request.get_full_path()}"
    key = f"{API_VERSION}|{version}|{settings_key}|{resource}"
    # The ETag names the response exactly, so it also keys the response cache.
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def add_cache_headers(response: HttpResponse, etag: str) -> None:
    response["ETag"] = etag
    response["Cache-Control"] = conf.get("API_CACHE_CONTROL")
    patch_vary_headers(response, ["Accept"])


def response_cache() -> BaseCache | None:
    alias = conf.get("API_RESPONSE_CACHE")
    return caches[alias] if alias else None


def store_response(response: HttpResponse, etag: str) -> None:
    cache = response_cache()
    if cache is not None:
        cache.set(CACHE_PREFIX + etag, response.content, conf.get("API_RESPONSE_CACHE_TIMEOUT"))


def conditional(view):
    """Answer 304 when If-None-Match holds the current ETag, before the view runs, and
    serve a response rendered earlier for the same ETag from the response cache."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        version = content_version()
        etag = etag_for(request, version)
        # Weak comparison (RFC 9110 13.1.2): a proxy that compresses may weaken the tag.
        header = request.headers.get("If-None-Match", "")
        if etag in {tag.removeprefix("W/") for tag in parse_etags(header)}:
            response = HttpResponse(status=304)
            add_cache_headers(response, etag)
            return response
        cache = response_cache()
        body = cache.get(CACHE_PREFIX + etag) if cache is not None else None
        if body is not None:
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            add_cache_headers(response, etag)
            return response
        setattr(request, ETAG_ATTRIBUTE, etag)
        token = snapshot.attach(request, version)
        try:
            return view(request, *args, **kwargs)
        finally:
            snapshot.detach(token)

    return wrapper
