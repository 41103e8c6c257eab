"""A translator's workflow in wagtail-localize's admin, driven through its own views.

Submit a snippet or page for translation, write English in the translation editor, publish,
sync after a Swedish change, round-trip a PO file and machine-translate. What a translator
relies on: synchronised facts follow the Swedish, finished work is never lost or silently
reused for changed text, and unpublished work stays a draft.
"""

import json
import runpy
from pathlib import Path
from urllib.parse import urlencode

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from kommunnatverk.localisation import translate_with_strings
from kommunnatverk.models import Contact, ContactSidebar, NetworkAim, NetworkPage, Organisation

from . import factories

pytestmark = pytest.mark.django_db

DOCS_SNIPPETS = Path(__file__).resolve().parent.parent / "docs" / "snippets"
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}

SV_BODY = [
    {"type": "heading", "value": "Så arbetar vi"},
    {"type": "paragraph", "value": "<p>Vi samordnar <b>kommunernas</b> miljöarbete.</p>"},
    {
        "type": "quote",
        "value": {"text": "Tillsammans når vi längre.", "attribution": "Nätverkets samordnare"},
    },
    {
        "type": "link",
        "value": {"text": "Läs om globala målen", "page": None, "url": "https://globalamalen.se/"},
    },
]
TEST_HOST = "prov.test"
SV_AIMS = ["Att driva ett gemensamt miljöarbete.", "Att ge stöd till kommunernas strateger."]

ORGANISATION_EN = {"Provkommunen": "Test Municipality", "En kommun i länet.": "A municipality."}
SIDEBAR_EN = {
    "Provkontakter": "Test contacts",
    "Kontakt": "Contact",
    "Hör av dig.": "Get in touch.",
    "Samordnare": "Coordinator",
    "Miljöstrateg": "Environmental strategist",
}
PAGE_EN = {
    "Provnätverket": "The Test Network",
    "provnatverket": "test-network",
    "En kort inledning.": "A short introduction.",
    "Syfte och mål": "Aims",
    SV_AIMS[0]: "To run joint environmental work.",
    SV_AIMS[1]: "To support the municipalities' strategists.",
    "Så arbetar vi": "How we work",
    "Vi samordnar <b>kommunernas</b> miljöarbete.": (
        "We coordinate the <b>municipalities'</b> environmental work."
    ),
    "Tillsammans når vi längre.": "Together we go further.",
    "Nätverkets samordnare": "The network's coordinator",
    "Läs om globala målen": "Read about the Global Goals",
}


