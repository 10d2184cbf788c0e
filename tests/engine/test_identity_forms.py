"""Identity (5.iii): the forms a claimed function or a false identity takes, and the near-misses
that must stay quiet. Patterns and context only (no model). Sentences written for these tests."""

from __future__ import annotations

import pytest

from balise.engine import Checker, Context, OrgProfile, Post

RULE = "5.iii.identite"


@pytest.fixture(scope="module")
def rules_only(profile: OrgProfile):
    checker = Checker(profile, model=False, use_nlp=False)

    def run(text: str, role: str):
        return checker.check(Post("t", text, Context.from_dict({"author_role": role})))

    return run


def _check(rules_only, text: str, role: str, fires: bool) -> None:
    result = rules_only(text, role)
    assert (RULE in result.rules) is fires, result.findings
    for f in result.findings:
        if f.rule == RULE:
            assert f.evidence and f.explanation.startswith("motif")
            assert all(text[s.start : s.end] == s.text for s in f.evidence)


#: Signing or introducing oneself with a function.
SIGNING = [
    ("Ici Hélène Marchand, DG. Le CPE reste ouvert malgré la tempête.", "éducatrice", True),
    (
        "Ici Hélène Marchand, DG. Le CPE reste ouvert malgré la tempête.",
        "directrice générale",
        False,
    ),
    (
        "Bonjour, Sophie Tremblay, directrice adjointe, ici. Rappel pour vendredi.",
        "éducatrice",
        True,
    ),
    ("Salut tout le monde, Geneviève Caron, coordonnatrice pédagogique, ici!", "éducatrice", True),
    ("Merci de votre compréhension.\n— Sophie T., directrice adjointe", "éducatrice", True),
    ("Bonne semaine à tous!\n\nMarie-Ève Dion, directrice générale", "cuisinière", True),
    ("Bonne semaine à tous!\n\nMarie-Ève Dion, directrice générale", "directrice générale", False),
    (
        "Marc, directeur des opérations au CPE Les Lucioles. Écrivez-moi.",
        "préposé à l'entretien",
        True,
    ),
    ("Allô c'est Marc Gagnon, président du CA! Ajoutez-moi.", "éducateur", True),
    ("Je m'appelle Sonia, directrice adjointe des Lucioles. Bienvenue!", "éducatrice", True),
    (
        "Moi c'est Karine, éducatrice spécialisée au CPE, posez-moi vos questions!",
        "aide-éducatrice",
        True,
    ),
    ("Je me présente : Line Roy, directrice générale.", "éducatrice", True),
    ("Hi! I'm Julie, assistant director at Les Lucioles, message me!", "éducatrice", True),
    ("Hello, this is Anne, the daycare director. Please bring boots.", "éducatrice", True),
]

#: Speaking as a body of the CPE.
AS_A_BODY = [
    ("Direction du CPE Les Lucioles: nous confirmons la fête du 19.", "éducatrice", True),
    ("(de la part de la direction) Les formulaires sont dus vendredi.", "éducatrice", True),
    ("Message du conseil d'administration: merci pour l'AGA!", "aide-éducatrice", True),
    ("Mot de la direction: merci pour votre patience pendant les travaux.", "éducatrice", True),
    ("Communiqué du conseil d'administration – la cotisation augmente.", "éducatrice", True),
    (
        "La DG ne répond jamais, alors je réponds en son nom: pas de remboursement.",
        "éducatrice",
        True,
    ),
    ("Je représente officiellement le CPE dans ce dossier.", "consultante", True),
    ("On behalf of the daycare's management, we apologize for the delay.", "aide-éducatrice", True),
    ("Au nom de la direction, merci aux parents.", "directrice générale", False),
    ("Pas un mot de la direction pour mon anniversaire.", "éducatrice", False),
    ("J'ai reçu un message de la direction ce matin.", "éducatrice", False),
    ("Message de la direction reçu ce matin, je vous le transfère.", "éducatrice", False),
    ("Partage: communiqué de la direction concernant la tempête.", "éducatrice", False),
    ("La direction a envoyé un courriel interne: on ne doit rien dire.", "éducatrice", False),
    ("La direction du CPE a décidé de fermer plus tôt.", "éducatrice", False),
    ("Je peux pas répondre au nom de la direction, écrivez au bureau.", "éducatrice", False),
]

