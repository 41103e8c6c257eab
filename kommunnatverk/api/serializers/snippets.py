"""Goals, frameworks, organisations and contact sidebars, in the response's locale."""

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Prefetch, QuerySet

from ...models import Contact, ContactSidebar, Goal, GoalFramework, Organisation
from .. import snapshot
from .context import ApiContext
from .media import prefetch_image, rendition

T = TypeVar("T", bound=Model)


def under(relation: str, fields: Iterable[str]) -> tuple[str, ...]:
    """``fields`` as seen from a model that reaches them through ``relation``."""
    return tuple(f"{relation}__{name}" for name in fields)


# The columns the serializers below read, for ``only()``: a page detail embeds many
# snippets, and building full rows of these draftable, revisioned models costs more
# than the queries do.
TRANSLATABLE = ("id", "locale", "translation_key", "live")
FRAMEWORK_REF_FIELDS = ("id", "slug", "title", "live")
FRAMEWORK_FIELDS = (*TRANSLATABLE, "slug", "title", "description", "url")
GOAL_FIELDS = (
    *TRANSLATABLE,
    *("code", "title", "short_text", "colour", "url"),
    *under("framework", FRAMEWORK_REF_FIELDS),
)
ORGANISATION_REF_FIELDS = ("id", "name", "live")
ORGANISATION_FIELDS = (
    *TRANSLATABLE,
    *("name", "kind", "website", "short_text", "logo"),
    *under("parent", ORGANISATION_REF_FIELDS),
)


def localise(objects: Iterable[T], locale_id: int) -> list[T]:
    """Each object in ``locale_id`` where a live translation exists, else itself if live.

    Link rows normally point at the right locale already (wagtail-localize swaps them on
    sync); this covers links made before a snippet was translated. Drafts are dropped.
    """
    objects = [obj for obj in objects if obj is not None]
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    translations = {}
    if foreign:
        found = _published(type(foreign[0])).filter(
            translation_key__in=[obj.translation_key for obj in foreign], locale_id=locale_id
        )
        translations = {obj.translation_key: obj for obj in found}
    result = []
    for obj in objects:
        chosen = translations.get(obj.translation_key, obj) if obj.locale_id != locale_id else obj
        if chosen.live:
            result.append(chosen)
    return result


class GoalCatalogue:
    """Every goal by id and by translation, for embedding the published ones."""

    def __init__(self, goals: Iterable[Goal]) -> None:
        self.by_id = {goal.pk: goal for goal in goals}
        self.by_translation = {(g.translation_key, g.locale_id): g for g in self.by_id.values()}

    @classmethod
    def current(cls) -> "GoalCatalogue":
        """Shared by the requests of one content version: a few dozen rows that nearly
        every page embeds, which would otherwise cost a joined query per page."""
        goals = Goal.objects.select_related("framework").only(*GOAL_FIELDS)
        return snapshot.memo("goals", lambda: cls(goals))

    @staticmethod
    def published(goal: Goal) -> bool:
        # A goal of an unpublished framework is as unpublished as the framework.
        return goal.live and goal.framework.live

    def localised(self, goal_ids: Iterable[int], locale_id: int) -> list[Goal]:
        """Each published goal in ``locale_id`` where translated there, else as linked."""
        found = []
        for goal_id in goal_ids:
            goal = self.by_id.get(goal_id)
            if goal is None:
                continue
            translated = self.by_translation.get((goal.translation_key, locale_id))
            chosen = translated if translated and self.published(translated) else goal
            if self.published(chosen):
                found.append(chosen)
        return found


def _localise_each(objects: list, locale_id: int) -> list:
    """Like :func:`localise`, but keeps positions: None where missing or a draft."""
    found = {obj.translation_key: obj for obj in localise(objects, locale_id)}
    return [found.get(obj.translation_key) if obj is not None else None for obj in objects]


def framework_ref(framework: GoalFramework) -> dict:
    return {"id": framework.pk, "slug": framework.slug, "title": framework.title}


