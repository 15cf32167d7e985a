"""Images: the Presidio image redactor and postguard's image pipeline on the image corpus.

    python benchmarks/images/generate.py          # once: benchmarks/out/images/ + labels.json
    benchmarks/out/peers/presidio/bin/python benchmarks/peers/run_images.py --peer presidio
    .venv/bin/python benchmarks/peers/run_images.py --peer postguard

Both read every image of labels.json from disk, one at a time, in one process, with
OMP_THREAD_LIMIT=1 for tesseract:
- presidio: PIL open, ImageAnalyzerEngine.analyze (its tesseract OCR through pytesseract, then
  the offline AnalyzerEngine of run_presidio.py), then the black boxes drawn as
  ImageRedactorEngine.redact draws them: the redactor's own work. Entity types are mapped
  with run_presidio.py's map_result (phone, email, address, vehicle_plate, ...).
- postguard: Screener().screen(Post(images=(path,), metadata=...)); a category counts when a
  finding of it has source "image:0" (detector_error excluded), as benchmarks/image_accuracy.py
  scores. The image is the post's only content, so that is all its findings.
Per-image scoring (image_accuracy.py's): a labelled category found is a TP, found but not
labelled an FP, labelled but not found an FN. Times: wall clock and CPU (this process plus
its children, e.g. tesseract), per image. Written by the postguard project.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
T_START = time.perf_counter()
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from peerlib import BENCH, emit  # noqa: E402

DEFAULT_DIR = BENCH / "out" / "images"


def cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class PresidioImages:
    name = "presidio-image-redactor"

    def __init__(self) -> None:
        from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine
        from run_presidio import build_analyzer

        self._analyzer = ImageAnalyzerEngine(analyzer_engine=build_analyzer())
        self._redactor = ImageRedactorEngine(image_analyzer_engine=self._analyzer)

    def run(self, path: Path, metadata: dict[str, Any]) -> set[str]:
        from PIL import Image, ImageChops, ImageDraw
        from run_presidio import map_result

        with Image.open(path) as img:
            img.load()
            # ImageRedactorEngine.redact_and_return_bbox, step by step, keeping the results.
            image = ImageChops.duplicate(img)
            boxes = self._analyzer.analyze(image)
            draw = ImageDraw.Draw(image)
            for b in boxes:
                draw.rectangle([b.left, b.top, b.left + b.width, b.top + b.height],
                               fill=(0, 0, 0))
        # The boxes carry no text, so a URL cannot be told to be a profile link: not mapped.
        return {c for b in boxes if (c := map_result("", b.entity_type, 0, 0))}

    def versions(self) -> dict[str, str]:
        from importlib.metadata import version

        return {p: version(p) for p in ("presidio-image-redactor", "presidio-analyzer",
                                        "pytesseract")}


class PostguardImages:
    name = "postguard"

    def __init__(self) -> None:
        import postguard

        self._pg = postguard
        self._screener = postguard.Screener()

    def run(self, path: Path, metadata: dict[str, Any]) -> set[str]:
        post = self._pg.Post(images=(str(path),), metadata=metadata)
        report = self._screener.screen(post)
        return {f.category.value for f in report.findings
                if f.source == "image:0" and f.category.value != "detector_error"}

    def versions(self) -> dict[str, str]:
        from importlib.metadata import version

        out = {"postguard": version("postguard")}
        try:
            from postguard.images import ocr

            out["ocr_backend"] = str(getattr(ocr.backend(), "name", "?"))
        except Exception:  # the version list is informative only
            pass
        return out


def main() -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Image peers on the labelled image corpus.")
    ap.add_argument("--peer", choices=("presidio", "postguard"), required=True)
    ap.add_argument("--dir", default=str(DEFAULT_DIR))
    ap.add_argument("--limit", type=int, default=0, help="only the first N images")
    ap.add_argument("--out")
    args = ap.parse_args()
    folder = Path(args.dir)
    labels_file = folder / "labels.json"
    if not labels_file.is_file():
        raise SystemExit(f"run_images: {labels_file} is missing; run "
                         "benchmarks/images/generate.py")
    items = json.loads(labels_file.read_text("utf-8"))
    if args.limit:
        items = items[:args.limit]
    peer: Any = PresidioImages() if args.peer == "presidio" else PostguardImages()
    startup = time.perf_counter() - T_START
    per_image = {}
    wall0, cpu0 = time.perf_counter(), cpu_s()
    for item in items:
        w, c = time.perf_counter(), cpu_s()
        got = peer.run(folder / item["file"], dict(item.get("metadata") or {}))
        per_image[item["file"]] = {"categories": sorted(got),
                                   "wall_s": round(time.perf_counter() - w, 3),
                                   "cpu_s": round(cpu_s() - c, 3)}
    wall, cpu = time.perf_counter() - wall0, cpu_s() - cpu0
    emit({"peer": peer.name, "versions": peer.versions(), "startup_s": round(startup, 3),
          "images": len(items), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
          "images_per_s": round(len(items) / wall, 3) if wall else None,
          "images_per_cpu_s": round(len(items) / cpu, 3) if cpu else None,
          "per_image": per_image}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
