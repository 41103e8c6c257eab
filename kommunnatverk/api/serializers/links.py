"""References to other pages, in the response's locale and public only."""

from collections.abc import Iterable

from wagtail.models import Page

from ...content import links
from ...content.registry import type_name
from .context import ApiContext


def page_ref(ctx: ApiContext, page: Page) -> dict:
    return {
        "id": page.pk,
        "type": type_name(page.specific_class),
        "title": page.title,
        "url": ctx.page_url(page),
        "api_url": ctx.page_api_url(page.pk),
    }


def localised_pages(ctx: ApiContext, pages: Iterable[Page]) -> list[Page]:
    """Linked pages in the response's locale where public there, else as linked; public
    only. An editor's link may lead to another Site's public page, at that Site's URL."""
    return links.localised_pages(pages, ctx.locale)
