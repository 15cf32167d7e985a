#!/usr/bin/env python3
"""src/batch-NN.txt -> batch-NN.jsonl (1:1 converter, generates no text) + validation of all.
Source format: groups separated by blank lines; each line  LABELS|REG|BEHAVIOUR|TEXT
LABELS: '-' harmless, else comma list; a leading '!' forces severity high.
severity high automatically for self_harm, disclosure, extremism, private_contact, sexual_content."""
import json, sys, os, glob, re
D = os.path.dirname(os.path.abspath(__file__))
ALLOWED = {'private_contact','over_familiar','sexual_content','bullying','self_harm','disclosure','extremism','violence'}
AUTO_HIGH = {'self_harm','disclosure','extremism','private_contact','sexual_content'}
REG = {'cc':'child_comment','cd':'child_dm','gc':'group_chat','gm':'gaming_chat','le':'learner_english',
       'st':'stranger_comment','sd':'stranger_dm','pa':'parent','hf':'host_family','sf':'staff_dm',
       'sp':'staff_post','se':'staff_email','tp':'adult_posing_teen','sc':'sport_chat','pd':'parent_dm'}
errors = []
def build(src):
    batch = re.search(r'batch-(\d+)', src).group(1)
    groups, cur = [], []
    for ln, line in enumerate(open(src, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip():
            if cur: groups.append(cur); cur = []
            continue
        if line.startswith('#'): continue
        parts = line.split('|', 3)
        if len(parts) != 4: errors.append(f'{src}:{ln}: bad line'); continue
        lab, reg, beh, text = [p.strip() if i < 3 else p for i, p in enumerate(parts)]
        text = text.strip()
        high = lab.startswith('!'); lab = lab.lstrip('!')
        labels = [] if lab in ('-', '') else [x.strip() for x in lab.split(',')]
        for l in labels:
            if l not in ALLOWED: errors.append(f'{src}:{ln}: bad label {l}')
        if reg not in REG: errors.append(f'{src}:{ln}: bad register {reg}'); continue
        rec = {'text': text, 'labels': labels, 'behaviour': beh, 'register': REG[reg], 'lang': 'en'}
        if labels and (high or AUTO_HIGH & set(labels)): rec['severity'] = 'high'
        if not labels and high: errors.append(f'{src}:{ln}: severity on harmless')
        cur.append(rec)
    if cur: groups.append(cur)
    out = []
    for i, g in enumerate(groups, 1):
        pid = f'hen2-{batch}-{i}'
        has_h = any(r['labels'] for r in g); has_ok = any(not r['labels'] for r in g)
        if has_h and not has_ok: errors.append(f'{src}: group {i} has no harmless twin: {g[0]["text"][:50]}')
        for r in g:
            r['pair'] = pid; out.append(r)
    return batch, out
allrecs = {}
for src in sorted(glob.glob(f'{D}/src/batch-*.txt')):
    b, recs = build(src); allrecs[b] = recs
seen = {}
for b, recs in allrecs.items():
    for r in recs:
        k = r['text'].strip().lower()
        if k in seen: errors.append(f'duplicate text: {r["text"][:60]} (batch {seen[k]} and {b})')
        seen[k] = b
if errors:
    print('\n'.join(errors)); sys.exit(1)
for b, recs in allrecs.items():
    tmp = f'{D}/batch-{b}.jsonl.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    os.replace(tmp, f'{D}/batch-{b}.jsonl')
# re-validate written files
from collections import Counter
lab = Counter(); n = harm = 0; regs = Counter(); sev = 0
pairs = {}
for fn in sorted(glob.glob(f'{D}/batch-*.jsonl')):
    for line in open(fn, encoding='utf-8'):
        r = json.loads(line); n += 1
        assert set(r) <= {'text','labels','behaviour','register','lang','pair','severity'}
        assert all(l in ALLOWED for l in r['labels'])
        if r['labels']: harm += 1
        for l in r['labels']: lab[l] += 1
        if not r['labels']: lab['(harmless)'] += 1
        regs[r['register']] += 1; sev += r.get('severity') == 'high'
        pairs.setdefault(r['pair'], [0, 0])[0 if r['labels'] else 1] += 1
bad = [p for p, (h, ok) in pairs.items() if h and not ok]
assert not bad, bad
print(f'OK lines={n} harmful={harm} harmless={n-harm} pairs={len(pairs)} high={sev}')
print(dict(lab.most_common()))
if '-v' in sys.argv: print(dict(regs.most_common()))
