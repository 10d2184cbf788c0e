"""An educator checks posts on her phone and on a desktop, as a person would."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from balise.engine.media import analyze_file
from tests.browser.menu import open_menu
from tests.factories import PASSWORD
from tests.web.checks.photos import two_faces_jpeg

CHILD_POST = "La petite Léa Gagnon de mon groupe a encore mordu un ami aujourd'hui au CPE, ses parents divorcent."
HARMLESS_POST = "Belle randonnée en famille ce matin au lac Saint-Louis!"
VIEWPORTS = {"telephone": {"width": 390, "height": 844}, "bureau": {"width": 1280, "height": 900}}


@pytest.fixture(params=list(VIEWPORTS))
def device_page(request, chromium, live_server):
    context = chromium.new_context(
        locale="fr-CA",
        viewport=VIEWPORTS[request.param],
        accept_downloads=True,
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.set_default_timeout(60_000)  # the first check of the server loads the French pipeline
    yield page
    context.close()


@pytest.fixture
def educator(transactional_db, world):
    return world.educator


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_an_educator_checks_a_post_and_a_photo_then_a_harmless_post(
    device_page, educator, sign_in, shot, tmp_path, live_server
):
    page = device_page
    photo = tmp_path / "sortie-au-parc.jpg"
    photo.write_bytes(two_faces_jpeg())
    sign_in(page, educator.email, PASSWORD)
    open_menu(page)
    page.get_by_role("link", name="Vérifier", exact=True).first.click()
    page.get_by_role("heading", name="Vérifier avant de publier").wait_for()
    assert "jamais enregistré ni montré à la direction" in page.inner_text("main")
    shot(page, "page-vide")

    page.get_by_label("Le texte de votre publication").fill(CHILD_POST)
    page.get_by_label("Ajouter des photos ou une vidéo").set_input_files(str(photo))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.locator('[data-rule="5.ii.image"]').wait_for()
    findings = page.locator("li.finding")
    assert findings.count() == 2
    assert page.get_by_role("heading", name=re.compile("À ne pas publier tel quel")).is_visible()
    assert (
        "Article 5 ii)" in findings.nth(0).inner_text()
        and "Article 5 ii)" in findings.nth(1).inner_text()
    )
    assert page.locator("mark", has_text="Léa Gagnon").first.is_visible()
    assert page.get_by_role("img", name=re.compile("2 visages encadrés")).is_visible()
    assert (
        page.get_by_label("Le texte de votre publication").input_value() == CHILD_POST
    )  # nothing lost
    shot(page, "deux-constats")

    page.get_by_role("button", name="Copier le texte caviardé").click()
    page.get_by_text("Texte copié.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[personne]" in copied and "Léa Gagnon" not in copied
    shot(page, "texte-copie")

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Télécharger la photo anonymisée")).click()
    blurred = tmp_path / download.value.suggested_filename
    download.value.save_as(blurred)
    assert blurred.name == "sortie-au-parc-anonymise.jpg"
    analysis = analyze_file(blurred)
    assert analysis.faces == [] and analysis.metadata == [] and not analysis.gps
    with Image.open(blurred) as image:
        assert not image.getexif()

    assert serious_violations(page) == []
    page.get_by_label("Le texte de votre publication").fill(HARMLESS_POST)
    page.get_by_label("Ajouter des photos ou une vidéo").set_input_files([])
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.get_by_role("heading", name=re.compile("Rien à signaler")).wait_for()
    assert "Verdict : « ok »" in page.inner_text("#resultat")
    assert page.locator("li.finding").count() == 0
    shot(page, "publication-ok")


def test_a_keyboard_only_person_checks_a_post(page, educator, sign_in, shot, live_server):
    page.set_default_timeout(60_000)
    sign_in(page, educator.email, PASSWORD)
    page.goto(live_server.url + "/verifier/")

    def tab_to(predicate: str, limit: int = 40) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate):
                return
        raise AssertionError(f"la touche Tab n'atteint jamais : {predicate}")

    tab_to("document.activeElement.id === 'id_text'")
    page.keyboard.type(CHILD_POST)
    tab_to(
        "document.activeElement.type === 'submit' && document.activeElement.textContent.trim() === 'Vérifier'"
    )
    page.keyboard.press("Enter")
    page.locator('[data-rule="5.ii.renseignements"]').wait_for()
    assert (
        page.evaluate("document.activeElement.id") == "titre-verdict"
    )  # focus moved to the verdict
    tab_to("document.activeElement.dataset.copy === 'texte-caviarde'")
    page.keyboard.press("Enter")
    page.get_by_text("Texte copié.").wait_for()
    shot(page, "clavier-seulement")
    assert serious_violations(page) == []


def test_every_control_has_a_label_and_errors_stay_beside_their_field(
    page, educator, sign_in, shot, live_server
):
    page.set_default_timeout(60_000)
    sign_in(page, educator.email, PASSWORD)
    page.goto(live_server.url + "/verifier/")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Vérifier", exact=True).click()
    error = page.locator("#erreur-texte")
    error.get_by_text("Votre publication est vide").wait_for()
    assert (
        page.get_by_label("Le texte de votre publication")
        .get_attribute("aria-describedby")
        .endswith("erreur-texte")
    )
    shot(page, "publication-vide")

    page.get_by_label("Le texte de votre publication").fill("Mon texte à garder")
    page.get_by_label("Ajouter des photos ou une vidéo").set_input_files(
        {
            "name": "enorme.jpg",
            "mimeType": "image/jpeg",
            "buffer": b"\xff\xd8" + b"0" * (30 * 1024 * 1024),
        }
    )
    page.locator("#erreur-media").get_by_text(
        "La photo « enorme.jpg » pèse 30 Mo; la limite est de 20 Mo."
    ).wait_for()
    assert page.get_by_label("Le texte de votre publication").input_value() == "Mon texte à garder"
    shot(page, "photo-trop-lourde")
    assert serious_violations(page) == []


def test_asking_the_direction_sends_the_draft_in_a_post_never_in_a_url(
    page, educator, sign_in, shot, live_server
):
    from urllib.parse import unquote_plus

    from balise.registers.models import Question

    page.set_default_timeout(60_000)
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    sign_in(page, educator.email, PASSWORD)
    page.goto(live_server.url + "/verifier/")
    page.get_by_label("Le texte de votre publication").fill(CHILD_POST)
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.locator('[data-rule="5.ii.renseignements"]').wait_for()
    page.get_by_label("Joindre mon brouillon à la question").check()
    page.get_by_role("button", name="Poser une question à la direction").click()
    page.get_by_role("heading", name="Poser une question à la direction").wait_for()
    assert page.get_by_label(
        "Brouillon (joint seulement si vous cochez la case)"
    ).input_value() == (CHILD_POST)
    assert page.get_by_label("Joindre mon brouillon à la question").is_checked()
    assert not Question.objects.exists()  # the pre-filled form saved nothing
    shot(page, "question-preremplie")

    page.get_by_label("Sujet").fill("Une photo de mon groupe")
    page.get_by_label("Votre question").fill("Puis-je publier ceci?")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text("Votre question est transmise à la direction.").wait_for()
    assert Question.objects.get().draft == CHILD_POST
    leaked = [u for u in urls if "Gagnon" in unquote_plus(u) or "draft" in u.lower()]
    assert urls and leaked == []


def test_a_post_shared_while_signed_out_is_checked_after_sign_in(page, educator, shot, live_server):
    """The share target's text waits in the tab's sessionStorage, not on the server."""
    page.set_default_timeout(60_000)
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(live_server.url + "/compte/connexion/")
    page.evaluate(
        """(text) => {
            const form = document.createElement("form");
            form.method = "post"; form.action = "/verifier/partage/"; form.enctype = "multipart/form-data";
            const field = document.createElement("textarea");
            field.name = "text"; field.value = text; form.appendChild(field);
            document.body.appendChild(form); form.submit();
        }""",
        CHILD_POST,
    )
    page.wait_for_url(re.compile(r"/compte/connexion/\?next=/verifier/$"))
    assert page.evaluate("JSON.parse(sessionStorage.getItem('balise:partage')).text") == CHILD_POST
    page.get_by_label("Courriel").fill(educator.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.locator('[data-rule="5.ii.renseignements"]').wait_for()  # checked at once
    assert page.get_by_label("Le texte de votre publication").input_value() == CHILD_POST
    assert page.evaluate("sessionStorage.getItem('balise:partage')") is None  # forgotten
    assert not [u for u in urls if "Gagnon" in u]
    shot(page, "partage-apres-connexion")


def test_who_is_in_this_photo_counts_the_ticked_consents_for_the_channel(
    page, educator, world, sign_in, shot, tmp_path, live_server
):
    from datetime import date

    from balise.registers.models import Consent, RosterEntry

    for name, scope in (("Lou Bérubé", "page-officielle"), ("Zoé Ferland", None)):
        entry = RosterEntry(organization=world.org, kind="enfant", name=name)
        entry.save()
        if scope:
            Consent(
                organization=world.org,
                subject=entry,
                scope=scope,
                given_by="Un parent",
                given_on=date(2026, 1, 5),
                valid_from=date(2026, 1, 5),
            ).save()
    photo = tmp_path / "groupe.jpg"
    photo.write_bytes(two_faces_jpeg())
    page.set_default_timeout(60_000)
    sign_in(page, educator.email, PASSWORD)
    page.goto(live_server.url + "/verifier/")
    page.get_by_label("Sur quel compte?").select_option("officiel")
    page.get_by_label("Ajouter des photos ou une vidéo").set_input_files(str(photo))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    who = page.get_by_role("group", name=re.compile("Qui est sur cette photo"))
    who.wait_for()
    assert "2 visages sans consentement" in who.inner_text()
    who.get_by_label("Chercher un nom").fill("lou")
    assert who.get_by_text("Zoé Ferland").is_hidden() and who.get_by_text("Lou Bérubé").is_visible()
    who.get_by_label(re.compile("Lou Bérubé")).check()
    who.get_by_role("button", name="Vérifier de nouveau avec ces personnes").click()
    page.get_by_text("1 visage sans consentement").wait_for()
    assert page.locator('[data-rule="5.ii.image"]').count() == 1  # one face is still too many
    shot(page, "qui-est-sur-la-photo")
    assert serious_violations(page) == []
