from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from balise.audit.models import AuditRecord
from balise.registers.engine import author_context
from balise.registers.models import Authorization
from tests.web.registers.helpers import make_registers, person_for


def ask(client, **data):
    return client.post(
        reverse("registers:authorization_new"),
        {
            "kind": "page",
            "subject": "Les amis du CPE Premier Pas",
            "channel": "Facebook",
            "reason": "",
            **data,
        },
    )


def test_it_lets_an_employee_ask_and_the_director_general_grant_a_page(client_for, world):
    person_for(world, world.educator)
    ask(client_for(world.educator))
    auth = Authorization.objects.get()
    assert auth.status == "demandee" and auth.requested_by == world.educator
    end = (timezone.localdate() + timedelta(days=90)).isoformat()
    client_for(world.director).post(
        reverse("registers:authorization_decide", args=[auth.pk]),
        {"decision": "accorder", "conditions": "La direction est administratrice.", "ends_on": end},
    )
    auth.refresh_from_db()
    assert (auth.status, auth.ends_on.isoformat(), auth.decided_by) == (
        "accordee",
        end,
        world.director,
    )
    assert (
        mail.outbox[-1].to == ["melissa@premierpas.example"] and "accordée" in mail.outbox[-1].body
    )
    assert AuditRecord.objects.filter(
        action="registers.authorization.grant", object_id=str(auth.pk)
    ).exists()
    home = client_for(world.educator).get(reverse("core:home")).content.decode()
    assert "Décision sur votre demande" in home
    assert author_context(world.org, world.educator, timezone.now()) == {
        "mandated": False,
        "authorizations": ("page:Les amis du CPE Premier Pas",),
    }


def test_it_keeps_a_page_decision_from_a_deputy(client_for, world):
    person_for(world, world.educator)
    ask(client_for(world.educator))
    auth = Authorization.objects.get()
    response = client_for(world.deputy).post(
        reverse("registers:authorization_decide", args=[auth.pk]), {"decision": "accorder"}
    )
    assert response.status_code == 403
    auth.refresh_from_db()
    assert auth.status == "demandee"


def test_it_lets_a_deputy_grant_a_spokesperson_mandate(client_for, world):
    person_for(world, world.educator)
    ask(client_for(world.educator), kind="porte-parole", subject="Portes ouvertes")
    auth = Authorization.objects.get()
    client_for(world.deputy).post(
        reverse("registers:authorization_decide", args=[auth.pk]), {"decision": "accorder"}
    )
    assert author_context(world.org, world.educator)["mandated"] is True


def test_it_refuses_an_end_date_in_the_past(client_for, world):
    person_for(world, world.educator)
    ask(client_for(world.educator))
    auth = Authorization.objects.get()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client_for(world.director).post(
        reverse("registers:authorization_decide", args=[auth.pk]),
        {"decision": "accorder", "ends_on": yesterday},
    )
    assert (
        response.status_code == 400
        and "La date de fin est déjà passée." in response.content.decode()
    )
    auth.refresh_from_db()
    assert auth.status == "demandee" and not mail.outbox


def test_an_expired_grant_no_longer_counts(world):
    make_registers(world)
    auth = world.extra["auth"]
    auth.grant(by=world.director, ends_on=timezone.localdate() + timedelta(days=1))
    later = timezone.now() + timedelta(days=3)
    assert author_context(world.org, world.consultant, later)["authorizations"] == ()
    assert author_context(world.org, world.consultant)["authorizations"] == (
        "page:Les amis du CPE Premier Pas",
    )


def test_it_lists_only_the_employees_own_requests(client_for, world):
    make_registers(world)
    page = client_for(world.educator).get(reverse("registers:authorizations")).content.decode()
    assert "Les amis du CPE Premier Pas" not in page
    assert (
        "Les amis du CPE Premier Pas"
        in client_for(world.consultant).get(reverse("registers:authorizations")).content.decode()
    )
    assert (
        client_for(world.consultant)
        .get(reverse("registers:authorization", args=[world.extra["auth"].pk]))
        .status_code
        == 200
    )


def test_it_tells_someone_outside_the_register_to_see_the_direction(client_for, world):
    response = ask(client_for(world.educator))
    assert "Vous n&#x27;êtes pas inscrit·e au registre" in response.content.decode()
    assert not Authorization.objects.exists()
