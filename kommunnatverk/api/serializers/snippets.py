"""Goals, frameworks, organisations and contact sidebars, in the response's locale."""

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Prefetch

from ...models import Contact, ContactSidebar, Goal, GoalFramework, Organisation
from .context import ApiContext
from .media import prefetch_image, rendition

T = TypeVar("T", bound=Model)


def localise(objects: Iterable[T], locale_id: int) -> list[T]:
    """Each object in ``locale_id`` where a live translation exists, else itself if live.

    Link rows normally point at the right locale already (wagtail-localize swaps them on
    sync); this covers links made before a snippet was translated. Drafts are dropped.
    """
    objects = [obj for obj in objects if obj is not None]
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    translations = {}
    if foreign:
        model = type(foreign[0])
        found = model.objects.filter(
            translation_key__in=[obj.translation_key for obj in foreign],
            locale_id=locale_id,
            live=True,
        )
        translations = {obj.translation_key: obj for obj in found}
    result = []
    for obj in objects:
        chosen = translations.get(obj.translation_key, obj) if obj.locale_id != locale_id else obj
        if chosen.live:
            result.append(chosen)
    return result


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


def sidebar(ctx: ApiContext, obj: ContactSidebar | None) -> dict | None:
    if obj is None:
        return None
    contacts = list(obj.contacts.all())
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
    return Goal.objects.filter(live=True).select_related("framework")


def organisations_queryset():
    return (
        Organisation.objects.filter(live=True)
        .select_related("parent")
        .prefetch_related(prefetch_image("logo", "logo"))
    )


def sidebars_queryset():
    contacts = Contact.objects.select_related("organisation").prefetch_related(
        prefetch_image("photo", "photo")
    )
    return ContactSidebar.objects.filter(live=True).prefetch_related(
        Prefetch("contacts", queryset=contacts)
    )
