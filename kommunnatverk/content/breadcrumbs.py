"""A page's breadcrumb trail: its public ancestors in its Site, from the home page down.

A live page can sit under a draft or a private page (Wagtail routes through them), so
the trail leaves out every ancestor that is not public rather than naming it.
"""

from wagtail.models import Page, Site

from .public import public_pages


def ancestor_paths(page: Page) -> list[str]:
    """The tree paths of ``page``'s ancestors, the tree's root included."""
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path), step)]


def public_trail(page: Page, site: Site | None) -> list[Page]:
    """``page``'s public ancestors in ``site``'s trees, top first, then ``page`` itself:
    one query. The caller has checked that ``page`` is public."""
    if not getattr(page, "path", None):  # a new page in preview
        return [page]
    ancestors = (
        public_pages(any_type=True, site=site)
        .filter(path__in=ancestor_paths(page))
        .order_by("depth")
    )
    return [*ancestors, page]
