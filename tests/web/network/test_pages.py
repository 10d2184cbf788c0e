"""The network pages: schedule, devices, services, AdGuard Home settings, preview and push, exports."""

from __future__ import annotations

import io
import zipfile
from datetime import date, time
from html import unescape

from django.urls import reverse

from balise.network.models import Break, Device, OpeningHours, SocialService

WEEK = {f"opens_{d}": "07:00" for d in range(5)} | {f"closes_{d}": "18:00" for d in range(5)}


def test_it_saves_the_opening_hours(world, client_for):
    response = client_for(world.it).post(
        reverse("network:schedule"), {**WEEK, "easter_holiday": "vendredi"}
    )
    assert response.status_code == 302
    assert OpeningHours.objects.filter(organization=world.org).count() == 5
    assert OpeningHours.objects.get(organization=world.org, weekday=0).closes == time(18)


def test_it_refuses_hours_across_midnight_clearly(world, client_for):
    data = {**WEEK, "opens_0": "18:00", "closes_0": "07:00", "easter_holiday": "les-deux"}
    response = client_for(world.it).post(reverse("network:schedule"), data)
    assert response.status_code == 400
    assert "un horaire ne peut pas passer minuit" in unescape(response.content.decode())
    assert not OpeningHours.objects.exists()


def test_it_refuses_a_break_that_ends_before_it_starts_on_the_page(cpe, client_for):
    response = client_for(cpe.it).post(
        reverse("network:break_add"), {"weekday": "", "starts": "15:00", "ends": "14:30"}
    )
    assert response.status_code == 400
    assert "La pause se termine (14 h 30) avant de commencer (15 h 00)." in unescape(
        response.content.decode()
    )
    assert Break.objects.filter(organization=cpe.org).count() == 1


def test_it_refuses_an_overlapping_break_on_the_page(cpe, client_for):
    response = client_for(cpe.it).post(
        reverse("network:break_add"), {"weekday": "1", "starts": "12:20", "ends": "12:40"}
    )
    assert response.status_code == 400
    assert (
        "Cette pause chevauche une autre pause de tout le personnel (12 h 00 – 12 h 30)."
        in unescape(response.content.decode())
    )


def test_it_adds_a_closure_and_shows_holidays(cpe, client_for):
    client = client_for(cpe.it)
    client.post(
        reverse("network:closure_add"),
        {"label": "Journée pédagogique", "starts_on": "2025-11-14", "ends_on": "2025-11-14"},
    )
    page = unescape(client.get(reverse("network:schedule")).content.decode())
    assert "Journée pédagogique" in page
    assert "Fête nationale du Québec" in page or "Noël" in page


def test_it_registers_a_device_and_normalizes_its_mac(cpe, client_for):
    response = client_for(cpe.it).post(
        reverse("network:devices"),
        {"name": "Poste de la cuisine", "kind": "ordinateur", "mac": "A4-5E-60-AA-BB-CC", "ip": ""},
    )
    assert response.status_code == 302
    assert Device.objects.get(name="Poste de la cuisine").mac == "a4:5e:60:aa:bb:cc"


def test_it_refuses_a_device_listed_twice(cpe, client_for):
    response = client_for(cpe.it).post(
        reverse("network:devices"),
        {"name": "Portable bureau", "kind": "portable", "mac": "A4:5E:60:12:34:56", "ip": ""},
    )
    assert response.status_code == 400
    assert (
        "Cet appareil est déjà inscrit : « Portable pouponnière » a la même adresse MAC (a4:5e:60:12:34:56)."
        in unescape(response.content.decode())
    )
    assert Device.objects.filter(organization=cpe.org).count() == 2


def test_it_refuses_a_bad_mac_or_ip(cpe, client_for):
    client = client_for(cpe.it)
    page = client.post(
        reverse("network:devices"), {"name": "X", "kind": "autre", "mac": "a4:5e:60", "ip": ""}
    )
    assert "« a4:5e:60 » n'est pas une adresse MAC" in unescape(page.content.decode())
    page = client.post(
        reverse("network:devices"), {"name": "X", "kind": "autre", "mac": "", "ip": "192.168.1.300"}
    )
    assert "« 192.168.1.300 » n'est pas une adresse IP" in unescape(page.content.decode())
    page = client.post(
        reverse("network:devices"), {"name": "X", "kind": "autre", "mac": "", "ip": ""}
    )
    assert "Indiquez l'adresse MAC ou l'adresse IP de l'appareil." in unescape(
        page.content.decode()
    )


def test_it_lets_another_cpe_register_the_same_address(cpe, client_for):
    from balise.accounts.models import Membership

    Membership.objects.create(user=cpe.it, organization=cpe.other_org, role="informatique")
    Device.objects.create(
        organization=cpe.other_org, name="Portable pouponnière", ip="192.168.1.20"
    )
    assert Device.objects.filter(ip="192.168.1.20").count() == 2


