"""The `video` detector: the photo pipeline on a video's frames, and its container metadata.

Frames (about one a second plus scene changes, capped: `postguard.video.frames`) go through
the Screener's other image detectors (OCR text -> text detectors, QR codes, faces); their
findings keep their codes and carry `time`, seconds into the video. The same finding on
later frames (same code and the same text read, or for a face a box where a face was
already reported) is reported once, at its first time.

Container metadata: GPS (PG811), a place named in a tag (PG812), and tag text (titles,
authors, comments) screened by the text detectors; a video that identifies its device or
its filming time is PG814 (strip the metadata). A video the cap left partly unscreened is
PG813. An unreadable video (corrupt, empty, audio only, over a limit) is PG002 naming the
file, as for photos; without PyAV it is PG815, naming the extra.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from ...errors import MissingDependencyError
from ...model import Action, Category, Finding, Post, Severity, Suggestion
from ..images import FaceDetector, ImageDetector, ImageTextDetector, QrCodeDetector

_STRIP = Suggestion(Action.STRIP_METADATA)
_REVIEW = Suggestion(Action.REVIEW)


class VideoDetector(ImageDetector):
    name = "video"
    codes = ("PG811", "PG812", "PG813", "PG814", "PG815")
    categories = (Category.GEOLOCATION, Category.DETECTOR_ERROR)
    description = ("videos: frames through the photo detectors, container GPS and tags "
                   "(extra 'video')")
    handles_videos = True

    def __init__(self, policy: Any) -> None:
        super().__init__(policy)
        self._frame_detectors: list[ImageDetector] | None = None

    def bind(self, screener: Any) -> None:
        super().bind(screener)
        self._frame_detectors = [d for d in screener.detectors
                                 if isinstance(d, ImageDetector) and not d.handles_videos]

    @property
    def frame_detectors(self) -> list[ImageDetector]:
        if self._frame_detectors is None:
            self._frame_detectors = [cls(self.policy) for cls in (
                ImageTextDetector, QrCodeDetector, FaceDetector)]
            for d in self._frame_detectors:
                d._cache = self._cache
                d._text_detectors = self.text_detectors
        return self._frame_detectors

    def delegated_codes(self) -> tuple[str, ...]:
        own = super().delegated_codes()
        return own + tuple(c for d in self.frame_detectors for c in d.codes) + tuple(
            c for d in self.frame_detectors for c in d.delegated_codes())

    def _detect_images(self, post: Post) -> Iterator[Finding]:
        from ...video import is_video

        for i, src in enumerate(post.images):
            if is_video(src):
                yield from self._detect_video(post, i, src)

    def detect_image(self, post: Post, img: Any) -> Iterable[Finding]:
        return ()

    def _detect_video(self, post: Post, index: int, src: Any) -> Iterator[Finding]:
        from ...images.load import ImageLoadError
        from ...video import frames
        from ...video import metadata as md
        from ...video.load import VideoLoadError, open_video

        source = f"image:{index}"
        try:
            video = open_video(src, index)
        except MissingDependencyError as exc:
            yield self.finding("PG815", Category.DETECTOR_ERROR, Severity.HIGH,
                               f"video not screened: {exc}", score=1.0, source=source,
                               suggestion=_REVIEW)
            return
        except ImageLoadError as exc:  # a VideoLoadError, or an archive member not read
            yield self._unreadable(str(exc), source)
            return
        try:
            yield from self._container(md.read(video.container), source)
            seen = _Seen()
            try:
                for frame in frames.sample(video, index):
                    for f in self._frame_findings(post, frame):
                        if seen.first(f, self._read(post, frame, f)):
                            yield dataclasses.replace(f, time=frame.time)
            except VideoLoadError as exc:
                yield self._unreadable(str(exc), source)
            if video.capped:
                yield self.finding(
                    "PG813", Category.DETECTOR_ERROR, Severity.MEDIUM,
                    f"{_base(video.name)}: only the first {frames.MAX_FRAMES} scenes were "
                    "screened", score=1.0, source=source, suggestion=_REVIEW)
        finally:
            video.close()

    def _read(self, post: Post, frame: Any, f: Finding) -> str:
        """The text a frame finding was read from (its message when it has no span)."""
        if f.start is None or f.end is None:
            return f.message
        try:
            return self._cache.ocr(post, frame).text[f.start:f.end]
        except Exception:
            return f.message

    def _unreadable(self, message: str, source: str) -> Finding:
        return self.finding("PG002", Category.DETECTOR_ERROR, Severity.HIGH, message,
                            score=1.0, source=source, suggestion=_REVIEW)

    def _frame_findings(self, post: Post, frame: Any) -> Iterator[Finding]:
        for det in self.frame_detectors:
            try:
                yield from det.detect_image(post, frame)
            except MissingDependencyError as exc:
                yield self.finding("PG815", Category.DETECTOR_ERROR, Severity.MEDIUM,
                                   f"video frames not fully screened: {exc}", score=1.0,
                                   source=f"image:{frame.index}", suggestion=_REVIEW)

    def _container(self, meta: Any, source: str) -> Iterator[Finding]:
        if meta.gps:
            yield self.finding("PG811", Category.GEOLOCATION, Severity.HIGH,
                               f"GPS position in the video's metadata ({', '.join(meta.gps)})",
                               score=0.99, source=source, suggestion=_STRIP)
        if meta.places:
            yield self.finding("PG812", Category.GEOLOCATION, Severity.HIGH,
                               f"place named in the video's metadata ({', '.join(meta.places)})",
                               score=0.95, source=source, suggestion=_STRIP)
        for tag, text in meta.text:
            for f in self.screen_text(text):
                yield dataclasses.replace(f, source=source, start=None, end=None, box=None,
                                          message=f"{f.message} (in the video's {tag} tag)",
                                          suggestion=_STRIP)
        details = [w for w, v in (("the device", meta.device), ("when it was filmed",
                                                               meta.created)) if v]
        if details:
            yield self.finding("PG814", Category.GEOLOCATION, Severity.LOW,
                               f"the video's metadata records {' and '.join(details)}",
                               score=0.9, source=source, suggestion=_STRIP)


class _Seen:
    """Which frame findings were reported already (the first time wins)."""

    def __init__(self) -> None:
        self.keys: set[tuple[Any, ...]] = set()
        self.faces: list[tuple[int, int, int, int]] = []

    def first(self, f: Finding, said: str) -> bool:
        if f.category is Category.PHOTO_CONSENT and f.box is not None:
            if any(_overlap(f.box, b) > 0.3 for b in self.faces):
                return False
            self.faces.append(f.box)
            return True
        key = (f.code, f.category, " ".join(said.lower().split()))
        if key in self.keys:
            return False
        self.keys.add(key)
        return True


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


def _base(name: str) -> str:
    import os

    return os.path.basename(name)
