"""The shared French pipeline: one spaCy model and one Presidio analyzer, loaded lazily once.

The engine needs spaCy's named entities only. In fr_core_news_md the NER has its own embedding
layer, so the shared tok2vec, the morphologizer, the parser and the lemmatizer are excluded
(about three quarters of the parsing time). A rule-based sentencizer gives sentence boundaries,
and lower-cased words stand in for lemmas, which is what Presidio matches its context words on.

The vocabulary's string table (712,952 words, about 135 MB once loaded) is not loaded either:
the NER and the static vectors look words up by their hash, and every token's text is added to
the table as it is met, so the entities and the vectors are the same without it. The vectors'
word index is kept in numpy arrays rather than a dict (``Key2Row``: 45 MB less).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

if TYPE_CHECKING:  # pragma: no cover
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "fr_core_news_md"
LANGUAGE = "fr"
EXCLUDED_COMPONENTS = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer")

_lock = threading.Lock()
_state: dict[str, object] = {}


def get_spacy() -> Language:
    """Return the shared French spaCy pipeline (parser disabled, sentencizer added)."""
    if "spacy" not in _state:
        with _lock:
            if "spacy" not in _state:
                import spacy
                from spacy.language import Language

                if not Language.has_factory("balise_lower_lemma"):
                    Language.component("balise_lower_lemma", func=_lower_lemma)
                with compiled_regex_cache():
                    nlp = spacy.load(SPACY_MODEL, exclude=[*EXCLUDED_COMPONENTS, "strings"])
                nlp.add_pipe("sentencizer", first=True)
                nlp.add_pipe("balise_lower_lemma")
                nlp.vocab.vectors.key2row = Key2Row(nlp.vocab.vectors.key2row)
                _state["spacy"] = nlp
                release_memory()
    return _state["spacy"]  # type: ignore[return-value]


class Key2Row:
    """The word-hash → vector-row index of the static vectors, in two numpy arrays.

    spaCy keeps it as a Python dict of 500,000 entries (about 45 MB of int objects); sorted
    arrays hold the same in 6 MB. spaCy only reads it (``get``, ``[]``, ``in``, ``len``,
    iteration) once loaded. Lookups go through a bounded dict of the words met, so the common
    ones cost a dict lookup; the others a binary search.
    """

    __slots__ = ("_cache", "_keys", "_rows")
    _CACHE_MAX = 50_000

    def __init__(self, mapping: dict[int, int]) -> None:
        import numpy as np

        keys = np.fromiter(mapping.keys(), dtype=np.uint64, count=len(mapping))
        rows = np.fromiter(mapping.values(), dtype=np.int64, count=len(mapping))
        order = np.argsort(keys)
        self._keys, self._rows = keys[order], rows[order]
        self._cache: dict[int, int | None] = {}

    def _find(self, key: int) -> int | None:
        try:
            return self._cache[key]
        except KeyError:
            pass
        if not 0 <= key < 2**64:
            return None
        i = int(self._keys.searchsorted(key))
        found = int(self._rows[i]) if i < len(self._keys) and int(self._keys[i]) == key else None
        if len(self._cache) >= self._CACHE_MAX:
            self._cache.clear()
        self._cache[key] = found
        return found

    def get(self, key: int, default: int | None = None) -> int | None:
        found = self._find(int(key))
        return default if found is None else found

    def __getitem__(self, key: int) -> int:
        found = self._find(int(key))
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, int) and self._find(key) is not None

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[int]:
        return iter(self._keys.tolist())

    def keys(self) -> list[int]:
        return self._keys.tolist()

    def values(self) -> list[int]:
        return self._rows.tolist()

    def items(self) -> Iterator[tuple[int, int]]:
        return zip(self._keys.tolist(), self._rows.tolist(), strict=True)

    def copy(self) -> dict[int, int]:
        return dict(self.items())


def release_memory() -> None:
    """Give freed memory back to the system (glibc keeps it otherwise): after loading the
    models, whose loading leaves large freed blocks, and after big batches of work."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


#: Where the compiled tokenizer expressions are kept between processes ($BALISE_REGEX_CACHE, or
#: var/ in the project, or ~/.cache/balise when var/ is not writable). Empty string: no cache.
REGEX_CACHE_ENV = "BALISE_REGEX_CACHE"
_MIN_CACHED_PATTERN = 500


