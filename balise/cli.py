"""The ``balise`` command line: check posts, evaluate the engine, and room for more commands.

Other modules add a subcommand with :func:`register` (name, add_arguments, handler); the
registry is :data:`COMMANDS`. Handlers receive the parsed arguments and return an exit status.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

AddArguments = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace], int]

#: name -> (add_arguments, handler, help text)
COMMANDS: dict[str, tuple[AddArguments, Handler, str]] = {}

BATCH_SIZE = 32


def register(name: str, add_arguments: AddArguments, handler: Handler, help: str = "") -> None:
    """Add (or replace) the subcommand ``name``."""
    COMMANDS[name] = (add_arguments, handler, help)


def command(name: str, help: str = "") -> Callable[[Handler], Handler]:
    """Register the decorated handler as ``name``; its ``add_arguments`` attribute adds options."""

    def wrap(handler: Handler) -> Handler:
        register(name, getattr(handler, "add_arguments", lambda p: None), handler, help)
        return handler

    return wrap


# ---------------------------------------------------------------------------------------------
# check


def _add_check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "text", nargs="?", help="le texte à vérifier (ou --jsonl pour lire l'entrée standard)"
    )
    p.add_argument(
        "--jsonl",
        action="store_true",
        help="lire une publication JSON par ligne sur l'entrée standard",
    )
    p.add_argument("--json", action="store_true", help="afficher le résultat en JSON")
    p.add_argument("--org", type=Path, help="profil de l'organisation (YAML)")
    p.add_argument("--pack", type=Path, help="paquet de politique (YAML)")
    p.add_argument("--at", help="date et heure de publication (ISO 8601)")
    p.add_argument("--device", choices=("personnel", "cpe"))
    p.add_argument("--account", choices=("personnel", "officiel"))
    p.add_argument("--role", help="fonction de l'auteur au CPE")
    p.add_argument(
        "--on-shift", action="store_true", default=None, help="pendant les heures de travail"
    )
    p.add_argument("--on-break", action="store_true", default=None, help="pendant une pause")
    p.add_argument(
        "--children-present", action="store_true", default=None, help="en présence des enfants"
    )
    p.add_argument("--mandated", action="store_true", default=None, help="mandaté par le CPE")
    p.add_argument(
        "--authorization",
        action="append",
        default=[],
        help="autorisation accordée (logo, page:<nom>, porte-parole)",
    )
    p.add_argument(
        "--image", action="append", default=[], type=Path, help="photo jointe (répétable)"
    )
    p.add_argument(
        "--video", action="append", default=[], type=Path, help="vidéo jointe (répétable)"
    )
    p.add_argument(
        "--logo",
        action="append",
        default=[],
        type=Path,
        help="image de référence du logo du CPE (répétable; logo fourni par défaut)",
    )


def _profile(args: argparse.Namespace) -> Any:
    from balise.engine import OrgProfile
    from balise.engine.pack import load_pack

    if args.org:
        return OrgProfile.from_yaml(args.org)
    pack = load_pack(args.pack) if getattr(args, "pack", None) else load_pack()
    return _profile_from_pack(pack)


def _profile_from_pack(pack: Any) -> Any:
    import yaml

    from balise.engine import OrgProfile
    from balise.engine.pack import DEFAULT_PACK_PATH

    data = yaml.safe_load(DEFAULT_PACK_PATH.read_text(encoding="utf-8")).get("organization", {})
    return OrgProfile.from_dict(data)


def _checker(args: argparse.Namespace) -> Any:
    from balise.engine import Checker
    from balise.engine.pack import load_pack

    pack = load_pack(args.pack) if getattr(args, "pack", None) else load_pack()
    return Checker(_profile(args), pack)


def _handle_check(args: argparse.Namespace) -> int:
    from balise.engine import EngineError

    try:
        if args.jsonl:
            return run_batch(_checker(args), sys.stdin.buffer, sys.stdout, sys.stderr)
        return _check_one(args)
    except EngineError as exc:
        print(f"balise : {exc}", file=sys.stderr)
        return 2


def _check_one(args: argparse.Namespace) -> int:
    from balise.engine import Context, Post

    text = args.text if args.text is not None else ""
    context = Context.from_dict(_context_dict(args))
    media = _media_items(args.image + args.video, args.logo)
    context = context.replace(media=tuple(media))
    if not text.strip() and not media:
        print("Aucun texte à vérifier : rien à signaler.")
        return 0
    result = _checker(args).check(Post("cli", text, context))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_report(text, result))
    return 0


def _context_dict(args: argparse.Namespace) -> dict[str, Any]:
    ctx = {
        "posted_at": args.at,
        "device": args.device,
        "account": args.account,
        "author_role": args.role,
        "on_shift": args.on_shift,
        "on_break": args.on_break,
        "children_present": args.children_present,
        "mandated": args.mandated,
        "authorizations": args.authorization or None,
    }
    return {k: v for k, v in ctx.items() if v is not None}


def _media_items(paths: list[Path], logos: list[Path] | None = None) -> list[dict[str, Any]]:
    if not paths:
        return []
    try:
        from balise.engine.media import BUNDLED_LOGO, MediaError, analyze_file
    except ImportError:
        print(
            "Analyse des médias non disponible : les fichiers joints sont ignorés.", file=sys.stderr
        )
        return []
    items = []
    for path in paths:
        try:
            items.append(analyze_file(path, logo_refs=logos or [BUNDLED_LOGO]).to_context())
        except MediaError as exc:
            print(f"Média ignoré : {exc}", file=sys.stderr)
    return items


def render_report(text: str, result: Any) -> str:
    """Return a readable French report of a result."""
    verdicts = {
        "ok": "OK : rien à signaler",
        "attention": "ATTENTION",
        "bloquant": "BLOQUANT : ne publiez pas tel quel",
    }
    lines = [f"Verdict : {verdicts.get(result.verdict, result.verdict)}", ""]
    for f in result.findings:
        lines.append(f"• {f.rule} (article {f.article}, {f.severity})")
        lines.append(f"  {f.message}")
        if f.evidence:
            lines.append(f"  Passage : {highlight(text, [(s.start, s.end) for s in f.evidence])}")
        if f.media:
            lines.append(f"  Médias : {', '.join(str(m.get('file') or '?') for m in f.media)}")
        lines.append(f"  Suggestion : {f.suggestion}")
        lines.append(f"  Pourquoi : {f.explanation}")
        lines.append("")
    if result.findings:
        lines.append(f"Version caviardée : {result.redacted_text}")
    return "\n".join(lines).rstrip()


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Return ``text`` with the spans wrapped in « » markers."""
    out, pos = [], 0
    for s, e in sorted(set(spans)):
        if s < pos:
            continue
        out += [text[pos:s], "»", text[s:e], "«"]
        pos = e
    out.append(text[pos:])
    return (
        "".join(out)
        .replace(
            "»",
            "[[",
        )
        .replace("«", "]]")
    )


