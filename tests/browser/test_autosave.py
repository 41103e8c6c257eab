"""An editor clicks Publish while autosave's answer is still on its way back.

The browser moves the create form to the page's edit address only when autosave answers,
so a Publish clicked in between posts the create form again. Here the server has made
the page from autosave's request, and the answer is held back until after the click:
the moment of the race, every time.
"""

import pytest
from playwright.sync_api import Page, Request, Route, expect

from kommunnatverk.models import NewsIndexPage, NewsPage

from .conftest import log_in
from .test_editor import editor  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_publish_clicked_before_autosave_answers_publishes_the_page_autosave_made(
    page: Page,
    live_server,
    editor,  # noqa: F811 - the fixture
):
    base = live_server.url
    index = NewsIndexPage.objects.get(locale__language_code="sv")
    add_url = f"{base}/admin/pages/add/kommunnatverk/newspage/{index.pk}/"
    held: list[tuple[Route, object]] = []

    def hold_autosave_answers(route: Route, request: Request) -> None:
        if request.method == "POST" and "application/json" in request.headers.get("accept", ""):
            held.append((route, route.fetch()))  # the server has answered; the browser waits
        else:
            route.continue_()

    log_in(page, base, "redaktor")
    page.goto(add_url)
    # The editor's scripts watch the form once loaded; a change typed before that is not
    # seen, and autosave would never start on a loaded machine.
    page.wait_for_load_state("networkidle")
    page.route(add_url, hold_autosave_answers)
    page.fill("#id_title", "Solceller på skolans tak")
    page.fill("#id_intro", "Eleverna följer hur mycket el taket ger.")
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )
    page.wait_for_timeout(0)  # let Playwright run the route handler
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1, "autosave posted the create form"
    draft = NewsPage.objects.get(title="Solceller på skolans tak")
    assert not draft.live
    # The form has not heard of the page yet: it still posts to the "add" address.
    expect(page.locator("#page-edit-form")).to_have_attribute(
        "action", f"/admin/pages/add/kommunnatverk/newspage/{index.pk}/"
    )

    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.click("button[name='action-publish']")

    expect(page).to_have_url(f"{base}/admin/pages/{index.pk}/")
    messages = page.locator(".messages")
    expect(messages).to_contain_text("Autospara hade redan skapat ”Solceller på skolans tak”")
    expect(messages).not_to_contain_text("Server Error")
    [published] = NewsPage.objects.filter(title="Solceller på skolans tak")
    assert published.pk == draft.pk
    assert published.live
    assert published.intro == "Eleverna följer hur mycket el taket ger."
    page.unroute_all(behavior="ignoreErrors")