def _regex_cache_path() -> Path | None:
    import sys

    import spacy

    env = os.environ.get(REGEX_CACHE_ENV)
    if env == "":
        return None
    tag = f"regex-{sys.implementation.cache_tag}-{_sre_magic()}-spacy{spacy.__version__}.pickle"
    if env:
        return Path(env) / tag
    for base in (Path(__file__).resolve().parents[2] / "var", Path.home() / ".cache" / "balise"):
        if os.access(base if base.exists() else base.parent, os.W_OK):
            return base / tag
    return None


def _sre_magic() -> int:
    import _sre

    return int(getattr(_sre, "MAGIC", 0))


@contextmanager
def compiled_regex_cache() -> Iterator[None]:
    """Reuse the compiled form of spaCy's long tokenizer expressions across processes.

    Loading the French tokenizer compiles a few very long regular expressions (its exceptions
    and punctuation rules, with the full Unicode letter classes): most of spaCy's load time, in
    pure Python (``re._compiler``). The compiled program (a list of integers for ``_sre``) only
    depends on the pattern, the flags and the Python version, so it is kept on disk and handed
    straight to ``_sre.compile`` next time. Any problem (missing, stale, unwritable) falls back
    to ordinary compilation.
    """
    import _sre
    import pickle
    import re._compiler as compiler

    path = _regex_cache_path()
    cache: dict = {}
    if path is not None and path.exists():
        try:
            cache = pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            cache = {}
    original = compiler.compile
    added = False

    def cached_compile(p, flags=0):  # type: ignore[no-untyped-def]
        nonlocal added
        if not isinstance(p, str) or len(p) < _MIN_CACHED_PATTERN:
            return original(p, flags)
        key = (p, int(flags))
        hit = cache.get(key)
        if hit is not None:
            try:
                return _sre.compile(p, *hit)
            except Exception:  # noqa: BLE001 - stale entry: compile normally
                pass
        parsed = compiler._parser.parse(p, flags)
        code = [int(x) for x in compiler._code(parsed, flags)]
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        args = (
            flags | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            dict(groupindex),
            tuple(indexgroup),
        )
        cache[key] = args
        added = True
        return _sre.compile(p, *args)

    compiler.compile = cached_compile
    try:
        yield
    finally:
        compiler.compile = original
        if added and path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(pickle.dumps(cache, protocol=pickle.HIGHEST_PROTOCOL))
                os.replace(tmp, path)
            except Exception:  # noqa: BLE001 - the cache is an optimisation only
                pass


def _lower_lemma(doc: Doc) -> Doc:
    """Set each token's lemma to its lower-cased text (Presidio's context words need one)."""
    for token in doc:
        token.lemma_ = token.lower_
    return doc


def get_nlp_engine() -> SpacyNlpEngine:
    """Return Presidio's NLP engine wrapping the shared spaCy pipeline."""
    if "engine" not in _state:
        nlp = get_spacy()
        with _lock:
            if "engine" not in _state:
                from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

                config = NerModelConfiguration(
                    model_to_presidio_entity_mapping={"PER": "PERSON", "LOC": "LOCATION"},
                    labels_to_ignore=["MISC", "ORG"],
                )
                engine = SpacyNlpEngine(
                    models=[{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
                    ner_model_configuration=config,
                )
                engine.nlp = {LANGUAGE: nlp}
                _state["engine"] = engine
    return _state["engine"]  # type: ignore[return-value]


def get_analyzer() -> AnalyzerEngine:
    """Return the shared Presidio analyzer for French, with the Quebec recognizers."""
    if "analyzer" not in _state:
        engine = get_nlp_engine()
        with _lock:
            if "analyzer" not in _state:
                from balise.engine.recognizers import build_analyzer

                _state["analyzer"] = build_analyzer(engine)
    return _state["analyzer"]  # type: ignore[return-value]


def parse(text: str) -> Doc:
    """Return the spaCy document of ``text``."""
    return get_spacy()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Yield spaCy documents for ``texts``, batched through ``nlp.pipe``."""
    return get_spacy().pipe(texts, batch_size=batch_size)


def artifacts(doc: Doc) -> NlpArtifacts:
    """Return Presidio's NLP artefacts for an already parsed document (no second parse)."""
    return get_nlp_engine()._doc_to_nlp_artifact(doc, LANGUAGE)


def warm_up() -> None:
    """Load every shared model now rather than on the first check."""
    get_analyzer()
    release_memory()
