"""Build data/training/part-d.jsonl from the hand-written src_d/*.txt files.

Line format:  LABELS | CTX | TEXT
  LABELS: '-' or comma-separated short codes:
      R=5.ii.renseignements I=5.ii.image C=5.ii.critique-milieu ID=5.iii.identite
      PP=5.iv.porte-parole CF=5.v.confidentiel M=5.v.marque PG=5.v.page N=5.v.reseau
      H=5.vi.harcelement T=5.vii.temps
  CTX: code/role[;media]   role may be an abbreviation (see ROLES) or literal text.
      H home, off shift          B on break, own phone, no children
      S on shift, children       SN on shift, no break, no children
      BC on break, CPE device    O official account, mandated, CPE device, on shift
      OH official, mandated, own device, off shift
      media: p3/1 (photo, 3 faces, 1 consented), v2/0 (video), img (photo, no face); suffix L = logo
Only metadata (dates) is drawn at random; every text is hand-written.
"""
import json, random, glob, os, sys, datetime, collections
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'part-d.jsonl')
AB = {'R': '5.ii.renseignements', 'I': '5.ii.image', 'C': '5.ii.critique-milieu', 'ID': '5.iii.identite',
      'PP': '5.iv.porte-parole', 'CF': '5.v.confidentiel', 'M': '5.v.marque', 'PG': '5.v.page',
      'N': '5.v.reseau', 'H': '5.vi.harcelement', 'T': '5.vii.temps'}
ORDER = list(AB.values())
ROLES = {'edu': 'éducatrice', 'eduM': 'éducateur', 'cuis': 'cuisinière', 'ali': "responsable de l'alimentation",
         'dg': 'directrice générale', 'da': 'directrice adjointe', 'adm': 'adjointe administrative',
         'cp': 'conseillère pédagogique', 'cons': 'consultante', 'ci': 'consultant informatique',
         'ent': "préposé à l'entretien", 'den': 'sous-traitant (déneigement)', 'men': 'sous-traitante (entretien ménager)',
         'aide': 'aide-éducatrice', 'spec': 'éducatrice spécialisée', 'rem': 'éducatrice remplaçante',
         'stag': 'stagiaire', 'com': 'responsable des communications'}
TEMPS = {'S', 'SN', 'BC'}

def stamp(rng, code):
    month = rng.choice([1, 2, 3, 4, 5, 6, 9, 10, 11, 12])
    year = 2026 if month <= 6 else 2025
    d = datetime.date(year, month, rng.randint(1, 28))
    if code in ('H', 'OH'):
        h = rng.randint(8, 22) if d.weekday() >= 5 else rng.choice([6, 17, 18, 19, 20, 21, 22, 23])
    else:
        while d.weekday() >= 5:
            d += datetime.timedelta(days=1)
        h = rng.choice([10, 12, 12, 13]) if code in ('B', 'BC') else rng.choice([8, 9, 10, 14, 15, 16])
    m = rng.randint(0, 59)
    if code in ('B', 'BC') and h == 10: m = rng.randint(0, 14)
    dst = datetime.date(d.year, 3, 8) <= d < datetime.date(d.year, 11, 1)
    return f'{d.isoformat()}T{h:02d}:{m:02d}:00{"-04:00" if dst else "-05:00"}'

def context(rng, spec):
    parts = [p.strip() for p in spec.split(';')]
    code, _, role = parts[0].partition('/')
    role = ROLES.get(role.strip(), role.strip()) or 'éducatrice'
    f = {'H': ('personnel', 'personnel', False, False, False, False),
         'B': ('personnel', 'personnel', True, True, False, False),
         'S': ('personnel', 'personnel', True, False, True, False),
         'SN': ('personnel', 'personnel', True, False, False, False),
         'BC': ('personnel', 'cpe', True, True, False, False),
         'O': ('officiel', 'cpe', True, False, False, True),
         'OH': ('officiel', 'personnel', False, False, False, True)}[code.strip()]
    ctx = {'posted_at': stamp(rng, code.strip()), 'account': f[0], 'device': f[1], 'on_shift': f[2],
           'on_break': f[3], 'children_present': f[4], 'author_role': role, 'mandated': f[5]}
    media = []
    for m in parts[1:]:
        if not m: continue
        logo = m.endswith('L')
        m = m.rstrip('L')
        if m == 'img':
            media.append({'kind': 'photo', 'faces': 0, 'consented_faces': 0, 'logo': logo})
        else:
            kind = {'p': 'photo', 'v': 'video'}[m[0]]
            a, b = m[1:].split('/')
            media.append({'kind': kind, 'faces': int(a), 'consented_faces': int(b), 'logo': logo})
    if media: ctx['media'] = media
    return ctx, code.strip()

def main():
    rng = random.Random(4242)
    out, seen, errs = [], set(), 0
    for path in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'): continue
            try:
                lab, spec, text = [x.strip() for x in line.split('|', 2)]
                labels = [] if lab == '-' else [AB[x.strip()] for x in lab.split(',')]
                ctx, code = context(rng, spec)
            except Exception as e:
                print(f'{path}:{n}: {e}', file=sys.stderr); errs += 1; continue
            if (code in TEMPS) != ('5.vii.temps' in labels):
                print(f'{path}:{n}: temps mismatch'); errs += 1
            img = any(m['faces'] > m['consented_faces'] for m in ctx.get('media', []))
            if img != ('5.ii.image' in labels):
                print(f'{path}:{n}: image mismatch'); errs += 1
            if text in seen:
                print(f'{path}:{n}: duplicate text'); errs += 1
            seen.add(text)
            out.append({'text': text.replace('\\n', '\n'), 'context': ctx,
                        'labels': sorted(set(labels), key=ORDER.index)})
    with open(OUT, 'w', encoding='utf-8') as fh:
        for i, p in enumerate(out, 1):
            fh.write(json.dumps({'id': f'pd{i:04d}', **p}, ensure_ascii=False) + '\n')
    c = collections.Counter(l for p in out for l in p['labels'])
    c['(compliant)'] = sum(1 for p in out if not p['labels'])
    print(len(out), 'posts', errs, 'errors'); print(dict(c))

if __name__ == '__main__':
    main()
