"""The surrogate keys a change touches: every response that showed the changed object,
whatever its URL. The other half of ``content.surrogate_keys``, where responses name
what they show.

A page's responses name the page and the pages above it; so a change to a page purges:

- the page and its translations (each shows the others as alternates);
- the pages above them (an index lists its children, the home page the latest news);
- the pages that link to them, and that they link to, before and after the change (a
  group page lists the news about it), from Wagtail's reference index;
- on its site, every list of pages and the navigation, in every language (a list with
  ``fallback`` shows the other language), and the coarse keys.

A snippet's change purges the snippet and its translations, its lists, and the pages
that show it, with their lists.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import Page, ReferenceIndex

from ..content import surrogate_keys as keys
from ..content.languages import content_languages
from ..content.public import site_trees
from ..content.registry import type_name
from ..models import AccessibilityStatementPage, Goal, GoalFramework


def sites_of(pages: Iterable[Page]) -> set[int]:
    """The sites whose trees hold any of ``pages`` (the trees read once)."""
    trees = site_trees()
    return {
        site_id
        for page in pages
        for site_id, paths in trees.items()
        if any(page.path.startswith(path) for path in paths)
    }


def site_wide(site_ids: Iterable[int], page_types: Iterable[str] = ()) -> set[str]:
    """Lists and navigation of each site in every language, and the coarse keys."""
    found = {keys.everything()}
    for site_id in site_ids:
        found.add(keys.many_pages(site_id))
        for code in content_languages():
            found |= {keys.page_list(site_id, code), keys.navigation(site_id, code)}
            found |= {keys.page_list(site_id, code, kind) for kind in page_types}
    return found


def _page_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def linked_page_ids(page_ids: list[int], extra_objects: Iterable[Model] = ()) -> set[int]:
    """Pages that link to any of ``page_ids`` and that they link to, as the reference
    index has them, and that ``extra_objects`` (the pages as they are now, which the
    index may not have read yet) link to."""
    page_type = _page_content_type()
    as_text = [str(pk) for pk in page_ids]
    linking = ReferenceIndex.objects.filter(
        base_content_type=page_type, to_content_type=page_type, to_object_id__in=as_text
    ).values_list("object_id", flat=True)
    linked = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=as_text, to_content_type=page_type
    ).values_list("to_object_id", flat=True)
    found = {int(pk) for pk in [*linking, *linked]}
    for obj in extra_objects:
        try:  # the index's own reading of an object, not a public API of Wagtail's
            references = ReferenceIndex._extract_references_from_object(obj)
            found |= {int(pk) for type_id, pk, *_ in references if type_id == page_type.pk}
        except Exception:  # noqa: S112 (the index above still holds the older links)
            continue
    return found


def for_pages(
    pages: list[Page], old_parent: Page | None = None, changed: list[Page] | None = None
) -> set[str]:
    """The keys a change to ``pages`` (a page, its translations and, after a move, the
    pages below it) touches. ``old_parent``: the parent before a move, which showed it.
    ``changed``: the pages whose own content changed (default: all); only their links
    are read afresh, the others' are in the reference index already."""
    ids = [page.pk for page in pages]
    found = {keys.page(pk) for pk in ids}
    found |= {keys.page(pk) for pk in linked_page_ids(ids, pages if changed is None else changed)}
    paths = {page.path for page in pages}
    if old_parent is not None:
        found.add(keys.page(old_parent.pk))
        paths.add(old_parent.path + "0" * Page.steplen)  # a child's: the parent and above
    found |= set(keys.ancestor_keys(*paths))
    site_ids = sites_of(pages)
    types = {type_name(page.specific_class) for page in pages} - {None}
    found |= site_wide(site_ids, types)
    if any(issubclass(page.specific_class, AccessibilityStatementPage) for page in pages):
        found |= {keys.site(site_id) for site_id in site_ids}  # every page's footer links it
    return found


def for_snippet(obj: Model, showing: list[Page]) -> set[str]:
    """``showing``: the public pages that show ``obj`` or one of its translations."""
    group = list(type(obj).objects.filter(translation_key=obj.translation_key))
    found = {keys.snippet(each) for each in [obj, *group]} | {keys.everything()}
    kind = type_name(type(obj))
    for code in content_languages():
        found.add(keys.snippet_list(kind, code))
        if isinstance(obj, GoalFramework):  # goals embed their framework
            found.add(keys.snippet_list(type_name(Goal), code))
    found |= {keys.page(page.pk) for page in showing}
    site_ids = sites_of(showing)
    types = {type_name(page.specific_class) for page in showing} - {None}
    return found | site_wide(site_ids, types)


def for_site(site_ids: Iterable[int]) -> set[str]:
    return {keys.site(site_id) for site_id in site_ids} | {keys.everything()}
