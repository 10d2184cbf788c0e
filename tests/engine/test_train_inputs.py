"""The training inputs: every part-X.jsonl with its org-X.yaml, malformed lines skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from balise.engine import train


def test_every_part_file_gets_its_org(tmp_path: Path) -> None:
    for name in ("org.yaml", "org-d.yaml", "org-engine.yaml", "org-b.yaml"):
        (tmp_path / name).write_text("name: X\n", encoding="utf-8")
    for name in (
        "part-a.jsonl",
        "part-d.jsonl",
        "part-z.jsonl",
        "engine-a.jsonl",
        "engine-b.jsonl",
    ):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text("", encoding="utf-8")
    files = [p.name for p in train.corpus_files(tmp_path)]
    assert files == [
        "engine-a.jsonl",
        "engine-b.jsonl",
        "part-a.jsonl",
        "part-d.jsonl",
        "part-z.jsonl",
    ]
    orgs = {p.name: train.org_for(p).name for p in train.corpus_files(tmp_path)}
    assert orgs == {
        "part-a.jsonl": "org.yaml",
        "part-d.jsonl": "org-d.yaml",
        "part-z.jsonl": "org.yaml",
        "engine-a.jsonl": "org-engine.yaml",
        "engine-b.jsonl": "org-engine.yaml",  # not org-b.yaml: the engine's own CPE
    }


def test_malformed_lines_are_skipped_with_a_warning(tmp_path: Path, capsys) -> None:
    good = {"id": "x1", "text": "Bonjour", "context": {"account": "personnel"}, "labels": []}
    lines = [
        json.dumps(good),
        "{pas du json",
        json.dumps({"id": "x2", "labels": []}),  # no text
        json.dumps({"id": "x3", "text": "Salut", "context": {"account": "inconnu"}}),
        json.dumps({"id": "x4", "text": "Allo", "labels": "5.v.page"}),
        json.dumps({"id": "x5", "text": "Re", "labels": ["5.v.page", "5.z.inconnue"]}),
        "",
    ]
    path = tmp_path / "part-q.jsonl"
    path.write_bytes(("\n".join(lines)).encode("utf-8") + b"\xff\n")
    posts, labels = train.read_corpus(path)
    assert [p.id for p in posts] == ["x1", "x5"]
    assert labels == [frozenset(), frozenset({"5.v.page"})]
    err = capsys.readouterr().err
    assert err.count("ignorée (") == 5 and "5.z.inconnue" in err


def test_threshold_folds_keep_each_author_whole(monkeypatch) -> None:
    """By default the out-of-fold probabilities that choose the thresholds come from models that
    never read the post's source file (its author); --mixed-folds splits at random."""
    examples = [
        train.Example(
            f"texte de l'auteur {k} numéro {i} avec le mot{k}",
            frozenset(train.MODEL_RULES) if i % 2 else frozenset(),
            frozenset(),
            f"part-{k}.jsonl",
        )
        for k in "abcdef"
        for i in range(4)
    ]
    seen: list[set[str]] = []
    real_fit = train.fit

    def recording_fit(train_examples, option):
        seen.append({e.source for e in train_examples})
        return real_fit(train_examples, option)

    monkeypatch.setattr(train, "fit", recording_fit)
    probs = train.out_of_fold(examples, "logreg", 3, by_source=True)
    assert len(seen) == 3
    assert all(len(s) == 4 for s in seen)  # two of the six authors held out each time
    assert not any(p != p for v in probs.values() for p in v)  # every post scored once (no NaN)
    seen.clear()
    train.out_of_fold(examples, "logreg", 3, by_source=False)
    assert all(len(s) == 6 for s in seen)  # random folds: every author on both sides


def test_thresholds_see_every_source_at_the_median_base_rate() -> None:
    """A file written on one topic (60 % positives) weighs like a realistic one (10 %): the
    threshold that maximises the re-weighted F1 sits higher than the pooled one."""
    import numpy as np

    rng = np.random.default_rng(0)
    examples, scores = [], []
    for source, rate in (("part-a", 0.1), ("part-b", 0.1), ("part-c", 0.1), ("part-t", 0.6)):
        for i in range(400):
            positive = i < rate * 400
            examples.append(
                train.Example(
                    "x", frozenset({"5.v.page"}) if positive else frozenset(), frozenset(), source
                )
            )
            # Positives score around 0.7, negatives around 0.35, with overlap.
            scores.append(float(np.clip(rng.normal(0.7 if positive else 0.35, 0.15), 0, 1)))
    probs = {"5.v.page": np.array(scores)}
    weights = train._base_rate_weights(
        np.array([bool(e.labels) for e in examples]), np.array([e.source for e in examples])
    )
    topic = np.array([e.source == "part-t" for e in examples])
    positive = np.array([bool(e.labels) for e in examples])
    assert weights[topic & positive].sum() == pytest.approx(0.1 * 400)  # 240 positives weigh as 40
    assert weights[~topic].tolist() == [1.0] * int((~topic).sum())  # already at the median rate
    reweighted, _ = train.choose_thresholds(examples, probs, base_rate=True)
    pooled, _ = train.choose_thresholds(examples, probs, base_rate=False)
    assert reweighted["5.v.page"] > pooled["5.v.page"]
