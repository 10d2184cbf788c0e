"""Generate data/training/part-a.jsonl from hand-written posts (hand_*.txt) and templates (templ.py).

Hand files: blocks start with '## labels: a,b | ctx: kind'; every following non-empty line is one
post ('\\n' in a line becomes a newline). Slots like {E}, {Pf}, {S} are filled with names from
../org.yaml (or unknown names); the same slot in one post is the same person, {E2} another one.
"""
import glob, json, os, random, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "part-a.jsonl")
RULES = {"5.ii.renseignements", "5.ii.image", "5.ii.critique-milieu", "5.iii.identite",
         "5.iv.porte-parole", "5.v.confidentiel", "5.v.marque", "5.v.page", "5.v.reseau",
         "5.vi.harcelement", "5.vii.temps"}

org = yaml.safe_load(open(os.path.join(HERE, "..", "org.yaml"), encoding="utf-8"))
R = random.Random(20260312)

GIRLS = {"Léa", "Florence", "Zoé", "Alice", "Rosalie", "Emma-Rose", "Chloé", "Naya", "Yasmine",
         "Inès", "Minh Anh", "Kim Linh", "Valentina", "Uapukun", "Nahka", "Shanna", "Sofia"}
children = [c for c in org["roster"]["children"]]
def first(n, two=("Minh Anh", "Kim Linh", "Emma-Rose")):
    for t in two:
        if n.startswith(t):
            return t
    return n.split(" ")[0]
kids_f = [c for c in children if first(c) in GIRLS]
kids_m = [c for c in children if first(c) not in GIRLS]
UNK_KIDS_F = ["Maëlys Roy", "Charlotte Caron", "Éloïse Bergeron", "Mia Thibodeau", "Ayla Mercier",
              "Olivia Paquet", "Anaïs Lévesque", "Fatoumata Diallo", "Lina Saïdi", "Thalia Noël",
              "Camila Herrera", "Mila Harvey", "Béatrice Savard", "Nour El-Amine", "Maya Boivin"]
UNK_KIDS_M = ["Liam Tremblay", "Thomas Bélanger", "Félix Ouellet", "Arthur Poirier", "Hugo Vachon",
              "Elijah Dorvil", "Nathan Boily", "Zack Lapierre", "Ismaël Touré", "Léo Harvey",
              "Malik Cissé", "Raphaël Dion", "Eliott Savard", "Anh Khoa Dang", "Xavier Paradis"]
parents = org["roster"]["parents"]
MOMS_ROSTER = ["Stéphanie Bouchard", "Mélanie Girard", "Josée Fortin", "Véronique Larouche",
               "Widlyne Jean-Baptiste", "Nadège Joseph", "Samira Haddad", "Thi Hoa Nguyen",
               "Daniela Morales", "Sonia Bacon", "Carole Awashish", "Olena Kovalenko"]
DADS_ROSTER = [p for p in parents if p not in MOMS_ROSTER]
UNK_MOMS = ["Karine Lemieux", "Annie Desbiens", "Julie Harvey", "Cynthia Girard", "Valérie Dallaire",
            "Émilie Boudreault", "Rachida Ouali", "Marjorie Belony", "Audrey Tremblay", "Geneviève Néron"]
UNK_DADS = ["Steve Tremblay", "Maxime Côté", "Sébastien Gaudreault", "Alexandre Bilodeau",
            "Yves-Marie Charles", "Hakim Saadi", "Dany Lapointe", "Mathieu Villeneuve", "Jean-Philippe Roy"]
staff = org["roster"]["staff"]
DG = org["director_general"]
STAFF_F = [s["name"] for s in staff if s["role"] not in ("directrice générale", "éducateur")]
STAFF_M = [s["name"] for s in staff if s["role"] == "éducateur"]
UNK_STAFF_F = ["Nathalie Hudon", "Kathy Bouchard", "Marylène Gilbert", "Chantal Fortin",
               "Roseline Dorméus", "Hanane Bensaïd", "Mai Phuong Hoang", "Gabriela Paz"]
UNK_STAFF_M = ["Patrick Dionne", "Olivier Brassard", "Samuel Étienne"]
CPE_NAMES = ["CPE Les Petits Bourgeons", "CPE Les Petits Bourgeons", "CPE Petits Bourgeons",
             "CPE Les Petits Bourgeons de Roberval"]
CONC = ["CPE La Ribambelle", "garderie Les Lucioles", "CPE Arc-en-ciel", "la garderie Mini-Monde",
        "CPE Les Copains d'abord", "garderie privée Tchou-Tchou"]
VILLES = ["Roberval", "Roberval", "Saint-Prime", "Mashteuiatsh", "Chambord", "Saint-Félicien"]

def pick_person(kind):
    if kind == "E":
        pool = children if R.random() < 0.75 else UNK_KIDS_F + UNK_KIDS_M
    elif kind == "Ef":
        pool = kids_f if R.random() < 0.75 else UNK_KIDS_F
    elif kind == "Em":
        pool = kids_m if R.random() < 0.75 else UNK_KIDS_M
    elif kind == "Pf":
        pool = MOMS_ROSTER if R.random() < 0.75 else UNK_MOMS
    elif kind == "Pm":
        pool = DADS_ROSTER if R.random() < 0.75 else UNK_DADS
    elif kind == "S":
        pool = STAFF_F if R.random() < 0.8 else UNK_STAFF_F
    elif kind == "Sm":
        pool = STAFF_M if R.random() < 0.7 else UNK_STAFF_M
    elif kind == "X":
        pool = UNK_MOMS + UNK_STAFF_F
    elif kind == "Xm":
        pool = UNK_DADS + UNK_STAFF_M
    else:
        raise KeyError(kind)
    return R.choice(pool)

