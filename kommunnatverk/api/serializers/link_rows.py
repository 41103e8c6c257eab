"""A published page's link rows (tags, goals, organisations, linked pages), read for its
detail in one UNION of the link tables, as plain rows.

One ORM query per relation cost a detail more in compiling than the database spent
answering all of them: the SQL is written out, from the models' metadata, and the rows
are tuples, not model instances. Only for pages read from the database: a preview's
draft holds its relations in memory, and its detail reads them from the page's managers.
"""

import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from wagtail.models import Page

from ...models import GroupPage, NewsPage, ProjectPage

# Where a detail finds its page's link rows (see :func:`attach`).
ATTRIBUTE = "_kommunnatverk_detail_links"

# What each page type's detail reads: relation → the link row's foreign key to show.
RELATIONS: dict[type[Page], dict[str, str]] = {
    NewsPage: {
        "tagged_items": "tag",
        "group_links": "group",
        "project_links": "project",
        "goal_links": "goal",
        "organisation_links": "organisation",
    },
    ProjectPage: {
        "tagged_items": "tag",
        "goal_links": "goal",
        "organisation_links": "organisation",
        "group_links": "group",
    },
    GroupPage: {"goal_links": "goal", "member_links": "organisation"},
}


class PageRef(NamedTuple):
    """A linked page as ``content.links.localised_pages`` reads it."""

    pk: int
    translation_key: uuid.UUID


@dataclass
class LinkRows:
    """The link rows of one page, by relation name, in the order the managers give."""

    tags: dict[str, list[dict]] = field(default_factory=dict)
    goals: dict[str, list[int]] = field(default_factory=dict)
    # Organisation id and the link's role (a project's), else None.
    organisations: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)
    pages: dict[str, list[PageRef]] = field(default_factory=dict)


def relations_of(model: type[Page]) -> dict[str, str] | None:
    for page_type, relations in RELATIONS.items():
        if issubclass(model, page_type):
            return relations
    return None


def attach(page: Page) -> None:
    """Read ``page``'s link rows (one query) and keep them on it for :func:`of`."""
    relations = relations_of(type(page))
    if relations is not None:
        page.__dict__[ATTRIBUTE] = read(page, relations)


def of(page: Page) -> LinkRows | None:
    """The rows :func:`attach` read; None for a page whose relations are its managers'."""
    return page.__dict__.get(ATTRIBUTE)


def read(page: Page, relations: dict[str, str]) -> LinkRows:
    quote = connection.ops.quote_name
    page_table = quote(Page._meta.db_table)
    selects, params, names = [], [], list(relations)
    for position, name in enumerate(names):
        relation = type(page)._meta.get_field(name)
        link = relation.related_model
        table = quote(link._meta.db_table)
        parent = quote(relation.field.column)
        target = link._meta.get_field(relations[name])
        target_column = quote(target.column)
        order = f"l.{quote('sort_order')}" if _has(link, "sort_order") else "0"
        join, first, second = "", "NULL", "NULL"
        if relations[name] == "tag":
            join = f" JOIN {quote(target.related_model._meta.db_table)} t"
            join += f" ON t.{quote('id')} = l.{target_column}"
            first, second = f"t.{quote('name')}", f"t.{quote('slug')}"
        elif issubclass(target.related_model, Page):
            join = f" JOIN {page_table} p ON p.{quote('id')} = l.{target_column}"
            first = f"CAST(p.{quote('translation_key')} AS text)"
        elif _has(link, "role"):
            first = f"l.{quote('role')}"
        # Identifiers come from model metadata; the page id is a parameter.
        selects.append(
            f"SELECT {position} AS relation, {order} AS position, l.{quote('id')} AS id,"  # noqa: S608
            f" l.{target_column} AS target, {first} AS first, {second} AS second"
            f" FROM {table} l{join} WHERE l.{parent} = %s"
        )
        params.append(page.pk)
    sql = " UNION ALL ".join(selects) + " ORDER BY 1, 2, 3"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = LinkRows()
    lists = [_list_for(found, name, relations[name]) for name in names]
    for position, _order, _id, target_id, first, second in rows:
        kind = relations[names[position]]
        if kind == "tag":
            row = {"name": first, "slug": second}
        elif kind == "goal":
            row = target_id
        elif kind == "organisation":
            row = (target_id, first)
        else:  # a page: its translation key, as text in either database
            row = PageRef(target_id, uuid.UUID(str(first)))
        lists[position].append(row)
    return found


def _list_for(found: LinkRows, name: str, kind: str) -> list:
    kinds = {"tag": found.tags, "goal": found.goals, "organisation": found.organisations}
    return kinds.get(kind, found.pages).setdefault(name, [])


def _has(model, name: str) -> bool:
    return any(each.name == name for each in model._meta.concrete_fields)
