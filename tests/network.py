"""The test network: a compact network in Swedish with its English translation, built
once per test session with the factories (``conftest.django_db_setup``).

It has what the tests use and little else: the Agenda 2030 goals from the package's own
loader, two more goal frameworks, six organisations, one contact sidebar, tags, and a
network page at the root of the default site with three groups, a news index with three
news items and a project index with two projects, linked to each other as a real network's
are. Every Swedish object is translated into English through wagtail-localize
(``translate_with_strings``), so the English tree is complete and up to date.

Tests reach the objects through the ``network`` fixture (a :class:`TestNetwork` read
afresh from the database for each test) or by the Swedish names and slugs below.
"""

from collections import defaultdict
from dataclasses import dataclass, fields

from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.models import (
    Contact,
    ContactSidebar,
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

from . import factories

# Slugs the tests name.
NETWORK = "kommunnatverket"
ENVIRONMENT_GROUP = "miljostrategigruppen"
NATURE_GROUP = "naturvardsgruppen"
TRADE_GROUP = "rattvis-och-etisk-handel-gruppen"
NEWS_INDEX = "nytt-i-natverket"
PROJECT_INDEX = "projekt"
JOBS_NEWS = "fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal"
WATER_DAY = "internationella-vattendagen-22-mars"
SCHOOL_NEWS = "hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande"
SMALL_MUNICIPALITIES = "mindre-kommuners-miljomalsarbete"
SCHOOL_PROJECT = "hallbart-resande-i-skolan"

AIMS = [
    "Driva tre grupper för kommunernas hållbarhetsarbete.",
    "Ge tillgång till nätverk och projekt inom energi och hållbarhet.",
    "Stärka samverkan med länsstyrelsen och regionen.",
]
NETWORK_BODY = [
    "Nätverket växlar upp den enskilda kommunens resurser i miljöarbetet.",
    "Nätverket samordnas av Energikontor Väst.",
]

# English for every Swedish string of the test network, keyed by the Swedish text.
ENGLISH: dict[str, str] = {
    # Organisations
    "Innovatum": "Innovatum",
    "Energikontor Väst": "Energikontor Väst",
    "Samordnar kommunnätverket.": "Coordinates the municipal network.",
    "Länsstyrelsen i Västra Götaland": "County Administrative Board of Västra Götaland",
    "Energimyndigheten": "Swedish Energy Agency",
    "Hållbar utveckling Väst": "Hållbar utveckling Väst (Sustainable Development West)",
    "Skaraborgs kommunalförbund": "Skaraborg Association of Local Authorities",
    # Goal frameworks (Agenda 2030 comes translated from the goal loader)
    "Klimat 2030": "Klimat 2030",
    "Västra Götaland ställer om.": "Västra Götaland in transition.",
    "Utmaningar för ett hållbart Västra Götaland": "Challenges for a Sustainable Västra Götaland",
    # Tags (name and slug)
    "miljömål": "environmental objectives",
    "miljomal": "environmental-objectives",
    "ekonomi": "economy",
    "vatten": "water",
    "hållbart resande": "sustainable travel",
    "hallbart-resande": "sustainable-travel",
    "skola": "school",
    # Contact sidebar
    "Kommunnätverkets kontakter": "The municipal network's contacts",
    "Kontakt": "Contact",
    "Vill du veta mer? Kontakta Maj-Liz eller Maria.": (
        "Want to know more? Contact Maj-Liz or Maria."
    ),
    "Kontaktperson för kommunnätverket": "Contact person for the municipal network",
    # The network page
    "Kommunnätverket för hållbar utveckling": "The Municipal Network for Sustainable Development",
    NETWORK: "municipal-network",
    "Nätverket stärker kommunernas arbete för hållbar utveckling.": (
        "The network strengthens the municipalities' work for sustainable development."
    ),
    NETWORK_BODY[0]: "The network multiplies each municipality's resources in environmental work.",
    NETWORK_BODY[1]: "The network is coordinated by Energikontor Väst.",
    "Syfte och mål med nätverket": "Purpose and aims of the network",
    AIMS[0]: "To run three groups for the municipalities' sustainability work.",
    AIMS[1]: "To give access to networks and projects in energy and sustainability.",
    AIMS[2]: "To strengthen cooperation with the county board and the region.",
    # Groups
    "Miljöstrategigruppen": "Environmental Strategy Group",
    ENVIRONMENT_GROUP: "environmental-strategy-group",
    "Samverkan kring kommunernas strategiska miljöarbete.": (
        "Cooperation on the municipalities' strategic environmental work."
    ),
    "Miljö- och hållbarhetsstrateger.": "Environmental and sustainability strategists.",
    "Naturvårdsgruppen": "Nature Conservation Group",
    NATURE_GROUP: "nature-conservation-group",
    "Samverkan kring kommunernas naturvårdsarbete.": (
        "Cooperation on the municipalities' nature conservation work."
    ),
    "Kommunekologer och biologer.": "Municipal ecologists and biologists.",
    "Rättvis och etisk handel-gruppen": "Fair and Ethical Trade Group",
    TRADE_GROUP: "fair-and-ethical-trade-group",
    "Erfarenheter av rättvis och etisk handel.": "Experience of fair and ethical trade.",
    "Fairtrade-samordnare.": "Fairtrade coordinators.",
    "Fysiska och digitala möten.": "Physical and digital meetings.",
    # Indexes
    "Nytt i nätverket": "News from the network",
    NEWS_INDEX: "news",
    "Projekt": "Projects",
    PROJECT_INDEX: "projects",
    "Projekt inom och kring nätverket.": "Projects within and around the network.",
    # Projects
    "Mindre kommuners miljömålsarbete på affärsmässiga villkor": (
        "Smaller municipalities' work on environmental objectives on business terms"
    ),
    SMALL_MUNICIPALITIES: "smaller-municipalities-environmental-objectives",
    "Metoder som stärker mindre kommuners miljöarbete.": (
        "Methods that strengthen smaller municipalities' environmental work."
    ),
    "Mindre kommuner.": "Smaller municipalities.",
    "Hållbart resande i skolan": "Sustainable travel in school",
    SCHOOL_PROJECT: "sustainable-travel-in-school",
    "En metod för transportfrågor i skolundervisningen.": (
        "A method for transport issues in teaching."
    ),
    "Högstadieklasser och pedagoger.": "Lower secondary classes and teachers.",
    "Vi söker fem pilotklasser på högstadienivå.": (
        "We are looking for five pilot classes in lower secondary school."
    ),
    "Projektet finansieras av Energimyndigheten.": (
        "The project is funded by the Swedish Energy Agency."
    ),
    # News
    "Fler jobb och bättre ekonomi genom kommunala miljömål": (
        "More jobs and a better economy through municipal environmental objectives"
    ),
    JOBS_NEWS: "more-jobs-and-a-better-economy-through-municipal-environmental-objectives",
    "Kan miljömålsarbete ge fler arbetstillfällen?": (
        "Can work on environmental objectives create more jobs?"
    ),
    "Hållbar utveckling Väst driver projektet med Skaraborgs kommunalförbund.": (
        "Hållbar utveckling Väst runs the project with the Skaraborg Association of Local "
        "Authorities."
    ),
    "Internationella vattendagen – 22 mars": "World Water Day – 22 March",
    WATER_DAY: "world-water-day-22-march",
    "Den 22 mars är det internationella vattendagen.": "22 March is World Water Day.",
    "Vårt kranvatten är den mest miljövänliga dryck som finns.": (
        "Our tap water is the most environmentally friendly drink there is."
    ),
    "Läs mer om vattendagen": "Read more about World Water Day",
    "Högstadieklasser sökes till nytt projekt om hållbart resande": (
        "Lower secondary classes wanted for a new project on sustainable travel"
    ),
    SCHOOL_NEWS: "lower-secondary-classes-wanted-for-sustainable-travel-project",
    "HUV startar ett skolprojekt om transportfrågor.": (
        "HUV is starting a school project on transport issues."
    ),
    "Vi söker pilotklasser och pedagoger. Projektet finansieras av Energimyndigheten.": (
        "We are looking for pilot classes and teachers. The project is funded by the Swedish "
        "Energy Agency."
    ),
}


class MissingEnglish(Exception):
    """A Swedish string of the test network has no English in ``ENGLISH``."""


@dataclass
class TestNetwork:
    """The test network's Swedish objects (``english(obj)`` gives the English)."""

    page: NetworkPage
    groups: dict[str, GroupPage]  # by slug
    news_index: NewsIndexPage
    news: dict[str, NewsPage]  # by slug
    project_index: ProjectIndexPage
    projects: dict[str, ProjectPage]  # by slug
    organisations: dict[str, Organisation]  # by name
    frameworks: dict[str, GoalFramework]  # by slug, Agenda 2030 included
    goals: dict[str, Goal]  # Agenda 2030's, by code
    sidebar: ContactSidebar
    tags: dict[str, NetworkTag]  # by name

    __test__ = False  # not a test class, for pytest

    @property
    def water_day(self) -> NewsPage:
        return self.news[WATER_DAY]

    @staticmethod
    def english(obj):
        return obj.get_translation(Locale.objects.get(language_code="en"))

    def fresh(self) -> "TestNetwork":
        """The same objects read again from the database (a query per model): what a test
        changes in memory never reaches the next test."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        wanted = defaultdict(set)
        for value in values.values():
            for obj in value.values() if isinstance(value, dict) else [value]:
                wanted[type(obj)].add(obj.pk)
        read = {model: model.objects.in_bulk(pks) for model, pks in wanted.items()}

        def again(obj):
            return read[type(obj)][obj.pk]

        return TestNetwork(
            **{
                name: {k: again(v) for k, v in value.items()}
                if isinstance(value, dict)
                else again(value)
                for name, value in values.items()
            }
        )


class _Builder:
    def __init__(self) -> None:
        self.sv = Locale.objects.get(language_code="sv")
        self.en, _ = Locale.objects.get_or_create(language_code="en")

    def build(self) -> TestNetwork:
        call_command("kommunnatverk_load_goals", verbosity=0)  # with English: "en" exists
        agenda = GoalFramework.objects.get(slug="agenda-2030", locale=self.sv)
        self.goals = {goal.code: goal for goal in agenda.goals.all()}
        orgs = self.organisations()
        frameworks = {"agenda-2030": agenda, **self.frameworks()}
        sidebar = factories.ContactSidebarFactory(
            admin_name="Kommunnätverkets kontakter",
            title="Kontakt",
            text="Vill du veta mer? Kontakta Maj-Liz eller Maria.",
            contacts=[
                Contact(
                    name=name,
                    role="Kontaktperson för kommunnätverket",
                    organisation=orgs["Energikontor Väst"],
                    email=email,
                    phone=phone,
                )
                for name, email, phone in (
                    ("Maj-Liz", "maj-liz@example.org", "0521-27 50 00"),
                    ("Maria", "maria@example.org", ""),
                )
            ],
        )
        names = ("miljömål", "ekonomi", "vatten", "hållbart resande", "skola")
        tags = {name: factories.NetworkTagFactory(name=name) for name in names}
        page = self.network_page(list(frameworks.values()), orgs, sidebar)
        groups = self.groups(page)
        news_index = factories.NewsIndexPageFactory(
            parent=page, title="Nytt i nätverket", slug=NEWS_INDEX, show_in_menus=True
        )
        project_index = factories.ProjectIndexPageFactory(
            parent=page,
            title="Projekt",
            slug=PROJECT_INDEX,
            intro="Projekt inom och kring nätverket.",
            show_in_menus=True,
        )
        projects = self.projects(project_index, orgs, groups, tags)
        news = self.news(news_index, orgs, groups, projects, tags)
        network = TestNetwork(
            page=page,
            groups=groups,
            news_index=news_index,
            news=news,
            project_index=project_index,
            projects=projects,
            organisations=orgs,
            frameworks=frameworks,
            goals=self.goals,
            sidebar=sidebar,
            tags=tags,
        )
        self.translate(network)
        return network.fresh()

    # Snippets -----------------------------------------------------------------------------

    def organisations(self) -> dict[str, Organisation]:
        make = factories.OrganisationFactory
        innovatum = make(name="Innovatum", kind="other", website="https://www.innovatum.se/")
        orgs = [
            innovatum,
            make(
                name="Energikontor Väst",
                kind="energy_agency",
                website="https://www.energikontorvast.se/",
                short_text="Samordnar kommunnätverket.",
                parent=innovatum,
            ),
            make(name="Länsstyrelsen i Västra Götaland", kind="county_board"),
            make(
                name="Energimyndigheten",
                kind="authority",
                website="https://www.energimyndigheten.se/",
            ),
            make(name="Hållbar utveckling Väst", kind="non_profit"),
            make(name="Skaraborgs kommunalförbund", kind="municipal_association"),
        ]
        return {org.name: org for org in orgs}

    def frameworks(self) -> dict[str, GoalFramework]:
        klimat = factories.GoalFrameworkFactory(
            slug="klimat-2030",
            title="Klimat 2030",
            description="Västra Götaland ställer om.",
            url="https://klimat2030.se/",
        )
        challenges = factories.GoalFrameworkFactory(
            slug="utmaningar-for-ett-hallbart-vastra-gotaland",
            title="Utmaningar för ett hållbart Västra Götaland",
        )
        return {klimat.slug: klimat, challenges.slug: challenges}

    # Pages --------------------------------------------------------------------------------

    def network_page(self, frameworks, orgs, sidebar) -> NetworkPage:
        """The network at the root of the default site, in place of Wagtail's welcome page."""
        site = Site.objects.get(is_default_site=True)
        welcome = site.root_page
        page = factories.NetworkPageFactory(
            title="Kommunnätverket för hållbar utveckling",
            slug=NETWORK,
            intro="Nätverket stärker kommunernas arbete för hållbar utveckling.",
            body=[("paragraph", f"<p>{text}</p>") for text in NETWORK_BODY],
            aims_heading="Syfte och mål med nätverket",
            aims=[NetworkAim(text=text) for text in AIMS],
            framework_links=[NetworkPageFramework(framework=f) for f in frameworks],
            coordinator=orgs["Energikontor Väst"],
            partner_links=[
                NetworkPagePartner(organisation=orgs[name])
                for name in ("Innovatum", "Länsstyrelsen i Västra Götaland")
            ],
            contact_sidebar=sidebar,
        )
        site.root_page = page
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
        return page

    def groups(self, network: NetworkPage) -> dict[str, GroupPage]:
        groups = {}
        for slug, title, intro, participants, goals in (
            (
                ENVIRONMENT_GROUP,
                "Miljöstrategigruppen",
                "Samverkan kring kommunernas strategiska miljöarbete.",
                "Miljö- och hållbarhetsstrateger.",
                ("11", "13"),
            ),
            (
                NATURE_GROUP,
                "Naturvårdsgruppen",
                "Samverkan kring kommunernas naturvårdsarbete.",
                "Kommunekologer och biologer.",
                ("14", "15"),
            ),
            (
                TRADE_GROUP,
                "Rättvis och etisk handel-gruppen",
                "Erfarenheter av rättvis och etisk handel.",
                "Fairtrade-samordnare.",
                ("8", "12"),
            ),
        ):
            groups[slug] = factories.GroupPageFactory(
                parent=network,
                title=title,
                slug=slug,
                intro=intro,
                participants=participants,
                meeting_forms="Fysiska och digitala möten.",
                goal_links=[GroupPageGoal(goal=self.goals[code]) for code in goals],
                show_in_menus=True,
            )
        return groups

    def projects(self, index, orgs, groups, tags) -> dict[str, ProjectPage]:
        def links(**roles):
            return [
                ProjectPageOrganisation(organisation=orgs[name], role=role)
                for role, names in roles.items()
                for name in names
            ]

        small = factories.ProjectPageFactory(
            parent=index,
            title="Mindre kommuners miljömålsarbete på affärsmässiga villkor",
            slug=SMALL_MUNICIPALITIES,
            status="ongoing",
            intro="Metoder som stärker mindre kommuners miljöarbete.",
            target_group="Mindre kommuner.",
            organisation_links=links(
                coordinator=["Hållbar utveckling Väst"], partner=["Skaraborgs kommunalförbund"]
            ),
            goal_links=[ProjectPageGoal(goal=self.goals[code]) for code in ("8", "13")],
            group_links=[ProjectPageGroup(group=groups[ENVIRONMENT_GROUP])],
            tags=[tags["miljömål"], tags["ekonomi"]],
        )
        school = factories.ProjectPageFactory(
            parent=index,
            title="Hållbart resande i skolan",
            slug=SCHOOL_PROJECT,
            status="recruiting",
            intro="En metod för transportfrågor i skolundervisningen.",
            target_group="Högstadieklasser och pedagoger.",
            call_for_participants="<p>Vi söker fem pilotklasser på högstadienivå.</p>",
            body=[("paragraph", "<p>Projektet finansieras av Energimyndigheten.</p>")],
            organisation_links=links(
                coordinator=["Hållbar utveckling Väst"], funder=["Energimyndigheten"]
            ),
            goal_links=[ProjectPageGoal(goal=self.goals[code]) for code in ("4", "11", "13")],
            tags=[tags["hållbart resande"], tags["skola"]],
        )
        return {small.slug: small, school.slug: school}

    def news(self, index, orgs, groups, projects, tags) -> dict[str, NewsPage]:
        def paragraphs(*texts):
            return [("paragraph", f"<p>{text}</p>") for text in texts]

        def goal_links(*codes):
            return [NewsPageGoal(goal=self.goals[code]) for code in codes]

        def organisation_links(*names):
            return [NewsPageOrganisation(organisation=orgs[name]) for name in names]

        jobs = factories.NewsPageFactory(
            parent=index,
            title="Fler jobb och bättre ekonomi genom kommunala miljömål",
            slug=JOBS_NEWS,
            intro="Kan miljömålsarbete ge fler arbetstillfällen?",
            body=paragraphs(
                "Hållbar utveckling Väst driver projektet med Skaraborgs kommunalförbund."
            ),
            goal_links=goal_links("8", "13"),
            organisation_links=organisation_links(
                "Hållbar utveckling Väst", "Skaraborgs kommunalförbund"
            ),
            group_links=[NewsPageGroup(group=groups[ENVIRONMENT_GROUP])],
            project_links=[NewsPageProject(project=projects[SMALL_MUNICIPALITIES])],
            tags=[tags["miljömål"], tags["ekonomi"]],
        )
        water = factories.NewsPageFactory(
            parent=index,
            title="Internationella vattendagen – 22 mars",
            slug=WATER_DAY,
            intro="Den 22 mars är det internationella vattendagen.",
            body=[
                *paragraphs("Vårt kranvatten är den mest miljövänliga dryck som finns."),
                (
                    "link",
                    {
                        "text": "Läs mer om vattendagen",
                        "page": None,
                        "url": "https://www.un.org/en/observances/water-day",
                    },
                ),
            ],
            goal_links=goal_links("6", "12"),
            organisation_links=organisation_links("Hållbar utveckling Väst"),
            tags=[tags["vatten"]],
        )
        school = factories.NewsPageFactory(
            parent=index,
            title="Högstadieklasser sökes till nytt projekt om hållbart resande",
            slug=SCHOOL_NEWS,
            intro="HUV startar ett skolprojekt om transportfrågor.",
            body=paragraphs(
                "Vi söker pilotklasser och pedagoger. Projektet finansieras av Energimyndigheten."
            ),
            goal_links=goal_links("4", "11", "13"),
            organisation_links=organisation_links("Hållbar utveckling Väst", "Energimyndigheten"),
            project_links=[NewsPageProject(project=projects[SCHOOL_PROJECT])],
            tags=[tags["hållbart resande"], tags["skola"]],
        )
        return {page.slug: page for page in (jobs, water, school)}

    # English ------------------------------------------------------------------------------

    def translate(self, network: TestNetwork) -> None:
        """Snippets first (a parent organisation before its children), then the pages from
        the top down, as wagtail-localize needs."""
        orgs = sorted(network.organisations.values(), key=lambda org: org.parent_id is not None)
        frameworks = [f for slug, f in network.frameworks.items() if slug != "agenda-2030"]
        for obj in [*orgs, *frameworks, *network.tags.values(), network.sidebar]:
            self._translate(obj)
        for page in Page.objects.descendant_of(network.page, inclusive=True).order_by("path"):
            self._translate(page.specific)

    def _translate(self, obj) -> None:
        result = translate_with_strings(obj, self.en, ENGLISH)
        if result.missing_strings:
            raise MissingEnglish(f"{obj!r} lacks English for: {result.missing_strings}")


def build() -> TestNetwork:
    """Build the test network in a database that holds only what migrations made."""
    return _Builder().build()


def clear() -> None:
    """Take the test network away, as if it had never been built: the default site's root
    is Wagtail's welcome page again, and of the content only Agenda 2030 stays (the goal
    loader would make it the same). The example site's demo loads into that."""
    from wagtail_localize.models import TranslationSource

    sv = Locale.objects.get(language_code="sv")
    root = Page.get_first_root_node()
    welcome = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=sv)
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = welcome
    site.save()
    for page in root.get_children().exclude(pk=welcome.pk).specific():
        page.delete()
    ContactSidebar.objects.all().delete()
    NetworkTag.objects.all().delete()
    while Organisation.objects.exists():
        Organisation.objects.filter(children__isnull=True).delete()
    GoalFramework.objects.exclude(slug="agenda-2030").delete()
    agenda = [*GoalFramework.objects.all(), *Goal.objects.all()]
    TranslationSource.objects.exclude(
        object_id__in={obj.translation_key for obj in agenda}
    ).delete()
