"""French (and a few English) posts against the rules they break and where the evidence is."""

from __future__ import annotations

import pytest

CASES = [
    # personal information
    (
        "Maxime Lussier a encore mordu un ami aujourd'hui.",
        {"5.ii.renseignements"},
        ["Maxime Lussier"],
    ),
    (
        "Le petit Anaïs Tremblay fait une allergie aux arachides.",
        {"5.ii.renseignements"},
        ["Anaïs Tremblay"],
    ),
    (
        "La stagiaire m'a laissé son numéro, le 819-555-0143, pour les remplacements.",
        {"5.ii.renseignements"},
        ["819-555-0143"],
    ),
    (
        "Son courriel : nancy.t@exemple.ca, écrivez-lui!",
        {"5.ii.renseignements"},
        ["nancy.t@exemple.ca"],
    ),
    (
        "Ma collègue Josiane est en arrêt de travail pour une dépression.",
        {"5.ii.renseignements"},
        ["Josiane"],
    ),
    (
        "La petite Mégane est née le 3 mars 2022, bonne fête!",
        {"5.ii.renseignements"},
        ["Mégane", "3 mars 2022"],
    ),
    # compliant
    ("Merci Josiane pour le café ce matin!", set(), []),
    ("Mon fils a fait ses premiers pas hier soir, je suis tellement fière!", set(), []),
    ("Belle randonnée au lac ce week-end avec ma famille.", set(), []),
    ("Pour toute question, écrivez-moi au 819-555-0100.", set(), []),
    ("Had a great weekend at the lake with my kids!", set(), []),
    # harassment
    (
        "Osti de folle, cette éducatrice-là. Elle va le regretter.",
        {"5.vi.harcelement"},
        ["Osti de folle"],
    ),
    # page, network, spokesperson, identity, confidential
    (
        "J'ai créé une page Facebook pour le CPE Les Lucioles, abonnez-vous!",
        {"5.v.page"},
        ["créé une page"],
    ),
    ("J'ai téléchargé Fortnite sur l'ordinateur du CPE pendant la sieste.", {"5.v.reseau"}, []),
    (
        "Au nom du CPE, je tiens à préciser que les rumeurs sont fausses.",
        {"5.iv.porte-parole"},
        ["Au nom du CPE"],
    ),
    (
        "Je me suis fait passer pour une maman sur le groupe pour voir ce qu'ils disent.",
        {"5.iii.identite"},
        [],
    ),
    (
        "Entre vous et moi, le budget du CPE est dans le rouge cette année.",
        {"5.v.confidentiel"},
        ["Entre vous et moi"],
    ),
]


@pytest.mark.parametrize(("text", "rules", "evidence"), CASES)
def test_rules_and_evidence(check, text: str, rules: set[str], evidence: list[str]) -> None:
    result = check(text)
    assert result.rules == rules
    shown = {s.text for f in result.findings for s in f.evidence}
    for piece in evidence:
        assert piece in shown
    assert result.verdict == (
        "ok"
        if not rules
        else max((f.severity for f in result.findings), key=["attention", "bloquant"].index)
    )


def test_every_finding_carries_pack_texts(check) -> None:
    result = check("Maxime Lussier a encore mordu un ami aujourd'hui.")
    (finding,) = result.findings
    assert finding.article == "5 ii)"
    assert finding.severity == "bloquant"
    assert finding.message.startswith("Ce texte contient des renseignements personnels")
    assert finding.suggestion and finding.explanation


def test_redaction(check) -> None:
    result = check(
        "Maxime Lussier a mordu. Appelez Sandrine Lussier au 819-555-0143 ou nancy.t@exemple.ca."
    )
    assert (
        result.redacted_text == "[enfant] a mordu. Appelez [parent] au [téléphone] ou [courriel]."
    )


def test_attack_is_not_also_criticism(check) -> None:
    result = check("Ma gang de collègues incompétentes, bande de tarées, je vous endure plus.")
    assert "5.vi.harcelement" in result.rules
    assert "5.ii.critique-milieu" not in result.rules


def test_empty_text_is_ok(check) -> None:
    result = check("")
    assert result.verdict == "ok" and result.findings == ()


def test_too_long_text_is_refused(checker) -> None:
    from balise.engine import MAX_TEXT_CHARS, Post, TextTooLong

    with pytest.raises(TextTooLong, match="limite"):
        checker.check(Post("x", "a" * (MAX_TEXT_CHARS + 1)))


def test_batch_equals_single(checker) -> None:
    from balise.engine import Post

    posts = [Post(str(i), text) for i, (text, _, _) in enumerate(CASES)]
    assert [r.rules for r in checker.check_many(posts)] == [checker.check(p).rules for p in posts]
