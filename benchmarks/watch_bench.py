"""Measure the web watch: one polling cycle over 1,000 local feeds, a second cycle with nothing
new, and the triage list's first page over 100,000 stored mentions.

Usage: .venv/bin/python benchmarks/watch_bench.py [--feeds 1000] [--items 50] [--mentions 100000]

The feeds are served by a threaded http.server in a separate process on 127.0.0.1, with ETag and
Last-Modified. About 1 % of the items name the CPE: only those become mentions and go through
the engine (the watch never judges an item that does not match a watched term). The floor is a
bare asyncio + httpx loop that only downloads the same feeds with the same connection limit.
Results are printed as a Markdown table for docs/watch.md.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse  # noqa: E402  (thread limits first)
import asyncio  # noqa: E402
import multiprocessing  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from email.utils import format_datetime  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PER_HOST = 8  # every bench feed is on one host: the per-host limit is the connection limit


def rss_mb() -> float:
    """Returns the current resident set size of this process, in MB (from /proc)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def feed_xml(n: int, items: int) -> bytes:
    """A 50-item RSS feed; one item in a hundred names the CPE."""
    when = format_datetime(datetime(2026, 3, 1, tzinfo=UTC))
    out = []
    for i in range(items):
        k = n * items + i
        named = k % 100 == 7
        title = (
            f"Le CPE Premier Pas accueille le groupe {k}"
            if named
            else f"Nouvelle régionale numéro {k}"
        )
        body = (
            f"Article {k} : la vie à La Tuque, le conseil municipal, la météo et les sports de la semaine. "
            + ("Les parents du CPE 1er Pas sont invités." if named else "Rien à signaler.")
        )
        out.append(
            f"<item><title>{title}</title><link>https://nouvelles.example/{n}/{i}?utm_source=rss</link>"
            f"<guid>https://nouvelles.example/{n}/{i}</guid><description>{body}</description>"
            f"<pubDate>{when}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fil '
        f"{n}</title><link>https://nouvelles.example/</link><description>x</description>{''.join(out)}"
        "</channel></rss>"
    ).encode()


