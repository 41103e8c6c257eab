"""Page summaries (list items) and details, per page type."""

from django.db.models import QuerySet
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ... import wcag
from ...content import snapshot, structured_data
from ...content.links import localise
from ...content.prepared import prepared
from ...content.registry import type_name
from ...content.richtext import rich_text_html
from ...models import (
    AccessibilityStatementPage,
    EventPage,
    GroupPage,
    NetworkPage,
    NewsPage,
    ProjectPage,
    ProjectPageGoal,
    TaggedNewsPage,
)
from ...validators import safe_url
from . import events, link_rows, snippets
from .context import ApiContext
from .media import join_image, prefetch_image, rendition, spec
from .relations import LINK_FIELDS, Relations, goals_by_id, tags
from .site_fields import site_fields
from .stream import body_blocks
from .translation_status import translation_status


def meta(ctx: ApiContext, page: Page, fallback: bool = False, status: dict | None = None) -> dict:
    url, html_url = ctx.page_urls(page)
    return {
        "type": page._meta.label,
        "locale": ctx.code(page.locale_id),
        "url": url,
        "html_url": html_url,
        "api_url": ctx.page_api_url(page.pk),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "fallback": fallback,
        "preview": False,
        "translation_status": status,
    }


# Summaries ----------------------------------------------------------------------------


def _common(ctx: ApiContext, page: Page, fallback: bool, status: dict | None) -> dict:
    """The fields summaries and details share."""
    return {
        "id": page.pk,
        "type": type_name(type(page)),
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "meta": meta(ctx, page, fallback, status),
    }


def summary(ctx: ApiContext, page: Page, fallback: bool, status: dict | None = None) -> dict:
    """``status``: the page's ``meta.translation_status``, computed for the whole list."""
    data = _common(ctx, page, fallback, status)
    if isinstance(page, NewsPage):
        loaded = page.__dict__.get(SUMMARY_TAGS)
        data.update(
            date=page.date,
            tags=tags(page.tagged_items.all()) if loaded is None else loaded,
            thumbnail=rendition(page.image, "thumbnail", alt=page.image_alt_text),
        )
    elif isinstance(page, ProjectPage):
        goal_ids = page.__dict__.get(SUMMARY_GOAL_IDS)
        if goal_ids is None:
            goal_ids = [link.goal_id for link in page.goal_links.all()]
        data.update(
            status=page.status,
            status_label=str(page.get_status_display()),
            start_date=page.start_date,
            end_date=page.end_date,
            goals=goals_by_id(ctx, goal_ids),
        )
    elif isinstance(page, AccessibilityStatementPage):
        data.update(
            compliance=page.compliance,
            compliance_label=str(page.get_compliance_display()),
            reviewed_on=page.reviewed_on,
        )
    elif isinstance(page, EventPage):
        data.update(events.summary_fields(ctx, page))
    return data


# Only what the serializers read (see ``snippets.GOAL_FIELDS``): Wagtail's own page
# bookkeeping (revisions, locking, owner, scheduling) is never shown, so never loaded.
UNSHOWN_PAGE_FIELDS = (
    "draft_title",
    "numchild",
    "live",
    "has_unpublished_changes",
    "owner",
    "locked",
    "locked_at",
    "locked_by",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "show_in_menus",
    "alias_of",
)


def unshown_in_summaries(model: type[Page]) -> list[str]:
    """What a list item never shows besides :data:`UNSHOWN_PAGE_FIELDS`: the StreamFields
    (the body, a statement's parts), rich text and the search fields, often most of a
    row's bytes and, for a StreamField, its JSON decoding."""
    shown_long_text = {"intro"}
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.name not in shown_long_text
        and (
            isinstance(field, (StreamField, RichTextField))
            or field.name in ("seo_title", "search_description")
        )
    ]


def summary_queryset(model: type[Page]) -> QuerySet:
    """The model's pages with everything :func:`summary` reads but their link rows,
    which :func:`summary_pages` adds."""
    queryset = model.objects.defer(*UNSHOWN_PAGE_FIELDS, *unshown_in_summaries(model))
    if issubclass(model, NewsPage):
        return join_image(queryset, "image", "thumbnail")
    return queryset


