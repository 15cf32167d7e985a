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
#: Bright panels are looked for on a coarser copy (long side at most this).
BRIGHT_LONG_SIDE = 640
#: At most this many panels are read per image (the most plate-like first).
MAX_PANELS = 6
#: Brightness thresholds: a panel is brighter than its surroundings at one of them at least.
_THRESHOLDS = (120, 150, 175, 200, 225)
_ASPECT = (1.8, 7.5)
_FILL = (0.38, 0.93)  # panel pixels / box: the glyphs are the holes
_DARK = (0.08, 0.6)  # glyph pixels / (panel + glyph pixels)
_MIN_CONTRAST = 60
_ROW_ASPECT = (2.5, 9.0)  # a row of glyphs: width / height
_MAX_BAND_SPREAD = 28.0  # standard deviation of the band around a row's glyphs
_MAX_BLOBS = 1500
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
    outside: Any  # numpy bool array over the box at the search scale, or None (a row)


def panels(gray: Image.Image) -> list[Panel]:
    """Plate-like panels in `gray`, the most contrasted first (at most `MAX_PANELS`): bright
    rectangles with dark glyphs, and rows of dark glyphs on an even, bright band (a plate on
    a car of its own colour, where no brightness threshold separates the two)."""
    cv2 = _cv2()
    if cv2 is None:
        return []
    import numpy as np

    factor = min(1.0, WORK_LONG_SIDE / max(gray.size))
    small = gray if factor == 1.0 else gray.resize(
        (max(1, round(gray.width * factor)), max(1, round(gray.height * factor))),
        Image.Resampling.BILINEAR)
    arr = cv2.blur(np.asarray(small, dtype=np.uint8), (3, 3))  # JPEG and sensor noise
    coarse = BRIGHT_LONG_SIDE / max(arr.shape)
    if coarse < 1.0:
        bright_arr = cv2.resize(arr, None, fx=coarse, fy=coarse, interpolation=cv2.INTER_AREA)
    else:
        bright_arr, coarse = arr, 1.0
    found = _bright_panels(cv2, bright_arr, factor * coarse) + _glyph_rows(cv2, arr, factor)
    found.sort(key=lambda f: -f[0])
    kept: list[Panel] = []
    for _, panel in found:
        if any(_iou(panel.box, k.box) > 0.4 for k in kept):
            continue
        kept.append(panel)
        if len(kept) >= MAX_PANELS:
            break
    return kept


def _bright_panels(cv2: Any, arr: Any, factor: float) -> list[tuple[float, Panel]]:
    import numpy as np

    h_img, w_img = arr.shape
    found: list[tuple[float, Panel]] = []
    for t in _THRESHOLDS:
        mask = (arr >= t).astype(np.uint8)
        _, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
        ws, hs = stats[:, 2].astype(float), stats[:, 3].astype(float)
        fills = stats[:, 4] / np.maximum(ws * hs, 1.0)
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
    return found


