"""Response schemas: every field of the package's own content has a concrete type.

Every field is always sent, so every field is required in the document (a default only
fills it in). Sets that the site decides (its locales, its page models) are marked with
``x-enum`` here and listed when the document is built (``openapi.refine``).
"""

from datetime import date, datetime
from typing import Annotated, Any, Literal, Union

from ninja import Schema as NinjaSchema
from pydantic import ConfigDict, Field

from .enums import LOCALES, NAVIGATION_TYPES, PAGE_MODELS, OrganisationKind, SnippetType


class Schema(NinjaSchema):
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)


LocaleCode = Annotated[str, Field(json_schema_extra={"x-enum": LOCALES})]

PageType = Literal[
    "network",
    "group",
    "news_index",
    "news",
    "project_index",
    "project",
    "accessibility_statement",
    "event_index",
    "event",
]
ProjectStatus = Literal["planned", "recruiting", "ongoing", "completed"]
Compliance = Literal["full", "partial", "none"]
AssessmentMethod = Literal["self_assessment", "third_party"]
EventFormat = Literal["physical", "digital", "hybrid"]
EventStatus = Literal["scheduled", "cancelled", "postponed"]


class ImageRendition(Schema):
    url: str
    width: int
    height: int
    alt: str = Field(
        description="The alternative text. A news item's image and an image block carry the "
        "editor's own for that place, in the page's language, and \"\" when it was left "
        'empty: the image is decorative (render alt=""). Logos and photos carry the '
        "image's description, else its title, from Wagtail's image library."
    )


class Tag(Schema):
    name: str
    slug: str


class FrameworkRef(Schema):
    id: int
    slug: str
    title: str


class Framework(FrameworkRef):
    locale: LocaleCode
    description: str
    url: str


class Goal(Schema):
    id: int
    locale: LocaleCode
    code: str
    title: str
    short_text: str
    colour: str = Field(description="Hex colour, such as #3F7E44.")
    text_colour: Literal["#000000", "#FFFFFF"] = Field(
        description="The colour of text on `colour`: black or white, whichever contrasts "
        "more. Either reaches at least 4.5:1 (WCAG 2.1 1.4.3) on any colour."
    )
    url: str
    framework: FrameworkRef


class OrganisationRef(Schema):
    id: int
    name: str


class Organisation(OrganisationRef):
    locale: LocaleCode
    kind: OrganisationKind
    kind_label: str
    website: str
    short_text: str
    logo: ImageRendition | None
    parent: OrganisationRef | None


class Contact(Schema):
    name: str
    role: str
    organisation: OrganisationRef | None
    email: str | None = Field(description="null when the contact has none.")
    phone: str | None = Field(description="null when the contact has none.")
    photo: ImageRendition | None = Field(description="null when the contact has none.")


class ContactSidebar(Schema):
    id: int
    locale: LocaleCode
    title: str
    text: str
    contacts: list[Contact]


class PageRef(Schema):
    id: int
    type: PageType
    title: str
    url: str | None
    api_url: str


TranslationState = Literal["up_to_date", "outdated", "missing"]


class TranslationProgress(Schema):
    segments: int = Field(
        ge=0,
        description="Text segments of the source: its own, with those of the tags a page carries.",
    )
    translated: int = Field(
        ge=0, description="How many of those segments have a translation in the locale."
    )
    percent: float = Field(
        ge=0, le=100, description="translated as a share of segments, 0–100; 100 with none."
    )


class TranslationStatus(Schema):
    source_locale: LocaleCode = Field(
        description="The locale translations are made from, such as sv."
    )
    locales: dict[LocaleCode, TranslationState] = Field(
        description="Each other locale's state: missing (no live translation); outdated "
        "(the source was published after the translation was last synced, or some of the "
        "source's text, its tags' included, is still untranslated and shown in the source "
        "language); up_to_date (every segment translated and nothing in the source changed "
        "since)."
    )
    progress: dict[LocaleCode, TranslationProgress] = Field(
        description="Each other locale's share of the source's text segments translated, "
        "in wagtail-localize. A missing translation counts 0 translated; a page never sent "
        "to translation has no entry.",
    )


class PageMeta(Schema):
    type: str = Field(
        description="The page's Wagtail model (app label and model name), such as "
        "kommunnatverk.NewsPage, or a site's subclass of it. The page's `type` names its "
        "shape; this names the model, as Wagtail's own API does. `pages/?type=` takes either.",
        json_schema_extra={"x-enum": PAGE_MODELS},
    )
    locale: LocaleCode
    url: str | None = Field(description="Path of the page's HTML, with its locale prefix.")
    html_url: str | None = Field(description="Absolute URL of the page's HTML.")
    api_url: str
    first_published_at: datetime | None
    last_published_at: datetime | None
    fallback: bool = Field(
        description="True when the requested locale had no live translation and this is "
        "the fallback locale's page."
    )
    preview: bool = Field(
        False, description="True for a draft served to a preview token, never cached."
    )
    translation_status: TranslationStatus | None = Field(
        description="How the page's translation in each other locale stands; the same for "
        "the page in every locale. Opt-in: null unless the request has "
        "`translation_status=true` (a preview always has it), and null when the page has no "
        "published page in the source locale."
    )


