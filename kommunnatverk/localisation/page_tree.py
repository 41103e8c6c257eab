"""A subtree translated in one step keeps its page tree whole (wagtail-localize #773).

wagtail-localize publishes each new page translation when the transaction commits, from the
copy of the page it holds in memory (``transaction.on_commit(revision.publish)``). Wagtail
publishes a revision from ``revision.content_object`` and copies the tree fields, ``numchild``
among them, from it. "Include subtree" creates the children after their parent, in the same
transaction, so that copy still says ``numchild = 0``. Publishing writes the 0 over the
count that treebeard kept, and treebeard treats such a page as a leaf: every page below it
answers 404, while the API, which queries by path, still lists them. The same happens to
pages translated from code top-down inside one transaction.

``publish_from_the_row`` has the revision forget that copy as soon as wagtail-localize logs
the translation. The publish at commit then reads the page's row as it is at that moment,
with every child counted: one query per published translation, and no walk of the tree.
``manage.py check --deploy --database default`` reports a tree broken some other way
(``kommunnatverk.E007``).
"""

from django.db.models.signals import post_save
from wagtail.models import Page, Revision


def publish_from_the_row(sender, instance, created, raw=False, **kwargs) -> None:
    """After wagtail-localize logs a page translation: drop its in-memory copy of the page."""
    if raw or not created or instance.revision_id is None:
        return
    revision = instance.revision
    content_object = Revision._meta.get_field("content_object")
    if content_object.is_cached(revision) and isinstance(
        content_object.get_cached_value(revision), Page
    ):
        content_object.delete_cached_value(revision)


def connect() -> None:
    from wagtail_localize.models import TranslationLog

    post_save.connect(
        publish_from_the_row,
        sender=TranslationLog,
        dispatch_uid="kommunnatverk_publish_translations_from_the_row",
    )
