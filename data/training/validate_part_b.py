"""Validate data/training/part-b.jsonl: parses, ids unique, labels valid, counts per label."""
import json, collections, sys, os
RULES = {'5.ii.renseignements', '5.ii.image', '5.ii.critique-milieu', '5.iii.identite', '5.iv.porte-parole', '5.v.confidentiel',
         '5.v.marque', '5.v.page', '5.v.reseau', '5.vi.harcelement', '5.vii.temps'}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'part-b.jsonl')
ids, c, n, comp, bad = set(), collections.Counter(), 0, 0, 0
for i, line in enumerate(open(path, encoding='utf-8'), 1):
    d = json.loads(line)
    n += 1
    assert set(d) == {'id', 'text', 'context', 'labels'}, i
    assert d['id'] not in ids, d['id']; ids.add(d['id'])
    assert isinstance(d['text'], str) and d['text'].strip() and '{' not in d['text'], d
    for l in d['labels']:
        if l not in RULES:
            bad += 1; print('bad label', i, l)
    ctx = d['context']
    assert ctx.get('account', 'personnel') in ('personnel', 'officiel') and ctx.get('device', 'personnel') in ('personnel', 'cpe')
    for m in ctx.get('media', []):
        assert m['kind'] in ('photo', 'video') and 0 <= m['consented_faces'] <= m['faces']
        assert ('5.ii.image' in d['labels']) == (m['faces'] > m['consented_faces']) or len(ctx['media']) > 1, d
    if not d['labels']:
        comp += 1
    c.update(d['labels'])
print(f'{n} posts, {comp} compliant ({comp / n:.0%}), bad labels: {bad}')
for k, v in sorted(c.items()):
    print(f'  {k:22s} {v}')
sys.exit(1 if bad else 0)
