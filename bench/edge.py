"""Through Varnish against direct: the hit ratio and latency under a bounded load, and
the time from a publish to fresh content at the edge.

    .venv/bin/python bench/edge.py [--requests 2000] [--clients 4] [--changes 5]

Starts what tests/test_edge.py starts (tests/edge_stack.py): a throwaway PostgreSQL,
the demo, two gunicorn servers (2 workers each), a task worker and Varnish with the VCL
from docs/how-to/varnish.vcl, the edge keeping responses an hour
(``EDGE_CACHE_CONTROL=max-age=3600``) and purged by surrogate key.

The load: ``--clients`` threads make ``--requests`` requests in all, over every URL a
frontend and visitors read (details, ``find/``, filtered lists, navigation, snippets,
HTML pages), the popular ones more often (a Zipf-like weight), with a publish after
every tenth of them. Each request goes through the edge and, right after, the same URL
straight to an app server, so both meet the same moments of a shared machine: read the
ratios. Then ``--changes`` publishes, each timed from the commit to the first read
through the edge that shows the new title.
"""

import argparse
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.edge_stack import Edge, edge_stack, urls_of  # noqa: E402
from tests.postgres import PostgresServer  # noqa: E402

PUBLISH = """
import time
from kommunnatverk.models import NewsPage
page = NewsPage.objects.filter(locale__language_code="sv", live=True).order_by("pk")[{index}]
page.title = "{title}"
page.save_revision().publish()
print(page.pk, page.get_url_parts()[2], time.time())
"""


FIRST_NEWS = """
from kommunnatverk.models import NewsPage
print(NewsPage.objects.filter(locale__language_code="sv", live=True).order_by("pk").first().pk)
"""
PUBLISH_FIRST = """
import time
from django.db import transaction
from kommunnatverk.models import NewsPage
page = NewsPage.objects.filter(locale__language_code="sv", live=True).order_by("pk").first()
page.title = "{title}"
with transaction.atomic():
    page.save_revision().publish()
print(time.time())
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def load(edge: Edge, urls: list[str], requests: int, clients: int) -> dict:
    weights = [1 / rank for rank in range(1, len(urls) + 1)]
    random.seed(2030)
    plan = random.choices(urls, weights=weights, k=requests)
    edge_ms, direct_ms, hits = [], [], []
    lock = threading.Lock()
    position = iter(range(requests))

    def client() -> None:
        while True:
            with lock:
                index = next(position, None)
            if index is None:
                return
            if index and index % max(1, requests // 10) == 0:
                edge.shell(PUBLISH.format(index=index % 3, title=f"Nyhet {index}"))
            url = plan[index]
            start = time.perf_counter()
            through = edge.get(url)
            middle = time.perf_counter()
            edge.get(url, direct=True)
            end = time.perf_counter()
            with lock:
                edge_ms.append((middle - start) * 1000)
                direct_ms.append((end - middle) * 1000)
                hits.append(through.headers.get("X-Cache", "").startswith("HIT"))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"edge": edge_ms, "direct": direct_ms, "hit_ratio": sum(hits) / len(hits)}


def poll_until(edge: Edge, url: str, text: str, seen: list[float], done: threading.Event) -> None:
    """Read ``url`` through the edge until it shows ``text``; note when."""
    while not done.is_set():
        if text in edge.get(url).text:
            seen.append(time.time())
            return
        time.sleep(0.005)


def publish_to_fresh(edge: Edge, changes: int) -> tuple[list[float], list[float]]:
    """Seconds from each publish's commit to fresh at the edge, and to an empty queue.
    The edge is polled while the publish runs, so the time the publishing process takes
    to exit is not counted."""
    fresh, queue = [], []
    page_id = edge.shell(FIRST_NEWS).strip()
    detail = f"/api/network/pages/{page_id}/"
    for number in range(changes):
        title = f"Färsk nyhet {number} {time.time():.0f}"
        edge.get(detail)  # cached as it is now
        seen: list[float] = []
        done = threading.Event()
        poller = threading.Thread(target=poll_until, args=(edge, detail, title, seen, done))
        poller.start()
        output = edge.shell(PUBLISH_FIRST.format(title=title))
        poller.join(timeout=60)
        done.set()
        committed = float(output.split()[-1])
        assert seen, "never fresh at the edge"
        fresh.append(seen[0] - committed)
        edge.wait_for_purges()
        queue.append(time.time() - committed)
    return fresh, queue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--changes", type=int, default=5)
    options = parser.parse_args()

    log("Starting PostgreSQL, the demo, two gunicorn servers, a worker and Varnish…")
    server = PostgresServer()
    try:
        import psycopg

        with psycopg.connect(server.url(), autocommit=True) as db:
            db.execute('CREATE DATABASE "edge_bench"')
        with edge_stack(server.url("edge_bench"), EDGE_CACHE_CONTROL="max-age=3600") as edge:
            urls = urls_of(edge)
            log(f"{len(urls)} URLs; {options.requests} requests by {options.clients} clients…")
            result = load(edge, urls, options.requests, options.clients)
            log(f"{options.changes} publishes, timed to fresh at the edge…")
            fresh, queue = publish_to_fresh(edge, options.changes)
    finally:
        server.remove()

    edge_ms, direct_ms = result["edge"], result["direct"]
    print(
        f"bench/edge.py: {len(urls)} URLs, {options.requests} requests, "
        f"{options.clients} clients, a publish every {options.requests // 10} requests"
    )
    print()
    print("| path | requests | hit ratio | p50 ms | p95 ms |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| through Varnish | {len(edge_ms)} | {result['hit_ratio']:.1%} | "
        f"{statistics.median(edge_ms):.2f} | {percentile(edge_ms, 0.95):.2f} |"
    )
    print(
        f"| straight to gunicorn | {len(direct_ms)} | n/a | "
        f"{statistics.median(direct_ms):.2f} | {percentile(direct_ms, 0.95):.2f} |"
    )
    print(
        f"| ratio (Varnish / direct) | | | "
        f"{statistics.median(edge_ms) / statistics.median(direct_ms):.2f}x | "
        f"{percentile(edge_ms, 0.95) / percentile(direct_ms, 0.95):.2f}x |"
    )
    print()
    print(
        f"publish → fresh at the edge, {len(fresh)} publishes: median "
        f"{statistics.median(fresh) * 1000:.0f} ms, max {max(fresh) * 1000:.0f} ms; "
        f"→ every purge sent: median {statistics.median(queue) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
