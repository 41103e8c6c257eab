"""The reference templates in a real browser: reflow at 320 px, visible keyboard focus
from the skip link through the menu, and a print that keeps the content."""

import pytest
from playwright.sync_api import Browser, Page, expect

# Each test asks for live_server before demo, as the other browser tests do: with demo
# first, the next test started on an empty database instead of the restored one.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/nytt-i-natverket/",
    "/nytt-i-natverket/internationella-vattendagen-22-mars/",
    "/en/projects/sustainable-travel-in-school/",
    "/network/search/?q=vatten",
    "/en/this-page-does-not-exist/",
]
FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        inMenu: element.closest(".site-nav") !== null,
        text: element.textContent.trim(),
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
    };
}"""


def test_every_part_reflows_at_320_px_without_scrolling_sideways(
    browser: Browser, live_server, demo
):
    """WCAG 1.4.10: 320 CSS pixels, which is 1280 px at 400 % zoom."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        for path in PAGES:
            tab.goto(live_server.url + path)
            sideways = tab.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert sideways <= 0, f"{path} scrolls {sideways} px sideways at 320 px"
            expect(tab.locator(".site-nav")).to_be_visible()
            expect(tab.locator("footer.site-footer")).to_be_visible()
    finally:
        context.close()


def test_keyboard_focus_is_visible_from_the_skip_link_to_the_menu(page: Page, live_server, demo):
    page.goto(live_server.url + "/nytt-i-natverket/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    for _ in range(10):
        focused = page.evaluate(FOCUSED)
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
        if focused["inMenu"]:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("ten presses of Tab did not reach the main menu")
    assert focused["text"] == "Startsida"


def test_the_skip_link_leads_to_the_main_content(page: Page, live_server, demo):
    page.goto(live_server.url + "/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_printed_page_keeps_the_content_and_leaves_out_the_menus(demo, page: Page, live_server):
    page.emulate_media(media="print")
    page.goto(live_server.url + "/nytt-i-natverket/internationella-vattendagen-22-mars/")
    hidden_parts = (".skip-link", ".site-nav", ".breadcrumbs", "form[role=search]")
    for hidden in (*hidden_parts, ".site-footer__part--links"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator("main h1")).to_have_text("Internationella vattendagen – 22 mars")
    expect(page.locator(".contact-sidebar")).to_be_visible()
    link = page.locator("main a[href^='https://www.un.org']")
    printed = link.evaluate("element => getComputedStyle(element, '::after').content")
    assert "https://www.un.org/en/observances/water-day" in printed
    badge = page.locator("main .goal-badge a").first
    assert badge.evaluate("element => getComputedStyle(element, '::after').content") == "none"
    expect(page.locator("footer .site-footer__contacts")).to_be_visible()
    assert page.pdf()[:4] == b"%PDF"
