"""Build part-f.jsonl from the hand-written src_f/*.txt lines: CODE[:role][@media]|LABELS|text"""
import json, random, glob, os, datetime
random.seed(2026_06)
here = os.path.dirname(os.path.abspath(__file__))
AL = {'R': '5.ii.renseignements', 'I': '5.ii.image', 'C': '5.ii.critique-milieu', 'D': '5.iii.identite',
      'P': '5.iv.porte-parole', 'K': '5.v.confidentiel', 'M': '5.v.marque', 'G': '5.v.page', 'N': '5.v.reseau',
      'H': '5.vi.harcelement', 'T': '5.vii.temps'}
ROLES = ['éducatrice'] * 8 + ['éducateur'] * 2 + ['éducatrice spécialisée', 'responsable de l\'alimentation',
         'adjointe administrative', 'conseillère pédagogique', 'stagiaire', 'préposé à l\'entretien', 'éducatrice remplaçante']
OFF_ROLES = ['directrice générale', 'directeur adjoint', 'adjointe administrative', 'responsable des communications']
def when(code):
    d = datetime.date(2025, 9, 2) + datetime.timedelta(days=random.randrange(300))
    if code in ('h', 'oh'):
        if d.weekday() >= 5: hh = random.randint(8, 22)
        else: hh = random.choice([6, 7, 18, 19, 20, 21, 22])
    else:
        while d.weekday() >= 5: d += datetime.timedelta(days=1)
        hh = {'b': random.choice([10, 12, 12, 13, 15]), 'w': random.choice([8, 9, 10, 11, 14, 15, 16]),
              'n': random.choice([13, 13, 14, 17]), 'k': random.choice([12, 13, 15]), 'kn': random.choice([12, 13, 15]),
              'bn': random.choice([10, 12, 13]), 'o': random.choice([9, 10, 11, 14, 15]), 'ou': random.choice([12, 13, 19])}[code]
    dst = (datetime.date(2025, 11, 2) > d) or (d >= datetime.date(2026, 3, 8))
    return f"{d.isoformat()}T{hh:02d}:{random.randrange(60):02d}:00{'-04:00' if dst else '-05:00'}"
def ctx(code, role, media):
    c = {'posted_at': when(code), 'account': 'personnel', 'device': 'personnel', 'on_shift': False, 'on_break': False,
         'children_present': False}
    if code == 'b': c.update(on_shift=True, on_break=True)
    if code == 'bn': c.update(on_shift=True, on_break=True)          # break, CPE wifi (said in text)
    if code == 'w': c.update(on_shift=True, children_present=True)
    if code == 'n': c.update(on_shift=True)
    if code in ('k', 'kn'): c.update(on_shift=True, on_break=True, device='cpe')
    if code == 'o': c.update(account='officiel', device='cpe', on_shift=True)
    if code == 'oh': c.update(account='officiel')
    if code == 'ou': c.update(account='officiel', on_shift=code == 'ou' and random.random() < .5, on_break=True)
    if code == 'ou' and not c['on_shift']: c['on_break'] = False
    c['author_role'] = role or (random.choice(OFF_ROLES[:2] + OFF_ROLES[3:]) if code in ('o', 'oh') else random.choice(ROLES))
    c['mandated'] = code in ('o', 'oh')
    if media: c['media'] = media
    return c
def parse_media(s):
    out = []
    for m in s.split('+'):
        kind = {'p': 'photo', 'v': 'video'}[m[0]]
        logo = m.endswith('L'); m = m.rstrip('L')
        f, cf = m[1:].split('/')
        out.append({'kind': kind, 'faces': int(f), 'consented_faces': int(cf), 'logo': logo})
    return out
posts = []
for fn in sorted(glob.glob(os.path.join(here, 'f*.txt'))):
    for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        parts = line.split('|', 2)
        if len(parts) == 3 and set(parts[1]) <= set(AL): head, labs, text = parts
        else: head, text = line.split('|', 1); labs = ''
        media = None
        if '@' in head: head, ms = head.split('@'); media = parse_media(ms)
        role = None
        if ':' in head: head, role = head.split(':', 1)
        labels = [AL[x] for x in labs.strip()]
        where = f'{os.path.basename(fn)}:{ln}'
        assert head in ('h', 'b', 'w', 'n', 'k', 'kn', 'bn', 'o', 'oh', 'ou'), where
        assert (head in ('w', 'n', 'k', 'kn')) == ('5.vii.temps' in labels), ('temps', where)
        if head in ('kn', 'bn'): assert '5.v.reseau' in labels, where
        if head == 'ou': assert '5.iv.porte-parole' in labels, where
        assert bool(media and any(m['faces'] > m['consented_faces'] for m in media)) == ('5.ii.image' in labels), ('img', where)
        posts.append({'text': text.strip().replace('\\n', '\n'), 'context': ctx(head, role, media), 'labels': labels})
with open(os.path.join(here, '..', 'part-f.jsonl'), 'w', encoding='utf-8') as f:
    for i, p in enumerate(posts, 1):
        f.write(json.dumps({'id': f'pf{i:04d}', **p}, ensure_ascii=False) + '\n')
print(len(posts), 'posts')