#: Presenting oneself as someone one is not.
PRESENTING = [
    ("J'ai répondu aux candidates en me présentant comme la DG du CPE.", "éducatrice", True),
    (
        "Au colloque, je me suis présentée comme la responsable pédagogique.",
        "éducatrice remplaçante",
        True,
    ),
    (
        "Tu te présentes comme « éducatrice titulaire » pour qu'on te prenne au sérieux.",
        "éducatrice remplaçante",
        True,
    ),
    ("Je me suis inscrite au congrès comme « représentante de la direction ».", "cuisinière", True),
    ("Une maman pensait que j'étais la directrice, j'ai pas corrigé 😇", "éducatrice", True),
    ("J'ai laissé croire à la stagiaire que j'étais la directrice adjointe.", "éducatrice", True),
    (
        "On m'a demandé si j'étais la propriétaire du CPE, j'ai répondu « en quelque sorte ».",
        "éducatrice",
        True,
    ),
    (
        "Comme déléguée syndicale, j'annonce le report. (je suis pas déléguée mais bon)",
        "éducatrice",
        True,
    ),
    ("Si je me présentais comme la directrice, ils m'écouteraient peut-être.", "éducatrice", False),
    (
        "Les parents pensaient que j'étais la directrice, je les ai corrigés tout de suite.",
        "éducatrice",
        False,
    ),
    (
        "Un parent m'a demandé si j'étais la directrice, j'ai dit non, c'est Hélène.",
        "éducatrice",
        False,
    ),
]

#: Profiles, bios, signatures, business cards.
PROFILES = [
    ("LinkedIn: Directrice des opérations | CPE Les Lucioles", "adjointe administrative", True),
    ("Profile updated: Marc B. – Assistant Director, CPE Les Lucioles", "éducateur", True),
    (
        "Updated my work info to « Pedagogical Coordinator at CPE Les Lucioles »",
        "aide-éducatrice",
        True,
    ),
    ("In my bio I say I'm « Head of Early Learning ».", "aide-éducatrice", True),
    ("Mon statut: « Direction adjointe (intérim) » hihi", "éducatrice", True),
    (
        "« Directrice générale adjointe » sur ma carte d'affaires, 250 pour 19$.",
        "adjointe administrative",
        True,
    ),
    ("Ma signature de courriel: « Éducatrice qualifiée »", "aide-éducatrice", True),
    ("Mon nom sur TikTok c'est « la directrice des Lucioles ».", "aide-éducatrice", True),
    ("Mon titre sur LinkedIn est « Directeur adjoint, CPE Les Lucioles ».", "éducateur", True),
    (
        "Signature: Émilie Roy, conseillère pédagogique. Mes notes du colloque.",
        "conseillère pédagogique",
        False,
    ),
    ("J'ai vu le profil LinkedIn de la directrice, quelle expérience.", "éducatrice", False),
    ("Mon pseudo sur Reddit c'est « LucioleFatiguée » lol", "éducatrice", False),
]

#: A post opening on a function at the CPE.
OPENINGS = [
    ("Cheffe cuisinière au CPE Les Lucioles depuis 2019, recettes santé!", "aide-éducatrice", True),
    ("Cheffe cuisinière au CPE Les Lucioles depuis 2019, recettes santé!", "cuisinière", False),
    ("Cheffe cuisinière au CPE Les Lucioles depuis 2019!", "responsable de l'alimentation", False),
    (
        "Nouvelle éducatrice spécialisée au CPE Les Lucioles! Hâte de commencer.",
        "aide-éducatrice",
        True,
    ),
    ("Représentant officiel du CPE pour le tournoi de hockey!", "éducateur", True),
    ("Responsable des communications du CPE ici: la page sera mise à jour.", "cuisinière", True),
    ("Conseillère pédagogique ici 👋 pour les parents qui demandent: non.", "éducatrice", True),
    ("Coordonnatrice du CPE Les Lucioles depuis 2018 ✨ mes conseils", "éducatrice", True),
    (
        "Éducatrice spécialisée au CPE Les Lucioles depuis 5 ans, je partage un outil.",
        "éducatrice spécialisée",
        False,
    ),
    ("La nouvelle éducatrice spécialisée commence lundi, bienvenue!", "éducatrice", False),
    (
        "Conseillère pédagogique recherchée au CPE Les Lucioles! Envoyez votre CV.",
        "directrice générale",
        False,
    ),
    ("Poste à combler: responsable de l'alimentation, 35h/semaine.", "directrice adjointe", False),
    ("Direction du CPE = bande de clowns", "éducatrice", False),
]

