"""Benchmark: the reference templates' page views against the API's detail of the same page.

Run from the repository root::

    .venv/bin/python bench/html.py [--sizes 200,2000] [--groups 20] [--requests 30]

One process, as ``bench/api.py``: the example site's settings on a fresh SQLite file, the
goals and the demo network, then bench news in both languages (``--sizes``) and extra
working groups, each a menu item (``--groups``). For every page type in both languages it
prints the queries of one page view and the median of interleaved timed rounds, beside
the API's detail of the same page, and checks the issue's target: at most 12 queries per
page view, whatever the tree's size and the number of menu items.

A benchmark, not a test: the numbers depend on the machine, and nothing here runs in CI.
"""

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and this module's name
# would hide the standard library's ``html``: the repository root goes there instead.
if __package__ in (None, ""):
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from bench.api import (  # noqa: E402
    Bench,
    NewsBuilder,
    Row,
    configure,
    environment,
    install_urls,
    log,
    table,
)

MAX_PAGE_QUERIES = 12


def add_groups(count: int) -> None:
    """Working groups under the Swedish network page, each translated: menu items."""
    from wagtail.models import Locale

    from kommunnatverk.models import GroupPage, NetworkPage

    sv = Locale.objects.get(language_code="sv")
    en = Locale.objects.get(language_code="en")
    network = NetworkPage.objects.get(locale=sv)
    for i in range(count):
        group = GroupPage(title=f"Bänkgrupp {i}", slug=f"bankgrupp-{i}", intro=f"Arbetsgrupp {i}.")
        network.add_child(instance=group)
        group.save_revision().publish()
        english = group.copy_for_translation(en, copy_parents=False)
        english.title = f"Bench group {i}"
        english.save_revision().publish()


def sample_pages() -> list[tuple[str, object]]:
    """One live page of each of the package's types, in Swedish and in English."""
    from wagtail.models import Page

    from kommunnatverk.content.registry import page_types

    samples = []
    for model in page_types().values():
        for language in ("sv", "en"):
            page = (
                model.objects.live()
                .filter(locale__language_code=language)
                .exclude(slug__startswith="bank")
                .order_by("path")
                .first()
            )
            if page is not None:
                samples.append((f"{model.__name__} {language}", Page.objects.get(pk=page.pk)))
    return samples


def rows_for(samples) -> dict[str, Row]:
    rows = {}
    for label, page in samples:
        url = page.get_url()
        rows[f"html {label}"] = Row(f"HTML  {label}", url)
        rows[f"api {label}"] = Row(f"API   {label}", f"/api/network/pages/{page.pk}/")
    return rows


def cold_queries(rows: dict[str, Row]) -> dict[str, int]:
    """Queries of each HTML row's first view after a change: no page kept, no snapshot."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kommunnatverk.content import snapshot

    client = Client()
    counts = {}
    for key, row in rows.items():
        if not key.startswith("html "):
            continue
        caches["default"].clear()
        snapshot.forget()
        with CaptureQueriesContext(connection) as captured:
            client.get(row.url)
        counts[key] = len(captured.captured_queries)
    return counts


def report(all_results, all_cold, pages_by_size, settings_line: str) -> str:
    header = ["page", "news", "queries", "cold", "median ms", "p95 ms", "bytes", "HTML / API"]
    rows = [header]
    targets = []
    for size, results, cold in zip(pages_by_size, all_results, all_cold, strict=True):
        for key, result in results.items():
            ratio = ""
            if key.startswith("html "):
                api = results["api " + key.removeprefix("html ")]
                ratio = f"{result.median / api.median:.2f}x, {result.queries - api.queries:+d} q"
                targets.append((f"{result.name} at {size}", result.queries))
            rows.append(
                [
                    result.name,
                    str(size),
                    str(result.queries),
                    str(cold.get(key, "")),
                    f"{result.median:.2f}",
                    f"{result.p95:.2f}",
                    str(result.bytes),
                    ratio,
                ]
            )
    lines = [*environment(), settings_line, ""]
    lines += table(rows, right={1, 2, 3, 4, 5, 6})
    worst = max(targets, key=lambda target: target[1])
    met = all(queries <= MAX_PAGE_QUERIES for _, queries in targets)
    lines += [
        "",
        f"Target: at most {MAX_PAGE_QUERIES} queries per page view: "
        f"{'PASS' if met else 'MISS'} (most: {worst[1]}, {worst[0]})",
    ]
    if len(all_results) > 1:
        flat = all(
            {results[key].queries for results in all_results}.__len__() == 1
            for key in all_results[0]
            if key.startswith("html ")
        )
        lines.append(f"Target: the same queries at every size: {'PASS' if flat else 'MISS'}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000", help="news pages per language, ascending")
    parser.add_argument("--groups", type=int, default=20, help="extra working groups (menu items)")
    parser.add_argument("--requests", type=int, default=30, help="timed rounds per row")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})

    tmp = Path(tempfile.mkdtemp(prefix="kommunnatverk-bench-html-"))
    log(f"Working in {tmp}")
    try:
        configure(tmp)
        import django

        django.setup()
        install_urls()
        from django.core.management import call_command

        log("Migrating, loading goals and the demo network ...")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("kommunnatverk_load_goals", stdout=sys.stderr)
        call_command("load_network_demo", stdout=sys.stderr)
        log(f"Adding {args.groups} working groups per language ...")
        add_groups(args.groups)

        builder = NewsBuilder()
        bench = Bench(args.requests, args.warmup)
        all_results, all_cold = [], []
        for size in sizes:
            started = time.perf_counter()
            builder.add(size - builder.created)
            log(f"  {size} news per language in {time.perf_counter() - started:.1f} s")
            log(f"Measuring at {size} news pages per language ...")
            rows = rows_for(sample_pages())
            all_results.append(bench.measure(size, rows))
            all_cold.append(cold_queries(rows))

        settings_line = (
            f"Runs:     {args.warmup} warm-up + {args.requests} timed requests per row, rows "
            f"interleaved, in process (django.test.Client), DEBUG=False, SQLite file; "
            f"{args.groups} extra working groups in the menu; API response cache off; "
            f"'queries' = a repeated view, 'cold' = the first view after a change."
        )
        print(report(all_results, all_cold, sizes, settings_line))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
