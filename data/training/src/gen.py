"""Generate data/training/part-b.jsonl from the hand-written lines in src/*.txt plus templates."""
import json, random, re, datetime, glob, os
random.seed(20260312)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'part-b.jsonl')
L = {'pp': '5.iv.porte-parole', 'page': '5.v.page', 'mq': '5.v.marque', 'res': '5.v.reseau',
     'tmp': '5.vii.temps', 'img': '5.ii.image', 'rens': '5.ii.renseignements', 'conf': '5.v.confidentiel',
     'har': '5.vi.harcelement', 'crit': '5.ii.critique-milieu'}
ORDER = ['5.ii.renseignements', '5.ii.image', '5.ii.critique-milieu', '5.iii.identite', '5.iv.porte-parole',
         '5.v.confidentiel', '5.v.marque', '5.v.page', '5.v.reseau', '5.vi.harcelement', '5.vii.temps']

RIB = dict(names=['CPE La Ribambelle', 'CPE La Ribambelle', 'cpe ribambelle', 'CPE Ribambel', 'CPE La Ribambelle de Rimouski',
                  'CPE la Rib', 'CPE Ribambelle', 'Cpe la ribambelle', 'CPE La Ribambele'],
           handle=['cperibambelle', 'ribambelle_rimouski', 'cpe.laribambelle', 'laribambelle'],
           web='https://www.cperibambelle.example', city='Rimouski',
           kids=['Léa', 'Mohamed', 'Zoé', 'Nathan', 'Amira', 'Liam', 'Florence', 'Thomas', 'Chloé', 'Jacob', 'Emma', 'Noah',
                 'Alice', 'William', 'Rosalie', 'Adam', 'Maëlle', 'Elliot', 'Olivia', 'Samuel', 'Mia', 'Félix', 'Jade', 'Louis', 'Charlotte'])
OTHERS = [
    dict(names=['CPE Les Petits Explorateurs', 'cpe petits explorateurs', 'CPE Petits Explo'], handle=['petitsexplorateurs', 'cpe_explo'],
         web='https://www.petitsexplorateurs.example', city='Sherbrooke'),
    dict(names=["CPE Pomme d'Api", 'cpe pomme dapi', "CPE Pomme D'api"], handle=['cpepommedapi'], web='https://pommedapi.example', city='Trois-Rivières'),
    dict(names=['CPE Les Lucioles', 'cpe les lucioles', 'CPE Lucioles'], handle=['cpelucioles', 'lucioles.gatineau'], web='https://www.cpelucioles.example', city='Gatineau'),
    dict(names=["CPE Bout d'chou", 'cpe bout dchou', "CPE Boutdchou"], handle=['cpeboutdchou'], web='https://boutdchou.example', city='Saguenay'),
    dict(names=['CPE La Marelle', 'cpe la marelle'], handle=['cpelamarelle'], web='https://www.cpelamarelle.example', city='Drummondville'),
    dict(names=["CPE L'Arc-en-ciel", 'cpe arc en ciel', 'CPE Arc-en-Ciel'], handle=['cpearcenciel'], web='https://arcenciel-valdor.example', city="Val-d'Or"),
    dict(names=['CPE Les Frimousses', 'cpe frimousses', 'CPE Les Frimouses'], handle=['frimousses_levis'], web='https://www.frimousses.example', city='Lévis'),
    dict(names=['CPE Le Petit Phare', 'cpe petit phare'], handle=['cpepetitphare'], web='https://petitphare.example', city='Gaspé'),
]
OTHER_KIDS = ['Béatrice', 'Arnaud', 'Yasmine', 'Hugo', 'Léonie', 'Malik', 'Éloïse', 'Raphaël', 'Sofia', 'Édouard', 'Anaïs', 'Omar']
ROLES = ['éducatrice'] * 6 + ['éducateur', 'éducatrice', 'cuisinière', 'éducatrice spécialisée', 'remplaçante', 'stagiaire',
         'conseillère pédagogique', 'adjointe administrative', 'préposée à l\'entretien', 'consultant informatique']
MROLES = ['directrice générale', 'directrice adjointe', 'adjointe administrative', 'responsable des communications']


