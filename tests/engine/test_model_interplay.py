"""Rules that combine the model's probabilities with structural cues (5 iv, 5 ii vs 5 vi).

The documents are stand-ins with fixed probabilities, so these tests do not depend on a model.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from balise.engine.analyzers.conduct import HarassmentAnalyzer, WorkplaceCriticismAnalyzer
from balise.engine.analyzers.spokesperson import SpokespersonAnalyzer

TH = {"5.iv.porte-parole": 0.55, "5.ii.critique-milieu": 0.45, "5.vi.harcelement": 0.5}


def _doc(text: str, **scores: float) -> SimpleNamespace:
    scores = {k.replace("_", "."): v for k, v in scores.items()}
    full = {
        "5.iv.porte-parole": scores.get("pp", 0.0),
        "5.ii.critique-milieu": scores.get("c", 0.0),
        "5.vi.harcelement": scores.get("h", 0.0),
    }
    return SimpleNamespace(
        text=text,
        tokens=text.split(),
        scores=full,
        extra={"thresholds": TH},
        sentences=[(0, len(text))],
        sentence_scores=[full],
        context=SimpleNamespace(is_mandated=False, author_role="éducatrice"),
        org_spans=[],
        profile=SimpleNamespace(names=("CPE Les Lucioles", "Les Lucioles")),
    )


@pytest.mark.parametrize(
    ("text", "p", "fires"),
    [
        ("Pour répondre à votre question, au CPE on offre deux collations par jour.", 0.3, True),
        ("C'est faux ce qui est écrit sur Les Lucioles, venez visiter!", 0.3, True),
        (
            "Il reste des places dans notre CPE pour septembre, la liste d'attente avance.",
            0.3,
            True,
        ),
        # below the floor, or no answer cue: the model's own threshold applies
        ("Pour répondre à votre question, au CPE on offre deux collations.", 0.1, False),
        ("Belle journée au CPE avec les amis aujourd'hui, on a fait de la peinture.", 0.3, False),
        # redirection to the direction or the site
        ("Je peux pas répondre au nom du CPE, c'est la direction qui gère ça.", 0.5, False),
        # a parent speaking of their own child's daycare
        ("C'est faux, la garderie de ma fille a des places, venez visiter.", 0.3, False),
    ],
)
def test_spokesperson_answer_cues(text: str, p: float, fires: bool) -> None:
    assert bool(SpokespersonAnalyzer().analyze(_doc(text, pp=p))) is fires


def test_spokesperson_mandated_is_exempt() -> None:
    doc = _doc("Pour répondre à votre question, au CPE on offre deux collations.", pp=0.9)
    doc.context.is_mandated = True
    assert SpokespersonAnalyzer().analyze(doc) == []


def test_venting_is_criticism_not_harassment() -> None:
    doc = _doc(
        "Les parents du CPE qui se stationnent dans l'entrée, vous me rendez folle.", c=0.62, h=0.6
    )
    assert HarassmentAnalyzer().analyze(doc) == []
    assert WorkplaceCriticismAnalyzer().analyze(doc)
    # Criticism well below the harassment score: the model's attack verdict stands.
    doc.scores["5.ii.critique-milieu"] = 0.38
    assert HarassmentAnalyzer().analyze(doc)


def test_attack_stays_harassment() -> None:
    doc = _doc("Notre directrice est une incompétente et une menteuse.", c=0.4, h=0.8)
    assert HarassmentAnalyzer().analyze(doc)
    doc = _doc("Ma collègue du matin, on sait tous ce qu'elle fait.", c=0.1, h=0.8)
    assert HarassmentAnalyzer().analyze(doc)
    assert WorkplaceCriticismAnalyzer().analyze(doc) == []


def test_criticism_threshold_floor() -> None:
    """The model's threshold is never taken under 0.55 for critique (0.5 for harcèlement)."""
    doc = _doc("Journée longue au travail avec beaucoup de monde aujourd'hui.", c=0.47)
    doc.extra = {"thresholds": {**TH, "5.ii.critique-milieu": 0.425}}
    assert WorkplaceCriticismAnalyzer().analyze(doc) == []
    doc.scores["5.ii.critique-milieu"] = 0.53
    assert WorkplaceCriticismAnalyzer().analyze(doc) == []
    doc.scores["5.ii.critique-milieu"] = 0.57
    assert WorkplaceCriticismAnalyzer().analyze(doc)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the CPE only named: the model alone may not call it a use of the mark
        ("Le CPE Les Lucioles organise une collecte de jouets samedi.", False),
        ("Mon garçon adore le CPE, les éducatrices sont géniales.", False),
        # a logo that is not the CPE's
        ("Le nouveau logo de l'équipe de hockey de mon gars est tellement beau.", False),
        ("Ma petite entreprise de couture a enfin son logo!", False),
        # the CPE's name or logo in a venture, on goods, on a profile
        ("J'ai mis le logo des Lucioles sur mon chandail.", True),
        ("Tasses aux couleurs du CPE Les Lucioles, 12 $ pièce, écrivez-moi.", True),
        ("Mon service de gardiennage porte le nom du CPE Les Lucioles.", True),
        ("J'ai imprimé notre logo sur des autocollants pour ma fille.", True),
        ("Snow removal: we do CPE Les Lucioles, so call us for a quote!", True),
    ],
)
def test_trademark_model_needs_a_use_of_the_mark(text: str, cue: bool) -> None:
    from balise.engine.analyzers.brand import TrademarkAnalyzer

    assert TrademarkAnalyzer().has_cue(_doc(text)) is cue
