"""What starting a translation publishes in its target language at once.

An editor may send their own text out into a language that is not theirs, because
wagtail-localize starts the translation there as a draft for its translators. Not every
start is a draft, though: ``TranslationCreator`` and ``create_or_update_translation``
publish in the target language when

- ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is on (wagtail-localize's default)
  and the source, a page of its subtree or a snippet it uses is live;
- a model has no drafts, so saving its translation is publishing it;
- an alias page there becomes the translation: an alias has no revisions of its own, so
  the translated text is written into its live row;
- a parent page missing there is made as an alias, live when its source is.

Starting such a translation needs the target language, as publishing does.
"""

from django.conf import settings
from django.db.models import Model
from wagtail.models import DraftStateMixin, Page


def _related_objects(instance: Model) -> list[Model]:
    """The translatable objects ``instance`` points to, which wagtail-localize submits with
    it (one level deep)."""
    from wagtail_localize.segments import RelatedObjectSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    related = []
    for segment in extract_segments(instance):
        if not isinstance(segment, RelatedObjectSegmentValue):
            continue
        model = segment.content_type.model_class()
        if model is None:
            continue
        obj = model._default_manager.filter(
            translation_key=segment.translation_key, locale_id=instance.locale_id
        ).first()
        if obj is not None:
            related.append(obj)
    return related


def publishes_at_once(instance: Model, locale_id: int, *, include_subtree: bool = False) -> bool:
    """Whether translating ``instance`` into ``locale_id`` publishes anything there now."""
    pages = Page.objects.none()
    objects = [instance]
    if isinstance(instance, Page):
        pages = Page.objects.filter(pk=instance.pk)
        if include_subtree:
            pages = instance.get_descendants(inclusive=True)
            objects += [page.specific for page in pages.exclude(pk=instance.pk)]
    for obj in list(objects):
        objects += _related_objects(obj)

    sync_live = getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True)
    for obj in objects:
        if not isinstance(obj, DraftStateMixin) or (sync_live and obj.live):
            return True
    if not isinstance(instance, Page):
        return False
    there = Page.objects.filter(locale_id=locale_id)
    keys = pages.values("translation_key")
    if there.filter(translation_key__in=keys, alias_of__isnull=False).exists():
        return True
    missing_parents = (
        instance.get_ancestors()
        .filter(depth__gt=1, live=True)
        .exclude(translation_key__in=there.values("translation_key"))
    )
    return missing_parents.exists()
