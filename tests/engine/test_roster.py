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


def test_the_town_is_not_a_typo_of_a_childs_name() -> None:
    """ "Joliette" is one letter from the child "Juliette": a place, not a child; the child's
    name with a real typo is still found."""
    from balise.engine.types import OrgProfile

    profile = OrgProfile(name="CPE Les Écureuils", city="Joliette", children=("Juliette Gervais",))
    roster = RosterMatcher(profile)
    assert roster.mentions("La petite fille est à la garderie de Joliette depuis un an") == []
    found = roster.mentions("La petite Juliete a mordu un ami")
    assert [(m.text, m.kind) for m in found] == [("Juliete", "child")]


def test_a_function_word_is_not_a_typo_of_a_childs_name() -> None:
    """ "Elle" is one letter from the child "Ellie": a pronoun, not a child; "Ellie" itself and
    a real typo of it ("Elie") are still found."""
    from balise.engine.types import OrgProfile

    roster = RosterMatcher(OrgProfile(name="CPE Test", children=("Ellie Thompson",)))
    text = "Ma fille de 4 ans m'a dit que mon souper goûtait le carton. Elle a raison."
    assert roster.mentions(text) == []
    found = roster.mentions("Le petit groupe: Ellie a mordu un ami, pis Elie aussi")
    assert [(m.text, m.kind) for m in found] == [("Ellie", "child"), ("Elie", "child")]


@pytest.mark.parametrize(
    "text",
    [
        "Comme maman de Capucine, je suis super contente de son groupe",
        "Membre du comité de parents en tant que mère de Capucine",
        "As the mom of Capucine I love her educator",
    ],
)
def test_a_parent_naming_her_own_child(text: str) -> None:
    """The author's own child, named after "comme maman de", is hers to mention (rules.md)."""
    from balise.engine.types import OrgProfile

    roster = RosterMatcher(OrgProfile(name="CPE Test", children=("Capucine Lasalle",)))
    assert roster.mentions(text) == []
    assert [m.text for m in roster.mentions("La petite Capucine a mordu un ami")] == ["Capucine"]
