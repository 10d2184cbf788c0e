"""Shared fixtures: one fictitious CPE and one Checker per test session (the model loads once)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from balise.engine import Checker, Context, OrgProfile, Post, Result  # noqa: E402

ORG = {
    "name": "CPE Les Lucioles",
    "aliases": ["CPE Les Lucioles de Val-d'Or", "Les Lucioles"],
    "city": "Val-d'Or",
    "website": "https://www.cpelucioles.example",
    "trademarks": ["Les Lucioles"],
    "director_general": "Hélène Marchand",
    "roster": {
        "children": [
            "Maxime Lussier",
            "Béatrice Côté-Roy",
            "Anaïs Tremblay",
            "Jérémie Wabanonik",
            "Rose Dion",
        ],
        "parents": ["Sandrine Lussier", "Éric Côté-Roy", "Nancy Tremblay"],
        "staff": [
            {"name": "Hélène Marchand", "role": "directrice générale"},
            {"name": "Josiane Pelchat", "role": "éducatrice"},
            {"name": "Gabrielle Fortin", "role": "cuisinière"},
        ],
    },
}


@pytest.fixture(scope="session")
def profile() -> OrgProfile:
    return OrgProfile.from_dict(ORG)


@pytest.fixture(scope="session")
def checker(profile: OrgProfile) -> Checker:
    return Checker(profile)


@pytest.fixture(scope="session")
def rules_only(profile: OrgProfile):
    """Checks with patterns and context rules only (no model, no spaCy): fast and model-free."""
    checker = Checker(profile, model=False, use_nlp=False)

    def run(text: str, **context) -> Result:
        return checker.check(Post("t", text, Context.from_dict(context)))

    return run


@pytest.fixture(scope="session")
def check(checker: Checker):
    def run(text: str, **context) -> Result:
        return checker.check(Post("t", text, Context.from_dict(context)))

    return run
