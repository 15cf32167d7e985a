"""postguard vs Presidio on text, interleaved: the speed ratio that the clock's drift cannot fake.

    .venv/bin/python benchmarks/peers/text_ratio.py [--rounds 5] [--runs 3] [--files ...]

`compare.py` times each tool once, one after the other; on this machine the speed of the
same code drifts by 20% or more from one minute to the next (other tenants), which is as
large as the margin being measured. Here each round runs postguard (post by post, every
detector) and then Presidio on the same posts, and the ratio is taken within the round, so
both sides of a ratio see the same minute. Reported: every round's ratio and the median, by
the clock and by CPU time. Needs the peers' venvs (`setup_peers.sh`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compare import PG_PY, require_peer, run_json  # noqa: E402
from peerlib import corpus_files  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--runs", type=int, default=3, help="timed passes per tool and round")
    ap.add_argument("--files", nargs="+", metavar="FILE")
    args = ap.parse_args()
    presidio = require_peer("presidio", "text_ratio")
    if presidio is None:
        return 2
    files = [str(f) for f in corpus_files(args.files)]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    wall: list[float] = []
    cpu: list[float] = []
    print(f"text_ratio: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{args.rounds} rounds of {args.runs} passes, files: "
          f"{', '.join(Path(f).name for f in files)}")
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            pg = run_json([str(PG_PY), str(HERE / "run_postguard.py"), "--runs",
                           str(args.runs), "--files", *files], Path(tmp) / "pg.json", env)
            pr = run_json([str(presidio), str(HERE / "run_presidio.py"), "--runs",
                           str(args.runs), "--files", *files], Path(tmp) / "pr.json", env)
            a, b = pg["throughput"], pr["throughput"]
            wall.append(a["median_posts_per_s"] / b["median_posts_per_s"])
            cpu.append(a["median_posts_per_cpu_s"] / b["median_posts_per_cpu_s"])
            print(f"round {r + 1}: postguard {a['median_posts_per_s']:,.0f} posts/s, "
                  f"Presidio {b['median_posts_per_s']:,.0f} posts/s: {wall[-1]:.2f}x "
                  f"(CPU {cpu[-1]:.2f}x; load average {os.getloadavg()[0]:.1f})", flush=True)
    print(f"median ratio {statistics.median(wall):.2f}x by the clock, "
          f"{statistics.median(cpu):.2f}x by CPU (target >= 3x); "
          f"rounds {', '.join(f'{x:.2f}' for x in wall)}")
    print(json.dumps({"wall": wall, "cpu": cpu}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
