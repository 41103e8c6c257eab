"""Benchmark: the delivery API from 1,000 to 10,000 news pages, on SQLite and PostgreSQL.

Run from the repository root::

    .venv/bin/python bench/scale.py [--sizes 1000,5000,10000] [--databases sqlite,postgres]
                                    [--requests 40] [--plot docs/images/scale.png]

For each database it loads the example site's demo, then grows it to each size: that many
Swedish news pages, each with its English translation, tags (200 per language), goals
and organisations (50). At each size a builder process counts the queries of each
endpoint (Django's test client), and a real gunicorn worker on loopback, with the API's
response cache off, is timed through HTTP, one request of each endpoint in turn; the
worker's peak RSS is read from /proc. Prints one table; writes a PNG plot of time
against pages. A benchmark, not a test: building takes minutes, nothing runs in CI.
"""

import argparse
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import EXAMPLE_SITE, ROOT, Gunicorn, demo_site, log, postgres, site_env  # noqa: E402

TAGS = 200
ORGANISATIONS = 50
BATCH = 250
ENDPOINTS = ("list sv", "list en", "detail", "detail en", "find")


# The builder: runs in a child process, inside the example site's Django ----------------


def build(target: int) -> dict:
    """Grow the bench news to ``target`` per language; return query counts and ids."""
    sys.path.insert(0, str(EXAMPLE_SITE))
    import django

    django.setup()
    from datetime import date, timedelta

    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from wagtail.models import Locale

    from kommunnatverk.models import (
        Goal,
        NetworkTag,
        NewsIndexPage,
        NewsPage,
        NewsPageGoal,
        NewsPageOrganisation,
        Organisation,
        TaggedNewsPage,
    )

    sv, en = Locale.objects.get(language_code="sv"), Locale.objects.get(language_code="en")
    sv_index = NewsIndexPage.objects.get(locale=sv, live=True)
    en_index = sv_index.get_translation(en)

    def pairs(model, make_sv, make_en, count):
        found = list(model.objects.filter(locale=sv, **make_sv(None)).order_by("pk"))
        with transaction.atomic():
            for i in range(len(found), count):
                obj = model.objects.create(locale=sv, **make_sv(i))
                model.objects.create(locale=en, translation_key=obj.translation_key, **make_en(i))
        sv_objs = list(model.objects.filter(locale=sv, **make_sv(None)).order_by("pk"))
        en_by_key = {o.translation_key: o for o in model.objects.filter(locale=en)}
        return sv_objs, [en_by_key[o.translation_key] for o in sv_objs]

    sv_tags, en_tags = pairs(
        NetworkTag,
        lambda i: (
            {"slug__startswith": "skaltagg-"}
            if i is None
            else {"name": f"Skaltagg {i}", "slug": f"skaltagg-{i}"}
        ),
        lambda i: {"name": f"Scale tag {i}", "slug": f"scale-tag-{i}"},
        TAGS,
    )
    sv_orgs, en_orgs = pairs(
        Organisation,
        lambda i: (
            {"name__startswith": "Skalkommun "}
            if i is None
            else {"name": f"Skalkommun {i}", "kind": "municipality", "live": True}
        ),
        lambda i: {"name": f"Scale municipality {i}", "kind": "municipality", "live": True},
        ORGANISATIONS,
    )
    sv_goals = list(Goal.objects.filter(locale=sv, live=True).order_by("pk"))
    en_by_key = {g.translation_key: g for g in Goal.objects.filter(locale=en)}
    en_goals = [en_by_key[g.translation_key] for g in sv_goals]

    done = NewsPage.objects.filter(locale=sv, slug__startswith="skalnyhet-").count()
    started = time.monotonic()
    for batch in range(done, target, BATCH):
        with transaction.atomic():
            for i in range(batch, min(batch + BATCH, target)):
                now = timezone.now() - timedelta(minutes=i)
                live = {"live": True, "first_published_at": now, "last_published_at": now}
                t, g, o = i % TAGS, i % len(sv_goals), i % ORGANISATIONS
                page = NewsPage(
                    title=f"Skalnyhet {i}: klimatarbete i kommunerna",
                    slug=f"skalnyhet-{i}",
                    date=date(2026, 6, 1) - timedelta(hours=i),
                    intro=f"Ingress till skalnyhet {i}.",
                    body=[("paragraph", f"<p>Brödtext {i}.</p>")],
                    **live,
                )
                page.tagged_items = [TaggedNewsPage(tag=sv_tags[t])]
                page.goal_links = [NewsPageGoal(goal=sv_goals[g])]
                page.organisation_links = [NewsPageOrganisation(organisation=sv_orgs[o])]
                sv_index.add_child(instance=page)
                english = page.copy_for_translation(
                    en,
                    copy_parents=False,
                    exclude_fields=["tagged_items", "goal_links", "organisation_links"],
                )
                english.title = f"Scale news {i}: climate work in the municipalities"
                for name, value in live.items():
                    setattr(english, name, value)
                english.tagged_items = [TaggedNewsPage(tag=en_tags[t])]
                english.goal_links = [NewsPageGoal(goal=en_goals[g])]
                english.organisation_links = [NewsPageOrganisation(organisation=en_orgs[o])]
                english.save()
        made = min(batch + BATCH, target)
        rate = (made - done) / (time.monotonic() - started)
        log(f"    built {made:>6} of {target} news per language ({rate:.0f}/s)")

    newest = NewsPage.objects.filter(locale=sv, slug__startswith="skalnyhet-").order_by("-pk")[0]
    ids = {
        "detail": newest.pk,
        "find": newest.get_url_parts()[2],
        "news": NewsPage.objects.filter(locale=sv).count(),
        "en_index": en_index.pk,
    }
    client, queries = Client(), {}
    for name, path in paths(ids).items():
        client.get(path, HTTP_HOST="127.0.0.1")  # the first fills the per-process snapshot
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_HOST="127.0.0.1")
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        queries[name] = len(captured)
    return {"ids": ids, "queries": queries}


