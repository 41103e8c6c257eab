"""The JSON body of a webhook: what changed, where it is, and its translations.

An event tells only what is public. About a page or snippet that is not public (a
restricted or expired page, a page in a locale outside the content languages, a goal of
an unpublished framework) it carries its id, type, locale and ``"public": false``, and no
title, URL or translations. Removals (unpublished, deleted) are judged by whether the
object was public while it was live.
"""

from django.db.models import Model
from django.utils import timezone
from wagtail.models import Page

from ..content import addresses
from ..content.languages import all_locales
from ..content.public import (
    TranslationGroup,
    is_public_page,
    is_public_snippet,
    public_snippets,
    public_translations,
)
from ..content.registry import type_name
from ..models import ContactSidebar


def _page_entry(page: Page, base: str) -> dict:
    url = addresses.relative_url(page)
    return {
        "locale": all_locales()[page.locale_id].language_code,
        "id": page.pk,
        "url": base + url if url else None,
        "api_url": base + addresses.api_path("page_detail", page_id=page.pk),
    }


def _withheld(event: str, obj: Model, extra: dict) -> dict:
    return {
        "event": event,
        "locale": obj.locale.language_code,
        "id": obj.pk,
        "type": type_name(type(obj)),
        "public": False,
        "occurred_at": timezone.now().isoformat(),
        **{key: value for key, value in extra.items() if key != "previous_url"},
    }


def for_page(
    event: str,
    page: Page,
    *,
    as_if_live: bool = False,
    group: TranslationGroup | None = None,
    **extra,
) -> dict:
    """``group``: the page's translations, when the change's CDN purge reads them too."""
    if not is_public_page(page, as_if_live=as_if_live):
        return _withheld(event, page, extra)
    base = addresses.base_url(page)
    public = group.public() if group is not None else public_translations(page.translation_key)
    translations = [_page_entry(other, base) for other in public if other.pk != page.pk]
    return {
        "event": event,
        **_page_entry(page, base),
        "type": type_name(type(page)),
        "public": True,
        "title": page.title,
        "translations": translations,
        "occurred_at": timezone.now().isoformat(),
        **extra,
    }


def _snippet_entry(obj: Model, base: str) -> dict:
    return {
        "locale": obj.locale.language_code,
        "id": obj.pk,
        "url": None,
        "api_url": base + addresses.snippet_api_path(obj),
    }


def for_snippet(event: str, obj: Model, *, as_if_live: bool = False, **extra) -> dict:
    if not is_public_snippet(obj, as_if_live=as_if_live):
        return _withheld(event, obj, extra)
    base = addresses.base_url()
    others = public_snippets(type(obj)).filter(translation_key=obj.translation_key)
    title = obj.admin_name if isinstance(obj, ContactSidebar) else str(obj)
    return {
        "event": event,
        **_snippet_entry(obj, base),
        "type": type_name(type(obj)),
        "public": True,
        "title": title,
        "translations": [
            _snippet_entry(other, base)
            for other in others.exclude(pk=obj.pk).select_related("locale")
        ],
        "occurred_at": timezone.now().isoformat(),
        **extra,
    }
