import json, random, glob, os
random.seed(7)
LAB={'P':['5.iv.porte-parole'],'C':['5.ii.critique-milieu'],'H':['5.vi.harcelement'],'N':[],'O':[]}
ROLES=['éducatrice','éducatrice','éducatrice','éducateur','éducatrice spécialisée','cuisinière','adjointe administrative','éducatrice remplaçante','aide-éducatrice','préposé à l\'entretien','conseillère pédagogique','responsable de l\'alimentation']
out=[];n=0
for f in sorted(glob.glob(os.path.join(os.path.dirname(__file__),'batch*.txt'))):
    for line in open(f,encoding='utf-8'):
        line=line.rstrip('\n')
        if not line.strip(): continue
        code,text=line[0],line[2:]
        n+=1
        y=random.choice([2025,2026]);m=random.randint(1,12);d=random.randint(1,28)
        off='-04:00' if 4<=m<=10 else '-05:00'
        if code=='O':
            h=random.randint(8,16)
            ctx={'posted_at':f'{y}-{m:02d}-{d:02d}T{h:02d}:{random.randint(0,59):02d}:00{off}','account':'officiel','device':random.choice(['cpe','personnel']),'on_shift':True,'on_break':False,'children_present':False,'author_role':random.choice(['directrice générale','directrice générale','directrice adjointe']),'mandated':True}
        elif random.random()<0.7:
            h=random.choice([6,7,17,18,19,20,21,22,23])
            ctx={'posted_at':f'{y}-{m:02d}-{d:02d}T{h:02d}:{random.randint(0,59):02d}:00{off}','account':'personnel','device':'personnel','on_shift':False,'author_role':random.choice(ROLES),'mandated':False}
        else:
            h=random.choice([10,11,12,13,14,15])
            ctx={'posted_at':f'{y}-{m:02d}-{d:02d}T{h:02d}:{random.randint(0,59):02d}:00{off}','account':'personnel','device':'personnel','on_shift':True,'on_break':True,'children_present':False,'author_role':random.choice(ROLES),'mandated':False}
        out.append({'id':f'pg{n:04d}','text':text,'context':ctx,'labels':LAB[code]})
tmp='part-g.jsonl.tmp'
with open(tmp,'w',encoding='utf-8') as fh:
    for o in out: fh.write(json.dumps(o,ensure_ascii=False)+'\n')
os.replace(tmp,'part-g.jsonl')
from collections import Counter
print(len(out),Counter(c for o in out for c in (o['labels'] or ['none'])))
