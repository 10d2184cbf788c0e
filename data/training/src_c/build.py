"""Build data/training/part-c.jsonl from the hand-written src_c/*.txt files.

Line format:  LABELS | CTX | TEXT
  LABELS: comma-separated short codes or '-' (none):
      R=5.ii.renseignements I=5.ii.image C=5.ii.critique-milieu ID=5.iii.identite
      PP=5.iv.porte-parole CF=5.v.confidentiel M=5.v.marque PG=5.v.page N=5.v.reseau
      H=5.vi.harcelement T=5.vii.temps
  CTX: code[/author_role][;media]...   media: p3/1 (photo, 3 faces, 1 consented), v2/0 (video); add L for logo
      H  home, off shift              B  on break, own phone, no children
      BK break but children present   S  on shift, children present
      SN on shift, not on break, no children     BC on break, CPE device
      HC off shift, CPE device        O  official account, mandated, CPE device, on shift
      OH official account, mandated, own device, off shift
      ON official account, NOT mandated, own device, off shift
      X  empty context                A  {"account": "personnel"} only
  TEXT: the post; '^' repeats the previous line's text (context-variation cases);
        literal '\\n' becomes a newline.
The rule 5.vii.temps is derived from the context code (BK S SN BC HC) and checked against the
labels; 5.ii.image is checked against the media (faces > consented faces).
Only the metadata (dates, default roles) is drawn at random; every text is hand-written.
"""
import json, random, glob, os, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'part-c.jsonl')
AB = {'R': '5.ii.renseignements', 'I': '5.ii.image', 'C': '5.ii.critique-milieu', 'ID': '5.iii.identite',
      'PP': '5.iv.porte-parole', 'CF': '5.v.confidentiel', 'M': '5.v.marque', 'PG': '5.v.page',
      'N': '5.v.reseau', 'H': '5.vi.harcelement', 'T': '5.vii.temps'}
ORDER = list(AB.values())
TEMPS_CODES = {'BK', 'S', 'SN', 'BC', 'HC'}
ROLES = ['éducatrice'] * 8 + ['éducateur'] * 2 + ['éducatrice spécialisée', 'responsable de l\'alimentation',
         'adjointe administrative', 'éducatrice remplaçante', 'stagiaire', 'conseillère pédagogique',
         'préposé à l\'entretien', 'aide-éducatrice']

def stamp(rng, code):
    month = rng.choice([1, 2, 3, 4, 5, 6, 9, 10, 11, 12])
    year = 2026 if month <= 6 else 2025
    day = rng.randint(1, 28)
    import datetime
    d = datetime.date(year, month, day)
    weekend = d.weekday() >= 5
    if code in ('H', 'HC', 'OH', 'ON'):
        h, m = (rng.randint(8, 22) if weekend else rng.randint(18, 23)), rng.randint(0, 59)
    else:
        while d.weekday() >= 5:
            d += datetime.timedelta(days=1)
        if code in ('B', 'BC', 'BK'):
            h, m = rng.choice([(11, rng.randint(30, 59)), (12, rng.randint(0, 59)), (13, rng.randint(0, 20)),
                               (10, rng.randint(0, 15)), (15, rng.randint(0, 15))])
        elif code == 'SN':
            h, m = rng.choice([13, 14]), rng.randint(0, 59)
        else:
            h, m = rng.choice([8, 9, 10, 14, 15, 16]), rng.randint(0, 59)
    dst = 3 < d.month < 11 or (d.month == 3 and d.day > 8) or (d.month == 11 and d.day < 2)
    return f'{d.isoformat()}T{h:02d}:{m:02d}:00{"-04:00" if dst else "-05:00"}'

def context(rng, spec):
    parts = spec.split(';')
    head, media = parts[0].strip(), [p.strip() for p in parts[1:] if p.strip()]
    code, _, role = head.partition('/')
    code = code.strip(); role = role.strip()
    if code == 'X':
        ctx = {}
    elif code == 'A':
        ctx = {'account': 'personnel'}
    else:
        if not role:
            role = 'directrice générale' if code.startswith('O') and code != 'ON' else rng.choice(ROLES)
        flags = {'H': ('personnel', 'personnel', False, False, False, False),
                 'B': ('personnel', 'personnel', True, True, False, False),
                 'BK': ('personnel', 'personnel', True, True, True, False),
                 'S': ('personnel', 'personnel', True, False, True, False),
                 'SN': ('personnel', 'personnel', True, False, False, False),
                 'BC': ('personnel', 'cpe', True, True, False, False),
                 'HC': ('personnel', 'cpe', False, False, False, False),
                 'O': ('officiel', 'cpe', True, False, False, True),
                 'OH': ('officiel', 'personnel', False, False, False, True),
                 'ON': ('officiel', 'personnel', False, False, False, False)}[code]
        ctx = {'posted_at': stamp(rng, code), 'account': flags[0], 'device': flags[1], 'on_shift': flags[2],
               'on_break': flags[3], 'children_present': flags[4], 'author_role': role, 'mandated': flags[5]}
    if media:
        ctx['media'] = []
        for m in media:
            logo = m.endswith('L')
            m = m.rstrip('L')
            kind = {'p': 'photo', 'v': 'video'}[m[0]]
            f, c = m[1:].split('/')
            ctx['media'].append({'kind': kind, 'faces': int(f), 'consented_faces': int(c), 'logo': logo})
    return code, ctx

def main():
    rows, errors, prev = [], 0, None
    for path in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
        for ln, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            try:
                lab, spec, text = line.split('|', 2)
            except ValueError:
                print('bad line', path, ln, line); errors += 1; continue
            text = text.strip()
            if text == '^':
                text = prev
            prev = text
            text = text.replace('\\n', '\n')
            labs = set() if lab.strip() == '-' else {AB[x.strip()] for x in lab.split(',') if x.strip()}
            rng = random.Random(f'{os.path.basename(path)}:{ln}')
            code, ctx = context(rng, spec)
            want_t = code in TEMPS_CODES
            if want_t and '5.vii.temps' not in labs:
                labs.add('5.vii.temps')
            if not want_t and '5.vii.temps' in labs:
                print('temps without temps context', path, ln); errors += 1
            faces_bad = any(m['faces'] > m['consented_faces'] for m in ctx.get('media', []))
            if faces_bad != ('5.ii.image' in labs):
                print('image/media mismatch', path, ln, line); errors += 1
            rows.append({'text': text, 'context': ctx, 'labels': [r for r in ORDER if r in labs]})
    for i, r in enumerate(rows, 1):
        r['id'] = f'c{i:04d}'
    with open(OUT, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps({'id': r['id'], 'text': r['text'], 'context': r['context'], 'labels': r['labels']},
                               ensure_ascii=False) + '\n')
    print(len(rows), 'posts written;', errors, 'errors')
    return errors

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
