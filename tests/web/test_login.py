from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_it_signs_in_with_email_and_password(client, world):
    response = sign_in(client, "melissa@premierpas.example", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("core:home")).context["membership"].user == world.educator


def test_it_says_in_french_when_the_password_is_wrong(client, world):
    response = sign_in(client, "melissa@premierpas.example", "mauvais")
    assert response.status_code == 200
    assert "Courriel ou mot de passe incorrect" in response.content.decode()


def test_it_locks_the_account_after_repeated_failures(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "melissa@premierpas.example", "mauvais")
    locked = sign_in(client, "melissa@premierpas.example", PASSWORD)
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.content.decode()
    # Another person is not locked out by someone else's failures.
    assert sign_in(client, "josee@premierpas.example", PASSWORD).status_code == 302


def test_it_signs_out(client_for, world):
    client = client_for(world.educator)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_it_sends_a_password_reset_link(client, world):
    client.post(reverse("accounts:password_reset"), {"email": "melissa@premierpas.example"})
    assert len(mail.outbox) == 1
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/mot-de-passe/nouveau/" in line
    )
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Choisissez un nouveau mot de passe" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "nouveau-secret-123", "new_password2": "nouveau-secret-123"},
    )
    assert done.status_code == 302
    world.educator.refresh_from_db()
    assert world.educator.check_password("nouveau-secret-123")


def test_it_does_not_reveal_unknown_addresses(client, world):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "inconnu@x.example"}, follow=True
    )
    assert "Si un compte est associé" in response.content.decode()
    assert mail.outbox == []
