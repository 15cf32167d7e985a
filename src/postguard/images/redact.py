"""Image redaction: cover the flagged regions, strip every piece of metadata, verify by OCR.

`redact(src, boxes)` returns a `Redaction` with the covered image (upright: the EXIF
orientation is applied to the pixels, so no orientation tag is needed) and whether OCR still
reads anything in or across a covered region. Covering is a solid fill by default, or
pixelation (`method="pixelate"`, blocks of at least 1/6 of the box's short side); blur is not
offered: it leaves text readable. After covering, the result is OCR'd again; any word that
touches a cover, and any of the `values` still read, widens the covers (at most `max_tries`
rounds).

`redact_images(post, report, out_dir)` writes each attached image with its report findings
covered into `out_dir` under its own file name, as a fresh image with no EXIF, XMP, IPTC,
ICC profile, comment, text chunks or thumbnail.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw

from ..errors import InputError
from .load import ImageLoadError, decode_full, read_bytes, source_name

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]
FILL = (0, 0, 0)
_KEEP_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP",
                 ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP"}


@dataclass(frozen=True, slots=True)
class Redaction:
    image: Image.Image
    boxes: tuple[Box, ...]
    tries: int
    clean: bool  # OCR reads nothing across the covers and none of the values


def cover(image: Image.Image, boxes: Iterable[Box], method: str = "fill") -> Image.Image:
    """A copy of `image` (RGB) with each box covered."""
    out = image.convert("RGB").copy()
    draw = ImageDraw.Draw(out)
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(0, x0), max(0, y0)
        x1, y1 = min(out.width, x1), min(out.height, y1)
        if x1 <= x0 or y1 <= y0:
            continue
        if method == "pixelate":
            block = max(8, min(x1 - x0, y1 - y0) // 6)
            region = out.crop((x0, y0, x1, y1))
            small = region.resize((max(1, (x1 - x0) // block), max(1, (y1 - y0) // block)),
                                  Image.Resampling.BOX)
            out.paste(small.resize(region.size, Image.Resampling.NEAREST), (x0, y0))
        elif method == "fill":
            draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=FILL)
        else:
            raise ValueError(f"unknown redaction method {method!r}; use 'fill' or 'pixelate'")
    return out


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.casefold())


def _grow(box: Box, by: float, size: tuple[int, int]) -> Box:
    x0, y0, x1, y1 = box
    dx, dy = (x1 - x0) * by + 2, (y1 - y0) * by + 2
    return (max(0, int(x0 - dx)), max(0, int(y0 - dy)),
            min(size[0], int(x1 + dx + 1)), min(size[1], int(y1 + dy + 1)))


def _touches(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def redact(
    src: Any,
    boxes: Iterable[Box],
    *,
    method: str = "fill",
    values: Iterable[str] = (),
    verify: bool = True,
    max_tries: int = 3,
    index: int = 0,
) -> Redaction:
    """Cover `boxes` (original pixels, upright) in the image `src` (path, bytes or a PIL image);
    verify with OCR and widen the covers until nothing is read (bounded). `index` is the
    image's place among the post's attachments (from 0), for the messages of bytes."""
    if isinstance(src, Image.Image):
        from .load import to_rgb

        pixels = to_rgb(src)
    else:
        _, pixels = decode_full(read_bytes(src, index), source_name(src, index))
    current: list[Box] = [(int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in boxes]
    # A value leaks when OCR reads it whole, or any of its words of three characters or more.
    wanted = sorted({v for x in values for v in (_norm(x), *map(_norm, x.split()))
                     if len(v) >= 3})
    out = cover(pixels, current, method)
    if not verify or not current:
        return Redaction(out, tuple(current), 0, True)
    from .load import ANALYSIS_LONG_SIDE
    from .ocr import recognise

    tries = 0
    while True:
        analysis = out
        factor = 1.0
        if max(out.size) > ANALYSIS_LONG_SIDE:
            factor = max(out.size) / ANALYSIS_LONG_SIDE
            analysis = out.resize((round(out.width / factor), round(out.height / factor)),
                                  Image.Resampling.BILINEAR)
        ocr = recognise(analysis.convert("L"))
        text = _norm(ocr.text)
        leaking_values = [v for v in wanted if v in text]
        grown = False
        for w in ocr.words:
            wb = tuple(v * factor for v in w.box)
            for k, b in enumerate(current):
                if _touches(wb, b):
                    merged = (min(b[0], int(wb[0])), min(b[1], int(wb[1])),
                              max(b[2], int(wb[2]) + 1), max(b[3], int(wb[3]) + 1))
                    current[k] = _grow(merged, 0.05, out.size)
                    grown = True
        if not grown and not leaking_values:
            return Redaction(out, tuple(current), tries, True)
        if tries >= max_tries:
            log.warning("redaction still reads text after %d tries", tries)
            return Redaction(out, tuple(current), tries, False)
        if leaking_values:
            # A value is still read somewhere: widen every cover.
            current = [_grow(b, 0.25, out.size) for b in current]
            for w in ocr.words:
                if any(v in _norm(w.text) or _norm(w.text) in v for v in leaking_values
                       if len(_norm(w.text)) >= 3):
                    wb = (int(w.box[0] * factor), int(w.box[1] * factor),
                          int(w.box[2] * factor), int(w.box[3] * factor))
                    current.append(_grow(wb, 0.1, out.size))
        tries += 1
        out = cover(pixels, current, method)


def save_stripped(image: Image.Image, path: str) -> str:
    """Save a fresh copy of the pixels, with no metadata at all; returns the path written."""
    ext = os.path.splitext(path)[1].lower()
    fmt = _KEEP_FORMATS.get(ext)
    if fmt is None:
        path, fmt = path + ".png", "PNG"
    fresh = Image.new("RGB", image.size)
    fresh.paste(image.convert("RGB"))
    kwargs: dict[str, Any] = {}
    if fmt == "JPEG":
        kwargs = {"quality": 92, "optimize": True}
    fresh.save(path, fmt, **kwargs)
    return path


def _out_name(src: Any, index: int, used: set[str]) -> str:
    if isinstance(src, (str, os.PathLike)):
        name = os.path.basename(os.fspath(src)) or f"image-{index + 1}"
    else:
        name = f"image-{index + 1}.png"
    if name in used:
        stem, ext = os.path.splitext(name)
        name = f"{stem}-{index}{ext}"
    used.add(name)
    return name


def redact_images(post: Any, report: Any, out_dir: str, *, method: str = "fill",
                  verify: bool = True) -> list[str]:
    """Write each image of `post` with the regions of `report`'s findings covered and its
    metadata stripped into `out_dir`; returns the paths written. Unreadable images are
    skipped (the report already lists them as errors)."""
    os.makedirs(out_dir, exist_ok=True)
    written: list[str] = []
    used: set[str] = set()
    for i, src in enumerate(post.images):
        name = _out_name(src, i, used)
        dest = os.path.join(out_dir, name)
        if isinstance(src, (str, os.PathLike)) and os.path.exists(dest) and os.path.samefile(
            os.fspath(src), dest
        ):
            raise InputError(f"{dest}: --redact-out would overwrite the original image",
                             source=dest)
        if _is_video(src):
            written.extend(_redact_video(src, i, report, dest, verify))
            continue
        boxes = [f.box for f in report.findings
                 if f.source == f"image:{i}" and f.box is not None]
        try:
            result = redact(src, boxes, method=method, verify=verify, index=i)
        except ImageLoadError as exc:
            log.info("not redacting image %d: %s", i + 1, exc)
            continue
        if not result.clean:
            log.warning("image %d: OCR still reads text next to a cover after redaction", i + 1)
        try:
            written.append(save_stripped(result.image, dest))
        except OSError as exc:
            raise InputError(f"{dest}: cannot write ({exc.strerror})", source=dest) from None
    return written


def _is_video(src: Any) -> bool:
    from ..video import is_video

    return is_video(src)


def _redact_video(src: Any, index: int, report: Any, dest: str, verify: bool) -> list[str]:
    """A video's redacted copy (postguard.video.redact), written as `dest` with .mp4."""
    from ..errors import MissingDependencyError
    from ..video.redact import write_redacted_video

    try:
        result = write_redacted_video(src, index, report.findings, dest, verify=verify)
    except (ImageLoadError, MissingDependencyError) as exc:
        log.info("not redacting video %d: %s", index + 1, exc)
        return []
    except OSError as exc:
        raise InputError(f"{dest}: cannot write ({exc.strerror})", source=dest) from None
    if not result.clean:
        log.warning("video %d: screening the redacted copy still finds %s", index + 1,
                    ", ".join(result.leftover))
    return [os.path.splitext(dest)[0] + ".mp4"]

