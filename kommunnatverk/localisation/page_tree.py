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
``find_problems`` finds a tree broken some other way, for ``manage.py check --deploy
--database default`` (``kommunnatverk.E007``).
"""

from collections import Counter

from django.db.models.signals import post_save
from wagtail.models import Page, Revision

TreeProblems = tuple[list[int], list[int], list[int], list[int], list[int]]


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


def find_problems() -> TreeProblems:
    """What treebeard's ``Page.find_problems()`` returns, from one query instead of two a
    page (20 s for 2,000 pages on a busy SQLite): the ids of pages with characters outside
    the path alphabet, with a path of the wrong length, without a parent, with a depth that
    does not match the path, and with a wrong ``numchild``. Each page is listed under the
    first of these it has, as treebeard does."""
    steplen, alphabet = Page.steplen, set(Page.alphabet)
    rows = list(Page.objects.order_by("path").values_list("pk", "path", "depth", "numchild"))
    paths = {path for _, path, _, _ in rows}
    children = Counter(filter(None, (_parent_path(path, steplen) for _, path, _, _ in rows)))
    problems: TreeProblems = ([], [], [], [], [])
    evil_chars, bad_steplen, orphans, wrong_depth, wrong_numchild = problems
    for pk, path, depth, numchild in rows:
        if not set(path) <= alphabet:
            evil_chars.append(pk)
        elif len(path) % steplen:
            bad_steplen.append(pk)
        elif len(path) > steplen and path[:-steplen] not in paths:
            orphans.append(pk)
        elif depth != len(path) // steplen:
            wrong_depth.append(pk)
        elif children[path] != numchild:
            wrong_numchild.append(pk)
    return problems


def _parent_path(path: str, steplen: int) -> str | None:
    """The path of the page whose children treebeard counts ``path`` among: one step
    shorter, by whole steps, with the last step between "0000" and "ZZZZ"."""
    parent = path[: (len(path) // steplen - 1) * steplen]
    step = path[len(parent) :]
    if len(path) < steplen or not (
        Page.alphabet[0] * steplen <= step <= Page.alphabet[-1] * steplen
    ):
        return None
    return parent
