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


def main() -> int:
    ap = common_args("postguard on the corpus, in the peers' JSON shape.")
    ap.add_argument("--bulk", action="store_true",
                    help="screen with Screener.screen_many (the archive path, 256 posts a "
                         "chunk)")
    args = ap.parse_args()
    import postguard

    screener = postguard.Screener()
    startup = time.perf_counter() - T_START
    posts = load_posts(args.files)
    objs = [postguard.Post(text=p.text, metadata=dict(p.metadata), id=p.id) for p in posts]
    reports: list[Any] = []
    if args.bulk:
        batches: list[Any] = []
        speed = throughput([objs], lambda posts: list(screener.screen_many(posts)), args.runs,
                           keep=batches, posts_per_item=len(objs))
        reports = batches[0]
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
