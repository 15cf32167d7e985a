#!/usr/bin/env python3
"""Build the harms-en training files from the hand-written sources in src/.

src/*.txt format (all text hand-written by writer "harms-en"):
  - blocks separated by blank lines; one block = one pair id (a harmful core and its
    harmless twins, or a group of harmless one-to-one messages);
  - each line:  LABELS|SEV|BEHAVIOUR|REGISTER|TEXT
      LABELS   comma-separated labels, or '-' for harmless
      SEV      'h' for severity high, '-' for none
  - lines starting with '#' are comments.

Outputs (rewritten atomically on every run, deterministic, seed 20261207):
  hand.jsonl      every hand-written line, exactly as written
  composed.jsonl  extra lines: a hand-written core inside register-appropriate openers and
                  closers (own fragments, see OPEN/CLOSE below); same labels, same pair id.

Usage: python3 compose.py [--composed N]   (default N=2300)
"""
import json, os, random, re, sys, glob, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWED = {"bullying", "self_harm", "disclosure", "extremism", "violence",
           "private_contact", "over_familiar", "sexual_content"}
SEED = 20261207

# register groups -> fragments (written for this file; neutral: they carry no harm and
# appear on harmful and harmless lines alike)
GROUP = {
    "child_comment": "kid", "student_dm": "kid", "group_chat": "kid", "game_chat": "kid",
    "inbound_message": "kid_formal", "stranger": "adult", "parent": "adult",
    "staff_post": "staff", "staff_dm": "staffdm", "staff_draft": "staff", "staff_note": "note",
    "host_family": "adult", "news": "news",
}
OPEN = {
    "kid": ["hey", "hi", "ok so", "um,", "so", "tbh", "honestly", "wait", "listen,", "idk but",
            "hiya", "oi", "ok", "so basically", "sorry random but", "right so", "yo",
            "can i say something?", "not gonna lie", "ngl", "btw", "also", "hmm", "omg",
            "sooo", "hey it's me.", "quick one -", "real talk:", "srsly", "ok listen",
            "so um", "right,", "hey u there?", "lol ok so"],
    "kid_formal": ["Hello,", "Hi,", "Hello teacher,", "Hi miss,", "Hi sir,", "Excuse me,",
                   "Sorry to message,", "Good evening,", "Dear teacher,", "Hello again,",
                   "Sorry for writing here,", "Hi, can I ask something?", "Good morning,",
                   "Hello, sorry for the late message.", "Hi, it's me again."],
    "adult": ["Hello,", "Hi,", "Good morning,", "Good afternoon,", "Dear team,",
              "To whom it may concern,", "Hi there,", "Evening,", "Quick message:",
              "Hello all,", "Dear Sir or Madam,", "Just a note:", "Hello again,"],
    "staffdm": ["", "Hi,", "Hello,", "Good morning,", "Quick one:", "Good afternoon,"],
    "note": ["Note:", "Logged:", "Record:", "For the file:", "Entry:", "Tutor log:",
             "Pastoral log:", "Written up after period 3:", "Note from the form tutor:"],
    "news": ["Local news:", "From the local paper:", "News:", "In the news today:", "Report:",
             "Community news:"],
    "staff": ["", "Update:", "Note:", "Hi all,", "Good morning everyone,", "Quick reminder:",
              "From the office:", "Hello team,", "This week:", "Heads up:", "Please note:"],
}
CLOSE = {
    "kid": ["", "...", "idk", "anyway", "ok", "pls reply", "ttyl", "bye",
            "just saying", "🙁", "😐", "🙂", "sorry", "so yeah", "k", "fr", "…",
            "thats all", "bye for now", "talk later", "✌️", "😶", "(sorry for typos)"],
    "kid_formal": ["Thank you.", "Thanks.", "Sorry for my English.", "Please answer.",
                   "Thank you for reading.", "Sorry.", "Bye.", "I hope you understand.",
                   "Thank you teacher.", "Have a good day.", "Sorry to bother you.", ""],
    "adult": ["Thank you.", "Regards.", "Best wishes.", "Kind regards,", "Thanks in advance.",
              "Many thanks.", "Sent from my phone.", "Cheers.", "Thanks.", ""],
    "staffdm": ["", "Best wishes.", "Thanks.", "See you tomorrow.", "Any questions, just ask.",
                "Kind regards.", "Thank you."],
    "note": ["", "Initials: JR.", "Time: 10:40.", "Entered by form tutor.", "Filed.",
             "Time: 14:15.", "Initials: AP.", "(staff note)"],
    "news": ["", "More to follow.", "(local paper)", "Updated at 6pm."],
    "staff": ["", "Thank you.", "Many thanks.", "Any questions, ask at reception.",
              "Thanks all.", "Have a good week.", "Best wishes.", "See you soon."],
}


