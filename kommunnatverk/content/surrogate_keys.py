"""Surrogate keys: the names a CDN files a cached response under, so that a change purges
exactly the responses that show it, whatever their URL (query strings included).

One vocabulary for both sides: the API and the HTML pages name what a response shows
(``api.caching``, ``web.page_cache``), and ``changes.purge_keys`` names what a change
touches. A key is short ASCII, with the site's prefix (``SURROGATE_KEY_PREFIX``):

- ``kn-p12``: page 12 (a detail, ``find/``, its HTML). A response also names the pages
  above it, whose titles and sidebars it shows;
- ``kn-goal-5``: a snippet (``<api type>-<id>``);
- ``kn-s1-pages-sv``, ``kn-s1-pages-news-sv``: site 1's lists of pages in Swedish, all
  types or one (filters, ``offset``, ``search`` and ``fallback`` do not change the key);
- ``kn-s1-nav-sv``: site 1's navigation in Swedish;
- ``kn-goal-list-sv``: a snippet list in Swedish;
- ``kn-s1``: everything of site 1 (a change to the Site, its locales or its
  accessibility statement, which every page links);
- ``kn-s1-pages``: the coarse key a response carries instead of its page keys when it
  names more than ``SURROGATE_KEY_MAX``; every page change on the site purges it;
- ``kn-all``: the coarsest, when even that is too many; every change purges it.
"""

from collections.abc import Iterable

from django.db.models import Model
from django.http import HttpResponse
from wagtail.models import Page

from .. import conf, frontend_cache
from .registry import type_name


def _prefix() -> str:
    return conf.get("SURROGATE_KEY_PREFIX")


def page(page_id: int) -> str:
    return f"{_prefix()}-p{page_id}"


def snippet(obj: Model) -> str:
    return f"{_prefix()}-{type_name(type(obj))}-{obj.pk}"


def snippet_list(kind: str, language: str) -> str:
    return f"{_prefix()}-{kind}-list-{language}"


def page_list(site_id: int, language: str, kind: str | None = None) -> str:
    middle = f"pages-{kind}" if kind else "pages"
    return f"{_prefix()}-s{site_id}-{middle}-{language}"


def navigation(site_id: int, language: str) -> str:
    return f"{_prefix()}-s{site_id}-nav-{language}"


def site(site_id: int) -> str:
    return f"{_prefix()}-s{site_id}"


def many_pages(site_id: int) -> str:
    return f"{_prefix()}-s{site_id}-pages"


def everything() -> str:
    return f"{_prefix()}-all"


def bounded(keys: Iterable[str], site_id: int | None) -> list[str]:
    """``keys`` sorted, with its page keys folded into the coarse key when there are more
    than the CDN should be sent (Akamai takes 128 tags, Cloudflare's header 16 KB)."""
    keys = sorted(set(keys))
    most = conf.get("SURROGATE_KEY_MAX")
    if len(keys) <= most:
        return keys
    if site_id is not None:
        page_prefix = f"{_prefix()}-p"
        folded = sorted(
            {key for key in keys if not key.startswith(page_prefix)} | {many_pages(site_id)}
        )
        if len(folded) <= most:
            return folded
    return [everything()]


def snippet_by_id(kind: str, pk: int) -> str:
    return f"{_prefix()}-{kind}-{pk}"


def header() -> tuple[str, str] | None:
    """(header, separator) responses name their keys in; None: no CDN reads them."""
    return frontend_cache.key_header()


def apply(response: HttpResponse, keys: Iterable[str], site_id: int | None) -> None:
    """Name ``keys`` on a cacheable response, with the CDN's own Cache-Control."""
    configured = header()
    if configured is None:
        return
    name, separator = configured
    response[name] = separator.join(bounded(keys, site_id))
    edge = conf.get("EDGE_CACHE_CONTROL")
    edge_header = frontend_cache.edge_control_header()
    if edge and edge_header:
        response[edge_header] = edge


def ancestor_keys(*paths: str) -> list[str]:
    """The page keys of every page above the ones at tree ``paths`` (below the root),
    in one query however many paths."""
    step = Page.steplen
    prefixes = {path[:end] for path in paths for end in range(2 * step, len(path), step)}
    if not prefixes:
        return []
    return [page(pk) for pk in Page.objects.filter(path__in=prefixes).values_list("pk", flat=True)]
