"""Speed of postguard: posts/s of one process on ~40-word posts, and cold-start times.

    .venv/bin/python benchmarks/speed.py                 # 3,000 posts, 3 runs, 5 cold starts
    .venv/bin/python benchmarks/speed.py --posts 5000 --json speed.json

Throughput: posts built from the corpus texts (benchmarks/corpus/*.jsonl), joined and cut to
about 40 words each (seeded, so every run screens the same posts), screened by one default
Screener after a warm-up; the median of the runs is reported. Cold start: wall time of
`echo draft | postguard scan -` (the venv's script, in a fresh process) and of
`python -c "import postguard"`, median of the repeats. Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus_lib import corpus_files, load_corpus  # noqa: E402

REPO = HERE.parent


def make_posts(n: int, words: int = 40, seed: int = 2026) -> list[str]:
    """n posts of `words` words each, cut from a shuffled stream of the corpus texts."""
    texts = [p.text for p in load_corpus(corpus_files())]
    if not texts:
        raise SystemExit("speed: no corpus texts in benchmarks/corpus/")
    rng = random.Random(seed)
    posts: list[str] = []
    stream: list[str] = []
    while len(posts) < n:
        if len(stream) < words:
            batch = texts[:]
            rng.shuffle(batch)
            for t in batch:
                stream.extend(t.split())
        posts.append(" ".join(stream[:words]))
        del stream[:words]
    return posts


def throughput(
    posts: list[str], runs: int, warmup: int, detectors: list[str] | None = None,
    bulk: bool = False,
) -> dict[str, Any]:
    import postguard

    screener = postguard.Screener(detectors=detectors)
    objs = [postguard.Post(text=t, id=str(i)) for i, t in enumerate(posts)]
    for p in objs[:warmup]:
        screener.screen(p)
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        if bulk:  # the archive path: detectors that can work in bulk see 256 posts a call
            for _report in screener.screen_many(objs):
                pass
        else:
            for p in objs:
                screener.screen(p)
        rates.append(len(objs) / (time.perf_counter() - t0))
    return {
        "posts": len(objs),
        "words_per_post": statistics.mean(len(t.split()) for t in posts),
        "detectors": list(screener.detector_names),
        "runs_posts_per_s": [round(r, 1) for r in rates],
        "median_posts_per_s": round(statistics.median(rates), 1),
        "median_ms_per_post": round(1000 / statistics.median(rates), 4),
    }


def _timed(cmd: list[str], stdin: bytes | None, repeats: int) -> list[float]:
    env = dict(os.environ)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, input=stdin, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise SystemExit(
                f"speed: {' '.join(cmd)} exited {proc.returncode}: "
                f"{proc.stderr.decode(errors='replace').strip()[-300:]}"
            )
    return times


def postguard_script() -> str:
    exe = Path(sys.executable).parent / "postguard"
    if exe.is_file():
        return str(exe)
    venv = REPO / ".venv" / "bin" / "postguard"
    if venv.is_file():
        return str(venv)
    found = shutil.which("postguard")
    if not found:
        raise SystemExit("speed: no postguard script found (install the package in the venv)")
    return found


#: A post the lexicons cannot decide: the person-name model must load and read it.
MODEL_POST = b"Well done to Zorblat Quexington in Year 6\n"


def compile_bytecode() -> None:
    """Write postguard's bytecode before timing cold starts, as an installed wheel has it:
    with PYTHONDONTWRITEBYTECODE=1 (set on these machines) an editable install would compile
    every module again in every cold start."""
    import postguard

    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    str(Path(postguard.__file__).parent)], check=False, capture_output=True)


def cold_start(repeats: int) -> dict[str, Any]:
    script = postguard_script()
    compile_bytecode()
    scan = _timed([script, "scan", "-"], b"draft\n", repeats)
    model = _timed([script, "scan", "-"], MODEL_POST, repeats)
    imp = _timed([sys.executable, "-c", "import postguard"], None, repeats)
    return {
        "scan_command": f"echo draft | {script} scan -",
        "scan_runs_s": [round(t, 3) for t in scan],
        "scan_median_s": round(statistics.median(scan), 3),
        "model_scan_command": f"echo {MODEL_POST.decode().strip()!r} | {script} scan -",
        "model_scan_runs_s": [round(t, 3) for t in model],
        "model_scan_median_s": round(statistics.median(model), 3),
        "import_command": f'{sys.executable} -c "import postguard"',
        "import_runs_s": [round(t, 3) for t in imp],
        "import_median_s": round(statistics.median(imp), 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="postguard throughput and cold-start times.")
    ap.add_argument("--posts", type=int, default=3000, help="posts per run (default 3000)")
    ap.add_argument("--words", type=int, default=40, help="words per post (default 40)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs (median; default 3)")
    ap.add_argument("--warmup", type=int, default=300, help="posts screened first, untimed")
    ap.add_argument("--cold", type=int, default=5, help="cold-start repeats (median; default 5)")
    ap.add_argument("--detectors", help="comma-separated detector names (default: all enabled)")
    ap.add_argument("--skip-cold", action="store_true", help="only measure throughput")
    ap.add_argument("--bulk", action="store_true",
                    help="screen with Screener.screen_many (the batch/archive path)")
    ap.add_argument("--json", metavar="FILE", help="write the numbers as JSON to FILE")
    args = ap.parse_args(argv)

    exe = Path(sys.executable)
    with_venv = exe.absolute().is_relative_to(REPO)
    shown = str(exe.absolute().relative_to(REPO)) if with_venv else exe.name
    given = argv if argv is not None else sys.argv[1:]
    command = " ".join([shown, "benchmarks/speed.py", *given])
    result: dict[str, Any] = {"command": command, "python": sys.version.split()[0],
                              "cpus": os.cpu_count(), "loadavg_before": os.getloadavg()}
    posts = make_posts(args.posts, args.words)
    dets = [d.strip() for d in args.detectors.split(",")] if args.detectors else None
    result["throughput"] = tp = throughput(posts, args.runs, args.warmup, dets, args.bulk)
    print(f"throughput: {tp['median_posts_per_s']:.0f} posts/s "
          f"({tp['median_ms_per_post']:.3f} ms/post; median of {args.runs} runs of "
          f"{tp['posts']} posts, {tp['words_per_post']:.1f} words each; "
          f"runs {tp['runs_posts_per_s']}; target >= 1500)")
    print(f"detectors: {', '.join(tp['detectors'])}")
    if not args.skip_cold:
        result["cold_start"] = cs = cold_start(args.cold)
        print(f"cold start: {cs['scan_median_s']:.3f} s for `{cs['scan_command']}` "
              f"(median of {args.cold}: {cs['scan_runs_s']}; target <= 1.0 s)")
        print(f"cold start, name model: {cs['model_scan_median_s']:.3f} s for "
              f"`{cs['model_scan_command']}` (median of {args.cold}: {cs['model_scan_runs_s']})")
        print(f"import:     {cs['import_median_s']:.3f} s for `{cs['import_command']}` "
              f"(median of {args.cold}: {cs['import_runs_s']})")
    print(f"load average before: {result['loadavg_before']} on {result['cpus']} CPUs")
    print(f"command: {command}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
