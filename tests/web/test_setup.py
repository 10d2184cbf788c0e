from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from balise.accounts.models import Membership, Organization, SetupToken, User
from balise.policy.models import CodeVersion

pytestmark = pytest.mark.django_db

FORM = {
    "organization_name": "CPE Premier Pas",
    "city": "La Tuque",
    "website": "https://www.cpepremierpas.example",
    "full_name": "Josée Lamontagne",
    "email": "josee@premierpas.example",
    "password1": "un-long-mot-de-passe-9",
    "password2": "un-long-mot-de-passe-9",
}


def test_it_prints_a_setup_link_only_when_nobody_has_an_account(capsys):
    call_command("prepare")
    out = capsys.readouterr().out
    assert "/compte/installation/" in out
    assert SetupToken.objects.count() == 1
    User.objects.create_user("a@b.example", "x")
    call_command("prepare")
    assert "/compte/installation/" not in capsys.readouterr().out


def test_it_creates_the_cpe_and_its_director_general(client):
    token = SetupToken.issue()
    response = client.post(reverse("accounts:setup", args=[token]), FORM)
    assert response.status_code == 302
    org = Organization.objects.get()
    m = Membership.objects.get()
    assert (m.organization, m.role, m.is_director_general) == (org, "direction", True)
    assert m.user.check_password(FORM["password1"])
    assert CodeVersion.objects.get(organization=org).number == 1
    assert "Premier Pas" in org.trademarks


def test_it_works_once_then_refuses(client):
    token = SetupToken.issue()
    client.post(reverse("accounts:setup", args=[token]), FORM)
    client.logout()
    again = client.post(
        reverse("accounts:setup", args=[token]), {**FORM, "email": "autre@x.example"}
    )
    assert again.status_code == 404
    assert "déjà servi" in again.content.decode()
    assert Organization.objects.count() == 1 and User.objects.count() == 1


def test_it_refuses_a_malformed_token_in_french(client):
    SetupToken.issue()
    response = client.get(reverse("accounts:setup", args=["pas-un-jeton"]))
    assert response.status_code == 404
    assert "n'est pas valide" in response.content.decode()


def test_it_writes_nothing_when_the_form_is_wrong(client):
    token = SetupToken.issue()
    response = client.post(
        reverse("accounts:setup", args=[token]), {**FORM, "password2": "autre-chose-123"}
    )
    assert response.status_code == 200
    assert "ne sont pas identiques" in response.content.decode()
    assert not Organization.objects.exists() and not User.objects.exists()
    assert SetupToken.find_usable(token) is not None  # still usable after a mistake
