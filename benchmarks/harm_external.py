"""postguard (with the harm model) on real public data nobody here wrote: evaluation only.

    .venv/bin/python benchmarks/harm_external.py [--data ../shared/data/external] [--json OUT]
        [--model DIR] [--only offensive|grooming]

Reads `offensive.jsonl` and `grooming.jsonl` (see that folder's README; never train or tune on
them) and prints:

- OLID 2019 test set and the Davidson sample's unanimous slice (all annotators agree): precision,
  recall and F1 of "flagged", where a tweet is flagged when postguard reports a finding of an
  offensive category (profanity, sexual_content, bullying, violence, extremism) that the default
  policy acts on; also the old reading (profanity or sexual_content only) for comparison.
- Grooming chats: the share of 20-line stretches (`group`) with a flagged line, offenders
  (Perverted-Justice, PAN 2012 predators) against ordinary chats (NPS teen rooms, all NPS rooms,
  PAN 2012 normal chats), where a line is flagged by a grooming category (private_contact,
  over_familiar, sexual_content); once line by line, and once as conversations (each stretch
  streamed as one `thread`, so the harm detector also judges the recent lines together).

Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from postguard import Screener  # noqa: E402
from postguard.model import Post, Report  # noqa: E402

OFFENSIVE = {"profanity", "sexual_content", "bullying", "violence", "extremism"}
OLD_OFFENSIVE = {"profanity", "sexual_content"}
GROOMING = {"private_contact", "over_familiar", "sexual_content"}


def acted(report: Report, categories: set[str]) -> bool:
    return any(f.category.value in categories and f.action is not None and f.action.rank > 0
               for f in report.findings)


def prf(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(1 for gold, got in pairs if gold and got)
    fp = sum(1 for gold, got in pairs if not gold and got)
    fn = sum(1 for gold, got in pairs if gold and not got)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "n": len(pairs)}


def offensive(screener: Screener, rows: list[dict[str, Any]]) -> dict[str, Any]:
    olid = [r for r in rows if r["source"].startswith("olid")]
    dav = [r for r in rows if r["source"].startswith("davidson")]

    def unanimous(r: dict[str, Any]) -> bool:
        v = r["meta"]["votes"]
        return max(v["hate_speech"], v["offensive_language"], v["neither"]) == v["count"]

    dav_u = [r for r in dav if unanimous(r)]
    out: dict[str, Any] = {}
    for name, subset in (("olid", olid), ("davidson_unanimous", dav_u)):
        reports = list(screener.screen_many([Post(text=r["text"], id=r["id"]) for r in subset]))
        gold = [r["label"] == "offensive" for r in subset]
        out[name] = prf([(g, acted(rep, OFFENSIVE)) for g, rep in zip(gold, reports, strict=True)])
        out[name + "_old_reading"] = prf(
            [(g, acted(rep, OLD_OFFENSIVE)) for g, rep in zip(gold, reports, strict=True)])
        out[name + "_harm_layer_only"] = prf(
            [(g, any(f.detector == "harm" and f.category.value in OFFENSIVE for f in rep.findings))
             for g, rep in zip(gold, reports, strict=True)])
    return out


def kind_of(r: dict[str, Any]) -> str:
    if r["label"] == "predatory":
        return "offenders"
    if r["source"] == "nps-chat":
        return "nps_teen_rooms" if "teens" in r["meta"].get("room", "") else "nps_other_rooms"
    return "pan12_normal"


def stretches(screener: Screener, rows: list[dict[str, Any]], threads: bool) -> dict[str, Any]:
    flagged: dict[str, bool] = defaultdict(bool)
    by_model: dict[str, bool] = defaultdict(bool)
    kinds: dict[str, str] = {}
    lines = defaultdict(lambda: [0, 0])
    for r in rows:
        meta = {"thread": r["group"], "direction": "inbound"} if threads else {}
        rep = screener.screen(Post(text=r["text"], id=r["id"], metadata=meta))
        hit = acted(rep, GROOMING)
        flagged[r["group"]] |= hit
        by_model[r["group"]] |= any(f.detector == "harm" and f.category.value in GROOMING
                                    for f in rep.findings)
        kinds[r["group"]] = kind_of(r)
        lines[kind_of(r)][0] += hit
        lines[kind_of(r)][1] += 1
    out: dict[str, Any] = {}
    for kind in sorted(set(kinds.values())):
        groups = [g for g, k in kinds.items() if k == kind]
        n = sum(flagged[g] for g in groups)
        m = sum(by_model[g] for g in groups)
        out[kind] = {"stretches_flagged": round(n / len(groups), 3), "stretches": len(groups),
                     "stretches_flagged_by_harm_layer": round(m / len(groups), 3),
                     "lines_flagged": round(lines[kind][0] / lines[kind][1], 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "external")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--model", type=Path, help="a harm model folder (default: the shipped one)")
    ap.add_argument("--only", choices=("offensive", "grooming"), help="measure one set only")
    args = ap.parse_args(argv)
    if args.model is not None:
        from postguard.detectors.harm.detector import HarmDetector

        HarmDetector.model_folder = args.model
    read = lambda name: [json.loads(x) for x in (args.data / name).open(encoding="utf-8")]  # noqa: E731
    t0 = time.perf_counter()
    result: dict[str, Any] = {}
    if args.only != "grooming":
        result["offensive"] = offensive(Screener(), read("offensive.jsonl"))
    if args.only != "offensive":
        chats = read("grooming.jsonl")
        result["grooming_lines"] = stretches(Screener(), chats, threads=False)
        result["grooming_threads"] = stretches(Screener(), chats, threads=True)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
