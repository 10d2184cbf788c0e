"""Measure the text engine on a corpus: load time, single-post latency, batch rate, memory.

Usage: .venv/bin/python benchmarks/engine_bench.py [CORPUS.jsonl] [ORG.yaml] [--repeat N]

One core: BLAS/OpenMP threads are pinned to 1 before numpy loads. Side by side, a bare Presidio
AnalyzerEngine for French (its default recognizers, same spaCy model) runs over the same posts.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    """Return the peak resident set size of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0..100) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    shared = ROOT.parent / "shared" / "corpus"
    parser.add_argument("corpus", nargs="?", default=str(shared / "dev.jsonl"))
    parser.add_argument("org", nargs="?", default=str(shared / "org.yaml"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="ignore the compiled-regex cache (first start after install)",
    )
    args = parser.parse_args()
    if args.cold:
        import tempfile

        os.environ["BALISE_REGEX_CACHE"] = tempfile.mkdtemp(prefix="balise-regex-")

    from balise.engine import Checker, Context, OrgProfile, Post

    rows = [
        json.loads(line)
        for line in Path(args.corpus).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    posts = [Post(r["id"], r["text"], Context.from_dict(r.get("context"))) for r in rows]

    t0 = time.perf_counter()
    from balise.engine import nlp

    nlp.warm_up()
    checker = Checker(OrgProfile.from_yaml(args.org))
    checker.check(Post("warm", "Bonjour", Context()))
    load = time.perf_counter() - t0

    single = []
    for _ in range(args.repeat):
        for p in posts:
            start = time.perf_counter()
            checker.check(p)
            single.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    for _ in range(args.repeat):
        list(checker.check_many(posts))
    batch_rate = args.repeat * len(posts) / (time.perf_counter() - start)

    balise_rss = rss_mb()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    t0 = time.perf_counter()
    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "fr", "model_name": "fr_core_news_md"}],
    }
    bare = AnalyzerEngine(
        nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine(),
        supported_languages=["fr"],
    )
    bare.analyze("Bonjour", language="fr")
    bare_load = time.perf_counter() - t0
    base = []
    for _ in range(args.repeat):
        for p in posts:
            start = time.perf_counter()
            bare.analyze(p.text, language="fr")
            base.append((time.perf_counter() - start) * 1000)

    p50, p95 = percentile(single, 50), percentile(single, 95)
    b50, b95 = percentile(base, 50), percentile(base, 95)
    print(f"posts: {len(posts)} x {args.repeat}, longest {max(len(p.text) for p in posts)} chars")
    cache = nlp._regex_cache_path()
    state = "cold, cache being written" if args.cold else f"regex cache {cache}"
    print(f"model load (spaCy + Presidio + classifier): {load:.2f} s ({state})")
    print(
        f"Balise single post: p50 {p50:.1f} ms, p95 {p95:.1f} ms, mean {statistics.mean(single):.1f} ms"
    )
    print(f"Balise batch (nlp.pipe): {batch_rate:.0f} posts/s")
    print(
        f"bare Presidio (fr, full fr_core_news_md pipeline): load {bare_load:.2f} s, p50 {b50:.1f} ms, p95 {b95:.1f} ms"
    )
    print(f"ratio Balise/Presidio: p50 {p50 / b50:.2f}x, p95 {p95 / b95:.2f}x")
    print(
        f"peak RSS: Balise alone {balise_rss:.0f} MB; with the baseline loaded too {rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
