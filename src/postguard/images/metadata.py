"""What an image file says about itself: GPS, place fields, free text, the EXIF thumbnail.

Read from the file as opened (before any pixels are touched):
- `gps_position`: EXIF GPS latitude/longitude, or XMP `exif:GPSLatitude`/`GPSLongitude`;
- `place_fields`: XMP (photoshop:City, Iptc4xmpCore:Location, Iptc4xmpExt:Sublocation ...) and
  IPTC IIM (City, Sub-location, Province/State) fields naming a place below country level;
- `text_fields`: the JPEG/GIF comment, PNG text chunks, XMP descriptions, titles and
  headlines, IPTC caption and headline, EXIF ImageDescription, UserComment, Artist and the
  Windows XP fields: they are screened with the text detectors like the post itself;
- `stale_thumbnail`: the EXIF thumbnail is an unredacted copy of the photo; it is reported
  when it does not show the same picture (the photo was cropped or edited after it was taken).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from PIL import ExifTags, Image

from .load import LoadedImage

MAX_FIELD_CHARS = 20_000
_XMP_MAX = 2_000_000

_XMP_PLACE = (
    "photoshop:City", "photoshop:State", "Iptc4xmpCore:Location", "Iptc4xmpExt:City",
    "Iptc4xmpExt:Sublocation", "Iptc4xmpExt:ProvinceState", "Iptc4xmpExt:LocationName",
)
_XMP_GPS = ("exif:GPSLatitude", "exif:GPSLongitude")
_XMP_TEXT = (
    "dc:description", "dc:title", "photoshop:Headline", "photoshop:CaptionWriter",
    "dc:creator", "exif:UserComment", "Iptc4xmpCore:ExtDescrAccessibility",
    "photoshop:Instructions",
)
_IPTC_PLACE = {(2, 90): "IPTC City", (2, 92): "IPTC Sub-location", (2, 95): "IPTC Province/State"}
_IPTC_TEXT = {(2, 120): "IPTC caption", (2, 105): "IPTC headline", (2, 5): "IPTC object name",
              (2, 80): "IPTC by-line"}
_EXIF_TEXT = {0x010E: "EXIF ImageDescription", 0x013B: "EXIF Artist"}
_EXIF_XP = {0x9C9B: "EXIF XPTitle", 0x9C9C: "EXIF XPComment", 0x9C9D: "EXIF XPAuthor",
            0x9C9F: "EXIF XPSubject"}
#: PNG info keys that are technical, not text someone wrote.
_PNG_SKIP = frozenset({"dpi", "gamma", "transparency", "icc_profile", "exif", "aspect",
                       "XML:com.adobe.xmp", "xmp", "srgb", "chromaticity", "interlace",
                       "Software", "Creation Time", "date:create", "date:modify",
                       "date:timestamp"})


@dataclass(frozen=True, slots=True)
class TextField:
    label: str
    text: str


def _as_text(value: object) -> str:
    if isinstance(value, bytes):
        for enc in ("utf-8", "latin-1"):
            try:
                return value.decode(enc)
            except UnicodeDecodeError:
                continue
    if isinstance(value, (list, tuple)):
        return " ".join(_as_text(v) for v in value)
    return value if isinstance(value, str) else ""


def _clean(text: str) -> str:
    return text.replace("\x00", " ").strip()[:MAX_FIELD_CHARS]


def gps_position(img: LoadedImage) -> str | None:
    """Where the GPS position was found ("EXIF" or "XMP"), or None."""
    if img.exif is not None:
        try:
            gps = img.exif.get_ifd(ExifTags.IFD.GPSInfo)
        except Exception:
            gps = {}
        lat, lon = gps.get(2), gps.get(4)
        if lat and lon and _nonzero(lat) and _nonzero(lon):
            return "EXIF"
    xmp = _xmp(img)
    if xmp and all(_xmp_values(xmp, tag) for tag in _XMP_GPS):
        return "XMP"
    return None


def _nonzero(value: object) -> bool:
    try:
        return any(float(v) != 0.0 for v in value)  # type: ignore[attr-defined]
    except (TypeError, ValueError, ZeroDivisionError):
        return True  # unreadable but present: treat as a position


def _xmp(img: LoadedImage) -> str:
    raw = img.raw_info.get("xmp") or img.raw_info.get("XML:com.adobe.xmp") or b""
    if not raw and img.exif is not None:
        raw = img.exif.get(700, b"")  # TIFF XMLPacket
    return _as_text(raw)[:_XMP_MAX]


def _xmp_values(xmp: str, tag: str) -> list[str]:
    if tag not in xmp:
        return []
    t = re.escape(tag)
    out = [m.group(1) for m in re.finditer(t + r'\s*=\s*"([^"]*)"', xmp)]
    for m in re.finditer(r"<" + t + r"(?:\s[^>]*)?>(.*?)</" + t + r"\s*>", xmp, re.S):
        inner = re.sub(r"<[^>]*>", " ", m.group(1))
        out.append(re.sub(r"\s+", " ", _unescape(inner)).strip())
    return [_unescape(v).strip() for v in out if v.strip()]


def _unescape(s: str) -> str:
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def place_fields(img: LoadedImage) -> list[str]:
    """Labels of the metadata fields that name a place below country level."""
    found: list[str] = []
    xmp = _xmp(img)
    if xmp:
        found.extend(f"XMP {tag}" for tag in _XMP_PLACE if _xmp_values(xmp, tag))
    for key, label in _IPTC_PLACE.items():
        if img.iptc and _as_text(img.iptc.get(key, b"")).strip():
            found.append(label)
    return found


def text_fields(img: LoadedImage) -> list[TextField]:
    """Free text someone wrote into the file, to be screened like the post."""
    out: list[TextField] = []
    info = img.raw_info
    comment = info.get("comment")
    if comment:
        out.append(TextField(f"{img.format} comment", _clean(_as_text(comment))))
    if img.format == "PNG":
        for key, value in info.items():
            if isinstance(key, str) and key not in _PNG_SKIP and isinstance(value, str):
                out.append(TextField(f"PNG text chunk '{key[:40]}'", _clean(value)))
    xmp = _xmp(img)
    if xmp:
        for tag in _XMP_TEXT:
            for v in _xmp_values(xmp, tag):
                out.append(TextField(f"XMP {tag}", _clean(v)))
    if img.iptc:
        for ikey, label in _IPTC_TEXT.items():
            if ikey in img.iptc:
                out.append(TextField(label, _clean(_as_text(img.iptc[ikey]))))
    if img.exif is not None:
        for etag, label in _EXIF_TEXT.items():
            if etag in img.exif:
                out.append(TextField(label, _clean(_as_text(img.exif[etag]))))
        for etag, label in _EXIF_XP.items():
            raw = img.exif.get(etag)
            if isinstance(raw, (bytes, tuple)):
                data = bytes(raw)
                out.append(TextField(label, _clean(data.decode("utf-16-le", "replace"))))
        try:
            sub = img.exif.get_ifd(ExifTags.IFD.Exif)
        except Exception:
            sub = {}
        uc = sub.get(0x9286)
        if uc:
            data = uc if isinstance(uc, bytes) else str(uc).encode("utf-8", "replace")
            head, body = data[:8], data[8:]
            if head.startswith(b"UNICODE"):
                text = body.decode("utf-16-le", "replace")
            elif head.startswith((b"ASCII", b"\x00\x00\x00\x00")):
                text = body.decode("latin-1")
            else:
                text = _as_text(data)
            out.append(TextField("EXIF UserComment", _clean(text)))
    return [f for f in out if f.text]


def thumbnail(img: LoadedImage) -> bytes | None:
    """The EXIF thumbnail's JPEG bytes, if the file carries one."""
    if img.exif is None:
        return None
    try:
        ifd1 = img.exif.get_ifd(ExifTags.IFD.IFD1)
    except Exception:
        return None
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    raw = img.raw_info.get("exif")
    if not isinstance(offset, int) or not isinstance(length, int) or not raw:
        return b"" if offset or length else None
    data = bytes(raw)
    base = 6 if data.startswith(b"Exif\x00\x00") else 0
    return data[base + offset: base + offset + length]


