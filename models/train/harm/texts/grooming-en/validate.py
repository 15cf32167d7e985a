import collections, json, glob, os, sys
ALLOWED = {"private_contact", "over_familiar", "sexual_content", "bullying", "self_harm",
           "disclosure", "extremism", "violence"}
HERE = os.path.dirname(os.path.abspath(__file__))
bad = 0
pairs = collections.defaultdict(lambda: [0, 0])
texts = collections.Counter()
rows = []
for p in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))):
    for i, line in enumerate(open(p, encoding="utf-8"), 1):
        try:
            r = json.loads(line)
        except Exception as e:
            print("bad json", p, i, e); bad += 1; continue
        for k in ("text", "labels", "behaviour", "register", "lang", "pair"):
            if k not in r:
                print("missing", k, p, i); bad += 1
        if set(r["labels"]) - ALLOWED:
            print("bad label", p, i, r["labels"]); bad += 1
        if r["labels"] and r["behaviour"].startswith("benign"):
            print("benign with labels", p, i); bad += 1
        if not r["labels"] and not r["behaviour"].startswith("benign"):
            print("harm without labels", p, i); bad += 1
        pairs[r["pair"]][1 if r["labels"] else 0] += 1
        texts[r["text"]] += 1
        rows.append(r)
for pid, (b, h) in pairs.items():
    if h and not b:
        print("pair without harmless twin", pid); bad += 1
dups = [t for t, c in texts.items() if c > 1]
harm = sum(1 for r in rows if r["labels"])
print(f"rows={len(rows)} harmful={harm} harmless={len(rows)-harm} distinct={len(texts)} dup_texts={len(dups)} "
      f"hand={sum(1 for r in rows if r.get('source')=='hand')} problems={bad}")
sys.exit(1 if bad else 0)
