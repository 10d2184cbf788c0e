"""Build ../part-l.jsonl from the hand-written src_l/NN_*.txt batches (CPE Les Quenouilles, org-l.yaml).

The writers are the people around the classrooms: office, kitchen, maintenance, pedagogical
advisor, board, union delegate, agency worker, freelancers, contractors, consultant, intern.

Line format of the batches (blank lines and lines starting with # are skipped):

    LABELS | CTX | TEXT [| m=kind:faces:consented:logo ...]

LABELS: N (compliant) or codes joined by "+":
    C critique-milieu   F confidentiel   I identite     H harcelement   R renseignements
    G image             P porte-parole   M marque       A page          T temps
    W reseau
CTX: space-separated tokens, exactly one role token ROLE (see ROLES) unless offi:
    off     personal account, off shift (default)
    brk     on shift / on site, on break, no children, own device
    shift   on shift, not on break                    (-> 5.vii.temps)
    kids    on shift, children present                (-> 5.vii.temps)
    devcpe  the CPE's device                          (-> 5.vii.temps unless offi)
    offi    the CPE's official account, mandated member of the direction
    offinm  the CPE's official account, NOT mandated (role from the role token)
    ROLE    a key of ROLES, or r=free_text_with_underscores
    m=...   media item kind:faces:consented_faces:logo(0/1) (also as trailing "| m=..." fields)

5.vii.temps and 5.ii.image are decided by the context only; the build refuses any line whose
labels disagree with the context it generates. Reproducible: fixed SEED.

Run: cd data/training/src_l && python3 build.py
"""

from __future__ import annotations

import glob
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date, datetime, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(TRAINING))
OUT = os.path.join(TRAINING, "part-l.jsonl")
PREFIX = "pl"
SEED = 20260519

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
ROLES = {
    "adm": "adjointe administrative",
    "cpt": "comptable",
    "cui": "cuisinier",
    "ent": "préposé à l'entretien",
    "cp": "conseillère pédagogique",
    "ca": "membre du CA",
    "pca": "présidente du CA",
    "syn": "déléguée syndicale",
    "agc": "employée d'agence",
    "pho": "travailleur autonome",
    "ti": "consultant",
    "ren": "sous-traitant",
    "ort": "consultante",
    "stg": "stagiaire",
    "edu": "éducatrice",
}
#: Board members and outside freelancers have no shift at the CPE outside their mandate.
DIRECTION = ["directrice générale", "directrice générale", "directrice adjointe"]
FLAGS = {"off", "brk", "shift", "kids", "devcpe", "offi", "offinm"}


def quebec_offset(d: date) -> str:
    """Eastern time: daylight saving from the 2nd Sunday of March to the 1st Sunday of November."""

    def nth_sunday(year: int, month: int, n: int) -> date:
        first = date(year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7) + timedelta(weeks=n - 1)

    return "-04:00" if nth_sunday(d.year, 3, 2) <= d < nth_sunday(d.year, 11, 1) else "-05:00"


def random_day(rng: random.Random, weekday: bool | None) -> date:
    while True:
        d = date(2025, 2, 1) + timedelta(days=rng.randint(0, 520))
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


