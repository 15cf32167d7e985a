"""Finding plate-like panels in a photo, so OCR can read them on their own.

Tesseract's page layout analysis sometimes drops a short line of large glyphs on a small
bright panel in a busy photo (a number plate): the whole-image passes read "ABC" of
"P123 ABC", or nothing. `panels(gray)` finds bright, filled rectangles with dark marks inside
and a plate's proportions (about 2:1 to 7:1, the height 1-12% of the image's), at a few
brightness thresholds; `ocr.recognise` reads each one as a single text line (psm 7) on a
cropped, upscaled copy and merges the words with those of the whole-image passes.

It needs OpenCV (`opencv-python-headless`, extra `faces`) for connected components; without
it no panels are found and the whole-image passes stand alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL import Image

#: Panels are looked for on a copy whose long side is at most this.
WORK_LONG_SIDE = 1000
#: At most this many panels are read per image (the most plate-like first).
MAX_PANELS = 6
#: Brightness thresholds: a panel is brighter than its surroundings at one of them at least.
_THRESHOLDS = (120, 150, 175, 200, 225)
_ASPECT = (1.8, 7.5)
_FILL = (0.5, 0.93)  # panel pixels / box: the glyphs are the holes
_DARK = (0.08, 0.6)  # glyph pixels / (panel + glyph pixels)
_MIN_CONTRAST = 60
#: Panels are read at this height in pixels (glyphs about 60% of it).
READ_HEIGHT = 100

Box = tuple[float, float, float, float]


def _cv2() -> Any | None:
    try:
        import cv2
    except ImportError:
        return None
    cv2.setNumThreads(1)
    return cv2


@dataclass(frozen=True)
class Panel:
    """A plate-like panel: its box in the searched image's pixels, its brightness, and which
    pixels of the box lie outside it (a tilted panel's corners, the scene around it)."""

    box: Box
    level: int
    outside: Any  # numpy bool array over the box, at the search scale


def panels(gray: Image.Image) -> list[Panel]:
    """Bright rectangles with dark glyphs of a plate's shape, the most contrasted first."""
    cv2 = _cv2()
    if cv2 is None:
        return []
    import numpy as np

    factor = min(1.0, WORK_LONG_SIDE / max(gray.size))
    small = gray if factor == 1.0 else gray.resize(
        (max(1, round(gray.width * factor)), max(1, round(gray.height * factor))),
        Image.Resampling.BILINEAR)
    arr = np.asarray(small, dtype=np.uint8)
    h_img, w_img = arr.shape
    found: list[tuple[float, Panel]] = []
    for t in _THRESHOLDS:
        mask = (arr >= t).astype(np.uint8)
        _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
        ws, hs = stats[:, 2].astype(float), stats[:, 3].astype(float)
        fills = stats[:, 4] / (ws * hs)
        ok = ((hs >= max(8.0, 0.01 * h_img)) & (hs <= 0.12 * h_img) & (ws <= 0.6 * w_img)
              & (ws >= _ASPECT[0] * hs) & (ws <= _ASPECT[1] * hs)
              & (fills >= _FILL[0]) & (fills <= _FILL[1]))
        ok[0] = False  # the background
        for i in np.flatnonzero(ok):
            x, y, w, h = (int(v) for v in stats[i][:4])
            sub = arr[y:y + h, x:x + w]
            own = labels[y:y + h, x:x + w] == i
            # Pixels not of the panel: outside it when connected to the box's edge, else holes
            # (the glyphs), which must be dark marks well inside the panel.
            other = (~own).astype(np.uint8)
            m, olab, ostats, _ = cv2.connectedComponentsWithStats(other, connectivity=8)
            outside = np.zeros_like(own)
            for j in range(1, m):
                ox, oy, ow, oh = (int(v) for v in ostats[j][:4])
                if ox == 0 or oy == 0 or ox + ow == w or oy + oh == h:
                    outside |= olab == j
            holes = ~own & ~outside
            dark = float(holes.sum()) / float(own.sum() + holes.sum())
            if not _DARK[0] <= dark <= _DARK[1]:
                continue
            level = float(sub[own].mean())
            contrast = level - float(sub[holes].mean())
            if contrast < _MIN_CONTRAST:
                continue
            box = (x / factor, y / factor, (x + w) / factor, (y + h) / factor)
            found.append((contrast * (1.0 - float(outside.mean())),
                          Panel(box, int(level), outside)))
    found.sort(key=lambda f: -f[0])
    kept: list[Panel] = []
    for _, panel in found:
        if any(_iou(panel.box, k.box) > 0.5 for k in kept):
            continue
        kept.append(panel)
        if len(kept) >= MAX_PANELS:
            break
    return kept


def panel_image(gray: Image.Image, panel: Panel) -> tuple[Image.Image, float, float, float]:
    """The panel cut from `gray`, the scene around it painted in the panel's colour, with a
    margin, scaled so its height is `READ_HEIGHT`: (image, scale, left, top) where a point
    (u, v) of the image is (left + u / scale, top + v / scale) in `gray`."""
    import numpy as np

    x0, y0, x1, y1 = (int(round(v)) for v in panel.box)
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(gray.width, max(x1, x0 + 1)), min(gray.height, max(y1, y0 + 1))
    crop = np.array(gray.crop((x0, y0, x1, y1)), dtype=np.uint8)
    out_mask = Image.fromarray(panel.outside.astype(np.uint8) * 255).resize(
        (x1 - x0, y1 - y0), Image.Resampling.NEAREST)
    crop[np.asarray(out_mask) > 0] = panel.level
    pad = max(2, (y1 - y0) // 4)
    canvas = np.full((y1 - y0 + 2 * pad, x1 - x0 + 2 * pad), panel.level, dtype=np.uint8)
    canvas[pad:pad + y1 - y0, pad:pad + x1 - x0] = crop
    scale = READ_HEIGHT / canvas.shape[0]
    img = Image.fromarray(canvas).resize(
        (max(1, round(canvas.shape[1] * scale)), READ_HEIGHT), Image.Resampling.BICUBIC)
    return img, scale, float(x0 - pad), float(y0 - pad)


def _iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0
