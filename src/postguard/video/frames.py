"""Picking the frames of a video to screen: about one a second, plus scene changes, capped.

When the stream's keyframes come at least every `KEYFRAME_GAP` seconds (phones write one a
second or two, and encoders add one at each scene cut) only keyframes are decoded, which is
several times cheaper; otherwise every frame is decoded and one a second is kept, plus any
frame that differs strongly from the last one kept. A sampled frame is screened only when a
part of the picture (a cell of a 4x4 grid of a 32x16 thumbnail) changed since the last
screened frame: a still or slowly panning shot would only repeat its findings, while a
poster coming into one corner changes its cell. At most
`MAX_FRAMES` frames are screened; a longer video is sampled more sparsely. Frames come as
`LoadedImage`s (index = the attachment, `time` = seconds into the video), analysis copy
capped like a photo's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..images.load import LoadedImage
from .load import OpenedVideo, VideoLoadError

#: Frames screened per video at most.
MAX_FRAMES = 40
#: Frames decoded per video at most (guards against frame-count bombs).
MAX_DECODED = 40_000
#: Largest gap (seconds) between keyframes for keyframe-only decoding.
KEYFRAME_GAP = 2.5
#: Long side of the copy of a frame that is screened (a photo's is 2000: video text is big).
FRAME_LONG_SIDE = 1280
#: Mean difference (0-255, on a 32x16 thumbnail) that makes a frame a scene change.
SCENE_CHANGE = 40.0
#: A frame is screened only when some part of the picture changed since the last screened
#: frame: the mean difference of at least one cell of a 4x4 grid reaches this (0-255).
CHANGED = 8.0


def _keyframes_dense(video: OpenedVideo) -> bool:
    """Whether keyframes come often enough to screen only them (one demux pass, no decode)."""
    container, stream = video.container, video.stream
    times = []
    for packet in container.demux(stream):
        if packet.is_keyframe and packet.pts is not None:
            times.append(float(packet.pts * stream.time_base))
        if len(times) > MAX_DECODED:
            break
    container.seek(0, stream=stream)
    if not times:
        return False
    points = [0.0, *sorted(times), video.duration]
    return max(b - a for a, b in zip(points, points[1:], strict=False)) <= KEYFRAME_GAP


def sample(video: OpenedVideo, index: int) -> Iterator[LoadedImage]:
    """The frames to screen, in time order. Sets `video.capped` when frames were left out
    because `MAX_FRAMES` were screened already."""
    import numpy as np

    av = __import__("av")
    stream = video.stream
    stream.codec_context.thread_count = 1
    try:
        keyframes_only = _keyframes_dense(video)
        if keyframes_only:
            stream.codec_context.skip_frame = "NONKEY"
        step = max(1.0, video.duration / MAX_FRAMES)
        slack = step / 2 if keyframes_only else 0.0
        next_time = 0.0
        last_thumb: Any = None
        kept = decoded = 0
        for frame in video.container.decode(stream):
            decoded += 1
            if decoded > MAX_DECODED:
                raise VideoLoadError(f"{video.name}: more than {MAX_DECODED} frames (a video "
                                     "bomb?)", source=video.name)
            t = float(frame.time) if frame.time is not None else decoded / video.fps
            thumb = np.asarray(frame.to_ndarray(width=32, height=16, format="gray"),
                               dtype=np.int16)
            diff = np.abs(thumb - last_thumb) if last_thumb is not None else None
            scene = diff is None or float(diff.mean()) >= SCENE_CHANGE
            if t < next_time - slack and not scene:
                continue
            if diff is not None and _cell_change(diff) < CHANGED:
                next_time = t + step  # the same picture as the last frame screened
                continue
            if kept >= MAX_FRAMES:
                video.capped = True
                break
            kept += 1
            next_time = t + step
            last_thumb = thumb
            yield _loaded(frame, video, index, t)
    except av.error.FFmpegError as exc:
        raise VideoLoadError(f"{video.name}: damaged ({type(exc).__name__}); screened up to "
                             "there only", source=video.name) from None


def _cell_change(diff: Any) -> float:
    """The largest mean difference of a cell of a 4x4 grid over a 16x32 difference."""
    cells = diff.reshape(4, 4, 4, 8).mean(axis=(1, 3))
    return float(cells.max())


def _loaded(frame: Any, video: OpenedVideo, index: int, t: float) -> LoadedImage:
    w, h = video.width, video.height
    factor = min(1.0, FRAME_LONG_SIDE / max(w, h))
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    image = frame.to_image(width=size[0], height=size[1])
    return LoadedImage(index=index, name=video.name, width=w, height=h, image=image,
                       format="video", time=round(t, 3))
