"""What the six tone detectors add to screening one ~40-word post (issue 3: <= 0.5 ms).

    .venv/bin/python benchmarks/tone_speed.py                  # 3,000 posts, 3 runs
    .venv/bin/python benchmarks/tone_speed.py --posts 5000 --json tone_speed.json

Posts: `speed.make_posts`, i.e. the corpus texts (benchmarks/corpus/*.jsonl) shuffled with a
fixed seed, joined and cut to 40 words each; every post is distinct, so the per-text cache of
the tone analysis never answers from an earlier post. Added cost: CPU time
(`time.process_time`) of a Screener running only the six tone detectors minus that of a
Screener running none (the Screener's own work), divided by the number of posts; the median
of the runs. A warm-up on other posts (another seed) loads spaCy first, so the figure is the
steady state; the one-off spaCy import is reported apart. Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from speed import make_posts  # noqa: E402

TONE = ["kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact"]
TARGET_MS = 0.5


def _cpu(screener: Any, posts: list[Any]) -> float:
    start = time.process_time()
    for p in posts:
        screener.screen(p)
    return time.process_time() - start


def measure(n: int, runs: int) -> dict[str, Any]:
    import postguard
    from postguard.detectors.tone.analysis import analyser_for

    texts = make_posts(n)
    if len(set(texts)) < n:
        raise SystemExit(f"tone_speed: only {len(set(texts))} distinct posts of {n}")
    posts = [postguard.Post(text=t, id=str(i)) for i, t in enumerate(texts)]
    tone = postguard.Screener(detectors=TONE)
    bare = postguard.Screener(detectors=[])

    t0 = time.process_time()
    was_loaded = "spacy" in sys.modules
    warm = [postguard.Post(text=t) for t in make_posts(300, seed=7)]
    for p in warm:
        tone.screen(p)
        bare.screen(p)
    spacy_import_s = None if was_loaded else time.process_time() - t0

    added: list[float] = []
    for _ in range(runs):
        # a fresh analyser cache each run: the 32-entry cache must not remember the last run
        analyser_for(tone.policy).analyse.cache_clear()  # type: ignore[attr-defined]
        with_tone = _cpu(tone, posts)
        without = _cpu(bare, posts)
        added.append((with_tone - without) / n * 1000)

    analyser = analyser_for(tone.policy)
    analyser.analyse.cache_clear()  # type: ignore[attr-defined]
    flagged = sum(1 for t in texts if analyser.analyse(t))
    words = statistics.mean(len(t.split()) for t in texts)
    ms = statistics.median(added)
    return {
        "posts": n,
        "distinct_posts": len(set(texts)),
        "mean_words": round(words, 1),
        "runs": runs,
        "added_ms_per_post_runs": [round(x, 4) for x in added],
        "added_ms_per_post": round(ms, 4),
        "target_ms": TARGET_MS,
        "met": ms <= TARGET_MS,
        "posts_with_tone_findings": flagged,
        "warmup_cpu_s_incl_spacy_import": None if spacy_import_s is None
        else round(spacy_import_s, 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--posts", type=int, default=3000, help="distinct posts (>= 3,000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", metavar="FILE", help="write the numbers as JSON to FILE")
    args = ap.parse_args(argv)
    r = measure(args.posts, args.runs)
    print(f"posts: {r['posts']} distinct, {r['mean_words']} words on average; "
          f"{r['posts_with_tone_findings']} with tone findings")
    print(f"tone detectors add {r['added_ms_per_post']:.3f} ms CPU per post "
          f"(median of {r['runs']} runs: {r['added_ms_per_post_runs']}); "
          f"target <= {TARGET_MS} ms: {'met' if r['met'] else 'NOT met'}")
    if r["warmup_cpu_s_incl_spacy_import"] is not None:
        print(f"warm-up incl. the one-off spaCy load: {r['warmup_cpu_s_incl_spacy_import']} s CPU")
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
