"""The accessibility statement DOS-lagen requires: what it holds, where it goes, who sees
it, and the link to it from every page, in both languages."""

import datetime

import bs4
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail_localize.fields import get_translatable_fields

from kommunnatverk.content.accessibility import accessibility_statement
from kommunnatverk.models import AccessibilityStatementPage, GroupPage
from kommunnatverk.models.accessibility import DIGG_COMPLAINT_URL

from . import factories
from .api.schema import PREFIX, validator_for

pytestmark = pytest.mark.django_db

ASSESSED = datetime.date(2026, 11, 20)
REVIEWED = datetime.date(2026, 12, 1)


def statement(**overrides) -> AccessibilityStatementPage:
    values = {
        "title": "Tillgänglighetsredogörelse",
        "slug": "tillganglighetsredogorelse",
        "organisation_name": "Energikontor Väst",
        "service_name": "kommunnatverket.se",
        "compliance": "partial",
        "non_compliant": [
            (
                "item",
                {
                    "content": "Målens etiketter har för låg kontrast.",
                    "reason": "Färgerna är målens officiella.",
                    "criteria": ["1.4.3", "1.4.11"],
                    "alternative": "Målen står också i text.",
                },
            )
        ],
        "disproportionate_burden": [
            ("item", {"content": "Det gamla arkivet.", "reason": "Det byts ut 2027."})
        ],
        "outside_scope": [
            ("item", {"content": "Kartor.", "reason": "Kartor omfattas inte av lagen."})
        ],
        "assessment_method": "self_assessment",
        "assessment_description": "Vi testade med axe-core.",
        "assessed_on": ASSESSED,
        "reviewed_on": REVIEWED,
        "feedback_email": "tillganglighet@example.org",
        "feedback_phone": "010-123 45 67",
        "feedback_url": "https://example.org/synpunkter",
        "response_time": "Vi svarar inom två arbetsdagar.",
    }
    values.update(overrides)
    return AccessibilityStatementPage(**values)


@pytest.fixture
def published(network, en, django_capture_on_commit_callbacks):
    """A published statement under the test network, with its English translation."""
    page = factories.add_page(network.page, statement())
    english_network = network.english(network.page)
    english = page.copy_for_translation(en)
    english.title, english.slug = "Accessibility statement", "accessibility-statement"
    english.organisation_name, english.service_name = "Energikontor Väst", "kommunnatverket.se"
    english.save_revision().publish()
    assert english.get_parent().pk == english_network.pk
    return page, AccessibilityStatementPage.objects.get(pk=english.pk)


# Tree rules ---------------------------------------------------------------------------------


def test_a_statement_goes_under_a_network_once():
    network = factories.network()
    assert AccessibilityStatementPage.can_create_at(network)
    factories.add_page(network, statement())
    assert not AccessibilityStatementPage.can_create_at(network)
    other = factories.network(slug="annat")
    assert AccessibilityStatementPage.can_create_at(other)  # one per network


def test_a_statement_goes_nowhere_else():
    network = factories.network()
    group = factories.add_page(network, GroupPage(title="Grupp", slug="grupp"))
    assert not AccessibilityStatementPage.can_create_at(Page.get_first_root_node())
    assert not AccessibilityStatementPage.can_create_at(group)
    page = factories.add_page(network, statement())
    assert page.specific_class.creatable_subpage_models() == []


# Validation, on the field, in Swedish -------------------------------------------------------


TREE = {"path", "depth"}


def errors_of(page: AccessibilityStatementPage) -> dict[str, list[str]]:
    with translation.override("sv"), pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    found = excinfo.value.message_dict.items()
    return {name: [str(m) for m in messages] for name, messages in found if name not in TREE}


def test_a_statement_needs_a_way_to_give_feedback():
    errors = errors_of(statement(feedback_email="", feedback_phone="", feedback_url=""))
    assert errors == {
        "feedback_email": [
            "Ange minst ett sätt att rapportera brister i tillgängligheten: en e-postadress, "
            "ett telefonnummer eller ett formulär."
        ]
    }
    statement(feedback_email="", feedback_phone="", feedback_url="https://example.org/").clean()


