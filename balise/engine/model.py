"""The trained text classifier: one probability per semantic rule, for posts and sentences.

The model is trained by ``balise.engine.train`` and shipped as ``balise/engine/model/model.npz``
(arrays and a JSON header, no pickle).
It reads masked text (people and contact details replaced by placeholders, see document.MASKS).
Features are hashed TF-IDF word and character n-grams (no vocabulary to load), and the per-rule
logistic regressions are stored as one sparse weight matrix, so scoring is one sparse product.
Training uses scikit-learn (``HashedTfidf``); scoring does not (``Features``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "model" / "model.npz"
MODEL_ENV = "BALISE_MODEL"

_lock = threading.Lock()
_cache: dict[str, TextModel | None] = {}


class HashedTfidf:
    """Word 1-2-grams and character 2-5-grams, hashed, TF-IDF weighted, each part L2-normalised.

    With ``vectors``, the mean of the words' spaCy static vectors (fr_core_news_md) is added, so
    that words never seen in training but close in meaning to seen ones still count.
    """

    def __init__(self, n_features: int = 2**18, vectors: float = 0.0) -> None:
        self.vectors = vectors
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

        common = {
            "n_features": n_features,
            "alternate_sign": False,
            "norm": None,
            "lowercase": True,
        }
        self.parts = [
            (
                HashingVectorizer(
                    analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w[\w']*\b", **common
                ),
                TfidfTransformer(sublinear_tf=True),
            ),
            (
                HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common),
                TfidfTransformer(sublinear_tf=True),
            ),
        ]

    def fit_transform(self, texts: Sequence[str]) -> Any:
        """Fit the IDF weights on ``texts`` and return their feature matrix."""
        from scipy.sparse import hstack

        parts = [tfidf.fit_transform(hasher.transform(texts)) for hasher, tfidf in self.parts]
        return hstack(parts + self._vector_part(texts)).tocsr()

    def transform(self, texts: Sequence[str]) -> Any:
        """Return the feature matrix of ``texts``."""
        from scipy.sparse import hstack

        parts = [tfidf.transform(hasher.transform(texts)) for hasher, tfidf in self.parts]
        return hstack(parts + self._vector_part(texts)).tocsr()

    def to_runtime(self) -> Features:
        """Return the same features without scikit-learn (what the shipped model uses)."""
        (word, word_tfidf), (char, char_tfidf) = self.parts
        return Features(
            n_features=word.n_features,
            token_pattern=word.token_pattern,
            word_ngrams=tuple(word.ngram_range),
            char_ngrams=tuple(char.ngram_range),
            word_idf=np.asarray(word_tfidf.idf_, dtype=np.float64),
            char_idf=np.asarray(char_tfidf.idf_, dtype=np.float64),
            vectors=float(getattr(self, "vectors", 0.0) or 0.0),
        )

    def _vector_part(self, texts: Sequence[str]) -> list[Any]:
        if not getattr(self, "vectors", 0.0):
            return []
        from scipy.sparse import csr_matrix

        return [csr_matrix(np.vstack([mean_vector(t) for t in texts]) * self.vectors)]


@dataclass
class Features:
    """The features of ``HashedTfidf`` computed with numpy and mmh3 only: the same numbers.

    scikit-learn is needed to train, not to score: importing it brings scipy.stats and about
    60 MB to every process that checks a post, and its ``transform`` methods validate their
    input on every call, which costs more than the hashing itself for a check's few short texts.
    ``tests/engine/test_model_features.py`` compares both on the training corpus.
    """

    n_features: int
    token_pattern: str
    word_ngrams: tuple[int, int]
    char_ngrams: tuple[int, int]
    word_idf: np.ndarray
    char_idf: np.ndarray
    vectors: float = 0.0

    def __post_init__(self) -> None:
        import re

        self._token = re.compile(self.token_pattern)
        self._spaces = re.compile(r"\s\s+")

    def transform(self, texts: Sequence[str]) -> Any:
        """Return the feature matrix of ``texts`` (rows L2-normalised per part)."""
        from scipy.sparse import csr_matrix, hstack

        parts = [
            self._tfidf([self._word_grams(t.lower()) for t in texts], self.word_idf),
            self._tfidf([self._char_grams(t.lower()) for t in texts], self.char_idf),
        ]
        if self.vectors:
            parts.append(csr_matrix(np.vstack([mean_vector(t) for t in texts]) * self.vectors))
        return hstack(parts).tocsr()

    def _word_grams(self, text: str) -> list[str]:
        tokens = self._token.findall(text)
        low, high = self.word_ngrams
        grams = list(tokens) if low == 1 else []
        for n in range(max(low, 2), min(high, len(tokens)) + 1):
            grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
        return grams

    def _char_grams(self, text: str) -> list[str]:
        """Character n-grams inside words, padded with a space (scikit-learn's ``char_wb``)."""
        low, high = self.char_ngrams
        grams: list[str] = []
        for w in self._spaces.sub(" ", text).split():
            w = f" {w} "
            for n in range(low, high + 1):
                grams.extend(w[i : i + n] for i in range(max(1, len(w) - n + 1)))
                if len(w) <= n:  # a short word counts once
                    break
        return grams

    def _tfidf(self, grams: list[list[str]], idf: np.ndarray) -> Any:
        import mmh3
        from scipy.sparse import csr_matrix

        n = self.n_features
        rows = []
        for features in grams:
            counts: dict[int, int] = {}
            for f in features:
                h = mmh3.hash(f, 0)
                index = (2147483647 - (n - 1)) % n if h == -2147483648 else abs(h) % n
                counts[index] = counts.get(index, 0) + 1
            rows.append(counts)
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum([len(r) for r in rows])
        indices = np.fromiter((i for r in rows for i in sorted(r)), np.int32, int(indptr[-1]))
        data = np.fromiter((r[i] for r in rows for i in sorted(r)), np.float64, int(indptr[-1]))
        np.log(data, data)
        data += 1.0
        data *= idf[indices]
        for k in range(len(rows)):
            row = data[indptr[k] : indptr[k + 1]]
            norm = np.sqrt(np.dot(row, row))
            if norm:
                row /= norm
        return csr_matrix((data, indices, indptr), shape=(len(rows), n))


_WORD = None


def mean_vector(text: str) -> np.ndarray:
    """Return the L2-normalised mean static vector of the words of ``text`` (zeros if none)."""
    import re

    from balise.engine import nlp

    global _WORD
    if _WORD is None:
        _WORD = re.compile(r"(?u)\b\w[\w'-]*\b")
    from spacy.strings import hash_string

    vectors = nlp.get_spacy().vocab.vectors
    rows = [
        r
        for w in _WORD.findall(text.lower())
        if (r := vectors.key2row.get(hash_string(w), -1)) >= 0
    ]
    if not rows:
        return np.zeros(vectors.shape[1], dtype=np.float32)
    mean = np.asarray(vectors.data[rows]).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm else mean.astype(np.float32)


@dataclass
class TextModel:
    """Features, a weight matrix (one column per rule) and the per-rule decision thresholds."""

    features: Features
    weights: Any  # scipy CSR matrix (n_features × rules): most hashed features never occur
    intercepts: np.ndarray
    rules: tuple[str, ...]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Return, for each text, the probability of each rule."""
        if not texts:
            return []
        X = self.features.transform(list(texts)).astype(self.weights.dtype)
        z = (X @ self.weights).toarray() + self.intercepts
        p = 1.0 / (1.0 + np.exp(-z))
        return [dict(zip(self.rules, map(float, row), strict=True)) for row in p]

    def save(self, path: Path) -> None:
        """Write the model as plain arrays and JSON in one .npz file (no pickle: loading it
        runs no code)."""
        import json

        f = self.features
        header = {
            "format": 1,
            "rules": list(self.rules),
            "thresholds": self.thresholds,
            "meta": self.meta,
            "features": {
                "n_features": f.n_features,
                "token_pattern": f.token_pattern,
                "word_ngrams": list(f.word_ngrams),
                "char_ngrams": list(f.char_ngrams),
                "vectors": f.vectors,
            },
        }
        w = self.weights.tocsr()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            np.savez_compressed(
                out,
                header=np.array(json.dumps(header, ensure_ascii=False)),
                w_data=w.data.astype(np.float32),
                w_indices=w.indices.astype(np.int32),
                w_indptr=w.indptr.astype(np.int64),
                w_shape=np.array(w.shape, dtype=np.int64),
                intercepts=self.intercepts.astype(np.float32),
                word_idf=f.word_idf,
                char_idf=f.char_idf,
            )


def load_model(path: str | Path | None = None) -> TextModel | None:
    """Return the shipped model (or the one at ``path``/$BALISE_MODEL), None if there is none."""
    target = Path(path or os.environ.get(MODEL_ENV) or MODEL_PATH)
    key = str(target)
    if key not in _cache:
        with _lock:
            if key not in _cache:
                _cache[key] = _read(target)
    return _cache[key]


def _read(path: Path) -> TextModel | None:
    if not path.exists():
        return None
    import json

    from scipy.sparse import csr_matrix

    with np.load(path, allow_pickle=False) as z:
        header = json.loads(str(z["header"]))
        if header.get("format") != 1:
            raise ValueError(f"Format de modèle inconnu dans {path}.")
        spec = header["features"]
        features = Features(
            n_features=int(spec["n_features"]),
            token_pattern=spec["token_pattern"],
            word_ngrams=tuple(spec["word_ngrams"]),
            char_ngrams=tuple(spec["char_ngrams"]),
            word_idf=z["word_idf"],
            char_idf=z["char_idf"],
            vectors=float(spec["vectors"]),
        )
        weights = csr_matrix(
            (z["w_data"], z["w_indices"], z["w_indptr"]), shape=tuple(z["w_shape"])
        )
        intercepts = z["intercepts"]
    return TextModel(
        features,
        weights,
        intercepts,
        tuple(header["rules"]),
        {k: float(v) for k, v in header["thresholds"].items()},
        header.get("meta", {}),
    )
