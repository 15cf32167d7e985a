"""Run postguard (default policy, every registered detector) the way the peer runners run.

    .venv/bin/python benchmarks/peers/run_postguard.py --out pg.json [--files tone]

Same loop, same timing and the same JSON shape as run_presidio.py / run_profanity.py, so that
compare.py scores every tool with one scorer. Predictions are benchmarks/accuracy.py's
`predicted_spans` of each report (findings with a text span keep it; the others match by
category). Each post carries its corpus metadata (the peers see only the text, which is all
they can use). Written by the postguard project.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

T_START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from peerlib import BENCH, common_args, emit, load_posts, throughput  # noqa: E402

sys.path.insert(0, str(BENCH))
from accuracy import predicted_spans  # noqa: E402


def bulk_throughput(screener: Any, objs: list[Any], runs: int, keep: list[Any]) -> dict[str, Any]:
    """`throughput` for Screener.screen_many: one warm-up pass, then `runs` timed passes."""
    import statistics

    t0 = time.perf_counter()
    keep.extend(screener.screen_many(objs))
    first = len(objs) / (time.perf_counter() - t0)
    rates, cpu_rates = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for _report in screener.screen_many(objs):
            pass
        rates.append(len(objs) / (time.perf_counter() - t0))
        cpu_rates.append(len(objs) / max(time.process_time() - c0, 1e-9))
    return {
        "posts": len(objs),
        "warmup_posts_per_s": round(first, 1),
        "runs_posts_per_s": [round(r, 1) for r in rates],
        "median_posts_per_s": round(statistics.median(rates), 1) if rates else round(first, 1),
        "median_posts_per_cpu_s": round(statistics.median(cpu_rates), 1) if cpu_rates else None,
    }


def main() -> int:
    ap = common_args("postguard on the corpus, in the peers' JSON shape.")
    ap.add_argument("--bulk", action="store_true",
                    help="screen with Screener.screen_many (the archive path: detectors that "
                         "can, such as the name model, work on 256 posts at a time)")
    args = ap.parse_args()
    import postguard

    screener = postguard.Screener()
    startup = time.perf_counter() - T_START
    posts = load_posts(args.files)
    objs = [postguard.Post(text=p.text, metadata=dict(p.metadata), id=p.id) for p in posts]
    reports: list[Any] = []
    if args.bulk:
        speed = bulk_throughput(screener, objs, args.runs, keep=reports)
    else:
        speed = throughput(objs, screener.screen, args.runs, keep=reports)
    predictions = {
        p.id: [[s.category, s.start, s.end] for s in predicted_spans(r)]
        for p, r in zip(posts, reports, strict=True)
    }
    from importlib.metadata import version

    emit({"peer": "postguard", "versions": {"postguard": version("postguard")},
          "startup_s": round(startup, 3), "predictions": predictions, "throughput": speed,
          "detectors": list(screener.detector_names), "unmapped": {}}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
