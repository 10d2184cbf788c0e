"""Property: any text gives a result without raising, with evidence spans inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balise.engine import Post

WORDS = st.sampled_from(
    [
        "Maxime",
        "Lussier",
        "a",
        "mordu",
        "819-555-0143",
        "osti",
        "de",
        "CPE",
        "page",
        "logo",
        "\ud800",
        "\x00",
        "Béatrice",
        "télécharger",
        "entre nous",
        "é",
        "\u0130",
        "\n",
        "  ",
        "ﬁ",
        "🙂",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_any_text(checker, text: str) -> None:
    result = checker.check(Post("p", text))
    assert result.verdict in ("ok", "attention", "bloquant")
    for finding in result.findings:
        for span in finding.evidence:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
