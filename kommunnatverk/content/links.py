"""Related pages and snippets in a reader's language, public only.

Link rows normally point at the right locale already (wagtail-localize swaps them on
sync); these cover links made before the target was translated, and drop every target
that is not public.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from wagtail.models import Locale, Page, Site

from .public import is_public_snippet, public_pages, public_snippets

T = TypeVar("T", bound=Model)


def localised_pages(pages: Iterable[Page], locale: Locale, site: Site | None = None) -> list[Page]:
    """Each linked page in ``locale`` where public there, else as linked if public; in
    ``site``'s trees when given. One query, whatever the number of links."""
    pages = [page for page in pages if page is not None]
    keys = list(dict.fromkeys(page.translation_key for page in pages))
    if not keys:
        return []
    visible = (
        public_pages(site=site)
        .filter(translation_key__in=keys)
        .filter(Q(locale=locale) | Q(pk__in=[page.pk for page in pages]))
    )
    chosen: dict = {}
    for page in visible:
        if page.locale_id == locale.pk:
            chosen[page.translation_key] = page
        else:
            chosen.setdefault(page.translation_key, page)
    return [chosen[key] for key in keys if key in chosen]


def localise(
    objects: Iterable[T | None],
    locale_id: int,
    published: Callable[[type[T]], QuerySet] = public_snippets,
) -> list[T]:
    """Each snippet in ``locale_id`` where a public translation exists, else itself if
    public. ``published(model)`` gives the query set to look translations up in (the API
    passes one that loads only what it shows); it must narrow :func:`public_snippets`."""
    objects = [obj for obj in objects if obj is not None]
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    translations = {}
    if foreign:
        found = published(type(foreign[0])).filter(
            translation_key__in=[obj.translation_key for obj in foreign], locale_id=locale_id
        )
        translations = {obj.translation_key: obj for obj in found}
    result = []
    for obj in objects:
        translated = translations.get(obj.translation_key) if obj.locale_id != locale_id else None
        if translated is not None:  # found through ``published``: public already
            result.append(translated)
        elif is_public_snippet(obj):
            result.append(obj)
    return result


def localise_each(objects: list[T | None], locale_id: int, **kwargs) -> list[T | None]:
    """Like :func:`localise`, but keeps positions: None where missing or not public."""
    found = {obj.translation_key: obj for obj in localise(objects, locale_id, **kwargs)}
    return [found.get(obj.translation_key) if obj is not None else None for obj in objects]
