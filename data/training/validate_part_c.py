"""Validate data/training/part-c.jsonl: parses, ids unique, labels valid, counts per label."""
import json, collections, sys, os, re
RULES = {'5.ii.renseignements', '5.ii.image', '5.ii.critique-milieu', '5.iii.identite', '5.iv.porte-parole',
         '5.v.confidentiel', '5.v.marque', '5.v.page', '5.v.reseau', '5.vi.harcelement', '5.vii.temps'}
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, 'part-c.jsonl')
others = set()
for f in ('part-a.jsonl', 'part-b.jsonl'):
    for line in open(os.path.join(here, f), encoding='utf-8'):
        others.add(json.loads(line)['text'].strip().lower())
ids, seen, c, n, comp, bad, en, short, long_, copied = set(), set(), collections.Counter(), 0, 0, 0, 0, 0, 0, 0
EN = re.compile(r"\b(the|my|and|is|you|I'm|today|with|for|our|just|so)\b")
for i, line in enumerate(open(path, encoding='utf-8'), 1):
    d = json.loads(line)
    n += 1
    assert set(d) == {'id', 'text', 'context', 'labels'}, i
    assert d['id'] not in ids, d['id']; ids.add(d['id'])
    key = (d['text'], json.dumps({k: v for k, v in d['context'].items() if k != 'posted_at'}, sort_keys=True))
    assert key not in seen, ('duplicate post', i); seen.add(key)
    assert len(set(d['labels'])) == len(d['labels']), i
    for l in d['labels']:
        if l not in RULES:
            bad += 1; print('bad label', i, l)
    ctx = d['context']
    assert ctx.get('account', 'personnel') in ('personnel', 'officiel') and ctx.get('device', 'personnel') in ('personnel', 'cpe')
    for m in ctx.get('media', []):
        assert m['kind'] in ('photo', 'video') and 0 <= m['consented_faces'] <= m['faces']
    if any(m['faces'] > m['consented_faces'] for m in ctx.get('media', [])) != ('5.ii.image' in d['labels']):
        print('image label/media mismatch', i)
    if d['text'].strip().lower() in others:
        copied += 1
    if len(EN.findall(d['text'])) >= 2:
        en += 1
    words = len(d['text'].split())
    short += words <= 8
    long_ += len(d['text']) >= 400
    if not d['labels']:
        comp += 1
    c.update(d['labels'])
print(f'{n} posts, {comp} compliant ({comp / n:.0%}), bad labels: {bad}, texts also in A/B: {copied}')
print(f'~English/franglais: {en} ({en / n:.0%}), <=8 words: {short}, >=400 chars: {long_}')
for k, v in sorted(c.items()):
    print(f'  {k:22s} {v}')
sys.exit(1 if bad else 0)
