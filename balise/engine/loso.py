"""End-to-end leave-one-source-out: the whole checker (patterns + model) on each training file.

Usage: python -m balise.engine.loso [--data data/training] [--rebuild] [--show RULE|fa] [--out F]

``python -m balise.engine.train --folds 0`` measures the text model alone. This measures what a
user gets: for each training file, a model is trained on the other files, the held-out posts are
scored with it, and the full checker (patterns, guards, context rules, merge) decides. Each
training file was written by a different author, so this is the honest estimate for posts written
by someone else. Thresholds are the shipped model's (chosen by 5-fold CV on all the training
data: a slight optimism). The parsed, scored documents are cached (``var/loso-cache-<key>.pkl``), so
changing an analyzer and re-running takes seconds; ``--rebuild`` (or any change in the training
files or the model) retrains the folds. ``--thresholds MODEL`` scores the cached folds with another
model's thresholds (e.g. those chosen by ``train --folds 0``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from balise.engine import train
from balise.engine.checker import Checker
from balise.engine.model import MODEL_PATH, load_model
from balise.engine.types import OrgProfile

CACHE = Path(__file__).resolve().parents[2] / "var" / "loso-cache.pkl"
SCORER = Path("/work/shared/tools/score.py")


def _key(data_dir: Path, model_path: Path = MODEL_PATH) -> str:
    h = hashlib.sha256()
    for p in train.corpus_files(data_dir) + [model_path]:
        if p.exists():
            h.update(p.name.encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    h.update(str(train.C_LOGREG).encode())
    return h.hexdigest()


def build(data_dir: Path, model_path: Path = MODEL_PATH) -> list[dict[str, Any]]:
    """Return, per training post, its parsed Document scored by a model trained without its file."""
    shipped = load_model(model_path)
    thresholds = shipped.thresholds if shipped else {}
    option = (shipped.meta.get("option") if shipped else None) or "logreg-vec"
    rows: list[dict[str, Any]] = []
    for path in train.corpus_files(data_dir):
        profile = OrgProfile.from_yaml(train.org_for(path))
        checker = Checker(profile, model=False)
        posts, labels = train.read_corpus(path)
        docs = checker._documents(posts)
        for post, lab, doc in zip(posts, labels, docs, strict=True):
            rows.append(
                {"source": path.name, "post": post, "labels": lab, "doc": doc, "org": str(path)}
            )
        print(f"{path.name}: {len(posts)} posts", file=sys.stderr)
    examples = [
        train.Example(
            r["doc"].masked(), r["labels"], train.skipped_rules(r["post"].context), r["source"]
        )
        for r in rows
    ]
    for source in sorted({r["source"] for r in rows}):
        train_ex = [e for e in examples if e.source != source]
        vectorizer, classifiers = train.fit(train_ex, option)
        model = train.linear_model(vectorizer, classifiers, thresholds, {})
        held = [r for r in rows if r["source"] == source]
        _score(model, [r["doc"] for r in held], thresholds)
        print(f"pli sans {source}: {len(held)} posts notés", file=sys.stderr)
    return rows


def _score(model: Any, docs: list[Any], thresholds: dict[str, float]) -> None:
    texts = [d.masked() for d in docs]
    texts += [d.masked(s, e) for d in docs for s, e in d.sentences]
    scored = model.predict(texts)
    whole, per_sentence = scored[: len(docs)], iter(scored[len(docs) :])
    for d, scores in zip(docs, whole, strict=True):
        d.scores = scores
        d.sentence_scores = [next(per_sentence) for _ in d.sentences]
        d.extra["thresholds"] = thresholds


def load_rows(
    data_dir: Path, rebuild: bool = False, model_path: Path = MODEL_PATH
) -> list[dict[str, Any]]:
    """Return the cached scored rows, rebuilding them when the inputs changed."""
    key = _key(data_dir, model_path)
    cache = CACHE.with_name(f"loso-cache-{key[:12]}.pkl")
    if not rebuild and cache.exists():
        cached = pickle.loads(cache.read_bytes())
        if cached.get("key") == key:
            return cached["rows"]
    rows = build(data_dir, model_path)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps({"key": key, "rows": rows}))
    return rows


def results(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the checker's result dicts for the cached rows (analyzers re-run, model cached)."""
    checkers: dict[str, Checker] = {}
    out = []
    for r in rows:
        c = checkers.get(r["org"])
        if c is None:
            prof = r["doc"].profile
            c = checkers[r["org"]] = Checker(prof, model=False, use_nlp=False)
        doc = r["doc"]
        doc.context = r["post"].context
        res = c._result(r["post"], doc).to_dict()
        res["id"] = f"{r['source']}:{r['post'].id}"
        out.append(res)
    return out


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("balise_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod.score


def main(argv: list[str] | None = None) -> int:
    """Print end-to-end leave-one-source-out figures; return the exit status."""
    parser = argparse.ArgumentParser(description="Validation croisée par source, de bout en bout.")
    parser.add_argument("--data", type=Path, default=train.DATA_DIR)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--model", type=Path, default=MODEL_PATH, help="modèle dont on prend les seuils et l'option"
    )
    parser.add_argument(
        "--show", help="règle (faux positifs et négatifs) ou « fa » (fausses alertes)"
    )
    parser.add_argument(
        "--thresholds",
        type=Path,
        help="prendre les seuils de ce modèle-ci (sans réentraîner les plis en cache)",
    )
    parser.add_argument("--out", type=Path, help="écrire les résultats (JSONL)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = load_rows(args.data, args.rebuild, args.model)
    if args.thresholds:
        other = load_model(args.thresholds)
        for r in rows:
            r["doc"].extra["thresholds"] = other.thresholds
    res = results(rows)
    corpus = [
        {
            "id": f"{r['source']}:{r['post'].id}",
            "labels": sorted(r["labels"]),
            "text": r["post"].text,
        }
        for r in rows
    ]
    score = _scorer()
    s = score(corpus, res)
    if args.out:
        args.out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in res))
    if args.json:
        print(json.dumps(s, indent=1))
    else:
        print(f"{'rule':26} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}")
        for rule, m in s["per_rule"].items():
            print(
                f"{rule:26} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} {m['support']:8}"
            )
        per_source = Counter()
        for source in sorted({r["source"] for r in rows}):
            idx = [i for i, r in enumerate(rows) if r["source"] == source]
            ss = score([corpus[i] for i in idx], [res[i] for i in idx])
            per_source[source] = ss["micro_f1"]
            print(
                f"  {source:16} micro-F1 {ss['micro_f1']:.3f}  fausses alertes {ss['false_alarm_rate']:.1%}"
            )
        print(f"posts {s['posts']}  false alarms on compliant posts: {s['false_alarm_rate']:.2%}")
        print(
            f"LOSO end-to-end micro P {s['micro_precision']:.3f} R {s['micro_recall']:.3f} F1 {s['micro_f1']:.3f}"
        )
    if args.show:
        for c, r in zip(corpus, res, strict=True):
            gold, pred = set(c["labels"]), {f["rule"] for f in r["findings"]}
            if args.show == "fa":
                if gold or not pred:
                    continue
                why = "; ".join(f"{f['rule']}: {f.get('explanation', '')}" for f in r["findings"])
                print(f"FA {c['id']} {c['text'][:160]!r}\n   -> {why}")
            else:
                if args.show in pred and args.show not in gold:
                    f = next(f for f in r["findings"] if f["rule"] == args.show)
                    print(f"FP {c['id']} {c['text'][:160]!r}\n   -> {f.get('explanation', '')}")
                elif args.show in gold and args.show not in pred:
                    print(f"FN {c['id']} {c['text'][:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
