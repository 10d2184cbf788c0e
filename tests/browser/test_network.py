"""The IT person's main flow: the schedule, a device, the diff, the push to a (fake) AdGuard Home."""

from __future__ import annotations

import re

import pytest

from tests.browser.menu import open_menu
from tests.factories import PASSWORD
from tests.web.network.fake_adguard import FakeAdGuard


@pytest.fixture
def fake_adguard():
    server = FakeAdGuard().start()
    yield server
    server.stop()


def test_the_it_person_schedules_registers_previews_and_pushes(
    transactional_db, world, live_server, page, shot, sign_in, fake_adguard
):
    sign_in(page, world.it.email, PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Réseau", exact=True).click()
    page.get_by_role("heading", name="Le réseau du CPE").wait_for()
    shot(page, "apercu")

    page.get_by_role("link", name="Voir l'horaire").click()
    for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi"):
        page.get_by_label(f"{day} — ouverture").fill("07:00")
        page.get_by_label(f"{day} — fermeture").fill("18:00")
    page.get_by_label("lundi — fermeture").fill("06:00")  # a mistake first
    page.get_by_role("button", name="Enregistrer l'horaire").click()
    page.get_by_text(
        "doit suivre l'ouverture (7 h 00) : un horaire ne peut pas passer minuit"
    ).wait_for()
    shot(page, "horaire-erreur")
    page.get_by_label("lundi — fermeture").fill("18:00")
    page.get_by_role("button", name="Enregistrer l'horaire").click()
    page.get_by_text("L'horaire est enregistré.").wait_for()
    page.get_by_label("Début").fill("12:00")
    page.get_by_label("Fin", exact=True).fill("12:30")
    page.get_by_role("button", name="Ajouter la pause").click()
    page.get_by_text("La pause est ajoutée.").wait_for()
    shot(page, "horaire")

    page.get_by_role("link", name="Appareils", exact=True).click()
    page.get_by_label("Nom", exact=True).fill("Portable pouponnière")
    page.get_by_label("Type").select_option("portable")
    page.get_by_label("Adresse MAC").fill("A4:5E:60:12:34:56")
    page.get_by_label("Adresse IP").fill("192.168.1.20")
    page.get_by_role("button", name="Inscrire l'appareil").click()
    page.get_by_text("« Portable pouponnière » est inscrit.").wait_for()
    page.get_by_label("Nom", exact=True).fill("Portable bureau")
    page.get_by_label("Adresse MAC").fill("a4-5e-60-12-34-56")
    page.get_by_role("button", name="Inscrire l'appareil").click()
    page.get_by_text(
        "Cet appareil est déjà inscrit : « Portable pouponnière » a la même adresse MAC"
    ).wait_for()
    shot(page, "appareil-en-double")

    page.get_by_role("link", name="AdGuard Home", exact=True).click()
    page.get_by_label("Adresse", exact=True).fill(fake_adguard.url)
    page.get_by_label("Utilisateur").fill("admin")
    page.get_by_label("Mot de passe").fill("mauvais")
    page.get_by_role("button", name="Enregistrer et voir les changements").click()
    page.get_by_text("AdGuard Home refuse l'utilisateur ou le mot de passe").wait_for()
    shot(page, "mauvais-mot-de-passe")
    assert fake_adguard.writes == []

    page.get_by_role("link", name="réglages").click()
    page.get_by_label("Mot de passe").fill("secret-adguard")
    page.get_by_role("button", name="Enregistrer et voir les changements").click()
    page.get_by_role("heading", name="Ajout · Balise · Portable pouponnière").wait_for()
    assert "lun. pause 18 h 00 – 24 h 00" in page.content()
    shot(page, "differences")
    assert fake_adguard.clients == []

    page.get_by_role("button", name=re.compile("Pousser 1 changement")).click()
    page.get_by_text("1 changement poussé vers AdGuard Home, relu et conforme.").wait_for()
    page.get_by_text("AdGuard Home est déjà à jour : rien à pousser.").wait_for()
    shot(page, "pousse")
    client = fake_adguard.client("Balise · Portable pouponnière")
    assert client["ids"] == ["a4:5e:60:12:34:56", "192.168.1.20"]
    assert "facebook" in client["blocked_services"]
