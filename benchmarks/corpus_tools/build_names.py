"""Build benchmarks/corpus/names.jsonl from the hand-written names_source/names.txt.

Written by the postguard project. The source format is the core corpus's (source/README.md):
`VERDICT|NOTE|TEXT` with labelled spans marked `[[code:span]]`; this script reuses
build_core's line parser, numbers the posts `names-0001` ... in file order, and checks the
labelling rules of this file:

- a child's full name (`pn`) is review; with a school, address or location label in the same
  post (the triangle of risk) the verdict is block;
- a post without labels is allow, and its note says what it imitates (`trap: ...`).

    python benchmarks/corpus_tools/build_names.py            # writes the corpus
    python benchmarks/corpus_tools/build_names.py --check    # only checks and prints counts
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_core import RANK, parse_line, run  # noqa: E402

SOURCE = HERE / "names_source" / "names.txt"
OUT = HERE.parent / "corpus" / "names.jsonl"
TRIANGLE = {"school", "address", "location"}


# A post that says it shows a photo of the people it names (postguard's
# data/names/photo_cues.txt, in short): a full name there is block (DESIGN.md triangle).
PHOTO = re.compile(r"pictured|photo caption|photos? below|left to right|\bl\s*[-–]\s*r\b|📸",
                   re.IGNORECASE)


def build() -> list[dict[str, object]]:
    posts: list[dict[str, object]] = []
    for n, line in enumerate(SOURCE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{SOURCE.name}:{n}"
        post = parse_line(line, where)
        labels = post["labels"]
        assert isinstance(labels, list)
        cats = {lab["category"] for lab in labels}
        verdict = str(post["expected_verdict"])
        if "person_name" in cats and cats & TRIANGLE and verdict != "block":
            raise SystemExit(f"{where}: a full name with {sorted(cats & TRIANGLE)} is block")
        if "person_name" in cats and cats <= {"person_name", "date_of_birth"} \
                and RANK[verdict] > RANK["review"] and not PHOTO.search(str(post["text"])):
            raise SystemExit(f"{where}: a full name without school/address/location/photo "
                             "is review")
        if not labels and verdict != "allow":
            raise SystemExit(f"{where}: a post without labels is allow")
        if not labels and not str(post["note"]).startswith("trap: "):
            raise SystemExit(f"{where}: a post without labels needs a 'T:' trap note")
        posts.append({"id": f"names-{len(posts) + 1:04d}", **post})
    return posts


def stats(posts: list[dict[str, object]]) -> None:
    verdicts: Counter[str] = Counter(str(p["expected_verdict"]) for p in posts)
    spans: Counter[str] = Counter()
    positives = traps = 0
    for p in posts:
        labels = p["labels"]
        assert isinstance(labels, list)
        for lab in labels:
            spans[lab["category"]] += 1
        positives += any(lab["category"] == "person_name" for lab in labels)
        traps += str(p["note"]).startswith("trap: person_name")
    print(f"{len(posts)} posts; verdicts {dict(verdicts)}")
    print(f"person_name: {positives} posts with names, {spans['person_name']} spans; "
          f"{traps} traps")
    print(f"other spans: {dict((c, n) for c, n in spans.items() if c != 'person_name')}")


def main(argv: list[str] | None = None) -> int:
    return run(__doc__ or "", build, stats, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
