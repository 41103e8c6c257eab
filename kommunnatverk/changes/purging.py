"""Purge the API URLs that show a changed object from the CDN, through
``wagtail.contrib.frontend_cache`` (which queues the purge as a task).

The list is computed when the change happens, while the object and its old paths can
still be read. Query strings a client invents (filters, fallback, offset) cannot all be
listed: such responses live as long as the API's Cache-Control allows.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import Page, ReferenceIndex

from ..content import addresses
from ..content.public import TranslationGroup, public_pages
from ..content.registry import type_name
from ..models import ContactSidebar


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _purge(base: str, paths: set[str]) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(sorted(base + path for path in paths))


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
) -> None:
    """``old_urls``: page id → URL before a move; ``subtree``: descendants moved too.
    The page and its translations are purged whatever their state: a change to one can
    change what every one of them serves (translations, fallback). ``group``: the
    translations as the change's webhook event read them."""
    if not enabled():
        return
    pages = (group or TranslationGroup(page)).all()
    if subtree:
        pages += list(public_pages().descendant_of(page).specific(defer=True))
    _purge(addresses.base_url(page), page_paths(pages, old_urls))


def pages_showing(obj: Model) -> list[Page]:
    """Public pages that embed ``obj`` or a translation of it; for a contact sidebar, the
    pages below them too, which inherit it. Only public pages are served, so only theirs
    can be cached."""
    group = list(type(obj).objects.filter(translation_key=obj.translation_key))
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
        _purge(addresses.base_url(), snippet_paths(obj))
