"""English for every Swedish string of the demo content, keyed by the Swedish text."""

from .demo_content import STATEMENT_ASSESSMENT
from .demo_events import ENGLISH as MEETINGS_ENGLISH

ENGLISH: dict[str, str] = {
    # The network page
    "Kommunnätverket för hållbar utveckling": "The Municipal Network for Sustainable Development",
    "kommunnatverket": "municipal-network",
    "Kommunnätverket för hållbar utveckling syftar till att stärka och utveckla kommunernas "
    "arbete inom hållbarhetsområdet. Fokus ligger på strategiskt miljö- och naturvårdsarbete "
    "samt rättvis och etisk handel kopplat till: de globala hållbarhetsmålen i Agenda 2030, "
    "Klimat 2030 samt åtgärdsprogrammet Utmaningar för ett hållbart Västra Götaland.": (
        "The Municipal Network for Sustainable Development aims to strengthen and develop the "
        "municipalities' work on sustainability. It focuses on strategic environmental and "
        "nature conservation work and on fair and ethical trade, linked to: the global "
        "sustainability goals of Agenda 2030, Klimat 2030 and the action programme Challenges "
        "for a Sustainable Västra Götaland."
    ),
    "Det övergripande syftet för Kommunnätverket för hållbar utveckling är att växla upp den "
    "enskilda kommunens resurser och ge större utväxling av insatser inom miljö- och "
    "hållbarhetsarbetet.": (
        "The overall purpose of the Municipal Network for Sustainable Development is to "
        "multiply each municipality's resources and get more out of the efforts made in "
        "environmental and sustainability work."
    ),
    "Kommunnätverket organiseras i dagsläget i tre grupper: Miljöstrategigruppen, "
    "Naturvårdsgruppen och Rättvis och etisk handel-gruppen. Kommunnätverket utgör en "
    "plattform för kompetensutveckling, erfarenhetsöverföring och samverkan mellan deltagande "
    "kommuner. Detta sker genom fysiska och digitala möten med medverkande miljö- och "
    "hållbarhetsstrateger, kommunekologer/biologer, Fairtrade-samordnare och andra relevanta "
    "tjänstepersonsgrupper.": (
        "The network is currently organised in three groups: the Environmental Strategy "
        "Group, the Nature Conservation Group and the Fair and Ethical Trade Group. The "
        "network is a platform for professional development, sharing of experience and "
        "cooperation between the participating municipalities. This happens through physical "
        "and digital meetings with environmental and sustainability strategists, municipal "
        "ecologists and biologists, Fairtrade coordinators and other relevant groups of "
        "officers."
    ),
    "Nätverket samordnas av Energikontor Väst, det regionala energikontoret för Västra "
    "Götaland som är en del av Innovatum.": (
        "The network is coordinated by Energikontor Väst, the regional energy agency of "
        "Västra Götaland, which is part of Innovatum."
    ),
    "Vill du veta mer? Kontakta Maj-Liz eller Maria, kontaktuppgifter till höger.": (
        "Want to know more? Contact Maj-Liz or Maria; their details are on the right."
    ),
    "Syfte och mål med kommunnätverket för hållbar utveckling": (
        "Purpose and aims of the Municipal Network for Sustainable Development"
    ),
    "Driva tre grupper inom områdena: miljöstrategiskt arbete, naturvård samt rättvis och "
    "etisk handel.": (
        "To run three groups in the fields of strategic environmental work, nature "
        "conservation, and fair and ethical trade."
    ),
    "Ge tillgång till bred kompetens och stor erfarenhet inom hållbar utveckling hos "
    "medverkande kommunerna för relevanta tjänstepersonsgrupper.": (
        "To give relevant groups of officers access to the broad expertise and long "
        "experience in sustainable development of the participating municipalities."
    ),
    "Ge möjligheter till utveckling och samverkan kring det övergripande strategiska "
    "miljöarbetet och det lokala miljömålsarbetet hos kommunerna.": (
        "To offer opportunities for development and cooperation in the municipalities' "
        "overall strategic environmental work and their local work on environmental "
        "objectives."
    ),
    "Ge möjligheter till utveckling och samverkan kring det övergripande strategiska och det "
    "lokala naturvårdsarbetet hos kommunerna.": (
        "To offer opportunities for development and cooperation in the municipalities' "
        "overall strategic and local nature conservation work."
    ),
    "Ge möjligheter till kompetens- och erfarenhetsöverföring inom rättvis och etisk handel "
    "hos kommunerna.": (
        "To offer opportunities for sharing knowledge and experience of fair and ethical "
        "trade between the municipalities."
    ),
    "Ge tillgång till de nätverk och projekt som finns inom energi- och hållbarhetsområdet på "
    "Energikontor Väst och Innovatum.": (
        "To give access to the networks and projects in energy and sustainability at "
        "Energikontor Väst and Innovatum."
    ),
    "Underlätta och stärka samverkan med andra relevanta aktörer som Länsstyrelsen i Västra "
    "Götaland och Västra Götalandsregionen.": (
        "To make cooperation with other relevant actors, such as the County Administrative "
        "Board of Västra Götaland and Region Västra Götaland, easier and stronger."
    ),
    # Organisations
    "Innovatum": "Innovatum",
    "Innovatum i Trollhättan, som Energikontor Väst är en del av.": (
        "Innovatum in Trollhättan, of which Energikontor Väst is a part."
    ),
    "Energikontor Väst": "Energikontor Väst",
    "Det regionala energikontoret för Västra Götaland. Samordnar kommunnätverket.": (
        "The regional energy agency of Västra Götaland. Coordinates the municipal network."
    ),
    "Länsstyrelsen i Västra Götaland": "County Administrative Board of Västra Götaland",
    "Västra Götalandsregionen": "Region Västra Götaland",
    "Skaraborgs kommunalförbund": "Skaraborg Association of Local Authorities",
    "Energimyndigheten": "Swedish Energy Agency",
    "Hållbar utveckling Väst": "Hållbar utveckling Väst (Sustainable Development West)",
    # Goal frameworks
    "Klimat 2030": "Klimat 2030",
    "klimat-2030": "klimat-2030",
    "Västra Götalands gemensamma klimatarbete: Västra Götaland ställer om.": (
        "Västra Götaland's joint climate work: Västra Götaland in transition."
    ),
    "Utmaningar för ett hållbart Västra Götaland": "Challenges for a Sustainable Västra Götaland",
    "Åtgärdsprogrammet för miljömålen i Västra Götaland.": (
        "The action programme for the environmental objectives in Västra Götaland."
    ),
    # Contact sidebar
    "Kommunnätverkets kontakter": "The municipal network's contacts",
    "Kontakt": "Contact",
    "Vill du veta mer? Kontakta Maj-Liz eller Maria.": (
        "Want to know more? Contact Maj-Liz or Maria."
    ),
    "Kontaktperson för kommunnätverket": "Contact person for the municipal network",
    # Groups
    "Miljöstrategigruppen": "Environmental Strategy Group",
    "miljostrategigruppen": "environmental-strategy-group",
    "Utveckling och samverkan kring det övergripande strategiska miljöarbetet och det "
    "lokala miljömålsarbetet hos kommunerna.": (
        "Development and cooperation in the municipalities' overall strategic environmental "
        "work and their local work on environmental objectives."
    ),
    "Miljö- och hållbarhetsstrateger.": "Environmental and sustainability strategists.",
    "Naturvårdsgruppen": "Nature Conservation Group",
    "naturvardsgruppen": "nature-conservation-group",
    "Utveckling och samverkan kring det övergripande strategiska och det lokala "
    "naturvårdsarbetet hos kommunerna.": (
        "Development and cooperation in the municipalities' overall strategic and local "
        "nature conservation work."
    ),
    "Kommunekologer och biologer.": "Municipal ecologists and biologists.",
    "Rättvis och etisk handel-gruppen": "Fair and Ethical Trade Group",
    "rattvis-och-etisk-handel-gruppen": "fair-and-ethical-trade-group",
    "Kompetens- och erfarenhetsöverföring inom rättvis och etisk handel hos kommunerna.": (
        "Sharing of knowledge and experience of fair and ethical trade between the municipalities."
    ),
    "Fairtrade-samordnare.": "Fairtrade coordinators.",
    "Fysiska och digitala möten.": "Physical and digital meetings.",
    # Indexes
    "Nytt i nätverket": "News from the network",
    "nytt-i-natverket": "news",
    "Projekt": "Projects",
    "projekt": "projects",
    "Projekt som drivs inom och i anslutning till kommunnätverket.": (
        "Projects run within and alongside the municipal network."
    ),
    # Projects
    "Mindre kommuners miljömålsarbete på affärsmässiga villkor": (
        "Smaller municipalities' work on environmental objectives on business terms"
    ),
    "mindre-kommuners-miljomalsarbete": "smaller-municipalities-environmental-objectives",
    "Syfte är att hitta metoder för att stärka mindre kommuner i det miljöstrategiska "
    "arbetet genom att visa på den affärsmässiga potentialen i ett kommunalt "
    "miljömålsarbete.": (
        "The purpose is to find methods that strengthen smaller municipalities in their "
        "strategic environmental work by showing the business potential of municipal work on "
        "environmental objectives."
    ),
    "Mindre kommuner och deras miljöstrategiska arbete.": (
        "Smaller municipalities and their strategic environmental work."
    ),
    "Hållbart resande i skolan": "Sustainable travel in school",
    "hallbart-resande-i-skolan": "sustainable-travel-in-school",
    "Ett projekt för att ta fram en metod för att arbeta med transportfrågor i "
    "skolundervisningen, som ett skolprojekt.": (
        "A project to develop a method for working with transport issues in teaching, as a "
        "school project."
    ),
    "Högstadieklasser och pedagoger i Västra Götaland.": (
        "Lower secondary school classes (years 7–9) and teachers in Västra Götaland."
    ),
    "Vi söker nu fem pilotklasser på högstadienivå samt pedagoger i Västra Götaland "
    "som under hösten 2012 till våren 2013 vill ha möjligheten att medverka i "
    "framtagandet av en lärarhandledning inom resepolicy för elever.": (
        "We are now looking for five pilot classes in lower secondary school, and teachers "
        "in Västra Götaland, who from autumn 2012 to spring 2013 would like to take part in "
        "writing a teachers' guide on travel policy for pupils."
    ),
    "Pedagogen och till exempel kommunens energi- och klimatrådgivare har en "
    "nyckelroller i detta arbete. Projektet finansieras av Energimyndigheten.": (
        "The teacher and, for example, the municipality's energy and climate adviser have "
        "key roles in this work. The project is funded by the Swedish Energy Agency."
    ),
    # News
    "Fler jobb och bättre ekonomi genom kommunala miljömål": (
        "More jobs and a better economy through municipal environmental objectives"
    ),
    "fler-jobb-och-battre-ekonomi-genom-kommunala-miljomal": (
        "more-jobs-and-a-better-economy-through-municipal-environmental-objectives"
    ),
    "Kan kommunalt miljömålsarbete skapa en förbättrad attraktivitet genom fler "
    "arbetstillfällen och förbättrad ekonomi?": (
        "Can municipal work on environmental objectives make a municipality more attractive "
        "through more jobs and a better economy?"
    ),
    "Det är målsättningen när Hållbar utveckling Väst genomför projektet ”Mindre "
    "kommuners miljömålsarbete på affärsmässiga villkor” i samverkan med Skaraborgs "
    "kommunalförbund. Syfte är att hitta metoder för att stärka mindre kommuner i det "
    "miljöstrategiska arbetet genom att visa på den affärsmässiga potentialen i ett "
    "kommunalt miljömålsarbete.": (
        "That is the aim as Hållbar utveckling Väst carries out the project “Smaller "
        "municipalities' work on environmental objectives on business terms” together with "
        "the Skaraborg Association of Local Authorities. The purpose is to find methods that "
        "strengthen smaller municipalities in their strategic environmental work by showing "
        "the business potential of municipal work on environmental objectives."
    ),
    "Internationella vattendagen – 22 mars": "World Water Day – 22 March",
    "internationella-vattendagen-22-mars": "world-water-day-22-march",
    "Teckning av ett glas fyllt med kranvatten.": "Drawing of a glass filled with tap water.",
    "Den 22 mars är det internationella vattendagen.": "22 March is World Water Day.",
    "Vårt goda kranvatten här i Sverige är den mest miljövänliga dryck som finns – det "
    "behöver varken förpackning eller miljöpåverkande transporter. Ändå dricker vi "
    "svenskar så mycket flaskvatten att det varje år fyller 10 000 långtradare som kör "
    "genom Sverige. Det går åt 1000 gånger mer energi att producera och transportera "
    "flaskvatten än att använda kranvatten! Kranvatten är dessutom billigt. Att dricka "
    "en liter om dagen kostar bara ett öre. Lika mycket flaskvatten från butik kostar "
    "ungefär tio kronor. Vi på Hållbar utveckling Väst serverar endast kranvatten på "
    "våra möten.": (
        "Our good tap water here in Sweden is the most environmentally friendly drink there "
        "is – it needs neither packaging nor polluting transport. Yet we Swedes drink so much "
        "bottled water that every year it fills 10,000 lorries driving through Sweden. It "
        "takes 1,000 times more energy to produce and transport bottled water than to use tap "
        "water! Tap water is also cheap. Drinking a litre a day costs just one öre. The same "
        "amount of bottled water from a shop costs about ten kronor. We at Hållbar utveckling "
        "Väst serve only tap water at our meetings."
    ),
    "Läs mer om den internationella vattendagen": "Read more about World Water Day",
    "Högstadieklasser sökes till nytt projekt om hållbart resande": (
        "Lower secondary classes wanted for a new project on sustainable travel"
    ),
    "hogstadieklasser-sokes-till-nytt-projekt-om-hallbart-resande": (
        "lower-secondary-classes-wanted-for-sustainable-travel-project"
    ),
    "HUV startar ett projekt för att ta fram en metod för att arbeta med transportfrågor i "
    "skolundervisningen, som ett skolprojekt.": (
        "HUV is starting a project to develop a method for working with transport issues in "
        "teaching, as a school project."
    ),
    "Därför söker vi nu fem pilotklasser på högstadienivå samt pedagoger i Västra "
    "Götaland som under hösten 2012 till våren 2013 vill ha möjligheten att medverka i "
    "framtagandet av en lärarhandledning inom resepolicy för elever. Pedagogen och till "
    "exempel kommunens energi- och klimatrådgivare har en nyckelroller i detta arbete. "
    "Projektet finansieras av Energimyndigheten.": (
        "We are therefore looking for five pilot classes in lower secondary school, and "
        "teachers in Västra Götaland, who from autumn 2012 to spring 2013 would like to take "
        "part in writing a teachers' guide on travel policy for pupils. The teacher and, for "
        "example, the municipality's energy and climate adviser have key roles in this work. "
        "The project is funded by the Swedish Energy Agency."
    ),
    # Tags (name and slug)
    "miljömål": "environmental objectives",
    "miljomal": "environmental-objectives",
    "ekonomi": "economy",
    "vatten": "water",
    "hållbart resande": "sustainable travel",
    "hallbart-resande": "sustainable-travel",
    "skola": "school",
}

