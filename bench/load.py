"""Load benchmark: locust against gunicorn (4 workers) on PostgreSQL.

Run from the repository root::

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--news 1000] [--workers 4]

It starts a throwaway PostgreSQL server, loads the example site's demo and grows it to
``--news`` news pages per language (with English translations), starts gunicorn on
loopback, and runs locust headless for a fixed time: many users making a mix of list,
detail, ``find``, navigation and snippet requests in both languages, a share of them
revalidating with ``If-None-Match``. It prints requests/s, p50/p95/p99, the error count,
and each worker's memory at the start and the end of the run. A benchmark, not a test.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

API = "/api/network/"
REVALIDATE_SHARE = 0.3


# The locust side: runs in a child process (locust patches the process with gevent) ------


def drive(host: str, users: int, seconds: int, targets: dict) -> dict:
    import random

    from locust import HttpUser, between, task
    from locust.env import Environment

    etags: dict[str, str] = {}

    class Reader(HttpUser):
        wait_time = between(0.05, 0.3)

        def get(self, path: str, name: str) -> None:
            headers = {}
            if path in etags and random.random() < REVALIDATE_SHARE:
                headers["If-None-Match"] = etags[path]
                name += " (revalidate)"
            with self.client.get(path, headers=headers, name=name, catch_response=True) as r:
                if r.status_code == 304 or (r.status_code == 200 and r.headers.get("ETag")):
                    etags.setdefault(path, r.headers.get("ETag", ""))
                    r.success()
                else:
                    r.failure(f"HTTP {r.status_code}")

        @task(4)
        def list_pages(self) -> None:
            locale = random.choice(("sv", "en"))
            offset = random.choice((0, 0, 0, 20, 40))
            self.get(f"{API}pages/?type=news&locale={locale}&offset={offset}", "pages/ list")

        @task(4)
        def detail(self) -> None:
            self.get(f"{API}pages/{random.choice(targets['ids'])}/", "pages/{id}/")

        @task(3)
        def find(self) -> None:
            self.get(f"{API}pages/find/?path={random.choice(targets['paths'])}", "pages/find/")

        @task(2)
        def navigation(self) -> None:
            self.get(f"{API}navigation/?locale={random.choice(('sv', 'en'))}", "navigation/")

        @task(2)
        def snippets(self) -> None:
            kind = random.choice(("goals", "organisations", "frameworks"))
            self.get(f"{API}{kind}/?locale={random.choice(('sv', 'en'))}", f"{kind}/")

    environment = Environment(user_classes=[Reader], host=host)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=max(1, users // 5))
    time.sleep(seconds)
    runner.quit()
    total = environment.stats.total
    return {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": total.num_requests / seconds,
        "p50": total.get_response_time_percentile(0.5),
        "p95": total.get_response_time_percentile(0.95),
        "p99": total.get_response_time_percentile(0.99),
        "by_name": {
            name: {
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "p50": entry.get_response_time_percentile(0.5),
                "p95": entry.get_response_time_percentile(0.95),
            }
            for (name, _method), entry in sorted(environment.stats.entries.items())
        },
        "errors": [str(error.error)[:200] for error in environment.stats.errors.values()],
    }


# The orchestrating side -------------------------------------------------------------------


def targets_of(base: str) -> dict:
    ids, paths = [], []
    for locale in ("sv", "en"):
        url = f"{base}{API}pages/?type=news&locale={locale}&limit=100"
        with urllib.request.urlopen(url) as response:  # noqa: S310 - loopback
            for item in json.load(response)["items"]:
                ids.append(item["id"])
                paths.append(item["meta"]["url"])
    return {"ids": ids, "paths": paths}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "drive":
        host, users, seconds, targets = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        print(json.dumps(drive(host, users, seconds, json.loads(Path(targets).read_text()))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--news", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    from servers import ROOT, Gunicorn, demo_site, log, postgres, site_env

    tmp = Path(tempfile.mkdtemp(prefix="kommunnatverk-bench-load-"))
    with postgres() as url:
        env = site_env(url, tmp / "media")
        demo_site(env)
        log(f"  growing to {args.news} news pages per language")
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "scale.py"), "build", str(args.news)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        server = Gunicorn(env, workers=args.workers)
        try:
            targets = targets_of(server.base)
            (tmp / "targets.json").write_text(json.dumps(targets))
            # Each worker serves every kind of request once before memory is read.
            warm = [
                sys.executable,
                __file__,
                "drive",
                server.base,
                "8",
                "10",
                str(tmp / "targets.json"),
            ]
            subprocess.run(warm, check=True, stdout=subprocess.DEVNULL)
            before = server.worker_rss_kib()
            log(f"  locust: {args.users} users for {args.seconds} s")
            run = subprocess.run(
                [sys.executable, __file__, "drive", server.base, str(args.users)]
                + [str(args.seconds), str(tmp / "targets.json")],
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            after = server.worker_rss_kib()
        finally:
            server.stop()
    stats = json.loads(run.stdout.strip().splitlines()[-1])
    print(report(args, stats, before, after))
    return 0


def report(args, stats: dict, before: dict[int, int], after: dict[int, int]) -> str:
    growth = [(after.get(pid, 0) - rss) / 1024 for pid, rss in before.items()]
    lines = [
        f"gunicorn {args.workers} sync workers on PostgreSQL, {args.news:,} news per language; "
        f"locust {args.users} users for {args.seconds} s, {REVALIDATE_SHARE:.0%} of repeat "
        "requests with If-None-Match.",
        "",
        "| requests | requests/s | p50 ms | p95 ms | p99 ms | errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {stats['requests']:,} | {stats['rps']:.0f} | {stats['p50']:.0f} | "
        f"{stats['p95']:.0f} | {stats['p99']:.0f} | {stats['failures']} |",
        "",
        "| endpoint | requests | p50 ms | p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, entry in stats["by_name"].items():
        lines.append(
            f"| {name} | {entry['requests']:,} | {entry['p50']:.0f} | {entry['p95']:.0f} | "
            f"{entry['failures']} |"
        )
    lines += [
        "",
        "Worker memory (RSS, MiB) after warm-up -> after the run: "
        + ", ".join(
            f"{before[pid] / 1024:.0f} -> {after.get(pid, 0) / 1024:.0f}" for pid in before
        ),
        f"Growth: median {statistics.median(growth):+.1f} MiB, largest {max(growth):+.1f} MiB.",
    ]
    if stats["errors"]:
        lines.append("Errors: " + "; ".join(stats["errors"]))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
