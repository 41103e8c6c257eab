"""A published translation stays as published when wagtail-localize saves a draft of it.

wagtail-localize saves a draft of a snippet translation by setting ``live = False`` on the
row. With ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``, the setting the package
suggests, submitting a page for translation saves such a draft of the English version of
every snippet the page uses, already-published ones included. The English organisations,
goals and sidebars a translator had published would vanish from the site and the API, and
no "unpublished" signal or webhook would tell anyone. For a page, a draft from
``save_target(publish=False)`` is written into the live row, where visitors see it.

Either way, ``restore_live_version`` puts the live revision's content back, live, and keeps
the new revision as the draft, as Wagtail's own "Save draft" would have.
"""

from django.db.models.signals import post_save
from wagtail.models import DraftStateMixin

from ..models.snippets import PublishableSnippet


def has_own_live_version(obj: DraftStateMixin) -> bool:
    """Whether ``obj`` was published as itself. A new translation starts with a copy of its
    source's ``live_revision``, which is not its own."""
    revision = obj.live_revision
    return revision is not None and revision.object_id == str(obj.pk)


def restore_live_version(obj: DraftStateMixin) -> None:
    """Write ``obj``'s live revision back into its row, live, with the latest as its draft."""
    live_revision = obj.live_revision
    restored = live_revision.as_object()
    restored.live = True
    restored.has_unpublished_changes = True
    # The revision holds the values from before it was published.
    restored.live_revision = live_revision
    restored.last_published_at = obj.last_published_at
    restored.save(clean=False)


def keep_published_snippet_live(sender, instance, created, raw=False, **kwargs) -> None:
    """After wagtail-localize logs a translation: undo a draft save's unpublishing."""
    if raw or not created or instance.revision_id is None:
        return
    target = instance.revision.content_object
    if isinstance(target, PublishableSnippet) and not target.live and has_own_live_version(target):
        restore_live_version(target)


def connect() -> None:
    from wagtail_localize.models import TranslationLog

    post_save.connect(
        keep_published_snippet_live,
        sender=TranslationLog,
        dispatch_uid="kommunnatverk_keep_published_snippet_live",
    )
