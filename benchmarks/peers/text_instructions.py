"""postguard vs Presidio on text, counted in CPU instructions: a ratio the machine cannot blur.

    .venv/bin/python benchmarks/peers/text_instructions.py [--runs 2] [--files ...]

On this machine the clock drifts by 20% or more from minute to minute (other tenants), and
`text_ratio.py`'s rounds still spread from 2.2x to 3.5x. `valgrind --tool=callgrind` counts the
instructions a process executes, which is the same for the same program and input whatever
the machine is doing. Each tool's runner (`run_postguard.py`, `run_presidio.py`: the same posts,
one process, post by post) is run twice under callgrind: with `--runs 0` (start-up and one
warm-up pass) and with `--runs N`; the difference divided by N passes is the cost of one pass
over the posts, start-up excluded. Reported: instructions per post for each tool and their
ratio. Instructions are not seconds (cache misses and branch mispredictions are not counted),
so this complements the clock ratios, it does not replace them. Needs valgrind and the
Presidio venv (`setup_peers.sh`). Written by the postguard project.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compare import PG_PY, REPO, require_peer  # noqa: E402
from peerlib import corpus_files  # noqa: E402

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(cmd: list[str], out: Path, env: dict[str, str]) -> tuple[int, dict[str, object]]:
    """Instructions the command executed (callgrind's total), and the runner's JSON."""
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd,
         "--out", str(out)],
        env=env, cwd=REPO, capture_output=True, text=True, check=False)
    m = _COLLECTED.search(proc.stderr)
    if proc.returncode != 0 or m is None:
        tail = proc.stderr.strip().splitlines()[-3:]
        raise SystemExit(f"text_instructions: {cmd[1]} failed under valgrind: {tail}")
    data: dict[str, object] = json.loads(out.read_text("utf-8"))
    return int(m.group(1)), data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=2, help="passes over the posts in the long run")
    ap.add_argument("--files", nargs="+", metavar="FILE")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("text_instructions: valgrind is not installed (apt-get install valgrind)",
              file=sys.stderr)
        return 2
    presidio = require_peer("presidio", "text_instructions")
    if presidio is None:
        return 2
    files = [str(f) for f in corpus_files(args.files)]
    # One thread for every numeric library: under valgrind the threads run one at a time, and
    # an idle OpenBLAS worker's spin-wait would be counted as work.
    env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1",
               OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    tools = {"postguard": [str(PG_PY), str(HERE / "run_postguard.py")],
             "presidio": [str(presidio), str(HERE / "run_presidio.py")]}
    print(f"text_instructions: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"--runs {args.runs}, files: {', '.join(Path(f).name for f in files)}", flush=True)
    per_post: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, cmd in tools.items():
            short, _ = instructions([*cmd, "--runs", "0", "--files", *files],
                                    Path(tmp) / f"{name}0.json", env)
            long, data = instructions([*cmd, "--runs", str(args.runs), "--files", *files],
                                      Path(tmp) / f"{name}N.json", env)
            speed = data["throughput"]
            assert isinstance(speed, dict)
            posts = int(speed["posts"])
            per_post[name] = (long - short) / (args.runs * posts)
            print(f"{name}: {posts} posts, start-up and warm-up {short / 1e6:,.0f} M "
                  f"instructions, {per_post[name] / 1e3:,.0f} k instructions per post",
                  flush=True)
    ratio = per_post["presidio"] / per_post["postguard"]
    print(f"ratio: Presidio executes {ratio:.2f}x the instructions per post that postguard "
          "does (target for time: >= 3x)")
    print(json.dumps({"instructions_per_post": per_post, "ratio": round(ratio, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
