"""alt-profanity-check on the OLID 2019 test set (in ../shared/data/external/offensive.jsonl),
scored as benchmarks/harm_external.py scores postguard there: precision, recall and F1 of
"offensive". Runs in the peer's own venv (benchmarks/peers/setup_peers.sh):

    benchmarks/out/peers/alt_profanity_check/bin/python benchmarks/peers/run_olid.py

alt-profanity-check was trained on Davidson et al.'s tweets, so only OLID is a fair comparison.
Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "external")
    args = ap.parse_args(argv)
    from profanity_check import predict  # the peer's venv only

    rows = [json.loads(x) for x in (args.data / "offensive.jsonl").open(encoding="utf-8")]
    olid = [r for r in rows if r["source"].startswith("olid")]
    t = time.perf_counter()
    got = [bool(x) for x in predict([r["text"] for r in olid])]
    seconds = time.perf_counter() - t
    gold = [r["label"] == "offensive" for r in olid]
    tp = sum(g and p for g, p in zip(gold, got, strict=True))
    p = tp / max(1, sum(got))
    r = tp / max(1, sum(gold))
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(json.dumps({"peer": "alt-profanity-check", "set": "olid", "n": len(olid),
                      "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                      "seconds": round(seconds, 3)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