class Translator:
    """A translator at work: every step goes through wagtail-localize's admin views."""

    def __init__(self, client, user, capture) -> None:
        self.client = client
        self.user = user
        self.capture = capture  # runs wagtail-localize's on-commit publishing

    def submit(self, obj, locale):
        """ "Translate this page" / "Translate" in a snippet's menu; returns the new target."""
        if isinstance(obj, Page):
            url = reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
        else:
            meta = obj._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, obj.pk],
            )
        with self.capture(execute=True):
            response = self.client.post(url, {"locales": [locale.pk]})
        assert response.status_code == 302, response.content
        return obj.get_translation(locale)

    def edit_url(self, target) -> str:
        return AdminURLFinder(self.user).get_edit_url(target)

    def editor(self, target) -> dict:
        """The props the translation editor is rendered with: segments and translations."""
        response = self.client.get(self.edit_url(target))
        assert response.status_code == 200
        return json.loads(response.context["props"])

    def saved_strings(self, target) -> dict[str, str]:
        """What the editor shows as already translated: source text → translation."""
        props = self.editor(target)
        sources = {s["id"]: s["source"] for s in props["segments"] if s["type"] == "string"}
        return {
            sources[t["segment_id"]]: t["data"]
            for t in props["initialStringTranslations"]
            if t["segment_id"] in sources
        }

    def translate(self, target, strings: dict[str, str]) -> None:
        """Type a translation into each named segment; the editor saves each one at once."""
        segments = [s for s in self.editor(target)["segments"] if s["type"] == "string"]
        found = set()
        for segment in segments:
            if segment["source"] in strings:
                response = self.client.put(
                    segment["editUrl"],
                    urlencode({"value": strings[segment["source"]]}),
                    content_type="application/x-www-form-urlencoded",
                )
                assert response.status_code in (200, 201), response.content
                found.add(segment["source"])
        assert found == set(strings), f"not in the editor: {set(strings) - found}"

    def translate_and_publish(self, source, locale, strings: dict[str, str]):
        target = self.submit(source, locale)
        self.translate(target, strings)
        return self.publish(target)

    def publish(self, target):
        with self.capture(execute=True):
            response = self.client.post(self.edit_url(target), {"action": "publish"})
        assert response.status_code == 302
        return type(target).objects.get(pk=target.pk)

    def sync(self, source_obj, *, publish: bool) -> None:
        """ "Sync translated pages" / "Sync translated snippets" on the Swedish object."""
        source = TranslationSource.objects.get_for_instance(source_obj)
        data = {"publish_translations": "on"} if publish else {}
        with self.capture(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]), data
            )
        assert response.status_code == 302, response.content

    def translation(self, target) -> Translation:
        return Translation.objects.get(
            source__object_id=target.translation_key, target_locale=target.locale
        )

    def download_po(self, target) -> polib.POFile:
        url = reverse("wagtail_localize:download_pofile", args=[self.translation(target).pk])
        response = self.client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/x-gettext-translation"
        return polib.pofile(response.content.decode())

    def upload_po(self, target, po: polib.POFile):
        url = reverse("wagtail_localize:upload_pofile", args=[self.translation(target).pk])
        upload = SimpleUploadedFile("translation.po", str(po).encode(), "text/x-gettext")
        return self.client.post(url, {"file": upload, "next": self.edit_url(target)}, follow=True)

    def machine_translate(self, target):
        url = reverse("wagtail_localize:machine_translate", args=[self.translation(target).pk])
        return self.client.post(url, {"next": self.edit_url(target)}, follow=True)


@pytest.fixture
def translator(client, django_capture_on_commit_callbacks) -> Translator:
    user = get_user_model().objects.create_superuser("oversattare", "o@example.org", "hemligt")
    client.force_login(user)
    return Translator(client, user, django_capture_on_commit_callbacks)


def swedish_sidebar(organisation: Organisation) -> ContactSidebar:
    sidebar = ContactSidebar(
        admin_name="Provkontakter", title="Kontakt", text="Hör av dig.", locale=organisation.locale
    )
    sidebar.contacts = [
        Contact(
            name="Anna Andersson",
            role="Samordnare",
            email="anna@example.org",
            phone="031-123 45 67",
            organisation=organisation,
        ),
        Contact(name="Bo Berg", role="Miljöstrateg", email="bo@example.org", phone="0500-12 34 56"),
    ]
    return factories.publish(sidebar)


def swedish_network(organisation: Organisation, sidebar: ContactSidebar) -> NetworkPage:
    page = NetworkPage(
        slug="provnatverket",
        title="Provnätverket",
        intro="En kort inledning.",
        aims_heading="Syfte och mål",
        aims=[NetworkAim(text=text) for text in SV_AIMS],
        body=json.dumps(SV_BODY),
        coordinator=organisation,
        contact_sidebar=sidebar,
    )
    page = factories.add_page(Page.get_first_root_node(), page)
    # A Site of its own: the API serves the trees of the request's Site.
    Site.objects.create(hostname=TEST_HOST, port=80, root_page=page)
    return page


@pytest.fixture
def swedish(sv):
    """A Swedish organisation, a sidebar that uses it, and a network page that uses both."""
    organisation = factories.organisation("Provkommunen", short_text="En kommun i länet.")
    sidebar = swedish_sidebar(organisation)
    return organisation, sidebar, swedish_network(organisation, sidebar)


@pytest.fixture
def english(translator, swedish, en):
    """The translator's finished work: snippets first, then the page, each published."""
    organisation, sidebar, page = swedish
    return [
        translator.translate_and_publish(source, en, strings)
        for source, strings in (
            (organisation, ORGANISATION_EN),
            (sidebar, SIDEBAR_EN),
            (page, PAGE_EN),
        )
    ]


