"""Watched terms: case, accents, hyphens, spacing and "1er"; which term; roster names nearby."""

from __future__ import annotations

import pytest

from balise.watch.canonical import canonical_url, fingerprint
from balise.watch.matching import Matcher, normalize
from balise.watch.models import WatchedTerm

TERMS = ["CPE Premier Pas", "Petits Pas Magiques"]


@pytest.mark.parametrize(
    "text",
    [
        "Le cpe premier-pas est fermé",
        "Visite au CPE 1er Pas ce matin",
        "Merci au C.P.E. Premier Pas!",
        "#CPEPremierPas c'est génial",
        "le   CPE\tPREMIER  pas",
        "CPE Prémier Pas",
        "Garderie «CPE Premier Pas»",
    ],
)
def test_it_matches_the_name_however_it_is_written(text):
    assert Matcher(TERMS).match(text).term == "CPE Premier Pas"


@pytest.mark.parametrize(
    "text", ["Le premier pas de bébé", "CPE des Premières Lueurs", "cpe premier passage"]
)
def test_it_does_not_match_other_words(text):
    assert Matcher(TERMS).match(text) is None


def test_it_reports_which_term_matched():
    assert (
        Matcher(TERMS).match("Les petits-pas magiques en spectacle").term == "Petits Pas Magiques"
    )


def test_it_reads_ordinals_as_words():
    assert normalize("1re journée au CPE 1er Pas") == "premiere journee au cpe premier pas"


def test_it_names_the_staff_member_next_to_the_cpe():
    matcher = Matcher(TERMS, roster=["Mélissa Lapointe", "Samuel Roy"])
    found = matcher.match("Au CPE Premier Pas, l'éducatrice melissa LAPOINTE a encore crié.")
    assert found.roster_names == ("Mélissa Lapointe",)


def test_it_ignores_a_staff_name_far_from_the_cpe():
    matcher = Matcher(TERMS, roster=["Samuel Roy"])
    text = "CPE Premier Pas. " + "bla " * 200 + "Samuel Roy a gagné au hockey."
    assert matcher.match(text).roster_names == ()


def test_it_seeds_terms_from_the_organization(world):
    world.org.aliases = ["Premier Pas"]
    world.org.trademarks = ["Pas à Pas"]
    world.org.save()
    terms = WatchedTerm.active_for(world.org)
    assert {"CPE Premier Pas", "Premier Pas", "Pas à Pas"} <= set(terms)
    assert WatchedTerm.objects.get(organization=world.org, term="Pas à Pas").kind == "marque"
    WatchedTerm.objects.get(organization=world.org, term="Pas à Pas").toggle()
    assert "Pas à Pas" not in WatchedTerm.active_for(world.org)  # a removed term stays removed


@pytest.mark.parametrize(
    "url",
    [
        "https://www.journal.example/article/?utm_source=fb&utm_medium=social",
        "https://journal.example/article?fbclid=IwAR0abc#haut",
        "HTTPS://Journal.Example:443/article?gclid=1&mc_cid=2&_ga=3",
    ],
)
def test_it_strips_tracking_from_urls(url):
    assert canonical_url(url) == "https://journal.example/article"


def test_it_keeps_meaningful_parameters_in_order():
    assert (
        canonical_url("https://forum.example/t?page=2&id=9&utm_term=x")
        == "https://forum.example/t?id=9&page=2"
    )


def test_it_fingerprints_texts_regardless_of_case_and_spacing():
    assert fingerprint("CPE Premier Pas", "Une  Nouvelle") == fingerprint(
        "cpe premier-pas", "une nouvelle"
    )
    assert fingerprint("CPE Premier Pas", "autre") != fingerprint("CPE Premier Pas", "une nouvelle")
