"""CPU time per post of the default Screener on labelled posts (process time, not wall time).

On a shared machine wall-clock throughput (`speed.py`) swings by tens of percent from run to
run; process time swings less. To compare two versions of the code, run this alternately on
the same files, e.g. an older tree exported with `git archive <commit> src | tar -x -C DIR`:

    PYTHONPATH=DIR/src .venv/bin/python benchmarks/cpu_per_post.py --files a.jsonl b.jsonl
    .venv/bin/python benchmarks/cpu_per_post.py --files a.jsonl b.jsonl

Each run screens every post once to warm up, then `--runs` times; the best run is reported.
Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="+", required=True, type=Path,
                    help="JSONL files with a 'text' field per line")
    ap.add_argument("--runs", type=int, default=3, help="timed runs (best; default 3)")
    args = ap.parse_args(argv)
    import postguard

    texts: list[str] = []
    for path in args.files:
        with path.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    if not texts:
        print("no posts", file=sys.stderr)
        return 2
    screener = postguard.Screener()
    for t in texts:
        screener.screen(t)
    best = float("inf")
    for _ in range(args.runs):
        t0 = time.process_time()
        for t in texts:
            screener.screen(t)
        best = min(best, time.process_time() - t0)
    print(f"{postguard.__file__}: {len(texts)} posts, {len(texts) / best:.0f} posts/s CPU "
          f"({best * 1e6 / len(texts):.0f} us/post, best of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