def stale_thumbnail(img: LoadedImage) -> bool:
    """True when the EXIF thumbnail does not show the same picture as the image itself."""
    data = thumbnail(img)
    if data is None:
        return False
    if not data:
        return False
    try:
        opened = Image.open(io.BytesIO(data))
        opened.load()
        th = opened.convert("L")
    except Exception:
        return False  # an unreadable thumbnail shows nothing
    if th.width < 8 or th.height < 8:
        return False
    import numpy as np

    size = (32, 32)
    a = np.asarray(th.resize(size, Image.Resampling.BILINEAR), dtype=np.float64)
    main = img.gray
    candidates = [main]
    # Thumbnails are usually stored unrotated: compare with the image as stored, too.
    candidates += [main.transpose(t) for t in (Image.Transpose.ROTATE_90,
                                               Image.Transpose.ROTATE_270,
                                               Image.Transpose.ROTATE_180)]
    best = min(_difference(a, np.asarray(c.resize(size, Image.Resampling.BILINEAR),
                                        dtype=np.float64)) for c in candidates)
    return best > 1.0


def _difference(a: Any, b: Any) -> float:
    """Above 1.0 when two 32x32 pictures differ: overall, or in a patch (a covered face or
    sign leaves the rest of the picture alike)."""
    import numpy as np

    diff = np.abs(a - b)
    return max(float(np.mean(diff)) / 25.0, float(np.mean(diff > 60.0)) / 0.03)
