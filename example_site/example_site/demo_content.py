"""The network's own page, "Om nätverket", as demo content: Swedish in its own words,
with the English translation written for it.

Every Swedish string maps to its English translation in ``ENGLISH``; the loader feeds that
map to wagtail-localize, segment by segment.
"""

from dataclasses import dataclass, field

NETWORK_TITLE = "Kommunnätverket för hållbar utveckling"

NETWORK_INTRO = (
    "Kommunnätverket för hållbar utveckling syftar till att stärka och utveckla kommunernas "
    "arbete inom hållbarhetsområdet. Fokus ligger på strategiskt miljö- och naturvårdsarbete "
    "samt rättvis och etisk handel kopplat till: de globala hållbarhetsmålen i Agenda 2030, "
    "Klimat 2030 samt åtgärdsprogrammet Utmaningar för ett hållbart Västra Götaland."
)

NETWORK_BODY = [
    "Det övergripande syftet för Kommunnätverket för hållbar utveckling är att växla upp den "
    "enskilda kommunens resurser och ge större utväxling av insatser inom miljö- och "
    "hållbarhetsarbetet.",
    "Kommunnätverket organiseras i dagsläget i tre grupper: Miljöstrategigruppen, "
    "Naturvårdsgruppen och Rättvis och etisk handel-gruppen. Kommunnätverket utgör en "
    "plattform för kompetensutveckling, erfarenhetsöverföring och samverkan mellan deltagande "
    "kommuner. Detta sker genom fysiska och digitala möten med medverkande miljö- och "
    "hållbarhetsstrateger, kommunekologer/biologer, Fairtrade-samordnare och andra relevanta "
    "tjänstepersonsgrupper.",
    "Nätverket samordnas av Energikontor Väst, det regionala energikontoret för Västra "
    "Götaland som är en del av Innovatum.",
    "Vill du veta mer? Kontakta Maj-Liz eller Maria, kontaktuppgifter till höger.",
]

AIMS_HEADING = "Syfte och mål med kommunnätverket för hållbar utveckling"

AIMS = [
    "Driva tre grupper inom områdena: miljöstrategiskt arbete, naturvård samt rättvis och "
    "etisk handel.",
    "Ge tillgång till bred kompetens och stor erfarenhet inom hållbar utveckling hos "
    "medverkande kommunerna för relevanta tjänstepersonsgrupper.",
    "Ge möjligheter till utveckling och samverkan kring det övergripande strategiska "
    "miljöarbetet och det lokala miljömålsarbetet hos kommunerna.",
    "Ge möjligheter till utveckling och samverkan kring det övergripande strategiska och det "
    "lokala naturvårdsarbetet hos kommunerna.",
    "Ge möjligheter till kompetens- och erfarenhetsöverföring inom rättvis och etisk handel "
    "hos kommunerna.",
    "Ge tillgång till de nätverk och projekt som finns inom energi- och hållbarhetsområdet på "
    "Energikontor Väst och Innovatum.",
    "Underlätta och stärka samverkan med andra relevanta aktörer som Länsstyrelsen i Västra "
    "Götaland och Västra Götalandsregionen.",
]


@dataclass(frozen=True)
class DemoOrganisation:
    key: str
    name: str
    kind: str
    website: str = ""
    short_text: str = ""
    parent: str | None = None