def serve(port_queue, feeds: int, items: int) -> None:
    """The feed server (own process): 200 with ETag, or 304 when If-None-Match matches."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    bodies = {f"/feed/{n}.xml": feed_xml(n, items) for n in range(feeds)}
    modified = format_datetime(datetime(2026, 3, 1, tzinfo=UTC), usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes

        def log_message(self, *args):
            pass

        def do_GET(self):
            body = bodies.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = f'"{self.path}-v1"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    ThreadingHTTPServer.request_queue_size = 256
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    port_queue.put(httpd.server_address[1])
    httpd.serve_forever()


async def floor(urls: list[str]) -> int:
    """The bare loop: download every feed with the same connection limit; returns bytes read."""
    import httpx

    limits = httpx.Limits(max_connections=PER_HOST, max_keepalive_connections=PER_HOST)
    async with httpx.AsyncClient(limits=limits, timeout=30, trust_env=False) as client:
        slots = asyncio.Semaphore(PER_HOST)

        async def one(url: str) -> int:
            async with slots:
                return len((await client.get(url)).content)

        return sum(await asyncio.gather(*(one(u) for u in urls)))


def setup_django(var: Path) -> None:
    os.environ["BALISE_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balise.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.BALISE_WATCH_ALLOW_LOOPBACK = True  # the bench's feeds are on 127.0.0.1
    settings.BALISE_WATCH_PER_HOST = PER_HOST
    settings.BALISE_WATCH_CONCURRENCY = 32
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)


def make_org():
    from balise.accounts.models import Membership, Organization, Role, User

    org = Organization.objects.create(name="CPE Premier Pas", slug="premier-pas", city="La Tuque")
    user = User.objects.create_user(
        "dg@premierpas.example", "mot-de-passe-solide-42", full_name="Josée"
    )
    Membership.objects.create(
        user=user, organization=org, role=Role.DIRECTION, is_director_general=True
    )
    return org, user


def bench_cycles(org, base: str, feeds: int, items: int) -> dict:
    from balise.watch.judge import checker_for, org_profile
    from balise.watch.models import Mention, Source
    from balise.watch.poller import run_cycle

    Source.objects.bulk_create(
        Source(organization=org, kind="flux", name=f"Fil {n}", url=f"{base}/feed/{n}.xml")
        for n in range(feeds)
    )
    rss_django = rss_mb()
    started = time.perf_counter()
    checker_for(org_profile(org)).check_many([])  # warm-up, once per worker process
    from balise.engine import Context, Post

    list(checker_for(org_profile(org)).check_many([Post("w", "Le CPE Premier Pas", Context())]))
    warmup = time.perf_counter() - started
    rss_before = rss_mb()

    urls = [f"{base}/feed/{n}.xml" for n in range(feeds)]
    t = time.perf_counter()
    downloaded = asyncio.run(floor(urls))
    floor_s = time.perf_counter() - t

    t = time.perf_counter()
    if os.environ.get("WATCH_BENCH_PROFILE"):
        import cProfile
        import pstats

        with cProfile.Profile() as prof:
            first = run_cycle()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
    else:
        first = run_cycle()
    first_s = time.perf_counter() - t
    rss_after_first = rss_mb()
    mentions = Mention.objects.count()

    Source.objects.update(next_poll_at=None)  # as if the interval had passed
    t = time.perf_counter()
    second = run_cycle()
    second_s = time.perf_counter() - t
    return {
        "feeds": feeds,
        "items": items,
        "downloaded_mb": downloaded / 1e6,
        "warmup_s": warmup,
        "floor_s": floor_s,
        "first_s": first_s,
        "second_s": second_s,
        "first_failed": first.failed,
        "second_failed": second.failed,
        "items_seen": first.items,
        "mentions": mentions,
        "second_new": len(second.new_mentions),
        "rss_django_mb": rss_django,
        "rss_before_mb": rss_before,
        "rss_after_mb": rss_after_first,
        "peak_mb": peak_mb(),
    }


def bench_triage(count: int) -> dict:
    """A second CPE with a realistic 5 sources and `count` stored mentions."""
    from django.test import Client
    from django.utils import timezone

    from balise.accounts.models import Membership, Organization, Role, User
    from balise.watch.models import Mention, Source

    org = Organization.objects.create(name="CPE Les Lucioles", slug="lucioles", city="La Tuque")
    user = User.objects.create_user(
        "dg@lucioles.example", "mot-de-passe-solide-42", full_name="Diane"
    )
    Membership.objects.create(
        user=user, organization=org, role=Role.DIRECTION, is_director_general=True
    )
    sources = [
        Source.objects.create(
            organization=org, kind="flux", name=f"Flux {n}", url=f"https://f{n}.example/rss"
        )
        for n in range(5)
    ]
    now = timezone.now()
    verdicts, statuses = (
        ("ok", "ok", "ok", "attention", "bloquant"),
        ("nouveau", "vu", "vu", "sans-suite"),
    )
    batch = []
    for i in range(count):
        m = Mention(
            organization=org,
            source=sources[i % 5],
            url=f"https://b.example/{i}",
            canonical_url=f"https://b.example/{i}",
            title=f"Mention {i}",
            text=f"Le CPE Premier Pas, texte numéro {i}. " * 4,
            matched_term="CPE Premier Pas",
            verdict=verdicts[i % 5],
            status=statuses[i % 4],
            fingerprint=f"bench{i}",
            first_seen_at=now - timedelta(minutes=7 * i),
            findings=[],
        )
        m.rank = m.compute_rank()
        batch.append(m)
        if len(batch) == 5000:
            Mention.objects.bulk_create(batch)
            batch = []
    Mention.objects.bulk_create(batch)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/veille/")  # warm the templates and the connection
    times = []
    for _ in range(15):
        t = time.perf_counter()
        response = client.get("/veille/")
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200
    filtered = []
    for _ in range(10):
        t = time.perf_counter()
        client.get("/veille/", {"verdict": "bloquant"})
        filtered.append((time.perf_counter() - t) * 1000)
    return {
        "stored": Mention.objects.filter(organization=org).count(),
        "median_ms": statistics.median(times),
        "p90_ms": sorted(times)[int(len(times) * 0.9)],
        "filtered_median_ms": statistics.median(filtered),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--mentions", type=int, default=100_000)
    args = parser.parse_args()

    queue = multiprocessing.Queue()
    server = multiprocessing.Process(
        target=serve, args=(queue, args.feeds, args.items), daemon=True
    )
    server.start()
    base = f"http://127.0.0.1:{queue.get(timeout=60)}"
    with tempfile.TemporaryDirectory(prefix="watch-bench-") as var:
        setup_django(Path(var))
        org, _user = make_org()
        c = bench_cycles(org, base, args.feeds, args.items)
        t = bench_triage(args.mentions)
    server.terminate()
    load = os.getloadavg()
    print(f"""
Load average during the run (2 cores, shared): {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}

| measure | value |
|---|---|
| feeds × items | {c["feeds"]} × {c["items"]} ({c["items_seen"]} items read, {c["downloaded_mb"]:.1f} MB) |
| floor: bare asyncio + httpx download, {PER_HOST} connections | {c["floor_s"]:.2f} s |
| first cycle (fetch, XML check, parse, match, dedup, judge, store) | {c["first_s"]:.2f} s |
| ratio first cycle / floor | {c["first_s"] / c["floor_s"]:.1f} × |
| mentions stored and judged by the engine | {c["mentions"]} |
| second cycle, nothing new (ETag → 304) | {c["second_s"]:.2f} s ({c["second_s"] / c["first_s"] * 100:.0f} % of the first; {c["second_new"]} new) |
| failed sources (first / second) | {c["first_failed"]} / {c["second_failed"]} |
| engine warm-up (once per worker process, not counted above) | {c["warmup_s"]:.1f} s |
| RSS with Django and the watch loaded, before the engine | {c["rss_django_mb"]:.0f} MB |
| RSS before the cycle (Django + engine loaded) / after | {c["rss_before_mb"]:.0f} MB / {c["rss_after_mb"]:.0f} MB |
| growth of the process during the cycle | {c["rss_after_mb"] - c["rss_before_mb"]:.0f} MB |
| peak RSS of the whole bench process | {c["peak_mb"]:.0f} MB |
| triage first page, {t["stored"]} mentions stored (median / p90 of 15) | {t["median_ms"]:.0f} ms / {t["p90_ms"]:.0f} ms |
| triage filtered on « bloquant » (median of 10) | {t["filtered_median_ms"]:.0f} ms |
""")


if __name__ == "__main__":
    main()
