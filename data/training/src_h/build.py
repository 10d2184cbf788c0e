"""Build ../part-h.jsonl from the hand-written src_h/h*.txt batches (CPE Les Trottinettes, org-h.yaml).

Line format (one post a line, '#' starts a comment, '\\n' in the text is a line break):

    CTX[:author_role][@media]|LABELS|text

CTX (the context the post was written in):
    h   at home / off shift, personal account and device
    b   on shift, on break, personal device, no children
    w   on shift with the children present (5.vii.temps)
    n   on shift, not on break, no children (5.vii.temps)
    k   on break but on the CPE's equipment (5.vii.temps)
    o   official account, mandated direction, during work hours
    oh  official account, mandated direction, outside work hours
    ou  official account used by an unmandated employee on a break (5.iv.porte-parole)
media: p or v, then faces/consented, e.g. p5/2, several joined with '+', 'L' suffix = logo visible.
LABELS: letters, empty for a compliant post:
    R 5.ii.renseignements  I 5.ii.image  C 5.ii.critique-milieu  D 5.iii.identite
    P 5.iv.porte-parole    K 5.v.confidentiel  M 5.v.marque  G 5.v.page  N 5.v.reseau
    H 5.vi.harcelement     T 5.vii.temps
A post labelled D must name the author's real role (which differs from the claimed function).

Run: cd data/training/src_h && python3 build.py
"""
import datetime
import glob
import json
import os
import random
import re

random.seed(20260815)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'part-h.jsonl')

AL = {'R': '5.ii.renseignements', 'I': '5.ii.image', 'C': '5.ii.critique-milieu',
      'D': '5.iii.identite', 'P': '5.iv.porte-parole', 'K': '5.v.confidentiel',
      'M': '5.v.marque', 'G': '5.v.page', 'N': '5.v.reseau', 'H': '5.vi.harcelement',
      'T': '5.vii.temps'}
ORDER = list(AL.values())
EDUC = ['éducatrice'] * 10 + ['éducateur'] * 2 + ['éducatrice spécialisée', 'aide-éducatrice',
                                                 'éducatrice remplaçante']
ALL_ROLES = EDUC + ['responsable de l\'alimentation', 'adjointe administrative',
                    'conseillère pédagogique', 'préposé à l\'entretien', 'stagiaire']
DIRECTION = ['directrice générale', 'directrice générale', 'directrice adjointe']
GROUP_TALK = re.compile(r"mon groupe|mon local|mes cocos|ma gang de|mes amis|nos poupons|la sieste|"
                        r"my group|my toddlers|mes petits|les cocos|the kids nap|mon ti-|mon petit",
                        re.I)
DST_END, DST_START = datetime.date(2025, 11, 2), datetime.date(2026, 3, 8)
FIRST_DAY = datetime.date(2025, 8, 18)


def posted_at(code):
    d = FIRST_DAY + datetime.timedelta(days=random.randrange(315))
    if code in ('h', 'oh'):
        hh = random.randint(9, 22) if d.weekday() >= 5 else random.choice([6, 7, 17, 18, 19, 20, 21, 22, 23])
    else:
        while d.weekday() >= 5:
            d += datetime.timedelta(days=1)
        hh = {'b': [10, 11, 12, 12, 13, 15], 'w': [8, 9, 10, 11, 14, 15, 16], 'n': [9, 13, 14, 16],
              'k': [12, 12, 13, 15], 'o': [9, 10, 11, 13, 14, 15], 'ou': [12, 13]}[code]
        hh = random.choice(hh)
    off = '-05:00' if DST_END <= d < DST_START else '-04:00'
    return f'{d.isoformat()}T{hh:02d}:{random.randrange(60):02d}:00{off}'


def context(code, role, media, text):
    c = {'posted_at': posted_at(code), 'account': 'personnel', 'device': 'personnel',
         'on_shift': False, 'on_break': False, 'children_present': False}
    if code == 'b':
        c.update(on_shift=True, on_break=True)
    elif code == 'w':
        c.update(on_shift=True, children_present=True)
    elif code == 'n':
        c.update(on_shift=True)
    elif code == 'k':
        c.update(on_shift=True, on_break=True, device='cpe')
    elif code == 'o':
        c.update(account='officiel', device='cpe', on_shift=True)
    elif code == 'oh':
        c.update(account='officiel')
    elif code == 'ou':
        c.update(account='officiel', on_shift=True, on_break=True)
    if role is None:
        if code in ('o', 'oh'):
            role = random.choice(DIRECTION)
        elif GROUP_TALK.search(text) or code == 'w':
            role = random.choice(EDUC)
        else:
            role = random.choice(ALL_ROLES)
    c['author_role'] = role
    c['mandated'] = code in ('o', 'oh')
    if media:
        c['media'] = media
    return c


def parse_media(spec):
    out = []
    for m in spec.split('+'):
        logo = m.endswith('L')
        m = m.rstrip('L')
        faces, consented = m[1:].split('/')
        out.append({'kind': {'p': 'photo', 'v': 'video'}[m[0]], 'faces': int(faces),
                    'consented_faces': int(consented), 'logo': logo})
    return out


def main():
    posts = []
    for fn in sorted(glob.glob(os.path.join(HERE, 'h*.txt'))):
        for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            where = f'{os.path.basename(fn)}:{ln}'
            head, labs, text = line.split('|', 2)
            media = role = None
            if '@' in head:
                head, ms = head.split('@', 1)
                media = parse_media(ms)
            if ':' in head:
                head, role = head.split(':', 1)
            assert head in ('h', 'b', 'w', 'n', 'k', 'o', 'oh', 'ou'), where
            assert set(labs) <= set(AL), where
            labels = sorted({AL[x] for x in labs}, key=ORDER.index)
            assert (head in ('w', 'n', 'k')) == ('5.vii.temps' in labels), ('temps', where)
            if head == 'ou':
                assert '5.iv.porte-parole' in labels, where
            if head in ('o', 'oh'):
                assert '5.iv.porte-parole' not in labels, where
            if 'D' in labs:
                assert role, ('identity posts name the real role', where)
            has_img = bool(media and any(m['faces'] > m['consented_faces'] for m in media))
            assert has_img == ('5.ii.image' in labels), ('image', where)
            text = text.strip().replace('\\n', '\n')
            posts.append({'text': text, 'context': context(head, role, media, text),
                          'labels': labels, 'src': where})
    random.shuffle(posts)
    tmp = OUT + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        for i, p in enumerate(posts, 1):
            rec = {'id': f'ph{i:04d}', 'text': p['text'], 'context': p['context'], 'labels': p['labels']}
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')
    os.replace(tmp, OUT)
    print(len(posts), 'posts ->', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
