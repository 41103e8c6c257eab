import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale

import kommunnatverk

from . import network as test_network
from .processes import copy_test_database, migrate
from .transactions import commit_callbacks_run_at_once, module_scoped

BUILT_NETWORK = pytest.StashKey[test_network.TestNetwork]()
MIGRATED_COPY = pytest.StashKey[Path | None]()


def pytest_sessionfinish(session, exitstatus) -> None:
    """The test settings give each run a media folder of its own; leave none behind."""
    from django.conf import settings

    if "kommunnatverk-test-media-" in str(settings.MEDIA_ROOT):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--browser",
        action="store_true",
        help="run the Playwright tests in tests/browser (make test-browser)",
    )
    parser.addoption(
        "--guide-screenshots",
        metavar="DIR",
        help="with --browser: save the guides' screenshots into DIR",
    )
    parser.addoption(
        "--site-screenshots",
        metavar="DIR",
        help="with --browser: save screenshots of the public site's pages into DIR",
    )


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    """tests/browser needs Chromium and runs on its own: only with ``--browser``."""
    browser_tests = Path(__file__).parent / "browser"
    if collection_path == browser_tests and not config.getoption("--browser"):
        return True
    return None


def pytest_configure(config) -> None:
    """Under ``make test-wheel``, prove the suite runs against the installed wheel."""
    if os.environ.get("KOMMUNNATVERK_EXPECT_INSTALLED"):
        where = Path(kommunnatverk.__file__).resolve()
        if "site-packages" not in where.parts:
            raise pytest.UsageError(f"kommunnatverk was imported from {where}, not the wheel")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory, request):
    """Every test starts from the test network (tests/network.py), built once per run.

    On SQLite the migrated database is copied first, before any content, for the tests
    that run ``manage.py`` in processes of their own (``migrated_database``).
    """
    copy = tmp_path_factory.mktemp("migrated") / "db.sqlite3"
    with django_db_blocker.unblock():
        request.config.stash[MIGRATED_COPY] = copy if copy_test_database(copy) else None
        request.config.stash[BUILT_NETWORK] = test_network.build()


@pytest.fixture
def network(db, request) -> test_network.TestNetwork:
    """The test network's objects, read afresh for this test."""
    return request.config.stash[BUILT_NETWORK].fresh()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The example site's demo in place of the test network, loaded once for the tests
    of a module and rolled back after them: no other test sees it."""

    def load() -> None:
        with commit_callbacks_run_at_once():
            test_network.clear()
            call_command("kommunnatverk_load_goals", verbosity=0)
            call_command("load_network_demo", verbosity=0)

    yield from module_scoped(django_db_blocker, load)


@pytest.fixture(scope="session")
def migrated_database_file(django_db_setup, request, tmp_path_factory) -> Path:
    """A SQLite database with every migration applied and no content yet: a copy of the
    test database made before the test network was built or, when the tests run on
    another database, one the example site's ``manage.py migrate`` makes once per run."""
    copy = request.config.stash[MIGRATED_COPY]
    if copy is None:
        copy = tmp_path_factory.mktemp("migrated-by-manage") / "db.sqlite3"
        migrate(copy)
    return copy


@pytest.fixture
def migrated_database(migrated_database_file, tmp_path) -> Path:
    """This test's own copy of ``migrated_database_file``."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database_file, database)
    return database


@pytest.fixture
def sv(db) -> Locale:
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def en(db) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def no_language_left_active():
    """Django's LocaleMiddleware activates a request's language in the thread and leaves
    it there: without this, a test would run in the language of the last request an
    earlier test (of any module in the same worker) made."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Test rollbacks reuse content-version numbers, so no cached response may survive."""
    from django.core.cache import cache

    from kommunnatverk.content import snapshot

    cache.clear()
    snapshot.forget()
    yield
    cache.clear()
    snapshot.forget()


@pytest.fixture
def api(client):
    """GET a path of the delivery API, returning the response with ``.data`` parsed."""

    def get(path: str, **headers):
        response = client.get(f"/api/network/{path}", **headers)
        response.data = response.json() if response.content else None
        return response

    return get
