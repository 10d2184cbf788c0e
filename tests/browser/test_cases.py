"""From a web mention naming a child to a decided file and the Loi 25 register exported as PDF."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from django.apps import apps
from django.utils import timezone
from pypdf import PdfReader

from balise.cases import services
from balise.cases.models import BreachFile, IncidentEntry, State
from tests.browser.menu import open_menu
from tests.factories import PASSWORD, build_world
from tests.web.cases.helpers import CHILD_POST, person_for

POST_URL = "https://social.example/@melissa/42"


def open_from_mention(page, live_server, world, shot):
    """The director opens the file from the mention's page of the web watch."""
    from tests.web.cases.helpers import make_mention

    mention = make_mention(
        world, url=POST_URL, findings=[]
    )  # no pre-analysis: the cases app runs the engine
    page.goto(f"{live_server.url}/veille/mention/{mention.pk}/")
    shot(page, "mention")
    page.get_by_role("button", name="Ouvrir un dossier").click()


def open_from_report(page, live_server, shot):
    """Without the web watch: the same post, opened as a report (URL and the text as captured)."""
    page.goto(f"{live_server.url}/dossiers/ouvrir/")
    page.get_by_label("Titre").fill("Publication sur un enfant")
    page.get_by_label("Origine").select_option("signalement")
    page.get_by_label("Adresse de la publication").fill(POST_URL)
    page.get_by_label("Texte tel que capté").fill(CHILD_POST)
    shot(page, "signalement")
    page.get_by_role("button", name="Ouvrir le dossier").click()


def sign_out(page):
    open_menu(page)
    page.get_by_role("button", name="Se déconnecter").click()


def test_a_mention_naming_a_child_becomes_a_decided_file_and_a_register_entry(
    live_server, page, shot, sign_in, transactional_db
):
    world = build_world()
    person_for(world)  # Mélissa is in the registers, linked to her account
    services.analyze(world.org, CHILD_POST)  # loads the French pipeline once, before the clicks
    sign_in(page, world.director.email, PASSWORD)
    if apps.is_installed("balise.watch"):
        open_from_mention(page, live_server, world, shot)
    else:
        open_from_report(page, live_server, shot)

    page.get_by_role("heading", name=re.compile("Dossier n°")).wait_for()
    assert page.get_by_label(
        re.compile("5.ii.renseignements")
    ).is_checked()  # pre-filled by the engine
    shot(page, "dossier-ouvert")
    page.get_by_role("link", name="Modifier les faits").click()
    page.get_by_label("Personne concernée").select_option(label="Mélissa Lapointe")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("button", name="Confirmer les règles").click()
    page.get_by_text(
        "une entrée a été ouverte au registre des incidents de confidentialité"
    ).wait_for()
    shot(page, "regles-confirmees")
    file = BreachFile.objects.get()
    sign_out(page)

    sign_in(page, world.educator.email, PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Mes dossiers").first.click()
    page.get_by_role("link", name=re.compile(f"Dossier n° {file.pk}")).click()
    assert "5.ii.renseignements" in page.locator("main").inner_text()
    page.get_by_label("Votre version des faits").fill(
        "Je voulais raconter ma journée; j'ai retiré le nom de Léa."
    )
    shot(page, "version-de-la-personne")
    page.get_by_role("button", name="Enregistrer ma version").click()
    page.get_by_text("Votre version est enregistrée au dossier.").wait_for()
    sign_out(page)

    sign_in(page, world.director.email, PASSWORD)
    page.goto(f"{live_server.url}/dossiers/{file.pk}/")
    assert "j'ai retiré le nom de Léa" in page.locator("main").inner_text()
    page.get_by_role("link", name="Décider des mesures").click()
    page.get_by_label("Retrait ou modification du contenu publié").check()
    page.get_by_label("Mesure disciplinaire : avertissement écrit").check()
    page.get_by_label("Motifs de la décision").fill(
        "Renseignements d'un enfant publiés sur un compte public."
    )
    shot(page, "decision")
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.get_by_text("Décision enregistrée.").wait_for()
    shot(page, "decide")
    file.refresh_from_db()
    assert file.state == State.DECIDED and not file.decision_warning
    assert sorted(file.measures.values_list("kind", flat=True)) == [
        "avertissement-ecrit",
        "retrait-contenu",
    ]

    entry = IncidentEntry.objects.get(file=file)
    page.get_by_role("link", name=f"Incident n° {entry.pk}").click()
    page.get_by_label("Nombre de personnes concernées").fill("1")
    page.get_by_label("Sensibilité des renseignements").fill("Nom et santé d'un enfant de 4 ans")
    page.get_by_label("Conséquences appréhendées").fill("Stigmatisation de l'enfant")
    page.get_by_label("Probabilité d'utilisation à des fins préjudiciables").fill(
        "Faible : publication retirée"
    )
    page.get_by_label("Évaluation du risque de préjudice sérieux").select_option("serieux")
    page.get_by_label("Avis aux personnes concernées le").fill(timezone.localdate().isoformat())
    page.get_by_label("Mesures prises pour diminuer le risque").fill(
        "Publication retirée, parents avisés"
    )
    page.get_by_role("button", name="Enregistrer l'entrée").click()
    page.get_by_text("Entrée du registre enregistrée.").wait_for()
    shot(page, "registre-entree")

    open_menu(page)
    page.get_by_role("link", name="Registre des incidents").first.click()
    today = timezone.localdate()
    page.get_by_label("Du", exact=True).fill((today - timedelta(days=30)).isoformat())
    page.get_by_label("Au", exact=True).fill(today.isoformat())
    shot(page, "export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporter le registre").click()
    pdf = PdfReader(io.BytesIO(open(download.value.path(), "rb").read()))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Registre des incidents de confidentialité — CPE Premier Pas" in text
    assert (
        "Nom et santé d'un enfant de 4 ans" in text
        and "Publication retirée, parents avisés" in text
    )
    assert "Risque de préjudice sérieux : Risque de préjudice sérieux" in text
    assert "Léa Tremblay" in text  # the engine's evidence describes the information involved
    assert POST_URL in text
