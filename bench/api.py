"""Benchmark: kommunnatverk's delivery API against Wagtail's core v2 and v3 APIs.

Run from the repository root::

    .venv/bin/python bench/api.py [--sizes 200,2000] [--requests 30] [--warmup 3] [--keep]

Everything happens in this one process: it configures Django with settings of its own
(the example site's, on a fresh SQLite file in a temporary directory), migrates, loads
the goals and the demo network, adds news pages in Swedish and English, and times the
APIs through Django's test ``Client``. It prints one table and checks the issue's targets.

A benchmark, not a test: the numbers depend on the machine, and nothing here runs in CI.
"""

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and bench/html.py would
# hide the standard library's ``html``: the repository root goes there instead.
if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import importlib.util
import math
import os
import platform
import shutil
import sqlite3
import statistics
import tempfile
import time
import types
from datetime import date, timedelta

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT / "example_site", ROOT):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

SETTINGS_MODULE = "kommunnatverk_bench_api_settings"
URLS_MODULE = "kommunnatverk_bench_api_urls"
NEWS_INDEX_SLUG = "nytt-i-natverket"
TAG_COUNT = 20
IMAGE_EVERY = 3  # one news item in three has an image
PROGRESS_EVERY = 100

# The targets.
MAX_LIST_QUERIES = 12
LIST_VS_V2 = 0.5
LIST_VS_V3 = 1.0  # issue 17: our full-summary list no slower than v3's compact one
DETAIL_VS_V3 = 0.75  # issue 17
NOT_MODIFIED_VS_FULL = 0.2


class BenchError(SystemExit):
    """A response other than the one expected: the run stops, loudly."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# Configuration -------------------------------------------------------------------------


def has_wagtail_v3() -> bool:
    try:
        return importlib.util.find_spec("wagtail.api.v3.apps") is not None
    except ModuleNotFoundError:
        return False


def configure(tmp: Path) -> None:
    """A settings module of our own, built from the example site's, in ``sys.modules``."""
    import example_site.settings as base

    settings = types.ModuleType(SETTINGS_MODULE)
    settings.__file__ = __file__
    for name in dir(base):
        if name.isupper():
            setattr(settings, name, getattr(base, name))
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    settings.DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp / "bench.sqlite3"),
            "CONN_MAX_AGE": 60,
        }
    }
    settings.MEDIA_ROOT = str(tmp / "media")
    settings.STATIC_ROOT = str(tmp / "static")
    installed = list(base.INSTALLED_APPS)
    if has_wagtail_v3() and "wagtail.api.v3" not in installed:
        installed.insert(installed.index("wagtail.api.v2") + 1, "wagtail.api.v3")
    settings.INSTALLED_APPS = installed
    settings.ROOT_URLCONF = URLS_MODULE
    # The main rows measure serialising; the response cache gets rows of its own.
    settings.KOMMUNNATVERK = {**base.KOMMUNNATVERK, "API_RESPONSE_CACHE": None}
    sys.modules[SETTINGS_MODULE] = settings
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE


def install_urls() -> None:
    """The URLconf: our API, core v2, core v3 and the site's pages (after ``setup()``)."""
    from django.conf.urls.i18n import i18n_patterns
    from django.urls import include, path
    from example_site.api import api_router
    from wagtail import urls as wagtail_urls

    urlpatterns = [
        path("api/network/", include("kommunnatverk.api.urls")),
        path("api/v2/", api_router.urls),
    ]
    if has_wagtail_v3():
        from wagtail.api.v3.urls import api as v3_api

        urlpatterns.append(path("api/v3/", v3_api.urls))
    urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
    urls = types.ModuleType(URLS_MODULE)
    urls.urlpatterns = urlpatterns
    sys.modules[URLS_MODULE] = urls


# Content -------------------------------------------------------------------------------