def _glyph_rows(cv2: Any, arr: Any, factor: float) -> list[tuple[float, Panel]]:
    """Rows of dark marks of one height (glyphs, or glyphs run together) on a bright band
    that is even above and below them."""
    import numpy as np

    h_img, w_img = arr.shape
    block = max(15, int(h_img * 0.08) | 1)
    dark = cv2.adaptiveThreshold(arr, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 block, 12)
    _, _, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    ws, hs = stats[:, 2].astype(float), stats[:, 3].astype(float)
    fills = stats[:, 4] / np.maximum(ws * hs, 1.0)
    ok = ((hs >= max(7.0, 0.012 * h_img)) & (hs <= 0.09 * h_img) & (ws <= 6 * hs)
          & (ws >= 0.08 * hs) & (fills >= 0.15) & (fills <= 0.9))
    ok[0] = False
    blobs = sorted((int(st[0]), int(st[1]), int(st[2]), int(st[3])) for st in stats[ok])
    if len(blobs) > _MAX_BLOBS:
        return []  # a texture, not a scene with a few lines of text
    parent = list(range(len(blobs)))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, (xa, ya, wa, ha) in enumerate(blobs):
        for b in range(a + 1, len(blobs)):
            xb, yb, wb, hb = blobs[b]
            tall = max(ha, hb)
            if xb > xa + wa + 0.9 * tall:
                break
            if abs(ha - hb) <= 0.2 * tall and abs(ya + ha / 2 - yb - hb / 2) <= 0.25 * tall:
                parent[root(b)] = root(a)
    rows: dict[int, list[tuple[int, int, int, int]]] = {}
    for a, blob in enumerate(blobs):
        rows.setdefault(root(a), []).append(blob)
    found: list[tuple[float, Panel]] = []
    for row in rows.values():
        if len(row) < 2:
            continue  # a plate's two groups at least (an eye or a lone word is one blob)
        x0, y0 = min(b[0] for b in row), min(b[1] for b in row)
        x1, y1 = max(b[0] + b[2] for b in row), max(b[1] + b[3] for b in row)
        h, w = y1 - y0, x1 - x0
        if not _ROW_ASPECT[0] * h <= w <= _ROW_ASPECT[1] * h:
            continue
        m = max(2, h // 6)  # within the plate's margin above and below its glyphs
        above = arr[max(0, y0 - m):y0 - 1, x0:x1]
        below = arr[y1 + 1:min(h_img, y1 + m), x0:x1]
        if above.size == 0 or below.size == 0:
            continue
        band = np.concatenate([above.ravel(), below.ravel()])
        inner = arr[y0:y1, x0:x1]
        glyphs = inner[dark[y0:y1, x0:x1] > 0]
        if glyphs.size == 0:
            continue
        level, spread = float(band.mean()), float(band.std())
        contrast = level - float(glyphs.mean())
        if contrast < _MIN_CONTRAST or spread > _MAX_BAND_SPREAD:
            continue
        box = ((x0 - m) / factor, (y0 - m) / factor, (x1 + m) / factor, (y1 + m) / factor)
        found.append((contrast - spread, Panel(box, int(level), None)))
    return found


def panel_image(gray: Image.Image, panel: Panel) -> tuple[Image.Image, float, float, float]:
    """The panel cut from `gray`, the scene around it painted in the panel's colour, with a
    margin, scaled so its height is `READ_HEIGHT`: (image, scale, left, top) where a point
    (u, v) of the image is (left + u / scale, top + v / scale) in `gray`."""
    import numpy as np

    x0, y0, x1, y1 = (int(round(v)) for v in panel.box)
    x0, y0 = max(0, x0), max(0, y0)
    x1, y1 = min(gray.width, max(x1, x0 + 1)), min(gray.height, max(y1, y0 + 1))
    crop = np.array(gray.crop((x0, y0, x1, y1)), dtype=np.uint8)
    if panel.outside is not None:
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


# -- reading a plate's line ------------------------------------------------------------------
_LETTER_FOR = str.maketrans("0125681|$", "OIZSGBIIS")
_DIGIT_FOR = str.maketrans("ODQoIilL|SsBZzGg", "0000111115582266")
#: A plate's two groups: (first group, second group) as L (letter) / N (digit) runs; N+ is one
#: to three digits. Current "AB12 CDE", prefix "A123 BCD", suffix "ABC 123D".
_TEMPLATES = (("LLNN", "LLL"), ("LN+", "LLL"), ("LLL", "N+L"))


def _fit(word: str, shape: str) -> tuple[int, str] | None:
    """`word` read in `shape` (letters where L, digits where N), and how many characters that
    changed; None when it cannot be read so."""
    if shape.endswith("N+") or "N+" in shape:
        head, _, tail = shape.partition("N+")
        n = len(word) - len(head) - len(tail)
        if not 1 <= n <= 3:
            return None
        shape = head + "N" * n + tail
    if len(word) != len(shape):
        return None
    out = []
    changes = 0
    for ch, kind in zip(word, shape, strict=True):
        fixed = ch.upper().translate(_LETTER_FOR) if kind == "L" else ch.translate(_DIGIT_FOR)
        ok = fixed.isascii() and (fixed.isalpha() if kind == "L" else fixed.isdigit())
        if not ok:
            return None
        changes += fixed != ch
        out.append(fixed)
    return changes, "".join(out)


def plate_line(words: list[str]) -> list[str]:
    """The words of one panel's line with each pair that fits a plate's groups read as one:
    capitals in letter places, digits in digit places, through the characters OCR confuses on
    plates (0/O, 1/I, 5/S, $/S, 8/B, 2/Z, 6/G, "40s" for "40S"), at most two changes per plate; the
    text detector still judges the result. Stray marks at a word's edges are dropped."""
    clean = [w.strip("\"'“”‘’`|,.;:_-") or w for w in words]
    out = list(clean)
    for i in range(len(clean) - 1):
        best: tuple[int, str, str] | None = None
        for first, second in _TEMPLATES:
            a, b = _fit(clean[i], first), _fit(clean[i + 1], second)
            if a and b and (best is None or a[0] + b[0] < best[0]):
                best = (a[0] + b[0], a[1], b[1])
        if best is not None and best[0] <= 2:
            out[i], out[i + 1] = best[1], best[2]
    return out
