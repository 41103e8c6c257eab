"""How far each target locale's translations are behind the source locale.

Covers the public pages of the package's page types and the public goal frameworks,
goals, organisations and contact sidebars in the source locale (``SOURCE_LOCALE``), by
the content layer's rule: nothing restricted, expired or draft is named. For each of them
and each other content language the state is one of:

- ``missing``: no live translation in that locale; an alias (wagtail-localize makes
  untranslated parents into aliases) or a draft never published counts as none;
- ``outdated``: the source was published after its last sync, that is after
  wagtail-localize's ``TranslationSource.last_updated_at``; or the source was synced but
  the translation has not been published since; or a translation exists that was never
  synced through wagtail-localize at all (no ``TranslationSource``); or some of the
  source's text segments (with those of the tags a page carries) have no translation in
  that locale yet, because wagtail-localize shows an untranslated segment in the source
  language. A translation whose syncing a translator stopped, to edit it by hand, is
  outdated while the source was published after it;
- ``up_to_date``: otherwise: every segment translated and nothing in the source changed
  since.

Tags are covered too: each source-locale tag that a public page carries.

Each model costs one query, whatever the number of objects: every locale's rows of the
covered objects, with the time of the source's last sync and the segment counts annotated
on them.
"""

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, Func, IntegerField, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .. import conf
from ..content import registry
from ..content.languages import content_languages
from ..content.public import public_pages, public_snippets
from ..models import NetworkTag
from ..models.tags import TaggedItem

# What the state needs of a page row; the annotation below adds the source's last sync.
PAGE_FIELDS = (
    "id",
    "title",
    "content_type_id",
    "locale_id",
    "translation_key",
    "path",
    "live",
    "alias_of_id",
    "last_published_at",
)
SYNCED_AT = "kommunnatverk_synced_at"
STOPPED = "kommunnatverk_sync_stopped"
# On every row: the string segments of its source in the source locale (with those of
# the tags a page carries), and how many of them have a translation in the row's locale.
SEGMENTS = "kommunnatverk_segments"
TRANSLATED = "kommunnatverk_translated"


class State(enum.StrEnum):
    MISSING = "missing"
    OUTDATED = "outdated"
    UP_TO_DATE = "up_to_date"

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self])


STATE_LABELS = {
    State.MISSING: _("Missing"),
    State.OUTDATED: _("Outdated"),
    State.UP_TO_DATE: _("Up to date"),
}


def state_of(source_published_at: datetime | None, synced_at: datetime | None, target) -> State:
    """The state of one translation: ``target`` is the row in the target locale, or None.

    ``synced_at`` is the source's ``TranslationSource.last_updated_at`` (None: never synced).
    """
    if target is None or getattr(target, "alias_of_id", None) or not getattr(target, "live", True):
        return State.MISSING
    published = getattr(target, "last_published_at", None)
    if getattr(target, STOPPED, False):
        # "Stop Synced translation": edited by hand from then on, so only its own
        # publishing can catch up with the source.
        behind = source_published_at and published and source_published_at > published
        return State.OUTDATED if behind else State.UP_TO_DATE
    if synced_at is None:
        return State.OUTDATED
    if source_published_at is not None and source_published_at > synced_at:
        return State.OUTDATED
    # "Sync translated pages" without "Publish immediately" refreshes the source but leaves
    # the translation as it was until a translator publishes it.
    if published is not None and published < synced_at:
        return State.OUTDATED
    # Untranslated segments are live in the source language (wagtail-localize's fallback).
    if not translated_in_full(target):
        return State.OUTDATED
    return State.UP_TO_DATE


@dataclass(frozen=True)
class Progress:
    """How many of the source's text segments have a translation in one locale."""

    segments: int
    translated: int

    @property
    def percent(self) -> float:
        """0–100; 100 when there is nothing to translate."""
        return 100.0 if not self.segments else 100.0 * self.translated / self.segments


