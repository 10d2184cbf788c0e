"""The Quebec recognizers registered for French in Presidio."""

from __future__ import annotations

import pytest

from balise.engine import nlp
from balise.engine.recognizers import ENTITY_THRESHOLDS, luhn_valid


def entities(text: str) -> list[tuple[str, str]]:
    analyzer = nlp.get_analyzer()
    results = analyzer.analyze(text, language="fr", nlp_artifacts=nlp.artifacts(nlp.parse(text)))
    return sorted(
        (r.entity_type, text[r.start : r.end])
        for r in results
        if r.score >= ENTITY_THRESHOLDS.get(r.entity_type, 1.1)
    )


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("130692544", True),
        ("046454286", True),
        ("130692545", False),
        ("123456789", False),
        ("12a", False),
    ],
)
def test_luhn(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon NAS est le 130 692 544.", [("CA_SIN", "130 692 544")]),
        ("Son numéro d'assurance sociale : 130-692-544", [("CA_SIN", "130-692-544")]),
        ("Mon NAS est le 130 692 545.", []),  # Luhn fails
        ("La commande 130692544 est partie.", []),  # no context, unformatted
        ("Carte RAMQ : TREL 1553 2512", [("QC_RAMQ", "TREL 1553 2512")]),
        ("Carte RAMQ : TREL 1599 2512", []),  # month 99 does not exist
        (
            "Elle habite au 123, rue Saint-Joseph, G9X 1A1",
            [("CA_POSTAL_CODE", "G9X 1A1"), ("QC_ADDRESS", "123, rue Saint-Joseph")],
        ),
        ("Appelez-la au 819-523-4567", [("PHONE_NUMBER", "819-523-4567")]),
        ("Son cell : (418) 555-0199", [("PHONE_NUMBER", "(418) 555-0199")]),
        ("Écris à julie.b@exemple.ca", [("EMAIL_ADDRESS", "julie.b@exemple.ca")]),
        ("On a eu 3 enfants et 12 bricolages", []),
    ],
)
def test_quebec_entities(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


def test_phone_is_reported_once() -> None:
    assert entities("Texte-moi au 514 555 1234") == [("PHONE_NUMBER", "514 555 1234")]
    names = [type(r).__name__ for r in nlp.get_analyzer().registry.recognizers]
    assert names.count("PhoneRecognizer") == 1
