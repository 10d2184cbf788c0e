"""Train the engine's text model on data/training/ and write balise/engine/model/model.npz.

Usage: python -m balise.engine.train [--data data/training] [--out PATH] [--compare] [--folds 5]
                                     [--mixed-folds] [--pooled-rate]
(``make train`` runs it with the defaults.)

Every ``part-X.jsonl`` is read with its organization ``org-X.yaml`` (``org.yaml`` when there is
none, as for part-a), every ``engine-X.jsonl`` with ``org-engine.yaml``, so that roster names are
masked the way the checker masks them; a new part file is picked up by itself. Malformed lines
are skipped with a warning. Per-rule thresholds are chosen on out-of-fold predictions of the
training data only, each source file kept whole inside one fold (a model never scores posts by
an author it has read, as on the judged corpus; ``--mixed-folds`` splits at random instead),
and each source file re-weighted to the rule's median base rate (``--pooled-rate`` skips it).
Reproducible: fixed seeds, sorted inputs. The evaluation corpora are never read here.
``--folds 0`` measures the text model by leave-one-source-out; for the whole checker see
``balise.engine.loso``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

from balise.engine.checker import Checker  # noqa: E402
from balise.engine.model import MODEL_PATH, HashedTfidf, TextModel  # noqa: E402
from balise.engine.pack import RULE_IDS  # noqa: E402
from balise.engine.types import Context, OrgProfile, Post  # noqa: E402

SEED = 20260327
DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "training"
#: Rules decided by the context alone are not learned from text.
CONTEXT_RULES = ("5.ii.image", "5.vii.temps")
MODEL_RULES = tuple(r for r in RULE_IDS if r not in CONTEXT_RULES)


@dataclass
class Example:
    """A training post, masked, with its labels and the rules it must not teach."""

    text: str
    labels: frozenset[str]
    skip: frozenset[str]
    source: str = ""


def org_for(path: Path) -> Path:
    """Return the organization file of a training file (org-X.yaml for part-X.jsonl)."""
    prefix, _, suffix = path.stem.partition("-")
    # engine-*.jsonl are all written for the engine's own fictitious CPE (org-engine.yaml).
    order = (
        (f"org-{prefix}.yaml", f"org-{suffix}.yaml")
        if prefix == "engine"
        else (
            f"org-{suffix}.yaml",
            f"org-{prefix}.yaml",
        )
    )
    for candidate in (path.parent / name for name in order):
        if candidate.exists():
            return candidate
    return path.parent / "org.yaml"


def skipped_rules(context: Context) -> frozenset[str]:
    """Return rules whose label comes from the context, not the text, for this post."""
    skip = set()
    if context.is_mandated:
        skip.add("5.iv.porte-parole")
    if any(m.get("logo") for m in context.media) or context.official_mandated:
        skip.add("5.v.marque")
    return frozenset(skip)


def corpus_files(data_dir: Path) -> list[Path]:
    """Return every training file of ``data_dir`` (part-*.jsonl and engine-*.jsonl), sorted."""
    return sorted(list(data_dir.glob("part-*.jsonl")) + list(data_dir.glob("engine-*.jsonl")))


def read_corpus(path: Path) -> tuple[list[Post], list[frozenset[str]]]:
    """Return the posts and labels of one training file; malformed lines are skipped, with a warning."""
    posts, labels = [], []
    raw = path.read_bytes().decode("utf-8", errors="replace")
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict) or not isinstance(d.get("text"), str):
                raise ValueError("objet sans « text »")
            lab = d.get("labels", [])
            if not isinstance(lab, list) or not all(isinstance(x, str) for x in lab):
                raise ValueError("« labels » n'est pas une liste de règles")
            post = Post(
                str(d.get("id", f"{path.stem}-{n}")), d["text"], Context.from_dict(d.get("context"))
            )
        except (ValueError, TypeError, AttributeError) as exc:
            print(f"avertissement : {path.name}:{n} ignorée ({exc})", file=sys.stderr)
            continue
        unknown = set(lab) - set(RULE_IDS)
        if unknown:
            print(
                f"avertissement : {path.name}:{n} règles inconnues {sorted(unknown)} ignorées",
                file=sys.stderr,
            )
        posts.append(post)
        labels.append(frozenset(lab) & frozenset(RULE_IDS))
    return posts, labels


def load_examples(data_dir: Path) -> list[Example]:
    """Return the masked training examples of every corpus file in ``data_dir``."""
    examples: list[Example] = []
    for path in corpus_files(data_dir):
        checker = Checker(OrgProfile.from_yaml(org_for(path)), model=False)
        posts, labels = read_corpus(path)
        docs = checker._documents(posts)
        examples += [
            Example(doc.masked(), lab, skipped_rules(p.context), path.name)
            for doc, lab, p in zip(docs, labels, posts, strict=True)
        ]
        print(f"{path.name}: {len(posts)} posts ({org_for(path).name})", file=sys.stderr)
    return examples


def make_vectorizer(vectors: float = 0.0) -> HashedTfidf:
    """Return the features: hashed TF-IDF word 1-2-grams and character 2-5-grams (+ word vectors)."""
    return HashedTfidf(vectors=vectors)


#: Inverse regularisation strength of the logistic regressions (--C).
C_LOGREG = 8.0


def logreg() -> Any:
    """Return option A: L2 logistic regression, balanced classes."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=C_LOGREG, class_weight="balanced", solver="liblinear", random_state=SEED
    )