def progress_of(target) -> Progress | None:
    """The segment counts :func:`with_sync_info` annotated on a target-locale row; None
    for a row read without them."""
    segments = getattr(target, SEGMENTS, None)
    if segments is None:
        return None
    return Progress(segments=segments, translated=min(getattr(target, TRANSLATED, 0), segments))


def progress_in(source, target) -> Progress | None:
    """The progress of ``target`` (None: no row in that locale) on ``source``'s segments;
    None when the source was never sent to translation (no segments are known)."""
    if getattr(source, SYNCED_AT, None) is None:
        return None
    if target is not None:
        return progress_of(target)
    segments = getattr(source, SEGMENTS, None)
    return None if segments is None else Progress(segments=segments, translated=0)


def translated_in_full(target) -> bool:
    progress = progress_of(target)
    return progress is None or progress.translated >= progress.segments


def _count(queryset: QuerySet) -> Coalesce:
    """``COUNT(*)`` of a correlated subquery, without a GROUP BY."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def _source_segments() -> QuerySet:
    """The string segments of the outer row's source in the source locale, and of the
    tags its source points to (a page's tags are translated as snippets of their own)."""
    in_source = Q(source__locale__language_code=conf.get("SOURCE_LOCALE"))
    tags = RelatedObjectSegment.objects.filter(
        in_source,
        source__object_id=OuterRef(OuterRef("translation_key")),
        object__content_type__app_label=NetworkTag._meta.app_label,
        object__content_type__model=NetworkTag._meta.model_name,
    ).values("object_id")
    return StringSegment.objects.filter(
        Q(source__object_id=OuterRef("translation_key")) | Q(source__object_id__in=tags),
        in_source,
    )


def with_sync_info(queryset: QuerySet) -> QuerySet:
    """Annotate each row, in the same query, with what :func:`state_of` reads of
    wagtail-localize: the last sync of the translation source made from it
    (``SYNCED_AT``; on a source-locale row, when its translations were last synced), and
    whether syncing into the row's locale was stopped (``STOPPED``)."""
    synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
    ).values("last_updated_at")[:1]
    stopped = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale_id=OuterRef("locale_id"),
        enabled=False,
    )
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("locale_id")),
    )
    segments = _source_segments()
    return queryset.annotate(
        **{
            SYNCED_AT: Subquery(synced),
            STOPPED: Exists(stopped),
            SEGMENTS: _count(segments),
            TRANSLATED: _count(segments.filter(Exists(translated))),
        }
    )


def states_by_locale(
    rows: Iterable, source_locale_id: int, target_locale_ids: Iterable[int]
) -> dict[int, State] | None:
    """Target locale id → state, for the rows of one translation key (any locales, the
    source's included, annotated by :func:`with_sync_info`); None without a source row."""
    by_locale = {row.locale_id: row for row in rows}
    source = by_locale.get(source_locale_id)
    if source is None:
        return None
    synced_at = getattr(source, SYNCED_AT, None)
    published_at = getattr(source, "last_published_at", None)  # tags are never published
    return {
        locale_id: state_of(published_at, synced_at, by_locale.get(locale_id))
        for locale_id in target_locale_ids
        if locale_id != source_locale_id
    }


def progress_by_locale(
    rows: Iterable, source_locale_id: int, target_locale_ids: Iterable[int]
) -> dict[int, Progress]:
    """Target locale id → :class:`Progress`, for the rows :func:`states_by_locale` reads;
    empty without a source row or without the annotations."""
    by_locale = {row.locale_id: row for row in rows}
    source = by_locale.get(source_locale_id)
    if source is None:
        return {}
    found = {
        locale_id: progress_in(source, by_locale.get(locale_id))
        for locale_id in target_locale_ids
        if locale_id != source_locale_id
    }
    return {locale_id: progress for locale_id, progress in found.items() if progress}


# The report --------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One source object whose translation in a locale needs a translator."""

    source: Model
    model_label: str
    type_label: str
    state: State
    translation_id: int | None
    source_edit_url: str
    # Where a translator acts: the translation's editor, or the submit-translation form.
    action_url: str
    progress: Progress | None = None

    @property
    def title(self) -> str:
        return str(self.source)


