"""Fields a site adds in its own subclass of a package page type.

A site lists them in the subclass's ``api_fields``, as it would for Wagtail's own API,
and finds them in the detail's ``extra``. Values get the same treatment as the
package's own: rich text resolved and sanitised, images as renditions, pages as
references only when public, snippets and other objects as id and title.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Manager, Model
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from ...content.registry import page_types, type_name
from ...content.richtext import rich_text_html
from .context import ApiContext
from .links import localised_pages, page_ref
from .media import rendition
from .stream import body_blocks

PLAIN = (str, int, float, bool, date, datetime, Decimal)


def site_fields(ctx: ApiContext, page: Page) -> dict[str, Any]:
    """``api_fields`` of ``page``'s class that its package type does not declare."""
    package_type = page_types()[type_name(type(page))]
    known = {field.name for field in package_type.api_fields}
    names = [field.name for field in getattr(type(page), "api_fields", []) or []]
    return {name: _value(ctx, page, name) for name in names if name not in known}


def _value(ctx: ApiContext, page: Page, name: str) -> Any:
    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:  # a property or method named in api_fields
        field = None
    value = getattr(page, name)
    if isinstance(field, RichTextField):
        return rich_text_html(value)
    if isinstance(field, StreamField):
        return body_blocks(ctx, value)
    if isinstance(value, Manager):
        return [_object(ctx, item) for item in value.all()]
    return _object(ctx, value)


def _object(ctx: ApiContext, value: Any) -> Any:
    if value is None or isinstance(value, PLAIN):
        return value
    if isinstance(value, AbstractImage):
        return rendition(value, "hero")
    if isinstance(value, Page):
        found = localised_pages(ctx, [value])
        return page_ref(ctx, found[0].specific) if found else None
    if isinstance(value, Model):
        if getattr(value, "live", True) is False:  # an unpublished snippet stays hidden
            return None
        return {"id": value.pk, "title": str(value)}
    return str(value)
