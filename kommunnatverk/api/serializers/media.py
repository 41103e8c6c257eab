"""Images as renditions at the specs set in ``KOMMUNNATVERK["RENDITIONS"]``."""

from collections.abc import Iterable

from django.db.models import Prefetch
from wagtail.images import get_image_model

from ... import conf


def spec(name: str) -> str:
    return conf.get("RENDITIONS")[name]


def rendition(image, spec_name: str, alt: str | None = None) -> dict | None:
    """Uses renditions prefetched with :func:`prefetch_image` when they are there.
    ``alt``: the alternative text where the page has its own (a news item's image);
    without it, Wagtail's (the image's description, else its title)."""
    if image is None:
        return None
    found = image.get_rendition(spec(spec_name))
    alt = found.alt if alt is None else alt
    return {"url": found.url, "width": found.width, "height": found.height, "alt": alt}


def prefetch_image(field_name: str, *spec_names: str) -> Prefetch:
    """Prefetch an image foreign key together with its renditions at the named specs."""
    images = get_image_model().objects.prefetch_renditions(*(spec(n) for n in spec_names))
    return Prefetch(field_name, queryset=images)


def join_image(queryset, field_name: str, *spec_names: str):
    """Join the image ``field_name`` into ``queryset`` and prefetch its renditions at the
    named specs: one query fewer than :func:`prefetch_image`, for an image every row has."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=[spec(name) for name in spec_names])
    )
    return queryset.select_related(field_name).prefetch_related(
        Prefetch(f"{field_name}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


def images_with_renditions(ids: Iterable[int], spec_name: str) -> dict:
    ids = set(ids)
    if not ids:
        return {}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(spec(spec_name))
    return {image.pk: image for image in images}