class Translation(Schema):
    locale: LocaleCode
    id: int
    title: str
    url: str | None
    api_url: str


# StreamField blocks -------------------------------------------------------------------


class HeadingBlock(Schema):
    type: Literal["heading"]
    id: str
    value: str


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    id: str
    value: str = Field(description="Sanitised HTML with internal links resolved.")


class ImageBlockValue(Schema):
    image: ImageRendition | None
    alt_text: str
    caption: str


class ImageBlock(Schema):
    type: Literal["image"]
    id: str
    value: ImageBlockValue


class QuoteBlockValue(Schema):
    text: str
    attribution: str


class QuoteBlock(Schema):
    type: Literal["quote"]
    id: str
    value: QuoteBlockValue


class LinkBlockValue(Schema):
    text: str
    url: str | None
    page: PageRef | None


class LinkBlock(Schema):
    type: Literal["link"]
    id: str
    value: LinkBlockValue


BodyBlock = Annotated[
    Union[HeadingBlock, ParagraphBlock, ImageBlock, QuoteBlock, LinkBlock],  # noqa: UP007
    Field(discriminator="type"),
]


# Page details -------------------------------------------------------------------------


class PageDetailBase(Schema):
    id: int
    title: str
    slug: str
    seo_title: str
    search_description: str
    intro: str
    meta: PageMeta
    translations: list[Translation]
    contact_sidebar: ContactSidebar | None = Field(
        description="The page's own sidebar or its nearest ancestor's, resolved."
    )
    extra: dict[str, Any] = Field(
        default_factory=dict,
        description="Fields a site adds in its own subclass of this page type, by the "
        "names in that subclass's api_fields. Empty for the package's own types.",
    )
    json_ld: dict[str, Any] | None = Field(
        default=None,
        description="schema.org JSON-LD for the page (NewsArticle, Organization for networks "
        "and groups, Project, Event), as the reference templates embed it; null for index pages.",
    )


class NetworkPageDetail(PageDetailBase):
    type: Literal["network"]
    body: list[BodyBlock]
    aims_heading: str
    aims: list[str]
    frameworks: list[Framework]
    coordinator: Organisation | None
    partners: list[Organisation]


class GroupPageDetail(PageDetailBase):
    type: Literal["group"]
    purpose: str
    participants: str
    meeting_forms: str
    body: list[BodyBlock]
    goals: list[Goal]
    members: list[Organisation]


class NewsIndexPageDetail(PageDetailBase):
    type: Literal["news_index"]


class ProjectIndexPageDetail(PageDetailBase):
    type: Literal["project_index"]


class NewsPageDetail(PageDetailBase):
    type: Literal["news"]
    date: date | None
    image: ImageRendition | None
    body: list[BodyBlock]
    tags: list[Tag]
    groups: list[PageRef]
    projects: list[PageRef]
    goals: list[Goal]
    organisations: list[Organisation]


class ProjectPageDetail(PageDetailBase):
    type: Literal["project"]
    status: ProjectStatus
    status_label: str
    start_date: date | None
    end_date: date | None
    target_group: str
    call_for_participants: str
    body: list[BodyBlock]
    tags: list[Tag]
    goals: list[Goal]
    owners: list[Organisation]
    funders: list[Organisation]
    partners: list[Organisation]
    groups: list[PageRef]


class Occurrence(Schema):
    start: datetime = Field(description="In Europe/Stockholm, with its offset.")
    end: datetime | None
    cancelled: bool


class Document(Schema):
    title: str
    url: str


class EventIndexPageDetail(PageDetailBase):
    type: Literal["event_index"]


class EventFields(Schema):
    start: datetime = Field(
        description="The first meeting's start, in Europe/Stockholm with its offset."
    )
    end: datetime | None
    all_day: bool = Field(description="Only the dates of start and end count.")
    format: EventFormat
    format_label: str
    status: EventStatus
    status_label: str
    recurring: bool
    series_end: datetime = Field(
        description="When the last (bounded) occurrence ends: after it, the meeting is past."
    )
    next_occurrence: Occurrence | None = Field(
        description="The first occurrence not yet over; null when all are."
    )
    place_name: str
    group: PageRef | None = Field(description="The organising group.")


class EventPageDetail(EventFields, PageDetailBase):
    type: Literal["event"]
    address: str
    host_organisation: Organisation | None
    online_url: str
    registration_url: str
    registration_deadline: datetime | None
    recurrence: str = Field(description='An RFC 5545 RRULE, such as "FREQ=WEEKLY;COUNT=8"; "".')
    excluded_dates: list[date] = Field(description="Dates the series skips.")
    cancelled_dates: list[date] = Field(description="Dates of the series that are cancelled.")
    occurrences: list[Occurrence] = Field(
        description="Every meeting of the series in order (one for a single meeting), at "
        "most 100 and none more than two years after the first."
    )
    project: PageRef | None
    contact: Contact | None
    agenda: Document | None
    minutes: Document | None
    calendar_url: str | None = Field(description="The meeting's own iCalendar (.ics) file.")
    body: list[BodyBlock]
    tags: list[Tag]
    goals: list[Goal]


