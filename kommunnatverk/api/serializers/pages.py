"""Page summaries (list items) and details, per page type."""

from django.db.models import Prefetch, QuerySet
from wagtail.models import Page

from ...models import (
    GroupPage,
    GroupPageGoal,
    GroupPageMember,
    NetworkPage,
    NetworkPageFramework,
    NetworkPagePartner,
    NewsPage,
    NewsPageGoal,
    NewsPageGroup,
    NewsPageOrganisation,
    NewsPageProject,
    ProjectPage,
    ProjectPageGoal,
    ProjectPageGroup,
    ProjectPageOrganisation,
    TaggedNewsPage,
    TaggedProjectPage,
)
from ..queries import TYPE_OF_MODEL, public_pages
from . import snippets
from .context import ApiContext
from .links import localised_pages, page_ref
from .media import prefetch_image, rendition
from .richtext import rich_text_html
from .stream import body_blocks


def meta(ctx: ApiContext, page: Page, fallback: bool = False) -> dict:
    return {
        "type": page._meta.label,
        "locale": ctx.code(page.locale_id),
        "url": ctx.page_url(page),
        "html_url": ctx.page_full_url(page),
        "api_url": ctx.page_api_url(page.pk),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "fallback": fallback,
    }


def tags(page) -> list[dict]:
    return [{"name": item.tag.name, "slug": item.tag.slug} for item in page.tagged_items.all()]


def goals_of(ctx: ApiContext, links) -> list[dict]:
    goals = snippets.localise([link.goal for link in links], ctx.locale.pk)
    return [snippets.goal(ctx, goal) for goal in goals]


def organisations_of(ctx: ApiContext, organisations) -> list[dict]:
    found = snippets.localise(list(organisations), ctx.locale.pk)
    return [snippets.organisation(ctx, org) for org in found]


# Summaries ----------------------------------------------------------------------------


def _common(ctx: ApiContext, page: Page, fallback: bool) -> dict:
    """The fields summaries and details share."""
    return {
        "id": page.pk,
        "type": TYPE_OF_MODEL[type(page)],
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "meta": meta(ctx, page, fallback),
    }


def summary(ctx: ApiContext, page: Page, fallback: bool) -> dict:
    data = _common(ctx, page, fallback)
    if isinstance(page, NewsPage):
        data.update(date=page.date, tags=tags(page), thumbnail=rendition(page.image, "thumbnail"))
    elif isinstance(page, ProjectPage):
        data.update(
            status=page.status,
            status_label=str(page.get_status_display()),
            start_date=page.start_date,
            end_date=page.end_date,
            goals=goals_of(ctx, page.goal_links.all()),
        )
    return data


def _goal_links(model) -> Prefetch:
    return Prefetch("goal_links", queryset=model.objects.select_related("goal__framework"))


def _org_links(model, related_name: str) -> Prefetch:
    queryset = model.objects.select_related("organisation__parent").prefetch_related(
        prefetch_image("organisation__logo", "logo")
    )
    return Prefetch(related_name, queryset=queryset)


def _page_links(model, related_name: str, target: str) -> Prefetch:
    return Prefetch(related_name, queryset=model.objects.select_related(target))


def _tag_links(model) -> Prefetch:
    return Prefetch("tagged_items", queryset=model.objects.select_related("tag"))


def summary_queryset(model: type[Page]) -> QuerySet:
    """The model's pages with everything :func:`summary` reads, in a fixed number of queries."""
    queryset = model.objects.all()
    if model is NewsPage:
        return queryset.prefetch_related(
            _tag_links(TaggedNewsPage), prefetch_image("image", "thumbnail")
        )
    if model is ProjectPage:
        return queryset.prefetch_related(_goal_links(ProjectPageGoal))
    return queryset


# Details ------------------------------------------------------------------------------