#: Claims in the first person, compared with the author's own function.
OWN_FUNCTION = [
    ("Je suis l'éducatrice responsable du groupe des Poupons!", "aide-éducatrice", True),
    ("Je suis l'éducatrice responsable du groupe des Poupons!", "éducatrice", False),
    (
        "Je travaille comme éducatrice permanente au CPE depuis 5 ans!",
        "éducatrice remplaçante",
        True,
    ),
    ("Je travaille comme éducatrice permanente au CPE depuis 5 ans!", "éducatrice", False),
    ("Allô, ici la psychoéducatrice du CPE! Consultations 60$/h.", "éducatrice spécialisée", True),
    (
        "Moi comme éducatrice qualifiée depuis 10 ans, je peux vous dire que…",
        "aide-éducatrice",
        True,
    ),
    ("En tant que membre du comité de direction, je peux vous dire que…", "éducatrice", True),
    ("As the daycare's pedagogical advisor, I recommend these books.", "éducateur", True),
    ("Comme cheffe cuisinière et diététiste du CPE, je garantis nos menus.", "cuisinière", True),
    ("Le CTO du CPE Les Lucioles, c'est moi.", "consultant informatique", True),
    ("Je suis à la coordination du CPE cet été, écrivez-moi.", "stagiaire", True),
    ("Comme j'ai été nommé directeur adjoint, je lance mes idées ici.", "éducateur", True),
    (
        "En tant que responsable pédagogique du CPE, je vous présente le programme.",
        "conseillère pédagogique",
        False,
    ),
    ("Je suis gestionnaire de CPE depuis 15 ans.", "directrice adjointe", False),
    (
        "Comme « responsable » du CPE pendant l'absence de la direction, j'annonce…",
        "éducatrice",
        True,
    ),
]

#: Impersonation, borrowed accounts, personas.
IMPERSONATION = [
    (
        "J'ai changé mon nom Facebook pour celui de ma collègue pis j'ai commenté.",
        "éducatrice",
        True,
    ),
    (
        "Je me suis créé un compte « Josée Admin CPE » pour les rappels de paiement.",
        "éducatrice",
        True,
    ),
    (
        "J'ai ouvert un compte « Parent inquiet Val-d'Or » pour dénoncer la directrice.",
        "éducatrice",
        True,
    ),
    ("J'ai ouvert un compte Instagram @direction.lucioles pour les parents.", "éducatrice", True),
    (
        "J'ai ouvert un compte Instagram @direction.lucioles pour les parents.",
        "directrice générale",
        False,
    ),
    (
        "Je me suis connectée sur le compte Facebook de la DG pis j'ai liké nos photos.",
        "éducatrice",
        True,
    ),
    ("C'est pas Josiane qui écrit, c'est Marie, j'ai pris son cell lol", "éducatrice", True),
    (
        "J'ai utilisé le cell de Josiane pour texter les parents, ils pensaient que c'était elle.",
        "éducatrice",
        True,
    ),
    ("J'ai publié depuis le profil de mon mari pour défendre le CPE.", "éducatrice", True),
    (
        "Posté avec le compte de l'éducatrice Josiane qu'elle avait laissé ouvert.",
        "cuisinière",
        True,
    ),
    ("Petit avis 5 étoiles laissé sous le nom de ma cousine.", "éducatrice", True),
    ("Je fais semblant d'être une parente dans le groupe des mamans.", "éducatrice", True),
    ("Je me fais passer pour une grand-maman dans le groupe du quartier.", "éducatrice", True),
    ("J'ai un deuxième profil pour lire le groupe des parents.", "éducatrice", True),
    ("Créé un profil « Maman de Val-d'Or » pour vanter le CPE partout.", "éducatrice", True),
    ("Petite confession: c'est moi « Papa Valdorien » qui défend le CPE.", "éducatrice", True),
    (
        "Bonsoir, je suis la mère d'un ami des Renards. (je suis son éducatrice, mais chut)",
        "éducatrice",
        True,
    ),
    ("★★★★★ Maman de deux enfants aux Lucioles, je recommande à 100%!", "éducatrice", True),
    (
        "Vous avez reçu un message de « Hélène direction »? C'est moi, pour tester lol",
        "éducateur",
        True,
    ),
    ("I logged into my coworker's account to reply to the parents.", "éducatrice", True),
    ("Made a burner account to defend my daycare in the group.", "éducatrice", True),
    ("J'ai écrit deux faux avis sur notre CPE.", "éducatrice", True),
    # a victim's warning, one's own things, somebody else's group
    (
        "Attention: quelqu'un a créé un faux compte avec mes photos. Signalez-le svp!",
        "éducatrice",
        False,
    ),
    ("Someone made a fake profile using my pictures. Please report it!", "éducatrice", False),
    ("Quelqu'un se fait passer pour moi sur Facebook, ne répondez pas.", "éducatrice", False),
    ("Quelqu'un a laissé un faux avis sur notre CPE, c'est pas correct.", "éducatrice", False),
    ("Arrête de faire semblant d'être fine avec tout le monde.", "éducatrice", False),
    ("J'ai vu sur le compte de Josiane qu'elle part en voyage.", "éducatrice", False),
    ("J'ai commenté sur le profil de ma sœur pour sa fête.", "éducatrice", False),
    ("Mon chum m'a prêté son téléphone parce que le mien est brisé.", "éducatrice", False),
    ("Ma collègue m'a prêté son compte Netflix.", "éducatrice", False),
    ("Le compte « Parents de Val-d'Or » a partagé notre affiche.", "éducatrice", False),
    (
        "Groupe privé « Parents des Lucioles » créé! Première publication demain.",
        "éducateur",
        False,
    ),
    ("J'ai changé ma photo de profil pour une photo de mon chien.", "éducatrice", False),
    ("Je suis maman de deux enfants et éducatrice depuis 12 ans.", "éducatrice", False),
    ("Comme maman, je recommande ce livre à tous les parents.", "éducatrice", False),
    ("Je suis enceinte mais chut!", "éducatrice", False),
]