class NewsBuilder:
    """Adds bench news under the demo's news index, each in Swedish and English."""

    def __init__(self) -> None:
        from wagtail.images import get_image_model
        from wagtail.images.tests.utils import get_test_image_file
        from wagtail.models import Locale

        from kommunnatverk.localisation.agenda2030 import FRAMEWORK_SLUG
        from kommunnatverk.models import Goal, NetworkTag, NewsIndexPage

        self.sv = Locale.objects.get(language_code="sv")
        self.en = Locale.objects.get(language_code="en")
        self.sv_index = NewsIndexPage.objects.get(slug=NEWS_INDEX_SLUG, locale=self.sv)
        self.en_index = self.sv_index.get_translation(self.en)

        self.sv_tags, self.en_tags = [], []
        for i in range(TAG_COUNT):
            sv_tag = NetworkTag.objects.create(
                name=f"Bänktagg {i}", slug=f"banktagg-{i}", locale=self.sv
            )
            en_tag = NetworkTag.objects.create(
                name=f"Bench tag {i}",
                slug=f"bench-tag-{i}",
                locale=self.en,
                translation_key=sv_tag.translation_key,
            )
            self.sv_tags.append(sv_tag)
            self.en_tags.append(en_tag)

        self.sv_goals = list(
            Goal.objects.filter(framework__slug=FRAMEWORK_SLUG, locale=self.sv, live=True).order_by(
                "sort_order", "code"
            )
        )
        en_by_key = {
            goal.translation_key: goal for goal in Goal.objects.filter(locale=self.en, live=True)
        }
        self.en_goals = [en_by_key.get(goal.translation_key) for goal in self.sv_goals]
        if len(self.sv_goals) < 2 or None in self.en_goals:
            raise BenchError("The Agenda 2030 goals are missing or not translated into English.")

        self.image = get_image_model().objects.create(
            title="Bench image", file=get_test_image_file("bench.png")
        )
        self.created = 0
        self.first_with_image: int | None = None

    def _pairs(self, i: int, size: int) -> tuple[int, int]:
        a = i % size
        return a, (a + 1 + (i // size) % (size - 1)) % size

    def add(self, count: int) -> None:
        from django.db import transaction

        start = self.created
        for batch_start in range(start, start + count, PROGRESS_EVERY):
            batch_end = min(batch_start + PROGRESS_EVERY, start + count)
            with transaction.atomic():
                for i in range(batch_start, batch_end):
                    self._add_one(i)
            self.created = batch_end
            log(f"  news pages: {self.created} per language ({2 * self.created} pages)")

    def _add_one(self, i: int) -> None:
        from django.utils import timezone

        from kommunnatverk.models import NewsPage, NewsPageGoal, TaggedNewsPage

        now = timezone.now() - timedelta(minutes=i)
        tag_a, tag_b = self._pairs(i, len(self.sv_tags))
        goal_a, goal_b = self._pairs(i, len(self.sv_goals))
        has_image = i % IMAGE_EVERY == 0
        published = {
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": now,
            "last_published_at": now,
        }

        page = NewsPage(
            title=f"Bänknyhet {i}: klimatarbete i kommunerna",
            slug=f"banknyhet-{i}",
            date=date(2025, 6, 1) - timedelta(days=i),
            intro=f"Kort ingress till bänknyhet {i} om nätverkets hållbarhetsarbete.",
            body=[("paragraph", f"<p>Brödtext för bänknyhet {i}.</p>")],
            image=self.image if has_image else None,
            **published,
        )
        page.tagged_items = [
            TaggedNewsPage(tag=self.sv_tags[tag_a]),
            TaggedNewsPage(tag=self.sv_tags[tag_b]),
        ]
        page.goal_links = [
            NewsPageGoal(goal=self.sv_goals[goal_a]),
            NewsPageGoal(goal=self.sv_goals[goal_b]),
        ]
        self.sv_index.add_child(instance=page)

        # The links are made afresh below, to the English tags and goals.
        english = page.copy_for_translation(
            self.en, copy_parents=False, exclude_fields=["tagged_items", "goal_links"]
        )
        english.title = f"Bench news {i}: climate work in the municipalities"
        english.intro = f"Short intro to bench news {i} about the network's sustainability work."
        english.body = [("paragraph", f"<p>Body text of bench news {i}.</p>")]
        for name, value in published.items():
            setattr(english, name, value)
        english.tagged_items = [
            TaggedNewsPage(tag=self.en_tags[tag_a]),
            TaggedNewsPage(tag=self.en_tags[tag_b]),
        ]
        english.goal_links = [
            NewsPageGoal(goal=self.en_goals[goal_a]),
            NewsPageGoal(goal=self.en_goals[goal_b]),
        ]
        english.save()

        if has_image and self.first_with_image is None:
            self.first_with_image = page.pk


# Measuring -----------------------------------------------------------------------------


class Result:
    def __init__(self, name: str, pages: int, queries: int, times: list[float], size: int):
        self.name = name
        self.pages = pages
        self.queries = queries
        self.times = times
        self.bytes = size
        self.ratio = ""
        self.checks: list[tuple[str, bool]] = []

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times)  # nearest rank
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class Bench:
    def __init__(self, requests: int, warmup: int) -> None:
        from django.test import Client

        self.client = Client()
        self.requests = requests
        self.warmup = warmup

    def get(self, url: str, expect: int, etag: str | None = None):
        headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
        response = self.client.get(url, **headers)
        if response.status_code != expect:
            body = response.content[:2000].decode(errors="replace")
            raise BenchError(
                f"\nFAILED: GET {url} answered {response.status_code}, expected {expect}.\n"
                f"Headers: {dict(response.headers)}\nBody: {body}"
            )
        return response

    def measure(self, pages: int, rows: dict[str, "Row"]) -> dict[str, Result]:
        """Time ``rows`` side by side: one request of each in turn, ``requests`` rounds.

        Interleaving makes every row meet the same moments of a shared, noisy machine,
        so their ratios hold even when the absolute times drift.
        """
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        queries, sizes = {}, {}
        for key, row in rows.items():
            for _ in range(self.warmup):
                self.get(row.url, row.expect, row.etag)
            with CaptureQueriesContext(connection) as captured:
                response = self.get(row.url, row.expect, row.etag)
            # Count now: the next request's request_started signal empties the query log.
            queries[key] = len(captured.captured_queries)
            sizes[key] = len(response.content)
            if row.check is not None:
                row.check(response)
        times: dict[str, list[float]] = {key: [] for key in rows}
        for _ in range(self.requests):
            for key, row in rows.items():
                started = time.perf_counter()
                self.get(row.url, row.expect, row.etag)
                times[key].append((time.perf_counter() - started) * 1000)
        results = {}
        for key, row in rows.items():
            result = Result(row.name, pages, queries[key], times[key], sizes[key])
            log(f"  {row.name:<34} {result.queries:>4} queries  {result.median:8.2f} ms")
            results[key] = result
        return results


class Row:
    def __init__(self, name: str, url: str, expect: int = 200, etag=None, check=None) -> None:
        self.name, self.url, self.expect, self.etag, self.check = name, url, expect, etag, check


def expect_items(count_key: str, items_key: str, limit: int, minimum_total: int):
    """A check that a list answered ``limit`` items of at least ``minimum_total``."""

    def check(response) -> None:
        data = response.json()
        total = data
        for key in count_key.split("."):
            total = total[key]
        items = data[items_key]
        if len(items) != limit or total < minimum_total:
            raise BenchError(
                f"\nFAILED: {response.request['PATH_INFO']} gave {len(items)} items of "
                f"{total}; expected {limit} of at least {minimum_total}."
            )

    return check


def expect_detail(page_id: int, *keys: str):
    def check(response) -> None:
        data = response.json()
        if data.get("id") != page_id:
            raise BenchError(f"\nFAILED: detail answered id {data.get('id')}, not {page_id}.")
        for key in keys:
            if not data.get(key):
                raise BenchError(f"\nFAILED: detail of {page_id} has no {key!r}: {data}")

    return check


def run_size(bench: Bench, pages: int, detail_id: int, with_v3: bool) -> dict[str, Result]:
    ours_list = "/api/network/pages/?type=news&locale=sv&limit={}"
    v2_list = "/api/v2/pages/?type=kommunnatverk.NewsPage&fields=*&limit=20&locale=sv"
    v3_list = "/api/v3/pages/?type=kommunnatverk.NewsPage&limit=20&locale=sv"
    ours_detail = f"/api/network/pages/{detail_id}/"

    rows: dict[str, Row] = {}
    for limit in (5, 20, 50):
        rows[f"ours list {limit}"] = Row(
            f"ours list limit={limit}",
            ours_list.format(limit),
            check=expect_items("count", "items", limit, pages),
        )
    # Informational: what the opt-in meta.translation_status costs a list.
    rows["ours list status"] = Row(
        "ours list limit=20 translation_status",
        ours_list.format(20) + "&translation_status=true",
        check=expect_items("count", "items", 20, pages),
    )
    rows["v2 list"] = Row(
        "core v2 list fields=* limit=20",
        v2_list,
        check=expect_items("meta.total_count", "items", 20, pages),
    )
    if with_v3:
        rows["v3 list"] = Row(
            "core v3 list limit=20", v3_list, check=expect_items("count", "items", 20, pages)
        )
    rows["ours detail"] = Row(
        "ours detail", ours_detail, check=expect_detail(detail_id, "tags", "goals", "image")
    )
    rows["v2 detail"] = Row(
        "core v2 detail", f"/api/v2/pages/{detail_id}/", check=expect_detail(detail_id)
    )
    if with_v3:
        rows["v3 detail"] = Row(
            "core v3 detail", f"/api/v3/pages/{detail_id}/", check=expect_detail(detail_id)
        )
    for key, url in (("list", ours_list.format(20)), ("detail", ours_detail)):
        etag = bench.get(url, 200).headers.get("ETag")
        if not etag:
            raise BenchError(f"\nFAILED: GET {url} sent no ETag.")
        rows[f"ours {key} 304"] = Row(f"ours {key} 304 (If-None-Match)", url, expect=304, etag=etag)
    results = bench.measure(pages, rows)

    from django.test import override_settings

    with override_settings(KOMMUNNATVERK={"API_RESPONSE_CACHE": "default"}):
        cached = {
            "ours list cached": Row(
                "ours list limit=20, response cache",
                ours_list.format(20),
                check=expect_items("count", "items", 20, pages),
            ),
            "ours detail cached": Row(
                "ours detail, response cache",
                ours_detail,
                check=expect_detail(detail_id, "tags", "goals", "image"),
            ),
        }
        results.update(bench.measure(pages, cached))
    annotate(results)
    return results


def annotate(results: dict[str, Result]) -> None:
    """Ratios and the issue's targets, from the numbers just measured."""

    def ratio(mine: str, theirs: str) -> float | None:
        if theirs not in results:
            return None
        return results[mine].median / results[theirs].median

    for limit in (5, 20, 50):
        row = results[f"ours list {limit}"]
        row.checks.append((f"queries<={MAX_LIST_QUERIES}", row.queries <= MAX_LIST_QUERIES))
    row = results["ours list 20"]
    parts = []
    for other, label, target in (("v2 list", "v2", LIST_VS_V2), ("v3 list", "v3", LIST_VS_V3)):
        value = ratio("ours list 20", other)
        if value is not None:
            parts.append(f"{value:.2f}x {label}")
            row.checks.append((f"<={target}x {label}", value <= target))
    row.ratio = ", ".join(parts)

    row = results["ours detail"]
    parts = []
    for other, label in (("v2 detail", "v2"), ("v3 detail", "v3")):
        value = ratio("ours detail", other)
        if value is not None:
            parts.append(f"{value:.2f}x {label}")
            if label == "v3":
                row.checks.append((f"<={DETAIL_VS_V3}x v3", value <= DETAIL_VS_V3))
    row.ratio = ", ".join(parts)

    value = ratio("ours list status", "v3 list")
    if value is not None:
        results["ours list status"].ratio = f"{value:.2f}x v3"

    # Informational: what a warm response cache (KOMMUNNATVERK["API_RESPONSE_CACHE"]) gives.
    for key, other in (("ours list cached", "v3 list"), ("ours detail cached", "v3 detail")):
        value = ratio(key, other)
        if value is not None:
            results[key].ratio = f"{value:.2f}x v3"

    for key, full in (("ours list 304", "ours list 20"), ("ours detail 304", "ours detail")):
        value = ratio(key, full)
        results[key].ratio = f"{value:.2f}x full"
        results[key].checks.append(
            (f"<={NOT_MODIFIED_VS_FULL}x full", value <= NOT_MODIFIED_VS_FULL)
        )


# Report --------------------------------------------------------------------------------


def environment() -> list[str]:
    import django
    import ninja
    import wagtail

    return [
        f"Machine:  {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs"
        + (f" ({platform.processor()})" if platform.processor() else ""),
        f"Python:   {platform.python_implementation()} {platform.python_version()}",
        f"Django:   {django.get_version()}   Wagtail: {wagtail.__version__}   "
        f"django-ninja: {ninja.__version__}   SQLite: {sqlite3.sqlite_version}",
    ]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append(" | ".join(cells).rstrip())
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return lines


def report(all_results: list[dict[str, Result]], settings_line: str) -> str:
    header = ["endpoint", "pages", "queries", "median ms", "p95 ms", "bytes", "ratio", "target"]
    rows = [header]
    for results in all_results:
        for row in results.values():
            rows.append(
                [
                    row.name,
                    str(row.pages),
                    str(row.queries),
                    f"{row.median:.2f}",
                    f"{row.p95:.2f}",
                    str(row.bytes),
                    row.ratio,
                    ", ".join(f"{label} {verdict(ok)}" for label, ok in row.checks),
                ]
            )
    lines = [*environment(), settings_line, ""]
    lines += table(rows, right={1, 2, 3, 4, 5})

    # The targets, one line each.
    targets: list[tuple[str, bool, str]] = []
    for results in all_results:
        pages = results["ours list 20"].pages
        counts = [results[f"ours list {n}"].queries for n in (5, 20, 50)]
        targets.append(
            (
                f"list queries <= {MAX_LIST_QUERIES} (limit 5/20/50) at {pages} pages",
                max(counts) <= MAX_LIST_QUERIES,
                "/".join(map(str, counts)),
            )
        )
        targets.append(
            (
                f"list queries equal at limit 5/20/50 at {pages} pages",
                len(set(counts)) == 1,
                "/".join(map(str, counts)),
            )
        )
    if len(all_results) > 1:
        for limit in (5, 20, 50):
            counts = [results[f"ours list {limit}"].queries for results in all_results]
            sizes = "/".join(str(results["ours list 20"].pages) for results in all_results)
            targets.append(
                (
                    f"list queries equal at {sizes} pages (limit {limit})",
                    len(set(counts)) == 1,
                    "/".join(map(str, counts)),
                )
            )
    for results in all_results:
        pages = results["ours list 20"].pages
        for key in ("ours list 20", "ours detail", "ours list 304", "ours detail 304"):
            row = results[key]
            for label, ok in row.checks:
                if label.startswith("queries"):
                    continue
                targets.append((f"{row.name} {label} at {pages} pages", ok, row.ratio))
    lines += ["", "Targets (from the issue):"]
    width = max(len(t[0]) for t in targets)
    for label, ok, measured in targets:
        lines.append(f"  {verdict(ok)}  {label.ljust(width)}  measured: {measured}")
    missed = sum(1 for _, ok, _ in targets if not ok)
    lines.append(f"  {len(targets) - missed} of {len(targets)} targets met.")
    return "\n".join(lines)


# Main ----------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000", help="news pages per language, ascending")
    parser.add_argument("--requests", type=int, default=60, help="timed rounds per row")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    if not sizes or sizes[0] < 50:
        parser.error("--sizes needs sizes of at least 50 (the list asks for 50 items)")

    tmp = Path(tempfile.mkdtemp(prefix="kommunnatverk-bench-"))
    log(f"Working in {tmp}")
    try:
        configure(tmp)
        import django

        django.setup()
        install_urls()

        from django.core.management import call_command

        started = time.perf_counter()
        log("Migrating, loading goals and the demo network ...")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("kommunnatverk_load_goals", stdout=sys.stderr)
        call_command("load_network_demo", stdout=sys.stderr)
        log(f"  set up in {time.perf_counter() - started:.1f} s")

        with_v3 = has_wagtail_v3()
        if not with_v3:
            log("This Wagtail has no wagtail.api.v3: the v3 rows are left out.")
        builder = NewsBuilder()
        bench = Bench(args.requests, args.warmup)
        all_results = []
        for size in sizes:
            started = time.perf_counter()
            log(f"Adding {size - builder.created} news pages per language ...")
            builder.add(size - builder.created)
            log(f"  added in {time.perf_counter() - started:.1f} s")
            log(f"Measuring at {size} news pages per language ...")
            all_results.append(run_size(bench, size, builder.first_with_image, with_v3))

        settings_line = (
            f"Runs:     {args.warmup} warm-up + {args.requests} timed requests per row, "
            f"rows interleaved (one request of each in turn), "
            f"in process (django.test.Client), DEBUG=False, SQLite file; "
            f"'pages' = bench news per language (Swedish listed); p95 = nearest rank."
        )
        print(report(all_results, settings_line))
        return 0
    finally:
        if args.keep:
            log(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
