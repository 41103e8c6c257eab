"""Images as renditions at the specs set in ``KOMMUNNATVERK["RENDITIONS"]``."""

from collections.abc import Iterable

from django.db.models import Prefetch
from wagtail.images import get_image_model

from ... import conf


def spec(name: str) -> str:
    return conf.get("RENDITIONS")[name]


def rendition(image, spec_name: str) -> dict | None:
    """Uses renditions prefetched with :func:`prefetch_image` when they are there."""
    if image is None:
        return None
    found = image.get_rendition(spec(spec_name))
    return {"url": found.url, "width": found.width, "height": found.height, "alt": found.alt}


def prefetch_image(field_name: str, *spec_names: str) -> Prefetch:
    """Prefetch an image foreign key together with its renditions at the named specs."""
    images = get_image_model().objects.prefetch_renditions(*(spec(n) for n in spec_names))
    return Prefetch(field_name, queryset=images)


def images_with_renditions(ids: Iterable[int], spec_name: str) -> dict:
    ids = set(ids)
    if not ids:
        return {}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(spec(spec_name))
    return {image.pk: image for image in images}
