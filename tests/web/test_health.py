from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.utils import OperationalError
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_says_ok(client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_pages_say_in_french_when_the_database_is_down(monkeypatch):
    from django.test import Client

    client = Client(raise_request_exception=False)
    from balise.accounts import middleware

    def down(request):
        raise OperationalError("connection refused")

    monkeypatch.setattr(middleware, "current_membership", down)
    response = client.get(reverse("core:home"))
    assert response.status_code == 503
    assert "La base de données ne répond pas" in response.content.decode()


def test_prepare_names_an_unreachable_database_server_without_a_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALISE_")}
    env.update(BALISE_VAR_DIR=str(tmp_path), DATABASE_URL="postgres://postgres@127.0.0.1:1/absente")
    out = subprocess.run(
        [sys.executable, "manage.py", "prepare"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode != 0
    assert "est injoignable" in out.stderr
    assert "127.0.0.1:1" in out.stderr
    assert "Traceback" not in out.stderr
