"""QR codes and barcodes (pyzbar / ZBar), and what their payloads say.

`find_codes` decodes the analysis copy (and, when nothing is found, its negative at half size:
ZBar cannot read light-on-dark codes). `payload_text` turns a payload into plain text for the text
detectors: `tel:`, `mailto:`, `sms:`, vCard and MECARD fields become readable lines; `geo:`
URIs are reported by `geo_position`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageOps

from .load import LoadedImage

MAX_PAYLOAD = 8_000


@dataclass(frozen=True, slots=True)
class Code:
    kind: str  # "QRCODE", "EAN13", ...
    payload: str
    box: tuple[int, int, int, int]  # original pixels


def find_codes(img: LoadedImage) -> list[Code]:
    from pyzbar import pyzbar

    gray = img.gray
    found = _decode(pyzbar, img, gray)
    if not found:
        # Light-on-dark codes are rare: look for them on a half-size negative (modules of
        # 6 px or more still decode there).
        half = 2 if max(gray.size) > 1200 else 1
        small = gray if half == 1 else gray.resize((gray.width // 2, gray.height // 2),
                                                   Image.Resampling.BOX)
        found = _decode(pyzbar, img, ImageOps.invert(small), half)
    return found


def _decode(pyzbar: object, img: LoadedImage, gray: Image.Image, factor: int = 1
            ) -> list[Code]:
    out: list[Code] = []
    seen: set[tuple[str, str]] = set()
    for sym in pyzbar.decode(gray):  # type: ignore[attr-defined]
        payload = sym.data.decode("utf-8", "replace")[:MAX_PAYLOAD]
        kind = str(sym.type)
        if (kind, payload) in seen:
            continue
        seen.add((kind, payload))
        left, top, w, h = sym.rect
        if sym.polygon:
            xs = [p.x for p in sym.polygon]
            ys = [p.y for p in sym.polygon]
            left, top = min(left, *xs), min(top, *ys)
            w = max(left + w, *xs) - left
            h = max(top + h, *ys) - top
        pad = max(2, int(0.04 * max(w, h)))
        box = img.scale_box(((left - pad) * factor, (top - pad) * factor,
                             (left + w + pad) * factor, (top + h + pad) * factor))
        out.append(Code(kind, payload, box))
    return out


_GEO = re.compile(r"^\s*geo:\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)", re.I)
_MAPS = re.compile(r"(?:maps\.google\.|google\.[a-z.]+/maps|maps\.apple\.com|goo\.gl/maps|"
                   r"openstreetmap\.org|what3words\.com|w3w\.co)", re.I)


def geo_position(payload: str) -> bool:
    """True when the payload is a position: a geo: URI or a map link."""
    m = _GEO.match(payload)
    if m:
        return not (float(m.group(1)) == 0.0 and float(m.group(2)) == 0.0)
    return bool(_MAPS.search(payload))


_VCARD_FIELD = re.compile(r"^(?:item\d+\.)?([A-Z-]+)(?:;[^:]*)?:(.*)$", re.I)
_MECARD_FIELD = re.compile(r"([A-Z]+):((?:\\.|[^;\\])*);", re.I)


def payload_text(payload: str) -> str:
    """The payload as text the text detectors read well."""
    p = payload.strip()
    low = p.lower()
    if low.startswith("begin:vcard"):
        lines = []
        for line in re.split(r"\r?\n", p):
            m = _VCARD_FIELD.match(line.strip())
            if not m or m.group(1).upper() in ("BEGIN", "END", "VERSION"):
                continue
            value = m.group(2)
            if m.group(1).upper() == "N":
                parts = [x for x in value.split(";") if x]
                value = " ".join(reversed(parts[:2])) if parts else ""
            else:
                value = ", ".join(x for x in value.split(";") if x.strip())
            lines.append(f"{_label(m.group(1))} {value}")
        return "\n".join(lines)
    if low.startswith("mecard:"):
        fields = _MECARD_FIELD.findall(p[7:] + ";")
        lines = []
        for key, value in fields:
            value = value.replace("\\;", ";").replace("\\:", ":")
            if key.upper() == "N":
                value = " ".join(reversed([x for x in value.split(",") if x][:2]))
            lines.append(f"{_label(key)} {value.replace(';', ', ')}")
        return "\n".join(lines)
    for scheme, label in (("tel:", "Tel"), ("sms:", "Text"), ("smsto:", "Text"),
                          ("mailto:", "Email"), ("whatsapp:", "WhatsApp")):
        if low.startswith(scheme):
            rest = p[len(scheme):].split("?")[0]
            rest = rest.split(":")[0] if scheme == "smsto:" else rest
            return f"{label} {rest}"
    return p


def _label(key: str) -> str:
    return {"TEL": "Tel", "EMAIL": "Email", "ADR": "Address", "N": "Name", "FN": "Name",
            "ORG": "Organisation", "URL": "Web", "NOTE": "Note"}.get(key.upper(), key.title())