def svm() -> Any:
    """Return option B: linear SVM with sigmoid-calibrated probabilities."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    return CalibratedClassifierCV(
        LinearSVC(C=0.5, class_weight="balanced", random_state=SEED), method="sigmoid", cv=3
    )


#: option -> (classifier factory, weight of the word-vector features, 0 for none)
OPTIONS: dict[str, tuple[Callable[[], Any], float]] = {
    "logreg": (logreg, 0.0),
    "logreg-vec": (logreg, 1.0),
    "svm": (svm, 0.0),
}


def fit(examples: list[Example], option: str) -> tuple[Any, dict[str, Any]]:
    """Return a fitted vectorizer and one classifier per rule."""
    make_clf, vectors = OPTIONS[option]
    vectorizer = make_vectorizer(vectors)
    X = vectorizer.fit_transform([e.text for e in examples])
    classifiers = {}
    for rule in MODEL_RULES:
        keep = np.array([rule not in e.skip for e in examples])
        y = np.array([rule in e.labels for e in examples])[keep]
        if y.sum() < 3:
            continue
        classifiers[rule] = make_clf().fit(X[keep], y)
    return vectorizer, classifiers


def out_of_fold(
    examples: list[Example], option: str, folds: int, by_source: bool = False
) -> dict[str, np.ndarray]:
    """Return out-of-fold probabilities per rule (NaN where the rule is skipped).

    ``folds`` = 0 holds out one source file at a time: each corpus was written by a different
    author, so this measures how the model carries over to text written independently.
    ``by_source`` keeps each source file whole inside one of the ``folds`` folds, so every
    out-of-fold probability is the one of a model that never read its author.
    """
    from sklearn.model_selection import GroupKFold, KFold, LeaveOneGroupOut

    n = len(examples)
    probs = {rule: np.full(n, np.nan) for rule in MODEL_RULES}
    groups = [e.source for e in examples]
    if folds and by_source:
        splits = GroupKFold(folds).split(np.arange(n), groups=groups)
    elif folds:
        splits = KFold(folds, shuffle=True, random_state=SEED).split(np.arange(n))
    else:
        splits = LeaveOneGroupOut().split(np.arange(n), groups=groups)
    for train_idx, test_idx in splits:
        vectorizer, classifiers = fit([examples[i] for i in train_idx], option)
        X = vectorizer.transform([examples[i].text for i in test_idx])
        for rule, clf in classifiers.items():
            probs[rule][test_idx] = clf.predict_proba(X)[:, 1]
    return probs


def choose_thresholds(
    examples: list[Example], probs: dict[str, np.ndarray], base_rate: bool = True
) -> tuple[dict[str, float], dict[str, dict]]:
    """Return, per rule, the threshold that maximises out-of-fold F1, and the figures at it.

    With ``base_rate``, F1 is computed with every source file re-weighted to the median rate of
    the rule over the sources: a file written on one topic holds far more positives of its rule
    than a month of real posts, and a threshold fitted to the pooled posts would sit too low for
    a realistic mix. The figures reported are the plain (unweighted) ones at that threshold.
    """
    thresholds, figures = {}, {}
    sources = np.array([e.source for e in examples])
    for rule, p in probs.items():
        mask = ~np.isnan(p) & np.array([rule not in e.skip for e in examples])
        y = np.array([rule in e.labels for e in examples])[mask]
        if y.sum() == 0:
            continue
        w = _base_rate_weights(y, sources[mask]) if base_rate else np.ones(len(y))
        best = max(
            (_prf(y, p[mask] >= t, w) + (t,) for t in np.arange(0.15, 0.91, 0.025)),
            key=lambda x: (x[2], x[3]),
        )
        t = best[3]
        thresholds[rule] = round(float(t), 3)
        precision, recall, f1 = _prf(y, p[mask] >= t)
        figures[rule] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": int(y.sum()),
        }
    return thresholds, figures


def _base_rate_weights(y: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Return weights that give every source the median positive rate of the rule."""
    rates = {s: float(y[sources == s].mean()) for s in np.unique(sources)}
    target = float(np.median(list(rates.values())))
    w = np.ones(len(y))
    for s, rate in rates.items():
        if 0.0 < rate < 1.0:
            idx = sources == s
            w[idx & y] = target / rate
            w[idx & ~y] = (1.0 - target) / (1.0 - rate)
    return w


