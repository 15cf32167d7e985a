"""Shared helpers of the peer runners (standard library only: they run in the peers' venvs).

Written by the postguard project. Every runner (run_postguard.py, run_presidio.py,
run_profanity.py, run_images.py) loads the same corpus posts, times the same loop and writes
one JSON document in the same shape, which compare.py scores with benchmarks/corpus_lib.py:

    {"peer": str, "versions": {...}, "startup_s": float,
     "predictions": {post_id: [[category, start|null, end|null], ...]},
     "throughput": {"posts": int, "runs_posts_per_s": [...], "median_posts_per_s": float},
     "max_rss_mb": float, "unmapped": {peer_type: count}}
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
sys.path.insert(0, str(BENCH))

from corpus_lib import CorpusPost, corpus_files, load_corpus  # noqa: E402

Prediction = list[Any]  # [category, start | None, end | None]


def load_posts(names: Sequence[str] | None = None) -> list[CorpusPost]:
    return load_corpus(corpus_files(list(names) if names else None))


def max_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def throughput(
    items: Sequence[Any], work: Callable[[Any], Any], runs: int, keep: list[Any] | None = None,
    posts_per_item: int = 1,
) -> dict[str, Any]:
    """One warm-up pass over the items (its outputs appended to `keep`), then `runs` timed
    passes; posts/s of the warm-up, of each run and the median of the runs. An item may hold
    several posts (`posts_per_item`), for tools that screen a batch per call."""
    t0 = time.perf_counter()
    for item in items:
        out = work(item)
        if keep is not None:
            keep.append(out)
    first = len(items) * posts_per_item / (time.perf_counter() - t0)
    rates, cpu_rates = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        for item in items:
            work(item)
        rates.append(len(items) * posts_per_item / (time.perf_counter() - t0))
        cpu_rates.append(len(items) * posts_per_item / max(time.process_time() - c0, 1e-9))
    return {
        "posts": len(items) * posts_per_item,
        "warmup_posts_per_s": round(first, 1),
        "runs_posts_per_s": [round(r, 1) for r in rates],
        "median_posts_per_s": round(statistics.median(rates), 1) if rates else round(first, 1),
        # posts per CPU-second of this process: steadier than wall time on a shared machine
        "median_posts_per_cpu_s": round(statistics.median(cpu_rates), 1) if cpu_rates else None,
    }


def emit(doc: dict[str, Any], out: str | None) -> None:
    doc["max_rss_mb"] = max_rss_mb()
    text = json.dumps(doc, indent=1, sort_keys=True)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)


def common_args(description: str) -> Any:
    import argparse

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--files", nargs="+", help="corpus files (default: all corpus/*.jsonl)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes over the posts")
    ap.add_argument("--out", help="write the JSON result here (default: stdout)")
    ap.add_argument("--cold", action="store_true",
                    help="cold-start mode: import, set up, analyse one post, exit")
    return ap


COLD_POST = ("Well done to Year 6 on a brilliant sports day! Any questions, ring the office "
             "on 01632 960123 or email office@example.org.")

#: A post the lexicons cannot decide, so postguard's person-name model loads and reads it.
MODEL_POST = "Well done to Zorblat Quexington in Year 6 for the poetry prize!\n"
