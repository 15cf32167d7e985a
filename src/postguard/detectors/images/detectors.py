"""Image detectors: OCR text, QR codes, file metadata, faces.

Each attachment is decoded and OCR'd once per post: the image detectors of one Screener share
an `ImageCache` (the Screener calls `bind(screener)` on each detector once). Text found in a
photo (OCR words, QR payloads, metadata fields) goes through the Screener's enabled text
detectors; those findings keep their detector's code and category, with
`source = "image:N"`. OCR findings index the image's OCR text and carry the box of their words
in original pixels; payload and metadata findings have no span.

Photo consent (`faces`): the post's metadata key `consent` is `true` (every photo has recorded
parental consent), or a list of image indexes (0-based ints) and/or file names (the path or
its base name) that have it. Anything else means no consent.

An unreadable image becomes one PG002 finding (source "image:N", message naming the file),
which the Screener also lists as a report error; the other images are still screened.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ...datafiles import read_data
from ...errors import MissingDependencyError
from ...model import Action, Category, Finding, Post, Severity, Suggestion
from ...policy import Policy
from ..base import Detector, TextDetector

log = logging.getLogger(__name__)

_COVER = Suggestion(Action.BLUR)
_STRIP = Suggestion(Action.STRIP_METADATA)


class ImageDetector(Detector):
    """Base of the image detectors: shared decoding, load errors, the text detectors."""

    is_image_detector = True
    #: Whether this detector screens video attachments (the others skip them).
    handles_videos = False

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        from ...images.cache import ImageCache

        self._cache = ImageCache()
        self._text_detectors: list[TextDetector] | None = None

    # -- wiring -----------------------------------------------------------------------------
    def bind(self, screener: Any) -> None:
        """Share one image cache with the Screener's other image detectors; use its text
        detectors for text found in images."""
        dets = list(screener.detectors)
        first = next((d for d in dets if isinstance(d, ImageDetector)), self)
        self._cache = first._cache
        self._text_detectors = [d for d in dets if isinstance(d, TextDetector)]

    @property
    def text_detectors(self) -> list[TextDetector]:
        if self._text_detectors is None:
            from ...registry import DetectorRegistry

            reg = DetectorRegistry()
            names = list(self.policy.enabled) if self.policy.enabled is not None else reg.names()
            found: list[TextDetector] = []
            for n in names:
                if n in self.policy.disabled:
                    continue
                try:
                    cls = reg.get(n)
                except Exception:
                    continue
                if issubclass(cls, TextDetector):
                    found.append(cls(self.policy))
            self._text_detectors = found
        return self._text_detectors

    def delegated_codes(self) -> tuple[str, ...]:
        """Codes of the text detectors whose findings this detector passes on."""
        return tuple(c for d in self.text_detectors for c in d.codes)

    # -- running ----------------------------------------------------------------------------
    def detect(self, post: Post) -> Iterable[Finding]:
        if not post.images:  # most posts: no generator, no import
            return ()
        return self._detect_images(post)

    def _detect_images(self, post: Post) -> Iterator[Finding]:
        from ...images.load import ImageLoadError
        from ...video import is_video

        for i in range(len(post.images)):
            if is_video(post.images[i]):
                continue  # the video detector screens its frames with these detectors
            got = self._cache.image(post, i)
            if isinstance(got, ImageLoadError):
                if self._cache.claim(post, ("load", i)):
                    yield self.finding("PG002", Category.DETECTOR_ERROR, Severity.HIGH,
                                       str(got), score=1.0, source=f"image:{i}",
                                       suggestion=Suggestion(Action.REVIEW))
                continue
            yield from self.detect_image(post, got)

    def detect_image(self, post: Post, img: Any) -> Iterable[Finding]:
        raise NotImplementedError

    def screen_text(self, text: str) -> list[Finding]:
        """Findings of the text detectors on `text` (and on its all-caps words in title case:
        signs and banners are often in capitals)."""
        variants = [text]
        titled = _title_caps(text)
        if titled != text:
            variants.append(titled)
        out: dict[tuple[Any, ...], Finding] = {}
        for det in self.text_detectors:
            for variant in variants:
                try:
                    found = list(det.detect_text(variant))
                except Exception as exc:
                    log.warning("text detector %s raised %s on image text", det.name,
                                type(exc).__name__)
                    found = [self.finding("PG001", Category.DETECTOR_ERROR, Severity.HIGH,
                                          f"detector '{det.name}' failed on image text: "
                                          f"{type(exc).__name__} raised", score=1.0)]
                for f in found:
                    if f.start is not None and f.end is not None and not (
                        0 <= f.start < f.end <= len(text)
                    ):
                        continue
                    out.setdefault((f.category, f.code, f.start, f.end), f)
        return list(out.values())


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")


def _title_caps(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        t = w[0] + w[1:].lower()
        return t if len(t) == len(w) else w

    return _CAPS_WORD.sub(fix, text)


@functools.cache
def _word_list(name: str) -> frozenset[str]:
    raw = read_data(name)
    return frozenset(
        line.strip().lower() for line in raw.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


_SIGN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def street_signs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of OCR lines that read like a street sign: one to three name words and a street
    ending ("ACACIA AVENUE", "Mill Lane"), optionally followed by a postcode district."""
    suffixes = _word_list("image-street-words.txt")
    stop = _word_list("image-sign-stopwords.txt")
    pos = 0
    for line in text.split("\n"):
        words = [(m.start(), m.end(), m.group(0)) for m in _SIGN_WORD.finditer(line)]
        for k, (_, e, w) in enumerate(words):
            if k == 0 or w.lower().rstrip(".") not in suffixes:
                continue
            names = words[max(0, k - 3):k]
            # Keep the name words right before the ending, all capitalised.
            while names and (names[0][2].lower() in stop or not names[0][2][0].isupper()):
                names = names[1:]
            if not names or not all(n[2][0].isupper() for n in names):
                continue
            if any(n[2].lower() in stop for n in names) or len(names[-1][2]) < 3:
                continue
            yield pos + names[0][0], pos + e
        pos += len(line) + 1


