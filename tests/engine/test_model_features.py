"""The shipped model scores without scikit-learn, with the same numbers as the training code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from balise.engine.model import MODEL_PATH, HashedTfidf, TextModel, _read

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "data" / "training"


def training_texts(limit: int = 600) -> list[str]:
    texts = []
    for path in sorted(TRAINING.glob("part-*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts += [
                json.loads(line)["text"] for _, line in zip(range(limit // 6), fh, strict=False)
            ]
    return texts


ODD = [
    "",
    "   ",
    "é",
    "a  b\t\nc",
    "I'm l'été, aujourd’hui — c'est ÇA!!",
    "x" * 3000,
    "😀 emoji #CPE @quelqu_un https://exemple.ca/a?b=c",
    "İstanbul ß ﬁn",
]


def test_runtime_features_equal_scikit_learn() -> None:
    texts = training_texts()
    fitted = HashedTfidf(n_features=2**16)
    fitted.fit_transform(texts[:300])
    expected = fitted.transform(texts + ODD)
    got = fitted.to_runtime().transform(texts + ODD)
    assert got.shape == expected.shape
    assert np.allclose(got.toarray(), expected.toarray(), atol=1e-12)


def test_saved_model_loads_without_pickle_and_predicts_the_same(tmp_path: Path) -> None:
    from scipy.sparse import csr_matrix

    texts = training_texts(120)
    fitted = HashedTfidf(n_features=2**12)
    fitted.fit_transform(texts)
    rng = np.random.default_rng(0)
    dense = rng.normal(size=(2 * 2**12, 3)).astype(np.float32)
    dense[rng.random(dense.shape) < 0.8] = 0
    model = TextModel(
        fitted.to_runtime(),
        csr_matrix(dense),
        np.array([0.1, -0.2, 0.3], dtype=np.float32),
        ("a", "b", "c"),
        {"a": 0.5, "b": 0.4, "c": 0.6},
        {"note": "test"},
    )
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = _read(path)
    assert loaded is not None and loaded.rules == ("a", "b", "c")
    assert loaded.thresholds == {"a": 0.5, "b": 0.4, "c": 0.6}
    assert loaded.meta == {"note": "test"}
    X = fitted.transform(texts[:20]).astype(np.float32)
    expected = 1 / (1 + np.exp(-(X @ dense + model.intercepts)))
    got = loaded.predict(texts[:20])
    assert np.allclose([[p[r] for r in "abc"] for p in got], expected, atol=1e-6)
    with np.load(path, allow_pickle=False) as z:  # plain arrays only
        assert "header" in z.files


def test_a_model_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    np.savez(path, header=np.array(json.dumps({"format": 99})))
    with pytest.raises(ValueError, match="Format de modèle inconnu"):
        _read(path)


def test_checking_does_not_import_scikit_learn() -> None:
    assert MODEL_PATH.exists(), "make train writes the model"
    code = (
        "import sys\n"
        "from balise.engine import Checker, OrgProfile, Post\n"
        "c = Checker(OrgProfile(name='CPE Test'))\n"
        "assert c.model is not None\n"
        "c.check(Post('1', 'Entre nous, le budget du CPE est coupé de moitié.'))\n"
        "bad = sorted(m for m in sys.modules if m == 'sklearn' or m.startswith('sklearn.'))\n"
        "print(bad[:5]); sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
