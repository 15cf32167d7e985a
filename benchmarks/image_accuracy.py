"""Precision and recall per image category on the generated image corpus.

    python benchmarks/images/generate.py        # once: writes benchmarks/out/images/
    python benchmarks/image_accuracy.py [--dir benchmarks/out/images] [--verbose]

Scoring is per image: an image's predicted categories are those of findings with source
"image:0" (detector_error excluded); a category is a true positive when labelled, a false
positive when not, a false negative when labelled and not found.

With --redact, every image with findings is redacted (`postguard.images.redact.redact`, solid
fill) and OCR'd again: no word (3+ characters) of a flagged value may be read any more.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from postguard import Post, Screener  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=str(Path(__file__).parent / "out" / "images"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--redact", action="store_true", help="also check redaction by OCR")
    ap.add_argument("--first", type=int, default=80,
                    help="also score the first N images alone (80: the original set)")
    args = ap.parse_args()
    folder = Path(args.dir)
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    screener = Screener()
    scored: list[tuple[set[str], set[str]]] = []  # (want, got) per image
    t0 = time.perf_counter()
    redacted = leaked = 0
    for item in labels:
        post = Post(images=(str(folder / item["file"]),), metadata=item["metadata"])
        report = screener.screen(post)
        got = {f.category.value for f in report.findings
               if f.source == "image:0" and f.category.value != "detector_error"}
        want = set(item["categories"])
        scored.append((want, got))
        if args.verbose and got != want:
            print(f"{item['file']} {item['note']!r}: want {sorted(want)} got {sorted(got)}")
        if args.redact and item.get("text") and got & want:
            from postguard.images.load import load_image
            from postguard.images.ocr import recognise
            from postguard.images.redact import redact

            # The flagged values: the OCR text under each finding's span (OCR is deterministic).
            original = recognise(load_image(post.images[0], 0).gray).text
            values = [original[f.start:f.end] for f in report.findings
                      if f.source == "image:0" and f.start is not None]
            boxes = [f.box for f in report.findings if f.box is not None]
            result = redact(post.images[0], boxes)
            text = recognise(result.image.convert("L")).text.lower()
            redacted += 1
            words = [w.lower() for v in values for w in v.split() if len(w) >= 3]
            if any(w in text for w in words):
                leaked += 1
                print(f"{item['file']}: still reads part of the value after redaction")
    elapsed = time.perf_counter() - t0
    print(f"{len(labels)} images in {elapsed:.1f} s")
    if args.redact:
        print(f"redaction: {redacted} images redacted, {leaked} still read a flagged word")
    table(f"all {len(scored)} images", scored)
    if 0 < args.first < len(scored):
        table(f"the first {args.first} images", scored[:args.first])
        table(f"images {args.first}-{len(scored) - 1}", scored[args.first:])


def table(title: str, scored: list[tuple[set[str], set[str]]]) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for want, got in scored:
        tp.update(got & want)
        fp.update(got - want)
        fn.update(want - got)
    print(f"\n{title}")
    print(f"{'category':<16}{'tp':>4}{'fp':>4}{'fn':>4}{'precision':>11}{'recall':>8}")
    for c in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 1.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 1.0
        print(f"{c:<16}{tp[c]:>4}{fp[c]:>4}{fn[c]:>4}{p:>11.2f}{r:>8.2f}")


if __name__ == "__main__":
    main()
