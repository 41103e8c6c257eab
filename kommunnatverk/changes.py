"""What follows a change to public content: webhook events and CDN purges.

Receivers only record and queue. Sending and purging run as tasks, so a slow receiver or
CDN never holds up, or fails, an editor's publish.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from . import purging
from .api.addresses import SNIPPET_TYPES, base_url, relative_url
from .api.queries import type_name
from .webhooks import payloads
from .webhooks.recording import record

logger = logging.getLogger(__name__)


def _is_network_page(instance) -> bool:
    return isinstance(instance, Page) and type_name(type(instance)) is not None


def _is_snippet(instance) -> bool:
    return isinstance(instance, tuple(SNIPPET_TYPES))


def _language(instance) -> str:
    return instance.locale.language_code


def page_event(event: str, page: Page, **extra) -> None:
    record(
        event, f"page:{page.pk}", _language(page), lambda: payloads.for_page(event, page, **extra)
    )


def snippet_event(event: str, obj) -> None:
    key = f"{SNIPPET_TYPES[next(b for b in SNIPPET_TYPES if isinstance(obj, b))]}:{obj.pk}"
    record(event, key, _language(obj), lambda: payloads.for_snippet(event, obj))


# Pages ----------------------------------------------------------------------------------


def on_page_published(sender, instance, **kwargs) -> None:
    if _is_network_page(instance):
        page_event("page.published", instance)
        purging.purge_page(instance)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    if _is_network_page(instance):
        page_event("page.unpublished", instance)
        purging.purge_page(instance)


def _url_with_path(page: Page, url_path: str) -> str | None:
    """The page's site-relative URL had its url_path been ``url_path``."""
    current = page.url_path
    page.url_path = url_path
    try:
        return relative_url(page)
    finally:
        page.url_path = current


def on_page_moved(sender, instance, url_path_before, url_path_after, **kwargs) -> None:
    page = instance.specific_deferred if type(instance) is Page else instance
    if not _is_network_page(page) or url_path_before == url_path_after:
        return  # reordering among siblings changes no URL
    previous_url = _url_with_path(page, url_path_before)
    if page.live:
        old = base_url(page) + previous_url if previous_url else None
        page_event("page.moved", page, previous_url=old)
    if not purging.enabled():
        return
    old_urls = {page.pk: previous_url}
    for descendant in page.get_descendants().live():
        old_path = url_path_before + descendant.url_path.removeprefix(url_path_after)
        old_urls[descendant.pk] = _url_with_path(descendant, old_path)
    purging.purge_page(page, old_urls, subtree=True)


def on_deleted(sender, instance, **kwargs) -> None:
    # Multi-table inheritance sends post_delete per table; act on the most specific one.
    if _is_network_page(instance):
        if instance.content_type_id != ContentType.objects.get_for_model(sender).pk:
            return
        if instance.live:
            page_event("page.deleted", instance)
            purging.purge_page(instance)
    elif _is_snippet(instance) and type(instance) is sender and getattr(instance, "live", True):
        snippet_event("snippet.deleted", instance)
        purging.purge_snippet(instance)


# Snippets -------------------------------------------------------------------------------


def on_published(sender, instance, **kwargs) -> None:
    if _is_snippet(instance):
        snippet_event("snippet.published", instance)
        purging.purge_snippet(instance)


def on_unpublished(sender, instance, **kwargs) -> None:
    if _is_snippet(instance):
        snippet_event("snippet.unpublished", instance)
        purging.purge_snippet(instance)


# Translations ---------------------------------------------------------------------------


def on_translation_source_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    """wagtail-localize's sync re-reads the source (``update_from_db``) before it updates
    the translations; that save marks a sync."""
    if created or not update_fields or "content_json" not in update_fields:
        return
    try:
        source = instance.get_source_instance()
    except Exception:  # the source was deleted; nothing to report
        return
    if _is_network_page(source):
        page_event("translation.synced", source)
    elif _is_snippet(source):
        snippet_event("translation.synced", source)


def connect() -> None:
    from wagtail_localize.models import TranslationSource

    page_published.connect(on_page_published, dispatch_uid="kommunnatverk_changes_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="kommunnatverk_changes_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="kommunnatverk_changes_moved")
    post_delete.connect(on_deleted, dispatch_uid="kommunnatverk_changes_deleted")
    published.connect(on_published, dispatch_uid="kommunnatverk_changes_snippet_published")
    unpublished.connect(on_unpublished, dispatch_uid="kommunnatverk_changes_snippet_unpublished")
    post_save.connect(
        on_translation_source_saved,
        sender=TranslationSource,
        dispatch_uid="kommunnatverk_changes_translation_synced",
    )