ORGANISATIONS = [
    DemoOrganisation(
        "innovatum",
        "Innovatum",
        "other",
        "https://www.innovatum.se/",
        "Innovatum i Trollhättan, som Energikontor Väst är en del av.",
    ),
    DemoOrganisation(
        "energikontor-vast",
        "Energikontor Väst",
        "energy_agency",
        "https://www.energikontorvast.se/",
        "Det regionala energikontoret för Västra Götaland. Samordnar kommunnätverket.",
        parent="innovatum",
    ),
    DemoOrganisation(
        "lansstyrelsen",
        "Länsstyrelsen i Västra Götaland",
        "county_board",
        "https://www.lansstyrelsen.se/vastra-gotaland",
    ),
    DemoOrganisation("vgr", "Västra Götalandsregionen", "region", "https://www.vgregion.se/"),
    DemoOrganisation(
        "skaraborg",
        "Skaraborgs kommunalförbund",
        "municipal_association",
        "https://www.skaraborg.se/",
    ),
    DemoOrganisation(
        "energimyndigheten", "Energimyndigheten", "authority", "https://www.energimyndigheten.se/"
    ),
    DemoOrganisation("huv", "Hållbar utveckling Väst", "non_profit"),
]


@dataclass(frozen=True)
class DemoFramework:
    slug: str
    title: str
    description: str
    url: str = ""


# Agenda 2030 comes from the package's own goal loader.
FRAMEWORKS = [
    DemoFramework(
        "klimat-2030",
        "Klimat 2030",
        "Västra Götalands gemensamma klimatarbete: Västra Götaland ställer om.",
        "https://klimat2030.se/",
    ),
    DemoFramework(
        "utmaningar-for-ett-hallbart-vastra-gotaland",
        "Utmaningar för ett hållbart Västra Götaland",
        "Åtgärdsprogrammet för miljömålen i Västra Götaland.",
    ),
]

SIDEBAR_ADMIN_NAME = "Kommunnätverkets kontakter"
SIDEBAR_TITLE = "Kontakt"
SIDEBAR_TEXT = "Vill du veta mer? Kontakta Maj-Liz eller Maria."
CONTACT_ROLE = "Kontaktperson för kommunnätverket"
# The seed names the contacts by first name only; it gives no email or phone.
CONTACTS = ["Maj-Liz", "Maria"]


@dataclass(frozen=True)
class DemoGroup:
    slug: str
    title: str
    intro: str
    participants: str
    goals: tuple[str, ...]


MEETING_FORMS = "Fysiska och digitala möten."

GROUPS = [
    DemoGroup(
        "miljostrategigruppen",
        "Miljöstrategigruppen",
        "Utveckling och samverkan kring det övergripande strategiska miljöarbetet och det "
        "lokala miljömålsarbetet hos kommunerna.",
        "Miljö- och hållbarhetsstrateger.",
        ("11", "13"),
    ),
    DemoGroup(
        "naturvardsgruppen",
        "Naturvårdsgruppen",
        "Utveckling och samverkan kring det övergripande strategiska och det lokala "
        "naturvårdsarbetet hos kommunerna.",
        "Kommunekologer och biologer.",
        ("14", "15"),
    ),
    DemoGroup(
        "rattvis-och-etisk-handel-gruppen",
        "Rättvis och etisk handel-gruppen",
        "Kompetens- och erfarenhetsöverföring inom rättvis och etisk handel hos kommunerna.",
        "Fairtrade-samordnare.",
        ("8", "12"),
    ),
]

NEWS_INDEX_TITLE = "Nytt i nätverket"
PROJECT_INDEX_TITLE = "Projekt"
PROJECT_INDEX_INTRO = "Projekt som drivs inom och i anslutning till kommunnätverket."


@dataclass(frozen=True)
class DemoProject:
    slug: str
    title: str
    status: str
    intro: str
    target_group: str
    call_for_participants: str = ""
    body: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    owner: str | None = None
    goals: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


