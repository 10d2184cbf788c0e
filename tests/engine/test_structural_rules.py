"""Structural rules (patterns + context, no model): identity, page, confidential, and the guards
that keep compliant posts quiet. Sentences written for these tests, in everyday Quebec French."""

from __future__ import annotations

import pytest

from balise.engine.checker import merge_spans

IDENTITY = [
    ("En tant que directrice du CPE, je vous invite à notre portes ouvertes.", "éducatrice", True),
    ("À titre de coordonnatrice, je vous confirme que tout va bien.", "cuisinière", True),
    (
        "Moi qui suis responsable des inscriptions, je vous garde une place.",
        "responsable de l'alimentation",
        True,
    ),
    ("Bonjour à tous, ici la direction: la sortie de vendredi est reportée.", "éducatrice", True),
    ("Je suis la nouvelle présidente du CA et je peux vous le dire.", "stagiaire", True),
    (
        "J'ai signé le courriel aux fournisseurs « La direction », ça passe mieux.",
        "éducatrice",
        True,
    ),
    ("As the director of the daycare, I approve this message.", "éducatrice", True),
    (
        "J'ai un faux profil pour lire ce que les parents écrivent dans leur groupe.",
        "éducatrice",
        True,
    ),
    ("Je me suis fait passer pour une maman dans le groupe du quartier.", "éducatrice", True),
    ("Je commente sous un pseudo pour défendre mon milieu, personne le sait.", "éducatrice", True),
    ("Je réponds aux parents sous le nom de ma sœur, c'est plus simple.", "éducatrice", True),
    # compliant: own function, a third person, a comparison, "entre nous"
    (
        "En tant que directrice générale, je souhaite une belle rentrée à tous.",
        "directrice générale",
        False,
    ),
    ("Comme éducatrice, je trouve ce livre très bien fait.", "éducatrice", False),
    ("La coordonnatrice nous a félicitées pour la fête de l'hiver.", "éducatrice", False),
    ("Elle me parle comme une directrice, c'est drôle.", "éducatrice", False),
    (
        "Je suis gestionnaire de CPE depuis 15 ans et j'aime encore ça.",
        "directrice adjointe",
        False,
    ),
    ("Attention: quelqu'un se fait un nouveau compte, mais c'est pas moi.", "éducatrice", False),
]


@pytest.mark.parametrize(("text", "role", "fires"), IDENTITY)
def test_identity(rules_only, text: str, role: str, fires: bool) -> None:
    result = rules_only(text, author_role=role)
    assert ("5.iii.identite" in result.rules) is fires, result.findings
    for f in result.findings:
        if f.rule == "5.iii.identite":
            assert f.evidence and f.explanation.startswith("motif")


PAGE = [
    ("J'ai créé une page Facebook pour le CPE Les Lucioles, abonnez-vous!", True),
    ("Nouveau groupe Messenger « Parents des Lucioles », joignez-vous!", True),
    ("Suivez @leslucioles_valdor, le compte que j'ai fait pour montrer nos bricolages!", True),
    ("Je viens de lancer un serveur Discord pour les éducatrices du CPE.", True),
    ("Voici la page non officielle de notre CPE, aimez et partagez!", True),
    ("Le compte TikTok de notre CPE est maintenant actif, c'est moi qui le gère.", True),
    # compliant: sharing or following the official page, another subject, asking permission
    (
        "Partagez la publication de la page officielle du CPE Les Lucioles, inscriptions ouvertes!",
        False,
    ),
    ("Abonnez-vous au compte officiel des Lucioles pour les nouvelles.", False),
    ("J'ai créé une page Instagram pour mes tricots, venez voir!", False),
    ("J'ai demandé à la direction si je pouvais créer une page pour le CPE.", False),
    (
        "Avec l'autorisation de la directrice générale, j'ai créé le groupe des parents du CPE.",
        False,
    ),
]


@pytest.mark.parametrize(("text", "fires"), PAGE)
def test_page(rules_only, text: str, fires: bool) -> None:
    assert ("5.v.page" in rules_only(text).rules) is fires