def last_message(response) -> str:
    return list(response.context["messages"])[-1].level_tag


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def string_translations(obj, locale) -> dict[int, str]:
    """Every string translation of ``obj`` into ``locale``, by row."""
    rows = StringTranslation.objects.filter(context__object_id=obj.translation_key, locale=locale)
    return dict(rows.values_list("pk", "data"))


# 1. Translating pages and snippets -------------------------------------------------------


def test_contacts_offer_only_their_roles_for_translation(translator, swedish, en):
    organisation, sidebar, _ = swedish
    translator.submit(organisation, en)
    segments = translator.editor(translator.submit(sidebar, en))["segments"]

    strings = {s["source"] for s in segments if s["type"] == "string"}
    assert strings == {"Provkontakter", "Kontakt", "Hör av dig.", "Samordnare", "Miljöstrateg"}
    synchronised = {s["contentPath"].rsplit(".", 1)[-1] for s in segments if s["type"] != "string"}
    assert {"name", "email", "phone", "organisation"} <= synchronised


def test_a_translated_page_shows_english_text_and_swedish_facts(english, swedish, client):
    organisation_en, sidebar_en, page_en = (fresh(obj) for obj in english)
    organisation, sidebar, page = swedish

    assert page_en.live and not page_en.has_unpublished_changes
    assert (page_en.title, page_en.slug) == ("The Test Network", "test-network")
    assert page_en.intro == "A short introduction."
    assert page_en.aims_heading == "Aims"
    assert [aim.text for aim in page_en.aims.all()] == [PAGE_EN[text] for text in SV_AIMS]
    heading, paragraph, quote, link = page_en.body
    assert heading.value == "How we work"
    assert paragraph.value.source == (
        "<p>We coordinate the <b>municipalities'</b> environmental work.</p>"
    )
    assert (quote.value["text"], quote.value["attribution"]) == (
        "Together we go further.",
        "The network's coordinator",
    )
    assert link.value["text"] == "Read about the Global Goals"
    assert link.value["url"] == "https://globalamalen.se/", "a link is not language"

    # The English page points at the English snippets, which stay published.
    assert page_en.coordinator == organisation_en
    assert page_en.contact_sidebar == sidebar_en
    assert organisation_en.live and organisation_en.name == "Test Municipality"
    assert sidebar_en.live
    assert (sidebar_en.title, sidebar_en.text) == ("Contact", "Get in touch.")
    contacts = [
        (c.name, c.role, c.email, c.phone, c.organisation) for c in sidebar_en.contacts.all()
    ]
    assert contacts == [
        ("Anna Andersson", "Coordinator", "anna@example.org", "031-123 45 67", organisation_en),
        ("Bo Berg", "Environmental strategist", "bo@example.org", "0500-12 34 56", None),
    ]
    # The Swedish originals are untouched.
    page.refresh_from_db()
    assert page.title == "Provnätverket" and page.coordinator == organisation

    # A frontend reading the API gets the same English page.
    client.logout()
    data = client.get(f"/api/network/pages/{page_en.pk}/", HTTP_HOST=TEST_HOST).json()
    assert data["title"] == "The Test Network"
    assert data["coordinator"]["name"] == "Test Municipality"
    assert [(c["name"], c["role"], c["email"]) for c in data["contact_sidebar"]["contacts"]] == [
        ("Anna Andersson", "Coordinator", "anna@example.org"),
        ("Bo Berg", "Environmental strategist", "bo@example.org"),
    ]


def test_a_published_english_snippet_stays_published_when_a_page_using_it_is_submitted(
    translator, swedish, en
):
    """wagtail-localize re-saves the snippets a submitted page uses as drafts; the live
    English version stays what the translator published."""
    organisation, sidebar, page = swedish
    organisation_en = translator.translate_and_publish(organisation, en, ORGANISATION_EN)
    translator.translate(organisation_en, {"Provkommunen": "Trial Municipality"})  # unpublished

    translator.submit(page, en)

    organisation_en = fresh(organisation_en)
    assert organisation_en.live and organisation_en.name == "Test Municipality"
    assert organisation_en.has_unpublished_changes
    assert organisation_en.get_latest_revision_as_object().name == "Trial Municipality"
    assert translator.publish(organisation_en).name == "Trial Municipality"


