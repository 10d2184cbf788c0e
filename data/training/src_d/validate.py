"""Validate data/training/part-d.jsonl: JSON parses, ids pd0001.. unique, rule ids from rules.md."""
import json, re, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
rules = set(re.findall(r'^\| `([0-9a-z.\-]+)`', open(os.path.join(HERE, '../../../../shared/spec/rules.md')).read(), re.M))
ok, ids, c = True, set(), collections.Counter()
for n, line in enumerate(open(os.path.join(HERE, '../part-d.jsonl'), encoding='utf-8'), 1):
    p = json.loads(line)
    if not re.fullmatch(r'pd\d{4}', p['id']) or p['id'] in ids: print('bad id', n); ok = False
    ids.add(p['id'])
    for l in p['labels']:
        if l not in rules: print('bad rule', n, l); ok = False
        c[l] += 1
    if not p['labels']: c['(compliant)'] += 1
    ctx = p['context']
    if not re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:00-0[45]:00', ctx['posted_at']): print('bad date', n); ok = False
print(len(ids), 'posts', 'OK' if ok else 'ERRORS', sorted(rules) == sorted(rules))
for k, v in sorted(c.items()): print(f'  {k}: {v}')
sys.exit(0 if ok else 1)