CONFIDENTIAL = [
    ("Entre nous, le budget de l'an prochain prévoit deux mises à pied.", True),
    ("Je devrais pas le dire, mais la subvention a été coupée de moitié.", True),
    ("Chut: le conseil d'administration va fermer la pouponnière en juin.", True),
    (
        "Pas encore annoncé aux parents, mais on déménage l'an prochain. La décision est prise.",
        True,
    ),
    ("On vient d'apprendre que l'inspection a trouvé trois problèmes. Gardez ça pour vous.", True),
    ("Le C.A. a voté la hausse des frais de sortie hier soir.", True),
    # compliant: public facts, private matters of people are 5.ii, not 5.v
    ("Belle journée au parc avec les amis, on a ramassé des feuilles.", False),
    (
        "La nouvelle est officielle: le CPE ouvre une deuxième installation, c'est dans le journal.",
        False,
    ),
]


@pytest.mark.parametrize(("text", "fires"), CONFIDENTIAL)
def test_confidential(rules_only, text: str, fires: bool) -> None:
    assert ("5.v.confidentiel" in rules_only(text).rules) is fires


def test_confidence_about_a_person_is_not_business(rules_only) -> None:
    result = rules_only("Josiane Pelchat est enceinte, gardez ça pour vous!")
    assert "5.v.confidentiel" not in result.rules
    assert "5.ii.renseignements" in result.rules


NETWORK = [
    ("J'ai téléchargé un jeu sur l'ordinateur du CPE pendant la sieste.", True),
    ("Je télécharge jamais rien sur le wifi du CPE, j'attends d'être chez nous.", False),
    ("Hier soir j'ai téléchargé des films sur mon ordi perso à la maison.", False),
]


@pytest.mark.parametrize(("text", "fires"), NETWORK)
def test_network(rules_only, text: str, fires: bool) -> None:
    assert ("5.v.reseau" in rules_only(text).rules) is fires


GUARDS = [
    # one's own child, health or family
    "Mon plus jeune a encore des poux, vie de parent!",
    "Ma fille commence la maternelle demain, je suis émue.",
    # warm mention of a named adult
    "Merci Josiane Pelchat pour le party de Noël, c'était malade!",
    "Bienvenue à Gabrielle Fortin dans l'équipe de la cuisine!",
    # the CPE's name inside the org name is not a child
    "Le CPE Les Lucioles souhaite de joyeuses Fêtes à toutes ses familles!",
]


@pytest.mark.parametrize("text", GUARDS)
def test_compliant_guards(check, text: str) -> None:
    assert check(text).verdict == "ok"


def test_official_mandated_is_not_spokesperson_nor_time(check) -> None:
    result = check(
        "Au nom du CPE, nous vous rappelons que la fête de fin d'année aura lieu le 20 juin.",
        account="officiel",
        mandated=True,
        on_shift=True,
        on_break=False,
    )
    assert not {"5.iv.porte-parole", "5.vii.temps"} & result.rules


def test_shared_official_post_with_logo_is_compliant(check) -> None:
    result = check(
        "Partagé depuis la page officielle du CPE Les Lucioles : inscriptions ouvertes!",
        media=[{"kind": "photo", "faces": 0, "consented_faces": 0, "logo": True}],
    )
    assert "5.v.marque" not in result.rules and "5.v.page" not in result.rules


@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([(0, 3), (0, 10)], [(0, 10)]),
        ([(5, 8), (0, 10), (12, 14)], [(0, 10), (12, 14)]),
        ([(0, 4), (3, 6), (6, 8)], [(0, 6), (6, 8)]),
        ([(0, 4), (0, 4), (20, 30)], [(0, 4)]),
    ],
)
def test_merge_spans(spans, merged) -> None:
    assert merge_spans(spans, 20) == merged


def test_nested_evidence_is_merged(check) -> None:
    result = check("Anaïs Tremblay a fait une crise, Anaïs est malade depuis lundi.")
    for f in result.findings:
        starts = [(s.start, s.end) for s in f.evidence]
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(starts, starts[1:], strict=False))