# 2. Synchronised fields ------------------------------------------------------------------


def test_a_goals_code_and_colour_follow_the_swedish_without_touching_its_title(translator, sv, en):
    framework = factories.framework(slug="provramverk", title="Provramverk")
    goal = factories.goal(framework, code="7", colour="#FCC30B", title="Hållbar energi")
    translator.translate_and_publish(framework, en, {"Provramverk": "Test framework"})
    goal_en = translator.translate_and_publish(goal, en, {"Hållbar energi": "Clean energy"})
    assert (goal_en.code, goal_en.colour, goal_en.live) == ("7", "#FCC30B", True)

    goal.code, goal.colour = "7a", "#000000"
    goal.save_revision().publish()
    translator.sync(goal, publish=False)
    # Without "Publish immediately" the English goal waits for the translator's publish.
    assert (fresh(goal_en).code, fresh(goal_en).colour) == ("7", "#FCC30B")

    goal_en = translator.publish(goal_en)
    assert (goal_en.code, goal_en.colour, goal_en.title) == ("7a", "#000000", "Clean energy")
    assert goal_en.framework.title == "Test framework"


def test_a_contacts_new_email_reaches_english_on_sync_and_the_role_stays_english(
    translator, swedish, en
):
    organisation, sidebar, _ = swedish
    translator.translate_and_publish(organisation, en, ORGANISATION_EN)
    sidebar_en = translator.translate_and_publish(sidebar, en, SIDEBAR_EN)
    rows_before = list(sidebar_en.contacts.values_list("pk", flat=True))

    contacts = list(sidebar.contacts.all())
    contacts[0].email, contacts[0].phone = "anna.andersson@example.org", "031-765 43 21"
    sidebar.contacts = contacts
    sidebar.save_revision().publish()
    translator.sync(sidebar, publish=True)

    sidebar_en = fresh(sidebar_en)
    anna = sidebar_en.contacts.get(name="Anna Andersson")
    assert (anna.email, anna.phone, anna.role) == (
        "anna.andersson@example.org",
        "031-765 43 21",
        "Coordinator",
    )
    assert list(sidebar_en.contacts.values_list("pk", flat=True)) == rows_before
    assert sidebar_en.live and sidebar_en.title == "Contact"


# 3 and 7. Syncing after a Swedish change ------------------------------------------------


def test_sync_keeps_finished_work_and_asks_for_the_changed_segment(
    translator, english, swedish, en
):
    page_en = english[2]
    page = swedish[2]
    work = string_translations(page, en)
    revision = page_en.latest_revision_id

    page.intro = "En ny inledning."
    page.save_revision().publish()
    translator.sync(page, publish=False)

    # The sync leaves the English page and the translator's rows alone...
    page_en = fresh(page_en)
    assert page_en.intro == "A short introduction."
    assert (page_en.latest_revision_id, page_en.has_unpublished_changes) == (revision, False)
    assert string_translations(page, en) == work
    # ...and the editor asks for the changed text only: the old English is not reused.
    shown = translator.saved_strings(page_en)
    assert "En ny inledning." not in shown
    assert shown == {old: new for old, new in PAGE_EN.items() if old != "En kort inledning."}
    assert translator.translation(page_en).get_progress() == (len(PAGE_EN), len(PAGE_EN) - 1)

    translator.translate(page_en, {"En ny inledning.": "A new introduction."})
    page_en = translator.publish(page_en)
    assert page_en.intro == "A new introduction."
    assert page_en.title == "The Test Network"
    assert [aim.text for aim in page_en.aims.all()] == [PAGE_EN[text] for text in SV_AIMS]


