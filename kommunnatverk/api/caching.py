"""Strong ETags and Cache-Control for every GET, with 304s that skip serialising.

The ETag is a hash of the request's path and query and of the content version, so it
changes on every server the moment anything public changes (see ``ContentVersion``).
Pages past their ``expire_at`` but not yet unpublished by the scheduler count too.

The language served is known only once the view has run, yet a 304 must not say a
different ``Content-Language`` than the 200 it revalidates (a cache would store it). So
the ETag carries it after the hash, ``"<hash>-en"``, and a 304 reads it back from the
tag the client sent.
"""

import hashlib
from functools import wraps

from django.core.cache import BaseCache, caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from .. import conf
from ..content import snapshot, surrogate_keys
from ..content.version import content_version
from . import edge_keys

API_VERSION = "1"
ETAG_ATTRIBUTE = "kommunnatverk_etag"
LANGUAGE_ATTRIBUTE = "kommunnatverk_language"
CACHE_PREFIX = "kommunnatverk:api:"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def etag_for(request: HttpRequest, version: str | None = None) -> str:
    """The hash part of the ETag: what the response is, without its language."""
    version = version if version is not None else content_version()
    # Whether responses name surrogate keys too: a kept response must carry them.
    settings_key = repr(
        [conf.get(name) for name in ("RENDITIONS", "FALLBACK_LOCALE", "API_DEFAULT_LIMIT")]
        + [surrogate_keys.header()]
    )
    # The host picks the site for find/ and navigation/, and the absolute URLs.
    resource = f"{request.get_host()}{request.get_full_path()}"
    key = f"{API_VERSION}|{version}|{settings_key}|{resource}"
    # The ETag names the response exactly, so it also keys the response cache.
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def tag(etag: str, language: str) -> str:
    """The ETag header's value: ``"<hash>-<language>"``."""
    return f'"{etag}-{language}"'


def _split(value: str) -> tuple[str, str]:
    """(hash, language) of a tag as :func:`tag` wrote it (``W/`` and quotes removed)."""
    etag, _, language = value.removeprefix("W/").strip('"').partition("-")
    return etag, language


def served_language(request: HttpRequest, code: str) -> None:
    """Name the language of the response: the first call for a request wins, so a list
    with fallback items is in the language asked for."""
    if not hasattr(request, LANGUAGE_ATTRIBUTE):
        setattr(request, LANGUAGE_ATTRIBUTE, code)


def add_cache_headers(
    response: HttpResponse, etag: str, language: str, keys: list[str] | None = None
) -> None:
    response["ETag"] = tag(etag, language)
    response["Cache-Control"] = conf.get("API_CACHE_CONTROL")
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept"])
    if keys is not None:
        surrogate_keys.apply(response, keys, None)


def response_keys(request: HttpRequest, kwargs: dict) -> list[str] | None:
    """The response's surrogate keys, when a CDN reads them."""
    if surrogate_keys.header() is None:
        return None
    match = request.resolver_match
    url_name = match.url_name if match is not None else ""
    served = getattr(request, LANGUAGE_ATTRIBUTE, None)
    return edge_keys.for_request(request, url_name or "", kwargs, served)


def response_cache() -> BaseCache | None:
    alias = conf.get("API_RESPONSE_CACHE")
    return caches[alias] if alias else None


def store_response(
    response: HttpResponse, etag: str, language: str, keys: list[str] | None = None
) -> None:
    cache = response_cache()
    if cache is not None:
        entry = (language, response.content, keys)
        cache.set(CACHE_PREFIX + etag, entry, conf.get("API_RESPONSE_CACHE_TIMEOUT"))


def conditional(view):
    """Answer 304 when If-None-Match holds the current ETag, before the view runs, and
    serve a response rendered earlier for the same ETag from the response cache."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        version = content_version()
        etag = etag_for(request, version)
        # Weak comparison (RFC 9110 13.1.2): a proxy that compresses may weaken the tag.
        header = request.headers.get("If-None-Match", "")
        for sent in parse_etags(header):
            sent_etag, language = _split(sent)
            if sent_etag == etag and language:
                response = HttpResponse(status=304)
                add_cache_headers(response, etag, language)
                return response
        cache = response_cache()
        entry = cache.get(CACHE_PREFIX + etag) if cache is not None else None
        if isinstance(entry, tuple) and len(entry) == 3:
            language, body, keys = entry
            response = HttpResponse(body, content_type=JSON_CONTENT_TYPE)
            add_cache_headers(response, etag, language, keys)
            return response
        setattr(request, ETAG_ATTRIBUTE, etag)
        token = snapshot.attach(request, version)
        try:
            return view(request, *args, **kwargs)
        finally:
            snapshot.detach(token)

    return wrapper
