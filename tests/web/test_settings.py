from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from balise.env import SettingError, env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("oui", True), ("TRUE", True), ("0", False), ("non", False), ("", False)],
)
def test_env_bool_reads_yes_and_no(raw, expected):
    assert env_bool("X", default=not expected, environ={"X": raw}) is expected


def test_env_bool_fails_loudly_in_french():
    with pytest.raises(SettingError, match="doit valoir vrai ou faux"):
        env_bool("X", environ={"X": "peut-être"})


def test_env_int_and_list():
    assert env_int("N", 3, environ={}) == 3
    assert env_int("N", 3, environ={"N": "12"}) == 12
    with pytest.raises(SettingError, match="nombre entier"):
        env_int("N", 3, environ={"N": "douze"})
    assert env_list("L", ["a"], environ={"L": "x, y,,z"}) == ["x", "y", "z"]
    assert env_list("L", ["a"], environ={}) == ["a"]


def run_settings(tmp_path, code: str, **env) -> subprocess.CompletedProcess:
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BALISE_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC"))
    }
    environ.update(BALISE_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="balise.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_defaults_are_safe(tmp_path):
    code = "from django.conf import settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS)"
    out = run_settings(tmp_path, "import django; django.setup(); " + code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0:2] == ["False", "django.db.backends.sqlite3"]
    key = tmp_path / "secret_key"
    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
    # The same key is read again on the next start.
    first = key.read_text()
    run_settings(tmp_path, "import django; django.setup()")
    assert key.read_text() == first


def test_production_settings_pass_check_deploy(tmp_path):
    out = run_settings(
        tmp_path,
        "import sys; from django.core.management import execute_from_command_line as e; e(['m', 'check', '--deploy', '--fail-level', 'WARNING'])",
        BALISE_SECRET_KEY="k" * 20 + "-Zq8#pL2$vX9!mN4&bR7*tY1^wE6(uI3)oP5",
        BALISE_HTTPS="1",
        BALISE_ALLOWED_HOSTS="balise.cpepremierpas.example",
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_a_bad_setting_is_reported_in_french(tmp_path):
    out = run_settings(tmp_path, "import django; django.setup()", BALISE_DEBUG="peut-être")
    assert out.returncode != 0
    assert "doit valoir vrai ou faux" in out.stderr