def test_sync_with_publish_immediately_shows_swedish_only_for_the_changed_segment(
    translator, english, swedish, en
):
    page_en = english[2]
    page = swedish[2]
    work = string_translations(page, en)
    aims = list(page.aims.all())
    aims[1].text = "Att stödja strategerna i kommunerna."
    page.aims = aims
    page.save_revision().publish()

    translator.sync(page, publish=True)

    page_en = fresh(page_en)
    assert page_en.live and not page_en.has_unpublished_changes
    assert [aim.text for aim in page_en.aims.all()] == [
        PAGE_EN[SV_AIMS[0]],
        "Att stödja strategerna i kommunerna.",  # untranslated yet: the Swedish falls back
    ]
    assert (page_en.title, page_en.intro) == ("The Test Network", "A short introduction.")
    assert string_translations(page, en) == work


def test_a_changed_segment_gets_a_new_string_and_the_old_translation_returns_with_its_text(
    translator, english, swedish, en
):
    """wagtail-localize never reuses a translation for text it was not made for. It keeps
    the old one, and uses it again if the Swedish goes back to that text."""
    page_en = english[2]
    page = swedish[2]
    old = StringSegment.objects.get(
        source__object_id=page.translation_key, context__path="intro"
    ).string_id

    page.intro = "En ny inledning."
    page.save_revision().publish()
    translator.sync(page, publish=True)
    new = StringSegment.objects.get(source__object_id=page.translation_key, context__path="intro")
    assert new.string_id != old
    assert not StringTranslation.objects.filter(translation_of_id=new.string_id, locale=en)
    kept = StringTranslation.objects.get(
        translation_of_id=old, context__object_id=page.translation_key, locale=en
    )
    assert kept.data == "A short introduction."
    assert fresh(page_en).intro == "En ny inledning."
    po = translator.download_po(page_en)
    assert [(e.msgid, e.msgstr) for e in po.obsolete_entries()] == [
        ("En kort inledning.", "A short introduction.")
    ]

    page.intro = "En kort inledning."
    page.save_revision().publish()
    translator.sync(page, publish=True)
    assert fresh(page_en).intro == "A short introduction."


def test_sync_leaves_a_translation_the_translator_stopped_alone(translator, english, swedish):
    organisation_en = english[0]
    organisation = swedish[0]
    url = reverse(
        "wagtail_localize:stop_translation", args=[translator.translation(organisation_en).pk]
    )
    translator.client.post(url)
    organisation_en.name = "Test Municipality (edited by hand)"
    organisation_en.save_revision().publish()

    organisation.name = "Provkommunen i Väst"
    organisation.save_revision().publish()
    translator.sync(organisation, publish=True)
    assert fresh(organisation_en).name == "Test Municipality (edited by hand)"

    result = translate_with_strings(organisation, organisation_en.locale, {})
    assert result.edited_by_hand and result.added_strings == 0
    assert fresh(organisation_en).name == "Test Municipality (edited by hand)"


def test_translate_with_strings_leaves_an_english_version_made_by_hand_alone(sv, en):
    organisation = factories.organisation("Handkommunen")
    by_hand = organisation.copy_for_translation(en)
    by_hand.name = "Hand Municipality"
    by_hand.save()
    by_hand.save_revision().publish()

    result = translate_with_strings(organisation, en, {"Handkommunen": "Something else"})

    assert result.edited_by_hand
    assert fresh(by_hand).name == "Hand Municipality"


def test_translate_with_strings_without_publishing_keeps_the_live_english_page(
    english, swedish, en
):
    page_en = english[2]
    page = swedish[2]
    page.intro = "En ny inledning."
    page.save_revision().publish()

    result = translate_with_strings(
        page, en, {"En ny inledning.": "A new introduction."}, publish=False
    )

    live = fresh(page_en)
    assert live.live and live.intro == "A short introduction."
    assert live.has_unpublished_changes
    assert live.get_latest_revision_as_object().intro == "A new introduction."
    assert result.instance.pk == page_en.pk


def test_translate_with_strings_without_publishing_keeps_a_live_english_snippet(
    sv, en, django_capture_on_commit_callbacks
):
    organisation = factories.organisation("Utkastkommunen")
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_strings(organisation, en, {"Utkastkommunen": "Draft Municipality"})
    organisation.name = "Utkastkommunen i Väst"
    organisation.save_revision().publish()

    strings = {"Utkastkommunen i Väst": "Draft Municipality West"}
    english = fresh(translate_with_strings(organisation, en, strings, publish=False).instance)

    assert english.live and english.name == "Draft Municipality"
    assert english.get_latest_revision_as_object().name == "Draft Municipality West"


