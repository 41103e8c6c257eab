"""wagtail-localize's translation editor, a React app, in the translator's language."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from kommunnatverk.models import NetworkPage

from .conftest import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LABELS = {
    "sv": {
        "publish": "Publicera på Engelska",
        "heading": "Översättning från Svenska till Engelska",
        "more": "Fler åtgärder",
        "english": [
            "More actions",
            "Publish in",
            " to Engelska translation",
            "Publicera påEngelska",
        ],
    },
    "en": {
        "publish": "Publish in English",
        "heading": "Swedish to English translation",
        "more": "More actions",
        "english": ["Fler åtgärder", "Publicera", "Översättning från"],
    },
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_translation_editor_speaks_the_translators_language(
    page: Page, live_server, demo, language
):
    call_command("kommunnatverk_setup_roles", verbosity=0)
    user = make_user("oversattare", groups=["Översättare (engelska)"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    english = NetworkPage.objects.get(locale__language_code="sv").get_translation(
        Locale.objects.get(language_code="en")
    )
    base = live_server.url
    log_in(page, base, "oversattare")
    page.goto(f"{base}/admin/pages/{english.pk}/edit/")

    labels = LABELS[language]
    editor = page.locator(".js-translation-editor")
    expect(editor.locator("section h3").first).to_have_text(labels["heading"])
    expect(editor.get_by_text(labels["publish"], exact=True).first).to_be_attached()
    menu = editor.locator(".w-dropdown__toggle .w-sr-only").first
    expect(menu).to_have_text(labels["more"])
    # The editor's own words, not the content being translated.
    chrome = " ".join(
        editor.locator("header, section > * > h3, button, .w-sr-only, a.button").all_text_contents()
    )
    assert [text for text in labels["english"] if text in chrome] == []
