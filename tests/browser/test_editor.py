"""An editor, in Swedish, in the real admin: publish news, meet the tree's rules and validation."""

import json
import random
import re
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import Page, expect

from kommunnatverk.models import GroupPage, NetworkPage, NewsIndexPage, NewsPage, ProjectPage

from .conftest import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def editor(demo):
    call_command("kommunnatverk_setup_roles", verbosity=0)
    return make_user("redaktor", groups=["Redaktör"])


def api_get(base_url: str, path: str) -> dict:
    with urllib.request.urlopen(f"{base_url}{path}") as response:  # noqa: S310 - the live server
        return json.load(response)


def choose_in_modal(tab: Page, text: str) -> None:
    tab.wait_for_selector(".modal-dialog", state="visible")
    tab.locator(".modal-dialog a", has_text=text).first.click()
    tab.wait_for_selector(".modal-dialog", state="hidden")


def test_editor_creates_previews_and_publishes_news(
    page: Page, live_server, editor, tmp_path: Path, guide_screenshots
):
    base = live_server.url
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    log_in(page, base, "redaktor")
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    # A news index takes news pages only (the test site adds its own news type too).
    page.goto(f"{base}/admin/pages/{index.pk}/add_subpage/")
    page.get_by_role("link", name="Nyhetssida", exact=True).click()
    expect(page).to_have_url(f"{base}/admin/pages/add/kommunnatverk/newspage/{index.pk}/")
    expect(page.get_by_role("heading", name="Ny: Nyhetssida")).to_be_visible()

    page.fill("#id_title", "Klimatveckan i Borås")
    page.fill("#id_date", "2026-11-20")
    page.keyboard.press("Escape")
    page.fill("#id_intro", "Kommunerna i nätverket samlas en vecka om klimatomställning.")
    tags = page.locator("ul.tagit input").first
    for tag in ("klimat", "Borås"):
        tags.fill(tag)
        tags.press("Enter")

    picture = tmp_path / "klimatveckan.png"
    Image.new("RGB", (800, 500), (random.randrange(256), 126, 68)).save(picture)  # noqa: S311
    page.click("#id_image-chooser .unchosen [data-chooser-action-choose]")
    page.wait_for_selector(".modal-dialog", state="visible")
    page.click("#tab-label-upload")
    page.set_input_files("#id_image-chooser-upload-file", str(picture))
    page.fill("#id_image-chooser-upload-title", "Klimatveckan")
    page.click("#tab-upload button[type=submit]")
    page.wait_for_selector(".modal-dialog", state="hidden")
    expect(page.locator("#id_image-chooser .chooser__title")).to_have_text("Klimatveckan")

    page.get_by_role("tab", name="Kopplingar").click()
    for goal in ("Rent vatten och sanitet för alla", "Hållbar energi för alla"):
        page.click("#id_goal_links-ADD")
        page.locator("#id_goal_links-FORMS [data-chooser-action-choose]:visible").last.click()
        choose_in_modal(page, goal)
    # Autosave has saved both rows and given the form their ids. A preview sent before
    # then shows a row twice, the saved one and the form's copy (Wagtail's preview and
    # autosave racing; the editor's next change draws it again).
    for row in (0, 1):
        expect(page.locator(f"input[name='goal_links-{row}-id']")).not_to_have_value("")

    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("[data-side-panel='preview'] iframe").first
    expect(preview.locator("h1")).to_have_text("Klimatveckan i Borås")
    expect(preview.get_by_text("Hållbar energi för alla")).to_be_visible()
    guide_screenshots(page, "editor-preview")
    page.click("[data-side-panel-toggle='preview']")

    # Autosave has made the draft and moved the form to its edit address (the moment of
    # the race with Publish is tests/browser/test_autosave.py's). Publishing while
    # autosave swaps the form's footer in would lose the click's open menu.
    form = page.locator("#page-edit-form")
    expect(form).to_have_attribute("action", re.compile(r"^/admin/pages/\d+/edit/"))
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )
    draft = NewsPage.objects.get(title="Klimatveckan i Borås")
    assert not draft.live

    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")
    expect(page).to_have_url(f"{base}/admin/pages/{index.pk}/")
    expect(page.locator(".messages")).to_contain_text("Klimatveckan i Borås")
    guide_screenshots(page, "editor-published")

    news = NewsPage.objects.get(title="Klimatveckan i Borås")
    assert news.pk == draft.pk
    assert news.live
    assert news.owner.username == "redaktor"
    assert sorted(news.tags.names()) == ["Borås", "klimat"]
    assert [link.goal.code for link in news.goal_links.all()] == ["6", "7"]
    assert news.image.title == "Klimatveckan"

    page.goto(f"{base}{news.url}")
    expect(page.locator("h1")).to_have_text("Klimatveckan i Borås")
    expect(page.locator("main img")).to_be_visible()

    item = api_get(base, f"/api/network/pages/find/?path={news.url}")
    assert item["id"] == news.pk
    assert item["title"] == "Klimatveckan i Borås"
    assert item["date"] == "2026-11-20"
    assert [goal["code"] for goal in item["goals"]] == ["6", "7"]
    assert sorted(tag["name"] for tag in item["tags"]) == ["Borås", "klimat"]
    # The editor gave the picture no alternative text of its own: decorative, not its title.
    assert item["image"]["alt"] == ""
    assert item["image"]["url"].endswith(".png")


