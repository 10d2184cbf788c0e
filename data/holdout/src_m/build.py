#!/usr/bin/env python3
"""Build data/holdout/part-m.jsonl from src_m/*.txt.

Each non-blank, non-# line of a .txt file is:
    LABELS | CTX | ROLE | MEDIA | text
LABELS: '-' or comma-separated short codes (see LAB).
CTX:    off | brk | shift | kids | brkkids | cpe | cpeoff | offi | offinm
ROLE:   short code (see ROLES) or '-' for a random educator role.
MEDIA:  '-' or ';'-separated items like p3/1 (photo, 3 faces, 1 consented), v2/2, p0/0L (L = logo).
"""
import json, random, sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "part-m.jsonl"
TZ = ZoneInfo("America/Toronto")  # same rules as Montréal / Sherbrooke
rng = random.Random(20260517)

LAB = {
    "ren": "5.ii.renseignements", "img": "5.ii.image", "crit": "5.ii.critique-milieu",
    "id": "5.iii.identite", "pp": "5.iv.porte-parole", "conf": "5.v.confidentiel",
    "marq": "5.v.marque", "page": "5.v.page", "res": "5.v.reseau",
    "har": "5.vi.harcelement", "tps": "5.vii.temps",
}
ORDER = list(LAB.values())
ROLES = {
    "edu": "éducatrice", "eduh": "éducateur", "spec": "éducatrice spécialisée",
    "cuis": "cuisinière", "adj": "adjointe administrative", "dg": "directrice générale",
    "da": "directrice adjointe", "entr": "préposé à l'entretien", "rempl": "éducatrice remplaçante",
    "cons": "orthophoniste (consultante)", "ti": "technicien informatique (sous-traitant)",
    "stag": "stagiaire", "cp": "conseillère pédagogique", "ca": "membre du conseil d'administration",
    "photo": "photographe (travailleur autonome)",
}
DEFAULT_ROLES = ["éducatrice"] * 6 + ["éducateur", "éducatrice remplaçante", "éducatrice spécialisée"]

START = datetime(2025, 9, 2)
DAYS = 300


def pick_time(ctx):
    while True:
        d = START + timedelta(days=rng.randrange(DAYS))
        weekend = d.weekday() >= 5
        if ctx in ("off", "offinm") or ctx == "cpeoff":
            if ctx == "cpeoff":
                if weekend:
                    continue
                h, m = rng.choice([(17, 5), (17, 40), (18, 15), (6, 20), (19, 0)])
                m += rng.randrange(0, 15)
            elif weekend:
                h, m = rng.randrange(7, 24), rng.randrange(60)
            else:
                h = rng.choice([6, 18, 19, 20, 20, 21, 21, 22, 23])
                m = rng.randrange(60)
        else:
            if weekend:
                continue
            if ctx in ("brk", "cpe", "brkkids"):
                h, m = rng.choice([(10, 0), (12, 0), (12, 30), (13, 0), (15, 0)])
                m += rng.randrange(0, 20)
            else:  # shift, kids, offi
                h, m = rng.randrange(8, 16), rng.randrange(60)
        dt = datetime(d.year, d.month, d.day, h, m, tzinfo=TZ)
        return dt.isoformat(timespec="seconds")


def context(ctx, role, media):
    c = {"posted_at": pick_time(ctx), "account": "personnel", "device": "personnel",
         "on_shift": False, "on_break": False, "children_present": False,
         "author_role": role, "mandated": False}
    if ctx == "off":
        pass
    elif ctx == "brk":
        c.update(on_shift=True, on_break=True)
    elif ctx == "shift":
        c.update(on_shift=True)
    elif ctx == "kids":
        c.update(on_shift=True, children_present=True)
    elif ctx == "brkkids":
        c.update(on_shift=True, on_break=True, children_present=True)
    elif ctx == "cpe":
        c.update(on_shift=True, on_break=True, device="cpe")
    elif ctx == "cpeoff":
        c.update(device="cpe")
    elif ctx == "offi":
        c.update(account="officiel", device="cpe", on_shift=True, mandated=True)
    elif ctx == "offinm":
        c.update(account="officiel", device="personnel")
    else:
        raise ValueError(ctx)
    if media:
        c["media"] = media
    return c


def parse_media(s):
    if s == "-":
        return []
    items = []
    for tok in s.split(";"):
        tok = tok.strip()
        kind = {"p": "photo", "v": "video"}[tok[0]]
        logo = tok.endswith("L")
        faces, cons = tok[1:].rstrip("L").split("/")
        items.append({"kind": kind, "faces": int(faces), "consented_faces": int(cons), "logo": logo})
    return items


def expect_temps(c):
    if c["account"] == "officiel" and c.get("mandated"):
        return False
    return (c["device"] == "cpe" or c["children_present"]
            or (c["on_shift"] and not c["on_break"]))


def main():
    rows, errors, seen = [], [], set()
    for f in sorted(HERE.glob("*.txt")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|", 4)]
            if len(parts) != 5:
                errors.append(f"{f.name}:{n}: bad field count"); continue
            lab, ctx, role, media, text = parts
            where = f"{f.name}:{n}"
            labels = [] if lab == "-" else [LAB[x.strip()] for x in lab.split(",")]
            if len(set(labels)) != len(labels):
                errors.append(f"{where}: duplicate label")
            labels = [l for l in ORDER if l in labels]
            role_s = rng.choice(DEFAULT_ROLES) if role == "-" else ROLES[role]
            med = parse_media(media)
            c = context(ctx, role_s, med)
            # build-time agreement checks
            if expect_temps(c) != ("5.vii.temps" in labels):
                errors.append(f"{where}: 5.vii.temps label/context mismatch")
            unconsented = any(m["faces"] > m["consented_faces"] for m in med)
            if unconsented != ("5.ii.image" in labels):
                errors.append(f"{where}: 5.ii.image label/media mismatch")
            if any(m["consented_faces"] > m["faces"] for m in med):
                errors.append(f"{where}: consented > faces")
            if c["account"] == "personnel" and any(m["logo"] for m in med) and "5.v.marque" not in labels:
                errors.append(f"{where}: logo on personal account without 5.v.marque")
            if c["mandated"] and not (c["account"] == "officiel" and role_s in ("directrice générale", "directrice adjointe")):
                errors.append(f"{where}: mandated outside official direction post")
            key = " ".join(text.lower().split())
            if key in seen:
                errors.append(f"{where}: duplicate text")
            seen.add(key)
            rows.append({"text": text, "context": c, "labels": labels})
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    rng.shuffle(rows)
    with OUT.open("w", encoding="utf-8") as out:
        for i, r in enumerate(rows, 1):
            out.write(json.dumps({"id": f"pm{i:04d}", **r}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} posts to {OUT}")


if __name__ == "__main__":
    main()