# ---------------------------------------------------------------------------------------------
# batch


def run_batch(checker: Any, stream: Any, out: TextIO, err: TextIO) -> int:
    """Check one JSON post per input line and write one result line each, streaming."""
    pending: list[tuple[int, Any]] = []
    errors: dict[int, dict[str, Any]] = {}
    for n, raw in enumerate(stream, 1):
        parsed = parse_line(raw, n, err)
        if parsed is None:
            continue
        if isinstance(parsed, dict):
            errors[n] = parsed
        pending.append((n, parsed))
        if len(pending) >= BATCH_SIZE:
            _flush(checker, pending, errors, out)
            pending = []
    _flush(checker, pending, errors, out)
    return 0


def _flush(
    checker: Any, pending: list[tuple[int, Any]], errors: dict[int, dict], out: TextIO
) -> None:
    from balise.engine import EngineError

    posts = [p for n, p in pending if n not in errors]
    try:
        results = iter(list(checker.check_many(posts)))
    except EngineError:
        results = iter([_safe_check(checker, p) for p in posts])
    for n, _item in pending:
        obj = errors.pop(n) if n in errors else next(results)
        out.write(to_json_line(obj if isinstance(obj, dict) else obj.to_dict()))
    out.flush()


def to_json_line(obj: dict[str, Any]) -> str:
    """Return ``obj`` as one JSON line; lone surrogates force ASCII escapes so output stays UTF-8."""
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(obj)
    return line + "\n"


def _safe_check(checker: Any, post: Any) -> Any:
    from balise.engine import EngineError

    try:
        return checker.check(post)
    except EngineError as exc:
        return {"id": post.id, "error": str(exc)}


def parse_line(raw: bytes | str, n: int, err: TextIO) -> Any:
    """Return a Post, an error result dict, or None for a blank line."""
    from balise.engine import MAX_TEXT_CHARS, Context, EngineError, Post

    line = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return {
            "id": _guess_id(line),
            "error": f"ligne {n} : JSON invalide ({exc.msg}, colonne {exc.colno}).",
        }
    if not isinstance(data, dict):
        return {"id": None, "error": f"ligne {n} : un objet JSON est attendu."}
    post_id = data.get("id")
    if "\ufffd" in line and isinstance(raw, bytes):
        print(f"avertissement : ligne {n} : octets UTF-8 invalides remplacés.", file=err)
    text = data.get("text", "")
    if not isinstance(text, str):
        return {"id": post_id, "error": "Le champ « text » doit être du texte."}
    if len(text) > MAX_TEXT_CHARS:
        return {
            "id": post_id,
            "error": f"Le texte dépasse la limite de {MAX_TEXT_CHARS} caractères ({len(text)}).",
        }
    warnings: list[str] = []
    try:
        context = Context.from_dict(data.get("context"), warnings)
    except EngineError as exc:
        return {"id": post_id, "error": str(exc)}
    for w in warnings:
        print(f"avertissement : ligne {n} (id {post_id}) : {w}", file=err)
    return Post(str(post_id) if post_id is not None else f"ligne-{n}", text, context)


