"""Picking the frames of a video to screen: about one a second, plus scene changes, capped.

When the stream's keyframes come at least every `KEYFRAME_GAP` seconds (phones write one a
second or two, and encoders add one at each scene cut) only keyframes are decoded, which is
several times cheaper; otherwise every frame is decoded and one a second is kept, plus any
frame that differs strongly from the last one kept. A frame that barely differs from the
last one screened (a still shot) is skipped: it would only repeat its findings. At most
`MAX_FRAMES` frames are screened; a longer video is sampled more sparsely. Frames come as
`LoadedImage`s (index = the attachment, `time` = seconds into the video), analysis copy
capped like a photo's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..images.load import ANALYSIS_LONG_SIDE, LoadedImage
from .load import OpenedVideo, VideoLoadError

#: Frames screened per video at most.
MAX_FRAMES = 40
#: Frames decoded per video at most (guards against frame-count bombs).
MAX_DECODED = 40_000
#: Largest gap (seconds) between keyframes for keyframe-only decoding.
KEYFRAME_GAP = 2.5
#: Mean difference (0-255, on a 32x18 thumbnail) that makes a frame a scene change.
SCENE_CHANGE = 40.0
#: Largest difference of any thumbnail cell under which a frame repeats the last one.
STILL = 10.0


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
            thumb = np.asarray(frame.to_ndarray(width=32, height=18, format="gray"),
                               dtype=np.int16)
            diff = np.abs(thumb - last_thumb) if last_thumb is not None else None
            scene = diff is None or float(diff.mean()) >= SCENE_CHANGE
            if t < next_time - slack and not scene:
                continue
            if diff is not None and float(diff.max()) < STILL:
                next_time = t + step  # a still shot: the same picture again
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


def _loaded(frame: Any, video: OpenedVideo, index: int, t: float) -> LoadedImage:
    w, h = video.width, video.height
    factor = min(1.0, ANALYSIS_LONG_SIDE / max(w, h))
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    image = frame.to_image(width=size[0], height=size[1])
    return LoadedImage(index=index, name=video.name, width=w, height=h, image=image,
                       format="video", time=round(t, 3))
