"""Goals, frameworks, organisations and contact sidebars, in the response's locale."""

from collections.abc import Iterable
from typing import TypeVar

from django.db.models import Model, Prefetch, QuerySet

from ...content.goals import GOAL_FIELDS, TRANSLATABLE_FIELDS
from ...content.links import localise_each
from ...content.public import is_public_snippet, public_snippets
from ...models import Contact, ContactSidebar, Goal, GoalFramework, Organisation
from ...validators import safe_url
from .context import ApiContext
from .media import prefetch_image, rendition

T = TypeVar("T", bound=Model)


def under(relation: str, fields: Iterable[str]) -> tuple[str, ...]:
    """``fields`` as seen from a model that reaches them through ``relation``."""
    return tuple(f"{relation}__{name}" for name in fields)


# The columns the serializers below read, for ``only()``: a page detail embeds many
# snippets, and building full rows of these draftable, revisioned models costs more
# than the queries do.
TRANSLATABLE = TRANSLATABLE_FIELDS
FRAMEWORK_FIELDS = (*TRANSLATABLE, "slug", "title", "description", "url")
ORGANISATION_REF_FIELDS = ("id", "name", "live", "locale")
ORGANISATION_FIELDS = (
    *TRANSLATABLE,
    *("name", "kind", "website", "short_text", "logo"),
    *under("parent", ORGANISATION_REF_FIELDS),
)


def published(model: type[T]) -> QuerySet:
    """Public rows of ``model`` with just what the serializers below read."""
    light = {
        Goal: goals_queryset,
        Organisation: organisations_queryset,
        GoalFramework: frameworks_queryset,
    }
    return light[model]() if model in light else public_snippets(model)


def framework_ref(framework: GoalFramework) -> dict:
    return {"id": framework.pk, "slug": framework.slug, "title": framework.title}


def framework(ctx: ApiContext, obj: GoalFramework) -> dict:
    return {
        **framework_ref(obj),
        "locale": ctx.code(obj.locale_id),
        "description": obj.description,
        "url": safe_url(obj.url),
    }


def goal(ctx: ApiContext, obj: Goal) -> dict:
    return {
        "id": obj.pk,
        "locale": ctx.code(obj.locale_id),
        "code": obj.code,
        "title": obj.title,
        "short_text": obj.short_text,
        "colour": obj.colour,
        "text_colour": obj.text_colour,
        "url": safe_url(obj.url),
        "framework": framework_ref(obj.framework),
    }


def organisation_ref(obj: Organisation | None) -> dict | None:
    return None if obj is None else {"id": obj.pk, "name": obj.name}


def organisation(ctx: ApiContext, obj: Organisation) -> dict:
    parent = obj.parent if obj.parent_id and is_public_snippet(obj.parent) else None
    return {
        "id": obj.pk,
        "locale": ctx.code(obj.locale_id),
        "name": obj.name,
        "kind": obj.kind,
        "kind_label": str(obj.get_kind_display()),
        "website": safe_url(obj.website),
        "short_text": obj.short_text,
        "logo": rendition(obj.logo, "logo"),
        "parent": organisation_ref(parent),
    }


def contact(ctx: ApiContext, obj: Contact, org: Organisation | None) -> dict:
    return {
        "name": obj.name,
        "role": obj.role,
        "organisation": organisation_ref(org),
        "email": obj.email or None,
        "phone": obj.phone or None,
        "photo": rendition(obj.photo, "photo"),
    }


def sidebar(ctx: ApiContext, obj: ContactSidebar | None, contacts=None) -> dict | None:
    """``contacts``: from :func:`light_contacts`; by default, ``obj.contacts.all()``, as
    prefetched by :func:`sidebars_queryset`."""
    if obj is None:
        return None
    contacts = list(obj.contacts.all() if contacts is None else contacts)
    organisations = localise_each(
        [item.organisation for item in contacts], obj.locale_id, published=published
    )
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
    return public_snippets(Goal).select_related("framework").only(*GOAL_FIELDS)


def organisations_queryset():
    return (
        public_snippets(Organisation)
        .select_related("parent")
        .only(*ORGANISATION_FIELDS)
        .prefetch_related(prefetch_image("logo", "logo"))
    )


def frameworks_queryset():
    return public_snippets(GoalFramework).only(*FRAMEWORK_FIELDS)


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
        public_snippets(ContactSidebar)
        .only(*TRANSLATABLE, "title", "text")
        .prefetch_related(contacts)
    )