# The accessibility statement
ENGLISH.update(
    {
        "Tillgänglighetsredogörelse": "Accessibility statement",
        "tillganglighetsredogorelse": "accessibility-statement",
        "Det här är demowebbplatsen för paketet kommunnatverk. Redogörelsen beskriver demon "
        "som den är i dag, så som vi har mätt den.": (
            "This is the demo website of the kommunnatverk package. The statement describes "
            "the demo as it is today, as we have measured it."
        ),
        "Energikontor Väst": "Energikontor Väst",
        "Kommunnätverkets demowebbplats": "the municipal network's demo website",
        "Webbplatsen har inte granskats med skärmläsare, med enbart tangentbord, förstorad "
        "till 400 procent eller med ändrat textavstånd. Där kan det finnas brister som "
        "automatiska test inte hittar.": (
            "The website has not been reviewed with a screen reader, with the keyboard alone, "
            "enlarged to 400 percent or with changed text spacing. There may be failures "
            "there that automated tests do not find."
        ),
        "Den manuella granskningen är inte gjord än. Den görs innan webbplatsen tas i bruk.": (
            "The manual review has not been made yet. It will be made before the website "
            "is put into service."
        ),
        "Om något på webbplatsen inte fungerar för dig, skriv till oss via länken nedan, så "
        "ger vi dig innehållet på ett annat sätt.": (
            "If something on the website does not work for you, write to us through the "
            "link below, and we will give you the content in another way."
        ),
        STATEMENT_ASSESSMENT: (
            "We tested all 24 pages of the demo, 12 in Swedish and 12 in English, and the "
            "search and error pages in both languages with axe-core 4.14 in Chromium against "
            "WCAG 2.1 levels A and AA, at widths of 1280 and 375 pixels, and the pages' code "
            "with the Nu Html Checker. The test found no failures once two were fixed: the "
            "goal badges got a text colour computed from the goal's colour (before that, 28 "
            "badges on 14 pages had too little contrast), and long words in headings wrap "
            "instead of making the page scroll sideways. Every page now has a menu, "
            "breadcrumbs and a search field. Automated tests check only some of the criteria. "
            "We have not yet reviewed the pages with a screen reader, with the keyboard alone, "
            "enlarged to 400 percent or with changed text spacing, and so we state that the "
            "website is partially compliant."
        ),
    }
)

ENGLISH.update(MEETINGS_ENGLISH)