# What summary_pages attaches to each page: its tags as shown, a project's goal ids.
SUMMARY_TAGS = "_kommunnatverk_summary_tags"
SUMMARY_GOAL_IDS = "_kommunnatverk_summary_goal_ids"


def summary_pages(model: type[Page], ids: list[int]) -> list[Page]:
    """The pages of ``ids`` with everything :func:`summary` reads, in a fixed number of
    queries. A news item's tags and a project's goal ids are read as plain values, one
    query for all the pages: as a prefetch, two model instances per tag (its link row
    and the tag) cost a list more than the rest of its items."""
    pages = list(summary_queryset(model).filter(pk__in=ids))
    if not pages:
        return pages
    found: dict[int, list] = {page.pk: [] for page in pages}
    if issubclass(model, NewsPage):
        rows = TaggedNewsPage.objects.filter(content_object_id__in=found).order_by("pk")
        for page_id, name, slug in rows.values_list("content_object_id", "tag__name", "tag__slug"):
            found[page_id].append({"name": name, "slug": slug})
        attribute = SUMMARY_TAGS
    elif issubclass(model, ProjectPage):
        rows = ProjectPageGoal.objects.filter(page_id__in=found).order_by("sort_order", "pk")
        for page_id, goal_id in rows.values_list("page_id", "goal_id"):
            found[page_id].append(goal_id)
        attribute = SUMMARY_GOAL_IDS
    else:
        return pages
    for page in pages:
        page.__dict__[attribute] = found[page.pk]
    return pages


# Details ------------------------------------------------------------------------------


def detail_queryset(model: type[Page]) -> QuerySet:
    """The page itself; :func:`detail` reads its relations (see :func:`detail_pages`)."""
    queryset = model.objects.defer(*UNSHOWN_PAGE_FIELDS)
    if issubclass(model, NetworkPage):
        return queryset.select_related("coordinator__parent")
    if issubclass(model, NewsPage):
        # One image: Wagtail's rendition cache serves it without the query a prefetch costs.
        return queryset.select_related("image")
    return queryset


def detail_prefetches(model: type[Page]) -> tuple:
    if issubclass(model, NetworkPage):
        return (prefetch_image("coordinator__logo", "logo"),)
    return ()


def detail_pages(model: type[Page], ids: list[int]) -> list[Page]:
    """The pages of ``ids`` as :func:`detail` reads them, each with its link rows, read
    in one query (``link_rows``) instead of one per relation. The page's own query is
    compiled once per process and type (``content.prepared``): it depends on nothing
    but the id."""
    query = prepared(
        ("api:detail_page", model), lambda pk: detail_queryset(model).filter(pk=pk).order_by()
    )
    pages = [page for pk in ids for page in query.run(pk, detail_prefetches(model))]
    for page in pages:
        link_rows.attach(page)
    return pages


def translations(ctx: ApiContext, pages: list[Page]) -> list[dict]:
    """Every live, public translation, this page included, for hreflang."""
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


