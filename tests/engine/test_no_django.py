"""The engine is pure Python: importing and running it never imports Django."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_engine_does_not_import_django() -> None:
    code = (
        "import sys, balise.engine, balise.engine.train, balise.cli\n"
        "from balise.engine import Checker, OrgProfile, Post\n"
        "Checker(OrgProfile(name='CPE Test'), use_nlp=False).check(Post('1', 'Bonjour'))\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
