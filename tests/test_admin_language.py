"""Every label in the editor's language: the editor's and the translator's admin screens,
walked through the real stack in Swedish and in English.

In Swedish no known English label of Wagtail or wagtail-localize may show; in English no
Swedish of the package's own catalogue may. The content is in both languages on both, so
the English check takes the content's own words out first.
"""

import json
import re
from pathlib import Path

import bs4
import polib
import pytest
import wagtail
import wagtail_localize
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Task, Workflow
from wagtail.users.models import UserProfile

import kommunnatverk
from kommunnatverk.admin.upstream_messages import UPSTREAM_MESSAGES
from kommunnatverk.content.registry import snippet_models
from kommunnatverk.roles.setup import (
    EDITOR_GROUP,
    ROOT_NAME,
    TASK_NAME,
    TRANSLATOR_GROUP,
    WORKFLOW_NAME,
)

PACKAGE_PO = Path(kommunnatverk.__file__).parent / "locale" / "sv" / "LC_MESSAGES"
UPSTREAM = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]

# What the Swedish admin showed in English before (issue 16), and the like.
KNOWN_ENGLISH = [
    "Exploring",
    "Date updated",
    "Side panel width",
    "Side panels",
    "Autosave is paused",
    "Search options",
    "Locale",
    "Moderators approval",
    "More actions",
    "Choose",
    "Publish in",
    "translation",
    "Any",
    "Saved",
]
KNOWN_ENGLISH_PATTERNS = [re.compile(r"\d+-\d+ of \d+")]


def upstream_msgids() -> set[str]:
    found = set()
    for root in UPSTREAM:
        for po in root.glob("**/locale/en/LC_MESSAGES/django.po"):
            found.update(entry.msgid for entry in polib.pofile(str(po)))
    return found


def test_upstream_msgids_are_upstream_and_the_package_swedish_wins():
    """The list names Wagtail's msgids byte for byte, and Swedish finds the package's."""
    known = upstream_msgids()
    assert [msgid for msgid in UPSTREAM_MESSAGES if msgid not in known] == []
    ours = {e.msgid: e.msgstr for e in polib.pofile(str(PACKAGE_PO / "django.po"))}
    with translation.override("sv"):
        shown = {msgid: gettext(msgid) for msgid in UPSTREAM_MESSAGES}
    assert shown == {msgid: ours[msgid] for msgid in UPSTREAM_MESSAGES}
    with translation.override("en"):
        assert [msgid for msgid in UPSTREAM_MESSAGES if gettext(msgid) != msgid] == []


# The walk -----------------------------------------------------------------------------


def member(username: str, group: str, language: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def chrome_text(response) -> str:
    """What a reader of the screen reads: its text, labels and hidden labels, without the
    scripts, the SVG sprite and the text being edited."""
    if response["Content-Type"].startswith("application/json"):
        html = response.json()["html"]
    else:
        html = response.content.decode()
    soup = bs4.BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "textarea", "svg", "noscript"]):
        tag.decompose()
    parts = [soup.get_text(" ")]
    for attribute in ("aria-label", "title", "placeholder", "data-w-tooltip-content-value"):
        parts += [tag[attribute] for tag in soup.find_all(attrs={attribute: True})]
    return " ".join(" ".join(parts).split())


def screens(network, role: str) -> dict[str, str]:
    """The admin addresses an editor or a translator works on, by name."""
    page = network.page if role == "editor" else network.english(network.page)
    news = network.water_day if role == "editor" else network.english(network.water_day)
    urls = {
        "page tree": reverse("wagtailadmin_explore", args=[page.pk]),
        "news list": reverse("wagtailadmin_explore", args=[network.english(network.news_index).pk])
        if role == "translator"
        else reverse("wagtailadmin_explore", args=[network.news_index.pk]),
        "page edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "news edit": reverse("wagtailadmin_pages:edit", args=[news.pk]),
        "translation report": reverse("kommunnatverk_translation_status"),
    }
    for model in snippet_models():
        viewset = model.snippet_viewset
        name = model._meta.model_name
        urls[f"{name} listing"] = reverse(viewset.get_url_name("list"))
        urls[f"{name} chooser"] = reverse(viewset.chooser_viewset.get_url_name("choose"))
    if role == "editor":
        urls["add news"] = reverse(
            "wagtailadmin_pages:add",
            args=["kommunnatverk", "newspage", network.news_index.pk],
        )
    return urls


def walk(client, network, role: str, language: str) -> dict[str, str]:
    call_command("kommunnatverk_setup_roles", verbosity=0)
    group = EDITOR_GROUP if role == "editor" else TRANSLATOR_GROUP
    client.force_login(member(f"{role}-{language}", group, language))
    texts = {}
    for name, url in screens(network, role).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        texts[name] = chrome_text(response)
    return texts


def english_in(text: str) -> list[str]:
    found = [
        label for label in KNOWN_ENGLISH if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)
    ]
    return found + [match.group() for p in KNOWN_ENGLISH_PATTERNS for match in p.finditer(text)]


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_swedish_admin_shows_no_english_label(client, network, role):
    texts = walk(client, network, role, "sv")
    assert {name: english_in(text) for name, text in texts.items() if english_in(text)} == {}
    # The labels that were English, now in Swedish
    assert "Utforskar" in texts["page tree"]
    assert re.search(r"1–\d+ av \d+ sidor", texts["page tree"])
    assert "Uppdaterad" in texts["page tree"]
    assert "Välj mål" in texts["goal chooser"]
    assert "Språk" in texts["goal chooser"]
    if role == "translator":
        assert "Svenska Engelska" in texts["page edit"]  # the translation editor's header


