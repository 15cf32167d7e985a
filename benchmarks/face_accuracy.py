"""Face recall, false boxes and speed of postguard's face detector on real photos.

    taskset -c 0 python benchmarks/face_accuracy.py [--dir ../shared/data/faces] [--limit N]

The set (`gt.json` beside `images/`, read its README) is for measuring only: nothing of it
goes into the project. Each photo is loaded as postguard loads an attachment
(`postguard.images.load.load_image`) and `postguard.images.faces.detect` runs on its analysis
copy; boxes are compared in original pixels, before the head widening.

A hand-drawn face counts when it is at least 16 px tall and not marked `invalid`; it is found
when a detected box overlaps it with intersection over union >= 0.3 (detected boxes are
matched one to one, best overlap first). A detected box that overlaps no hand-drawn face at
all (any size, invalid ones too) with IoU >= 0.3 is a false box. Reported: recall of faces
>= 32 px and of 16-31 px, recall by pose, occlusion and WIDER difficulty for faces >= 32 px,
photos holding a face >= 32 px where nothing was found, false boxes per photo, and
milliseconds per photo (load + detect; median and 90th percentile), wall-clock and CPU time of
the process (OpenCV on one thread; run it under `taskset -c 0` for one core: on a shared,
loaded machine the CPU time is the steadier number).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

from postguard.images import faces  # noqa: E402
from postguard.images.load import load_image  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "faces"
IOU = 0.3


def iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def match(gt: list[tuple[float, ...]], got: list[tuple[float, ...]]) -> tuple[set[int], int]:
    """Indexes of matched gt faces, and the number of detected boxes overlapping no face."""
    pairs = sorted(((iou(g, d), i, j) for i, g in enumerate(gt) for j, d in enumerate(got)),
                   reverse=True)
    used_g: set[int] = set()
    used_d: set[int] = set()
    for v, i, j in pairs:
        if v < IOU:
            break
        if i in used_g or j in used_d:
            continue
        used_g.add(i)
        used_d.add(j)
    false = sum(1 for j, d in enumerate(got)
                if j not in used_d and all(iou(g, d) < IOU for g in gt))
    return used_g, false


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=str(DEFAULT_DIR))
    ap.add_argument("--limit", type=int, default=0, help="only the first N photos (quick run)")
    ap.add_argument("--score", type=float, default=faces.MIN_SCORE)
    args = ap.parse_args()
    folder = Path(args.dir)
    gt: dict[str, Any] = json.loads((folder / "gt.json").read_text("utf-8"))
    names = sorted(gt)
    if args.limit:
        names = names[:args.limit]
    faces.available()  # load the network before timing
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # group -> [found, total]
    missed_photos = photos_with_face = false_boxes = 0
    ms: list[float] = []
    cpu_ms: list[float] = []
    for name in names:
        entry = gt[name]
        t0, c0 = time.perf_counter(), time.process_time()
        img = load_image(str(folder / "images" / name), 0)
        import numpy as np

        rgb = np.asarray(img.image.convert("RGB"))
        sx, sy = img.scale
        got = [(x0 * sx, y0 * sy, x1 * sx, y1 * sy)
               for x0, y0, x1, y1, _ in faces.detect(rgb, min_score=args.score)]
        ms.append((time.perf_counter() - t0) * 1000)
        cpu_ms.append((time.process_time() - c0) * 1000)
        all_boxes = [tuple(float(v) for v in f["box"]) for f in entry["faces"]]
        hits, false = match(all_boxes, got)
        false_boxes += false
        big_here = False
        for i, f in enumerate(entry["faces"]):
            x0, y0, x1, y1 = f["box"]
            tall = y1 - y0
            if f.get("invalid") or tall < 16:
                continue
            ok = int(i in hits)
            groups = ["all >= 32 px" if tall >= 32 else "16-31 px"]
            if tall >= 32:
                big_here = True
                if f.get("pose") is not None:
                    groups.append("turned (pose 1)" if f["pose"] else "pose typical")
                if f.get("occl") is not None:
                    groups.append(("occlusion none", "occlusion partial",
                                   "occlusion heavy")[f["occl"]])
                if f.get("level"):
                    groups.append(("", "WIDER easy", "WIDER medium", "WIDER hard")[f["level"]])
                groups.append(f">= 32 px, {entry['set']}")
            for g in groups:
                found[g][0] += ok
                found[g][1] += 1
        if big_here:
            photos_with_face += 1
            big = [i for i, f in enumerate(entry["faces"])
                   if not f.get("invalid") and f["box"][3] - f["box"][1] >= 16]
            if not got or not any(i in hits for i in big):
                missed_photos += 1
    print(f"photos: {len(names)}, score >= {args.score}, match IoU >= {IOU}")
    for g in sorted(found, key=lambda k: (not k.startswith("all"), k)):
        f, t = found[g]
        print(f"  recall {g:<22} {f / t:6.1%}  ({f}/{t})")
    print(f"  photos with a face >= 32 px where no face was found: {missed_photos}/"
          f"{photos_with_face} ({missed_photos / max(1, photos_with_face):.1%})")
    print(f"  false boxes: {false_boxes} ({false_boxes / len(names):.2f} per photo)")
    for label, values in (("wall", ms), ("CPU", cpu_ms)):
        print(f"  ms per photo (load + detect), {label}: median {statistics.median(values):.0f}, "
              f"p90 {sorted(values)[int(0.9 * (len(values) - 1))]:.0f}")


if __name__ == "__main__":
    main()
