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


def _keyframes_dense(video: OpenedVideo) -> float | None:
    """The time of the last keyframe when keyframes come often enough to screen only them
    (one demux pass, no decoding); None otherwise."""
    container, stream = video.container, video.stream
    times = []
    for packet in container.demux(stream):
        if packet.is_keyframe and packet.pts is not None:
            times.append(float(packet.pts * stream.time_base))
        if len(times) > MAX_DECODED:
            break
    container.seek(0, stream=stream)
    if not times:
        return None
    points = [0.0, *sorted(times), video.duration]
    dense = max(b - a for a, b in zip(points, points[1:], strict=False)) <= KEYFRAME_GAP
    return max(times) if dense else None


class _Picker:
    """Decides which decoded frames are screened (see the module docstring)."""

    def __init__(self, video: OpenedVideo, slack: float) -> None:
        self.video = video
        self.step = max(1.0, video.duration / MAX_FRAMES)
        self.slack = slack
        self.next_time = 0.0
        self.last_thumb: Any = None
        self.last_time: float | None = None
        self.kept = self.decoded = 0

    def thumb(self, frame: Any) -> Any:
        import numpy as np

        return np.asarray(frame.to_ndarray(width=32, height=16, format="gray"), dtype=np.int16)

    def count(self) -> None:
        self.decoded += 1
        if self.decoded > MAX_DECODED:
            raise VideoLoadError(f"{self.video.name}: more than {MAX_DECODED} frames (a video "
                                 "bomb?)", source=self.video.name)

    def due(self, t: float, thumb: Any) -> bool:
        """Whether a frame at `t` is a sample (its second has come, or the scene changed)."""
        diff = None if self.last_thumb is None else abs(thumb - self.last_thumb)
        scene = diff is None or float(diff.mean()) >= SCENE_CHANGE
        return t >= self.next_time - self.slack or scene

    def take(self, t: float, thumb: Any) -> bool | None:
        """Whether a sampled frame is screened; None when the cap is reached."""
        if self.last_thumb is not None and _cell_change(abs(thumb - self.last_thumb)) < CHANGED:
            self.next_time = t + self.step  # the same picture as the last frame screened
            return False
        if self.kept >= MAX_FRAMES:
            self.video.capped = True
            return None
        self.kept += 1
        self.next_time = t + self.step
        self.last_thumb, self.last_time = thumb, t
        return True


def sample(video: OpenedVideo, index: int) -> Iterator[LoadedImage]:
    """The frames to screen, in time order. Sets `video.capped` when frames were left out
    because `MAX_FRAMES` were screened already. The last frame is screened too when it comes
    half a second or more after the last sample (what appears at the end is not missed)."""
    av = __import__("av")
    stream = video.stream
    ctx = stream.codec_context
    ctx.thread_count = 1
    try:
        last_key = _keyframes_dense(video)
        if last_key is not None:
            ctx.skip_frame = "NONKEY"
        picker = _Picker(video, picker_slack(video, last_key))
        pending: tuple[Any, float, Any] | None = None
        for frame in video.container.decode(stream):
            picker.count()
            t = float(frame.time) if frame.time is not None else picker.decoded / video.fps
            thumb = picker.thumb(frame)
            if not picker.due(t, thumb):
                pending = (frame, t, thumb)
                continue
            pending = None
            took = picker.take(t, thumb)
            if took is None:
                return
            if took:
                yield _loaded(frame, video, index, t)
        if last_key is not None and video.duration - last_key >= 0.5:
            ctx.skip_frame = "DEFAULT"  # after the last keyframe: decode to the very end
            video.container.seek(int(last_key / stream.time_base), stream=stream)
            for frame in video.container.decode(stream):
                picker.count()
                if frame.time is not None:
                    pending = (frame, float(frame.time), None)
        if pending is not None:
            frame, t, thumb = pending
            late = picker.last_time is None or t - picker.last_time >= 0.5
            if late and picker.take(t, picker.thumb(frame) if thumb is None else thumb):
                yield _loaded(frame, video, index, t)
    except av.error.FFmpegError as exc:
        raise VideoLoadError(f"{video.name}: damaged ({type(exc).__name__}); screened up to "
                             "there only", source=video.name) from None


def picker_slack(video: OpenedVideo, last_key: float | None) -> float:
    """How early a keyframe may come and still be the sample of its second."""
    return 0.25 if last_key is not None else 0.0  # keyframe times jitter a little


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
