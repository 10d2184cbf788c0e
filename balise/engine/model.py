"""The trained text classifier: one probability per semantic rule, for posts and sentences.

The model is trained by ``balise.engine.train`` and shipped as ``balise/engine/model/model.joblib``.
It reads masked text (people and contact details replaced by placeholders, see document.MASKS).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

MODEL_PATH = Path(__file__).resolve().parent / "model" / "model.joblib"
MODEL_ENV = "BALISE_MODEL"

_lock = threading.Lock()
_cache: dict[str, TextModel | None] = {}


@dataclass
class TextModel:
    """A vectorizer and one binary classifier per rule, with the per-rule decision thresholds."""

    vectorizer: Any
    classifiers: dict[str, Any]
    thresholds: dict[str, float]
    meta: dict[str, Any]

    @property
    def rules(self) -> tuple[str, ...]:
        """Return the rules the model scores."""
        return tuple(self.classifiers)

    def predict(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Return, for each text, the probability of each rule."""
        if not texts:
            return []
        X = self.vectorizer.transform(list(texts))
        columns = {rule: clf.predict_proba(X)[:, 1] for rule, clf in self.classifiers.items()}
        return [{rule: float(col[i]) for rule, col in columns.items()} for i in range(len(texts))]

    def save(self, path: Path) -> None:
        """Write the model with joblib."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(
            {"vectorizer": self.vectorizer, "classifiers": self.classifiers,
             "thresholds": self.thresholds, "meta": self.meta},
            path,
            compress=3,
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
    import joblib

    data = joblib.load(path)
    return TextModel(data["vectorizer"], data["classifiers"], data["thresholds"], data.get("meta", {}))