def test_the_review_cannot_come_before_the_assessment():
    errors = errors_of(statement(reviewed_on=ASSESSED - datetime.timedelta(days=1)))
    assert errors == {
        "reviewed_on": ["Redogörelsen kan inte ha uppdaterats före den bedömning den beskriver."]
    }


def test_fully_compliant_means_nothing_is_listed_as_inaccessible():
    errors = errors_of(statement(compliance="full"))
    assert list(errors) == ["compliance"]
    assert errors["compliance"][0].startswith("En webbplats med innehåll som inte är tillgängligt")
    statement(compliance="full", non_compliant=[]).clean()


def test_partly_compliant_means_the_inaccessible_content_is_listed():
    errors = errors_of(statement(non_compliant=[]))
    assert errors == {
        "non_compliant": [
            "Ange vilket innehåll som inte är tillgängligt och varför: lagen kräver det om "
            "webbplatsen inte är helt förenlig."
        ]
    }


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/form", "synpunkter"])
def test_the_feedback_form_is_a_web_address(url):
    errors = errors_of(statement(feedback_url=url))
    assert list(errors) == ["feedback_url"]


def test_a_phone_number_is_checked():
    assert "telefonnummer" in errors_of(statement(feedback_phone="ring oss"))["feedback_phone"][0]


def test_the_complaint_form_is_diggs_unless_changed():
    assert DIGG_COMPLAINT_URL == "https://www.digg.se/tdosanmalan"
    assert statement().complaint_url == DIGG_COMPLAINT_URL


# Translation ---------------------------------------------------------------------------------


def test_facts_are_synchronised_and_text_is_translated():
    fields = get_translatable_fields(AccessibilityStatementPage)
    page = AccessibilityStatementPage()
    synchronised = {field.field_name for field in fields if not field.is_translated(page)}
    assert {
        "compliance",
        "assessment_method",
        "assessed_on",
        "reviewed_on",
        "feedback_email",
        "feedback_phone",
        "feedback_url",
        "complaint_url",
    } <= synchronised
    translated = {field.field_name for field in fields if field.is_translated(page)}
    assert {
        "title",
        "organisation_name",
        "service_name",
        "non_compliant",
        "disproportionate_burden",
        "outside_scope",
        "assessment_description",
        "response_time",
    } <= translated


# The page ------------------------------------------------------------------------------------


def headings(html: str) -> list[str]:
    main = bs4.BeautifulSoup(html, "html.parser").find("main")
    return [f"{h.name}: {h.get_text(strip=True)}" for h in main.find_all(["h1", "h2", "h3"])]


def test_the_swedish_statement_follows_diggs_template(client, published):
    swedish, _ = published
    html = client.get(swedish.url).content.decode()
    assert headings(html) == [
        "h1: Tillgänglighetsredogörelse",
        "h2: Hur tillgänglig är webbplatsen?",
        "h2: Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "h2: Rapportera brister i webbplatsens tillgänglighet",
        "h2: Tillsyn",
        "h2: Teknisk information om webbplatsens tillgänglighet",
        "h2: Innehåll som inte är tillgängligt",
        "h3: Bristande förenlighet med lagkraven",
        "h3: Oskäligt betungande anpassning",
        "h3: Innehåll som inte omfattas av lagkraven",
        "h2: Hur vi testat webbplatsen",
    ]
    text = " ".join(bs4.BeautifulSoup(html, "html.parser").find("main").get_text().split())
    assert "Energikontor Väst står bakom den här webbplatsen." in text
    assert (
        "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
        "offentlig service, på grund av de brister som beskrivs nedan." in text
    )
    assert "Målens etiketter har för låg kontrast." in text
    assert "1.4.3 Kontrast (minimum), 1.4.11 Kontrast för icke-textbaserat innehåll" in text
    assert (
        "Energikontor Väst åberopar undantag för oskäligt betungande anpassning enligt 12 §" in text
    )
    assert "Kartor." in text
    assert "Vi har gjort en självskattning (intern testning) av kommunnatverket.se." in text
    assert "Senaste bedömningen gjordes den 20 november 2026." in text
    assert "Redogörelsen uppdaterades senast den 1 december 2026." in text
    assert '<a href="https://www.digg.se/tdosanmalan" hreflang="sv">' in html
    assert 'href="mailto:tillganglighet@example.org"' in html
    assert 'href="tel:0101234567"' in html
    assert 'href="https://example.org/synpunkter"' in html
    assert '<time datetime="2026-11-20">' in html


