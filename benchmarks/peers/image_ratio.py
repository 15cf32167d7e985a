"""postguard vs the Presidio image redactor, interleaved: the per-image speed ratio by rounds.

    .venv/bin/python benchmarks/peers/image_ratio.py [--rounds 3] [--dir benchmarks/out/images]

As `text_ratio.py` does for text: each round runs `run_images.py` for postguard and then for
Presidio on the same images, and the ratio is taken within the round, so both sides of a
ratio see the same minute of a machine whose speed drifts. Reported: each round's ratio by
the clock and by CPU (the process and its children: Presidio's tesseract runs as a child),
the median, and both tools' recall on the images' labels. Needs the Presidio venv
(`setup_peers.sh`) and the generated images (`benchmarks/images/generate.py`). Written by
the postguard project.
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
from run_images import DEFAULT_DIR  # noqa: E402


def recall(run: dict[str, object], labels: dict[str, list[str]]) -> float:
    """Labelled (image, category) pairs found, over all labelled pairs."""
    per_image = run["per_image"]
    assert isinstance(per_image, dict)
    wanted = [(f, c) for f, cats in labels.items() for c in cats]
    found = sum(1 for f, c in wanted if c in per_image[f]["categories"])
    return found / len(wanted) if wanted else 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dir", default=str(DEFAULT_DIR))
    ap.add_argument("--limit", type=int, default=0, help="only the first N images")
    args = ap.parse_args()
    presidio = require_peer("presidio", "image_ratio")
    if presidio is None:
        return 2
    folder = Path(args.dir)
    if not (folder / "labels.json").is_file():
        print(f"image_ratio: {folder / 'labels.json'} is missing; run "
              "benchmarks/images/generate.py", file=sys.stderr)
        return 2
    items = json.loads((folder / "labels.json").read_text("utf-8"))
    if args.limit:
        items = items[:args.limit]
    labels = {it["file"]: list(it.get("categories") or it.get("labels") or []) for it in items}
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    extra = ["--dir", str(folder)] + (["--limit", str(args.limit)] if args.limit else [])
    wall: list[float] = []
    cpu: list[float] = []
    print(f"image_ratio: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{args.rounds} rounds of {len(items)} images from {folder}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            pg = run_json([str(PG_PY), str(HERE / "run_images.py"), "--peer", "postguard",
                           *extra], Path(tmp) / "pg.json", env)
            pr = run_json([str(presidio), str(HERE / "run_images.py"), "--peer", "presidio",
                           *extra], Path(tmp) / "pr.json", env)
            wall.append(pr["wall_s"] / pg["wall_s"])
            cpu.append(pr["cpu_s"] / pg["cpu_s"])
            print(f"round {r + 1}: postguard {pg['wall_s'] / pg['images']:.3f} s/image "
                  f"(recall {recall(pg, labels):.2f}), Presidio "
                  f"{pr['wall_s'] / pr['images']:.3f} s/image (recall "
                  f"{recall(pr, labels):.2f}): {wall[-1]:.2f}x (CPU {cpu[-1]:.2f}x; load "
                  f"average {os.getloadavg()[0]:.1f})", flush=True)
    print(f"median ratio {statistics.median(wall):.2f}x by the clock, "
          f"{statistics.median(cpu):.2f}x by CPU (target >= 2x); "
          f"rounds {', '.join(f'{x:.2f}' for x in wall)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
