"""Bump the content version whenever something a surface can show may have changed.

Generous on purpose: a draft save also bumps it. That costs a cache miss, never a stale
response.
"""

from functools import cache

from django.db.models import Model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail_localize.models import Translation, TranslationSource

from ..content import registry, snapshot
from ..models import ContentVersion


@cache
def watched() -> tuple[type[Model], ...]:
    """What the API, the templates and the snapshot read besides the package's own types."""
    return (
        Page,
        *registry.snippet_models(),
        PageViewRestriction,
        Site,
        Locale,
        # A sync, or stopping one, changes pages' meta.translation_status even when no
        # translation is saved.
        TranslationSource,
        Translation,
        get_image_model(),
        get_document_model(),
    )


def bump_on_change(sender, instance, **kwargs) -> None:
    if isinstance(instance, watched()):
        bump()


def bump_on_move(sender, **kwargs) -> None:
    bump()


def bump() -> None:
    ContentVersion.bump()
    snapshot.forget()
