"""Translating into English with wagtail-localize: translated text, synchronised facts."""

import pytest
from wagtail_localize.models import Translation, TranslationSource

from kommunnatverk.localisation import translate_with_strings

from . import factories
from .network import AIMS, ENGLISH

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def run_on_commit(django_capture_on_commit_callbacks):
    """wagtail-localize publishes targets on commit; run those callbacks as they come."""
    with django_capture_on_commit_callbacks(execute=True):
        yield


def sync(obj, locale):
    """What a translator's "Sync translated pages" does: refresh the source, re-save target."""
    source = TranslationSource.objects.get_for_instance(obj)
    source.update_from_db()
    Translation.objects.get(source=source, target_locale=locale).save_target(publish=True)
    return obj.get_translation(locale)


def test_goal_translates_title_and_synchronises_code_colour_and_link(sv, en):
    fw = factories.framework()
    translate_with_strings(fw, en, {"Testramverk": "Test framework"})
    goal = factories.goal(
        fw,
        code="13",
        colour="#3F7E44",
        title="Bekämpa klimatförändringarna",
        url="https://example.org/13",
    )
    english = translate_with_strings(
        goal, en, {"Bekämpa klimatförändringarna": "Climate action"}
    ).instance

    assert english.title == "Climate action"
    assert (english.code, english.colour, english.url) == (
        "13",
        "#3F7E44",
        "https://example.org/13",
    )
    assert english.framework.locale == en and english.framework.title == "Test framework"
    assert english.live

    goal.colour = "#000000"
    goal.code = "13a"
    goal.save_revision().publish()
    english = sync(goal, en)
    assert (english.code, english.colour) == ("13a", "#000000")
    assert english.title == "Climate action", "syncing must keep the finished translation"


def test_synchronised_fields_are_not_offered_for_translation(sv, en):
    fw = factories.framework()
    goal = factories.goal(
        fw, code="5", colour="#FF3A21", title="Jämställdhet", url="https://example.org"
    )
    source, _ = TranslationSource.get_or_create_from_instance(goal)
    translated_strings = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert translated_strings == {"Jämställdhet"}


def test_network_page_translates_aims_and_body_and_keeps_links_in_step(network, en):
    english = network.english(network.page)
    assert english.title == "The Municipal Network for Sustainable Development"
    assert english.live
    assert [aim.text for aim in english.aims.all()] == [ENGLISH[aim] for aim in AIMS]
    assert [aim.text[:6] for aim in english.aims.all()] == ["To run", "To giv", "To str"]
    assert "multiplies each municipality's resources" in str(english.body)
    assert english.coordinator.locale == en
    assert {link.framework.locale for link in english.framework_links.all()} == {en}
    assert english.contact_sidebar.locale == en


def test_english_page_survives_a_swedish_change_until_translated(network, en):
    page = network.page
    page.aims_heading = "Syfte och mål"
    page.save_revision().publish()
    english = sync(page, en)
    # wagtail-localize falls back to the new Swedish text until a translator translates it,
    # and never touches the segments that did not change.
    assert english.aims_heading == "Syfte och mål"
    assert english.title == "The Municipal Network for Sustainable Development"


def test_translate_with_strings_never_overwrites_a_translators_work(sv, en):
    fw = factories.framework(title="Ramverk")
    translate_with_strings(fw, en, {"Ramverk": "Framework"})
    result = translate_with_strings(fw, en, {"Ramverk": "Something else"})
    assert result.added_strings == 0
    assert result.instance.title == "Framework"