def parse():
    rows, pairs = [], collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        stem = os.path.splitext(os.path.basename(path))[0]
        block = 0
        fresh = True
        with open(path, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                line = raw.rstrip("\n")
                if not line.strip():
                    fresh = True
                    continue
                if line.startswith("#"):
                    continue
                if fresh:
                    block += 1
                    fresh = False
                parts = line.split("|", 4)
                if len(parts) != 5:
                    sys.exit(f"{path}:{n}: expected 5 fields")
                labs, sev, beh, reg, text = (p.strip() for p in parts)
                labels = [] if labs == "-" else [l.strip() for l in labs.split(",")]
                bad = [l for l in labels if l not in ALLOWED]
                if bad or not text or reg not in GROUP or sev not in ("h", "-"):
                    sys.exit(f"{path}:{n}: bad line {bad} {reg} {sev}")
                pid = f"hmen-{stem}-{block:03d}"
                obj = {"text": text, "labels": labels, "behaviour": beh, "register": reg,
                       "lang": "en", "pair": pid}
                if sev == "h":
                    obj["severity"] = "high"
                rows.append(obj)
                pairs[pid].append(obj)
    # every pair that holds a harmful line must hold a harmless one too
    for pid, objs in pairs.items():
        harm = any(o["labels"] for o in objs)
        safe = any(not o["labels"] for o in objs)
        if harm and not safe:
            sys.exit(f"pair {pid} has no harmless twin: {objs[0]['text'][:60]}")
    return rows


GREETING = ("hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening",
            "excuse me", "sorry to", "teacher", "hiya", "to whom", "evening")


def wrap(obj, rng):
    g = GROUP[obj["register"]]
    o, c = rng.choice(OPEN[g]), rng.choice(CLOSE[g])
    t = obj["text"]
    if t.lower().startswith(GREETING):
        o = ""  # no double greeting
    if g in ("note", "staff", "news") and re.match(r"^[A-Za-z][\w &-]{0,25}:", t):
        o = ""  # core already has its own heading
    if g in ("adult", "kid_formal") and t.rstrip().lower().endswith(("thank you.", "thanks.", "thank you!")):
        c = ""
    if g == "kid" and rng.random() < 0.35:
        t = t.lower()
    if o:
        first = t[:1].lower() + t[1:] if g == "kid" else t
        t = f"{o} {first}"
    if c:
        t = f"{t} {c}" if not c.startswith("(") else f"{t} {c}"
    return t, (o, c)


def compose(rows, n):
    rng = random.Random(SEED)
    seen = {r["text"] for r in rows}
    out, frames = [], collections.Counter()
    harmful = [r for r in rows if r["labels"]]
    harmless = [r for r in rows if not r["labels"]]
    # balance: per-category harmful quota, and as many harmless as harmful
    main = ["bullying", "self_harm", "disclosure", "extremism", "violence"]
    bycat = collections.defaultdict(list)
    for r in harmful:
        first = next((l for l in r["labels"] if l in main), None)
        if first:
            bycat[first].append(r)
    made = collections.Counter()
    cap = max(1, int(0.05 * n))
    want_h = n // 2
    cats = sorted(bycat)
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        if sum(1 for x in out if x["labels"]) < want_h:
            cat = min(cats, key=lambda k: (made[k], k))
            base = rng.choice(bycat[cat])
        else:
            base = rng.choice(harmless)
        text, frame = wrap(base, rng)
        if text in seen or frames[frame] >= cap or frame == ("", ""):
            continue
        seen.add(text)
        frames[frame] += 1
        if base["labels"]:
            made[cat] += 1
        new = dict(base)
        new["text"] = text
        new["behaviour"] = base["behaviour"]
        out.append(new)
    return out


def write(path, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def main():
    n = 2300
    if "--composed" in sys.argv:
        n = int(sys.argv[sys.argv.index("--composed") + 1])
    rows = parse()
    write(os.path.join(HERE, "hand.jsonl"), rows)
    comp = compose(rows, n) if n else []
    write(os.path.join(HERE, "composed.jsonl"), comp)
    allr = rows + comp
    c = collections.Counter()
    for r in allr:
        for l in r["labels"] or ["harmless"]:
            c[l] += 1
    hh = collections.Counter("harmful" if r["labels"] else "harmless" for r in rows)
    print(f"hand={len(rows)} distinct={len({r['text'] for r in rows})} {dict(hh)}")
    print(f"composed={len(comp)} total={len(allr)}")
    print("per label (all):", dict(sorted(c.items())))
    print("harmful total:", sum(1 for r in allr if r['labels']),
          "harmless total:", sum(1 for r in allr if not r['labels']))


if __name__ == "__main__":
    main()
