"""Speed and memory of screening a phone-like video on one core.

    taskset -c 0 python benchmarks/video_speed.py [--seconds 60] [--gop 30] [--size 1920x1080]

Makes (once, cached in benchmarks/out/) an H.264 clip like a phone's: a panning scene with
sensor noise, a poster with a phone number from 20 s to 30 s, a face, GPS in the udta atom,
one keyframe every `--gop` frames (phones write one a second; `--gop 250` is x264's default,
which makes postguard decode every frame); `--shake` moves the picture a little on every
frame like a hand-held phone; `--every-sample` screens every sampled frame whether the picture
changed or not (the worst case: a busy scene).
Then screens it with the default Screener in a fresh process (so the peak memory is the
screening's own) and prints wall time, CPU time, peak RSS and what was found. Target: 60 s
of 1080p in <= 15 s on one core, <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))


def make_clip(path: Path, seconds: int, gop: int, size: tuple[int, int], shake: bool,
              fps: int = 30) -> None:
    import av
    import images_factory as fx
    import numpy as np

    w, h = size
    wide = fx.background(w + seconds * 8 + 8, h, seed=31)
    wide = fx.shaded_face(wide, w // 2 + 200, h // 2, h // 6)
    poster = wide.copy()
    fx.sign(poster, (w // 5 + 160, h // 3), "Call 07911 123456", size=h // 14)
    rng = np.random.default_rng(5)
    noise = [rng.normal(0, 4, (h, w, 3)) for _ in range(4)]
    out = av.open(str(path), "w")
    out.metadata["location"] = "+50.8225-000.1372/"
    stream = out.add_stream("libx264", rate=fps)
    stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
    stream.codec_context.gop_size = gop
    stream.options = {"preset": "veryfast", "crf": "23"}
    for k in range(seconds * fps):
        t = k / fps
        src = poster if 20 <= t < 30 else wide
        x = int(t * 8)  # a slow pan, 8 px a second
        y = 0
        if shake:  # a hand-held phone: the picture jumps a little every frame
            x, y = x + int(rng.integers(0, 8)), int(rng.integers(-6, 7))
        view = src.crop((x, y, x + w, y + h))
        arr = np.asarray(view, dtype=np.float64) + noise[k % 4]
        frame = av.VideoFrame.from_ndarray(arr.clip(0, 255).astype("uint8"), format="rgb24")
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)
    out.close()


def screen(path: str, every: bool) -> None:
    from postguard import Post, Screener
    from postguard.video import frames

    if every:  # the worst case: a busy scene where every sample differs from the last
        frames.CHANGED = -1.0

    screener = Screener()
    screener.screen(Post(text="warm up"))  # text models load before timing
    t0, c0 = time.perf_counter(), time.process_time()
    report = screener.screen(Post(images=(path,)))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "every_sample": every, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "peak_rss_mb": round(peak),
        "findings": sorted({(f.code, f.time) for f in report.findings},
                           key=lambda x: (x[1] is not None, x[1] or 0)),
        "errors": [e.message for e in report.errors],
    }))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--gop", type=int, default=30)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--shake", action="store_true", help="hand-held: every frame moves")
    ap.add_argument("--every-sample", action="store_true",
                    help="screen every sampled frame, changed or not (the worst case)")
    ap.add_argument("--screen", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.screen:
        screen(args.screen, args.every_sample)
        return
    w, h = (int(v) for v in args.size.split("x"))
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    shaken = "_shake" if args.shake else ""
    clip = out_dir / f"clip_{args.seconds}s_{w}x{h}_gop{args.gop}{shaken}.mp4"
    if not clip.exists():
        t0 = time.perf_counter()
        part = clip.with_suffix(".part.mp4")
        make_clip(part, args.seconds, args.gop, (w, h), args.shake)
        part.rename(clip)  # a run stopped half-way leaves no clip that looks finished
        print(f"made {clip.name} ({clip.stat().st_size / 2**20:.0f} MB) in "
              f"{time.perf_counter() - t0:.0f} s")
    extra = ["--every-sample"] if args.every_sample else []
    got = subprocess.run([sys.executable, __file__, "--screen", str(clip), *extra], check=True,
                         capture_output=True, text=True)
    print(f"{clip.name}: {got.stdout.strip()}")


if __name__ == "__main__":
    main()
