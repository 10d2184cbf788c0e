"""Build data/training/part-j.jsonl from the hand-written batches in this folder.

Part J: staff of CPE La Courtepointe (Côte-des-Neiges / Parc-Extension / NDG, Montréal),
a multicultural team writing in French, English and franglais (org profile: ../org-j.yaml).

Line format of the NN_*.txt batches (blank lines and lines starting with # are skipped):

    LABELS | CTX | TEXT [| m=... ...]

LABELS: "-" (compliant) or one-letter codes joined by "+":
    C critique-milieu   F confidentiel   I identite      H harcelement
    R renseignements    G image          P porte-parole  M marque
    A page              T temps          W reseau
CTX: space-separated tokens, the first one saying when/where the post was written:
    soir    personal account, off shift: evening, early morning or weekend (default)
    pause   on shift, on break, no children around
    job     on shift, not on break, no children around      (-> 5.vii.temps)
    kids    on shift, children present                      (-> 5.vii.temps)
    cpe     add: the CPE's device                           (-> 5.vii.temps)
    offi    the official account, mandated member of the direction (no role needed)
    offnm   the official account, not mandated (role from r=)
    r=ROLE  author_role, "_" for spaces
    m=kind:faces:consented:logo   a media item (photo|video), may repeat; media tokens may
                                  also come in trailing "| m=..." fields after the text

5.vii.temps and 5.ii.image are decided by the context alone: the build refuses a line whose
labels disagree with the context it generates. The seed is fixed, so the output is reproducible.
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
OUT_NAME = "part-j.jsonl"
OUT = os.path.join(TRAINING, OUT_NAME)
PREFIX = "pj"
SEED = 20260514

CODES = {
    "C": "5.ii.critique-milieu", "F": "5.v.confidentiel", "I": "5.iii.identite",
    "H": "5.vi.harcelement", "R": "5.ii.renseignements", "G": "5.ii.image",
    "P": "5.iv.porte-parole", "M": "5.v.marque", "A": "5.v.page", "T": "5.vii.temps",
    "W": "5.v.reseau",
}
VALID = set(CODES.values())
WHEN = {"soir", "pause", "job", "kids", "offi", "offnm"}
FLAGS = WHEN | {"cpe"}
DIRECTION = ["directrice générale", "directrice générale", "directrice adjointe"]


def nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7, weeks=n - 1)


def quebec_offset(d: date) -> str:
    """Eastern time: EDT from the 2nd Sunday of March to the 1st Sunday of November."""
    return "-04:00" if nth_sunday(d.year, 3, 2) <= d < nth_sunday(d.year, 11, 1) else "-05:00"


def pick_day(rng: random.Random, weekday: bool | None) -> date:
    while True:
        d = date(2025, 2, 1) + timedelta(days=rng.randint(0, 540))
        if weekday is None or (d.weekday() < 5) == weekday:
            return d


def stamp(rng: random.Random, d: date, hour: int) -> str:
    t = datetime(d.year, d.month, d.day, hour, rng.randint(0, 59))
    return t.strftime("%Y-%m-%dT%H:%M:00") + quebec_offset(d)


def media_item(tok: str) -> dict:
    kind, faces, consented, logo = tok[2:].split(":")
    if kind not in ("photo", "video") or int(consented) > int(faces):
        raise ValueError(f"bad media token {tok!r}")
    return {"kind": kind, "faces": int(faces), "consented_faces": int(consented),
            "logo": logo == "1"}


def build_context(rng: random.Random, tokens: list[str]) -> dict:
    flags = {t for t in tokens if "=" not in t}
    if flags - FLAGS:
        raise ValueError(f"unknown context tokens {sorted(flags - FLAGS)}")
    when = flags & WHEN or {"soir"}
    if len(when) != 1:
        raise ValueError(f"several time tokens {sorted(when)}")
    when = when.pop()
    role = next((t[2:].replace("_", " ") for t in tokens if t.startswith("r=")), None)
    media = [media_item(t) for t in tokens if t.startswith("m=")]
    device = "cpe" if "cpe" in flags else "personnel"

    if when == "offi":
        d = pick_day(rng, True)
        ctx = {"posted_at": stamp(rng, d, rng.randint(8, 16)), "account": "officiel",
               "device": rng.choice(["cpe", "cpe", "personnel"]), "on_shift": True,
               "on_break": False, "children_present": False,
               "author_role": role or rng.choice(DIRECTION), "mandated": True}
    else:
        if role is None:
            raise ValueError("r= is required outside offi")
        account = "officiel" if when == "offnm" else "personnel"
        if when == "kids":
            d = pick_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([8, 9, 10, 11, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": rng.random() < 0.2, "children_present": True}
        elif when in ("job", "offnm"):
            d = pick_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([7, 9, 10, 11, 13, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": False, "children_present": False}
        elif when == "pause":
            d = pick_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([10, 11, 12, 12, 13, 13, 14])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": True, "children_present": False}
        else:  # soir: evening, early morning or weekend, never on shift
            if rng.random() < 0.35:
                d, hour = pick_day(rng, False), rng.randint(8, 23)
            else:
                d, hour = pick_day(rng, True), rng.choice([5, 6, 6, 18, 19, 20, 20, 21, 22, 23])
            ctx = {"posted_at": stamp(rng, d, hour), "account": account, "device": device}
            r = rng.random()
            if r < 0.7:
                ctx["on_shift"] = False
            elif r < 0.85:
                ctx.update(on_shift=False, on_break=False, children_present=False)
            # else: shift fields left out (every context field is optional)
        ctx["author_role"] = role
        ctx["mandated"] = False
    if media:
        ctx["media"] = media
    return ctx


def temps_expected(ctx: dict) -> bool:
    """5.vii.temps exactly as rules.md defines it from the context."""
    if ctx.get("account") == "officiel" and ctx.get("mandated"):
        return False
    return (ctx.get("device") == "cpe" or bool(ctx.get("children_present"))
            or (bool(ctx.get("on_shift")) and not ctx.get("on_break")))


def image_expected(ctx: dict) -> bool:
    return any(m["faces"] > m["consented_faces"] for m in ctx.get("media", []))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).casefold()).strip()


def read_batches(rng: random.Random) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt"))):
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                where = f"{os.path.basename(path)}:{lineno}"
                parts = line.split(" | ", 2)
                if len(parts) != 3:
                    errors.append(f"{where}: expected 'LABELS | CTX | TEXT'")
                    continue
                codes, spec, text = (p.strip() for p in parts)
                while re.search(r" \| m=\S+(?: m=\S+)*$", text):  # trailing media fields
                    text, _, media = text.rpartition(" | ")
                    spec += " " + media.strip()
                    text = text.strip()
                try:
                    labels = [] if codes == "-" else sorted({CODES[c] for c in codes.split("+")})
                    ctx = build_context(rng, spec.split())
                except (KeyError, ValueError) as exc:
                    errors.append(f"{where}: {exc!r}")
                    continue
                if not text:
                    errors.append(f"{where}: empty text")
                    continue
                if temps_expected(ctx) != ("5.vii.temps" in labels):
                    errors.append(f"{where}: 5.vii.temps disagrees with context {ctx}")
                if image_expected(ctx) != ("5.ii.image" in labels):
                    errors.append(f"{where}: 5.ii.image disagrees with media {ctx.get('media')}")
                official = ctx.get("account") == "officiel" and ctx.get("mandated")
                if any(m["logo"] for m in ctx.get("media", [])) and not official \
                        and "5.v.marque" not in labels:
                    errors.append(f"{where}: logo in a personal post without 5.v.marque")
                if official and {"5.iv.porte-parole", "5.vii.temps"} & set(labels):
                    errors.append(f"{where}: mandated official post labelled porte-parole/temps")
                if official and ctx["author_role"] not in DIRECTION:
                    errors.append(f"{where}: mandated official post by {ctx['author_role']}")
                if "5.vi.harcelement" in labels and "5.ii.critique-milieu" in labels:
                    errors.append(f"{where}: an attack is harcelement alone, not also critique")
                rows.append({"text": text, "context": ctx, "labels": labels, "_where": where})
    return rows, errors


def main() -> int:
    rng = random.Random(SEED)
    rows, errors = read_batches(rng)
    seen: dict[str, str] = {}
    for row in rows:
        key = norm(row["text"])
        if key in seen:
            errors.append(f"duplicate text: {row['_where']} and {seen[key]}")
        seen[key] = row["_where"]
    for path in sorted(glob.glob(os.path.join(TRAINING, "*.jsonl"))):
        if os.path.basename(path) == OUT_NAME:
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    key = norm(json.loads(line).get("text", ""))
                    if key in seen:
                        errors.append(f"{seen[key]}: text already in {os.path.basename(path)}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1

    rng.shuffle(rows)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            obj = {"id": f"{PREFIX}{i:04d}", "text": row["text"], "context": row["context"],
                   "labels": row["labels"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    os.replace(tmp, OUT)

    # Re-read what was written.
    ids, counts, multi, n = set(), Counter(), 0, 0
    with open(OUT, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            n += 1
            assert obj["id"] not in ids, obj["id"]
            ids.add(obj["id"])
            assert set(obj["labels"]) <= VALID, obj["labels"]
            assert obj["labels"] == sorted(set(obj["labels"]))
            counts.update(obj["labels"] or ["(conforme)"])
            multi += len(obj["labels"]) > 1
    print(f"{n} posts written to {os.path.relpath(OUT)}")
    for label, c in sorted(counts.items()):
        print(f"  {label:24s} {c}")
    print(f"  {'multi-label posts':24s} {multi}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