def _guess_id(line: str) -> str | None:
    import re

    m = re.search(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"', line)
    return m.group(1) if m else None


# ---------------------------------------------------------------------------------------------
# eval


def _add_eval_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", type=Path, help="corpus étiqueté (JSONL)")
    p.add_argument("--org", type=Path, help="profil de l'organisation (YAML)")
    p.add_argument("--pack", type=Path, help="paquet de politique (YAML)")
    p.add_argument("--out", type=Path, help="écrire aussi les résultats (JSONL)")


def _handle_eval(args: argparse.Namespace) -> int:
    checker = _checker(args)
    corpus = [
        json.loads(line)
        for line in args.corpus.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    buffer = io.StringIO()
    lines = (json.dumps(p, ensure_ascii=False).encode("utf-8") for p in corpus)
    run_batch(checker, lines, buffer, sys.stderr)
    results = [json.loads(line) for line in buffer.getvalue().splitlines()]
    if args.out:
        args.out.write_text(buffer.getvalue(), encoding="utf-8")
    print(format_scores(score(corpus, results)))
    return 0


def score(corpus: list[dict], results: list[dict]) -> dict[str, Any]:
    """Return the figures of ../shared/tools/score.py for ``results`` against ``corpus``."""
    from collections import Counter

    predicted = {r["id"]: {f["rule"] for f in r.get("findings", [])} for r in results}
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    rules: set[str] = set()
    compliant = false_alarms = 0
    for post in corpus:
        gold, pred = set(post.get("labels", [])), predicted.get(post["id"], set())
        rules |= gold | pred
        tp.update(gold & pred)
        fp.update(pred - gold)
        fn.update(gold - pred)
        if not gold:
            compliant += 1
            false_alarms += bool(pred)
    per_rule = {r: _prf(tp[r], fp[r], fn[r]) + (tp[r] + fn[r],) for r in sorted(rules)}
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "per_rule": per_rule,
        "micro": micro,
        "false_alarm_rate": false_alarms / compliant if compliant else 0.0,
        "posts": len(corpus),
        "missing": sum(1 for p in corpus if p["id"] not in predicted),
    }


def _prf(t: int, p: int, n: int) -> tuple[float, float, float]:
    precision = t / (t + p) if t + p else 0.0
    recall = t / (t + n) if t + n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def format_scores(s: dict[str, Any]) -> str:
    """Return the table that score.py prints."""
    lines = [f"{'rule':26} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}"]
    for rule, (p, r, f, n) in s["per_rule"].items():
        lines.append(f"{rule:26} {p:6.2f} {r:6.2f} {f:6.2f} {n:8}")
    lines.append(f"posts {s['posts']}, missing results {s['missing']}")
    lines.append(f"false alarms on compliant posts: {s['false_alarm_rate']:.2%}")
    p, r, f = s["micro"]
    lines.append(f"micro P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return "\n".join(lines)


register(
    "check", _add_check_arguments, _handle_check, "vérifier une publication ou un lot (--jsonl)"
)
register("eval", _add_eval_arguments, _handle_eval, "mesurer le moteur sur un corpus étiqueté")


# ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with one subparser per registered command."""
    parser = argparse.ArgumentParser(
        prog="balise", description="Balise : le code de conduite des médias sociaux, appliqué."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name, (add_arguments, handler, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(p)
        p.set_defaults(handler=handler)
    return parser


def _load_plugins() -> None:
    """Registers the subcommands that live outside the engine (media, Django)."""
    if "anonymize" not in COMMANDS:
        from balise.engine.media import cli as media_cli

        register(
            "anonymize",
            media_cli.add_anonymize_arguments,
            media_cli.run_anonymize,
            "écrire une copie anonymisée d'une photo ou d'une vidéo",
        )
    import balise.cli_django  # noqa: F401  (registers serve, worker, prepare, audit, manage)


def main(argv: list[str] | None = None) -> int:
    """Run the ``balise`` command; return its exit status."""
    _load_plugins()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 1
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
