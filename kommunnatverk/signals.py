"""Bump the content version whenever something the API can show may have changed.

Generous on purpose: a draft save also bumps it. That costs a cache miss, never a stale
response.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import post_page_move
from wagtail_localize.models import Translation, TranslationSource

from .api import snapshot
from .models import ContactSidebar, Goal, GoalFramework, NetworkTag, Organisation
from .models.content_version import ContentVersion

WATCHED = (
    Page,
    GoalFramework,
    Goal,
    Organisation,
    ContactSidebar,
    NetworkTag,
    PageViewRestriction,
    Site,
    Locale,
    # A sync, or stopping one, changes pages' meta.translation_status even when no
    # translation is saved.
    TranslationSource,
    Translation,
)


def _bump(sender, instance, **kwargs) -> None:
    media = (get_image_model(), get_document_model())
    if isinstance(instance, WATCHED) or isinstance(instance, media):
        _bump_version()


def _bump_on_move(sender, **kwargs) -> None:
    _bump_version()


def _bump_version() -> None:
    ContentVersion.bump()
    snapshot.forget()


def connect() -> None:
    from . import changes, translation_drafts

    changes.connect()
    translation_drafts.connect()
    post_save.connect(_bump, dispatch_uid="kommunnatverk_bump_on_save")
    post_delete.connect(_bump, dispatch_uid="kommunnatverk_bump_on_delete")
    post_page_move.connect(_bump_on_move, dispatch_uid="kommunnatverk_bump_on_move")
