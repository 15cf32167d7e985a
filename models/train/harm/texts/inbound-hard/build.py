"""1:1 format converter for hand-written lines in src/*.txt -> inbound-hard.jsonl.
Each source line: LABELS|REG|BEHAVIOUR|TEXT  (no text is generated here).
LABELS: '-' harmless, else abbreviations joined by '+', trailing '!' = severity high.
A harmful line starts a new pair unless prefixed '&'; harmless lines join the current pair."""
import json, os, sys, glob, collections
AB = {"pri": "private_contact", "fam": "over_familiar", "sex": "sexual_content", "bul": "bullying",
      "sh": "self_harm", "dis": "disclosure", "ext": "extremism", "vio": "violence"}
RG = {"cc": "child_comment", "cd": "child_dm", "pc": "parent_comment", "pd": "parent_dm",
      "sc": "stranger_comment", "hf": "host_family", "le": "learner_english", "gc": "gaming_chat",
      "sp": "sport_chat", "sd": "staff_dm", "st": "staff_post"}
here = os.path.dirname(os.path.abspath(__file__))
rows, seen, errs, pair, n = [], set(), [], None, 0
for f in sorted(glob.glob(os.path.join(here, "src", "*.txt"))):
    for i, line in enumerate(open(f, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|", 3)
        if len(parts) != 4 or not parts[3].strip():
            errs.append(f"{f}:{i} bad format"); continue
        lab, reg, beh, text = [p.strip() for p in parts]
        cont = lab.startswith("&"); lab = lab.lstrip("&")
        high = lab.endswith("!"); lab = lab.rstrip("!")
        labels = [] if lab == "-" else lab.split("+")
        if any(l not in AB for l in labels): errs.append(f"{f}:{i} bad label {lab}"); continue
        if reg not in RG: errs.append(f"{f}:{i} bad register {reg}"); continue
        if high and not labels: errs.append(f"{f}:{i} severity on harmless"); continue
        if labels and not cont:
            n += 1; pair = f"ih-{n:04d}"
        if pair is None: errs.append(f"{f}:{i} harmless before any pair"); continue
        key = " ".join(text.lower().split())
        if key in seen: errs.append(f"{f}:{i} duplicate: {text}"); continue
        seen.add(key)
        o = {"text": text, "labels": [AB[l] for l in labels], "behaviour": beh.replace("_", " "),
             "register": RG[reg], "lang": "en", "pair": pair}
        if high: o["severity"] = "high"
        rows.append(o)
sides = collections.defaultdict(lambda: [0, 0])
for o in rows: sides[o["pair"]][bool(o["labels"])] += 1
for p, (h, b) in sides.items():
    if not h or not b: errs.append(f"pair {p} one-sided (harmless={h}, harmful={b})")
if errs:
    print("\n".join(errs)); sys.exit(1)
tmp = os.path.join(here, ".inbound-hard.jsonl.tmp")
with open(tmp, "w", encoding="utf-8") as fh:
    for o in rows: fh.write(json.dumps(o, ensure_ascii=False) + "\n")
os.replace(tmp, os.path.join(here, "inbound-hard.jsonl"))
c = collections.Counter(l for o in rows for l in o["labels"])
print("lines", len(rows), "harmful", sum(1 for o in rows if o["labels"]), "harmless",
      sum(1 for o in rows if not o["labels"]), "pairs", len(sides), "high", sum(1 for o in rows if o.get("severity")))
print(dict(c)); print(dict(collections.Counter(o["register"] for o in rows)))
