"""What the learned harm layer costs: time per 40-word post, model load, file sizes, and a
cold `postguard scan`.

    .venv/bin/python benchmarks/harm_speed.py [--posts 2000] [--runs 5]

Time per post is CPU time (one core) of `HarmDetector.detect_text` over generated 40-word
posts (project wording), after loading; `scan` is the wall time of a fresh
`postguard scan FILE` process on a one-line draft (best of --runs). Written by the postguard
project.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(1, str(HERE))
from harm_posts import posts  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    from postguard.detectors.harm import HarmDetector
    from postguard.detectors.harm import weights as w
    from postguard.policy import Policy

    folder = Path(str(resources.files("postguard.data") / "harm"))
    sizes = {p.name: p.stat().st_size for p in sorted(folder.iterdir())}
    t = time.process_time()
    w.load_weights()
    load_ms = (time.process_time() - t) * 1e3
    det = HarmDetector(Policy.default())
    texts = posts(args.posts)
    list(det.detect_text(texts[0]))
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        for text in texts:
            list(det.detect_text(text))
        best = min(best, (time.process_time() - t) / len(texts) * 1e3)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("Thanks to everyone who came to the open day on Saturday!\n")
        draft = fh.name
    exe = str(Path(sys.executable).with_name("postguard"))
    walls = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run([exe, "scan", draft], capture_output=True, check=False)
        walls.append(time.perf_counter() - t)
    os.unlink(draft)
    result = {
        "ms_per_40_word_post_cpu": round(best, 4),
        "model_load_ms_cpu": round(load_ms, 1),
        "model_files_bytes": sizes,
        "model_files_mb": round(sum(sizes.values()) / 1e6, 2),
        "cold_scan_seconds_best": round(min(walls), 3),
        "cold_scan_seconds_all": [round(x, 3) for x in walls],
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
