"""The JSON body of a webhook: what changed, where it is, and its translations."""

from django.db.models import Model
from django.utils import timezone
from wagtail.models import Page

from ..api import addresses
from ..api.queries import type_name
from ..models import ContactSidebar


def _page_entry(page: Page, base: str) -> dict:
    url = addresses.relative_url(page)
    return {
        "locale": page.locale.language_code,
        "id": page.pk,
        "url": base + url if url else None,
        "api_url": base + addresses.api_path("page_detail", page_id=page.pk),
    }


def for_page(event: str, page: Page, **extra) -> dict:
    base = addresses.base_url(page)
    translations = [
        _page_entry(other, base)
        for other in Page.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(pk=page.pk)
        .select_related("locale")
    ]
    return {
        "event": event,
        **_page_entry(page, base),
        "type": type_name(type(page)),
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


def for_snippet(event: str, obj: Model, **extra) -> dict:
    base = addresses.base_url()
    others = type(obj).objects.filter(translation_key=obj.translation_key).exclude(pk=obj.pk)
    if hasattr(obj, "live"):
        others = others.filter(live=True)
    title = obj.admin_name if isinstance(obj, ContactSidebar) else str(obj)
    return {
        "event": event,
        **_snippet_entry(obj, base),
        "type": addresses.snippet_type(type(obj)),
        "title": title,
        "translations": [_snippet_entry(other, base) for other in others.select_related("locale")],
        "occurred_at": timezone.now().isoformat(),
        **extra,
    }
