"""This tree against an older commit, timed in alternating processes: a speed change measured
on a machine whose speed drifts (other tenants).

    .venv/bin/python benchmarks/speed_ab.py --base a8d20b9                 # every measure
    .venv/bin/python benchmarks/speed_ab.py --base a8d20b9 --only harm --rounds 7

The `--base` commit's `src/` is written to a temporary folder (`git archive`); each round runs
each measure once in a fresh process per tree, base then this tree, with that tree's `src/`
first on PYTHONPATH (the same venv, the same data files as each tree ships). Reported: the
minimum and median over the rounds of each tree, and this tree's minimum over the base's
(under 1 is faster). CPU time, so a process waiting for a core is not counted; the minimum,
because the machine's noise only adds time. The measures:

- `pipeline`: `Screener.screen` per post, every detector, over benchmarks/corpus/*.jsonl (what
  peers/text_ratio.py times; best of 3 passes).
- `harm`: `HarmDetector.detect_text` per generated 40-word post (harm_speed.py's measure).
- `tone`: the tone analysis per corpus post (`ToneAnalyser._analyse`, no cache).
- `cold`: a fresh `postguard scan` of a one-line draft (CPU time of the whole process; with
  `--bytecode`, Python's bytecode cache is used, as an installed package's is).

Written by the postguard project.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = sorted(str(p) for p in (HERE / "corpus").glob("*.jsonl"))

# Prepended to each timed snippet: one warm-up pass, then the best of three timed passes, in
# CPU microseconds per item.
_BEST_US = r'''
import time
def best_us(items, fn):
    for x in items:
        fn(x)
    best = 1e9
    for _ in range(3):
        c = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - c)
    return best / len(items) * 1e6
'''
_PIPELINE = r'''
import json, sys
import postguard
objs = [json.loads(line) for f in sys.argv[1:] for line in open(f, encoding="utf-8")
        if line.strip()]
posts = [postguard.Post(text=o["text"], metadata=dict(o.get("metadata") or {}), id=o["id"])
         for o in objs]
s = postguard.Screener()
print(best_us(posts, s.screen))
'''
_HARM = r'''
import sys
sys.path.insert(0, sys.argv[1])
from harm_posts import posts
from postguard.detectors.harm import HarmDetector
from postguard.policy import Policy
det = HarmDetector(Policy.default())
texts = posts(2000)
print(best_us(texts, lambda x: list(det.detect_text(x))))
'''
_TONE = r'''
import json, sys
from postguard.detectors.tone.analysis import analyser_for
from postguard.policy import Policy
texts = [json.loads(line)["text"] for f in sys.argv[1:] for line in open(f, encoding="utf-8")
         if line.strip()]
an = analyser_for(Policy.default())
print(best_us(texts, an._analyse))
'''
_COLD = ("import sys; sys.argv = ['postguard', 'scan', sys.argv[1]]; "
         "from postguard.cli import run; run()")
UNITS = {"pipeline": "us/post", "harm": "us/post", "tone": "us/post", "cold": "s"}


def run_once(what: str, src: Path, draft: str, pycache: str | None = None) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    if pycache:  # Python's bytecode cache on (as for an installed package), kept aside
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    if what == "cold":
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", _COLD, draft], env=env, capture_output=True,
                       check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    code, args = {"pipeline": (_PIPELINE, CORPUS), "harm": (_HARM, [str(HERE)]),
                  "tone": (_TONE, CORPUS)}[what]
    env["OPENBLAS_NUM_THREADS"] = "1"  # as the command sets it
    out = subprocess.run([sys.executable, "-c", _BEST_US + code, *args], env=env,
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", required=True, help="the commit to compare with")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", choices=sorted(UNITS), action="append")
    ap.add_argument("--bytecode", action="store_true",
                    help="let Python write and read its bytecode cache (in a temporary folder; "
                         "a first run of each tree fills it): the cold scan of an installed "
                         "package, not of a shell with PYTHONDONTWRITEBYTECODE set")
    args = ap.parse_args(argv)
    measures = args.only or ["pipeline", "harm", "tone", "cold"]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.base, "src"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        draft = Path(tmp) / "draft.txt"
        draft.write_text("Thanks to everyone who came to the open day on Saturday!\n", "utf-8")
        trees = {"base": Path(tmp) / "src", "this": ROOT / "src"}
        got: dict[str, dict[str, list[float]]] = {m: {t: [] for t in trees} for m in measures}
        pycache = str(Path(tmp) / "pycache") if args.bytecode else None
        if pycache:
            for src in trees.values():
                run_once("cold", src, str(draft), pycache)
        print(f"speed_ab: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, base "
              f"{args.base}, {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}")
        for _ in range(args.rounds):
            for what in measures:
                for name, src in trees.items():
                    got[what][name].append(run_once(what, src, str(draft), pycache))
    for what in measures:
        base, this = got[what]["base"], got[what]["this"]
        unit = UNITS[what]
        print(f"{what:9s} base min {min(base):.4g} median {statistics.median(base):.4g} {unit}; "
              f"this min {min(this):.4g} median {statistics.median(this):.4g} {unit}; "
              f"this/base {min(this) / min(base):.3f}")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
