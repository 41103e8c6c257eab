"""Builds the demo network from ``demo_content`` and translates it with wagtail-localize.

Idempotent: it creates only what is missing, found by slug in the Swedish tree, and adds
only English string translations that do not exist, so editors' and translators' work
survives a re-run.
"""

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.test.utils import override_settings
from django.utils.text import slugify
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, Site

from kommunnatverk import conf
from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.localisation.agenda2030 import FRAMEWORK_SLUG, load_agenda2030
from kommunnatverk.models import (
    AccessibilityStatementPage,
    Contact,
    ContactSidebar,
    EventIndexPage,
    EventPage,
    Goal,
    GoalFramework,
    GroupPage,
    GroupPageGoal,
    NetworkAim,
    NetworkPage,
    NetworkPageFramework,
    NetworkPagePartner,
    NetworkTag,
    NewsIndexPage,
    NewsPage,
    NewsPageGoal,
    NewsPageGroup,
    NewsPageOrganisation,
    NewsPageProject,
    Organisation,
    ProjectIndexPage,
    ProjectPage,
    ProjectPageGoal,
    ProjectPageGroup,
    ProjectPageOrganisation,
)

from . import demo_content as content
from . import demo_events
from .demo_english import ENGLISH

NETWORK_SLUG = "kommunnatverket"
NEWS_INDEX_SLUG = "nytt-i-natverket"
PROJECT_INDEX_SLUG = "projekt"


class MissingEnglish(Exception):
    """A Swedish demo string has no English in ``demo_english``: a bug in the demo content."""


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    translated: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{len(self.created)} objects created, {len(self.translated)} translations made"


def serve_default_site_at(hostname: str, port: int) -> bool:
    """Give the default Site the host name and port the demo is served at, so its
    absolute URLs (hreflang, the sitemap, the feeds, JSON-LD, the API's ``html_url``)
    lead to it; Wagtail's first Site is localhost:80. True if it changed."""
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.full_clean()
    site.save()
    return True


def in_order(rows: Iterable[Orderable]) -> list:
    """Inline rows with their ``sort_order`` set, as the admin's form sets it: without
    it every row has NULL, and PostgreSQL returns them in no particular order."""
    rows = list(rows)
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows


@contextmanager
def background_work_done_now() -> Iterator[None]:
    """Wagtail's background work (the search index, the reference index) done as each
    save commits, not queued. Otherwise a demo load leaves some 600 tasks for the worker,
    and until it has run them all the search, and the goal chooser's search, find nothing.
    """
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    with override_settings(TASKS={**settings.TASKS, DEFAULT_TASK_BACKEND_ALIAS: immediate}):
        yield


