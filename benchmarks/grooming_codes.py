"""Which findings make real chat stretches flagged: counts by finding code only (evaluation only).

    .venv/bin/python benchmarks/grooming_codes.py [--data ../shared/data/external]
        [--kind nps_teen_rooms|offenders|nps_other_rooms|pan12_normal]

Reads `grooming.jsonl` (see that folder's README; never train or tune on it) and, for one kind
of stretch, screens every line twice as `benchmarks/harm_external.py` does (line by line with
no metadata, and as threads: direction inbound, author unknown). For each reading it prints how
many stretches have an acted finding of a grooming category (private_contact, over_familiar,
sexual_content), and per `code (detector, category)` in how many stretches that code is acted
and in how many it is the only grooming code acted. It prints codes and counts, never text.

Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from harm_external import GROOMING, kind_of  # noqa: E402

from postguard import Screener  # noqa: E402
from postguard.model import Post  # noqa: E402


def codes_by_stretch(rows: list[dict[str, Any]], threads: bool) -> dict[str, set[str]]:
    screener = Screener()
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        meta = {"thread": r["group"], "direction": "inbound"} if threads else {}
        rep = screener.screen(Post(text=r["text"], id=r["id"], metadata=meta))
        out[r["group"]] |= {f"{f.code} ({f.detector}, {f.category.value})" for f in rep.findings
                            if f.category.value in GROOMING and f.action is not None
                            and f.action.rank > 0}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "external")
    ap.add_argument("--kind", default="nps_teen_rooms")
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in (args.data / "grooming.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if kind_of(r) == args.kind]
    groups = {r["group"] for r in rows}
    for threads in (False, True):
        found = codes_by_stretch(rows, threads)
        flagged = sum(1 for g in groups if found.get(g))
        every: Counter[str] = Counter(c for g in groups for c in found.get(g, ()))
        alone: Counter[str] = Counter(next(iter(found[g])) for g in groups
                                      if len(found.get(g, ())) == 1)
        print(f"{'threads' if threads else 'lines'}: {flagged}/{len(groups)} stretches flagged")
        for code, n in every.most_common():
            print(f"  {n:4d} stretches  {alone[code]:4d} alone  {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
