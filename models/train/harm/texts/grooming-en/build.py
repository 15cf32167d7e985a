"""Turn the hand-written source files (src/hand_*.txt) into hand.jsonl.

Source format (one pair per '@' header):
  @ BEHAVIOUR REGISTER LABELCODES [high]
  - harmful text          (labels from LABELCODES, behaviour BEHAVIOUR)
  + harmless twin         (no labels, behaviour benign_oneto1)
  +n harmless twin        (no labels, behaviour benign_notice)
  @ benign REGISTER       (each following '+' line is its own standalone harmless item)
Label codes: P private_contact, O over_familiar, S sexual_content, B bullying,
H self_harm, D disclosure, E extremism, V violence.  '.' = none.
"""
import glob, json, os, sys

CODES = {"P": "private_contact", "O": "over_familiar", "S": "sexual_content", "B": "bullying",
         "H": "self_harm", "D": "disclosure", "E": "extremism", "V": "violence"}
HERE = os.path.dirname(os.path.abspath(__file__))


def parse():
    out, n = [], 0
    for path in sorted(glob.glob(os.path.join(HERE, "src", "hand_*.txt"))):
        cur = None
        for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@"):
                parts = line[1:].split()
                beh, reg = parts[0], parts[1]
                if beh == "benign":
                    cur = {"beh": beh, "reg": reg, "labels": [], "high": False, "pair": None}
                else:
                    n += 1
                    labs = [] if parts[2] == "." else [CODES[c] for c in parts[2]]
                    cur = {"beh": beh, "reg": reg, "labels": labs,
                           "high": "high" in parts[3:], "pair": "gr-%04d" % n}
                continue
            tag, _, text = line.partition(" ")
            text = text.strip()
            if cur is None or not text:
                sys.exit(f"{path}:{ln}: bad line")
            if cur["beh"] == "benign":
                n += 1
                pair = "gr-%04d" % n
            else:
                pair = cur["pair"]
            if tag == "-":
                rec = {"text": text, "labels": cur["labels"], "behaviour": cur["beh"],
                       "register": cur["reg"], "lang": "en", "pair": pair}
                if cur["high"]:
                    rec["severity"] = "high"
            elif tag in ("+", "+n"):
                rec = {"text": text, "labels": [],
                       "behaviour": "benign_notice" if tag == "+n" else "benign_oneto1",
                       "register": cur["reg"], "lang": "en", "pair": pair}
            else:
                sys.exit(f"{path}:{ln}: bad tag {tag!r}")
            rec["source"] = "hand"
            out.append(rec)
    return out


if __name__ == "__main__":
    recs = parse()
    with open(os.path.join(HERE, "hand.jsonl"), "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "hand lines")