@dataclass
class LocaleStatus:
    locale: Locale
    total: int = 0
    up_to_date: int = 0
    outdated: list[Item] = field(default_factory=list)
    missing: list[Item] = field(default_factory=list)
    # Text segments of the covered objects, and how many have a translation.
    segments: int = 0
    translated_segments: int = 0

    @property
    def segment_percent(self) -> float:
        return Progress(self.segments, self.translated_segments).percent

    @property
    def percent(self) -> float:
        """Share of the covered objects up to date, 0–100; 100 when there is nothing."""
        return 100.0 if not self.total else 100.0 * self.up_to_date / self.total

    @property
    def complete(self) -> bool:
        return not (self.outdated or self.missing)


@dataclass
class TranslationStatus:
    source_locale: Locale
    locales: list[LocaleStatus]

    @property
    def complete(self) -> bool:
        return all(status.complete for status in self.locales)

    def as_json(self, base_url: str = "") -> dict:
        """The machine-readable form (``--format json``, see docs/reference/commands.md)."""

        def item(entry: Item) -> dict:
            return {
                "type": entry.model_label,
                "id": entry.source.pk,
                "title": entry.title,
                "translation_id": entry.translation_id,
                "segments": entry.progress.segments if entry.progress else None,
                "translated_segments": entry.progress.translated if entry.progress else None,
                "source_admin_url": base_url + entry.source_edit_url,
                "admin_url": base_url + entry.action_url,
            }

        return {
            "source_locale": self.source_locale.language_code,
            "locales": [
                {
                    "locale": status.locale.language_code,
                    "total": status.total,
                    "up_to_date": status.up_to_date,
                    "outdated": len(status.outdated),
                    "missing": len(status.missing),
                    "percent_complete": round(status.percent, 1),
                    "segments": status.segments,
                    "translated_segments": status.translated_segments,
                    "outdated_items": [item(entry) for entry in status.outdated],
                    "missing_items": [item(entry) for entry in status.missing],
                }
                for status in self.locales
            ],
        }


class UnknownLocale(ValueError):
    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = list(codes)
        super().__init__(", ".join(self.codes))


def compute(locale_codes: Iterable[str] | None = None, user=None) -> TranslationStatus:
    """The status for the given target locales (default: every content language but the
    source). With ``user``, only the pages of the trees that user works in (see
    :func:`pages_of`), as their page explorer shows them.

    Raises :class:`UnknownLocale` for codes without a locale in the content languages, or
    naming the source locale.
    """
    codes = content_languages()
    locales = list(Locale.objects.filter(language_code__in=codes).order_by("language_code"))
    source_code = conf.get("SOURCE_LOCALE")
    source = next((locale for locale in locales if locale.language_code == source_code), None)
    if source is None:
        raise Locale.DoesNotExist(f"No locale '{source_code}' (SOURCE_LOCALE) exists.")
    targets = [locale for locale in locales if locale.pk != source.pk]
    if locale_codes is not None:
        wanted = list(dict.fromkeys(locale_codes))
        by_code = {locale.language_code: locale for locale in targets}
        unknown = [code for code in wanted if code not in by_code]
        if unknown:
            raise UnknownLocale(unknown)
        targets = [by_code[code] for code in wanted]

    statuses = [LocaleStatus(locale) for locale in targets]
    for model, groups in _groups(source, user):
        for rows in groups:
            states = states_by_locale(rows, source.pk, [status.locale.pk for status in statuses])
            by_locale = {row.locale_id: row for row in rows}
            origin = by_locale[source.pk]
            for status in statuses:
                state = states[status.locale.pk]
                target = by_locale.get(status.locale.pk)
                progress = progress_in(origin, target)
                status.total += 1
                if progress is not None:
                    status.segments += progress.segments
                    status.translated_segments += progress.translated
                if state is State.UP_TO_DATE:
                    status.up_to_date += 1
                    continue
                entry = _item(model, origin, target, state, status.locale, progress)
                (status.outdated if state is State.OUTDATED else status.missing).append(entry)
    return TranslationStatus(source, statuses)


