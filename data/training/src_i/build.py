"""Build data/training/part-i.jsonl from the hand-written batches in this folder.

Line format of the NN_*.txt batches (blank lines and lines starting with # are skipped):

    LABELS | CTX | TEXT [| m=kind:faces:consented:logo ...]

LABELS: N (compliant) or codes joined by "+":
    C critique-milieu, F confidentiel, I identite, H harcelement, R renseignements, G image,
    P porte-parole, M marque, A page, T temps, W reseau.
CTX: space-separated tokens
    off     personal account, off shift (default)
    brk     on shift, on break, no children
    shift   on shift, not on break (-> 5.vii.temps)
    kids    on shift, children present (-> 5.vii.temps)
    devcpe  the CPE's device (-> 5.vii.temps unless official and mandated)
    offi    the CPE's official account, mandated member of the direction
    offinm  the CPE's official account, NOT mandated (role from r=)
    r=ROLE  author_role, "_" for spaces
    m=...   media item (also accepted as a trailing "| m=..." field)

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

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
OUT = os.path.join(TRAINING, "part-i.jsonl")
SEED = 20260412

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


def quebec_offset(d: date) -> str:
    """Eastern time: daylight saving from the 2nd Sunday of March to the 1st Sunday of November."""
    def nth_sunday(year, month, n):
        first = date(year, month, 1)
        first_sun = first + timedelta(days=(6 - first.weekday()) % 7)
        return first_sun + timedelta(weeks=n - 1)

    start = nth_sunday(d.year, 3, 2)
    end = nth_sunday(d.year, 11, 1)
    return "-04:00" if start <= d < end else "-05:00"


def random_day(rng: random.Random, weekday: bool | None) -> date:
    while True:
        d = date(2025, 1, 1) + timedelta(days=rng.randint(0, 560))
        if weekday is None or (d.weekday() < 5) == weekday:
            return d


def stamp(rng: random.Random, d: date, hour: int) -> str:
    t = datetime(d.year, d.month, d.day, hour, rng.randint(0, 59))
    return t.strftime("%Y-%m-%dT%H:%M:00") + quebec_offset(d)


def parse_media(tok: str) -> dict:
    kind, faces, consented, logo = tok[2:].split(":")
    assert kind in ("photo", "video"), tok
    return {"kind": kind, "faces": int(faces), "consented_faces": int(consented),
            "logo": logo == "1"}


def make_context(rng: random.Random, tokens: list[str]) -> dict:
    flags = {t for t in tokens if "=" not in t}
    unknown = flags - {"off", "brk", "shift", "kids", "devcpe", "offi", "offinm"}
    assert not unknown, unknown
    role = None
    media = []
    for t in tokens:
        if t.startswith("r="):
            role = t[2:].replace("_", " ")
        elif t.startswith("m="):
            media.append(parse_media(t))
    ctx: dict = {}
    if "offi" in flags:
        d = random_day(rng, True)
        ctx = {"posted_at": stamp(rng, d, rng.randint(8, 16)), "account": "officiel",
               "device": rng.choice(["cpe", "personnel"]), "on_shift": True, "on_break": False,
               "children_present": False, "author_role": rng.choice(DIRECTION), "mandated": True}
    else:
        account = "officiel" if "offinm" in flags else "personnel"
        device = "cpe" if "devcpe" in flags else "personnel"
        if "kids" in flags:
            d = random_day(rng, True)
            on_break = rng.random() < 0.25  # a break taken with the children still there
            ctx = {"posted_at": stamp(rng, d, rng.choice([8, 9, 10, 11, 13, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": on_break, "children_present": True}
        elif "shift" in flags:
            d = random_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([7, 8, 9, 10, 11, 13, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": False, "children_present": False}
        elif "brk" in flags:
            d = random_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([10, 11, 12, 12, 13, 14])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": True, "children_present": False}
        else:  # off shift: evening, early morning or weekend
            if rng.random() < 0.3:
                d = random_day(rng, False)
                hour = rng.randint(8, 22)
            else:
                d = random_day(rng, True)
                hour = rng.choice([5, 6, 18, 19, 20, 20, 21, 21, 22, 23])
            ctx = {"posted_at": stamp(rng, d, hour), "account": account, "device": device}
            r = rng.random()
            if r < 0.75:
                ctx["on_shift"] = False
            elif r < 0.85:
                ctx["on_shift"] = False
                ctx["children_present"] = False
            # else: on_shift left out (every context field is optional)
        assert role, f"r= missing: {tokens}"
        ctx["author_role"] = role
        ctx["mandated"] = False
    if media:
        ctx["media"] = media
    return ctx


def temps_expected(ctx: dict) -> bool:
    if ctx.get("account") == "officiel" and ctx.get("mandated"):
        return False
    return (ctx.get("device") == "cpe" or bool(ctx.get("children_present"))
            or (bool(ctx.get("on_shift")) and not ctx.get("on_break")))


def norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", t).strip()


def main() -> int:
    rng = random.Random(SEED)
    rows = []
    errors = []
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt"))):
        for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" | ", 2)]
            where = f"{os.path.basename(path)}:{lineno}"
            if len(parts) < 3:
                errors.append(f"{where}: malformed line")
                continue
            codes, ctxspec, text = parts
            extra = []
            while " | m=" in text:  # trailing media fields; a text may itself contain " | "
                text, _, media = text.rpartition(" | ")
                extra.insert(0, media.strip())
            tokens = ctxspec.split()
            for e in extra:
                assert e.startswith("m="), f"{where}: bad trailing field {e!r}"
                tokens.extend(e.split())
            if codes == "N":
                labels = []
            else:
                try:
                    labels = sorted({CODES[c] for c in codes.split("+")})
                except KeyError as exc:
                    errors.append(f"{where}: unknown code {exc}")
                    continue
            ctx = make_context(rng, tokens)
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
            rows.append({"text": text, "context": ctx, "labels": labels, "_where": where})
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row["id"] = f"pi{i:04d}"

    # Duplicates: inside part I, and against every other training file.
    seen: dict[str, str] = {}
    for row in rows:
        key = norm(row["text"])
        if key in seen:
            errors.append(f"duplicate text: {row['_where']} and {seen[key]}")
        seen[key] = row["_where"]
    others = [p for p in glob.glob(os.path.join(TRAINING, "*.jsonl"))
              if os.path.basename(p) != "part-i.jsonl"]
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

    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            obj = {"id": row["id"], "text": row["text"], "context": row["context"],
                   "labels": row["labels"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    os.replace(tmp, OUT)

    # Re-read and validate what was written.
    ids = set()
    counts: Counter = Counter()
    multi = 0
    n = 0
    for line in open(OUT, encoding="utf-8"):
        obj = json.loads(line)
        n += 1
        assert obj["id"] not in ids
        ids.add(obj["id"])
        assert set(obj["labels"]) <= VALID, obj["labels"]
        assert isinstance(obj["text"], str) and obj["text"].strip()
        counts.update(obj["labels"] or ["(conforme)"])
        multi += len(obj["labels"]) > 1
    print(f"{n} posts written to {os.path.relpath(OUT, os.getcwd())}")
    for label, c in sorted(counts.items()):
        print(f"  {label:24s} {c}")
    print(f"  multi-label posts        {multi}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
