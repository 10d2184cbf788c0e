"""Speed of the audit chain and the Loi 25 register exports on a throwaway SQLite database.

Usage: .venv/bin/python benchmarks/cases_bench.py [--records N] [--entries N]

Measures: appending N audit records (record_change), verifying the whole chain (verify_chain),
and exporting N register entries as PDF and CSV. The database lives in a temporary BALISE_VAR_DIR.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(label: str, fn) -> float:
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.2f} s")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--entries", type=int, default=200)
    args = parser.parse_args()
    os.environ["BALISE_VAR_DIR"] = tempfile.mkdtemp(prefix="balise-cases-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balise.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from balise.accounts.models import Organization
    from balise.audit.services import record_change, verify_chain
    from balise.cases.documents import register_csv, register_pdf
    from balise.cases.models import IncidentEntry

    org = Organization.objects.create(name="CPE Banc d'essai", slug="banc")

    def append():
        for n in range(args.records):
            record_change(
                organization=org,
                actor=None,
                action="banc",
                obj=org,
                before={"n": n},
                after={"n": n + 1},
            )

    spent = timed(f"record_change × {args.records}", append)
    print(f"  {args.records / spent:.0f} enregistrements/s")
    timed(
        f"verify_chain sur {args.records}",
        lambda: print("  intacte" if verify_chain().ok else "  ALTÉRÉE"),
    )
    start = date(2026, 1, 1)
    IncidentEntry.objects.bulk_create(
        IncidentEntry(
            organization=org,
            learned_on=start + timedelta(days=n % 365),
            info_description="Nom d'un enfant",
            circumstances="Publication publique " * 10,
            mitigation="Retrait demandé",
        )
        for n in range(args.entries)
    )
    entries = list(IncidentEntry.objects.all())
    timed(
        f"PDF du registre, {args.entries} entrées",
        lambda: register_pdf(org, entries, start, date(2026, 12, 31)),
    )
    timed(f"CSV du registre, {args.entries} entrées", lambda: register_csv(entries))


if __name__ == "__main__":
    main()
