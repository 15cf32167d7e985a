"""School recall on real school names, and false positives on school-like traps.

Reads the public lists in <repo>/../shared/data/schools/ (england.tsv, wales.tsv; OGL, see
that folder's README). They are read here and never copied into the project. Each name is
embedded, as written, in realistic sentences; a name counts as recalled when `school`
findings cover at least 80% of its characters (spaces excluded).

Names that contain "University" are left out: universities are traps by design, not
schools. Names with no school word at all ("The Haven", "Christ's Hospital") stay in, so
the recall below is over every other real name.

    .venv/bin/python benchmarks/school_recall.py                 # every name, 3 sentences
    .venv/bin/python benchmarks/school_recall.py --sample 2000   # a quick look
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO.parent / "shared" / "data" / "schools"
COVERAGE = 0.8

TEMPLATES = (
    "{name} has been shortlisted for a national award.",
    "Well done to the netball team from {name} on reaching the final!",
    "Amy has just started Year 7 at {name}.",
    "Our exchange students spent the morning at {name} and loved it",
    "Congratulations {name}, what a brilliant result!",
    "Huge thanks to the staff of {name} for hosting us today.",
    "Sports day with {name} was a great success 🏆",
)

# School-like sentences that name no particular school (written for this benchmark).
TRAPS = (
    "Summer school starts on Monday: bring a packed lunch.",
    "Our Summer School welcomed 40 students from 12 countries.",
    "Kaplan Language School and other language schools are closed over Christmas.",
    "Applications for our English Language Summer School are open.",
    "The school trip to the Royal Academy of Arts was a highlight.",
    "Students performed with the Royal Academy of Music youth orchestra.",
    "We watched School of Rock at the end of term.",
    "Three former students now study at Oxford University.",
    "She has a place at University College London to read medicine.",
    "He is starting at King's College London in September.",
    "Who will win at the Academy Awards this year?",
    "Sixth Form open evening is on Thursday.",
    "Meet us on the High Street outside the bank.",
    "The High Commission hosted a reception for students.",
    "Junior doctors visited to talk about careers in medicine.",
    "Reception learnt about primary colours today.",
    "Primary care services are closed on bank holidays.",
    "Year 3 enjoyed a grammar lesson with a twist.",
    "Nursery rhymes week in the Early Years classroom!",
    "The minibus will pick up on College Road at 8am.",
    "Junior Chef club is back after half term.",
    "Choosing a secondary school can feel daunting.",
    "Year 7 settled in brilliantly this week.",
    "Trials for the Premier League Academy are in May.",
    "Revise with Khan Academy over the holidays.",
    "Staff completed the Google Academy training.",
    "Welcome back to the Academy!",
    "Our school is closed for the holidays.",
    "The school holidays start on Friday.",
    "Forest School this afternoon: wellies please!",
    "Sunday School resumes next week at the church hall.",
    "A new Free School will open in the town next year.",
    "Local Primary School places are allocated in April.",
    "Which Secondary School? Our guide for parents.",
    "Welcome to CIE Academy's summer programme!",
    "A record High for our attendance figures this term.",
    "Our Primary School Games went really well.",
    "Well done to every Nursery School in the county.",
    "The Academy Trust board meets on Tuesday.",
    "Imperial College researchers ran a science workshop.",
    "High School Musical auditions are on Friday.",
    "School Lane will be closed for resurfacing.",
    "Parents evening: the Hall, School House.",
    "Thanks to the Sixth Form team for organising the fair.",
    "Junior Bake Off final tonight!",
    "The International School Award was presented to us.",
    "She trained at the Royal College of Nursing.",
    "Happy Christmas from everyone at Primary School Direct.",
)


@dataclass
class Result:
    names: int = 0
    sentences: int = 0
    recalled: int = 0
    seconds: float = 0.0
    misses: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recalled / self.names if self.names else 0.0


def load_names(data_dir: Path = DATA_DIR) -> list[str]:
    """Every distinct school name in the lists (English and Welsh forms), minus universities."""
    names: dict[str, None] = {}
    for fname, cols in (("england.tsv", ("name",)), ("wales.tsv", ("name", "name_cy"))):
        with open(data_dir / fname, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                for col in cols:
                    name = " ".join((row.get(col) or "").split())
                    if name and "University" not in name:
                        names[name] = None
    return list(names)


def covered(name_start: int, name_end: int, spans: Sequence[tuple[int, int]],
            text: str) -> float:
    """Share of the name's non-space characters that the spans cover."""
    hit = total = 0
    for pos in range(name_start, name_end):
        if text[pos].isspace():
            continue
        total += 1
        if any(s <= pos < e for s, e in spans):
            hit += 1
    return hit / total if total else 0.0


def measure(detector: object, names: Sequence[str], per_name: int = 3, seed: int = 7,
            keep_misses: int = 40) -> Result:
    rng = random.Random(seed)
    res = Result()
    detect = detector.detect_text  # type: ignore[attr-defined]
    for name in names:
        res.names += 1
        ok = True
        texts = []
        for template in rng.sample(TEMPLATES, per_name):
            text = template.format(name=name)
            start = template.index("{name}")
            texts.append((text, start, start + len(name)))
        for text, a, b in texts:
            t0 = time.perf_counter()
            spans = [(f.start, f.end) for f in detect(text)]
            res.seconds += time.perf_counter() - t0
            res.sentences += 1
            if covered(a, b, spans, text) < COVERAGE:
                ok = False
                if len(res.misses) < keep_misses:
                    res.misses.append((text, [text[s:e] for s, e in spans]))
                break
        res.recalled += ok
    return res


def false_positives(detector: object, traps: Sequence[str] = TRAPS) -> list[tuple[str, str]]:
    hits = []
    for text in traps:
        for f in detector.detect_text(text):  # type: ignore[attr-defined]
            hits.append((text, text[f.start:f.end]))
    return hits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--sample", type=int, default=0, help="names to sample (0 = all)")
    ap.add_argument("--per-name", type=int, default=3, help="sentences per name")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--misses", type=int, default=25, help="misses to print")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"school data not found at {args.data}", file=sys.stderr)
        return 2
    from postguard.detectors.schools import SchoolDetector
    from postguard.policy import Policy

    det = SchoolDetector(Policy.default())
    names = load_names(args.data)
    if args.sample:
        names = random.Random(args.seed).sample(names, min(args.sample, len(names)))
    res = measure(det, names, args.per_name, args.seed, keep_misses=args.misses)
    print(f"names: {res.names}  sentences: {res.sentences}  per name: {args.per_name}")
    print(f"recall: {res.recall:.4f}  ({res.recalled}/{res.names}; a name counts when every "
          f"one of its sentences covers >= {COVERAGE:.0%} of it)")
    print(f"time: {res.seconds * 1e3 / max(res.sentences, 1):.4f} ms per sentence")
    print("misses:")
    for text, found in res.misses[: args.misses]:
        print(f"  {text!r} -> {found}")
    fps = false_positives(det)
    print(f"traps: {len(TRAPS)} sentences, {len({t for t, _ in fps})} with a school finding")
    for text, value in fps:
        print(f"  FP {value!r} in {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
