"""A redacted copy of a video: flagged regions covered, metadata and sound left out, checked
by screening the copy again.

Each finding with a box is covered with a solid fill from one second before its `time` (the
frames are sampled about once a second, so the item may have come into view up to then) to
the end of the video: a finding is reported once, at its first time, and covering it to the
end is the safe reading. Moving faces are therefore covered where they were first seen only;
the check afterwards screens the copy again and lists what can still be found. The copy is
H.264 in MP4 with no container metadata (no GPS, device, names, creation time) and no audio
track (voices can name children: the sound is left out rather than screened).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Category, Finding
from .load import open_video

#: A covered region starts this long (seconds) before the finding's first time.
LEAD = 1.0


@dataclass
class VideoRedaction:
    data: bytes
    frames: int
    #: What screening the copy still found (codes and times): empty when clean.
    leftover: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.leftover


def redact_video(src: Any, index: int, findings: Iterable[Finding], *,
                 verify: bool = True, screener: Any = None) -> VideoRedaction:
    """The redacted copy of video attachment `src` (its findings are those of `image:index`)."""
    import av
    from PIL import ImageDraw

    covers = [(max(0.0, (f.time or 0.0) - LEAD), f.box) for f in findings
              if f.box is not None and f.source == f"image:{index}"]
    video = open_video(src, index)
    buf = io.BytesIO()
    frames = 0
    try:
        out = av.open(buf, "w", format="mp4")
        stream = out.add_stream("libx264", rate=video.stream.average_rate or 30)
        stream.width, stream.height = video.width - video.width % 2, video.height - video.height % 2
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "veryfast", "crf": "20"}
        video.stream.codec_context.thread_count = 1
        for frame in video.container.decode(video.stream):
            t = float(frame.time) if frame.time is not None else frames / video.fps
            image = frame.to_image()
            boxes = [box for start, box in covers if start <= t]
            if boxes:
                draw = ImageDraw.Draw(image)
                for x0, y0, x1, y1 in boxes:
                    draw.rectangle((x0, y0, x1, y1), fill=(0, 0, 0))
            if image.size != (stream.width, stream.height):
                image = image.crop((0, 0, stream.width, stream.height))
            new = av.VideoFrame.from_image(image)  # type: ignore[no-untyped-call]
            for packet in stream.encode(new):
                out.mux(packet)
            frames += 1
        for packet in stream.encode():
            out.mux(packet)
        out.close()
    finally:
        video.close()
    result = VideoRedaction(buf.getvalue(), frames)
    if verify:
        result.leftover = _screen_again(result.data, index, screener)
    return result


def _screen_again(data: bytes, index: int, screener: Any) -> list[str]:
    from ..model import Post
    from ..screener import Screener

    screener = screener or Screener()
    images: list[Any] = [b""] * index + [data]  # the same index, so sources match
    report = screener.screen(Post(images=tuple(images)))
    return [f"{f.code}@{f.time}" if f.time is not None else f.code for f in report.findings
            if f.source == f"image:{index}" and f.category is not Category.DETECTOR_ERROR]


def write_redacted_video(src: Any, index: int, findings: Iterable[Finding], dest: str,
                         **kw: Any) -> VideoRedaction:
    """`redact_video`, written to `dest` (its extension becomes .mp4)."""
    result = redact_video(src, index, findings, **kw)
    path = os.path.splitext(dest)[0] + ".mp4"
    with open(path, "wb") as fh:
        fh.write(result.data)
    return result
