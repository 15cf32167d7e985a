"""The accuracy floor: per-category precision and recall postguard may not fall below.

    .venv/bin/python benchmarks/floors.py            # check the corpus scores against floors.json
    .venv/bin/python benchmarks/floors.py --write    # measure now and record new floors

The floors live in benchmarks/floors.json, written from a measured run of
benchmarks/accuracy.py's scorer on every corpus file, each value rounded down to two decimals
after subtracting MARGIN (so a category with ~50 labels fails on its second lost hit, and one
with ~15 on its first). tests/test_accuracy_floor.py fails when a change lowers a score below
its floor. Rewrite the floors deliberately (--write) when the corpus grows or a detector gets
better, and say so in the commit message. Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from accuracy import evaluate  # noqa: E402
from corpus_lib import Scores, corpus_files, load_corpus  # noqa: E402

FLOORS_FILE = HERE / "floors.json"
MARGIN = 0.02
METRICS = ("precision", "recall")


def measure() -> Scores:
    """postguard's default Screener on every corpus file, scored per category."""
    return evaluate(load_corpus(corpus_files()))


def floor_of(value: float, margin: float = MARGIN) -> float:
    return max(0.0, math.floor(round((value - margin) * 100, 6)) / 100)


def make_floors(scores: Scores, margin: float = MARGIN) -> dict[str, Any]:
    floors: dict[str, dict[str, float]] = {}
    measured: dict[str, dict[str, float | int | None]] = {}
    for cat, s in sorted(scores.per_category.items()):
        measured[cat] = {"gold": s.gold, "predicted": s.predicted,
                         "precision": s.precision, "recall": s.recall}
        row = {m: floor_of(v, margin) for m in METRICS
               if (v := getattr(s, m)) is not None}
        if row and s.gold:  # no labels: no floor (its precision would only count FPs)
            floors[cat] = row
    return {
        "about": "Accuracy floors per category (benchmarks/floors.py; checked by "
                 "tests/test_accuracy_floor.py). Written by the postguard project.",
        "written": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": ".venv/bin/python benchmarks/floors.py --write",
        "margin": margin,
        "posts": scores.posts,
        "floors": floors,
        "measured": measured,
    }


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    floors: dict[str, dict[str, float]] = data["floors"]
    return floors


def violations(scores: Scores, floors: dict[str, dict[str, float]]) -> list[str]:
    """Every (category, metric) scoring below its floor, as a readable line."""
    out = []
    for cat, row in sorted(floors.items()):
        s = scores.per_category.get(cat)
        for metric, floor in sorted(row.items()):
            value = getattr(s, metric) if s is not None else None
            if metric == "precision" and value is None:
                continue  # nothing predicted: no false positive (recall says the rest)
            if value is None or value < floor:
                out.append(f"{cat} {metric} {'-' if value is None else f'{value:.3f}'} "
                           f"< floor {floor:.2f}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check or write postguard's accuracy floors.")
    ap.add_argument("--write", action="store_true", help="measure and write floors.json")
    ap.add_argument("--margin", type=float, default=MARGIN)
    args = ap.parse_args(argv)
    scores = measure()
    if args.write:
        data = make_floors(scores, args.margin)
        FLOORS_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"floors: wrote {FLOORS_FILE.name} for {len(data['floors'])} categories")
        return 0
    bad = violations(scores, load_floors())
    for line in bad:
        print(f"floors: {line}")
    print(f"floors: {'OK' if not bad else f'{len(bad)} below their floor'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