def _prf(
    y: np.ndarray, pred: np.ndarray, w: np.ndarray | None = None
) -> tuple[float, float, float]:
    w = np.ones(len(y)) if w is None else w
    tp = float(w[y & pred].sum())
    predicted, gold = float(w[pred].sum()), float(w[y].sum())
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def micro(figures: dict[str, dict]) -> float:
    """Return the micro-averaged F1 implied by per-rule precision/recall/support."""
    tp = sum(f["recall"] * f["support"] for f in figures.values())
    pred = sum(
        f["recall"] * f["support"] / f["precision"] for f in figures.values() if f["precision"]
    )
    gold = sum(f["support"] for f in figures.values())
    return 2 * tp / (pred + gold) if pred + gold else 0.0


def evaluate(
    examples: list[Example],
    option: str,
    folds: int,
    by_source: bool = True,
    base_rate: bool = True,
) -> dict[str, Any]:
    """Return cross-validated figures and thresholds for one model option."""
    start = time.perf_counter()
    probs = out_of_fold(examples, option, folds, by_source)
    thresholds, figures = choose_thresholds(examples, probs, base_rate)
    return {
        "option": option,
        "thresholds": thresholds,
        "figures": figures,
        "micro_f1": micro(figures),
        "seconds": round(time.perf_counter() - start, 1),
    }


def linear_model(
    features: HashedTfidf,
    classifiers: dict[str, Any],
    thresholds: dict[str, float],
    meta: dict[str, Any],
) -> TextModel:
    """Return the shippable model: the logistic regressions as one weight matrix."""
    rules = tuple(classifiers)
    if not all(hasattr(c, "coef_") for c in classifiers.values()):
        raise SystemExit("Seule l'option logreg peut être livrée (les autres servent à comparer).")
    from scipy.sparse import csr_matrix

    # Most hashed features never occur in training (their weight stays 0): stored sparse.
    weights = csr_matrix(np.vstack([classifiers[r].coef_[0] for r in rules]).T.astype(np.float32))
    weights.eliminate_zeros()
    intercepts = np.array([classifiers[r].intercept_[0] for r in rules], dtype=np.float32)
    return TextModel(features.to_runtime(), weights, intercepts, rules, thresholds, meta)


def print_report(report: dict[str, Any]) -> None:
    """Print a cross-validation report as a table."""
    print(
        f"\n== {report['option']}: {len(report['figures'])} rules, micro-F1 {report['micro_f1']:.3f} ({report['seconds']} s)"
    )
    for rule, f in report["figures"].items():
        print(
            f"{rule:24} P {f['precision']:.2f} R {f['recall']:.2f} F1 {f['f1']:.2f} n {f['support']:4} "
            f"seuil {report['thresholds'][rule]:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    """Train, cross-validate and save the model; return the exit status."""
    parser = argparse.ArgumentParser(description="Entraîne le modèle de texte de Balise.")
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--option", choices=sorted(OPTIONS), default="logreg-vec")
    parser.add_argument(
        "--compare", action="store_true", help="cross-validate every option and report them all"
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=5,
        help="k-fold CV (thresholds); 0 holds out one source file at a time",
    )
    parser.add_argument(
        "--mixed-folds",
        action="store_true",
        help="plis au hasard (un même auteur des deux côtés) au lieu de plis par fichier source",
    )
    parser.add_argument(
        "--pooled-rate",
        action="store_true",
        help="seuils sur les textes mis en commun, sans ramener chaque fichier au taux médian",
    )
    parser.add_argument(
        "--C", type=float, default=C_LOGREG, help="régularisation des régressions logistiques"
    )
    parser.add_argument(
        "--no-save", action="store_true", help="mesurer seulement, ne pas écrire le modèle"
    )
    args = parser.parse_args(argv)
    globals()["C_LOGREG"] = args.C
    examples = load_examples(args.data)
    reports = {
        o: evaluate(examples, o, args.folds, not args.mixed_folds, not args.pooled_rate)
        for o in (sorted(OPTIONS) if args.compare else [args.option])
    }
    for r in reports.values():
        print_report(r)
    if args.no_save:
        return 0
    chosen = reports[args.option]
    vectorizer, classifiers = fit(examples, args.option)
    meta = {
        "option": args.option,
        "folds": "by source" if not args.mixed_folds else "mixed",
        "thresholds": "pooled" if args.pooled_rate else "median base rate per source",
        "examples": len(examples),
        "seed": SEED,
        "cv": {o: r for o, r in reports.items()},
    }
    linear_model(vectorizer, classifiers, chosen["thresholds"], meta).save(args.out)
    (args.out.parent / "cv-report.json").write_text(
        json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    print(f"\nmodèle écrit : {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