def pick_org(text):
    if re.search(r'ribamb|ribambou|ribambins', text, re.I) or random.random() < 0.62:
        return RIB
    return random.choice(OTHERS)


def fill(text, org):
    k = org.get('kids', OTHER_KIDS)
    k1, k2 = random.sample(k, 2)
    text = text.replace('{K2}', k2).replace('{K}', k1)
    text = text.replace('{C}', random.choice(org['names'])).replace('{W}', org['web']).replace('{V}', org['city'])
    text = text.replace('{H}', random.choice(org['handle']))
    text = text.replace('au CPE La', 'au CPE La').replace('le cpe', 'le cpe')
    return text


def stamp(on_shift, on_break):
    d = datetime.date(2025, 9, 1) + datetime.timedelta(days=random.randrange(300))
    if on_shift:
        while d.weekday() >= 5:
            d += datetime.timedelta(days=1)
        h = random.choice([11, 12, 13]) if on_break else random.randrange(7, 17)
    else:
        if random.random() < 0.5:
            h = random.randrange(18, 23)
        else:
            while d.weekday() < 5:
                d += datetime.timedelta(days=1)
            h = random.randrange(8, 22)
    m = random.randrange(60)
    off = '-04:00' if d.month in (4, 5, 6, 9, 10) else '-05:00'
    return f'{d.isoformat()}T{h:02d}:{m:02d}:00{off}'


def base(acc, dev, on_shift, on_break, kids, role=None, mandated=False):
    c = {'posted_at': stamp(on_shift, on_break), 'account': acc, 'device': dev, 'on_shift': on_shift,
         'on_break': on_break, 'children_present': kids, 'author_role': role or random.choice(ROLES), 'mandated': mandated}
    return c


def ctx_off():
    r = random.random()
    if r < 0.5:
        return base('personnel', 'personnel', False, False, False)
    return base('personnel', 'personnel', True, True, False)


def ctx_violate():
    r = random.random()
    if r < 0.45:
        return base('personnel', random.choice(['personnel', 'personnel', 'cpe']), True, False, random.random() < 0.75)
    if r < 0.6:
        return base('personnel', 'personnel', True, False, False)
    if r < 0.8:
        return base('personnel', 'personnel', True, True, True)
    return base('personnel', 'cpe', True, True, False)


def violates(c):
    if c.get('account') == 'officiel' and c.get('mandated'):
        return False
    if c.get('device') == 'cpe':
        return True
    if c.get('children_present'):
        return True
    if c.get('on_shift') and not c.get('on_break'):
        return True
    return False


def trim(c, keep_time=True):
    """Sometimes drop optional fields (every context field is optional)."""
    r = random.random()
    if r < 0.08 and not keep_time:
        return {k: c[k] for k in ('account', 'device') if k in c}
    if r < 0.18:
        c = dict(c)
        for k in ('author_role', 'mandated', 'posted_at'):
            if random.random() < 0.5:
                c.pop(k, None)
    return c


def media_for(kind, acc):
    faces = random.choice([1, 2, 2, 3, 4, 5, 6, 8, 10, 12])
    if kind in ('ph', 'vid', 'phx', 'ph0', 'vidx'):
        if kind in ('phx', 'vidx'):
            faces = max(faces, 2)
            cons = random.randrange(0, faces)
        elif kind == 'ph0':
            cons = faces
        else:
            cons = faces if random.random() < 0.5 else random.randrange(0, faces)
        m = {'kind': 'video' if kind.startswith('vid') else 'photo', 'faces': faces, 'consented_faces': cons,
             'logo': random.random() < 0.04}
        return [m]
    if kind == 'nf':
        return [{'kind': 'photo', 'faces': 0, 'consented_faces': 0, 'logo': random.random() < 0.05}]
    if kind == 'self':
        return [{'kind': 'photo', 'faces': 1, 'consented_faces': 1, 'logo': False}]
    if kind == 'lg':
        return [{'kind': 'photo', 'faces': 0, 'consented_faces': 0, 'logo': True}]
    raise ValueError(kind)


VIOL_NEUTRAL = 0.24


