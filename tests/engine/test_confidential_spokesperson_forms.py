"""Forms of 5.v.confidentiel and 5.iv.porte-parole decided by patterns alone (no model), and the
guards that keep public facts, one's own affairs and redirections quiet. Sentences written for
these tests from general Quebec French and English, not taken from any corpus."""

from __future__ import annotations

import pytest

CONF = "5.v.confidentiel"
SPOKES = "5.iv.porte-parole"


CONFIDENTIAL_FIRES = [
    # credentials given with their value
    "Le nouveau code du clavier de la porte d'en arrière, c'est 5530# à partir de demain.",
    "Pour les filles du soir: le mot de passe du portail des présences est maintenant Soleil2031!",
    "FYI team, the office alarm passcode is now 7781.",
    # internal documents
    "Je vous mets le procès-verbal du comité de direction en pièce jointe, lisez la page 3.",
    "Voici le rapport interne sur les absences, c'est assez parlant.",
    # a disciplinary measure about a colleague, as a fact
    "Notre cuisinière a été suspendue sans solde pour deux semaines.",
    "Mon collègue du groupe des grands va se faire renvoyer à la fin du mois.",
    "Heads up: our cook got fired yesterday.",
    # what is not known yet, an announcement to come
    "Les nouvelles heures d'ouverture vont être annoncées juste en mai, mais c'est réglé.",
    "Le projet de deuxième installation est abandonné, l'équipe le sait pas encore officiellement mais le budget est pas là.",
    "Officiellement, c'est « une pause », mais le programme de musique est coupé pour de bon.",
    "You didn't hear it from me, but the board wants to raise the fees in the fall.",
    # insider vantage, then the CPE's business
    "J'ai fait les paies hier et la prime de la coordonnatrice a doublé.",
    "Ce qui s'est dit au comité de gestion hier: on abandonne le projet de jardin.",
    # bargaining: the employer's offer
    "La partie patronale veut couper une journée de maladie dans la prochaine entente.",
    "The board just decided to freeze hiring until spring.",
]

CONFIDENTIAL_QUIET = [
    # one's own credentials, a budget of one's own, a public budget
    "Mon mot de passe Netflix, c'est ultra secret 😂",
    "Budget familial de février: on a réussi à mettre 200$ de côté!",
    # a wish or a threat is not an HR measure
    "J'espère que ce gérant-là va se faire congédier, il est tellement impoli au dépanneur.",
    # family, not a colleague
    "Mon frère a été suspendu de son équipe de hockey pour une mise en échec.",
    # the direction not knowing about one's own project is not a leak
    "J'ai commencé un album de bricolages, la direction le sait pas encore mais elle va aimer.",
    # public facts
    "Le conseil d'administration a adopté le rapport annuel, il est disponible sur notre site web.",
    "Le code de vie du CPE est affiché à l'entrée, allez le lire avec vos enfants.",
]


@pytest.mark.parametrize("text", CONFIDENTIAL_FIRES)
def test_confidential_forms_fire(rules_only, text: str) -> None:
    assert CONF in rules_only(text).rules


@pytest.mark.parametrize("text", CONFIDENTIAL_QUIET)
def test_confidential_forms_stay_quiet(rules_only, text: str) -> None:
    assert CONF not in rules_only(text).rules


def test_public_policy_without_the_cpe_silences_the_model(check) -> None:
    result = check("Le budget provincial prévoit encore des miettes pour la petite enfance. Déçue.")
    assert CONF not in result.rules


def test_denying_a_rumour_is_not_a_leak(check) -> None:
    result = check("Les rumeurs de fermeture sont fausses, on reste ouvert tout l'été.")
    assert CONF not in result.rules


SPOKES_FIRES = [
    "Le CPE remercie chaleureusement la boulangerie du coin pour son don de pains!",
    "Notre CPE tient à préciser que personne n'a été blessé lors de la sortie.",
    "Je parle au nom de l'équipe: on n'a jamais refusé un enfant pour ça.",
    "Quick answer on behalf of the team: we close at 6 pm, not 5.",
    "J'annonce pour l'équipe: le spectacle de Noël sera le 18 décembre.",
]

SPOKES_QUIET = [
    # declining and pointing to the direction or the site
    "Bonne question! Je vous suggère d'appeler la direction, moi je peux pas parler pour le CPE.",
    "Je laisse la direction répondre, elle est au courant de la situation.",
    # "au nom du CPE" in something that is not a statement
    "J'ai ouvert un compte Pinterest au nom du CPE pour nos idées de bricolage.",
    "Mes garçons vendent du chocolat au nom du CPE samedi, passez les voir!",
    "La direction est la seule qui peut répondre au nom du CPE, je transmets votre message.",
    # the official page's post shared
    "Je partage la publication de la page officielle: le CPE remercie les bénévoles de la fête!",
]


@pytest.mark.parametrize("text", SPOKES_FIRES)
def test_spokesperson_forms_fire(rules_only, text: str) -> None:
    assert SPOKES in rules_only(text).rules


@pytest.mark.parametrize("text", SPOKES_QUIET)
def test_spokesperson_forms_stay_quiet(rules_only, text: str) -> None:
    assert SPOKES not in rules_only(text).rules


def test_spokesperson_mandated_author_is_exempt(rules_only) -> None:
    result = rules_only(
        "Le CPE remercie tous les parents pour leur patience.", account="officiel", mandated=True
    )
    assert SPOKES not in result.rules
