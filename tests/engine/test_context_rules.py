"""Rules decided by the context: work time, photos, logo, official account, authorizations."""

from __future__ import annotations

import pytest

TEXT = "Belle journée au parc avec ma famille!"


@pytest.mark.parametrize(
    ("context", "fires"),
    [
        ({"on_shift": True, "on_break": False}, True),
        ({"on_shift": True, "on_break": True}, False),
        ({"on_shift": True, "on_break": True, "children_present": True}, True),
        ({"device": "cpe"}, True),
        ({"device": "personnel", "on_shift": False}, False),
        ({"account": "officiel", "mandated": True, "on_shift": True, "device": "cpe"}, False),
        ({"account": "officiel", "mandated": False, "on_shift": True}, True),
        ({"account": "officiel", "authorizations": ["porte-parole"], "on_shift": True}, False),
        ({}, False),
    ],
)
def test_work_time(check, context: dict, fires: bool) -> None:
    assert ("5.vii.temps" in check(TEXT, **context).rules) is fires


@pytest.mark.parametrize(
    ("media", "fires"),
    [
        ([{"kind": "photo", "faces": 3, "consented_faces": 1}], True),
        ([{"kind": "photo", "faces": 2, "consented_faces": 2}], False),
        ([{"kind": "video", "faces": 1}], True),
        ([{"kind": "photo", "faces": 0, "consented_faces": 0}], False),
    ],
)
def test_image_consent(check, media: list, fires: bool) -> None:
    assert ("5.ii.image" in check(TEXT, media=media).rules) is fires


def test_media_analysis_items_are_kept(check) -> None:
    media = [
        {
            "kind": "video",
            "faces": 1,
            "consented_faces": 0,
            "name": "clip.mp4",
            "logo": True,
            "boxes": [{"file": "clip.mp4", "box": [1, 2, 3, 4], "t": [0.5, 1.0]}],
            "logo_boxes": [{"file": "clip.mp4", "box": [9, 9, 20, 10]}],
        }
    ]
    result = check(TEXT, media=media)
    by_rule = {f.rule: f for f in result.findings}
    assert by_rule["5.ii.image"].media == (
        {"file": "clip.mp4", "box": [1, 2, 3, 4], "t": [0.5, 1.0]},
    )
    assert by_rule["5.v.marque"].media == ({"file": "clip.mp4", "box": [9, 9, 20, 10]},)


def test_image_boxes_become_media_evidence(check) -> None:
    media = [
        {
            "kind": "photo",
            "faces": 2,
            "consented_faces": 0,
            "name": "sortie.jpg",
            "boxes": [[1, 2, 30, 40], [50, 60, 30, 40]],
        }
    ]
    finding = next(f for f in check(TEXT, media=media).findings if f.rule == "5.ii.image")
    assert finding.media == (
        {"file": "sortie.jpg", "box": [1, 2, 30, 40]},
        {"file": "sortie.jpg", "box": [50, 60, 30, 40]},
    )
    assert finding.severity == "bloquant" and finding.article == "5 ii)"


@pytest.mark.parametrize(
    ("context", "fires"),
    [
        ({}, True),
        ({"account": "officiel", "mandated": True}, False),
        ({"authorizations": ["logo"]}, False),
    ],
)
def test_logo_in_media(check, context: dict, fires: bool) -> None:
    result = check(
        TEXT, media=[{"kind": "photo", "faces": 0, "consented_faces": 0, "logo": True}], **context
    )
    assert ("5.v.marque" in result.rules) is fires


def test_official_mandated_still_bound_by_privacy(check) -> None:
    result = check(
        "Bravo à Maxime Lussier pour son beau dessin!",
        account="officiel",
        mandated=True,
        on_shift=True,
    )
    assert result.rules == {"5.ii.renseignements"}


def test_page_authorization_lifts_page_rule(check) -> None:
    text = "J'ai créé un groupe Facebook « Parents des Lucioles » pour les parents du CPE Les Lucioles."
    assert "5.v.page" in check(text).rules
    assert "5.v.page" not in check(text, authorizations=["page:Parents des Lucioles"]).rules
    assert "5.v.page" in check(text, authorizations=["page:Autre groupe"]).rules


def test_mandate_lifts_spokesperson(check) -> None:
    text = (
        "Au nom du CPE Les Lucioles, nous tenons à rassurer les parents : personne n'a été blessé."
    )
    assert "5.iv.porte-parole" in check(text).rules
    assert "5.iv.porte-parole" not in check(text, mandated=True).rules


@pytest.mark.parametrize(
    ("role", "fires"),
    [("éducatrice", True), ("directrice générale", False)],
)
def test_claimed_function(check, role: str, fires: bool) -> None:
    text = "En tant que directrice du CPE, je vous confirme que les inscriptions ouvrent lundi."
    assert ("5.iii.identite" in check(text, author_role=role).rules) is fires
