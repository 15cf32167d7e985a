"""Recognising and opening an attached video, within limits.

`is_video(src)` says whether an attachment is a video: by its extension for a path, by its
first bytes otherwise (an ISO/QuickTime `ftyp` box with a video brand, or WebM's EBML
header; HEIC photos share the `ftyp` box and are not videos). `open_video(src, index)` opens
it with PyAV and checks the limits; every failure is a `VideoLoadError` (an
`ImageLoadError`, so the image pipeline reports it the same way: one PG002 line naming the
file) and never contains the video's content.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import Any

from ..errors import MissingDependencyError
from ..images.load import ImageLoadError, source_name

VIDEO_EXTS = frozenset({".mp4", ".mov", ".m4v", ".webm", ".3gp"})
#: Files larger than this are refused before decoding.
MAX_FILE_BYTES = 1024 * 1024 * 1024
#: Videos longer than this (seconds) are refused.
MAX_DURATION = 600.0
#: Frames larger than this (pixels) are refused: 4K passes, 8K does not.
MAX_PIXELS = 4096 * 2304
#: More frames than this a second is a video bomb, not a camera.
MAX_FPS = 240.0

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
                b"avif", b"avis")
_QT_ATOMS = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_EBML = b"\x1a\x45\xdf\xa3"


class VideoLoadError(ImageLoadError):
    """An attached video that cannot be screened; the message names the file and why."""


def _head(src: Any) -> bytes:
    if isinstance(src, (bytes, bytearray, memoryview)):
        return bytes(src[:16])
    return b""


def is_video(src: Any) -> bool:
    """Whether attachment `src` (a path, bytes or a file object) is a video."""
    if isinstance(src, (str, os.PathLike)):
        return os.path.splitext(os.fspath(src))[1].lower() in VIDEO_EXTS
    name = getattr(src, "name", None)
    if isinstance(name, str) and os.path.splitext(name)[1].lower() in VIDEO_EXTS:
        return True
    head = _head(src)
    if head.startswith(_EBML):
        return True
    if head[4:8] in _QT_ATOMS:
        return not (head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS)
    return False


def av_module() -> Any:
    try:
        import av
    except ImportError:
        raise MissingDependencyError("av", "video", "screening videos") from None
    return av


@dataclass
class OpenedVideo:
    """An open container, its video stream and what was checked about it."""

    name: str
    container: Any
    stream: Any
    duration: float
    width: int
    height: int
    fps: float
    capped: bool = False  # set when the frame cap left frames unscreened

    def close(self) -> None:
        self.container.close()


def open_video(src: Any, index: int) -> OpenedVideo:
    """Open attachment `src` as a video, or raise `VideoLoadError` saying why not."""
    av = av_module()
    name = source_name(src, index)

    def fail(why: str) -> VideoLoadError:
        return VideoLoadError(f"{name}: {why}", source=name)

    target: Any
    if isinstance(src, (bytes, bytearray, memoryview)):
        if not len(src):
            raise fail("empty file, not a video")
        if len(src) > MAX_FILE_BYTES:
            raise fail(f"larger than {MAX_FILE_BYTES // 2**20} MB")
        target = io.BytesIO(bytes(src))
    elif isinstance(src, (str, os.PathLike)):
        path = os.fspath(src)
        if path.lower().startswith(("http://", "https://", "//")):
            raise fail("only on the web; postguard never downloads (save the file next to "
                       "the post and give its path)")
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            raise fail(f"cannot read ({exc.strerror or 'no such file'})") from None
        if size == 0:
            raise fail("empty file, not a video")
        if size > MAX_FILE_BYTES:
            raise fail(f"larger than {MAX_FILE_BYTES // 2**20} MB")
        target = path
    elif hasattr(src, "read"):
        data = src.read(MAX_FILE_BYTES + 1)
        if not isinstance(data, bytes) or not data:
            raise fail("empty or not a binary file")
        if len(data) > MAX_FILE_BYTES:
            raise fail(f"larger than {MAX_FILE_BYTES // 2**20} MB")
        target = io.BytesIO(data)
    else:
        raise fail(f"expected a path or bytes, got {type(src).__name__}")
    try:
        container = av.open(target, options={"export_xmp": "1"})
    except av.error.FFmpegError as exc:
        raise fail(f"not a readable video ({_reason(exc)})") from None
    try:
        return _checked(container, name, fail)
    except BaseException:
        container.close()
        raise


def _checked(container: Any, name: str, fail: Any) -> OpenedVideo:
    if not container.streams.video:
        kind = "audio only" if container.streams.audio else "no streams"
        raise fail(f"has no video stream ({kind})")
    stream = container.streams.video[0]
    ctx = stream.codec_context
    width, height = int(ctx.width or 0), int(ctx.height or 0)
    if width <= 0 or height <= 0:
        raise fail("video stream without a picture size (damaged?)")
    if width * height > MAX_PIXELS:
        raise fail(f"frames are {width}x{height}: more than {MAX_PIXELS} pixels")
    duration = _duration(container, stream)
    if duration is None:
        raise fail("video without a duration (truncated or damaged?)")
    if duration > MAX_DURATION:
        raise fail(f"{duration:.0f} s long: more than {MAX_DURATION:.0f} s")
    rate = stream.average_rate or stream.guessed_rate
    fps = float(rate) if rate else 30.0
    if fps > MAX_FPS or (stream.frames and duration > 0 and stream.frames / duration > MAX_FPS):
        raise fail(f"more than {MAX_FPS:.0f} frames a second (a video bomb?)")
    return OpenedVideo(name, container, stream, duration, width, height, fps)


def _duration(container: Any, stream: Any) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration) / 1_000_000
    return None


def _reason(exc: Exception) -> str:
    text = getattr(exc, "strerror", None) or type(exc).__name__
    return str(text).strip().rstrip(".").lower()[:80]
