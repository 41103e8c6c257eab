"""The guides name buttons, tabs and fields in the words the screens use.

Every term in **bold** in the editor's and translator's guides (``A → B`` is a path of
two) must be a label the Swedish admin shows: on the screens the guides walk through, as
rendered for the guides' users, or in a catalogue of the admin's scripts (the translation
editor is drawn in the browser). A guide that says "Lägg till underordnad sida" where the
screen says "Lägg till undersida" fails here.
"""

import json
import re
from pathlib import Path

import bs4
import polib
import pytest
import wagtail_localize
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

import kommunnatverk
from kommunnatverk.content.registry import snippet_models
from kommunnatverk.roles.setup import EDITOR_GROUP, TRANSLATOR_GROUP

from . import factories

pytestmark = pytest.mark.django_db

GUIDES = Path(__file__).parent.parent / "docs" / "guides"
# Terms in bold that are not labels of the admin, with why.
NOT_LABELS = {
    "Redaktör",  # the groups' names, which the administrator sees
    "Översättare (engelska)",
}
LABEL_TAGS = [
    "a", "button", "label", "th", "h1", "h2", "h3", "legend", "option", "summary", "span",
    "li", "p", "td", "strong", "dt", "dd",
]  # fmt: skip


def bold_terms(guide: Path) -> set[str]:
    text = guide.read_text()
    terms = set()
    for bold in re.findall(r"\*\*(.+?)\*\*", text, re.DOTALL):
        for part in bold.split("→"):
            terms.add(" ".join(part.split()))
    return terms - NOT_LABELS


def labels_of(html: str) -> set[str]:
    soup = bs4.BeautifulSoup(html, "html.parser")
    labels = set()
    # The sidebar's menu is drawn from JSON.
    for script in soup.find_all("script", type="application/json"):
        labels.update(re.findall(r'"label": "((?:[^"\\]|\\.)*)"', script.get_text()))
    labels = {json.loads(f'"{label}"') for label in labels}
    for tag in soup(["script", "style", "template", "svg"]):
        tag.decompose()
    for element in soup.find_all(LABEL_TAGS):
        labels.add(" ".join(element.get_text(" ").split()))
    # A tab's or a field's own words, without the error count or the required mark beside.
    labels.update(" ".join(text.split()) for text in soup.find_all(string=True))
    for element in soup.find_all(attrs={"aria-label": True}):
        labels.add(element["aria-label"])
    for element in soup.find_all("input", type="submit"):
        labels.add(element.get("value", ""))
    return {label.strip(" :*") for label in labels}


def script_labels() -> set[str]:
    """The labels the translation editor's scripts draw: its catalogue's Swedish, with the
    package's where both have one; a label that ends in a space is followed by a language."""
    labels = set()
    for root in (Path(wagtail_localize.__file__).parent, Path(kommunnatverk.__file__).parent):
        po = root / "locale" / "sv" / "LC_MESSAGES" / "djangojs.po"
        for entry in polib.pofile(str(po)):
            labels.add(entry.msgstr.strip())
            if entry.msgstr.endswith(" "):
                labels.update(f"{entry.msgstr}{language}" for language in ("Engelska", "Svenska"))
    return labels


def user(username: str, group: str | None):
    """A member of ``group``, or a superuser without one, whose admin is Swedish."""
    if group is None:
        member = get_user_model().objects.create_superuser(username, f"{username}@x.org", "x")
    else:
        member = get_user_model().objects.create_user(username, f"{username}@x.org", "x")
        member.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "sv"
    profile.save()
    return member


@pytest.fixture
def screen_labels(client, network) -> set[str]:
    """The labels of the screens the guides walk through, as the editor and the translator
    see them in Swedish."""
    call_command("kommunnatverk_setup_roles", verbosity=0)
    untranslated = factories.news(network.news_index, "bara-pa-svenska", title="Bara på svenska")
    english = network.english
    source = TranslationSource.objects.get(object_id=network.page.translation_key)
    editor_screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_explore", args=[network.page.pk]),
        reverse("wagtailadmin_explore", args=[network.news_index.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[network.page.pk]),
        reverse(
            "wagtailadmin_pages:add", args=["kommunnatverk", "newspage", network.news_index.pk]
        ),
        reverse("wagtailadmin_pages:edit", args=[network.water_day.pk]),
        reverse("wagtailadmin_pages:edit", args=[next(iter(network.projects.values())).pk]),
        reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]),
        reverse("wagtail_localize:update_translations", args=[source.pk]),
    ]
    translator_screens = [
        reverse("kommunnatverk_translation_status"),
        reverse("wagtailadmin_pages:edit", args=[english(network.water_day).pk]),
    ]
    for model in snippet_models():
        editor_screens.append(reverse(model.snippet_viewset.get_url_name("list")))
    editor_screens.append(
        reverse(
            "wagtailadmin_pages:add",
            args=["kommunnatverk", "accessibilitystatementpage", network.page.pk],
        )
    )
    # Only an administrator adds a network, at the top of the tree.
    administrator_screens = [
        reverse(
            "wagtailadmin_pages:add",
            args=["kommunnatverk", "networkpage", network.page.get_parent().pk],
        )
    ]
    labels = set()
    for username, group, urls in [
        ("redaktor", EDITOR_GROUP, editor_screens),
        ("oversattare", TRANSLATOR_GROUP, translator_screens),
        ("admin", None, administrator_screens),
    ]:
        client.force_login(user(username, group))
        for url in urls:
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            labels |= labels_of(response.content.decode())
    return labels


def test_every_bold_term_of_the_guides_is_a_label_on_the_screen(screen_labels):
    known = {label.casefold() for label in screen_labels | script_labels()}
    missing = {
        guide.name: sorted(term for term in bold_terms(guide) if term.casefold() not in known)
        for guide in sorted(GUIDES.glob("*.md"))
    }
    assert {guide: terms for guide, terms in missing.items() if terms} == {}


def test_the_tag_field_says_what_the_guides_say(client, network):
    """The guides quote the tag field's help text; the editor's form shows it."""
    call_command("kommunnatverk_setup_roles", verbosity=0)
    client.force_login(user("redaktor", EDITOR_GROUP))
    form = client.get(
        reverse("wagtailadmin_pages:edit", args=[network.water_day.pk])
    ).content.decode()
    for guide in ("redaktor.md", "editor.md"):
        assert "Separera dem med kommatecken" in (GUIDES / guide).read_text()
    assert "Separera dem med kommatecken" in form
    for guide in GUIDES.glob("*.md"):
        assert "Tryck Enter" not in guide.read_text()
        assert "underordnad sida" not in guide.read_text()
