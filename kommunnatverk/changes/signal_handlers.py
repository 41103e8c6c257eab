"""Every receiver of the package, connected once from ``AppConfig.ready()``."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail_localize.models import TranslationSource

from ..localisation import drafts, page_tree
from . import receivers, site_roots, version


def register_signal_handlers() -> None:
    drafts.connect()
    page_tree.connect()
    post_save.connect(version.bump_on_change, dispatch_uid="kommunnatverk_bump_on_save")
    post_delete.connect(version.bump_on_change, dispatch_uid="kommunnatverk_bump_on_delete")
    post_page_move.connect(version.bump_on_move, dispatch_uid="kommunnatverk_bump_on_move")
    for signal in (post_save, post_delete):
        signal.connect(
            site_roots.clear_on_locale_change,
            sender=Locale,
            dispatch_uid=f"kommunnatverk_site_roots_{signal is post_save}",
        )

    page_published.connect(receivers.on_page_published, dispatch_uid="kommunnatverk_published")
    page_unpublished.connect(
        receivers.on_page_unpublished, dispatch_uid="kommunnatverk_unpublished"
    )
    post_page_move.connect(receivers.on_page_moved, dispatch_uid="kommunnatverk_moved")
    post_delete.connect(receivers.on_deleted, dispatch_uid="kommunnatverk_deleted")
    published.connect(receivers.on_published, dispatch_uid="kommunnatverk_snippet_published")
    unpublished.connect(receivers.on_unpublished, dispatch_uid="kommunnatverk_snippet_unpublished")
    for signal in (post_save, post_delete):
        kind = "saved" if signal is post_save else "deleted"
        for model in (Site, Locale, PageViewRestriction):
            signal.connect(
                receivers.on_site_changed,
                sender=model,
                dispatch_uid=f"kommunnatverk_edge_{model.__name__}_{kind}",
            )
        signal.connect(receivers.on_image_changed, dispatch_uid=f"kommunnatverk_edge_image_{kind}")
    post_save.connect(
        receivers.on_translation_source_saved,
        sender=TranslationSource,
        dispatch_uid="kommunnatverk_translation_synced",
    )
