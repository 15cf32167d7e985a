"""Addresses and phones on real published data nobody here wrote (evaluation only).

Reads `<repo>/../shared/data/external/addresses.jsonl` and `phones.jsonl` (see that folder's
README: never copy a line into the project, never tune to one). For every expected span:

- found: some finding of its category overlaps it;
- fully covered (addresses): the findings that redact it (address or location) together
  cover every letter and digit of it, so the redacted text keeps no part of the address;
- coverage: the share of its letters and digits those findings cover (mean).

Phones are counted per layout (`meta.layout`), and a phone finding on one of the 200
number-like sentences that hold no phone (`expect: []`) is a false phone.

    .venv/bin/python benchmarks/external_identifiers.py
    .venv/bin/python benchmarks/external_identifiers.py --misses   # print the spans missed
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO.parent / "shared" / "data" / "external"
REDACTS_ADDRESS = frozenset({"address", "location"})


def _rows(name: str) -> list[dict[str, Any]]:
    path = DATA_DIR / name
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _findings(text: str) -> list[tuple[str, int, int]]:
    import postguard

    report = postguard.screen(text)
    return [(f.category.value, f.start, f.end) for f in report.findings
            if f.start is not None and f.end is not None]


def _covered(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> float:
    """Share of the letters and digits in text[start:end] inside some span."""
    keep = [i for i in range(start, end) if text[i].isalnum()]
    if not keep:
        return 1.0
    hit = sum(1 for i in keep if any(s <= i < e for s, e in spans))
    return hit / len(keep)


def addresses(misses: bool) -> dict[str, Any]:
    rows = _rows("addresses.jsonl")
    total = found = full = 0
    cover_sum = 0.0
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        text = row["text"]
        found_spans = _findings(text)
        address_spans = [(s, e) for c, s, e in found_spans if c == "address"]
        redact_spans = [(s, e) for c, s, e in found_spans if c in REDACTS_ADDRESS]
        for exp in row["expect"]:
            start = text.find(exp["text"])
            if start < 0:
                continue
            end = start + len(exp["text"])
            total += 1
            form = row["meta"].get("form", "?")
            by_form[form][0] += 1
            is_found = any(s < end and start < e for s, e in address_spans)
            share = _covered(text, start, end, redact_spans) if is_found else 0.0
            cover_sum += share
            if is_found:
                found += 1
                by_form[form][1] += 1
            if is_found and share == 1.0:
                full += 1
                by_form[form][2] += 1
            elif misses:
                left = "".join(ch if not any(s <= start + i < e for s, e in redact_spans)
                               else "#" for i, ch in enumerate(exp["text"]))
                print(f"  {row['id']} [{form}] {'found' if is_found else 'MISSED'}: {left!r}")
    return {
        "spans": total,
        "found": round(found / total, 3),
        "fully_covered": round(full / total, 3),
        "mean_coverage": round(cover_sum / total, 3),
        "by_form": {k: {"spans": v[0], "found": v[1], "fully_covered": v[2]}
                    for k, v in sorted(by_form.items())},
    }


def phones(misses: bool) -> dict[str, Any]:
    rows = _rows("phones.jsonl")
    total = found = false_rows = clean = 0
    by_layout: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        text = row["text"]
        spans = [(s, e) for c, s, e in _findings(text) if c == "phone"]
        if not row["expect"]:
            clean += 1
            if spans:
                false_rows += 1
                if misses:
                    print(f"  {row['id']} FALSE PHONE")
            continue
        layout = row["meta"].get("layout", "?")
        for exp in row["expect"]:
            start = text.find(exp["text"])
            if start < 0:
                continue
            end = start + len(exp["text"])
            total += 1
            by_layout[layout][0] += 1
            if any(s < end and start < e for s, e in spans):
                found += 1
                by_layout[layout][1] += 1
            elif misses:
                print(f"  {row['id']} [{layout}] MISSED")
    return {
        "spans": total,
        "found": round(found / total, 3),
        "false_phones": f"{false_rows}/{clean}",
        "by_layout": {k: f"{v[1]}/{v[0]}" for k, v in sorted(by_layout.items())},
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print what was missed or left")
    ap.add_argument("--only", choices=("addresses", "phones"), default=None)
    args = ap.parse_args(argv)
    if not DATA_DIR.is_dir():
        print(f"no data at {DATA_DIR}", file=sys.stderr)
        return 2
    out: dict[str, Any] = {}
    if args.only in (None, "addresses"):
        out["addresses"] = addresses(args.misses)
    if args.only in (None, "phones"):
        out["phones"] = phones(args.misses)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