def make_context(rng: random.Random, tokens: list[str]) -> dict:
    flags, role, media = set(), None, []
    for t in tokens:
        if t.startswith("m="):
            media.append(parse_media(t))
        elif t.startswith("r="):
            role = t[2:].replace("_", " ")
        elif t in ROLES:
            assert role is None, f"two roles: {tokens}"
            role = ROLES[t]
        elif t in FLAGS:
            flags.add(t)
        else:
            raise AssertionError(f"unknown token {t!r}")
    if "offi" in flags:
        d = random_day(rng, True)
        ctx = {"posted_at": stamp(rng, d, rng.randint(8, 16)), "account": "officiel",
               "device": rng.choice(["cpe", "personnel"]), "on_shift": True, "on_break": False,
               "children_present": False, "author_role": role or rng.choice(DIRECTION),
               "mandated": True}
        assert ctx["author_role"] in ("directrice générale", "directrice adjointe"), tokens
    else:
        account = "officiel" if "offinm" in flags else "personnel"
        device = "cpe" if "devcpe" in flags else "personnel"
        if "kids" in flags:
            d = random_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([8, 9, 10, 11, 13, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": rng.random() < 0.2, "children_present": True}
        elif "shift" in flags:
            d = random_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([7, 8, 9, 10, 11, 13, 14, 15, 16])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": False, "children_present": False}
        elif "brk" in flags:
            d = random_day(rng, True)
            ctx = {"posted_at": stamp(rng, d, rng.choice([9, 10, 11, 12, 12, 13, 14, 15])),
                   "account": account, "device": device, "on_shift": True,
                   "on_break": True, "children_present": False}
        else:  # off: evening, early morning or weekend
            if rng.random() < 0.3:
                d = random_day(rng, False)
                hour = rng.randint(8, 22)
            else:
                d = random_day(rng, True)
                hour = rng.choice([5, 6, 6, 17, 18, 19, 20, 20, 21, 21, 22, 23])
            ctx = {"posted_at": stamp(rng, d, hour), "account": account, "device": device}
            r = rng.random()
            if r < 0.7:
                ctx["on_shift"] = False
            elif r < 0.85:
                ctx.update(on_shift=False, on_break=False, children_present=False)
            # else: on_shift left out (every context field is optional)
        assert role, f"role missing: {tokens}"
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


def read_batches(rng: random.Random) -> tuple[list[dict], list[str]]:
    rows, errors = [], []
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.txt"))):
        for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = f"{os.path.basename(path)}:{lineno}"
            parts = [p.strip() for p in line.split(" | ", 2)]
            if len(parts) < 3 or not parts[2]:
                errors.append(f"{where}: malformed line")
                continue
            codes, ctxspec, text = parts
            extra = []
            while " | m=" in text:  # trailing media fields; a text may itself contain " | "
                text, _, media = text.rpartition(" | ")
                extra.insert(0, media.strip())
            tokens = ctxspec.split()
            for e in extra:
                tokens.extend(e.split())
            if codes == "N":
                labels = []
            else:
                try:
                    labels = sorted({CODES[c] for c in codes.split("+")})
                except KeyError as exc:
                    errors.append(f"{where}: unknown code {exc}")
                    continue
            try:
                ctx = make_context(rng, tokens)
            except AssertionError as exc:
                errors.append(f"{where}: {exc}")
                continue
            lab = set(labels)
            if temps_expected(ctx) != ("5.vii.temps" in lab):
                errors.append(f"{where}: 5.vii.temps label does not match the context {ctx}")
            image = any(m["faces"] > m["consented_faces"] for m in ctx.get("media", []))
            if image != ("5.ii.image" in lab):
                errors.append(f"{where}: 5.ii.image label does not match the media")
            official = ctx.get("account") == "officiel" and ctx.get("mandated")
            if any(m["logo"] for m in ctx.get("media", [])) and not official \
                    and "5.v.marque" not in lab:
                errors.append(f"{where}: logo in media without 5.v.marque")
            if official and lab & {"5.iv.porte-parole", "5.vii.temps", "5.iii.identite"}:
                errors.append(f"{where}: mandated official post labelled porte-parole/temps/identite")
            if ctx.get("account") == "officiel" and not official \
                    and "5.iv.porte-parole" not in lab:
                errors.append(f"{where}: unmandated post on the official account without 5.iv")
            if "5.vi.harcelement" in lab and "5.ii.critique-milieu" in lab:
                errors.append(f"{where}: harcelement and critique-milieu together (rules.md)")
            if "5.v.reseau" in lab and ctx.get("device") == "cpe" and "5.vii.temps" not in lab:
                errors.append(f"{where}: download on the CPE's device without 5.vii.temps")
            rows.append({"text": text, "context": ctx, "labels": labels, "_where": where})
    return rows, errors


def validate_with_engine() -> int:
    """Load every context with balise.engine's Context.from_dict; any warning is an error."""
    from balise.engine import Context  # noqa: PLC0415

    bad = 0
    for n, line in enumerate(open(OUT, encoding="utf-8"), 1):
        obj = json.loads(line)
        warnings: list[str] = []
        Context.from_dict(obj["context"], warnings)
        if warnings:
            bad += 1
            print(f"part-l.jsonl:{n}: {warnings}", file=sys.stderr)
    print(f"Context.from_dict: {n} contexts loaded, {bad} with warnings")
    return 1 if bad else 0


def main() -> int:
    if "--engine-check" in sys.argv:
        sys.path.insert(0, REPO)
        return validate_with_engine()
    rng = random.Random(SEED)
    rows, errors = read_batches(rng)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row["id"] = f"{PREFIX}{i:04d}"

    # Duplicates: inside part L, and against every other training file.
    seen: dict[str, str] = {}
    for row in rows:
        key = norm(row["text"])
        if key in seen:
            errors.append(f"duplicate text: {row['_where']} and {seen[key]}")
        seen[key] = row["_where"]
    for path in sorted(glob.glob(os.path.join(TRAINING, "*.jsonl"))):
        if os.path.basename(path) == os.path.basename(OUT):
            continue
        for line in open(path, encoding="utf-8", errors="replace"):
            if not line.strip():
                continue
            try:
                key = norm(json.loads(line).get("text", ""))
            except (ValueError, AttributeError):
                continue
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
    ids, texts = set(), set()
    counts: Counter = Counter()
    roles: Counter = Counter()
    multi = n = english = 0
    for line in open(OUT, encoding="utf-8"):
        obj = json.loads(line)
        n += 1
        assert obj["id"] not in ids, obj["id"]
        ids.add(obj["id"])
        assert set(obj["labels"]) <= VALID, obj["labels"]
        assert obj["labels"] == sorted(set(obj["labels"])), obj["labels"]
        assert isinstance(obj["text"], str) and obj["text"].strip()
        assert norm(obj["text"]) not in texts
        texts.add(norm(obj["text"]))
        counts.update(obj["labels"] or ["(conforme)"])
        roles[obj["context"]["author_role"]] += 1
        multi += len(obj["labels"]) > 1
        english += bool(re.search(r"\b(the|and|my|our|with|you|is|for)\b", obj["text"]))
    print(f"{n} posts written to {os.path.relpath(OUT, os.getcwd())}")
    for label, c in sorted(counts.items()):
        print(f"  {label:24s} {c}")
    print(f"  multi-label posts        {multi}")
    print(f"  English (approx.)        {english}")
    print("  roles: " + ", ".join(f"{r} {c}" for r, c in roles.most_common()))

    # Every context must load in the engine without warnings (needs the project's venv).
    venv = os.path.join(REPO, ".venv", "bin", "python")
    try:
        sys.path.insert(0, REPO)
        import balise.engine  # noqa: F401, PLC0415
        return validate_with_engine()
    except ImportError:
        if not os.path.exists(venv):
            print("warning: no .venv, contexts not checked with Context.from_dict", file=sys.stderr)
            return 1
        return subprocess.call([venv, os.path.abspath(__file__), "--engine-check"])


if __name__ == "__main__":
    sys.exit(main())
