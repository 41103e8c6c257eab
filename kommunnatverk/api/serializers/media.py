"""Images as renditions at the specs set in ``KOMMUNNATVERK["RENDITIONS"]``."""

from collections.abc import Iterable
from functools import lru_cache

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from ... import conf


def spec(name: str) -> str:
    return conf.get("RENDITIONS")[name]


def rendition(image, spec_name: str, alt: str | None = None) -> dict | None:
    """Uses renditions prefetched with :func:`prefetch_image` when they are there.
    ``alt``: the alternative text where the page has its own (a news item's image);
    without it, Wagtail's (the image's description, else its title)."""
    if image is None:
        return None
    filter_spec = spec(spec_name)
    found = _prefetched(image, filter_spec) or image.get_rendition(filter_spec)
    alt = found.alt if alt is None else alt
    return {"url": found.url, "width": found.width, "height": found.height, "alt": alt}


@lru_cache(maxsize=64)
def _filter(filter_spec: str) -> Filter:
    return Filter(spec=filter_spec)


def _prefetched(image, filter_spec: str):
    """The prefetched rendition Wagtail's ``get_rendition`` would pick, without what it
    does around that: parse the spec again and write the rendition to its cache (a round
    trip to Redis per image of a list, for a rendition the list just read)."""
    renditions = getattr(image, "prefetched_renditions", None)
    if renditions is None or image.is_svg():  # an SVG's filter is cleaned first
        return None
    focal_point_key = _filter(filter_spec).get_cache_key(image)
    for found in renditions:
        if found.filter_spec == filter_spec and found.focal_point_key == focal_point_key:
            return found
    return None


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