PROJECTS = [
    DemoProject(
        "mindre-kommuners-miljomalsarbete",
        "Mindre kommuners miljömålsarbete på affärsmässiga villkor",
        "ongoing",
        "Syfte är att hitta metoder för att stärka mindre kommuner i det miljöstrategiska "
        "arbetet genom att visa på den affärsmässiga potentialen i ett kommunalt "
        "miljömålsarbete.",
        "Mindre kommuner och deras miljöstrategiska arbete.",
        partners=("skaraborg",),
        owner="huv",
        goals=("8", "13"),
        groups=("miljostrategigruppen",),
        tags=("miljömål", "ekonomi"),
    ),
    DemoProject(
        "hallbart-resande-i-skolan",
        "Hållbart resande i skolan",
        "recruiting",
        "Ett projekt för att ta fram en metod för att arbeta med transportfrågor i "
        "skolundervisningen, som ett skolprojekt.",
        "Högstadieklasser och pedagoger i Västra Götaland.",
        call_for_participants=(
            "Vi söker nu fem pilotklasser på högstadienivå samt pedagoger i Västra Götaland "
            "som under hösten 2012 till våren 2013 vill ha möjligheten att medverka i "
            "framtagandet av en lärarhandledning inom resepolicy för elever."
        ),
        body=(
            "Pedagogen och till exempel kommunens energi- och klimatrådgivare har en "
            "nyckelroller i detta arbete. Projektet finansieras av Energimyndigheten.",
        ),
        funders=("energimyndigheten",),
        owner="huv",
        goals=("4", "11", "13"),
        tags=("hållbart resande", "skola"),
    ),
]


@dataclass(frozen=True)
class DemoImage:
    """A picture the loader draws (the seed has no photos), with what it shows."""

    title: str
    file_name: str
    alt_text: str


WATER_GLASS = DemoImage(
    "Ett glas kranvatten", "kranvatten.png", "Teckning av ett glas fyllt med kranvatten."
)


@dataclass(frozen=True)
class DemoNews:
    slug: str
    title: str
    intro: str
    body: tuple[str, ...]
    link: tuple[str, str] | None = None
    goals: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())
    image: DemoImage | None = None


# The seed gives no dates (the water day is 22 March, of no stated year): dates stay open.
NEWS = [
    DemoNews(
        "fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal",
        "Fler jobb och bättre ekonomi genom kommunala miljömål",
        "Kan kommunalt miljömålsarbete skapa en förbättrad attraktivitet genom fler "
        "arbetstillfällen och förbättrad ekonomi?",
        (
            "Det är målsättningen när Hållbar utveckling Väst genomför projektet ”Mindre "
            "kommuners miljömålsarbete på affärsmässiga villkor” i samverkan med Skaraborgs "
            "kommunalförbund. Syfte är att hitta metoder för att stärka mindre kommuner i det "
            "miljöstrategiska arbetet genom att visa på den affärsmässiga potentialen i ett "
            "kommunalt miljömålsarbete.",
        ),
        goals=("8", "13"),
        organisations=("huv", "skaraborg"),
        groups=("miljostrategigruppen",),
        projects=("mindre-kommuners-miljomalsarbete",),
        tags=("miljömål", "ekonomi"),
    ),
    DemoNews(
        "internationella-vattendagen-22-mars",
        "Internationella vattendagen – 22 mars",
        "Den 22 mars är det internationella vattendagen.",
        (
            "Vårt goda kranvatten här i Sverige är den mest miljövänliga dryck som finns – det "
            "behöver varken förpackning eller miljöpåverkande transporter. Ändå dricker vi "
            "svenskar så mycket flaskvatten att det varje år fyller 10 000 långtradare som kör "
            "genom Sverige. Det går åt 1000 gånger mer energi att producera och transportera "
            "flaskvatten än att använda kranvatten! Kranvatten är dessutom billigt. Att dricka "
            "en liter om dagen kostar bara ett öre. Lika mycket flaskvatten från butik kostar "
            "ungefär tio kronor. Vi på Hållbar utveckling Väst serverar endast kranvatten på "
            "våra möten.",
        ),
        link=(
            "Läs mer om den internationella vattendagen",
            "https://www.un.org/en/observances/water-day",
        ),
        goals=("6", "12"),
        organisations=("huv",),
        tags=("vatten",),
        image=WATER_GLASS,
    ),
    DemoNews(
        "hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande",
        "Högstadieklasser sökes till nytt projekt om hållbart resande",
        "HUV startar ett projekt för att ta fram en metod för att arbeta med transportfrågor i "
        "skolundervisningen, som ett skolprojekt.",
        (
            "Därför söker vi nu fem pilotklasser på högstadienivå samt pedagoger i Västra "
            "Götaland som under hösten 2012 till våren 2013 vill ha möjligheten att medverka i "
            "framtagandet av en lärarhandledning inom resepolicy för elever. Pedagogen och till "
            "exempel kommunens energi- och klimatrådgivare har en nyckelroller i detta arbete. "
            "Projektet finansieras av Energimyndigheten.",
        ),
        goals=("4", "11", "13"),
        organisations=("huv", "energimyndigheten"),
        projects=("hallbart-resande-i-skolan",),
        tags=("hållbart resande", "skola"),
    ),
]


