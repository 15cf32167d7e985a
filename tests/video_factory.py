"""Test videos encoded with PyAV: frames drawn with Pillow, metadata in both phone styles."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path

from PIL import Image


def encode(frame_at: Callable[[float], Image.Image], *, seconds: float, fps: int = 10,
           size: tuple[int, int] = (640, 360), metadata: Mapping[str, str] | None = None,
           fmt: str = "mp4", apple_keys: bool = False, gop: int | None = None,
           path: Path | None = None) -> bytes:
    """Encode `frame_at(t)` for t = 0, 1/fps, ... as H.264; returns the file's bytes (and
    writes them to `path` when given). `apple_keys` writes metadata as QuickTime mdta keys
    (as iPhones do); otherwise FFmpeg writes `location` as the udta xyz atom (as Android)."""
    import av

    buf = io.BytesIO()
    options = {"movflags": "use_metadata_tags"} if apple_keys else {}
    out = av.open(buf, "w", format={"mp4": "mp4", "mov": "mov", "webm": "webm", "3gp": "3gp",
                                    "m4v": "ipod"}[fmt], options=options)
    out.metadata.update(dict(metadata or {}))
    codec = "libvpx-vp9" if fmt == "webm" else "libx264"
    stream = out.add_stream(codec, rate=fps)
    stream.width, stream.height = size
    stream.pix_fmt = "yuv420p"
    if gop:
        stream.codec_context.gop_size = gop
    for k in range(round(seconds * fps)):
        img = frame_at(k / fps).convert("RGB").resize(size)
        for packet in stream.encode(av.VideoFrame.from_image(img)):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)
    out.close()
    data = buf.getvalue()
    if path is not None:
        path.write_bytes(data)
    return data


def audio_only(seconds: float = 1.0) -> bytes:
    import av
    import numpy as np

    buf = io.BytesIO()
    out = av.open(buf, "w", format="mp4")
    stream = out.add_stream("aac", rate=16000)
    samples = np.zeros((1, 1024), dtype=np.float32)
    for k in range(int(seconds * 16000 / 1024)):
        frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout="mono")
        frame.sample_rate = 16000
        frame.pts = k * 1024
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)
    out.close()
    return buf.getvalue()