def test_add_child_under_a_group_never_offers_news(page: Page, live_server, editor):
    base = live_server.url
    network = NetworkPage.objects.get(locale__language_code="sv")
    group = GroupPage.objects.child_of(network).first()
    log_in(page, base, "redaktor")

    # Under the network, whose news and project indexes exist, a group is all that is left,
    # so "add child" goes straight to its form.
    page.goto(f"{base}/admin/pages/{network.pk}/add_subpage/")
    expect(page).to_have_url(f"{base}/admin/pages/add/kommunnatverk/grouppage/{network.pk}/")

    # A group takes no children at all: no "add child" action and no form behind the URL.
    # (The action is "Lägg till undersida", as the network page's listing shows it.)
    page.goto(f"{base}/admin/pages/{network.get_parent().pk}/")
    expect(page.get_by_role("link", name="Lägg till undersida").first).to_be_attached()
    page.goto(f"{base}/admin/pages/{group.pk}/")
    expect(page.get_by_role("link", name="Lägg till undersida")).to_have_count(0)
    page.goto(f"{base}/admin/pages/{group.pk}/add_subpage/")
    news_choice = page.locator("main a[href*='/admin/pages/add/kommunnatverk/newspage/']")
    expect(news_choice).to_have_count(0)
    page.goto(f"{base}/admin/pages/add/kommunnatverk/newspage/{group.pk}/")
    expect(page.locator("#id_title")).to_have_count(0)
    assert not NewsPage.objects.child_of(group).exists()


def test_invalid_project_period_is_refused_on_the_field_in_swedish(page: Page, live_server, editor):
    base = live_server.url
    project = ProjectPage.objects.filter(locale__language_code="sv").first()
    revisions = project.revisions.count()
    start, end = project.start_date, project.end_date
    log_in(page, base, "redaktor")

    page.goto(f"{base}/admin/pages/{project.pk}/edit/")
    page.fill("#id_start_date", "2027-05-01")
    page.keyboard.press("Escape")
    page.fill("#id_end_date", "2027-01-31")
    page.keyboard.press("Escape")
    page.click("button[name='action-save'], button:has-text('Spara utkast')")

    end_field = page.locator("[data-contentpath='end_date']")
    expect(end_field).to_contain_text("Projektet kan inte sluta innan det börjar.")
    expect(page.locator(".messages")).to_contain_text("Sidan kunde inte sparas")
    # The editor's typed values are still there to correct.
    expect(page.locator("#id_start_date")).to_have_value("2027-05-01")
    expect(page.locator("#id_end_date")).to_have_value("2027-01-31")

    project.refresh_from_db()
    assert project.revisions.count() == revisions
    assert (project.start_date, project.end_date) == (start, end)
