import re, json, random, glob, datetime, sys
random.seed(5)
L = {'C':'5.v.confidentiel','R':'5.ii.renseignements','M':'5.ii.critique-milieu','H':'5.vi.harcelement','T':'5.vii.temps','P':'5.iv.porte-parole'}
ROLES = ['éducatrice']*6+['éducateur','aide-éducatrice','responsable de l\'alimentation','adjointe administrative','éducatrice spécialisée','conseillère pédagogique','éducatrice remplaçante']
def off(d):  # DST offset
    y=d.year
    def nth_sun(m,n):
        x=datetime.date(y,m,1); x+=datetime.timedelta((6-x.weekday())%7); return x+datetime.timedelta(7*(n-1))
    return '-04:00' if nth_sun(3,2)<=d<nth_sun(11,1) else '-05:00'
def rdate(weekday):
    start=datetime.date(2025,6,1)
    while True:
        d=start+datetime.timedelta(random.randrange(360))
        if weekday is None or (d.weekday()<5)==weekday: return d
def ctx(code, role):
    c={}
    if code=='o':
        if random.random()<0.5: d=rdate(False); h=random.randint(8,22)
        else: d=rdate(True); h=random.choice([6,18,19,20,21,22,23])
        c.update(account='personnel',device='personnel',on_shift=False)
    elif code=='b':
        d=rdate(True); h=random.choice([10,12,12,13,15])
        c.update(account='personnel',device='personnel',on_shift=True,on_break=True,children_present=False)
    elif code=='t':
        d=rdate(True); h=random.choice([9,10,11,14,15,16])
        c.update(account='personnel',device='personnel',on_shift=True,on_break=False,children_present=True)
    elif code=='x':
        d=rdate(True); h=random.choice([13,14])
        c.update(account='personnel',device='personnel',on_shift=True,on_break=False,children_present=False)
    m=random.randint(0,59)
    c_full={'posted_at':f"{d.isoformat()}T{h:02d}:{m:02d}:00{off(d)}"}
    c_full.update(c)
    c_full['author_role']=role or random.choice(ROLES)
    c_full['mandated']=False
    return c_full
out=[]; n=0
for f in sorted(glob.glob('/work/main/data/training/src_e/batch*.py')):
    ns={}; exec(open(f).read(),ns)
    for item in ns['P']:
        text,labs,code=item[0],item[1],item[2]
        role=item[3] if len(item)>3 else None
        labels=sorted(set(L[ch] for ch in labs if ch!='N'))
        if code=='o' and random.random()<0.28 and not re.search(r'soir|shift|weekend|fin de semaine|dimanche|samedi|Sunday|Saturday|tonight|matin',text,re.I): code='b'
        if code in 'tx': assert '5.vii.temps' in labels, text
        else: assert '5.vii.temps' not in labels, text
        n+=1
        out.append({'id':f'pe{n:04d}','text':text,'context':ctx(code,role),'labels':labels})
with open('/work/main/data/training/part-e.jsonl','w') as fh:
    for o in out: fh.write(json.dumps(o,ensure_ascii=False)+'\n')
print(n)
