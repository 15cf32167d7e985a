"""Time per KB of one long post: is every per-post step linear in the post's size?

    .venv/bin/python benchmarks/size_speed.py                    # 10 KB, 100 KB, 1 MB, 5 MB
    .venv/bin/python benchmarks/size_speed.py --sizes 100,1000 --detectors   # per detector

One post of each size (KB of UTF-8) is built from the corpus texts (benchmarks/corpus/*.jsonl:
names, schools, places, phones, tone), shuffled with a fixed seed and joined by blank lines, so
the long post is full of findings the way a pasted archive page is. Each size is screened by
one default Screener after a warm-up on a 10 KB post; the CPU time (one core) of the fastest of
`--runs` runs is reported, with the time per KB, and the ratio of the 1 MB time to the 100 KB
time (linear work gives 10, quadratic 100; the target is <= 15). The size limit
(postguard.limits.MAX_TEXT_BYTES, 1 MB) is lifted so that 5 MB can be timed, and the time to
refuse a 5 MB post under the limit is reported too. `--detectors` also times each
detector alone and the report step (escalation, policy, redaction); `--dense` screens one
sentence with two names, a school, an address and a phone, repeated (the worst case for
rules that compare findings with each other). Written by the postguard
project.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_lib import corpus_files, load_corpus  # noqa: E402


def make_post(kb: int, seed: int = 2026) -> str:
    """About `kb` KB (UTF-8) of corpus posts, shuffled, one paragraph each."""
    texts = [p.text for p in load_corpus(corpus_files())]
    if not texts:
        raise SystemExit("size_speed: no corpus texts in benchmarks/corpus/")
    rng = random.Random(seed)
    want = kb * 1024
    parts: list[str] = []
    size = 0
    while size < want:
        batch = texts[:]
        rng.shuffle(batch)
        for t in batch:
            parts.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= want:
                break
    return "\n\n".join(parts)


DENSE_UNIT = ("Amy Smith and Tom Jones from Hove Park School met at 12 Mary Street, Brighton "
              "BN3 1AA; ring 07911 123456.\n")


def make_dense(kb: int) -> str:
    """About `kb` KB of one sentence holding two names, a school, an address and a phone:
    the worst case for rules that compare findings with each other."""
    return DENSE_UNIT * max(1, kb * 1024 // len(DENSE_UNIT))


def cpu(fn: Any, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000,5000", help="KB, comma-separated")
    ap.add_argument("--runs", type=int, default=1, help="runs per size (fastest is kept)")
    ap.add_argument("--detectors", action="store_true", help="time each detector too")
    ap.add_argument("--dense", action="store_true",
                    help="posts dense with names, places and phones (make_dense), not corpus")
    ap.add_argument("--json", type=Path, help="write the numbers here too")
    args = ap.parse_args(argv)

    import postguard
    from postguard.model import Post

    # The 5 MB post is over the size limit (postguard.limits): lifted here to time the work.
    screener = postguard.Screener(max_text_bytes=None)
    screener.screen(make_post(10, seed=1))  # loads every lazy part (the name model too)
    rows: list[dict[str, Any]] = []
    for kb in (int(s) for s in args.sizes.split(",")):
        text = make_dense(kb) if args.dense else make_post(kb)
        post = Post(text=text, id=f"size-{kb}")
        secs = cpu(lambda post=post: screener.screen(post), args.runs)
        row: dict[str, Any] = {"kb": kb, "chars": len(text), "seconds": round(secs, 3),
                               "ms_per_kb": round(1000 * secs / kb, 3)}
        if args.detectors:
            per: dict[str, float] = {}
            found = []
            for det in screener._text_detectors:
                t = time.process_time()
                found.extend(det.detect(post))
                per[det.name] = round(time.process_time() - t, 3)
            t = time.process_time()
            screener.report(post, found)
            per["(report)"] = round(time.process_time() - t, 3)
            row["detectors"] = per
        rows.append(row)
        print(f"{kb:>6} KB  {secs:8.3f} s  {row['ms_per_kb']:8.3f} ms/KB"
              + (f"  {row['detectors']}" if args.detectors else ""), flush=True)
    from postguard.errors import InputError

    if args.dense:
        rows_out(rows, args)
        return 0
    big = Post(text=make_post(5000), id="over-limit")
    t = time.perf_counter()
    try:
        postguard.Screener().screen(big)
    except InputError:
        print(f"5 MB post refused under the limit in {time.perf_counter() - t:.3f} s")
    rows_out(rows, args)
    return 0


def rows_out(rows: list[dict[str, Any]], args: argparse.Namespace) -> None:
    by_kb = {r["kb"]: r["seconds"] for r in rows}
    if 100 in by_kb and 1000 in by_kb and by_kb[100] > 0:
        print(f"1 MB / 100 KB time ratio: {by_kb[1000] / by_kb[100]:.1f} (target <= 15)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