def test_it_edits_the_services_and_refuses_bad_domains(world, client_for):
    client = client_for(world.it)
    client.get(reverse("network:services"))
    tiktok = SocialService.objects.get(organization=world.org, key="tiktok")
    response = client.post(
        reverse("network:service_edit", args=[tiktok.pk]),
        {
            "name": "TikTok",
            "key": "tiktok",
            "adguard_id": "tiktok",
            "domains": "tiktok.com\nnot a domain\n",
            "is_blocked": "on",
        },
    )
    assert response.status_code == 400
    assert "Ces lignes ne sont pas des domaines : not a domain." in unescape(
        response.content.decode()
    )
    client.post(
        reverse("network:service_edit", args=[tiktok.pk]),
        {
            "name": "TikTok",
            "key": "tiktok",
            "adguard_id": "tiktok",
            "domains": "TikTok.com\ntiktokv.com",
            "is_blocked": "",
        },
    )
    tiktok.refresh_from_db()
    assert (tiktok.domains, tiktok.is_blocked) == (["tiktok.com", "tiktokv.com"], False)


def test_it_keeps_the_default_services_list_in_the_project(world, client_for):
    page = unescape(client_for(world.director).get(reverse("network:services")).content.decode())
    for name in (
        "Facebook",
        "Instagram",
        "Messenger",
        "TikTok",
        "Snapchat",
        "X (Twitter)",
        "Threads",
        "Bluesky",
        "Reddit",
        "Pinterest",
        "LinkedIn",
        "YouTube",
        "Discord",
        "WhatsApp",
    ):
        assert name in page


def test_it_stores_the_adguard_password_encrypted(cpe, client_for, fake_adguard):
    from balise.network.models import AdGuardServer

    client_for(cpe.it).post(
        reverse("network:adguard"),
        {
            "url": fake_adguard.url,
            "username": "admin",
            "password": "secret-adguard",
            "timeout": "5",
        },
    )
    server = AdGuardServer.objects.get(organization=cpe.org)
    assert "secret-adguard" not in server.password_encrypted
    assert server.password == "secret-adguard"


def test_it_previews_then_pushes_from_the_pages(adguard_server, fake_adguard, cpe, client_for):
    client = client_for(cpe.it)
    page = unescape(client.get(reverse("network:preview")).content.decode())
    assert "Ajout · Balise · Portable pouponnière" in page
    assert "lun. pause 18 h 00 – 24 h 00" in page
    assert fake_adguard.writes == []
    fingerprint = page.split('name="fingerprint" value="')[1].split('"')[0]
    response = client.post(reverse("network:push"), {"fingerprint": fingerprint}, follow=True)
    assert "2 changements poussés vers AdGuard Home, relus et conformes." in unescape(
        response.content.decode()
    )
    assert "AdGuard Home est déjà à jour : rien à pousser." in unescape(response.content.decode())


def test_it_shows_a_wrong_password_on_the_preview(adguard_server, fake_adguard, cpe, client_for):
    fake_adguard.password = "changé"
    response = client_for(cpe.it).get(reverse("network:preview"))
    assert response.status_code == 502
    assert "AdGuard Home refuse l'utilisateur ou le mot de passe" in unescape(
        response.content.decode()
    )


def test_it_exports_dnsmasq_hosts_and_unbound_with_cron(cpe, client_for):
    client = client_for(cpe.it)
    for kind, rule in (
        ("dnsmasq", "address=/facebook.com/0.0.0.0"),
        ("hosts", "0.0.0.0 www.facebook.com"),
        ("unbound", "*.facebook.com CNAME ."),
    ):
        response = client.get(reverse("network:export", args=[kind]))
        bundle = zipfile.ZipFile(io.BytesIO(response.content))
        files = {n.split("/", 1)[1]: bundle.read(n).decode() for n in bundle.namelist()}
        assert any(rule in text for text in files.values()), kind
        cron = files[f"cron.d/balise-{kind}"]
        assert '0 7 * * 1 root grep -qx "$(date +\\%F)" /etc/balise/fermetures.txt ||' in cron
        assert "0 18 * * 5 root" in cron
        assert "* * 0 " not in cron and "* * 6 " not in cron  # closed on weekends


def test_it_lists_holidays_for_cron_and_keeps_withdrawn_devices_refused_in_rpz(cpe):
    from unittest import mock

    from balise.network.exporters import EXPORTERS
    from balise.network.rules import build_plan

    with mock.patch(
        "balise.network.rules.withdrawals", return_value={cpe.melissa.pk: date(2025, 3, 31)}
    ):
        plan = build_plan(
            cpe.org,
            at=__import__("datetime").datetime(2025, 6, 2, 13, tzinfo=__import__("datetime").UTC),
        )
    files = {f.name: f.content for f in EXPORTERS["unbound"].files(plan)}
    assert "2025-06-24\n" in files["fermetures.txt"] and "2025-07-01\n" in files["fermetures.txt"]
    assert "2025-06-28\n" not in files["fermetures.txt"]  # a Saturday: closed anyway
    trigger = "32.20.1.168.192.rpz-client-ip CNAME ."
    assert trigger in files["balise-hors-travail.rpz"] and trigger in files["balise-travail.rpz"]
    assert "facebook.com CNAME ." not in files["balise-hors-travail.rpz"]


def test_it_refuses_an_unknown_exporter(world, client_for):
    assert client_for(world.it).get(reverse("network:export", args=["iptables"])).status_code == 404
    assert (
        client_for(world.educator).get(reverse("network:export", args=["dnsmasq"])).status_code
        == 403
    )
