"""A page's tags, goals, organisations and linked pages, as its summary and detail show
them: from the link rows read in one query (``link_rows``) for a published page, or from
the page's managers, which also work on a draft held in memory (a preview)."""

from django.db.models import QuerySet
from wagtail.models import Page

from ...content.goals import GoalCatalogue
from ...content.links import localise
from ...models import Organisation
from . import link_rows, snippets
from .context import ApiContext
from .links import localised_pages, page_ref
from .media import prefetch_image


def tags(items) -> list[dict]:
    return [{"name": item.tag.name, "slug": item.tag.slug} for item in items]


def goals_of(ctx: ApiContext, links) -> list[dict]:
    return goals_by_id(ctx, (link.goal_id for link in links))


def goals_by_id(ctx: ApiContext, goal_ids) -> list[dict]:
    goals = GoalCatalogue.current().localised(goal_ids, ctx.locale.pk)
    return [snippets.goal(ctx, goal) for goal in goals]


def organisations_of(ctx: ApiContext, organisations) -> list[dict]:
    found = localise(organisations, ctx.locale.pk, snippets.published)
    return [snippets.organisation(ctx, org) for org in found]


# Link rows from the managers with only what the serializers read (previews, and the
# network page's relations, which ``link_rows`` does not read).

LINK_FIELDS = ("page", "sort_order")


def goal_links(links: QuerySet) -> QuerySet:
    # Only the goal ids: the goals themselves come from ``snippets.GoalCatalogue``.
    return links.only(*LINK_FIELDS, "goal")


def organisation_links(links: QuerySet) -> QuerySet:
    fields = (*LINK_FIELDS, *snippets.under("organisation", snippets.ORGANISATION_FIELDS))
    if any(field.name == "role" for field in links.model._meta.fields):
        fields += ("role",)
    return (
        links.select_related("organisation__parent")
        .only(*fields)
        .prefetch_related(prefetch_image("organisation__logo", "logo"))
    )


def page_links(links: QuerySet, target: str) -> QuerySet:
    # The target is only a translation key here: links.localised_pages loads what is shown.
    fields = (*LINK_FIELDS, f"{target}__id", f"{target}__translation_key")
    return links.select_related(target).only(*fields)


def tag_links(links: QuerySet) -> QuerySet:
    return links.select_related("tag").only("content_object", "tag__name", "tag__slug")


class Relations:
    """The relations of one page for its detail, each by its manager's name
    (``goal_links``): from :func:`link_rows.of` when the page was loaded with them, else
    from the page's managers."""

    def __init__(self, ctx: ApiContext, page: Page) -> None:
        self.ctx = ctx
        self.page = page
        self.rows = link_rows.of(page)
        self._organisations: dict[str, list[tuple[Organisation, str | None]]] = {}

    def tags(self, name: str) -> list[dict]:
        if self.rows is not None:
            return [dict(tag) for tag in self.rows.tags[name]]
        return tags(tag_links(getattr(self.page, name).all()))

    def goals(self, name: str) -> list[dict]:
        if self.rows is not None:
            return goals_by_id(self.ctx, self.rows.goals[name])
        return goals_of(self.ctx, goal_links(getattr(self.page, name).all()))

    def pages(self, name: str, target: str) -> list[dict]:
        """``target``: the link row's foreign key to the page (``group``)."""
        if self.rows is not None:
            linked = self.rows.pages[name]
        else:
            links = page_links(getattr(self.page, name).all(), target)
            linked = [getattr(link, target) for link in links]
        return [page_ref(self.ctx, page) for page in localised_pages(self.ctx, linked)]

    def organisations(self, name: str, role: str | None = None) -> list[dict]:
        """``role``: only the links with this role (a project's owners, funders and
        partners); the relation is read once for all of them."""
        if name not in self._organisations:
            self._organisations[name] = self._read_organisations(name)
        chosen = (org for org, link_role in self._organisations[name] if role in (None, link_role))
        return organisations_of(self.ctx, chosen)

    def _read_organisations(self, name: str) -> list[tuple[Organisation, str | None]]:
        if self.rows is None:
            links = organisation_links(getattr(self.page, name).all())
            return [(link.organisation, getattr(link, "role", None)) for link in links]
        linked = self.rows.organisations[name]
        by_id = organisations_by_id([pk for pk, _role in linked])
        return [(by_id[pk], role) for pk, role in linked if pk in by_id]


def organisations_by_id(ids: list[int]) -> dict[int, Organisation]:
    """The organisations of link rows, with what the managers' query joins to them."""
    if not ids:
        return {}
    found = (
        Organisation.objects.filter(pk__in=set(ids))
        .select_related("parent")
        .only(*snippets.ORGANISATION_FIELDS)
        .prefetch_related(prefetch_image("logo", "logo"))
    )
    return {org.pk: org for org in found}
