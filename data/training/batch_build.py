"""Build a data/training/part-X.jsonl from the hand-written batches of a src_X/ folder.

Shared by src_k, src_n and src_o: each build.py there only names its part, its seed and its
folder (``build(here, letter, seed)``).

Line format of the NN_*.txt batches (blank lines and lines starting with # are skipped):

    LABELS | CTX | TEXT

LABELS: N (compliant) or codes joined by "+":
    C critique-milieu, F confidentiel, I identite, H harcelement, R renseignements, G image,
    P porte-parole, M marque, A page, T temps, W reseau.
CTX: space-separated tokens
    off     personal account, off shift (the default when no time token is given)
    brk     on shift, on break, no children, personal device unless devcpe
    shift   on shift, not on break (-> 5.vii.temps)
    kids    on shift, children present (-> 5.vii.temps)
    devcpe  the CPE's device (-> 5.vii.temps unless official and mandated)
    offi    the CPE's official account, mandated member of the direction
    offinm  the CPE's official account, NOT mandated (role from r=)
    r=ROLE  author_role, "_" for spaces (default: a educator role drawn at random)
    mo=MM   month of the post (for seasonal texts)
    h=HH    hour of the post (for texts that say when they were written)
    m=kind:faces:consented:logo   one media item (photo/video), may repeat

5.vii.temps and 5.ii.image are decided by the context (see spec/rules.md): the build checks
that the labels agree with the generated context, that a logo in the media of a non-official
post carries 5.v.marque, that mandated official posts carry neither 5.iv.porte-parole nor
5.vii.temps, and that every 5.iii.identite post names its author_role explicitly.
The build is reproducible (fixed seed) and validates every post before writing.
"""

from __future__ import annotations

import glob
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta

TRAINING = os.path.dirname(os.path.abspath(__file__))

CODES = {
    "C": "5.ii.critique-milieu",
    "F": "5.v.confidentiel",
    "I": "5.iii.identite",
    "H": "5.vi.harcelement",
    "R": "5.ii.renseignements",
    "G": "5.ii.image",
    "P": "5.iv.porte-parole",
    "M": "5.v.marque",
    "A": "5.v.page",
    "T": "5.vii.temps",
    "W": "5.v.reseau",
}
VALID = set(CODES.values())
DIRECTION = ["directrice générale", "directrice générale", "directrice adjointe"]
DEFAULT_ROLES = ["éducatrice"] * 7 + ["aide-éducatrice", "aide-éducatrice",
                                      "éducatrice remplaçante", "éducatrice spécialisée"]
FLAGS = {"off", "brk", "shift", "kids", "devcpe", "offi", "offinm"}
FIRST_DAY = date(2025, 1, 6)
LAST_DAY = date(2026, 6, 30)


def quebec_offset(d: date) -> str:
    """Eastern time: daylight saving from the 2nd Sunday of March to the 1st Sunday of November."""
    def nth_sunday(year, month, n):
        first = date(year, month, 1)
        first_sun = first + timedelta(days=(6 - first.weekday()) % 7)
        return first_sun + timedelta(weeks=n - 1)

    start = nth_sunday(d.year, 3, 2)
    end = nth_sunday(d.year, 11, 1)
    return "-04:00" if start <= d < end else "-05:00"


def random_day(rng: random.Random, weekday: bool | None, month: int | None) -> date:
    span = (LAST_DAY - FIRST_DAY).days
    while True:
        d = FIRST_DAY + timedelta(days=rng.randint(0, span))
        if month is not None and d.month != month:
            continue
        if weekday is None or (d.weekday() < 5) == weekday:
            return d


def stamp(rng: random.Random, d: date, hour: int) -> str:
    t = datetime(d.year, d.month, d.day, hour, rng.randint(0, 59))
    return t.strftime("%Y-%m-%dT%H:%M:00") + quebec_offset(d)


def parse_media(tok: str) -> dict:
    kind, faces, consented, logo = tok[2:].split(":")
    assert kind in ("photo", "video"), tok
    assert int(consented) <= int(faces), tok
    return {"kind": kind, "faces": int(faces), "consented_faces": int(consented),
            "logo": logo == "1"}


