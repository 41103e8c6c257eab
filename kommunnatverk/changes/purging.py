"""Purge what shows a changed object from the CDN: by surrogate key where the CDN
takes keys (``purge_keys``), else by the API URLs that show it.

Both are computed when the change happens, while the object and its old paths can still
be read, and sent by ``purge_queue`` once the change commits. Keys reach every response,
whatever its query string; the URL list cannot name query strings a client invents
(filters, fallback, offset), which live as long as the API's Cache-Control allows.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import Page, ReferenceIndex

from .. import frontend_cache
from ..content import addresses
from ..content.public import TranslationGroup, public_pages
from ..content.registry import type_name
from ..models import ContactSidebar
from . import purge_keys, purge_queue


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _wanted() -> tuple[bool, bool]:
    """(keys, URLs): what the configured backends take."""
    takes_keys = [frontend_cache.key_backend(each) for each in frontend_cache.backends().values()]
    return any(takes_keys), not all(takes_keys)


def _purge(base: str, paths, keys) -> None:
    """``paths`` and ``keys``: callables, run only when a backend takes them."""
    wants_keys, wants_urls = _wanted()
    urls = {base + path for path in paths()} if wants_urls else set()
    purge_queue.queue(keys() if wants_keys else set(), urls)


def page_paths(pages: list[Page], old_urls: dict[int, str] | None = None) -> set[str]:
    old_urls = old_urls or {}
    paths = addresses.list_paths({type_name(type(page)) for page in pages} - {None})
    for page in pages:
        paths |= addresses.page_paths(page, addresses.relative_url(page))
        if page.pk in old_urls:
            paths |= addresses.page_paths(page, old_urls[page.pk])
    return paths


def purge_page(
    page: Page,
    old_urls: dict[int, str] | None = None,
    subtree: bool = False,
    group: TranslationGroup | None = None,
    old_parent: Page | None = None,
) -> None:
    """``old_urls``: page id → URL before a move, ``old_parent`` its parent before it;
    ``subtree``: descendants moved too.
    The page and its translations are purged whatever their state: a change to one can
    change what every one of them serves (translations, fallback). ``group``: the
    translations as the change's webhook event read them."""
    if not enabled():
        return
    changed = (group or TranslationGroup(page)).all()
    pages = list(changed)
    if subtree:
        pages += list(public_pages().descendant_of(page).specific(defer=True))
    _purge(
        addresses.base_url(page),
        lambda: page_paths(pages, old_urls),
        lambda: purge_keys.for_pages(pages, old_parent, changed),
    )


def pages_showing(obj: Model) -> list[Page]:
    """Public pages that embed ``obj`` or a translation of it; for a contact sidebar, the
    pages below them too, which inherit it. Only public pages are served, so only theirs
    can be cached."""
    if hasattr(obj, "translation_key"):
        group = list(type(obj).objects.filter(translation_key=obj.translation_key))
    else:
        group = [obj]
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(type(obj)),
        to_object_id__in=[str(each.pk) for each in group],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    pages = list(public_pages(any_type=True).filter(pk__in=[int(pk) for pk in references]))
    if isinstance(obj, ContactSidebar):
        for page in list(pages):
            pages += list(public_pages(any_type=True).descendant_of(page))
    return pages


def snippet_paths(obj: Model) -> set[str]:
    translations = list(
        type(obj).objects.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
    )
    paths = addresses.snippet_paths(obj, translations)
    showing = pages_showing(obj)
    paths |= addresses.list_paths({type_name(page.specific_class) for page in showing} - {None})
    for page in showing:
        paths |= addresses.page_paths(page, addresses.relative_url(page))
    return paths


def purge_snippet(obj: Model) -> None:
    if enabled():
        _purge(
            addresses.base_url(),
            lambda: snippet_paths(obj),
            lambda: purge_keys.for_snippet(obj, pages_showing(obj)),
        )


def purge_pages_showing(obj: Model) -> None:
    """Every public page that shows ``obj`` (an image, say), as if each had changed."""
    if not enabled():
        return
    pages = [page.specific_deferred for page in pages_showing(obj)]
    if pages:
        _purge(
            addresses.base_url(pages[0]),
            lambda: page_paths(pages),
            lambda: purge_keys.for_pages(pages),
        )


def purge_sites(site_ids: list[int]) -> None:
    """A Site, its locales or its settings changed: everything it serves."""
    if enabled() and _wanted()[0]:
        purge_queue.queue(purge_keys.for_site(site_ids), set())
