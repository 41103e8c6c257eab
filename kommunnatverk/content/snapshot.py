"""Small site-wide data, read once per content version by each process.

Every request needs the locales, the request's Site (which Wagtail reads from the
database each time), the tree paths of every Site, the pages with view restrictions (which
every query of public pages excludes) and the published goals (which most pages embed).
All of them bump the content version when saved (see ``changes.version``), and every
API request reads that version for its ETag anyway, so a copy tagged with the version is
current exactly when the version matches. Nothing large is kept: organisations, pages
and their relations are always read.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Locale, Page, PageViewRestriction, Site

VERSION_ATTRIBUTE = "kommunnatverk_content_version"
# Hosts whose Site is remembered per version. The Host header is the client's to choose
# (ALLOWED_HOSTS may be "*" behind a CDN), so the memo must not grow with it.
MAX_REMEMBERED_HOSTS = 64
T = TypeVar("T")


class Snapshot:
    def __init__(self, version: str) -> None:
        self.version = version
        self._memo: dict[object, object] = {}
        self._sites: dict[tuple[str, int], Site | None] = {}

    def memo(self, key: object, build: Callable[[], T]) -> T:
        """``build()``, once per version and process."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    @property
    def locales_by_id(self) -> dict[int, Locale]:
        return self.memo("locales", lambda: {locale.pk: locale for locale in Locale.objects.all()})

    def site_for(self, request: HttpRequest) -> Site | None:
        host = (split_domain_port(request._get_raw_host())[0], request.get_port())
        if host not in self._sites:
            site = Site._find_for_request(request)
            if len(self._sites) >= MAX_REMEMBERED_HOSTS:
                return site
            self._sites[host] = site
        return self._sites[host]

    def root_paths(self) -> list:
        return self.memo("site_root_paths", Site.get_site_root_paths)

    def site_trees(self) -> dict[int, list[str]]:
        return self.memo("site_trees", load_site_trees)

    def restricted_paths(self) -> list[str]:
        """Tree paths of the pages with a view restriction (theirs and below are private)."""

        def load() -> list[str]:
            return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))

        return self.memo("restricted_paths", load)


def load_site_trees() -> dict[int, list[str]]:
    """Site id → the tree paths of its root page and of the root's translations: a Site
    serves every language's tree (Wagtail's own API v2 reads them the same way)."""
    roots = dict(Site.objects.values_list("pk", "root_page__translation_key"))
    paths: dict[int, list[str]] = {site_id: [] for site_id in roots}
    rows = Page.objects.filter(translation_key__in=set(roots.values()))
    for key, path in rows.values_list("translation_key", "path").order_by("path"):
        for site_id, root_key in roots.items():
            if root_key == key:
                paths[site_id].append(path)
    return paths


_current: Snapshot | None = None
# The snapshot of the request being answered, for code that has no request at hand.
_of_request: ContextVar[Snapshot | None] = ContextVar("kommunnatverk_snapshot", default=None)


def for_version(version: str) -> Snapshot:
    global _current
    snapshot = _current
    if snapshot is None or snapshot.version != version:
        snapshot = _current = Snapshot(version)
    return snapshot


def forget() -> None:
    """Drop this process's copy: called when this process bumps the version, because a
    rolled-back transaction can hand the same version number to different content."""
    global _current
    _current = None


def attach(request: HttpRequest, version: str):
    """Give the request this version's snapshot, and Wagtail the Site it would look up.

    Returns the token that :func:`detach` takes when the response is ready.
    """
    snapshot = for_version(version)
    setattr(request, VERSION_ATTRIBUTE, version)
    request._wagtail_site = snapshot.site_for(request)
    request._wagtail_cached_site_root_paths = snapshot.root_paths()
    return _of_request.set(snapshot)


def for_render():
    """Give the work that follows a snapshot of its own, for a unit of work with no
    content version at hand: a template's render, which reads the same locales, Site
    trees and restrictions from many tags, and sees no change while it runs. Nothing
    outlives it; returns the token that :func:`detach` takes."""
    return _of_request.set(Snapshot("render"))


def detach(token) -> None:
    _of_request.reset(token)


def current() -> Snapshot | None:
    """The snapshot of the request being answered, if any."""
    return _of_request.get()


def of(request: HttpRequest) -> Snapshot | None:
    version = getattr(request, VERSION_ATTRIBUTE, None)
    return for_version(version) if version is not None else None


def memo(key: object, build: Callable[[], T]) -> T:
    """``build()`` once per version within a request; every time outside one."""
    snapshot = current()
    return build() if snapshot is None else snapshot.memo(key, build)
