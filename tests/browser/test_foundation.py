"""A director sets up a CPE, invites an educator, who signs in and reads article 5."""

from __future__ import annotations

import re

from django.core import mail

from balise.accounts.models import Membership, SetupToken
from tests.browser.menu import open_menu


def test_a_new_cpe_from_setup_link_to_an_employee_reading_article_5(
    live_server, page, shot, transactional_db
):
    token = SetupToken.issue()
    page.goto(f"{live_server.url}/compte/installation/{token}/")
    shot(page, "installation")
    page.get_by_label("Nom du CPE").fill("CPE Premier Pas")
    page.get_by_label("Votre nom complet (directrice générale)").fill("Josée Lamontagne")
    page.get_by_label("Votre courriel").fill("josee@premierpas.example")
    page.get_by_label("Mot de passe", exact=True).fill("un-long-mot-de-passe-9")
    page.get_by_label("Confirmez le mot de passe").fill("un-long-mot-de-passe-9")
    page.get_by_role("button", name="Créer le CPE").click()
    page.get_by_role("heading", name=re.compile("Direction")).wait_for()
    shot(page, "accueil-direction")

    page.get_by_role("link", name="Inviter une personne").click()
    page.get_by_label("Nom complet").fill("Mélissa Lapointe")
    page.get_by_label("Courriel").fill("melissa@premierpas.example")
    page.get_by_label("Rôle").select_option("employe")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.get_by_text("Invitation envoyée à melissa@premierpas.example").wait_for()
    shot(page, "invitation-envoyee")
    link = re.search(r"http://\S+/compte/invitation/\S+/", mail.outbox[-1].body).group(0)

    open_menu(page)
    page.get_by_role("button", name="Se déconnecter").click()
    page.goto(link)
    shot(page, "invitation-recue")
    page.get_by_label("Votre nom complet").fill("Mélissa Lapointe")
    page.get_by_label("Mot de passe", exact=True).fill("secret-de-melissa-7")
    page.get_by_label("Confirmez le mot de passe").fill("secret-de-melissa-7")
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_role("heading", name=re.compile("Bonjour")).wait_for()
    assert Membership.objects.get(user__email="melissa@premierpas.example").role == "employe"

    open_menu(page)
    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_label("Courriel").fill("melissa@premierpas.example")
    page.get_by_label("Mot de passe").fill("secret-de-melissa-7")
    page.get_by_role("button", name="Se connecter").click()
    open_menu(page)
    page.get_by_role("link", name="Le code").first.click()
    page.get_by_role("link", name=re.compile("Protéger son temps de travail")).click()
    article = page.locator("#article-5-vii")
    assert "vous n'êtes donc pas autorisé" in article.inner_text().lower()
    assert "Rappelez-vous que l'usage des réseaux sociaux" in article.inner_text()
    shot(page, "article-5")
