"""Harassment patterns (5 vi): insults aimed at people, threats, mockery, discrimination, and the
guards that keep self-deprecation, things, negation, quotes, politics and praise quiet.
Sentences written for these tests, in everyday Quebec French and English."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from balise.engine.analyzers.conduct import HarassmentAnalyzer, WorkplaceCriticismAnalyzer

H = HarassmentAnalyzer

STRONG_FIRES = [
    # insults aimed at a person or a group
    "Ma collègue est une vraie hypocrite, elle sourit devant pis elle parle dans ton dos.",
    "La coordonnatrice, c'est une incapable. Point.",
    "Gang de paresseuses au local 2, on fait tout à votre place.",
    "T'es une grosse vache pis tout le monde le sait.",
    "Notre DG est une manipulatrice et une menteuse.",
    "Quelle bande d'incompétents à la direction.",
    "Le père du petit a une face à claques.",
    "La voisine de local a le QI d'une roche.",
    "She's such a bitch to the new girls.",
    "This daycare is run by crooks.",
    # threats and intimidation
    "Si le père recommence, je lui casse la face.",
    "Elle va le regretter, je vous le garantis.",
    "Continue de même pis ta vie va devenir un enfer.",
    "Je connais ses chars pis son adresse, qu'elle fasse attention.",
    "Qu'il essaie juste de me reparler de même.",
    "Je réponds plus de moi si elle revient demain.",
    "To the parent who complained: watch your back.",
    # mockery campaigns
    "Votez pour la coiffure la plus laide de l'équipe 😂",
    "Je vous montre comment j'imite l'accent de la nouvelle 🤣",
    # discrimination constructions
    "Retourne dans ton pays si t'es pas content.",
    "Encore engagée pour remplir le quota de diversité.",
    "Ils arrivent tous en retard, c'est dans leur sang.",
]

WEAK_FIRES = [
    "La mère du petit au bout, une vraie malpropre.",
    "La nouvelle a l'air d'une attardée quand elle parle aux parents.",
    "Les Arabes du CPE sont toujours en retard, typique.",
    "Le CPE d'en face, évitez cette place.",
    "Pour ceux qui veulent lui dire leur façon de penser, écrivez-lui.",
]

QUIET = [
    # self-deprecation, reported insult, negation
    "Je suis tellement paresseuse aujourd'hui, j'ai pas envie de bouger.",
    "J'suis nulle en cuisine, mon pâté chinois est brûlé 😂",
    "I'm so lazy today, Netflix all day.",
    "Elle m'a traitée de paresseuse devant tout le monde, j'ai eu de la peine.",
    "C'est pas une menteuse, elle a juste oublié.",
    # things, not people
    "Ce logiciel de paie est une vraie fraude, il plante à chaque semaine.",
    "That movie was trash, don't waste your money.",
    "Le trafic c'est rendu ridicule sur la 40.",
    "L'épicerie est rendue tellement chère, c'est débile.",
    # daycare life: animals, costumes, clowns, dinosaurs, idioms, praise
    "Les enfants ont adoré les dinosaures au musée, surtout le T-Rex!",
    "On a eu la visite d'un clown pour la fête de Noël, les cocos ont ri aux larmes.",
    "Ma fille était déguisée en sorcière pour l'Halloween 🧙",
    "On a mangé de la dinde pour l'Action de grâce, miam.",
    "Lâche pas ma belle, t'es capable!",
    "C'est malade ce spectacle, j'ai adoré.",
    "T'es folle, c'est trop beau ce bricolage!",
    "Elle est incapable de dormir sans son toutou, c'est trop mignon.",
    "Le gros de la job est fait, on range la salle demain.",
    "La cave de la bâtisse a été inondée, on a tout vidé.",
    "shoutout à Tommy, un vrai clown dans le bon sens 😂",
    "Les enfants ont fait des mèmes de chats pour rire, trop drôle.",
    "J'ai fait un montage photo de la fête de Noël, allez voir!",
    "J'ai installé une app de montage sur mon cell.",
    # not threats
    "Vous allez pas le regretter, ce resto est excellent.",
    "Il va payer le souper ce soir, mon chum est fin.",
    "Je vais tuer mon frère s'il finit encore le lait 😂",
    "Mon chat m'a réveillée à 4h, un jour tu vas me le payer 😾",
    "Les parents arrivent en retard le vendredi, mais on s'arrange.",
    "Dernier jour pour s'inscrire à la sortie aux pommes!",
    # politics, public services, traffic
    "Les politiciens sont une bande de clowns, encore une promesse brisée.",
    "Le gouvernement est incompétent dans le dossier des places en garderie.",
    "La Ville, vous êtes vraiment nuls pour le déneigement cette année.",
    "Fuyez la 20 ce soir, il y a un accident.",
    # groups named to include them, or a rebuttal
    "Les familles immigrantes sont toujours les bienvenues chez nous.",
    "Journée de la diversité: merci aux mamans maghrébines pour le couscous!",
    "Notre éducateur masculin est super apprécié des enfants, c'est une richesse.",
    "Je retourne en Gaspésie cet été voir ma famille.",
    "C'est faux ce qui est dit à la radio: on a jamais refusé un enfant handicapé.",
    "Lu sur un groupe: « pire CPE en ville, fuyez ». On a pourtant une belle équipe.",
]


@pytest.mark.parametrize("text", STRONG_FIRES)
def test_strong_patterns_fire(text: str) -> None:
    assert H.hits(text), text


@pytest.mark.parametrize("text", WEAK_FIRES)
def test_weak_patterns_fire(text: str) -> None:
    assert H.hits(text, weak=True), text


@pytest.mark.parametrize("text", QUIET)
def test_quiet_without_an_attack(text: str) -> None:
    assert not H.has_pattern(text), (H.hits(text), H.hits(text, weak=True))


TH = {"5.ii.critique-milieu": 0.45, "5.vi.harcelement": 0.5}


def _doc(text: str, c: float, h: float) -> SimpleNamespace:
    full = {"5.ii.critique-milieu": c, "5.vi.harcelement": h}
    return SimpleNamespace(
        text=text,
        tokens=text.split(),
        scores=full,
        extra={"thresholds": TH},
        sentences=[(0, len(text))],
        sentence_scores=[full],
    )


def test_weak_pattern_lowers_the_threshold_and_blocks_venting() -> None:
    doc = _doc("Les éducs du local 3 sont paresseuses pis toujours sur leur cell.", c=0.6, h=0.4)
    assert HarassmentAnalyzer().analyze(doc)
    # the same venting without the insult stays criticism
    doc = _doc("Les éducs du local 3 sont toujours sur leur cell, ça me tanne.", c=0.6, h=0.4)
    assert HarassmentAnalyzer().analyze(doc) == []
    assert WorkplaceCriticismAnalyzer().analyze(doc)


def test_strong_pattern_fires_without_the_model() -> None:
    doc = _doc("Si la mère revient, je lui casse la gueule.", c=0.0, h=0.0)
    assert HarassmentAnalyzer().analyze(doc)
    doc = _doc("Je suis paresseuse aujourd'hui, pis c'est correct.", c=0.0, h=0.3)
    assert HarassmentAnalyzer().analyze(doc) == []