def test_the_editor_submits_to_a_swedish_workflow(client, network):
    assert Workflow.objects.filter(name="Moderators approval").exists()
    texts = walk(client, network, "editor", "sv")
    assert f"Lämna in till {WORKFLOW_NAME}" in texts["page edit"]
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Task.objects.filter(name=TASK_NAME).exists()
    assert Page.objects.get(depth=1).get_admin_display_title() == ROOT_NAME
    assert Collection.objects.get(depth=1).name == ROOT_NAME


def test_a_renamed_workflow_keeps_its_name(db):
    Workflow.objects.filter(name="Moderators approval").update(name="Webbredaktionen")
    call_command("kommunnatverk_setup_roles", verbosity=0)
    assert Workflow.objects.filter(name="Webbredaktionen").exists()
    assert not Workflow.objects.filter(name=WORKFLOW_NAME).exists()


def english_words() -> set[str]:
    """Every word of the English msgids, the package's and upstream's."""
    words = set()
    catalogues = [PACKAGE_PO / "django.po", PACKAGE_PO / "djangojs.po"]
    for root in UPSTREAM:
        catalogues += root.glob("**/locale/en/LC_MESSAGES/*.po")
    for po in catalogues:
        for entry in polib.pofile(str(po)):
            words.update(re.findall(r"\w+", entry.msgid.casefold()))
    return words


def package_swedish() -> list[str]:
    """The package's own Swedish labels, leaving out words that are English too ("Status",
    "data")."""
    english = english_words()
    words = set()
    for po in ("django.po", "djangojs.po"):
        for entry in polib.pofile(str(PACKAGE_PO / po)):
            for text in re.split(r"%\(\w+\)s|%s|<[^>]+>|[.,:;!?()“”\"'…]", entry.msgstr):
                text = " ".join(text.split())
                if len(text) <= 3 or text in entry.msgid:
                    continue
                if " " not in text and text.casefold() in english:
                    continue
                words.add(text)
    return sorted(words, key=len, reverse=True)


def content_words() -> list[str]:
    """Every text the content holds: the content stays in its own language on any admin."""
    texts = set(Page.objects.values_list("title", flat=True))
    texts.update(Page.objects.values_list("draft_title", flat=True))
    for model in apps.get_app_config("kommunnatverk").get_models():
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        for row in model.objects.values_list(*names) if names else []:
            texts.update(value for value in row if value)
    texts.update(str(obj) for model in snippet_models() for obj in model.objects.all())
    for model in (get_image_model(), get_document_model()):
        texts.update(model.objects.values_list("title", flat=True))
    texts.update(Collection.objects.values_list("name", flat=True))
    texts.update(Site.objects.values_list("site_name", flat=True))
    texts.update(Group.objects.values_list("name", flat=True))
    texts.add(settings.WAGTAIL_SITE_NAME)
    return sorted((text for text in texts if len(text) > 1), key=len, reverse=True)


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_english_admin_shows_no_swedish_of_the_package(client, network, role):
    texts = walk(client, network, role, "en")
    content = content_words()
    swedish = package_swedish()
    found = {}
    for name, text in texts.items():
        for words in content:
            text = text.replace(words, " ")
        hits = [s for s in swedish if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        if hits:
            found[name] = hits
    assert found == {}
    assert "Choose goal" in texts["goal chooser"]
    assert "Language" in texts["goal chooser"]


@pytest.mark.parametrize(
    ("language", "more_actions", "publish_in"),
    [("sv", "Fler åtgärder", "Publicera på "), ("en", "More actions", "Publish in ")],
)
def test_javascript_catalogues_carry_the_package_labels(
    client, network, language, more_actions, publish_in
):
    """The translation editor's React app reads its labels from these catalogues."""
    call_command("kommunnatverk_setup_roles", verbosity=0)
    client.force_login(member(f"translator-{language}", TRANSLATOR_GROUP, language))

    def catalogue(url: str) -> dict:
        script = client.get(url).content.decode()
        return _catalogue_of(script)

    package = catalogue(reverse("kommunnatverk_javascript_catalogue"))
    admin = catalogue(reverse("wagtailadmin_javascript_catalog"))
    if language == "sv":
        assert package["More actions"] == more_actions
        assert package["Publish in "] == publish_in
        assert admin["Search options…"] == "Sök bland alternativen…"
    else:
        assert "More actions" not in package  # an English admin keeps the msgids
    editor = client.get(
        reverse("wagtailadmin_pages:edit", args=[network.english(network.page).pk])
    ).content.decode()
    localize_catalogue = editor.index(reverse("wagtail_localize:javascript_catalog"))
    assert editor.index(reverse("kommunnatverk_javascript_catalogue")) > localize_catalogue
    assert "kommunnatverk/js/translation-editor-labels.js" in editor


def _catalogue_of(script: str) -> dict:
    match = re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL)
    return json.loads(match.group(1)) if match else {}


def test_translation_editor_dates_read_right_in_swedish(client, network):
    """wagtail-localize wrote "1 December 2026" with the C locale's month names."""
    call_command("kommunnatverk_setup_roles", verbosity=0)
    client.force_login(member("translator-dates", TRANSLATOR_GROUP, "sv"))
    english = network.english(network.page)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    editor = bs4.BeautifulSoup(html, "html.parser").select_one(".js-translation-editor")
    props = json.loads(editor["data-props"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", props["object"]["lastPublishedDate"])
    comments = [string["comment"] for string in props["initialStringTranslations"]]
    assert comments and all(re.search(r"\d{4}-\d{2}-\d{2}$", c) for c in comments), comments
    months = "January|February|March|April|May|June|July|August|September|October|November"
    assert not re.search(rf"\b({months}|December)\b", json.dumps(props))
