"""The registers in Chromium: import people, publish a version, acknowledge it; ask for a page,
grant it, and see the check page stop flagging it."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone

from balise.registers.models import Acknowledgement, Authorization, Person
from tests.browser.menu import open_menu
from tests.factories import PASSWORD
from tests.web.registers.helpers import person_for

CSV = (
    "nom;courriel;catégorie;fonction;début;fin\r\n"
    "Mélissa Lapointe;melissa@premierpas.example;temps plein;éducatrice;2020-01-06;\r\n"
    "Chloé Bélanger;chloe@premierpas.example;temps partiel;cuisinière;2024-08-19;\r\n"
    "Benoît Côté;benoit@conseil.example;consultant;conseiller pédagogique;2026-05-01;2026-01-31\r\n"
    "Annie Doré;annie@premierpas.example;occasionnel;éducatrice;2025-09-02;\r\n"
    "François Éthier;francois@tech.example;sous-traitant;entretien;2026-01-05;2026-12-31\r\n"
)


def sign_out(page):
    open_menu(page)
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def test_the_direction_imports_people_publishes_v2_and_an_employee_signs_it(
    live_server, page, shot, sign_in, world, tmp_path
):
    csv_file = tmp_path / "personnes.csv"
    csv_file.write_bytes(CSV.encode("cp1252"))  # as Excel saves it here
    sign_in(page, world.director.email, PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Personnes", exact=True).click()
    page.get_by_role("link", name="Importer un fichier CSV").click()
    page.get_by_label("Fichier CSV").set_input_files(str(csv_file))
    page.get_by_role("button", name="Voir l'aperçu").click()
    page.get_by_text("1 ligne en erreur").wait_for()
    assert (
        "La fin du service (2026-01-31) précède son début (2026-05-01)."
        in page.locator("#ligne-4").inner_text()
    )
    assert Person.objects.count() == 0
    shot(page, "apercu-avec-erreur")
    page.get_by_label("Ligne 4 fin").fill("2026-10-31")
    page.get_by_role("button", name="Revérifier").click()
    page.get_by_text("5 personnes prêtes à importer").wait_for()
    page.get_by_role("button", name="Importer", exact=True).click()
    page.get_by_text("5 personnes ajoutées au registre.").wait_for()
    assert (
        Person.objects.get(email="benoit@conseil.example").service_end.isoformat() == "2026-10-31"
    )
    shot(page, "registre-importe")

    open_menu(page)
    page.get_by_role("link", name="Signatures du code").click()
    page.get_by_role("link", name="Publier une nouvelle version").click()
    page.get_by_label("Résumé des changements").fill(
        "Les groupes Facebook demandent l'accord de la directrice générale."
    )
    article = page.get_by_label(re.compile("^Article 4 :"))
    article.fill(article.input_value() + "\n\nLa FAQ de Balise répond aux questions fréquentes.")
    page.get_by_role("button", name="Publier la version").click()
    page.get_by_text("Version 2 publiée").wait_for()
    shot(page, "version-2-publiee")
    sign_out(page)

    sign_in(page, world.educator.email, PASSWORD)
    page.get_by_text("La version 2 du code attend votre signature.").wait_for()
    shot(page, "accueil-a-signer")
    page.get_by_role("link", name="Lire et signer").first.click()
    page.get_by_label("J'ai lu le code de conduite et je m'engage à le respecter.").check()
    page.get_by_role("button", name="Signer").click()
    page.get_by_text("votre accusé de réception de la version 2 est enregistré").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger l'attestation (PDF)").click()
    path = download.value.path()
    assert open(path, "rb").read(5) == b"%PDF-"
    assert download.value.suggested_filename == "attestation-code-v2.pdf"
    ack = Acknowledgement.objects.get(person__email="melissa@premierpas.example")
    assert (ack.version.number, ack.user, ack.ip_address) == (2, world.educator, "127.0.0.1")
    shot(page, "signe")


def check_text(page, live_server, text: str) -> set[str]:
    page.goto(live_server.url + "/verifier/")
    page.get_by_label("Le texte de votre publication").fill(text)
    page.get_by_role("button", name="Vérifier").click()
    page.locator("#titre-verdict").wait_for(timeout=120000)
    return {el.get_attribute("data-rule") for el in page.locator("[data-rule]").all()}


POST = (
    "J'ai créé le groupe Facebook « Les amis du CPE Premier Pas » pour les parents de mon groupe."
)


def test_an_employee_asks_for_a_group_the_director_general_grants_it_and_the_check_stops_flagging(
    live_server, page, shot, sign_in, world
):
    person_for(world, world.educator)
    sign_in(page, world.educator.email, PASSWORD)
    assert "5.v.page" in check_text(page, live_server, POST)
    shot(page, "verification-avant")
    open_menu(page)
    page.get_by_role("link", name="Autorisations", exact=True).click()
    page.get_by_role("link", name="Demander une autorisation").click()
    page.get_by_label("Je demande de").select_option("page")
    page.get_by_label("Sujet, usage ou nom de la page").fill("Les amis du CPE Premier Pas")
    page.get_by_label("Réseau ou canal").fill("Facebook")
    page.get_by_role("button", name="Envoyer la demande").click()
    page.get_by_text("Votre demande est transmise à la direction.").wait_for()
    shot(page, "demande")
    sign_out(page)

    sign_in(page, world.director.email, PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Autorisations", exact=True).click()
    page.get_by_role("link", name=re.compile("Les amis du CPE Premier Pas")).click()
    page.get_by_label("Accorder").check()
    page.get_by_label("Conditions").fill("La direction est administratrice du groupe.")
    end = timezone.localdate() + timedelta(days=180)
    page.get_by_label("Fin de l'autorisation").fill(end.isoformat())
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_text("Décision enregistrée").wait_for()
    auth = Authorization.objects.get()
    assert (auth.status, auth.ends_on, auth.decided_by) == ("accordee", end, world.director)
    shot(page, "accordee")
    sign_out(page)

    sign_in(page, world.educator.email, PASSWORD)
    page.get_by_text("Décision sur votre demande").wait_for()
    shot(page, "avis-accueil")
    assert "5.v.page" not in check_text(page, live_server, POST)
    shot(page, "verification-apres")