def make_context(rng: random.Random, tokens: list[str]) -> tuple[dict, bool]:
    flags = {t for t in tokens if "=" not in t}
    unknown = flags - FLAGS
    assert not unknown, unknown
    role = None
    month = None
    hour = None
    media = []
    for t in tokens:
        if t.startswith("r="):
            role = t[2:].replace("_", " ")
        elif t.startswith("mo="):
            month = int(t[3:])
        elif t.startswith("h="):
            hour = int(t[2:])
        elif t.startswith("m="):
            media.append(parse_media(t))
        elif "=" in t:
            raise AssertionError(f"unknown token {t}")
    explicit_role = role is not None
    ctx: dict = {}
    if "offi" in flags:
        d = random_day(rng, True, month)
        ctx = {"posted_at": stamp(rng, d, hour or rng.randint(8, 16)), "account": "officiel",
               "device": rng.choice(["cpe", "cpe", "personnel"]), "on_shift": True,
               "on_break": False, "children_present": False,
               "author_role": role or rng.choice(DIRECTION), "mandated": True}
    else:
        account = "officiel" if "offinm" in flags else "personnel"
        device = "cpe" if "devcpe" in flags else "personnel"
        if "kids" in flags:
            d = random_day(rng, True, month)
            on_break = rng.random() < 0.2  # a "break" taken with the children still there
            ctx = {"posted_at": stamp(rng, d, hour or rng.choice([8, 9, 10, 11, 13, 13, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": on_break, "children_present": True}
        elif "shift" in flags:
            d = random_day(rng, True, month)
            ctx = {"posted_at": stamp(rng, d, hour or rng.choice([7, 8, 9, 10, 11, 14, 15, 16, 17])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": False, "children_present": False}
        elif "brk" in flags:
            d = random_day(rng, True, month)
            ctx = {"posted_at": stamp(rng, d, hour or rng.choice([10, 11, 12, 12, 13, 15])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": True, "children_present": False}
        else:  # off shift: evening, early morning or weekend
            if hour is not None:
                d = random_day(rng, True, month)
            elif rng.random() < 0.35:
                d = random_day(rng, False, month)
                hour = rng.randint(8, 23)
            else:
                d = random_day(rng, True, month)
                hour = rng.choice([5, 6, 6, 18, 19, 20, 20, 21, 21, 22, 23, 0])
            ctx = {"posted_at": stamp(rng, d, hour), "account": account, "device": device}
            r = rng.random()
            if r < 0.6:
                ctx["on_shift"] = False
            elif r < 0.85:
                ctx.update(on_shift=False, on_break=False, children_present=False)
            # else: the shift fields are left out (every context field is optional)
        ctx["author_role"] = role or rng.choice(DEFAULT_ROLES)
        ctx["mandated"] = False
    if media:
        ctx["media"] = media
    return ctx, explicit_role


def temps_expected(ctx: dict) -> bool:
    if ctx.get("account") == "officiel" and ctx.get("mandated"):
        return False
    return (ctx.get("device") == "cpe" or bool(ctx.get("children_present"))
            or (bool(ctx.get("on_shift")) and not ctx.get("on_break")))


def norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", t).strip()


def build(here: str, letter: str, seed: int, out_dir: str = TRAINING) -> int:
    """Build ``part-<letter>.jsonl`` from the NN_*.txt batches of the folder ``here``.

    ``out_dir`` is data/training by default; a hold-out set passes data/holdout. Texts are
    checked for duplicates against every file of both folders.
    """
    name = f"part-{letter}.jsonl"
    out = os.path.join(out_dir, name)
    rng = random.Random(seed)
    rows = []
    errors = []
    for path in sorted(glob.glob(os.path.join(here, "[0-9][0-9]_*.txt"))):
        for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ", 2)]
            where = f"{os.path.basename(path)}:{lineno}"
            if len(parts) < 3 or not parts[2]:
                errors.append(f"{where}: malformed line")
                continue
            codes, ctxspec, text = parts
            if codes == "N":
                labels = []
            else:
                try:
                    labels = sorted({CODES[c] for c in codes.split("+")})
                except KeyError as exc:
                    errors.append(f"{where}: unknown code {exc}")
                    continue
            try:
                ctx, explicit_role = make_context(rng, ctxspec.split())
            except (AssertionError, ValueError) as exc:
                errors.append(f"{where}: bad context {ctxspec!r}: {exc}")
                continue
            # Context consistency: 5.vii.temps, 5.ii.image and the logo follow the context.
            if temps_expected(ctx) != ("5.vii.temps" in labels):
                errors.append(f"{where}: 5.vii.temps label does not match the context {ctx}")
            image = any(m["faces"] > m["consented_faces"] for m in ctx.get("media", []))
            if image != ("5.ii.image" in labels):
                errors.append(f"{where}: 5.ii.image label does not match the media")
            logo = any(m["logo"] for m in ctx.get("media", []))
            official = ctx.get("account") == "officiel" and ctx.get("mandated")
            if logo and not official and "5.v.marque" not in labels:
                errors.append(f"{where}: logo in media without 5.v.marque")
            if official and ({"5.iv.porte-parole", "5.vii.temps"} & set(labels)):
                errors.append(f"{where}: mandated official post labelled porte-parole/temps")
            if "5.iii.identite" in labels and (not explicit_role or official):
                errors.append(f"{where}: identity post needs an explicit r= and no mandate")
            if "5.vi.harcelement" in labels and "5.ii.critique-milieu" in labels:
                errors.append(f"{where}: harcelement and critique-milieu together (rules.md)")
            rows.append({"text": text, "context": ctx, "labels": labels, "_where": where})
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row["id"] = f"p{letter}{i:04d}"

    # Duplicates: inside this part, and against every other training file.
    seen: dict[str, str] = {}
    for row in rows:
        key = norm(row["text"])
        if key in seen:
            errors.append(f"duplicate text: {row['_where']} and {seen[key]}")
        seen[key] = row["_where"]
    holdout = os.path.join(os.path.dirname(TRAINING), "holdout")
    others = [p for d in (TRAINING, holdout) for p in glob.glob(os.path.join(d, "*.jsonl"))
              if os.path.abspath(p) != os.path.abspath(out)]
    for path in others:
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            key = norm(json.loads(line).get("text", ""))
            if key in seen:
                errors.append(f"text of {seen[key]} already in {os.path.basename(path)}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1

    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            obj = {"id": row["id"], "text": row["text"], "context": row["context"],
                   "labels": row["labels"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    os.replace(tmp, out)

    # Re-read and validate what was written.
    ids = set()
    counts: Counter = Counter()
    multi = 0
    n = 0
    for line in open(out, encoding="utf-8"):
        obj = json.loads(line)
        n += 1
        assert obj["id"] not in ids
        ids.add(obj["id"])
        assert set(obj["labels"]) <= VALID, obj["labels"]
        assert isinstance(obj["text"], str) and obj["text"].strip()
        counts.update(obj["labels"] or ["(conforme)"])
        multi += len(obj["labels"]) > 1
    print(f"{n} posts written to {os.path.relpath(out, os.getcwd())}")
    for label, c in sorted(counts.items()):
        print(f"  {label:24s} {c}")
    print(f"  multi-label posts        {multi}")
    return check_with_engine(out)


def check_with_engine(out: str) -> int:
    """Load every context with the engine's Context.from_dict (needs the project's venv)."""
    sys.path.insert(0, os.path.dirname(os.path.dirname(TRAINING)))
    try:
        from balise.engine.types import Context
    except ImportError as exc:  # system python without the project's dependencies
        print(f"(engine check skipped: {exc}; run with .venv/bin/python to include it)")
        return 0
    problems = []
    for line in open(out, encoding="utf-8"):
        obj = json.loads(line)
        warnings: list[str] = []
        try:
            Context.from_dict(obj["context"], warnings)
        except Exception as exc:  # noqa: BLE001 - report every malformed context
            problems.append(f"{obj['id']}: {exc}")
        problems.extend(f"{obj['id']}: {w}" for w in warnings)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print("engine check: every context loads with Context.from_dict, no warnings")
    return 0

