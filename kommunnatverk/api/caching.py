"""Strong ETags and Cache-Control for every GET, with 304s that skip serialising.

The ETag is a hash of the request's path and query and of the content version, so it
changes on every server the moment anything public changes (see ``ContentVersion``).
Pages past their ``expire_at`` but not yet unpublished by the scheduler count too.
"""

import hashlib
from functools import wraps

from django.db.models import Count, Subquery
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from wagtail.models import Page

from .. import conf
from ..models import ContentVersion

API_VERSION = "1"
ETAG_ATTRIBUTE = "kommunnatverk_etag"


def content_version() -> str:
    """The shared counter and the number of live pages past ``expire_at``, in one query."""
    expired_pages = Page.objects.filter(live=True, expire_at__lte=timezone.now())
    expired = expired_pages.order_by().values("live").annotate(n=Count("pk")).values("n")
    row = (
        ContentVersion.objects.filter(pk=1)
        .annotate(expired=Subquery(expired[:1]))
        .values_list("counter", "expired")
        .first()
    )
    if row is None:  # nothing saved since migrate
        return f"0.{expired_pages.count()}"
    return f"{row[0]}.{row[1] or 0}"


def etag_for(request: HttpRequest) -> str:
    settings_key = repr(
        [conf.get(name) for name in ("RENDITIONS", "FALLBACK_LOCALE", "API_DEFAULT_LIMIT")]
    )
    # The host picks the site for find/ and navigation/, and the absolute URLs.
    resource = f"{request.get_host()}{request.get_full_path()}"
    key = f"{API_VERSION}|{content_version()}|{settings_key}|{resource}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def add_cache_headers(response: HttpResponse, etag: str) -> None:
    response["ETag"] = etag
    response["Cache-Control"] = conf.get("API_CACHE_CONTROL")
    patch_vary_headers(response, ["Accept"])


def conditional(view):
    """Answer 304 when If-None-Match holds the current ETag, before the view runs."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        etag = etag_for(request)
        # Weak comparison (RFC 9110 13.1.2): a proxy that compresses may weaken the tag.
        known = {
            tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))
        }
        if etag in known:
            response = HttpResponse(status=304)
            add_cache_headers(response, etag)
            return response
        setattr(request, ETAG_ATTRIBUTE, etag)
        return view(request, *args, **kwargs)

    return wrapper
