"""Importing one million DNS log lines: time and peak memory (target ≤ 30 s, ≤ 300 MB).

Run from the repository root (one core, like the CPE's small machine):

    taskset -c 0 .venv/bin/python benchmarks/network_bench.py [--lines 1000000] [--format adguard|dnsmasq] [--write-docs]

The log is generated into a temporary folder (20 CPE devices, a guest network, social media,
app stores, a few truncated lines) and imported into a fresh SQLite database there, through the
same `run_import` as the page. Peak memory is the process's maximum resident set size
(getrusage), Django and the migrations included.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "network.md"
TIME_TARGET_S, MEMORY_TARGET_MB = 30, 300
DOMAINS = [
    "www.google.com",
    "outlook.office365.com",
    "www.lapresse.ca",
    "cdn.jsdelivr.net",
    "api.weather.gc.ca",
    "www.quebec.ca",
    "teams.microsoft.com",
    "fonts.gstatic.com",
    "update.microsoft.com",
    "www.ledevoir.com",
]
SOCIAL = [
    "www.facebook.com",
    "static.xx.fbcdn.net",
    "www.instagram.com",
    "www.tiktok.com",
    "i.redd.it",
    "x.com",
]
DOWNLOADS = ["play.google.com", "apps.apple.com", "store.steampowered.com", "www.roblox.com"]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def pick(rng: random.Random) -> tuple[str, str]:
    client = (
        f"192.168.1.{rng.randint(20, 39)}"
        if rng.random() < 0.7
        else f"192.168.50.{rng.randint(2, 250)}"
    )
    r = rng.random()
    domain = (
        rng.choice(SOCIAL)
        if r < 0.05
        else rng.choice(DOWNLOADS)
        if r < 0.06
        else rng.choice(DOMAINS)
    )
    return client, domain


def generate(path: Path, lines: int, fmt: str) -> None:
    """Writes `lines` log lines, streaming (a month of March 2025, local time UTC-4/-5)."""
    rng = random.Random(9)
    start = 1_740_805_200  # 2025-03-01 00:00 at the CPE
    with open(path, "w", encoding="utf-8") as out:
        for i in range(lines):
            ts = start + i * 2_592_000 // lines
            client, domain = pick(rng)
            if fmt == "adguard":
                t = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + ".123456789Z"
                line = json.dumps(
                    {
                        "T": t,
                        "QH": domain,
                        "QT": "A",
                        "QC": "IN",
                        "CP": "",
                        "Upstream": "9.9.9.9:53",
                        "Answer": "",
                        "IP": client,
                        "Result": {},
                        "Elapsed": 183000,
                    },
                    separators=(",", ":"),
                )
            else:
                g = time.gmtime(ts - 4 * 3600)
                line = f"{MONTHS[g.tm_mon - 1]} {g.tm_mday:2d} {time.strftime('%H:%M:%S', g)} dnsmasq[812]: query[A] {domain} from {client}"
            if i % 100_000 == 99_999:
                line = line[: len(line) // 2]  # a truncated line now and then
            out.write(line + "\n")


def setup_django(var_dir: str) -> None:
    os.environ["BALISE_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balise.settings")
    os.environ["BALISE_LOG_LEVEL"] = "WARNING"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_cpe():
    from datetime import time as t

    from balise.accounts.models import Organization
    from balise.network.models import Break, Device, OpeningHours

    org = Organization.objects.create(name="CPE Banc d'essai", slug="banc")
    for weekday in range(5):
        OpeningHours.objects.create(organization=org, weekday=weekday, opens=t(7), closes=t(18))
    Break.objects.create(organization=org, starts=t(12), ends=t(12, 30))
    for n in range(20, 40):
        Device.objects.create(organization=org, name=f"Poste {n}", ip=f"192.168.1.{n}")
    return org


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--format", choices=("adguard", "dnsmasq"), default="adguard")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "journal.log"
        generate(log, args.lines, args.format)
        setup_django(tmp)
        from balise.network.logimport import run_import

        org = make_cpe()
        started = time.perf_counter()
        result = run_import(org, log, filename=log.name, kind=args.format, year=2025)
        elapsed = time.perf_counter() - started
        size_mb = log.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = elapsed <= TIME_TARGET_S and peak_mb <= MEMORY_TARGET_MB
    report = (
        f"{args.format}: {result.lines:,} lines ({size_mb:.0f} MB) in {elapsed:.1f} s "
        f"({result.lines / elapsed:,.0f} lines/s), peak RSS {peak_mb:.0f} MB; "
        f"{result.cpe_queries:,} CPE lookups, {result.dropped_queries:,} dropped from "
        f"{result.dropped_clients} unknown clients, {result.error_count} refused lines, "
        f"{result.findings.count()} findings rows — {'OK' if ok else 'TARGET MISSED'}"
    )
    print(report)
    if args.write_docs:
        write_docs(args.format, report)
    return 0 if ok else 1


def write_docs(fmt: str, report: str) -> None:
    marker = f"<!-- bench:{fmt} -->"
    text = DOC.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if marker not in line]
    at = lines.index("<!-- bench:results -->") + 1
    lines.insert(at, f"- {time.strftime('%Y-%m-%d')} · `{report}` {marker}")
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
