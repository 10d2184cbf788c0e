"""Finding the organization's people: case, accents, hyphens, typos, first names in context."""

from __future__ import annotations

import pytest

from balise.engine.roster import RosterMatcher


@pytest.fixture(scope="module")
def roster(profile):
    return RosterMatcher(profile)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maxime Lussier a fait une crise", [("Maxime Lussier", "child")]),
        ("maxime lussier a fait une crise", [("maxime lussier", "child")]),
        ("Beatrice Cote Roy est absente", [("Beatrice Cote Roy", "child")]),
        ("BÉATRICE CÔTÉ-ROY est absente", [("BÉATRICE CÔTÉ-ROY", "child")]),
        ("Anais Tremblai a mordu un ami", [("Anais Tremblai", "child")]),  # typo in the last name
        ("Jérmie Wabanonik dort", [("Jérmie Wabanonik", "child")]),  # typo in the first name
        ("La petite Anaïs a encore pleuré", [("Anaïs", "child")]),
        ("Ma collègue Josiane est en congé", [("Josiane", "staff")]),
        ("Mme Lussier est arrivée en retard", [("Lussier", "parent")]),
        ("Sandrine Lussier a appelé", [("Sandrine Lussier", "parent")]),
    ],
)
def test_mentions(roster, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.kind) for m in roster.mentions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rose est ma couleur préférée",  # a first name that is also a word
        "Mon fils Maxime a trois ans",  # one's own child
        "Josiane est venue souper",  # an adult's first name, no work context
        "Les tremblements de terre",
    ],
)
def test_no_mention(roster, text: str) -> None:
    assert roster.mentions(text) == []


def test_spans_point_into_the_text(roster) -> None:
    text = "Hier, Anaïs Tremblay et Maxime Lussier ont joué."
    for m in roster.mentions(text):
        assert text[m.start : m.end] == m.text