#: Speaking about a function, comparisons, jokes, conditions, quotations.
ABOUT_A_FUNCTION = [
    ("La directrice a dit qu'on fermait plus tôt vendredi.", "éducatrice", False),
    ("Félicitations à Manon, nouvelle directrice adjointe!", "éducatrice", False),
    ("Manon, notre nouvelle directrice adjointe, commence lundi.", "éducatrice", False),
    ("Julie Roy, directrice adjointe au CPE, prend sa retraite vendredi.", "éducatrice", False),
    ("Francine, directrice du CPE: vous devriez avoir honte.", "éducatrice", False),
    (
        "Notre équipe:\nFrancine Roy, directrice générale\nNathalie Côté, directrice adjointe",
        "éducatrice",
        False,
    ),
    ("« La sécurité d'abord » — Hélène Marchand, directrice générale", "éducatrice", False),
    (
        "Honnêtement, la coordonnatrice du CPE nous surveille comme des enfants.",
        "adjointe administrative",
        False,
    ),
    ("Chez nous, je suis la directrice de la maison, mon chum le sait!", "éducatrice", False),
    ("Je suis la reine du bricolage et la boss de la sieste!", "éducatrice", False),
    ("Je suis présidente du club de patinage de ma fille.", "éducatrice", False),
    ("Je suis responsable de mon groupe de 8 poupons, c'est beaucoup!", "éducatrice", False),
    (
        "Je gagne moins que mon neveu pis je suis responsable de 10 vies par jour.",
        "éducatrice",
        False,
    ),
    ("J'ai été nommée responsable du comité vert au CPE!", "éducatrice remplaçante", False),
    ("Je suis administratrice du groupe Facebook des mamans du quartier.", "éducatrice", False),
    ("J'ai assisté à la rencontre comme représentante des employées.", "éducatrice", False),
    ("Si j'étais la directrice, je donnerais congé à tout le monde.", "éducatrice", False),
    ("Un jour je serai directrice, c'est mon rêve.", "éducatrice", False),
    ("« Je suis la directrice, c'est moi qui décide », qu'elle m'a dit.", "éducatrice", False),
    ("As the director said, the fence will be fixed.", "éducatrice", False),
    ("Tu as la directrice qui est passée ce matin.", "éducatrice", False),
    ("La porte-parole du CPE, c'est moi aujourd'hui 😂", "éducatrice", False),
    (
        "Mon premier jour comme éducatrice qualifiée au CPE! Diplôme en poche.",
        "adjointe administrative",
        False,
    ),
]


