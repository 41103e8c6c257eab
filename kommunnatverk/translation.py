"""Translating from code through wagtail-localize's own machinery.

Used by the goal loader and the example site's demo loader. It follows the order
wagtail-localize needs: source, translation, string translations, then ``save_target``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@dataclass
class TranslationResult:
    instance: TranslatableMixin
    created: bool
    added_strings: int = 0
    missing_strings: list[str] = field(default_factory=list)


@transaction.atomic
def translate_with_strings(
    instance: TranslatableMixin,
    locale: Locale,
    strings: Mapping[str, str],
    *,
    publish: bool = True,
) -> TranslationResult:
    """Translate ``instance`` into ``locale``, using ``strings`` (source text → translation).

    Only string translations that do not exist yet are added, so a translator's finished
    work is never overwritten. Source strings without an entry in ``strings`` keep their
    source text (wagtail-localize's fallback) and are reported in ``missing_strings``.
    """
    source, source_created = TranslationSource.get_or_create_from_instance(instance)
    if not source_created:
        source.update_from_db()

    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    existing = instance.get_translation_or_none(locale)

    result = TranslationResult(instance=instance, created=existing is None)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is None:
            if not StringTranslation.objects.filter(
                translation_of=segment.string, locale=locale, context=segment.context
            ).exists():
                result.missing_strings.append(segment.string.data)
            continue
        _, added = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
        result.added_strings += int(added)

    if result.created or result.added_strings or source_created is False:
        translation.save_target(publish=publish)
    result.instance = instance.get_translation(locale)
    return result
