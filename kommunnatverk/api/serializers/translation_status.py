"""``meta.translation_status``: how each locale's translation of a page stands."""

from collections.abc import Iterable

from wagtail.models import Page

from ... import conf
from ...localisation.status import progress_by_locale, states_by_locale
from ..locales import Locales
from .context import ApiContext


def translation_status(ctx: ApiContext, rows: Iterable[Page]) -> dict | None:
    """From the public translations of one page (``content.public.public_translations``,
    annotated by ``localisation.status.with_sync_info``), so the same for each of them;
    None when no public page in the source locale has them. Content languages only."""
    locales = Locales.of(ctx.request)
    source = locales.by_code.get(conf.get("SOURCE_LOCALE"))
    if source is None:
        return None
    states = states_by_locale(rows, source.pk, locales.content)
    if states is None:
        return None
    codes = sorted((locales.by_id[pk].language_code, state) for pk, state in states.items())
    progress = progress_by_locale(rows, source.pk, locales.content)
    return {
        "source_locale": source.language_code,
        "locales": {code: state.value for code, state in codes},
        "progress": {
            locales.by_id[pk].language_code: {
                "segments": counts.segments,
                "translated": counts.translated,
                "percent": round(counts.percent, 1),
            }
            for pk, counts in sorted(progress.items())
        },
    }


def by_translation_key(ctx: ApiContext, rows: Iterable[Page]) -> dict[object, dict | None]:
    """:func:`translation_status` for the rows of many pages, by translation key."""
    groups: dict[object, list[Page]] = {}
    for row in rows:
        groups.setdefault(row.translation_key, []).append(row)
    return {key: translation_status(ctx, group) for key, group in groups.items()}