@pytest.mark.parametrize(("text", "role", "fires"), SIGNING)
def test_signing_or_introducing(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), AS_A_BODY)
def test_speaking_as_a_body(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), PRESENTING)
def test_presenting_oneself_as(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), PROFILES)
def test_profiles_and_signatures(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), OPENINGS)
def test_post_opening_on_a_function(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), OWN_FUNCTION)
def test_claimed_vs_own_function(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), IMPERSONATION)
def test_impersonation_and_borrowed_accounts(rules_only, text: str, role: str, fires: bool) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(("text", "role", "fires"), ABOUT_A_FUNCTION)
def test_speaking_about_a_function_stays_quiet(
    rules_only, text: str, role: str, fires: bool
) -> None:
    _check(rules_only, text, role, fires)


@pytest.mark.parametrize(
    ("claimed", "actual", "same"),
    [
        ("directrice", "directrice générale", True),
        ("dg", "directeur général", True),
        ("direction", "directrice adjointe", True),
        ("directrice", "adjointe à la direction", False),
        ("directrice générale", "directrice adjointe", False),
        ("présidente du ca", "président du conseil d'administration", True),
        ("responsable pédagogique", "conseillère pédagogique", True),
        ("cheffe cuisinière", "responsable de l'alimentation", True),
        ("responsable des admissions", "responsable de l'alimentation", False),
        ("éducatrice", "aide-éducatrice", True),
        ("éducatrice qualifiée", "aide-éducatrice", False),
        ("éducatrice spécialisée", "éducatrice", False),
        ("psychoéducatrice", "éducatrice spécialisée", False),
        ("éducatrice permanente", "éducatrice remplaçante", False),
        ("éducateur permanent", "éducatrice", True),
        ("recruteur", "recruteuse", True),
    ],
)
def test_function_comparison(claimed: str, actual: str, same: bool) -> None:
    from balise.engine.analyzers.identity import _same_role
    from balise.engine.textutil import fold

    assert _same_role(fold(claimed), fold(actual)) is same


#: Session 4: a message signed by the direction, titles on a CV, a persona, a parody, a rename,
#: somebody else's account; and the near-misses that speak about the direction.
SIGNED_AND_PERSONAS = [
    ("Le spectacle de Noël est reporté au 19 décembre. Merci! La Direction", "éducatrice", True),
    (
        "Le spectacle de Noël est reporté au 19 décembre. Merci! La Direction",
        "directrice générale",
        False,
    ),
    ("Nous prenons votre avis au sérieux. – Management", "aide-éducatrice", True),
    ("Les inscriptions ferment vendredi. – Direction du CPE Les Lucioles", "cuisinière", True),
    ("Des questions sur les frais? Écrivez-moi. - Karine, pour la direction", "éducatrice", True),
    ("On ouvre pas les fins de semaine. La direction a refusé l'an passé.", "éducatrice", False),
    (
        "Les frais vont monter, la direction va vous en parler. Merci à la direction!",
        "éducatrice",
        False,
    ),
    ("Between us, management is keeping it quiet.", "éducatrice", False),
    ('Resume updated: "Current role: Room Supervisor, CPE Les Lucioles"', "aide-éducatrice", True),
    (
        'LinkedIn headline: "Lead Early Childhood Educator at CPE Les Lucioles"',
        "aide-éducatrice",
        True,
    ),
    (
        "Faux compte « Josée du Lac » : vos éducatrices sont extraordinaires, allez-y!",
        "éducatrice",
        True,
    ),
    (
        "Commentaire sous le pseudo « Grand-papa Réjean » : meilleur CPE en ville.",
        "cuisinière",
        True,
    ),
    ("Mon compte parodie de la coordo a déjà 150 abonnés 😂", "éducatrice", True),
    ("Le compte parodie de la STM est tellement drôle 😂", "éducatrice", False),
    (
        "Avis 5 étoiles signé « Une maman comblée » sur la page du CPE, c'est moi 🤫",
        "éducatrice",
        True,
    ),
    (
        "Je me suis renommée « Direction CPE » dans l'appel Teams pour entrer dans la salle.",
        "éducatrice",
        True,
    ),
    ("J'utilise le compte de ma collègue, le mien est bloqué.", "aide-éducatrice", True),
    ("Posting from Maya's account because she left it open on the tablet lol", "éducatrice", True),
]


@pytest.mark.parametrize(("text", "role", "fires"), SIGNED_AND_PERSONAS)
def test_signed_as_the_direction_and_personas(
    rules_only, text: str, role: str, fires: bool
) -> None:
    _check(rules_only, text, role, fires)