SLOT = re.compile(r"\{([A-Za-z]+)(\d?)\}")

def fill(text):
    chosen = {}
    used = set()
    def person(kind, idx):
        key = (kind, idx)
        if key not in chosen:
            for _ in range(30):
                p = pick_person(kind)
                if p not in used:
                    break
            used.add(p)
            chosen[key] = p
        return chosen[key]
    def rep(m):
        tok, idx = m.group(1), m.group(2)
        base = tok
        full = False
        if tok.endswith("N") and tok not in ("N",):
            base, full = tok[:-1], True
        if base in ("E", "Ef", "Em", "S", "Sm", "X", "Xm"):
            p = person(base, idx)
            return p if full else first(p)
        if base in ("Pf", "Pm"):
            return person(base, idx)
        if tok in ("pf", "pm"):
            return first(person("P" + tok[1], idx))
        if tok == "DG":
            return DG
        if tok == "dg":
            return first(DG)
        if tok == "CPE":
            return chosen.setdefault(("CPE", idx), R.choice(CPE_NAMES))
        if tok == "conc":
            return chosen.setdefault(("conc", idx), R.choice(CONC))
        if tok == "ville":
            return chosen.setdefault(("ville", idx), R.choice(VILLES))
        raise KeyError(tok)
    return SLOT.sub(rep, text).replace("\\n", "\n")

ROLES_LOW = ["éducatrice", "éducatrice", "éducatrice", "éducateur", "éducatrice remplaçante",
             "responsable de l'alimentation", "stagiaire", "aide-éducatrice", "éducatrice spécialisée"]
ROLES_ALL = ROLES_LOW + ["adjointe administrative", "conseillère pédagogique", "directrice adjointe"]

def stamp(hour_range):
    y, mo = R.choice([(2025, m) for m in range(9, 13)] + [(2026, m) for m in range(1, 7)])
    d = R.randint(1, 28)
    h = R.randint(*hour_range)
    off = "-04:00" if mo in (4, 5, 6, 9, 10) or (mo == 3 and d > 10) or (mo == 11 and d < 3) else "-05:00"
    return f"{y}-{mo:02d}-{d:02d}T{h:02d}:{R.randint(0,59):02d}:00{off}"

def context(kind):
    if kind == "mix":
        kind = R.choice(["perso", "perso", "perso", "break", "bare"])
    if kind == "perso":
        c = {"posted_at": stamp((17, 23)), "account": "personnel", "device": "personnel",
             "on_shift": False, "author_role": R.choice(ROLES_ALL)}
        if R.random() < 0.3:
            del c["posted_at"]
        return c
    if kind == "break":
        return {"posted_at": stamp((11, 14)), "account": "personnel", "device": "personnel",
                "on_shift": True, "on_break": True, "children_present": False,
                "author_role": R.choice(ROLES_ALL)}
    if kind == "bare":
        return R.choice([{}, {"account": "personnel"}, {"account": "personnel", "on_shift": False}])
    if kind == "lowrole":
        c = context(R.choice(["perso", "perso", "break"]))
        c["author_role"] = R.choice(ROLES_LOW)
        return c
    if kind == "official":
        return {"posted_at": stamp((8, 16)), "account": "officiel", "device": R.choice(["cpe", "personnel"]),
                "on_shift": True, "on_break": False, "children_present": False,
                "author_role": R.choice(["directrice générale", "directrice adjointe", "adjointe administrative"]),
                "mandated": True}
    if kind == "dg":
        c = context("perso")
        c["author_role"] = R.choice(["directrice générale", "directrice adjointe"])
        return c
    if kind == "parent":  # staff member posting as a parent, off shift
        c = context("perso")
        return c
    raise KeyError(kind)

def parse_hand():
    posts = []
    for path in sorted(glob.glob(os.path.join(HERE, "hand_*.txt"))):
        labels, ctx = None, "mix"
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#!"):
                continue
            if line.startswith("## "):
                m = re.match(r"## labels:\s*([^|]*)\|\s*ctx:\s*(\S+)", line)
                if not m:
                    sys.exit(f"{path}:{ln}: bad header")
                raw = m.group(1).strip()
                labels = [] if raw in ("-", "") else [x.strip() for x in raw.split(",")]
                bad = set(labels) - RULES
                if bad:
                    sys.exit(f"{path}:{ln}: bad labels {bad}")
                ctx = m.group(2)
                continue
            if labels is None:
                sys.exit(f"{path}:{ln}: text before header")
            if re.search(r"\{E[fm]?N?\d?\}", line) and "5.ii.renseignements" not in labels:
                print(f"WARN {path}:{ln}: child slot without renseignements: {line[:60]}")
            posts.append({"text": fill(line.strip()), "context": context(ctx), "labels": sorted(labels),
                          "src": "hand"})
    return posts

def main():
    posts = parse_hand()
    n_hand = len(posts)
    try:
        sys.path.insert(0, HERE)
        import templ
        posts += [dict(p, src="templ") for p in templ.generate(R, fill, context)]
    except ImportError:
        pass
    seen, uniq = set(), []
    for p in posts:
        if p["text"] in seen:
            continue
        seen.add(p["text"])
        uniq.append(p)
    R.shuffle(uniq)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, p in enumerate(uniq, 1):
            f.write(json.dumps({"id": f"a{i:04d}", "text": p["text"], "context": p["context"],
                                "labels": p["labels"]}, ensure_ascii=False) + "\n")
    print(f"hand={n_hand} total={len(uniq)} -> {OUT}")

if __name__ == "__main__":
    main()