# 6. Unfinished work stays a draft --------------------------------------------------------


def test_an_unfinished_translation_stays_a_draft_and_the_editor_keeps_it(
    translator, english, swedish, en
):
    page_en = english[2]
    translator.translate(page_en, {"Provnätverket": "The Trial Network"})

    live = fresh(page_en)
    assert live.live and live.title == "The Test Network"
    assert live.latest_revision_id == page_en.latest_revision_id
    assert translator.saved_strings(page_en)["Provnätverket"] == "The Trial Network"
    assert translator.publish(page_en).title == "The Trial Network"


def test_a_new_translation_is_a_draft_until_the_translator_publishes_it(translator, swedish, en):
    organisation, sidebar, page = swedish
    translator.translate_and_publish(organisation, en, ORGANISATION_EN)
    translator.translate_and_publish(sidebar, en, SIDEBAR_EN)
    page_en = translator.submit(page, en)
    half = dict(list(PAGE_EN.items())[:4])
    translator.translate(page_en, half)

    assert not fresh(page_en).live
    assert translator.saved_strings(page_en) == half

    with translator.capture(execute=True):
        response = translator.client.post(
            translator.edit_url(page_en), {"action": "publish"}, follow=True
        )
    assert last_message(response) == "warning"  # published with missing translations
    page_en = fresh(page_en)
    assert page_en.live and page_en.title == "The Test Network"
    assert page_en.body[0].value == "Så arbetar vi"


# 4. PO files -----------------------------------------------------------------------------


def test_a_po_file_round_trip_fills_the_english_page(translator, swedish, en):
    organisation, sidebar, page = swedish
    translator.translate_and_publish(organisation, en, ORGANISATION_EN)
    translator.translate_and_publish(sidebar, en, SIDEBAR_EN)
    page_en = translator.submit(page, en)
    translator.translate(page_en, {"Provnätverket": "The Test Network"})

    po = translator.download_po(page_en)
    translation = translator.translation(page_en)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {e.msgid: e.msgstr for e in po} == {
        sv: ("The Test Network" if sv == "Provnätverket" else "") for sv in PAGE_EN
    }
    for entry in po:
        entry.msgstr = entry.msgstr or PAGE_EN[entry.msgid]
    po.find("En kort inledning.").msgstr = "A short introduction, from the PO file."
    po.find("Syfte och mål").msgstr = ""  # left for later

    response = translator.upload_po(page_en, po)
    assert last_message(response) == "success"
    rows = StringTranslation.objects.filter(context__object_id=page.translation_key, locale=en)
    assert set(rows.values_list("translation_of__data", "tool_name")) == {
        ("Provnätverket", ""),  # written in the editor, and the PO file did not change it
        *((sv, "PO File") for sv in PAGE_EN if sv not in ("Provnätverket", "Syfte och mål")),
    }

    page_en = translator.publish(page_en)
    assert page_en.live
    assert page_en.intro == "A short introduction, from the PO file."
    assert page_en.title == "The Test Network"
    assert page_en.body[0].value == "How we work"
    assert page_en.aims_heading == "Syfte och mål", "untranslated: the Swedish falls back"


def test_a_po_file_of_another_translation_is_refused(translator, swedish, en):
    organisation, sidebar, page = swedish
    organisation_en = translator.submit(organisation, en)
    page_en = translator.submit(page, en)
    po = translator.download_po(organisation_en)
    for entry in po:
        entry.msgstr = "Wrong"

    response = translator.upload_po(page_en, po)

    assert last_message(response) == "error"
    assert string_translations(page, en) == {}
    assert string_translations(organisation, en) == {}


# 5. Machine translation ------------------------------------------------------------------


