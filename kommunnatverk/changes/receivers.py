"""What follows a change to content: webhook events and CDN purges.

Receivers only record and queue. Sending and purging run as tasks, so a slow receiver or
CDN never holds up, or fails, an editor's publish. An event about content that is not
public tells no more than its id (``webhooks.payloads``).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from ..content.addresses import base_url, relative_url
from ..content.public import TranslationGroup, public_pages
from ..content.registry import is_page, is_snippet, type_name
from ..webhooks import payloads
from ..webhooks.recording import record
from . import purging

# Events after which the object is gone from the site: whether it was public is judged as
# if it were still live.
REMOVALS = {"page.unpublished", "page.deleted", "snippet.unpublished", "snippet.deleted"}


def _language(instance) -> str:
    return instance.locale.language_code


def page_event(event: str, page: Page, group: TranslationGroup | None = None, **extra) -> None:
    """``group``: the page's translations, shared with the purge that follows."""
    removed = event in REMOVALS
    record(
        event,
        f"page:{page.pk}",
        _language(page),
        lambda: payloads.for_page(event, page, as_if_live=removed, group=group, **extra),
    )


def page_changed(event: str, page: Page) -> None:
    """The event and the purge of one page, reading its translations once for both."""
    group = TranslationGroup(page)
    page_event(event, page, group)
    purging.purge_page(page, group=group)


def snippet_event(event: str, obj) -> None:
    removed = event in REMOVALS
    record(
        event,
        f"{type_name(type(obj))}:{obj.pk}",
        _language(obj),
        lambda: payloads.for_snippet(event, obj, as_if_live=removed),
    )


# Pages ----------------------------------------------------------------------------------


def on_page_published(sender, instance, **kwargs) -> None:
    if is_page(instance):
        page_changed("page.published", instance)


def on_page_unpublished(sender, instance, **kwargs) -> None:
    if is_page(instance):
        page_changed("page.unpublished", instance)


def _url_with_path(page: Page, url_path: str) -> str | None:
    """The page's site-relative URL had its url_path been ``url_path``."""
    current = page.url_path
    page.url_path = url_path
    try:
        return relative_url(page)
    finally:
        page.url_path = current


def on_page_moved(
    sender, instance, url_path_before, url_path_after, parent_page_before=None, **kwargs
) -> None:
    page = instance.specific_deferred if type(instance) is Page else instance
    if not is_page(page) or url_path_before == url_path_after:
        return  # reordering among siblings changes no URL
    previous_url = _url_with_path(page, url_path_before)
    if page.live:
        old = base_url(page) + previous_url if previous_url else None
        page_event("page.moved", page, previous_url=old)
    if not purging.enabled():
        return
    old_urls = {page.pk: previous_url}
    for descendant in public_pages().descendant_of(page):
        old_path = url_path_before + descendant.url_path.removeprefix(url_path_after)
        old_urls[descendant.pk] = _url_with_path(descendant, old_path)
    purging.purge_page(page, old_urls, subtree=True, old_parent=parent_page_before)


def on_deleted(sender, instance, **kwargs) -> None:
    # Multi-table inheritance sends post_delete per table; act on the most specific one.
    if is_page(instance):
        if instance.content_type_id != ContentType.objects.get_for_model(sender).pk:
            return
        if instance.live:
            page_changed("page.deleted", instance)
    elif is_snippet(instance) and type(instance) is sender and getattr(instance, "live", True):
        snippet_event("snippet.deleted", instance)
        purging.purge_snippet(instance)


# Snippets -------------------------------------------------------------------------------


def on_published(sender, instance, **kwargs) -> None:
    if is_snippet(instance):
        snippet_event("snippet.published", instance)
        purging.purge_snippet(instance)


def on_unpublished(sender, instance, **kwargs) -> None:
    if is_snippet(instance):
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
    if is_page(source):
        page_event("translation.synced", source)
        purging.purge_page(source)  # meta.translation_status of it and its translations
    elif is_snippet(source):
        snippet_event("translation.synced", source)


# Site-wide changes ----------------------------------------------------------------------


def on_site_changed(sender, instance, **kwargs) -> None:
    """A Site (its host, root or name), a locale or a view restriction: the edge drops
    everything of the sites concerned (every response names its site)."""
    if not purging.enabled():
        return
    if isinstance(instance, Site):
        purging.purge_sites([instance.pk])
    else:
        purging.purge_sites(list(Site.objects.values_list("pk", flat=True)))


def on_image_changed(sender, instance, **kwargs) -> None:
    """A new focal point or file gives new renditions: the pages that show the image.
    Connected for every sender: the image model is known only once apps are ready."""
    if isinstance(instance, get_image_model()) and purging.enabled():
        purging.purge_pages_showing(instance)