# The accessibility statement (DOS-lagen): what the demo is, as measured. Measured on
# 2026-12-01 by tests/browser/test_public_site.py: axe-core 4.14 in Chromium, WCAG 2.0,
# 2.1 and 2.2 at levels A and AA, at 1280 and 375 px, on every page in the sitemap in both
# languages, the search pages and the 404 pages, and the Nu Html Checker on the same
# pages: no failures. The manual review (screen reader, keyboard, zoom, text spacing) has
# not been made, so the demo is partially compliant and says what was not reviewed.
STATEMENT_SLUG = "tillganglighetsredogorelse"
STATEMENT_TITLE = "Tillgänglighetsredogörelse"
STATEMENT_INTRO = (
    "Det här är demowebbplatsen för paketet kommunnatverk. Redogörelsen beskriver demon "
    "som den är i dag, så som vi har mätt den."
)
STATEMENT_ORGANISATION = "Energikontor Väst"
STATEMENT_SERVICE = "Kommunnätverkets demowebbplats"
STATEMENT_ASSESSED_ON = "2026-12-01"
STATEMENT_FEEDBACK_URL = "https://github.com/kommunnatverk/kommunnatverk/issues"


@dataclass(frozen=True)
class DemoInaccessible:
    content: str
    reason: str
    criteria: tuple[str, ...]
    alternative: str = ""


STATEMENT_NON_COMPLIANT = [
    DemoInaccessible(
        "Webbplatsen har inte granskats med skärmläsare, med enbart tangentbord, förstorad "
        "till 400 procent eller med ändrat textavstånd. Där kan det finnas brister som "
        "automatiska test inte hittar.",
        "Den manuella granskningen är inte gjord än. Den görs innan webbplatsen tas i bruk.",
        (),
        "Om något på webbplatsen inte fungerar för dig, skriv till oss via länken nedan, så "
        "ger vi dig innehållet på ett annat sätt.",
    ),
]
STATEMENT_ASSESSMENT = (
    "Vi testade demons alla 24 sidor, 12 på svenska och 12 på engelska, och sök- och felsidorna "
    "på båda språken med axe-core 4.14 i Chromium mot WCAG 2.1 nivå A och AA, i 1280 och 375 "
    "pixlars bredd, och sidornas kod med Nu Html Checker. Testet fann inga fel sedan två "
    "brister åtgärdats: målens etiketter har fått en textfärg som räknas fram ur målets färg "
    "(dessförinnan hade 28 etiketter på 14 sidor för låg kontrast), och långa ord i rubriker "
    "bryts i stället för att sidan måste rullas i sidled. Varje sida har nu meny, brödsmulor "
    "och sökfält. Automatiska test prövar bara en del av kriterierna. Vi har ännu inte "
    "granskat sidorna med skärmläsare, med enbart tangentbord, förstorade till 400 procent "
    "eller med ändrat textavstånd, och därför anger vi att webbplatsen är delvis förenlig."
)
