"""Decoding an attached image once: orientation, pixel limits, an analysis copy.

`load_image(src, index)` reads a path or bytes and returns a `LoadedImage`:
- the EXIF orientation is applied, so every box is in the pixels a viewer sees;
- images above `MAX_PIXELS` are refused (decompression bombs); large photos are decoded at a
  reduced scale (JPEG draft mode) and downscaled so the long side is at most
  `ANALYSIS_LONG_SIDE`; `scale_box` maps a box of the analysis copy back to original pixels;
- odd modes (CMYK, 16-bit, palette with transparency, alpha) become plain RGB on white;
- an animated image is analysed on its first frame (`frames` says how many it has).

Every failure is an `ImageLoadError` (an `InputError`) whose message names the file and never
contains image content.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import InputError
from ..inputs import open_binary

#: Images with more pixels than this are refused outright (a 12 MP photo is 12e6).
MAX_PIXELS = 64_000_000
#: Files larger than this are refused before decoding.
MAX_FILE_BYTES = 80 * 1024 * 1024
#: The long side of the copy that OCR, QR and face detection look at.
ANALYSIS_LONG_SIDE = 2000

_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
                b"avif")


class ImageLoadError(InputError):
    """An attached image that cannot be read; the message names the file."""


@dataclass
class LoadedImage:
    """One decoded attachment. `image` is the oriented analysis copy (RGB)."""

    index: int
    name: str
    width: int  # original pixels, after orientation
    height: int
    image: Image.Image
    format: str
    frames: int = 1
    #: The image as opened (before orientation and conversion): its info, EXIF, XMP.
    raw_info: dict[str, Any] = field(default_factory=dict)
    exif: Image.Exif | None = None
    iptc: dict[tuple[int, int], Any] | None = None
    #: For a video frame: seconds into the video (`index` is then the video's).
    time: float | None = None
    _gray: Image.Image | None = None

    @property
    def scale(self) -> tuple[float, float]:
        """Original pixels per analysis pixel, per axis."""
        return self.width / self.image.width, self.height / self.image.height

    @property
    def gray(self) -> Image.Image:
        if self._gray is None:
            self._gray = self.image.convert("L")
        return self._gray

    def scale_box(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A box of the analysis copy in original pixels, rounded outwards and clipped."""
        sx, sy = self.scale
        x0, y0, x1, y1 = box
        return (
            max(0, int(x0 * sx)),
            max(0, int(y0 * sy)),
            min(self.width, int(-(-x1 * sx // 1))),
            min(self.height, int(-(-y1 * sy // 1))),
        )


def source_name(src: Any, index: int) -> str:
    if isinstance(src, (str, os.PathLike)):
        return os.fspath(src)
    name = getattr(src, "name", None)  # a file object, or an archive member (ZipMember)
    if isinstance(name, str) and name:
        return name
    return f"image {index + 1} (bytes)"  # messages count images from 1, as people do


def read_bytes(src: Any, index: int) -> bytes:
    """The bytes of an attachment given as a path, bytes or a binary file object."""
    name = source_name(src, index)
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
    elif isinstance(src, str) and src.lower().startswith(("http://", "https://", "//")):
        raise ImageLoadError(f"{name}: only on the web; postguard never downloads (save the "
                             "file next to the post and give its path)", source=name)
    elif isinstance(src, (str, os.PathLike)):
        with open_binary(src, folder="an image", missing="image file",
                         error=ImageLoadError) as fh:
            try:
                data = fh.read(MAX_FILE_BYTES + 1)
            except OSError as exc:
                raise ImageLoadError(f"{name}: cannot read ({exc.strerror})",
                                     source=name) from None
    elif hasattr(src, "read"):
        data = src.read(MAX_FILE_BYTES + 1)
        if not isinstance(data, bytes):
            raise ImageLoadError(f"{name}: file object is not binary", source=name)
    else:
        raise ImageLoadError(
            f"image {index + 1}: expected a path or bytes, got {type(src).__name__}", source=name
        )
    if not data:
        raise ImageLoadError(f"{name}: empty file, not an image", source=name)
    if len(data) > MAX_FILE_BYTES:
        raise ImageLoadError(f"{name}: larger than {MAX_FILE_BYTES // 2**20} MB", source=name)
    return data


def _is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def _register_heif(name: str) -> None:
    try:
        import pillow_heif
    except ImportError:
        raise ImageLoadError(
            f"{name}: HEIC/HEIF image needs the 'pillow-heif' package: "
            "pip install 'postguard[heic]'",
            source=name,
        ) from None
    pillow_heif.register_heif_opener()


def open_image(data: bytes, name: str) -> Image.Image:
    """Open (header only) with the bomb guard on; refuses anything too large."""
    if _is_heif(data):
        _register_heif(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageLoadError(f"{name}: too many pixels (decompression bomb?)",
                             source=name) from None
    except UnidentifiedImageError:
        raise ImageLoadError(f"{name}: not an image (unknown or damaged format)",
                             source=name) from None
    except Exception as exc:  # any decoder error: name the file, not the content
        raise ImageLoadError(f"{name}: cannot decode ({type(exc).__name__})",
                             source=name) from None
    w, h = im.size
    if w <= 0 or h <= 0:
        raise ImageLoadError(f"{name}: image has no pixels", source=name)
    if w * h > MAX_PIXELS:
        raise ImageLoadError(
            f"{name}: {w}x{h} is more than {MAX_PIXELS // 1_000_000} MP; refused "
            "(decompression bomb?)",
            source=name,
        )
    return im


def to_rgb(im: Image.Image) -> Image.Image:
    """Any mode as RGB; transparency composited on white, 16/32-bit rescaled to 8 bits."""
    mode = im.mode
    if mode == "RGB":
        return im
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        import numpy as np

        arr = np.asarray(im, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        arr = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
        return Image.fromarray(arr.astype(np.uint8), "L").convert("RGB")
    if mode == "P":
        im = im.convert("RGBA") if "transparency" in im.info else im.convert("RGB")
        mode = im.mode
    if mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, rgba).convert("RGB")
    return im.convert("RGB")


def decode_full(data: bytes, name: str) -> tuple[Image.Image, Image.Image]:
    """(the image as opened, the oriented full-resolution RGB pixels): for redaction."""
    im = open_image(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im.seek(0)
            im.load()
            oriented = ImageOps.exif_transpose(im) or im
            return im, to_rgb(oriented)
    except ImageLoadError:
        raise
    except Exception as exc:
        raise ImageLoadError(f"{name}: truncated or damaged image ({type(exc).__name__})",
                             source=name) from None


def _oriented_size(im: Image.Image, exif: Image.Exif | None) -> tuple[int, int]:
    w, h = im.size
    orientation = exif.get(0x0112, 1) if exif is not None else 1
    if orientation in (5, 6, 7, 8):
        return h, w
    return w, h


def load_image(src: Any, index: int, *, long_side: int = ANALYSIS_LONG_SIDE) -> LoadedImage:
    """Decode attachment `index` once into an oriented RGB analysis copy."""
    name = source_name(src, index)
    data = read_bytes(src, index)
    im = open_image(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            fmt = im.format or "unknown"
            frames = int(getattr(im, "n_frames", 1) or 1)
            try:
                exif: Image.Exif | None = im.getexif()
            except Exception:  # a damaged EXIF block must not hide the pixels
                exif = None
            width, height = _oriented_size(im, exif)
            if fmt == "JPEG" and max(im.size) > long_side:
                # Decode at 1/2, 1/4 or 1/8 scale straight from the DCT: far faster.
                target = (max(1, im.size[0] * long_side // max(im.size)),
                          max(1, im.size[1] * long_side // max(im.size)))
                im.draft("RGB", target)
            raw_info = {str(k): v for k, v in im.info.items()}
            iptc = None
            if fmt in ("JPEG", "TIFF"):
                from PIL import IptcImagePlugin

                try:
                    iptc = IptcImagePlugin.getiptcinfo(im)  # type: ignore[arg-type]
                except Exception:
                    iptc = None
            if frames > 1:
                im.seek(0)
            im.load()
            oriented = ImageOps.exif_transpose(im) or im
            rgb = to_rgb(oriented)
            if max(rgb.size) > long_side:
                rgb = rgb.copy()
                rgb.thumbnail((long_side, long_side), Image.Resampling.BILINEAR)
    except ImageLoadError:
        raise
    except Exception as exc:
        raise ImageLoadError(f"{name}: truncated or damaged image ({type(exc).__name__})",
                             source=name) from None
    return LoadedImage(index=index, name=name, width=width, height=height, image=rgb,
                       format=fmt, frames=frames, raw_info=raw_info, exif=exif, iptc=iptc)