class ImageTextDetector(ImageDetector):
    name = "image_text"
    codes = ("PG641", "PG691", "PG692")
    categories = (Category.LOCATION,)
    description = "OCR of each photo, screened by the text detectors (signs, banners, plates)"

    def detect_image(self, post: Post, img: Any) -> Iterable[Finding]:
        from ...images.ocr import OcrUnavailable

        src = f"image:{img.index}"
        if img.frames > 1:
            yield self.finding("PG691", Category.DETECTOR_ERROR, Severity.LOW,
                               f"{os.path.basename(img.name)}: animated image, only the first "
                               f"of {img.frames} frames was screened", score=1.0, source=src,
                               suggestion=Suggestion(Action.REVIEW))
        try:
            ocr = self._cache.ocr(post, img)
        except (OcrUnavailable, MissingDependencyError) as exc:
            if self._cache.claim(post, "ocr-missing"):
                yield self.finding("PG692", Category.DETECTOR_ERROR, Severity.HIGH,
                                   f"text in photos was not read: {exc}", score=1.0, source=src,
                                   suggestion=Suggestion(Action.REVIEW))
            return
        if not ocr.text:
            return
        found = self.screen_text(ocr.text)
        for f in found:
            if f.start is None or f.end is None:
                continue
            if sum(c.isalnum() for c in ocr.text[f.start:f.end]) < 2:
                continue  # a lone OCR letter ("x" read in a texture) is noise, not a kiss
            box = ocr.span_box(f.start, f.end)
            yield dataclasses.replace(
                f, source=src, box=_padded(img, box) if box else None,
                message=f"{f.message} (read in the photo)", suggestion=_COVER,
            )
        located = [(f.start, f.end) for f in found
                   if f.category in (Category.LOCATION, Category.ADDRESS)
                   and f.start is not None and f.end is not None]
        for s, e in street_signs(ocr.text):
            if any(a < e and s < b for a, b in located):
                continue
            box = ocr.span_box(s, e)
            yield self.finding("PG641", Category.LOCATION, Severity.MEDIUM,
                               "street name on a sign in the photo", score=0.8, start=s, end=e,
                               source=src, box=_padded(img, box) if box else None,
                               suggestion=_COVER)


