"""Which pages use a snippet, so deleting it can be refused with their names."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Page, ReferenceIndex


def pages_protecting(obj: models.Model) -> list[Page]:
    """Pages (live or draft) that refer to ``obj`` through a protected foreign key."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
    # ``on_delete`` is derived from each reference's field path, not stored in a column.
    page_ids = {int(ref.object_id) for ref in references if ref.on_delete == models.PROTECT}
    return list(Page.objects.filter(pk__in=page_ids).order_by("path"))
