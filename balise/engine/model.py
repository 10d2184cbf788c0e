"""The trained text classifier: one probability per semantic rule, for posts and sentences.

The model is trained by ``balise.engine.train`` and shipped as ``balise/engine/model/model.joblib``.
It reads masked text (people and contact details replaced by placeholders, see document.MASKS).
Features are hashed TF-IDF word and character n-grams (no vocabulary to load), and the per-rule
logistic regressions are stored as one weight matrix, so scoring is one sparse product.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent / "model" / "model.joblib"
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

    def _vector_part(self, texts: Sequence[str]) -> list[Any]:
        if not getattr(self, "vectors", 0.0):
            return []
        from scipy.sparse import csr_matrix

        return [csr_matrix(np.vstack([mean_vector(t) for t in texts]) * self.vectors)]


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

    features: HashedTfidf
    weights: np.ndarray
    intercepts: np.ndarray
    rules: tuple[str, ...]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Return, for each text, the probability of each rule."""
        if not texts:
            return []
        # Same dtype on both sides, or scipy would up-cast (copy) the whole weight matrix per call.
        X = self.features.transform(list(texts)).astype(self.weights.dtype)
        z = X @ self.weights + self.intercepts
        p = 1.0 / (1.0 + np.exp(-np.asarray(z)))
        return [dict(zip(self.rules, map(float, row), strict=True)) for row in p]

    def save(self, path: Path) -> None:
        """Write the model with joblib."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, path, compress=0)


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
    import joblib

    model = joblib.load(path)
    model.weights = np.ascontiguousarray(model.weights)
    return model