def make(text, kind, labels, force_ctx=None):
    """kind: A|O|W|W:cpe|WK|M|U|B  [+media][,sh]"""
    labels = set(L[x] for x in labels if x)
    share = False
    if ',sh' in kind:
        share = True
        kind = kind.replace(',sh', '')
    mk = None
    if '+' in kind:
        kind, mk = kind.split('+')
    tv = False
    if kind == 'A':
        if random.random() < (VIOL_NEUTRAL if not labels else 0.12):
            c = ctx_violate(); tv = True
        else:
            c = ctx_off()
        c = trim(c, keep_time=False)
        if ('on_shift' not in c) and c.get('device') != 'cpe':
            pass
        if violates(c):
            labels.add(L['tmp'])
    elif kind == 'B':
        r = random.random()
        if r < 0.6:
            c = base('personnel', 'personnel', True, True, False)
        elif r < 0.8:
            c = base('personnel', 'personnel', True, True, True)
        else:
            c = base('personnel', 'cpe', True, True, False)
        if violates(c):
            labels.add(L['tmp'])
    elif kind == 'O':
        c = trim(ctx_off())
    elif kind.startswith('W'):
        if kind == 'W:cpe':
            c = base('personnel', 'cpe', True, random.random() < 0.2, random.random() < 0.7)
        elif kind == 'WK':
            c = base('personnel', 'personnel', True, True, True)
        else:
            c = base('personnel', random.choice(['personnel'] * 3 + ['cpe']), True, False, random.random() < 0.8)
        if random.random() < 0.12:
            c = {'account': 'personnel'}  # text alone carries it
        labels.add(L['tmp'])
    elif kind == 'M':
        c = base('officiel', random.choice(['cpe', 'personnel']), random.random() < 0.8, False, False,
                 role=random.choice(MROLES), mandated=True)
        labels.discard(L['tmp'])
    elif kind == 'U':
        c = base('officiel', 'personnel', False, False, False, role=random.choice(['éducatrice', 'éducatrice', 'cuisinière', 'remplaçante']),
                 mandated=False)
        labels.add(L['pp'])
    else:
        raise ValueError(kind)
    if force_ctx:
        c.update(force_ctx)
    if mk:
        if L['img'] in labels:  # text asserts missing consent: force it in the media
            mk = {'ph': 'phx', 'vid': 'vidx'}.get(mk, mk)
        labels.discard(L['img'])
        med = media_for(mk, c.get('account'))
        c['media'] = med
        for m in med:
            if m['faces'] > m['consented_faces']:
                labels.add(L['img'])
            if m['logo'] and c.get('account') == 'personnel' and not share:
                labels.add(L['mq'])
    return c, sorted(labels, key=ORDER.index)


def load():
    rows = []
    for fn in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
        for line in open(fn, encoding='utf-8'):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            kind, labs, text = line.split('|', 2)
            rows.append((os.path.basename(fn), kind, [x for x in labs.split(',') if x], text))
    return rows


# ---------- templates ----------
from templates import template_rows  # noqa: E402


def main():
    rows = load()
    posts = []
    seen = set()
    def add(text, kind, labs):
        org = pick_org(text)
        t = fill(text, org)
        c, labels = make(t, kind, labs)
        key = (t, json.dumps(c, sort_keys=True))
        if key in seen:
            return
        seen.add(key)
        posts.append({'text': t, 'context': c, 'labels': labels, '_src': 'hand'})
    for fn, kind, labs, text in rows:
        reps = 2
        if fn in ('image.txt', 'image_named.txt'):
            reps = 3
        if fn == 'neutral.txt':
            reps = 4
        if fn in ('temps.txt',):
            reps = 2
        for _ in range(reps):
            add(text, kind, labs)
    hand = len(posts)
    for kind, labs, text in template_rows(random):
        org = pick_org(text)
        t = fill(text, org)
        c, labels = make(t, kind, labs)
        posts.append({'text': t, 'context': c, 'labels': labels, '_src': 'tpl'})
    random.shuffle(posts)
    with open(OUT, 'w', encoding='utf-8') as f:
        for i, p in enumerate(posts, 1):
            f.write(json.dumps({'id': f'b{i:04d}', 'text': p['text'], 'context': p['context'], 'labels': p['labels']},
                               ensure_ascii=False) + '\n')
    print('hand', hand, 'tpl', len(posts) - hand, 'total', len(posts))


if __name__ == '__main__':
    main()