def test_the_english_statement_follows_the_eu_model(client, published):
    _, english = published
    html = client.get(english.url).content.decode()
    assert headings(html) == [
        "h1: Accessibility statement",
        "h2: Compliance status",
        "h2: Non-accessible content",
        "h3: Non-compliance with the accessibility requirements",
        "h3: Disproportionate burden",
        "h3: Content not within the scope of the law",
        "h2: Preparation of this accessibility statement",
        "h2: Feedback and contact information",
        "h2: Enforcement procedure",
    ]
    text = " ".join(bs4.BeautifulSoup(html, "html.parser").find("main").get_text().split())
    assert "Energikontor Väst is committed to making its website accessible" in text
    assert "This accessibility statement applies to kommunnatverket.se." in text
    assert "This website is partially compliant with the Act" in text
    assert "1.4.3 Contrast (Minimum), 1.4.11 Non-text Contrast" in text
    assert "The website was last assessed on 20 November 2026." in text
    assert "This statement was last reviewed on 1 December 2026." in text
    assert '<html lang="en"' in html
    assert 'href="https://www.digg.se/tdosanmalan"' in html


@pytest.mark.parametrize(
    ("compliance", "sentence"),
    [
        ("full", "Den här webbplatsen är helt förenlig med lagen"),
        ("none", "Den här webbplatsen är inte förenlig med lagen"),
    ],
)
def test_the_status_is_worded_as_diggs(client, network, compliance, sentence):
    items = [] if compliance == "full" else statement().non_compliant
    page = factories.add_page(network.page, statement(compliance=compliance, non_compliant=items))
    assert sentence in client.get(page.url).content.decode()


# The API -------------------------------------------------------------------------------------


def test_the_api_serves_every_part_of_the_statement(api, client, published):
    swedish, english = published
    response = api(f"pages/{swedish.pk}/")
    assert response.status_code == 200
    data = response.data
    assert data["type"] == "accessibility_statement"
    assert (data["organisation_name"], data["service_name"]) == (
        "Energikontor Väst",
        "kommunnatverket.se",
    )
    assert (data["compliance"], data["compliance_label"]) == ("partial", "Delvis förenlig")
    (item,) = data["non_compliant"]
    assert item["content"] == "Målens etiketter har för låg kontrast."
    assert item["reason"] == "Färgerna är målens officiella."
    assert [c["number"] for c in item["criteria"]] == ["1.4.3", "1.4.11"]
    assert item["criteria"][0] == {
        "number": "1.4.3",
        "name": "Kontrast (minimum)",
        "level": "AA",
        "url": "https://www.w3.org/WAI/WCAG21/Understanding/contrast-minimum.html",
    }
    assert item["alternative"] == "Målen står också i text."
    assert data["disproportionate_burden"][0]["content"] == "Det gamla arkivet."
    assert data["outside_scope"][0]["reason"] == "Kartor omfattas inte av lagen."
    assert (data["assessment_method"], data["assessment_method_label"]) == (
        "self_assessment",
        "Självskattning",
    )
    assert (data["assessed_on"], data["reviewed_on"]) == ("2026-11-20", "2026-12-01")
    assert data["feedback"] == {
        "email": "tillganglighet@example.org",
        "phone": "010-123 45 67",
        "url": "https://example.org/synpunkter",
        "response_time": "Vi svarar inom två arbetsdagar.",
    }
    assert data["complaint_url"] == DIGG_COMPLAINT_URL

    document = client.get(f"{PREFIX}/openapi.json").json()
    for path, url in [
        ("/pages/{page_id}/", f"pages/{swedish.pk}/"),
        ("/pages/{page_id}/", f"pages/{english.pk}/"),
        ("/pages/", "pages/?type=accessibility_statement&locale=en"),
    ]:
        response = api(url)
        errors = list(validator_for(document, PREFIX + path).iter_errors(response.data))
        assert errors == [], (url, [e.message for e in errors[:3]])

    english_data = api(f"pages/{english.pk}/").data
    assert english_data["compliance_label"] == "Partially compliant"
    assert english_data["non_compliant"][0]["criteria"][0]["name"] == "Contrast (Minimum)"
    listed = api("pages/?type=accessibility_statement&locale=en").data["items"]
    assert [(i["id"], i["compliance"], i["reviewed_on"]) for i in listed] == [
        (english.pk, "partial", "2026-12-01")
    ]