class WcagCriterion(Schema):
    number: str = Field(description="The success criterion's number, such as 1.4.3.")
    name: str = Field(description="Its name, in the response's language.")
    level: Literal["A", "AA"]
    url: str = Field(description="The W3C's explanation of the criterion.")


class InaccessibleContent(Schema):
    id: str
    content: str = Field(description="What is not accessible.")
    reason: str = Field(description="Why it is not accessible.")
    criteria: list[WcagCriterion] = Field(description="The WCAG 2.1 criteria it fails.")
    alternative: str = Field(description="The accessible alternative, if any.")


class ExemptContent(Schema):
    id: str
    content: str
    reason: str = Field(description="The grounds for the exemption.")


class FeedbackContact(Schema):
    email: str | None = Field(description="null when the statement gives none.")
    phone: str | None = Field(description="null when the statement gives none.")
    url: str = Field(description="A form for reporting accessibility problems.")
    response_time: str


class AccessibilityStatementPageDetail(PageDetailBase):
    """The accessibility statement (tillgänglighetsredogörelse) that DOS-lagen requires,
    with every part DIGG prescribes."""

    type: Literal["accessibility_statement"]
    organisation_name: str
    service_name: str
    compliance: Compliance = Field(
        description="full, partial or none: helt, delvis or inte förenlig with the law."
    )
    compliance_label: str
    non_compliant: list[InaccessibleContent]
    disproportionate_burden: list[ExemptContent] = Field(
        description="Content exempted as a disproportionate burden (12 § of the law)."
    )
    outside_scope: list[ExemptContent] = Field(
        description="Content outside the scope of the law (9 §)."
    )
    assessment_method: AssessmentMethod
    assessment_method_label: str
    assessment_description: str
    assessed_on: date
    reviewed_on: date
    feedback: FeedbackContact
    complaint_url: str = Field(description="DIGG's form for reporting a lack of accessibility.")
    body: list[BodyBlock]


PageDetail = Annotated[
    Union[  # noqa: UP007
        NetworkPageDetail,
        GroupPageDetail,
        NewsIndexPageDetail,
        NewsPageDetail,
        ProjectIndexPageDetail,
        ProjectPageDetail,
        AccessibilityStatementPageDetail,
        EventIndexPageDetail,
        EventPageDetail,
    ],
    Field(discriminator="type"),
]


# List items ---------------------------------------------------------------------------


class SummaryBase(Schema):
    id: int
    title: str
    slug: str
    intro: str
    meta: PageMeta


class NetworkSummary(SummaryBase):
    type: Literal["network"]


class GroupSummary(SummaryBase):
    type: Literal["group"]


class NewsIndexSummary(SummaryBase):
    type: Literal["news_index"]


class ProjectIndexSummary(SummaryBase):
    type: Literal["project_index"]


class NewsSummary(SummaryBase):
    type: Literal["news"]
    date: date | None
    tags: list[Tag]
    thumbnail: ImageRendition | None


class ProjectSummary(SummaryBase):
    type: Literal["project"]
    status: ProjectStatus
    status_label: str
    start_date: date | None
    end_date: date | None
    goals: list[Goal]


class AccessibilityStatementSummary(SummaryBase):
    type: Literal["accessibility_statement"]
    compliance: Compliance
    compliance_label: str
    reviewed_on: date


class EventIndexSummary(SummaryBase):
    type: Literal["event_index"]


class EventSummary(EventFields, SummaryBase):
    type: Literal["event"]


PageSummary = Annotated[
    Union[  # noqa: UP007
        NetworkSummary,
        GroupSummary,
        NewsIndexSummary,
        NewsSummary,
        ProjectIndexSummary,
        ProjectSummary,
        AccessibilityStatementSummary,
        EventIndexSummary,
        EventSummary,
    ],
    Field(discriminator="type"),
]


class PageList(Schema):
    count: int
    limit: int
    offset: int
    items: list[PageSummary]


class NavigationItem(Schema):
    id: int
    type: str = Field(
        description="The package's type name (network, group, …) as in a page's `type`, or "
        "the model label of a page type that is not the package's, such as home.HomePage.",
        json_schema_extra={"x-enum": NAVIGATION_TYPES},
    )
    title: str
    url: str | None
    api_url: str | None
    fallback: bool
    children: list["NavigationItem"]


class Navigation(Schema):
    locale: LocaleCode
    items: list[NavigationItem]


class FrameworkList(Schema):
    count: int
    items: list[Framework]


class GoalList(Schema):
    count: int
    items: list[Goal]


class OrganisationList(Schema):
    count: int
    items: list[Organisation]


# Previews -----------------------------------------------------------------------------


class SnippetPreviewMeta(Schema):
    type: SnippetType
    locale: LocaleCode
    preview: bool = True


class SnippetPreview(Schema):
    meta: SnippetPreviewMeta
    item: Framework | Goal | Organisation | ContactSidebar = Field(
        description="The snippet in the shape of its published reads."
    )
