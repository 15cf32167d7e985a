"""Faces, with the Haar cascades bundled in `opencv-python-headless<5` (extra `faces`).

OpenCV is imported on first use only, with one thread. The cascade `frontalface_alt2` runs
on a copy whose long side is at most `FACE_LONG_SIDE`, for faces of at least `MIN_FACE`
pixels there (3% of the side); boxes come back in original pixels, widened to the whole head.
Profile faces are not looked for: the profile cascade doubled the cost for few extra faces.
"""

from __future__ import annotations

import threading
from typing import Any

from PIL import Image

from ..errors import MissingDependencyError
from .load import LoadedImage

FACE_LONG_SIDE = 1000
MIN_FACE = 30
_CASCADES = ("haarcascade_frontalface_alt2.xml",)

_local = threading.local()


def _cv2() -> Any:
    try:
        import cv2
    except ImportError:
        raise MissingDependencyError("opencv-python-headless<5", "faces",
                                     "face detection") from None
    cv2.setNumThreads(1)  # one core: batch workers parallelise across posts instead
    return cv2


def _classifiers() -> list[Any]:
    found = getattr(_local, "classifiers", None)
    if found is None:
        cv2 = _cv2()
        base = getattr(getattr(cv2, "data", None), "haarcascades", None)
        if not base:
            raise MissingDependencyError("opencv-python-headless<5", "faces",
                                         "face detection (OpenCV without Haar cascades)")
        found = []
        for name in _CASCADES:
            c = cv2.CascadeClassifier(base + name)
            if c.empty():
                raise MissingDependencyError("opencv-python-headless<5", "faces",
                                             f"face detection ({name} missing)")
            found.append(c)
        _local.classifiers = found
    return list(found)


def available() -> bool:
    try:
        _classifiers()
    except MissingDependencyError:
        return False
    return True


def find_faces(img: LoadedImage) -> list[tuple[int, int, int, int]]:
    """Face boxes in original pixels."""
    import numpy as np

    gray = img.gray
    factor = 1.0
    if max(gray.size) > FACE_LONG_SIDE:
        factor = FACE_LONG_SIDE / max(gray.size)
        size = (max(1, round(gray.width * factor)), max(1, round(gray.height * factor)))
        gray = gray.resize(size, Image.Resampling.BILINEAR)
    arr = np.asarray(gray)
    cv2 = _cv2()
    arr = cv2.equalizeHist(arr)
    min_side = max(MIN_FACE, int(0.03 * max(arr.shape)))
    (frontal,) = _classifiers()
    boxes: list[tuple[float, float, float, float]] = []
    for x, y, w, h in frontal.detectMultiScale(arr, scaleFactor=1.2, minNeighbors=5,
                                                minSize=(min_side, min_side)):
        boxes.append((x, y, x + w, y + h))
    out = []
    for x0, y0, x1, y1 in boxes:
        # Widen to cover hair and chin: a face cover should hide the whole head.
        pw, ph = 0.15 * (x1 - x0), 0.2 * (y1 - y0)
        out.append(img.scale_box(((x0 - pw) / factor, (y0 - ph) / factor,
                                  (x1 + pw) / factor, (y1 + ph) / factor)))
    return out