def pages_of(user) -> Q | None:
    """The trees ``user`` works in: below every page a group of theirs has a permission
    on, and below that page's translations (a translator given the English tree sees the
    Swedish pages to translate). None: every page (a superuser)."""
    if user is None or user.is_superuser:
        return None
    granted = GroupPagePermission.objects.filter(group__user=user).values("page__translation_key")
    condition = Q(pk__in=[])
    for path in Page.objects.filter(translation_key__in=granted).values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return condition


def _groups(source: Locale, user=None):
    """(model, [rows of one translation key, source first]) per covered model, one query
    per model; pages in tree order, snippets in their models' order."""
    source_pages = public_pages().filter(locale=source)
    if (trees := pages_of(user)) is not None:
        source_pages = source_pages.filter(trees)
    keys = source_pages.values("translation_key")
    pages = Page.objects.filter(translation_key__in=keys).only(*PAGE_FIELDS)
    yield Page, _grouped(with_sync_info(pages).order_by("path"), source.pk)
    for model in registry.snippet_types().values():
        keys = public_snippets(model).filter(locale=source).values("translation_key")
        rows = with_sync_info(model.objects.filter(translation_key__in=keys))
        yield model, _grouped(rows, source.pk)
    keys = carried_tags(source_pages).values("translation_key")
    rows = with_sync_info(NetworkTag.objects.filter(translation_key__in=keys))
    yield NetworkTag, _grouped(rows.order_by("name"), source.pk)


def carried_tags(pages: QuerySet) -> QuerySet:
    """The tags that ``pages`` carry: a tag nobody uses needs no translator."""
    carried = Q(pk__in=[])
    for relation in NetworkTag._meta.related_objects:
        if issubclass(relation.related_model, TaggedItem):
            carried |= Q(**{f"{relation.name}__content_object_id__in": pages.values("pk")})
    return NetworkTag.objects.filter(carried).distinct()


def _grouped(rows: QuerySet, source_locale_id: int) -> list[list]:
    groups: dict[object, list] = {}
    order: list[object] = []
    for row in rows:
        if row.locale_id == source_locale_id:
            order.append(row.translation_key)
        groups.setdefault(row.translation_key, []).append(row)
    return [groups[key] for key in order]


def _item(model, origin, target, state: State, locale: Locale, progress) -> Item:
    if model is Page:
        specific = ContentType.objects.get_for_id(origin.content_type_id).model_class() or model
        source_edit = reverse("wagtailadmin_pages:edit", args=[origin.pk])
        target_edit = reverse("wagtailadmin_pages:edit", args=[target.pk]) if target else None
        submit = reverse("wagtail_localize:submit_page_translation", args=[origin.pk])
    else:
        specific = model
        edit_name = model.snippet_viewset.get_url_name("edit")
        source_edit = reverse(edit_name, args=[quote(origin.pk)])
        target_edit = reverse(edit_name, args=[quote(target.pk)]) if target else None
        submit = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[model._meta.app_label, model._meta.model_name, quote(origin.pk)],
        )
    if state is State.MISSING and (target is None or getattr(target, "alias_of_id", None)):
        # wagtail-localize's form offers the locale, preselected, and turns an alias into
        # a translation.
        action = f"{submit}?{urlencode({'select_locale': locale.language_code})}"
    else:
        # The translation's edit view, which wagtail-localize shows as its translation
        # editor; for a draft never published too (the submit form leaves its locale out).
        action = target_edit
    return Item(
        source=origin,
        model_label=specific._meta.label,
        type_label=str(specific._meta.verbose_name),
        state=state,
        translation_id=target.pk if target else None,
        source_edit_url=source_edit,
        action_url=action,
        progress=progress,
    )
