"""The public site as a visitor's browser gets it: every demo page in both languages, the
search page and the error pages, checked by tools nobody here wrote.

- axe-core (npm) in Chromium, WCAG 2.0, 2.1 and 2.2 at levels A and AA, at 1280 px and at
  375 px: no violation.
- The Nu HTML checker (npm's ``vnu-jar``, run with Java) on the HTML the server sent: no
  error.

The pages are the ones the sitemap lists, so a page the sitemap misses is also missed
here, and a page it wrongly lists (a draft, say) fails for its 404.
"""

import json
import os
import re
import shutil
import subprocess
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = Path(os.environ.get("KOMMUNNATVERK_NODE_MODULES", ROOT / "node_modules"))
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDTHS = {"desktop": 1280, "mobile": 375}
# The pages docs/images/site shows, in both languages (make site-screenshots).
SCREENSHOT_PATHS = {
    "/",
    "/en/",
    "/nytt-i-natverket/",
    "/en/news/",
    "/tillganglighetsredogorelse/",
    "/en/accessibility-statement/",
}

# Beyond the sitemap: the search page with and without results, and the error pages.
EXTRA_PATHS = {
    "/network/search/?q=energi": 200,
    "/en/network/search/?q=energy": 200,
    "/network/search/?q=qqqqzzzz": 200,
    "/finns-inte/": 404,
    "/en/does-not-exist/": 404,
}


def _tools_present() -> None:
    missing = [str(path) for path in (AXE, VNU) if not path.exists()]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run `npm ci` (make test-browser does)")
    if not shutil.which("java"):
        pytest.fail("the Nu HTML checker needs Java (a JRE 11 or later) on PATH")


def _sitemap_paths(base_url: str) -> list[str]:
    with urllib.request.urlopen(f"{base_url}/sitemap.xml") as response:  # noqa: S310
        tree = ET.fromstring(response.read())  # noqa: S314 - our own server's sitemap
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = sorted({urlsplit(loc.text).path for loc in tree.findall(".//sm:loc", namespace)})
    assert len(paths) >= 10, paths
    return paths


@pytest.fixture
def site_paths(demo, live_server) -> dict[str, int]:
    """Every page to check, with the status it must answer."""
    _tools_present()
    paths = dict.fromkeys(_sitemap_paths(live_server.url), 200)
    assert any(path.startswith("/en/") for path in paths), "no English page in the sitemap"
    # The events index and the demo's example meetings, in both languages.
    swedish = [p for p in paths if "/moten/" in p and not p.startswith("/en/")]
    english = [p for p in paths if p.startswith("/en/") and "/meetings/" in p]
    assert len(swedish) == len(english) == 4, sorted(paths)
    paths.update(EXTRA_PATHS)
    return paths


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    context.set_default_timeout(20_000)
    tab = context.new_page()
    yield tab
    context.close()


def _axe(tab: Page) -> list[dict]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})""",
        WCAG_TAGS,
    )
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
    ]


def _screenshot_name(path: str, width: str) -> str:
    name = re.sub(r"[^\w]+", "-", path.strip("/")) or "hem"
    return f"{name}-{width}.png"


def test_every_page_passes_axe_and_the_nu_html_checker(
    site_paths, live_server, visitor, request, tmp_path
):
    """One test, one demo load (the browser tests' database is built per test)."""
    axe_found = _axe_violations(site_paths, live_server, visitor, request)
    nu_errors = _nu_errors(site_paths, live_server, tmp_path)
    assert not axe_found, json.dumps(axe_found, indent=1, ensure_ascii=False)
    assert not nu_errors, "\n".join(nu_errors)


def _axe_violations(site_paths, live_server, visitor, request) -> dict[str, list[dict]]:
    screenshots = request.config.getoption("--site-screenshots")
    found: dict[str, list[dict]] = {}
    for width_name, width in WIDTHS.items():
        visitor.set_viewport_size({"width": width, "height": 900})
        for path, status in site_paths.items():
            response = visitor.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == status, (path, width_name)
            violations = _axe(visitor)
            if violations:
                found[f"{path} @ {width}px"] = violations
            if screenshots and path in SCREENSHOT_PATHS:
                Path(screenshots).mkdir(parents=True, exist_ok=True)
                visitor.screenshot(
                    path=Path(screenshots) / _screenshot_name(path, width_name), full_page=True
                )
    checked = len(site_paths) * len(WIDTHS)
    print(f"axe-core: {checked} page views, {sum(map(len, found.values()))} violations")
    return found


def _nu_errors(site_paths, live_server, tmp_path) -> list[str]:
    files = []
    for number, (path, status) in enumerate(site_paths.items()):
        try:
            with urllib.request.urlopen(f"{live_server.url}{path}") as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as error:
            assert error.code == status, path
            body = error.read()
        file = tmp_path / f"{number:03d}.html"
        file.write_bytes(body)
        files.append((file, path))
    run = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("java") or "java",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--errors-only",
            *map(str, (f for f, _ in files)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    by_file = {str(file): path for file, path in files}
    errors = [
        f"{by_file.get(urlsplit(message.get('url', '')).path, message.get('url'))}: "
        f"{message.get('message')} ({message.get('extract', '').strip()[:80]})"
        for message in messages
        if message.get("type") == "error"
    ]
    print(f"Nu HTML checker: {len(files)} pages, {len(errors)} errors")
    return errors
