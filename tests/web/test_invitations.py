from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from balise.accounts.models import Invitation, Membership, User

pytestmark = pytest.mark.django_db


def token_from_mail() -> str:
    line = next(line for line in mail.outbox[-1].body.splitlines() if "/compte/invitation/" in line)
    return line.rstrip("/").rsplit("/", 1)[1]


def invite(client, email="kim@premierpas.example", role="employe"):
    return client.post(
        reverse("accounts:invitations"), {"full_name": "Kim Lachance", "email": email, "role": role}
    )


def test_it_invites_by_email_and_lets_the_person_join(client_for, world, client):
    invite(client_for(world.director))
    token = token_from_mail()
    client.logout()
    page = client.get(reverse("accounts:accept", args=[token]))
    assert "Rejoindre CPE Premier Pas" in page.content.decode()
    response = client.post(
        reverse("accounts:accept", args=[token]),
        {
            "full_name": "Kim Lachance",
            "password1": "secret-assez-long-1",
            "password2": "secret-assez-long-1",
        },
    )
    assert response.status_code == 302
    m = Membership.objects.get(user__email="kim@premierpas.example")
    assert (m.organization, m.role) == (world.org, "employe")


def test_it_refuses_an_expired_invitation_in_french(client, world):
    invitation, token = Invitation.issue(
        organization=world.org, email="kim@x.example", role="employe", invited_by=world.director
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(
        reverse("accounts:accept", args=[token]),
        {
            "full_name": "Kim",
            "password1": "secret-assez-long-1",
            "password2": "secret-assez-long-1",
        },
    )
    assert response.status_code == 410
    assert "expirée" in response.content.decode()
    assert not User.objects.filter(email="kim@x.example").exists()


def test_it_refuses_an_invitation_used_twice(client, world):
    invitation, token = Invitation.issue(
        organization=world.org, email="kim@x.example", role="employe", invited_by=world.director
    )
    data = {
        "full_name": "Kim",
        "password1": "secret-assez-long-1",
        "password2": "secret-assez-long-1",
    }
    client.post(reverse("accounts:accept", args=[token]), data)
    again = client.post(reverse("accounts:accept", args=[token]), data)
    assert again.status_code == 410
    assert Membership.objects.filter(user__email="kim@x.example").count() == 1


def test_it_refuses_an_unknown_token(client, world):
    assert client.get(reverse("accounts:accept", args=["nimporte-quoi"])).status_code == 404


def test_it_refuses_inviting_a_current_member(client_for, world):
    response = invite(client_for(world.director), email="melissa@premierpas.example")
    assert "fait déjà partie" in response.content.decode()
    assert mail.outbox == []


def test_it_keeps_invitations_inside_the_organization(client_for, world):
    from django.test import Client

    invite(client_for(world.director))
    outsider = Client()
    outsider.force_login(world.outsider, backend="django.contrib.auth.backends.ModelBackend")
    outsider_page = outsider.get(reverse("accounts:invitations"))
    assert outsider_page.status_code == 200
    assert "kim@premierpas.example" not in outsider_page.content.decode()