def detail(
    ctx: ApiContext, page: Page, translated: list[Page], fallback: bool, with_status: bool = True
) -> dict:
    """``translated``: the page's public translations (``content.public.public_translations``),
    annotated for ``meta.translation_status`` when ``with_status``; else that is None."""
    status = translation_status(ctx, translated) if with_status else None
    relations = Relations(ctx, page)
    data = {
        **_common(ctx, page, fallback, status),
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "translations": translations(ctx, translated),
        "contact_sidebar": _sidebar(ctx, page),
    }
    if isinstance(page, NetworkPage):
        framework_links = page.framework_links.select_related("framework").only(
            *LINK_FIELDS, *snippets.under("framework", snippets.FRAMEWORK_FIELDS)
        )
        frameworks = localise(
            [link.framework for link in framework_links], ctx.locale.pk, snippets.published
        )
        coordinator = localise([page.coordinator], ctx.locale.pk, snippets.published)
        data.update(
            body=body_blocks(ctx, page.body),
            aims_heading=page.aims_heading,
            aims=[aim.text for aim in page.aims.only(*LINK_FIELDS, "text")],
            frameworks=[snippets.framework(ctx, fw) for fw in frameworks],
            coordinator=snippets.organisation(ctx, coordinator[0]) if coordinator else None,
            partners=relations.organisations("partner_links"),
        )
    elif isinstance(page, GroupPage):
        data.update(
            purpose=rich_text_html(page.purpose),
            participants=page.participants,
            meeting_forms=page.meeting_forms,
            body=body_blocks(ctx, page.body),
            goals=relations.goals("goal_links"),
            members=relations.organisations("member_links"),
        )
    elif isinstance(page, NewsPage):
        data.update(
            date=page.date,
            image=rendition(page.image, "hero", alt=page.image_alt_text),
            body=body_blocks(ctx, page.body),
            tags=relations.tags("tagged_items"),
            groups=relations.pages("group_links", "group"),
            projects=relations.pages("project_links", "project"),
            goals=relations.goals("goal_links"),
            organisations=relations.organisations("organisation_links"),
        )
    elif isinstance(page, ProjectPage):
        data.update(
            status=page.status,
            status_label=str(page.get_status_display()),
            start_date=page.start_date,
            end_date=page.end_date,
            target_group=page.target_group,
            call_for_participants=rich_text_html(page.call_for_participants),
            body=body_blocks(ctx, page.body),
            tags=relations.tags("tagged_items"),
            goals=relations.goals("goal_links"),
            owners=relations.organisations("organisation_links", role="coordinator"),
            funders=relations.organisations("organisation_links", role="funder"),
            partners=relations.organisations("organisation_links", role="partner"),
            groups=relations.pages("group_links", "group"),
        )
    elif isinstance(page, AccessibilityStatementPage):
        data.update(accessibility_statement(ctx, page))
    elif isinstance(page, EventPage):
        data.update(events.detail_fields(ctx, page))
    data["extra"] = site_fields(ctx, page)
    data["json_ld"] = structured_data.from_detail(data, ctx.request)
    return data


def accessibility_statement(ctx: ApiContext, page: AccessibilityStatementPage) -> dict:
    """The statement's own fields: every part DIGG prescribes."""
    return {
        "organisation_name": page.organisation_name,
        "service_name": page.service_name,
        "compliance": page.compliance,
        "compliance_label": str(page.get_compliance_display()),
        "non_compliant": [
            {
                "id": item.id,
                "content": item.value["content"],
                "reason": item.value["reason"],
                "criteria": [
                    {
                        "number": criterion.number,
                        "name": str(criterion.name),
                        "level": criterion.level,
                        "url": criterion.url,
                    }
                    for criterion in wcag.CRITERIA
                    if criterion.number in set(item.value["criteria"] or ())
                ],
                "alternative": item.value["alternative"] or "",
            }
            for item in page.non_compliant
        ],
        "disproportionate_burden": _exempt(page.disproportionate_burden),
        "outside_scope": _exempt(page.outside_scope),
        "assessment_method": page.assessment_method,
        "assessment_method_label": str(page.get_assessment_method_display()),
        "assessment_description": page.assessment_description,
        "assessed_on": page.assessed_on,
        "reviewed_on": page.reviewed_on,
        "feedback": {
            "email": page.feedback_email or None,
            "phone": page.feedback_phone or None,
            "url": safe_url(page.feedback_url),
            "response_time": page.response_time,
        },
        "complaint_url": safe_url(page.complaint_url),
        "body": body_blocks(ctx, page.body),
    }


def _exempt(stream) -> list[dict]:
    return [
        {"id": item.id, "content": item.value["content"], "reason": item.value["reason"]}
        for item in stream
    ]


def _sidebar(ctx: ApiContext, page: Page) -> dict | None:
    """The resolved sidebar, serialised once per content version for every page that
    resolves it alike: it depends on the page's own sidebar, its ancestors (its parent's
    path), its locale and the photo rendition, and every one of them bumps the version.
    Two queries (the chain, the contacts) and their serialising saved on most details."""
    parent_path = page.path[: -Page.steplen]
    key = ("api:sidebar", page.contact_sidebar_id, parent_path, page.locale_id, spec("photo"))

    def build() -> dict | None:
        found = page.resolved_contact_sidebar
        if found is None:
            return None
        return snippets.sidebar(ctx, found, snippets.light_contacts(found.contacts.all()))

    return snapshot.memo(key, build)
