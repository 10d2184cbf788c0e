"""The compact word index of the static vectors answers exactly like spaCy's dict."""

from __future__ import annotations

import random

import pytest

from balise.engine.nlp import Key2Row, get_spacy


def test_it_answers_like_the_dict_it_replaces() -> None:
    rng = random.Random(4)
    mapping = {rng.getrandbits(64): rng.randrange(20_000) for _ in range(5_000)}
    mapping[0] = 7
    mapping[2**64 - 1] = 0
    index = Key2Row(mapping)
    assert len(index) == len(mapping)
    assert sorted(index.items()) == sorted(mapping.items())
    assert index.copy() == mapping and set(index) == set(mapping)
    for key, row in mapping.items():
        assert index[key] == row and index.get(key, -1) == row and key in index
    for key in [1, 12345, 2**63, -1, 2**64, 2**70]:
        if key not in mapping:
            assert index.get(key, -1) == -1 and index.get(key) is None and key not in index
            with pytest.raises(KeyError):
                index[key]
    assert "mot" not in index


def test_its_cache_stays_bounded() -> None:
    index = Key2Row({k: k % 7 for k in range(200_000)})
    for k in range(Key2Row._CACHE_MAX + 10):
        assert index.get(k) == k % 7
    assert len(index._cache) <= Key2Row._CACHE_MAX


def test_the_pipeline_uses_it_and_finds_vectors() -> None:
    vectors = get_spacy().vocab.vectors
    assert isinstance(vectors.key2row, Key2Row) and len(vectors.key2row) == 500_000
    doc = get_spacy()("Les enfants jouent dehors.")
    assert doc[1].has_vector and doc[1].vector.any()