def reversed_words(text: str) -> str:
    """What wagtail-localize's dummy translator writes for plain text."""
    return " ".join(reversed(text.split(" ")))


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
def test_machine_translation_fills_the_gaps_and_keeps_manual_work(translator, swedish, en):
    organisation, sidebar, page = swedish
    translator.translate_and_publish(organisation, en, ORGANISATION_EN)
    translator.translate_and_publish(sidebar, en, SIDEBAR_EN)
    page_en = translator.submit(page, en)
    translator.translate(page_en, {"Provnätverket": "The Test Network"})
    assert translator.editor(page_en)["machineTranslator"]["url"].endswith("/machine_translate/")

    response = translator.machine_translate(page_en)
    assert last_message(response) == "success"

    rows = StringTranslation.objects.filter(context__object_id=page.translation_key, locale=en)
    by_source = {row.translation_of.data: row for row in rows.select_related("translation_of")}
    assert set(by_source) == set(PAGE_EN)
    title = by_source.pop("Provnätverket")
    assert (title.data, title.translation_type) == ("The Test Network", "manual")
    assert {row.translation_type for row in by_source.values()} == {"machine"}
    assert by_source["En kort inledning."].data == "inledning. kort En"
    assert by_source["En kort inledning."].get_comment().startswith(("Translated with", "Översatt"))

    again = translator.machine_translate(page_en)
    assert last_message(again) == "warning"  # nothing left

    page_en = translator.publish(page_en)
    assert page_en.title == "The Test Network"
    assert page_en.intro == "inledning. kort En"
    assert [aim.text for aim in page_en.aims.all()] == [reversed_words(t) for t in SV_AIMS]


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
def test_sync_can_machine_translate_the_changed_segments(translator, english, swedish, en):
    page_en = english[2]
    page = swedish[2]
    page.intro = "En ny inledning."
    page.save_revision().publish()

    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with translator.capture(execute=True):
        response = translator.client.post(
            url, {"publish_translations": "on", "use_machine_translation": "on"}
        )
    assert response.status_code == 302

    page_en = fresh(page_en)
    assert page_en.intro == "inledning. ny En"
    assert page_en.title == "The Test Network", "the translator's work is kept"


def test_without_a_machine_translator_the_editor_offers_none(translator, swedish, en):
    organisation = swedish[0]
    organisation_en = translator.submit(organisation, en)

    assert translator.editor(organisation_en)["machineTranslator"] is None
    url = reverse(
        "wagtail_localize:machine_translate", args=[translator.translation(organisation_en).pk]
    )
    assert translator.client.post(url).status_code == 404


def test_the_documented_deepl_settings_translate_through_deepl(
    translator, swedish, en, monkeypatch
):
    """docs/how-to/translate.md's settings, with DeepL's API replaced at the network edge."""
    monkeypatch.setenv("DEEPL_API_KEY", "nyckel:fx")
    snippet = runpy.run_path(str(DOCS_SNIPPETS / "machine_translation_deepl.py"))
    calls = []

    class DeepLAnswer:
        def __init__(self, texts):
            self.texts = texts

        def json(self):
            return {"translations": [{"text": ORGANISATION_EN[t]} for t in self.texts]}

    def deepl_api(url, data, timeout, headers):
        calls.append((url, data, headers))
        return DeepLAnswer(data["text"])

    monkeypatch.setattr("wagtail_localize.machine_translators.deepl.requests.post", deepl_api)
    organisation_en = translator.submit(swedish[0], en)
    with override_settings(**{k: v for k, v in snippet.items() if k.isupper()}):
        translator.machine_translate(organisation_en)

    [(url, data, headers)] = calls
    assert url == "https://api-free.deepl.com/v2/translate"
    assert headers == {"Authorization": "DeepL-Auth-Key nyckel:fx"}
    assert (data["source_lang"], data["target_lang"]) == ("SV", "EN")
    assert sorted(data["text"]) == sorted(ORGANISATION_EN)
    organisation_en = translator.publish(organisation_en)
    assert organisation_en.name == "Test Municipality"
    tools = StringTranslation.objects.filter(
        context__object_id=organisation_en.translation_key, locale=en
    ).values_list("translation_type", "tool_name")
    assert set(tools) == {("machine", "DeepL")}
