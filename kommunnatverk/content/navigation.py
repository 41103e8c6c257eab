"""The site's menu, a page's breadcrumbs and the home page in each language.

The API's ``navigation/`` and the reference templates' main menu are both :func:`menu`:
one tree, read in one query, so what a frontend and the HTML show are the same pages in
the same order. Every page here passes :mod:`.public`, so a draft, a private page or a
page of another Site never reaches a menu or a breadcrumb trail.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import Locale, Page, Site

from . import snapshot
from .public import public_pages

STEPLEN = Page.steplen


@dataclass(frozen=True)
class MenuItem:
    """A page of the menu (its specific class, only the fields every page has) and the
    menu pages below it. ``fallback``: the page is in the fallback locale, shown because
    the requested one has no translation of it yet."""

    page: Page
    fallback: bool
    children: tuple["MenuItem", ...]


def menu(site: Site, locale: Locale, fallback: Locale | None = None, depth: int = 2):
    """The menu of ``site`` in ``locale``: its root page and, ``depth`` levels down, the
    public pages shown in menus (``show_in_menus``) below menu pages, in tree order.

    With ``fallback``, the root comes from the fallback locale when ``locale`` has none,
    and a level lists the fallback's menu pages that have no translation in ``locale``.
    Returns a :class:`MenuItem`, or None when the site has no public home page in either.
    Read once per content version within a request (one query, rarely two).
    """
    key = ("navigation", site.pk, locale.pk, fallback.pk if fallback else None, depth)
    return snapshot.memo(key, lambda: _build(site, locale, fallback, depth))


def _build(site: Site, locale: Locale, fallback: Locale | None, depth: int) -> MenuItem | None:
    home = site.root_page
    locale_ids = [locale.pk] + ([fallback.pk] if fallback is not None else [])
    # A menu page counts only inside a translation of the site's root page: the site's trees.
    in_trees = Exists(
        Page.objects.filter(translation_key=home.translation_key).filter(
            StartsWith(OuterRef("path"), F("path"))
        )
    )
    in_menu = Q(show_in_menus=True, depth__gt=home.depth, depth__lte=home.depth + depth)
    rows = (
        public_pages(any_type=True)
        .filter(locale_id__in=locale_ids)
        .filter(Q(translation_key=home.translation_key) | (in_menu & in_trees))
        .order_by("path")
        .specific(defer=True)
    )
    roots: dict[int, Page] = {}
    below: dict[str, list[Page]] = defaultdict(list)  # parent path → menu pages
    for page in rows:
        if page.translation_key == home.translation_key:
            roots[page.locale_id] = page
        else:
            below[page.path[:-STEPLEN]].append(page)
    root = roots.get(locale.pk) or (roots.get(fallback.pk) if fallback is not None else None)
    if root is None:
        return None
    counterparts = {}
    if fallback is not None and root.locale_id == locale.pk:
        counterparts = _fallback_paths(roots, below, fallback)
    return _item(root, depth, locale, below, counterparts)


def _fallback_paths(
    roots: dict[int, Page], below: dict[str, list[Page]], fallback: Locale
) -> dict[object, str]:
    """translation_key → path of the pages of the fallback tree that have menu pages
    below them: where a level of ``locale`` looks for pages it has not translated yet."""
    fallback_root = roots.get(fallback.pk)
    if fallback_root is None:
        return {}
    loaded = {fallback_root.path: fallback_root.translation_key}
    for pages in below.values():
        for page in pages:
            if page.locale_id == fallback.pk:
                loaded[page.path] = page.translation_key
    parents = {
        path
        for path, pages in below.items()
        if path.startswith(fallback_root.path) and any(p.locale_id == fallback.pk for p in pages)
    }
    missing = parents - loaded.keys()
    if missing:  # a fallback menu page below a page that is not in the menu itself
        found = public_pages(any_type=True).filter(path__in=missing, locale=fallback)
        loaded.update(found.values_list("path", "translation_key"))
    return {key: path for path, key in loaded.items() if path in parents}


def _item(
    page: Page,
    depth: int,
    locale: Locale,
    below: dict[str, list[Page]],
    counterparts: dict[object, str],
) -> MenuItem:
    children: list[MenuItem] = []
    if depth > 0:
        pages = list(below.get(page.path, ()))
        if page.locale_id == locale.pk and page.translation_key in counterparts:
            translated = {child.translation_key for child in pages}
            pages += [
                child
                for child in below.get(counterparts[page.translation_key], ())
                if child.translation_key not in translated
            ]
        children = [_item(child, depth - 1, locale, below, counterparts) for child in pages]
    return MenuItem(page=page, fallback=page.locale_id != locale.pk, children=tuple(children))


def breadcrumbs(page: Page, site: Site) -> list[Page]:
    """The public pages above ``page``, from the root of its tree in ``site`` down to its
    parent: empty for the root itself and for a page outside the site's trees. A page
    above that is not public (a draft section, say) is left out, never named. One query."""
    home = site.root_page
    if not page.path or page.depth <= home.depth:
        return []
    start = home.depth * STEPLEN
    paths = [page.path[:end] for end in range(start, len(page.path), STEPLEN)]
    found = list(public_pages(any_type=True).filter(path__in=paths).order_by("path"))
    if not found or found[0].path != paths[0] or found[0].translation_key != home.translation_key:
        return []
    return found


def homes(site: Site) -> dict[int, Page]:
    """locale id → the public home page of ``site`` in that locale (its root page and the
    root's translations). Read once per content version within a request."""

    def load() -> dict[int, Page]:
        pages = public_pages(any_type=True).filter(translation_key=site.root_page.translation_key)
        return {page.locale_id: page for page in pages}

    return snapshot.memo(("homes", site.pk), load)
