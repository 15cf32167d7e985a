"""Speed of the whole image pipeline on one core: a 1000x750 photo and a 12 MP photo.

    python benchmarks/image_speed.py [--runs 15] [--all-detectors]

Each run screens a new Post (so the image is decoded and OCR'd again) with the image
detectors and the contact and plate text detectors (--all-detectors: the full default set).
CPU time is printed too: the wall time suffers when the machine is shared (the tesseract
program's own CPU, with POSTGUARD_OCR_BACKEND=tesseract, is not in it).
The process is pinned to one CPU. Prints the median and the spread per size and back end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import images_factory as fx  # noqa: E402

from postguard import Post, Screener  # noqa: E402
from postguard.images import ocr  # noqa: E402

IMAGE_DETECTORS = ["image_text", "qr_code", "image_metadata", "faces", "phone", "email",
                   "social_handle", "vehicle_plate"]


def photo(w: int, h: int) -> bytes:
    img = fx.background(w, h, seed=77)
    fx.sign(img, (int(w * 0.1), int(h * 0.3)), "Call 07911 123456", size=h // 16)
    fx.face(img, int(w * 0.7), int(h * 0.5), h // 6)
    return fx.jpeg(img.rotate(2, fillcolor=(90, 90, 90)), quality=85,
                   exif=fx.exif_bytes(gps=(53.8, -1.55)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--all-detectors", action="store_true")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    screener = Screener(detectors=None if args.all_detectors else IMAGE_DETECTORS)
    print(f"OCR back end: {ocr.backend().name}; detectors: {', '.join(screener.detector_names)}")
    for (w, h), runs in (((1000, 750), args.runs), ((4000, 3000), max(3, args.runs // 3))):
        data = photo(w, h)
        screener.screen(Post(images=(data,)))  # warm up: models, cascades, OCR engine
        times, cpu = [], []
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            report = screener.screen(Post(images=(data,)))
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        cats = sorted({f.category.value for f in report.findings})
        print(f"{w}x{h}: median {statistics.median(times):.3f} s, min {min(times):.3f}, "
              f"max {max(times):.3f} over {runs} runs (CPU median {statistics.median(cpu):.3f} s); "
              f"found {cats}")


if __name__ == "__main__":
    main()