def framework(ctx: ApiContext, obj: GoalFramework) -> dict:
    return {
        **framework_ref(obj),
        "locale": ctx.code(obj.locale_id),
        "description": obj.description,
        "url": obj.url,
    }


def goal(ctx: ApiContext, obj: Goal) -> dict:
    return {
        "id": obj.pk,
        "locale": ctx.code(obj.locale_id),
        "code": obj.code,
        "title": obj.title,
        "short_text": obj.short_text,
        "colour": obj.colour,
        "url": obj.url,
        "framework": framework_ref(obj.framework),
    }


def organisation_ref(obj: Organisation | None) -> dict | None:
    return None if obj is None else {"id": obj.pk, "name": obj.name}


def organisation(ctx: ApiContext, obj: Organisation) -> dict:
    parent = obj.parent if obj.parent_id and obj.parent.live else None
    return {
        "id": obj.pk,
        "locale": ctx.code(obj.locale_id),
        "name": obj.name,
        "kind": obj.kind,
        "kind_label": str(obj.get_kind_display()),
        "website": obj.website,
        "short_text": obj.short_text,
        "logo": rendition(obj.logo, "logo"),
        "parent": organisation_ref(parent),
    }


def contact(ctx: ApiContext, obj: Contact, org: Organisation | None) -> dict:
    return {
        "name": obj.name,
        "role": obj.role,
        "organisation": organisation_ref(org),
        "email": obj.email,
        "phone": obj.phone,
        "photo": rendition(obj.photo, "photo"),
    }


def sidebar(ctx: ApiContext, obj: ContactSidebar | None, contacts=None) -> dict | None:
    """``contacts``: from :func:`light_contacts`; by default, ``obj.contacts.all()``, as
    prefetched by :func:`sidebars_queryset`."""
    if obj is None:
        return None
    contacts = list(obj.contacts.all() if contacts is None else contacts)
    organisations = _localise_each([item.organisation for item in contacts], obj.locale_id)
    return {
        "id": obj.pk,
        "locale": ctx.code(obj.locale_id),
        "title": obj.title,
        "text": obj.text,
        "contacts": [
            contact(ctx, item, org) for item, org in zip(contacts, organisations, strict=True)
        ],
    }


# Querysets with what the serializers above read, in a fixed number of queries.


def goals_queryset():
    # A goal of an unpublished framework is as unpublished as the framework.
    published = Goal.objects.filter(live=True, framework__live=True)
    return published.select_related("framework").only(*GOAL_FIELDS)


def organisations_queryset():
    return (
        Organisation.objects.filter(live=True)
        .select_related("parent")
        .only(*ORGANISATION_FIELDS)
        .prefetch_related(prefetch_image("logo", "logo"))
    )


def frameworks_queryset():
    return GoalFramework.objects.filter(live=True).only(*FRAMEWORK_FIELDS)


def _published(model: type[T]):
    """Published rows of ``model`` with just what the serializers read."""
    light = {
        Goal: goals_queryset,
        Organisation: organisations_queryset,
        GoalFramework: frameworks_queryset,
    }
    return light[model]() if model in light else model.objects.filter(live=True)


def light_contacts(contacts: QuerySet) -> QuerySet:
    """Contacts with what :func:`contact` reads. Photos are joined, and their renditions
    come from Wagtail's rendition cache: a sidebar has a few contacts, and a prefetch of
    renditions costs more than a few cache reads."""
    return contacts.select_related("organisation", "photo").only(
        *("sidebar", "sort_order", "name", "role", "email", "phone", "photo"),
        *under("organisation", TRANSLATABLE + ("name",)),
    )


def sidebars_queryset():
    contacts = Prefetch("contacts", queryset=light_contacts(Contact.objects.all()))
    return (
        ContactSidebar.objects.filter(live=True)
        .only(*TRANSLATABLE, "title", "text")
        .prefetch_related(contacts)
    )
