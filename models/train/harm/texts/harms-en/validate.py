#!/usr/bin/env python3
"""Validate every *.jsonl in this folder: JSON, fields, labels, pairs, duplicates, frames."""
import json, glob, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWED = {"bullying", "self_harm", "disclosure", "extremism", "violence",
           "private_contact", "over_familiar", "sexual_content"}
KEYS = {"text", "labels", "behaviour", "register", "lang", "pair"}
ok = True
rows = []
for path in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        try:
            r = json.loads(line)
        except Exception as e:
            print(f"{path}:{n}: bad json {e}"); ok = False; continue
        miss = KEYS - r.keys()
        if miss or r["lang"] != "en" or not isinstance(r["labels"], list) or not r["text"].strip():
            print(f"{path}:{n}: bad fields {miss}"); ok = False
        if set(r["labels"]) - ALLOWED:
            print(f"{path}:{n}: bad label {r['labels']}"); ok = False
        if set(r["labels"]) & {"self_harm", "disclosure", "extremism"} and r.get("severity") != "high":
            print(f"{path}:{n}: missing severity high"); ok = False
        if not r["labels"] and "severity" in r:
            print(f"{path}:{n}: severity on harmless"); ok = False
        rows.append(r)
pairs = collections.defaultdict(set)
for r in rows:
    pairs[r["pair"]].add(bool(r["labels"]))
bad = [p for p, s in pairs.items() if True in s and False not in s]
if bad:
    print("pairs without harmless twin:", bad[:10]); ok = False
dups = [t for t, c in collections.Counter(r["text"] for r in rows).items() if c > 1]
if dups:
    print("duplicate texts:", len(dups), dups[:3]); ok = False
harm = sum(1 for r in rows if r["labels"])
cats = collections.Counter(l for r in rows for l in r["labels"])
print(f"lines={len(rows)} harmful={harm} harmless={len(rows)-harm} pairs={len(pairs)}")
print("per label:", dict(sorted(cats.items())))
print("per register:", dict(collections.Counter(r["register"] for r in rows).most_common()))
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