class DemoLoader:
    def __init__(self) -> None:
        self.sv = Locale.objects.get(language_code=conf.get("SOURCE_LOCALE"))
        self.en, _ = Locale.objects.get_or_create(language_code="en")
        self.report = DemoReport()
        self.organisations: dict[str, Organisation] = {}
        self.goals: dict[str, Goal] = {}
        self.groups: dict[str, GroupPage] = {}
        self.projects: dict[str, ProjectPage] = {}
        self.tags: dict[str, NetworkTag] = {}

    # Not one transaction: wagtail-localize publishes each translation on commit, and a
    # parent published late from a stale copy would lose its children (numchild=0).
    def run(self) -> DemoReport:
        load_agenda2030(self.sv, self.en)
        agenda = GoalFramework.objects.get(slug=FRAMEWORK_SLUG, locale=self.sv)
        self.goals = {goal.code: goal for goal in agenda.goals.all()}
        self._organisations()
        frameworks = [agenda, *self._frameworks()]
        sidebar = self._sidebar()
        self._tags()
        network = self._network(frameworks, sidebar)
        self._groups(network)
        news_index = self._index(network, NewsIndexPage, NEWS_INDEX_SLUG, content.NEWS_INDEX_TITLE)
        project_index = self._index(
            network,
            ProjectIndexPage,
            PROJECT_INDEX_SLUG,
            content.PROJECT_INDEX_TITLE,
            content.PROJECT_INDEX_INTRO,
        )
        self._projects(project_index)
        self._news(news_index)
        self._meetings(network)
        self._accessibility_statement(network)
        self._translate_all(network)
        return self.report

    # Snippets -------------------------------------------------------------------------

    def _organisations(self) -> None:
        for item in content.ORGANISATIONS:
            org = Organisation.objects.filter(name=item.name, locale=self.sv).first()
            if org is None:
                org = Organisation(
                    name=item.name,
                    kind=item.kind,
                    website=item.website,
                    short_text=item.short_text,
                    parent=self.organisations.get(item.parent) if item.parent else None,
                    locale=self.sv,
                )
                self._publish_snippet(org)
            self.organisations[item.key] = org

    def _frameworks(self) -> list[GoalFramework]:
        frameworks = []
        for item in content.FRAMEWORKS:
            framework = GoalFramework.objects.filter(slug=item.slug, locale=self.sv).first()
            if framework is None:
                framework = GoalFramework(
                    slug=item.slug,
                    title=item.title,
                    description=item.description,
                    url=item.url,
                    locale=self.sv,
                )
                self._publish_snippet(framework)
            frameworks.append(framework)
        return frameworks

    def _sidebar(self) -> ContactSidebar:
        sidebar = ContactSidebar.objects.filter(
            admin_name=content.SIDEBAR_ADMIN_NAME, locale=self.sv
        ).first()
        if sidebar is None:
            sidebar = ContactSidebar(
                admin_name=content.SIDEBAR_ADMIN_NAME,
                title=content.SIDEBAR_TITLE,
                text=content.SIDEBAR_TEXT,
                locale=self.sv,
            )
            coordinator = self.organisations["energikontor-vast"]
            for name in content.CONTACTS:
                sidebar.contacts.add(
                    Contact(name=name, role=content.CONTACT_ROLE, organisation=coordinator)
                )
            self._publish_snippet(sidebar)
        return sidebar

    def _tags(self) -> None:
        names = {tag for item in [*content.NEWS, *content.PROJECTS] for tag in item.tags}
        for name in sorted(names):
            tag = NetworkTag.objects.filter(name=name, locale=self.sv).first()
            if tag is None:
                tag = NetworkTag.objects.create(name=name, slug=slugify(name), locale=self.sv)
                self.report.created.append(str(tag))
            self.tags[name] = tag

    # Pages ----------------------------------------------------------------------------

    def _network(self, frameworks, sidebar) -> NetworkPage:
        site = Site.objects.get(is_default_site=True)
        existing = NetworkPage.objects.filter(slug=NETWORK_SLUG, locale=self.sv).first()
        if existing is not None:
            return existing
        page = NetworkPage(
            title=content.NETWORK_TITLE,
            slug=NETWORK_SLUG,
            intro=content.NETWORK_INTRO,
            body=[("paragraph", f"<p>{text}</p>") for text in content.NETWORK_BODY],
            aims_heading=content.AIMS_HEADING,
            coordinator=self.organisations["energikontor-vast"],
            contact_sidebar=sidebar,
        )
        page.aims = in_order(NetworkAim(text=text) for text in content.AIMS)
        page.framework_links = in_order(NetworkPageFramework(framework=f) for f in frameworks)
        page.partner_links = in_order(
            NetworkPagePartner(organisation=self.organisations[key])
            for key in ("innovatum", "lansstyrelsen", "vgr")
        )
        # The example site shows the network at its root; any other site keeps its home page.
        starter = site.root_page.specific
        replaces_welcome_page = type(starter) is Page and not starter.get_children().exists()
        parent = Page.get_first_root_node() if replaces_welcome_page else site.root_page
        self._add_page(parent, page)
        if replaces_welcome_page:
            site.root_page = page
            site.save()
            starter.delete()
        return page

    def _groups(self, network: NetworkPage) -> None:
        for item in content.GROUPS:
            page = self._existing_child(network, GroupPage, item.slug)
            if page is None:
                page = GroupPage(
                    title=item.title,
                    slug=item.slug,
                    intro=item.intro,
                    participants=item.participants,
                    meeting_forms=content.MEETING_FORMS,
                    show_in_menus=True,
                )
                page.goal_links = in_order(GroupPageGoal(goal=self.goals[c]) for c in item.goals)
                self._add_page(network, page)
            self.groups[item.slug] = page

    def _index(self, network, model, slug: str, title: str, intro: str = ""):
        page = self._existing_child(network, model, slug)
        if page is None:
            page = model(title=title, slug=slug, intro=intro, show_in_menus=True)
            page = self._add_page(network, page)
        return page

    def _projects(self, index: ProjectIndexPage) -> None:
        for item in content.PROJECTS:
            page = self._existing_child(index, ProjectPage, item.slug)
            if page is None:
                page = ProjectPage(
                    title=item.title,
                    slug=item.slug,
                    status=item.status,
                    intro=item.intro,
                    target_group=item.target_group,
                    call_for_participants=(
                        f"<p>{item.call_for_participants}</p>" if item.call_for_participants else ""
                    ),
                    body=[("paragraph", f"<p>{text}</p>") for text in item.body],
                )
                links = [
                    ProjectPageOrganisation(organisation=self.organisations[key], role=role)
                    for role, keys in (
                        ("coordinator", (item.owner,) if item.owner else ()),
                        ("funder", item.funders),
                        ("partner", item.partners),
                    )
                    for key in keys
                ]
                page.organisation_links = in_order(links)
                page.goal_links = in_order(ProjectPageGoal(goal=self.goals[c]) for c in item.goals)
                page.group_links = in_order(
                    ProjectPageGroup(group=self.groups[g]) for g in item.groups
                )
                page.tags.add(*(self.tags[t] for t in item.tags))
                self._add_page(index, page)
            self.projects[item.slug] = page

    def _news(self, index: NewsIndexPage) -> None:
        for item in content.NEWS:
            if self._existing_child(index, NewsPage, item.slug) is not None:
                continue
            body = [("paragraph", f"<p>{text}</p>") for text in item.body]
            if item.link:
                text, url = item.link
                body.append(("link", {"text": text, "page": None, "url": url}))
            page = NewsPage(title=item.title, slug=item.slug, intro=item.intro, body=body)
            if item.image:
                page.image = self._image(item.image)
                page.image_alt_text = item.image.alt_text
            page.goal_links = [NewsPageGoal(goal=self.goals[c]) for c in item.goals]
            page.organisation_links = [
                NewsPageOrganisation(organisation=self.organisations[k]) for k in item.organisations
            ]
            page.group_links = [NewsPageGroup(group=self.groups[g]) for g in item.groups]
            page.project_links = [NewsPageProject(project=self.projects[p]) for p in item.projects]
            page.tags.add(*(self.tags[t] for t in item.tags))
            self._add_page(index, page)

    def _meetings(self, network: NetworkPage) -> None:
        """One example meeting per group (``demo_events``), dated from today."""
        index = self._index(
            network,
            EventIndexPage,
            demo_events.INDEX_SLUG,
            demo_events.INDEX_TITLE,
            demo_events.INDEX_INTRO,
        )
        today = datetime.datetime.now(demo_events.TIME_ZONE).date()
        for item in demo_events.MEETINGS:
            if self._existing_child(index, EventPage, item.slug) is not None:
                continue
            page = EventPage(group=self.groups[item.group], **demo_events.fields(item, today))
            page.clean()  # the validation an editor meets
            self._add_page(index, page)

    def _accessibility_statement(self, network: NetworkPage) -> None:
        """The statement DOS-lagen asks for, telling the truth about the demo."""
        if self._existing_child(network, AccessibilityStatementPage, content.STATEMENT_SLUG):
            return
        assessed = datetime.date.fromisoformat(content.STATEMENT_ASSESSED_ON)
        page = AccessibilityStatementPage(
            title=content.STATEMENT_TITLE,
            slug=content.STATEMENT_SLUG,
            intro=content.STATEMENT_INTRO,
            organisation_name=content.STATEMENT_ORGANISATION,
            service_name=content.STATEMENT_SERVICE,
            compliance=AccessibilityStatementPage.Compliance.PARTIAL,
            non_compliant=[
                (
                    "item",
                    {
                        "content": item.content,
                        "reason": item.reason,
                        "criteria": list(item.criteria),
                        "alternative": item.alternative,
                    },
                )
                for item in content.STATEMENT_NON_COMPLIANT
            ],
            assessment_method=AccessibilityStatementPage.Method.SELF_ASSESSMENT,
            assessment_description=content.STATEMENT_ASSESSMENT,
            assessed_on=assessed,
            reviewed_on=assessed,
            feedback_url=content.STATEMENT_FEEDBACK_URL,
        )
        self._add_page(network, page)

    # Translation ----------------------------------------------------------------------

    def _translate_all(self, network: NetworkPage) -> None:
        """Snippets first, then pages from the top down, as wagtail-localize needs."""
        snippets = [
            *Organisation.objects.filter(locale=self.sv).order_by("parent_id", "pk"),
            *GoalFramework.objects.filter(locale=self.sv).exclude(slug=FRAMEWORK_SLUG),
            *NetworkTag.objects.filter(locale=self.sv, pk__in=[t.pk for t in self.tags.values()]),
            *ContactSidebar.objects.filter(admin_name=content.SIDEBAR_ADMIN_NAME, locale=self.sv),
        ]
        # Parents before children so an organisation's parent is translated first.
        snippets.sort(key=lambda obj: isinstance(obj, Organisation) and obj.parent_id is not None)
        for obj in snippets:
            self._translate(obj)
        for page in Page.objects.descendant_of(network, inclusive=True).order_by("path").specific():
            self._translate(page)

    def _translate(self, obj) -> None:
        if obj.get_translation_or_none(self.en) is not None:
            return
        result = translate_with_strings(obj, self.en, ENGLISH)
        if result.missing_strings:
            raise MissingEnglish(f"{obj!r} lacks English for: {result.missing_strings}")
        self.report.translated.append(str(result.instance))

    # Helpers --------------------------------------------------------------------------

    def _image(self, item: content.DemoImage):
        """The demo's picture, drawn once: a glass of water on a pale blue background."""
        model = get_image_model()
        image = model.objects.filter(title=item.title).first()
        if image is None:
            picture = PillowImage.new("RGB", (1200, 800), "#e3eff5")
            draw = ImageDraw.Draw(picture)
            draw.polygon([(470, 690), (730, 690), (790, 360), (410, 360)], fill="#5aaee0")
            draw.line([(410, 360), (790, 360)], fill="#8cc8ec", width=10)
            draw.line([(380, 190), (470, 690), (730, 690), (820, 190)], fill="#44555d", width=12)
            buffer = BytesIO()
            picture.save(buffer, "PNG")
            image = model.objects.create(
                title=item.title, file=ImageFile(buffer, name=item.file_name)
            )
            self.report.created.append(item.title)
        return image

    def _existing_child(self, parent: Page, model, slug: str):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def _add_page(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(page.title)
        return page

    def _publish_snippet(self, obj) -> None:
        obj.full_clean()
        obj.save()
        obj.save_revision().publish()
        self.report.created.append(str(obj))
