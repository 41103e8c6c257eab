"""Translating from code through wagtail-localize's own machinery.

Used by the goal loader and the example site's demo loader. It follows the order
wagtail-localize needs: source, translation, string translations, then ``save_target``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .drafts import has_own_live_version, restore_live_version


@dataclass
class TranslationResult:
    instance: TranslatableMixin
    created: bool
    added_strings: int = 0
    missing_strings: list[str] = field(default_factory=list)
    # The target is edited by hand: its synced translation was stopped, or it was made
    # without wagtail-localize. Nothing was changed.
    edited_by_hand: bool = False


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
    A target that is edited by hand is left alone (``edited_by_hand``). With
    ``publish=False`` the published target stays as it is and the result is its draft.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None and _edited_by_hand(instance, existing, locale):
        return TranslationResult(instance=existing, created=False, edited_by_hand=True)
    was_live = isinstance(existing, Page) and existing.live and has_own_live_version(existing)

    source, source_created = TranslationSource.get_or_create_from_instance(instance)
    if not source_created:
        source.update_from_db()

    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )

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
    if was_live and not publish:
        # wagtail-localize wrote the draft into the live page. (Snippets: translation_drafts.)
        restore_live_version(result.instance)
        result.instance.refresh_from_db()
    return result


def _edited_by_hand(instance: TranslatableMixin, target: TranslatableMixin, locale: Locale) -> bool:
    """A translator stopped the synced translation to edit ``target`` directly, or it was
    made without wagtail-localize: syncing it would overwrite that work. An alias page
    (a placeholder wagtail-localize made for a missing parent) holds no work."""
    if getattr(target, "alias_of_id", None):
        return False
    return not Translation.objects.filter(
        source__object_id=instance.translation_key,
        source__locale_id=instance.locale_id,
        target_locale=locale,
        enabled=True,
    ).exists()