# The link from every page ----------------------------------------------------------------


def footer_link(html: str) -> bs4.Tag | None:
    footer = bs4.BeautifulSoup(html, "html.parser").find("footer")
    return footer.find("a", class_="accessibility-statement-link") if footer else None


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_links_to_the_statement_in_its_language(client, published, language):
    swedish, english = published
    target = swedish if language == "sv" else english
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()
    kinds = set()
    for page in pages:
        html = client.get(page.url).content.decode()
        link = footer_link(html)
        assert link is not None, page.url
        assert link["href"] == target.url, page.url
        assert link.get_text() == target.title
        assert not link.get("lang"), page.url  # the statement is in the page's language
        kinds.add(type(page).__name__)
    assert kinds >= {
        "NetworkPage",
        "GroupPage",
        "NewsIndexPage",
        "NewsPage",
        "ProjectIndexPage",
        "ProjectPage",
        "AccessibilityStatementPage",
    }
    search = client.get(("" if language == "sv" else "/en") + "/network/search/?q=vatten")
    assert footer_link(search.content.decode())["href"] == target.url


def test_without_an_english_statement_english_pages_link_the_swedish_one(client, network):
    swedish = factories.add_page(network.page, statement())
    html = client.get(network.english(network.page).url).content.decode()
    link = footer_link(html)
    assert link["href"] == swedish.url
    assert (link["lang"], link["hreflang"]) == ("sv", "sv")  # WCAG 3.1.2


def test_the_statement_marks_its_own_link_as_the_current_page(client, published):
    swedish, _ = published
    assert footer_link(client.get(swedish.url).content.decode())["aria-current"] == "page"


# Only a public statement is linked or served ------------------------------------------------


def test_a_draft_statement_is_neither_linked_nor_served(client, api, network):
    draft = statement(live=False)
    network.page.add_child(instance=draft)
    draft.save_revision()
    assert footer_link(client.get(network.page.url).content.decode()) is None
    assert client.get(draft.url).status_code == 404
    assert api(f"pages/{draft.pk}/").status_code == 404
    assert api("pages/?type=accessibility_statement").data["count"] == 0

    draft.save_revision().publish()  # the control: once published, all of them show it
    assert footer_link(client.get(network.page.url).content.decode())["href"] == draft.url
    assert client.get(draft.url).status_code == 200
    assert api(f"pages/{draft.pk}/").status_code == 200


def test_a_private_statement_is_not_linked(client, network):
    page = factories.add_page(network.page, statement())
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert footer_link(client.get(network.page.url).content.decode()) is None


def test_each_network_of_a_site_links_its_own_statement(network):
    other = factories.network(slug="annat-natverk")
    mine = factories.add_page(network.page, statement())
    theirs = factories.add_page(other, statement(service_name="annat.se"))
    site = Site.objects.get(is_default_site=True)
    # The other network is outside the default Site's tree: only the Site's statement.
    assert accessibility_statement(site, "sv").pk == mine.pk
    site.root_page = Page.get_first_root_node()
    site.save()
    assert accessibility_statement(site, "sv", page=other).pk == theirs.pk
    assert accessibility_statement(site, "sv", page=network.page).pk == mine.pk


def test_no_statement_no_link(client, network):
    assert footer_link(Client().get(network.page.url).content.decode()) is None
