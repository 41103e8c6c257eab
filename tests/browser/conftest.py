"""Playwright driving Debian's Chromium against the suite's live server.

These tests run only with ``pytest --browser`` (``make test-browser``): they need a
browser binary, and their transactional database would slow the rest of the suite.
"""

import contextlib
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# pytest-django's own database set-up, without the demo the rest of the suite loads once:
# these tests restore Wagtail's initial tree and load the demo themselves, after each
# transactional test has emptied the database.
from pytest_django.fixtures import django_db_setup  # noqa: F401
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API keeps an event loop in the test thread; Django would take every
# ORM call in the test for one made from async code (Playwright's documented setting).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A loaded machine takes longer than Playwright's 5 s to draw what an editor waits for;
# the assertions wait as long as the actions do (``context.set_default_timeout``).
expect.set_options(timeout=20_000)

CHROMIUM = os.environ.get("KOMMUNNATVERK_CHROMIUM", "/usr/bin/chromium")
FAILURE_SCREENSHOTS = Path(os.environ.get("KOMMUNNATVERK_BROWSER_RESULTS", "test-results/browser"))
PASSWORD = "lösenord-för-test"  # noqa: S105 - a throwaway user in the test database


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test-browser` installs it")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, answering one request at a time on in-memory SQLite.

    There the server's threads share the test's one database connection, so two requests
    at once run inside each other's transactions: a request's savepoints are released
    by another, and Django raises ``TransactionManagementError``. That is this set-up's
    fault, not the site's (each request has a connection of its own in production), and
    it struck when autosave and Publish were in flight together. The requests still meet
    as they do in production, one after the other.
    """
    addr = request.config.getvalue("liveserver") or os.getenv(
        "DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"
    )
    server = LiveServer(addr, start=False)
    if server.thread.connections_override:
        server.thread.static_handler = one_request_at_a_time(server.thread.static_handler)
    server.start()
    yield server
    server.stop()


def one_request_at_a_time(handler_class: type) -> type:
    lock = threading.Lock()

    class OneAtATime(handler_class):
        def __call__(self, environ, start_response):
            with lock:
                return super().__call__(environ, start_response)

    return OneAtATime


@pytest.fixture
def demo(transactional_db) -> None:
    """The demo content on Wagtail's initial tree (restored by ``serialized_rollback``)."""
    call_command("kommunnatverk_load_goals", verbosity=0)
    call_command("load_network_demo", verbosity=0)
    # Wagtail caches site root paths; the ones from before the reload point nowhere.
    cache.clear()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest, transactional_db) -> Iterator[Page]:
    """A Swedish-speaking browser tab; a screenshot is kept when the test fails.

    It asks for the database so that it is closed before the database is emptied: a tab
    still open then (an autosave on its timer) wrote rows while Django flushed the
    tables, and the flush failed on a foreign key."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    context.set_default_timeout(20_000)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        FAILURE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        tab.screenshot(path=FAILURE_SCREENSHOTS / f"{name}.png", full_page=True)
    # Let a request in flight finish before the tab goes: the server answers one at a time.
    with contextlib.suppress(PlaywrightTimeoutError):
        tab.wait_for_load_state("networkidle", timeout=10_000)
    context.close()


@pytest.fixture
def guide_screenshots(request: pytest.FixtureRequest):
    """Saves a named screenshot for the editor's and translator's guides.

    ``pytest --browser --guide-screenshots docs/images/guide`` refreshes the docs' images.
    """
    target = request.config.getoption("--guide-screenshots")

    def take(tab: Page, name: str, **options) -> None:
        if target:
            Path(target).mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=Path(target) / f"{name}.png", **options)

    return take


def make_user(username: str, *, groups: list[str]):
    """A user who sees the admin in Swedish, in the groups `kommunnatverk_setup_roles` made."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", PASSWORD)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sv"
    profile.save()
    return user


def log_in(tab: Page, base_url: str, username: str) -> None:
    tab.goto(f"{base_url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.click("form button[type=submit]")
    tab.wait_for_url(f"{base_url}/admin/")