def paths(ids: dict) -> dict[str, str]:
    api = "/api/network/"
    return {
        "list sv": f"{api}pages/?type=news&locale=sv&limit=20",
        "list en": f"{api}pages/?type=news&locale=en&limit=20",
        "detail": f"{api}pages/{ids['detail']}/",
        "detail en": f"{api}pages/{ids['detail']}/?locale=en",
        "find": f"{api}pages/find/?path={quote(ids['find'], safe='')}",
    }


# Measuring through a real server --------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_endpoints(server: Gunicorn, ids: dict, rounds: int) -> dict[str, list[float]]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    times: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
    targets = paths(ids)
    for round_number in range(rounds + 3):
        for name in ENDPOINTS:
            clock = time.perf_counter()
            connection.request("GET", targets[name])
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - clock) * 1000
            if response.status != 200:
                raise SystemExit(f"{targets[name]} answered {response.status}")
            if round_number >= 3:  # the first rounds warm the worker up
                times[name].append(elapsed)
    connection.close()
    return times


def measure(database: str, sizes: list[int], rounds: int) -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="kommunnatverk-bench-scale-"))
    server_context = (
        postgres() if database == "postgres" else nullcontext(f"sqlite:///{tmp / 'db.sqlite3'}")
    )
    results = []
    with server_context as url:
        env = {**site_env(url, tmp / "media"), "API_RESPONSE_CACHE": "off"}
        log(f"{database}: {url}")
        demo_site(env)
        for size in sizes:
            log(f"  growing to {size} news pages per language")
            built = subprocess.run(
                [sys.executable, __file__, "build", str(size)],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            info = json.loads(built.stdout)
            server = Gunicorn(env, workers=1)
            try:
                times = time_endpoints(server, info["ids"], rounds)
                peak = max(server.worker_rss_kib("VmHWM").values())
            finally:
                server.stop()
            results.append(
                {
                    "database": database,
                    "size": size,
                    "pages": 2 * info["ids"]["news"],
                    "queries": info["queries"],
                    "median": {n: statistics.median(t) for n, t in times.items()},
                    "p95": {n: percentile(t, 0.95) for n, t in times.items()},
                    "peak_rss_mib": peak / 1024,
                }
            )
            log(
                f"  measured at {size}: "
                + ", ".join(f"{n} {results[-1]['median'][n]:.1f} ms" for n in ENDPOINTS)
            )
    return results


def report(results: list[dict]) -> str:
    import django
    import wagtail

    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}; one gunicorn sync worker, response cache off.",
        "",
        "| database | news per language | endpoint | median ms | p95 ms | queries | peak RSS |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        for name in ENDPOINTS:
            lines.append(
                f"| {result['database']} | {result['size']:,} | {name} | "
                f"{result['median'][name]:.1f} | {result['p95'][name]:.1f} | "
                f"{result['queries'][name]} | {result['peak_rss_mib']:.0f} MiB |"
            )
    lines.append("")
    lines.append("Growth from the smallest to the largest size (median time ratio; queries):")
    for database in sorted({r["database"] for r in results}):
        rows = [r for r in results if r["database"] == database]
        first, last = rows[0], rows[-1]
        for name in ENDPOINTS:
            ratio = last["median"][name] / first["median"][name]
            same = first["queries"][name] == last["queries"][name]
            lines.append(
                f"- {database} {name}: {ratio:.2f}x from {first['size']:,} to {last['size']:,}; "
                f"queries {first['queries'][name]} -> {last['queries'][name]}"
                f" ({'constant' if same else 'CHANGED'})"
            )
    return "\n".join(lines)


def plot(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 4.5))
    for database, style in (("sqlite", "-o"), ("postgres", "--s")):
        rows = [r for r in results if r["database"] == database]
        if not rows:
            continue
        for name in ENDPOINTS:
            axes.plot(
                [r["size"] for r in rows],
                [r["median"][name] for r in rows],
                style,
                label=f"{name} ({database})",
            )
    axes.set_xlabel("news pages per language (each also in English)")
    axes.set_ylabel("median response time, ms")
    axes.set_title("kommunnatverk delivery API: time against pages")
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, ncol=2)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "build":
        print(json.dumps(build(int(sys.argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--plot", default=str(ROOT / "docs" / "images" / "scale.png"))
    parser.add_argument("--json", help="also write the raw results here")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    results = []
    for database in args.databases.split(","):
        results += measure(database, sizes, args.requests)
    print(report(results))
    plot(results, Path(args.plot))
    log(f"plot written to {args.plot}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
