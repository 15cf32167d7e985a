"""OCR: the words of a photo as a text with offsets, so text detectors can read it.

The recipe (measured, see shared NOTES): grayscale, a 300 DPI hint (photos carry none and
tesseract assumes 70), the union of page-segmentation modes 3 (automatic) and 11 (sparse
text), `OMP_THREAD_LIMIT=1`. Back ends: `tesserocr` in-process when it is installed (extra
`fast-ocr`, about twice as fast), else the `tesseract` program through pytesseract with a PGM
temporary file. `POSTGUARD_OCR_BACKEND=tesseract|tesserocr` forces one.

Plate-like panels (`plates.panels`, with OpenCV) are then cut out and read alone as one
line each: their words fill what the whole-photo passes missed, and a panel whose line reads
as a number plate keeps those words whatever tesseract's confidence. Words one pass glued
and others read apart are split (`split_glued`).

`OcrText.text` is the words grouped into lines (a space between words, a newline between
lines); each `Word` keeps its `start`/`end` in that text and its box in analysis pixels.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from typing import Any

from PIL import Image

from ..errors import MissingDependencyError
from .ocr_words import (
    MIN_CONFIDENCE,
    OcrText,
    Word,
    build_text,
    fill_gaps,
    merge_words,
    pin,
    split_glued,
)

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before tesseract (or tesserocr) starts

log = logging.getLogger(__name__)

#: (page-segmentation mode, tesseract thresholding method): 11 (sparse text) with Sauvola's local
#: threshold (signs in front of dark or busy backgrounds), 3 (automatic) with global Otsu and
#: with Sauvola: each pass alone misses signs the others read (layout analysis drops them).
PASSES = ((11, 2), (3, 0), (3, 2))
#: How plate-like panels are read: one text line (psm 7), Leptonica's tiled Otsu threshold
#: (better than the global one on a tilted panel with shaded corners).
PANEL_PASS = (7, 1)
_UPSCALE_BELOW = 800
_BILEVEL = frozenset({0, 255})
#: A black-and-white image saved as a JPEG (a dithered poster photographed or re-saved) keeps
#: its pixels near black and white, not at them: this near, for this share of the pixels.
_NEAR_BILEVEL, _NEAR_SHARE = 48, 0.97
#: Share of neighbouring pixels that differ, above which a black-and-white image is dithered
#: (error diffusion flips about half of them in mid-tones; crisp text on white, a few in 100).
_DITHER_FLIPS = 0.15


class OcrUnavailable(MissingDependencyError):
    """Neither tesserocr nor the tesseract program can be used."""

    def __init__(self, why: str) -> None:
        Exception.__init__(self, f"OCR unavailable: {why}; install the 'tesseract-ocr' and "
                           "'tesseract-ocr-eng' system packages (scripts/setup.sh)")
        self.package = "tesseract-ocr"
        self.extra = "fast-ocr"


# -- back ends -------------------------------------------------------------------------------
def _tessdata_dir() -> str | None:
    env = os.environ.get("TESSDATA_PREFIX")
    candidates = [env] if env else []
    candidates += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                   "/usr/share/tessdata", "/usr/local/share/tessdata"]
    for c in candidates:
        if c and os.path.isfile(os.path.join(c, "eng.traineddata")):
            return c
    return None


class _TesserocrBackend:
    name = "tesserocr"

    def __init__(self) -> None:
        import tesserocr

        self._mod = tesserocr
        path = _tessdata_dir()
        if path is None:
            raise OcrUnavailable("no eng.traineddata found for tesserocr")
        self._path = path
        self._local = threading.local()
        _quiet_leptonica(tesserocr.__file__)

    def _api(self) -> object:
        api = getattr(self._local, "api", None)
        if api is None:
            api = self._mod.PyTessBaseAPI(path=self._path, lang="eng")
            self._local.api = api
        return api

    def words(self, gray: Image.Image, psm: int, threshold: int = 0) -> list[Word]:
        tr = self._mod
        api = self._api()
        api.SetVariable("thresholding_method", str(threshold))  # type: ignore[attr-defined]
        api.SetPageSegMode(psm)  # type: ignore[attr-defined]
        api.SetImage(gray)  # type: ignore[attr-defined]
        api.SetSourceResolution(300)  # type: ignore[attr-defined]
        api.Recognize()  # type: ignore[attr-defined]
        out: list[Word] = []
        level = tr.RIL.WORD
        it = api.GetIterator()  # type: ignore[attr-defined]
        if it is None:
            return out
        for r in tr.iterate_level(it, level):
            try:
                text = r.GetUTF8Text(level)
                box = r.BoundingBox(level)
            except RuntimeError:  # an empty page or word has no text
                continue
            if not text or box is None:
                continue
            x0, y0, x1, y1 = (float(v) for v in box)
            out.append(Word(text.strip(), float(r.Confidence(level)), (x0, y0, x1, y1)))
        api.Clear()  # type: ignore[attr-defined]
        return out


def _quiet_leptonica(module_file: str) -> None:
    """Leptonica prints notes such as "Error in boxClipToRectangle" straight to stderr; the
    CLI promises one line there. Turn its messages off in the copy tesserocr loaded."""
    import ctypes
    import glob

    base = os.path.dirname(os.path.dirname(module_file))
    for lib in glob.glob(os.path.join(base, "tesserocr.libs", "libleptonica*.so*")) or [
        "libleptonica.so.6", "liblept.so.5"
    ]:
        try:
            ctypes.CDLL(lib).setMsgSeverity(6)  # L_SEVERITY_NONE
            return
        except (OSError, AttributeError):
            continue


class _TesseractBackend:
    name = "tesseract"

    def __init__(self) -> None:
        import pytesseract

        self._pt = pytesseract
        try:
            pytesseract.get_tesseract_version()
        except (pytesseract.TesseractNotFoundError, OSError) as exc:
            raise OcrUnavailable(f"the tesseract program was not found ({type(exc).__name__})"
                                 ) from None

    def words_multi(self, gray: Image.Image,
                    passes: Sequence[tuple[int, int]]) -> list[list[Word]]:
        pt = self._pt
        fd, path = tempfile.mkstemp(suffix=".pgm", prefix="postguard-")
        os.close(fd)
        try:
            gray.save(path, "PPM")
            results = []
            for psm, threshold in passes:
                config = f"--psm {psm} --dpi 300 -c thresholding_method={threshold}"
                data = pt.image_to_data(path, config=config,
                                        output_type=pt.Output.DICT)
                words = []
                for i, text in enumerate(data["text"]):
                    text = (text or "").strip()
                    if not text:
                        continue
                    x, y = float(data["left"][i]), float(data["top"][i])
                    w, h = float(data["width"][i]), float(data["height"][i])
                    words.append(Word(text, float(data["conf"][i]), (x, y, x + w, y + h)))
                results.append(words)
            return results
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)


_backend_lock = threading.Lock()
_backend: _TesserocrBackend | _TesseractBackend | None = None


def backend() -> _TesserocrBackend | _TesseractBackend:
    """The OCR back end, chosen once per process."""
    global _backend
    with _backend_lock:
        if _backend is None:
            wanted = os.environ.get("POSTGUARD_OCR_BACKEND", "auto").strip().lower()
            chosen: _TesserocrBackend | _TesseractBackend | None = None
            if wanted in ("auto", "tesserocr"):
                try:
                    chosen = _TesserocrBackend()
                except ImportError:
                    if wanted == "tesserocr":
                        raise MissingDependencyError("tesserocr", "fast-ocr",
                                                     "the tesserocr OCR back end") from None
                except OcrUnavailable:
                    if wanted == "tesserocr":
                        raise
            if chosen is None:
                chosen = _TesseractBackend()
            log.debug("OCR back end: %s", chosen.name)
            _backend = chosen
        return _backend


# -- recognition -----------------------------------------------------------------------------
def undither(gray: Image.Image) -> Image.Image:
    """A dithered black-and-white image (a photocopied poster, a 1-bit scan: only black and
    white pixels, most of them flipping from one to the next) smoothed back into grays, which
    tesseract reads; tesseract reads the dots themselves as noise. Anything else as it is."""
    import numpy as np

    a = np.asarray(gray)
    if a.ndim != 2 or a.size < 64:
        return gray
    sample = a[::7, ::7]
    if not _BILEVEL.issuperset(np.unique(sample).tolist()):
        # Saved as a JPEG: near black and white; read as the black and white it was.
        near = (sample <= _NEAR_BILEVEL) | (sample >= 255 - _NEAR_BILEVEL)
        if float(np.mean(near)) < _NEAR_SHARE:
            return gray
        a = np.where(a > 127, 255, 0).astype(np.uint8)
    if float(np.mean(a[:, 1:] != a[:, :-1])) < _DITHER_FLIPS:
        return gray  # crisp black-and-white text: read as it is
    from PIL import ImageFilter

    return Image.fromarray(a).filter(ImageFilter.GaussianBlur(1.5))


def recognise(gray: Image.Image) -> OcrText:
    """OCR a grayscale image: the union of the page-segmentation modes, as a text."""
    gray = undither(gray)
    factor = 1.0
    if max(gray.size) < _UPSCALE_BELOW:
        factor = 2.0
        gray = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.BICUBIC)
    be = backend()
    if isinstance(be, _TesseractBackend):
        per_mode = be.words_multi(gray, PASSES)
    else:
        per_mode = [be.words(gray, psm, threshold) for psm, threshold in PASSES]
    panel_words, plate_words = _panel_words(be, gray)
    merged = split_glued(merge_words(per_mode), [*per_mode, panel_words])
    merged = pin(fill_gaps(merged, panel_words), plate_words)
    if factor != 1.0:
        merged = [Word(w.text, w.conf, tuple(v / factor for v in w.box))  # type: ignore[arg-type]
                  for w in merged]
    return build_text(merged)


def _panel_words(be: _TesserocrBackend | _TesseractBackend,
                 gray: Image.Image) -> tuple[list[Word], list[Word]]:
    """Words of plate-like panels, each read alone as one line (see `plates`): layout
    analysis of the whole photo can drop a short line of large glyphs on a small panel.

    Returns (words, plate words). A panel whose line reads as a number plate by the plate
    detector's own rules, once read in a plate's letter and digit places
    (`plates.plate_line`), gives its plate words whatever their confidence: the plate font's
    0/O and 5/S keep tesseract unsure. (A second reading with only capitals and digits
    allowed was tried and recovered no plate on the corpus, so it is not done.)"""
    from .plates import panel_image, panels

    words_out: list[Word] = []
    plates_out: list[Word] = []
    for panel in panels(gray):
        img, scale, left, top = panel_image(gray, panel)
        words = _read_panel(be, img, scale, left, top)
        words_out.extend(words)
        plates_out.extend(_plate_words(words))
    return words_out, plates_out


def _read_panel(be: _TesserocrBackend | _TesseractBackend, img: Image.Image, scale: float,
                left: float, top: float) -> list[Word]:
    """One line of a panel image, in the boxes of the image it was cut from."""
    if isinstance(be, _TesseractBackend):
        got = be.words_multi(img, (PANEL_PASS,))[0]
    else:
        got = be.words(img, *PANEL_PASS)
    return [Word(w.text, w.conf, (left + w.box[0] / scale, top + w.box[1] / scale,
                                  left + w.box[2] / scale, top + w.box[3] / scale))
            for w in got]


def _plate_words(words: list[Word]) -> list[Word]:
    """The words of `words` (one panel's line) that make up a number plate, as a plate reads
    (`plates.plate_line`)."""
    from .plates import plate_line

    line = sorted((w for w in words if w.text.strip()), key=lambda w: w.box[0])
    fixed = plate_line([w.text for w in line])
    text = build_text([Word(t, w.conf, w.box) for t, w in zip(fixed, line, strict=True)])
    out: list[Word] = []
    for start, end, *_ in _plate_detector().find_plates(text.text):
        out.extend(w for w in text.words if w.start < end and start < w.end)
    return out


@functools.cache
def _plate_detector() -> Any:
    """The vehicle_plate detector's rules (its lexicon is data, not policy)."""
    from ..detectors.vehicles.plates import VehiclePlateDetector
    from ..policy import Policy

    return VehiclePlateDetector(Policy.default())


__all__ = ["MIN_CONFIDENCE", "OcrText", "OcrUnavailable", "Word", "backend", "build_text",
           "fill_gaps", "merge_words", "pin", "recognise", "split_glued", "undither"]
