"""References to other pages, in the response's locale and public only."""

from collections.abc import Iterable

from django.db.models import Q
from wagtail.models import Page

from ..queries import public_pages, type_name
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
    """Linked pages in the response's locale where live there, else as linked; public only."""
    pages = list(pages)
    keys = list(dict.fromkeys(page.translation_key for page in pages))
    if not keys:
        return []
    visible = (
        public_pages()
        .filter(translation_key__in=keys)
        .filter(Q(locale=ctx.locale) | Q(pk__in=[page.pk for page in pages]))
    )
    chosen: dict = {}
    for page in visible:
        if page.locale_id == ctx.locale.pk:
            chosen[page.translation_key] = page
        else:
            chosen.setdefault(page.translation_key, page)
    return [chosen[key] for key in keys if key in chosen]