def detail_queryset(model: type[Page]) -> QuerySet:
    queryset = model.objects.all()
    if model is NetworkPage:
        frameworks = NetworkPageFramework.objects.select_related("framework")
        return queryset.select_related("coordinator__parent").prefetch_related(
            "aims",
            Prefetch("framework_links", queryset=frameworks),
            _org_links(NetworkPagePartner, "partner_links"),
            prefetch_image("coordinator__logo", "logo"),
        )
    if model is GroupPage:
        return queryset.prefetch_related(
            _goal_links(GroupPageGoal), _org_links(GroupPageMember, "member_links")
        )
    if model is NewsPage:
        return queryset.prefetch_related(
            _tag_links(TaggedNewsPage),
            _goal_links(NewsPageGoal),
            _org_links(NewsPageOrganisation, "organisation_links"),
            _page_links(NewsPageGroup, "group_links", "group"),
            _page_links(NewsPageProject, "project_links", "project"),
            prefetch_image("image", "hero"),
        )
    if model is ProjectPage:
        return queryset.prefetch_related(
            _tag_links(TaggedProjectPage),
            _goal_links(ProjectPageGoal),
            _org_links(ProjectPageOrganisation, "organisation_links"),
            _page_links(ProjectPageGroup, "group_links", "group"),
        )
    return queryset


def translations(ctx: ApiContext, page: Page) -> list[dict]:
    """Every live, public translation, this page included, for hreflang."""
    pages = public_pages().filter(translation_key=page.translation_key).order_by("locale_id")
    return [
        {
            "locale": ctx.code(other.locale_id),
            "id": other.pk,
            "title": other.title,
            "url": ctx.page_url(other),
            "api_url": ctx.page_api_url(other.pk),
        }
        for other in pages
    ]


def detail(ctx: ApiContext, page: Page, fallback: bool) -> dict:
    data = {
        **_common(ctx, page, fallback),
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "translations": translations(ctx, page),
        "contact_sidebar": snippets.sidebar(ctx, _sidebar(page)),
    }
    if isinstance(page, NetworkPage):
        frameworks = snippets.localise(
            [link.framework for link in page.framework_links.all()], ctx.locale.pk
        )
        coordinator = snippets.localise([page.coordinator], ctx.locale.pk)
        data.update(
            body=body_blocks(ctx, page.body),
            aims_heading=page.aims_heading,
            aims=[aim.text for aim in page.aims.all()],
            frameworks=[snippets.framework(ctx, fw) for fw in frameworks],
            coordinator=snippets.organisation(ctx, coordinator[0]) if coordinator else None,
            partners=organisations_of(
                ctx, (link.organisation for link in page.partner_links.all())
            ),
        )
    elif isinstance(page, GroupPage):
        data.update(
            purpose=rich_text_html(page.purpose),
            participants=page.participants,
            meeting_forms=page.meeting_forms,
            body=body_blocks(ctx, page.body),
            goals=goals_of(ctx, page.goal_links.all()),
            members=organisations_of(ctx, (link.organisation for link in page.member_links.all())),
        )
    elif isinstance(page, NewsPage):
        data.update(
            date=page.date,
            image=rendition(page.image, "hero"),
            body=body_blocks(ctx, page.body),
            tags=tags(page),
            groups=[
                page_ref(ctx, p)
                for p in localised_pages(ctx, (link.group for link in page.group_links.all()))
            ],
            projects=[
                page_ref(ctx, p)
                for p in localised_pages(ctx, (link.project for link in page.project_links.all()))
            ],
            goals=goals_of(ctx, page.goal_links.all()),
            organisations=organisations_of(
                ctx, (link.organisation for link in page.organisation_links.all())
            ),
        )
    elif isinstance(page, ProjectPage):
        links = list(page.organisation_links.all())
        data.update(
            status=page.status,
            status_label=str(page.get_status_display()),
            start_date=page.start_date,
            end_date=page.end_date,
            target_group=page.target_group,
            call_for_participants=rich_text_html(page.call_for_participants),
            body=body_blocks(ctx, page.body),
            tags=tags(page),
            goals=goals_of(ctx, page.goal_links.all()),
            owners=organisations_of(
                ctx, (lnk.organisation for lnk in links if lnk.role == "coordinator")
            ),
            funders=organisations_of(
                ctx, (lnk.organisation for lnk in links if lnk.role == "funder")
            ),
            partners=organisations_of(
                ctx, (lnk.organisation for lnk in links if lnk.role == "partner")
            ),
            groups=[
                page_ref(ctx, p)
                for p in localised_pages(ctx, (link.group for link in page.group_links.all()))
            ],
        )
    return data


def _sidebar(page):
    return page.resolve_contact_sidebar(snippets.sidebars_queryset())