def _padded(img: Any, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    pad = 0.15 * (y1 - y0) + 2
    return img.scale_box((x0 - pad, y0 - pad, x1 + pad, y1 + pad))  # type: ignore[no-any-return]


_PAYLOAD_CATEGORIES = frozenset({
    Category.PHONE, Category.EMAIL, Category.ADDRESS, Category.LOCATION, Category.SCHOOL,
    Category.PERSON_NAME, Category.DATE_OF_BIRTH, Category.SOCIAL_HANDLE,
    Category.VEHICLE_PLATE, Category.GEOLOCATION, Category.DETECTOR_ERROR,
})


class QrCodeDetector(ImageDetector):
    name = "qr_code"
    codes = ("PG611", "PG612")
    categories = (Category.QR_CODE, Category.GEOLOCATION)
    description = "QR codes and barcodes in photos; their payloads are screened too"

    def detect_image(self, post: Post, img: Any) -> Iterable[Finding]:
        from ...images.qr import find_codes, geo_position, payload_text

        src = f"image:{img.index}"
        for code in find_codes(img):
            what = "QR code" if code.kind == "QRCODE" else f"barcode ({code.kind})"
            yield self.finding("PG611", Category.QR_CODE, Severity.MEDIUM,
                               f"{what} in the photo: its link or data is published with it",
                               score=0.95, source=src, box=code.box, suggestion=_COVER)
            if geo_position(code.payload):
                yield self.finding("PG612", Category.GEOLOCATION, Severity.HIGH,
                                   f"{what} holds a map position", score=0.95, source=src,
                                   box=code.box, suggestion=_COVER)
            for f in self.screen_text(payload_text(code.payload)):
                if f.category not in _PAYLOAD_CATEGORIES:
                    continue  # tone rules misread machine data ("P:x;" is not a kiss)
                yield dataclasses.replace(f, source=src, start=None, end=None, box=code.box,
                                          message=f"{f.message} (in a {what}'s data)",
                                          suggestion=_COVER)


class ImageMetadataDetector(ImageDetector):
    name = "image_metadata"
    codes = ("PG601", "PG602", "PG603")
    categories = (Category.GEOLOCATION,)
    description = "GPS and place fields in EXIF/XMP/IPTC, metadata text, stale EXIF thumbnails"

    def detect_image(self, post: Post, img: Any) -> Iterable[Finding]:
        from ...images import metadata as md

        src = f"image:{img.index}"
        where = md.gps_position(img)
        if where:
            yield self.finding("PG601", Category.GEOLOCATION, Severity.HIGH,
                               f"GPS position in the image's {where} metadata", score=0.99,
                               source=src, suggestion=_STRIP)
        places = md.place_fields(img)
        if places:
            yield self.finding("PG602", Category.GEOLOCATION, Severity.HIGH,
                               f"place named in the image's metadata ({', '.join(places)})",
                               score=0.95, source=src, suggestion=_STRIP)
        if md.stale_thumbnail(img):
            yield self.finding("PG603", Category.GEOLOCATION, Severity.MEDIUM,
                               "the EXIF thumbnail shows a different, unedited picture",
                               score=0.9, source=src, suggestion=_STRIP)
        for field in md.text_fields(img):
            for f in self.screen_text(field.text):
                yield dataclasses.replace(f, source=src, start=None, end=None, box=None,
                                          message=f"{f.message} (in the image's {field.label})",
                                          suggestion=_STRIP)


def consented(post: Post, index: int) -> bool:
    """Whether the post's metadata records parental consent for photo `index`."""
    consent = post.metadata.get("consent") if post.metadata else None
    if consent is True or (isinstance(consent, str) and consent.lower() in ("all", "true")):
        return True
    if not isinstance(consent, (list, tuple)):
        return False
    src = post.images[index] if index < len(post.images) else None
    names: set[str] = set()
    if isinstance(src, (str, os.PathLike)):
        names = {os.fspath(src), os.path.basename(os.fspath(src))}
    for item in consent:
        if isinstance(item, bool):
            continue
        if isinstance(item, int) and item == index:
            return True
        if isinstance(item, str) and (item in names or item == str(index)):
            return True
    return False


class FaceDetector(ImageDetector):
    name = "faces"
    codes = ("PG621", "PG693")
    categories = (Category.PHOTO_CONSENT,)
    description = ("faces in photos without recorded parental consent (CenterFace, extra "
                   "'faces')")

    def detect_image(self, post: Post, img: Any) -> Iterable[Finding]:
        from ...images import faces

        src = f"image:{img.index}"
        if consented(post, img.index):
            return
        try:
            boxes = faces.find_faces(img)
        except MissingDependencyError as exc:
            if self._cache.claim(post, "faces-missing"):
                yield self.finding("PG693", Category.DETECTOR_ERROR, Severity.MEDIUM,
                                   f"faces were not looked for: {exc}", score=1.0, source=src,
                                   suggestion=Suggestion(Action.REVIEW))
            return
        for box in boxes:
            yield self.finding("PG621", Category.PHOTO_CONSENT, Severity.MEDIUM,
                               "a face in the photo, and no parental consent is recorded for "
                               "this image", score=0.8, source=src, box=box,
                               suggestion=Suggestion(Action.GET_CONSENT))
