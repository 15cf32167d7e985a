"""Build benchmarks/corpus/core.jsonl from the hand-written source files in source/.

Written by the postguard project. The source format is described in source/README.md:
`VERDICT|NOTE|TEXT` with labelled spans marked `[[code:span]]`. This script strips the marks,
records each span as a label (with `occurrence` when the same text occurs more than once),
checks that every verdict is at least what the labels' default actions ask for, and prints
positives and traps per category.

    python benchmarks/corpus_tools/build_core.py            # writes the corpus
    python benchmarks/corpus_tools/build_core.py --check    # only checks and prints counts
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
OUT = HERE.parent / "corpus" / "core.jsonl"

CODES = {
    "ph": "phone", "em": "email", "ad": "address", "lo": "location", "sc": "school",
    "db": "date_of_birth", "sh": "social_handle", "pn": "person_name",
    "vp": "vehicle_plate",
}
VERDICTS = {"a": "allow", "r": "review", "b": "block"}
RANK = {"allow": 0, "review": 1, "block": 2}
# The least a lead would decide for a post carrying a label of this category (DESIGN.md).
FLOOR = {"phone": "block", "email": "block", "address": "block"}
MARK = re.compile(r"\[\[([a-z]{2}):(.+?)\]\]", re.DOTALL)
TRAP = re.compile(r"^T:([a-z,]+)\s*")


def occurrence_of(text: str, span: str, start: int) -> int:
    """How many times `span` occurs in `text` (overlaps counted) before `start`."""
    n, i = 0, text.find(span)
    while i != -1 and i < start:
        n += 1
        i = text.find(span, i + 1)
    return n


def parse_line(line: str, where: str) -> dict[str, object]:
    try:
        v, note, raw = line.split("|", 2)
    except ValueError:
        raise SystemExit(f"{where}: expected VERDICT|NOTE|TEXT") from None
    if v not in VERDICTS:
        raise SystemExit(f"{where}: verdict must be one of a, r, b")
    m = TRAP.match(note)
    if m:
        unknown = [c for c in m.group(1).split(",") if c not in CODES]
        if unknown:
            raise SystemExit(f"{where}: unknown trap code {unknown[0]!r}")
        cats = [CODES[c] for c in m.group(1).split(",")]
        note = f"trap: {'/'.join(cats)} — {note[m.end():].lstrip('— ').strip()}"
    raw = raw.replace("\\n", "\n")
    text_parts: list[str] = []
    spans: list[tuple[str, str, int]] = []
    pos, length = 0, 0
    for mm in MARK.finditer(raw):
        before = raw[pos:mm.start()]
        text_parts.append(before)
        length += len(before)
        code, span = mm.group(1), mm.group(2)
        if code not in CODES:
            raise SystemExit(f"{where}: unknown code {code!r}")
        spans.append((CODES[code], span, length))
        text_parts.append(span)
        length += len(span)
        pos = mm.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        raise SystemExit(f"{where}: unbalanced [[...]] mark")
    labels: list[dict[str, object]] = []
    for cat, span, start in spans:
        label: dict[str, object] = {"category": cat, "text": span}
        if text.count(span) > 1 or text.find(span) != start:
            label["occurrence"] = occurrence_of(text, span, start)
        labels.append(label)
    verdict = VERDICTS[v]
    need = max((FLOOR.get(str(lab["category"]), "review") for lab in labels),
               key=RANK.__getitem__, default="allow")
    if RANK[verdict] < RANK[need]:
        raise SystemExit(f"{where}: verdict {verdict} below {need} that its labels ask for")
    return {"text": text, "metadata": {}, "labels": labels, "expected_verdict": verdict,
            "note": note.strip()}


def build() -> list[dict[str, object]]:
    posts: list[dict[str, object]] = []
    for path in sorted(SOURCE.glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            post = parse_line(line, f"{path.name}:{n}")
            posts.append({"id": f"core-{len(posts) + 1:04d}", **post})
    return posts


def stats(posts: list[dict[str, object]]) -> None:
    pos: Counter[str] = Counter()
    spans: Counter[str] = Counter()
    traps: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    for p in posts:
        verdicts[str(p["expected_verdict"])] += 1
        labels = p["labels"]
        assert isinstance(labels, list)
        for c in {lab["category"] for lab in labels}:
            pos[c] += 1
        for lab in labels:
            spans[lab["category"]] += 1
        m = re.match(r"trap: ([a-z_/]+)", str(p["note"]))
        if m:
            for c in m.group(1).split("/"):
                traps[c] += 1
    print(f"{len(posts)} posts; verdicts {dict(verdicts)}")
    print(f"{'category':15} {'posts+':>6} {'spans':>6} {'traps':>6}")
    for c in CODES.values():
        print(f"{c:15} {pos[c]:6} {spans[c]:6} {traps[c]:6}")


def run(doc: str, build: Callable[[], list[dict[str, object]]],
        stats: Callable[[list[dict[str, object]]], None], out: Path,
        argv: list[str] | None = None) -> int:
    """The command line shared by the corpus builders: build, print counts, write JSONL."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="check and print counts only")
    args = ap.parse_args(argv)
    posts = build()
    stats(posts)
    if not args.check:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for p in posts:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        print(f"wrote {out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(__doc__ or "", build, stats, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
