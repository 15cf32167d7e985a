"""Instructions the harm layer executes per text, counted by valgrind (the machine's clock
drifts by 20% or more; an instruction count does not).

    .venv/bin/python benchmarks/harm_instructions.py [--kind harm40|corpus]

Runs `HarmDetector.detect_text` under `valgrind --tool=callgrind` twice, over 400 texts after
a warm-up pass: once with no timed pass and once with two; the difference divided by 800 is
the cost of one text, start-up excluded. `harm40`: the 40-word posts of harm_speed.py;
`corpus`: every fourth post of benchmarks/corpus. To compare with older code, export it
(`git archive <commit> src | tar -x -C DIR`) and run with PYTHONPATH=DIR/src. Needs
valgrind. Written by the postguard project.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from harm_posts import posts  # noqa: E402


def texts(kind: str) -> list[str]:
    if kind == "harm40":
        return posts(400)
    out: list[str] = []
    for f in sorted(glob.glob(str(HERE / "corpus" / "*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    return out[::4][:400]


def child(passes: int, kind: str) -> None:
    from postguard.detectors.harm import HarmDetector
    from postguard.policy import Policy

    det = HarmDetector(Policy.default())
    items = texts(kind)
    for t in items:  # loads the model, fills the caches
        list(det.detect_text(t))
    for _ in range(passes):
        for t in items:
            list(det.detect_text(t))


def count(passes: int, kind: str) -> int:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--child", str(passes), "--kind", kind],
        env=env, capture_output=True, text=True, check=False)
    m = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if proc.returncode != 0 or m is None:
        raise SystemExit(f"harm_instructions: valgrind run failed: {proc.stderr[-300:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kind", choices=("harm40", "corpus"), default="harm40")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        child(args.child, args.kind)
        return 0
    import postguard

    per = (count(2, args.kind) - count(0, args.kind)) / (2 * len(texts(args.kind)))
    print(f"{args.kind}: {per:,.0f} instructions per text ({postguard.__file__})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
