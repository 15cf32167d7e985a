"""Test images drawn with Pillow: photo-like backgrounds, signs, plates, faces, EXIF blocks."""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def background(w: int = 1000, h: int = 750, seed: int = 1) -> Image.Image:
    """A photo-like scene: a sky gradient, ground, walls and soft blobs, sensor noise."""
    rng = np.random.default_rng(seed)
    horizon = int(h * rng.uniform(0.3, 0.55))
    top = rng.uniform(120, 220, 3)
    bottom = rng.uniform(60, 160, 3)
    sky = np.linspace(top, top * 0.8 + 40, horizon)[:, None, :]
    ground = np.linspace(bottom, bottom * 0.7, h - horizon)[:, None, :]
    arr = np.concatenate([np.broadcast_to(sky, (horizon, w, 3)),
                          np.broadcast_to(ground, (h - horizon, w, 3))]).copy()
    img = Image.fromarray(arr.clip(0, 255).astype("uint8"))
    d = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(3, 7))):
        x0, y0 = int(rng.uniform(-0.1, 0.9) * w), int(rng.uniform(0.1, 0.7) * h)
        x1, y1 = x0 + int(rng.uniform(0.1, 0.4) * w), y0 + int(rng.uniform(0.1, 0.5) * h)
        colour = tuple(int(v) for v in rng.uniform(40, 200, 3))
        if rng.random() < 0.5:
            d.rectangle((x0, y0, x1, y1), fill=colour)
        else:
            d.ellipse((x0, y0, x1, y1), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(max(1.0, w / 400)))
    noise = rng.normal(0, 6, (h, w, 3))
    out = (np.asarray(img, dtype=np.float64) + noise).clip(0, 255).astype("uint8")
    return Image.fromarray(out)


def sign(img: Image.Image, xy: tuple[int, int], text: str, size: int = 48,
         fg: str | tuple[int, int, int] = "black",
         bg: str | tuple[int, int, int] = "white") -> tuple[int, int, int, int]:
    """Draw `text` on a plain panel; returns the text's box."""
    d = ImageDraw.Draw(img)
    f = font(size)
    x0, y0, x1, y1 = d.textbbox(xy, text, font=f)
    pad = size // 3
    d.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), fill=bg)
    d.text(xy, text, fill=fg, font=f)
    return x0, y0, x1, y1


def plate(img: Image.Image, xy: tuple[int, int], text: str, size: int = 56) -> tuple[
        int, int, int, int]:
    return sign(img, xy, text, size=size, fg="black", bg=(250, 210, 40))


def face(img: Image.Image, cx: int, cy: int, s: int) -> None:
    """A cartoon frontal face (s = face width): flat shapes, which CenterFace does not take for a
    face; `shaded_face` draws one it does."""
    d = ImageDraw.Draw(img)
    w, h = s, int(s * 1.3)
    d.ellipse((cx - w // 2 - s * 0.08, cy - h // 2 - s * 0.15, cx + w // 2 + s * 0.08,
               cy + h // 2 - s * 0.3), fill=(60, 40, 30))
    d.ellipse((cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2), fill=(224, 180, 150))
    ey, ex, er = cy - h * 0.08, w * 0.2, s * 0.07
    for sx in (-1, 1):
        d.ellipse((cx + sx * ex - er * 1.6, ey - er * 0.9, cx + sx * ex + er * 1.6,
                   ey + er * 0.9), fill=(245, 240, 235))
        d.ellipse((cx + sx * ex - er * 0.8, ey - er * 0.8, cx + sx * ex + er * 0.8,
                   ey + er * 0.8), fill=(50, 35, 25))
        d.rectangle((cx + sx * ex - er * 1.8, ey - er * 2.6, cx + sx * ex + er * 1.8,
                     ey - er * 1.8), fill=(70, 50, 40))
    d.polygon([(cx, ey + er), (cx - s * 0.07, cy + h * 0.15), (cx + s * 0.07, cy + h * 0.15)],
              fill=(200, 150, 120))
    d.ellipse((cx - s * 0.18, cy + h * 0.24, cx + s * 0.18, cy + h * 0.32), fill=(150, 60, 60))


def shaded_face(img: Image.Image, cx: int, cy: int, s: int,
                skin: tuple[int, int, int] = (214, 168, 138),
                hair: tuple[int, int, int] = (55, 38, 28)) -> Image.Image:
    """A head and shoulders painted with soft shading, which CenterFace takes for a face
    (s = face width; the face is about 1.3 s tall, centred on cx, cy). Returns a new image."""
    w, h = img.size
    arr = np.asarray(img.convert("RGB"), dtype=np.float64).copy()
    yy, xx = np.mgrid[0:h, 0:w]

    def blob(x: float, y: float, rx: float, ry: float, colour: Sequence[float],
             strength: float = 1.0, sharp: float = 4.0) -> None:
        d = ((xx - x) / rx) ** 2 + ((yy - y) / ry) ** 2
        a = strength * np.exp(-(d ** sharp) / 2)[..., None]
        arr[:] = arr * (1 - a) + np.asarray(colour, dtype=np.float64) * a

    fh = s * 1.3
    blob(cx, cy + fh * 1.25, s * 1.3, fh * 0.6, (60, 70, 120))  # shoulders
    blob(cx, cy + fh * 0.6, s * 0.22, fh * 0.3, [c * 0.85 for c in skin])  # neck
    blob(cx, cy - fh * 0.18, s * 0.58, fh * 0.5, hair)
    blob(cx, cy, s * 0.5, fh * 0.5, skin)
    blob(cx, cy + fh * 0.05, s * 0.5, fh * 0.5, (0, 0, 0), 0.18, 1.0)  # shading at the edge
    blob(cx, cy - fh * 0.45, s * 0.55, fh * 0.16, hair)  # fringe
    for side in (-1, 1):
        ex, ey = cx + side * s * 0.2, cy - fh * 0.06
        blob(ex, ey, s * 0.13, s * 0.08, (150, 105, 85), 0.6, 1.0)  # eye socket
        blob(ex, ey, s * 0.09, s * 0.04, (240, 235, 230))
        blob(ex, ey, s * 0.04, s * 0.04, (40, 30, 25))
        blob(ex, ey - s * 0.1, s * 0.12, s * 0.025, (70, 48, 35))  # eyebrow
    blob(cx, cy + fh * 0.1, s * 0.05, s * 0.14, (175, 125, 100), 0.6, 1.0)  # nose
    blob(cx, cy + fh * 0.14, s * 0.09, s * 0.035, (160, 110, 95), 0.8)
    blob(cx, cy + fh * 0.27, s * 0.16, s * 0.035, (165, 80, 80))  # mouth
    return Image.fromarray(arr.clip(0, 255).astype("uint8"))


def qr(payload: str, scale: int = 6) -> Image.Image:
    import segno

    buf = io.BytesIO()
    segno.make(payload, error="m").save(buf, kind="png", scale=scale, border=4)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def jpeg(img: Image.Image, quality: int = 85, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **kw)
    return buf.getvalue()


def png(img: Image.Image, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", **kw)
    return buf.getvalue()


def _rational(v: float) -> tuple[int, int]:
    return int(round(v * 10000)), 10000


def exif_bytes(*, gps: tuple[float, float] | None = None, orientation: int | None = None,
               thumbnail: bytes | None = None, description: str | None = None) -> bytes:
    """A little-endian EXIF block (with the 'Exif' header) written by hand, so that an IFD1
    thumbnail can be included (Pillow cannot write one)."""
    entries0: list[tuple[int, int, int, bytes]] = []  # tag, type, count, value bytes
    if orientation is not None:
        entries0.append((0x0112, 3, 1, struct.pack("<HH", orientation, 0)))
    if description is not None:
        raw = description.encode("ascii") + b"\x00"
        entries0.append((0x010E, 2, len(raw), raw))
    gps_entries: list[tuple[int, int, int, bytes]] = []
    if gps is not None:
        lat, lon = gps

        def dms(v: float) -> bytes:
            v = abs(v)
            d = int(v)
            m = int((v - d) * 60)
            s = (v - d - m / 60) * 3600
            return b"".join(struct.pack("<II", *r) for r in ((d, 1), (m, 1), _rational(s)))

        gps_entries = [
            (1, 2, 2, b"N\x00" if lat >= 0 else b"S\x00"),
            (2, 5, 3, dms(lat)),
            (3, 2, 2, b"E\x00" if lon >= 0 else b"W\x00"),
            (4, 5, 3, dms(lon)),
        ]
        entries0.append((0x8825, 4, 1, b"\x00\x00\x00\x00"))  # patched below
    entries0.sort()
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))

    def ifd_size(entries: Sequence[tuple[int, int, int, bytes]]) -> int:
        return 2 + 12 * len(entries) + 4

    def write_ifd(entries: Sequence[tuple[int, int, int, bytes]], start: int,
                  next_ifd: int) -> bytes:
        data_off = start + ifd_size(entries)
        body = bytearray(struct.pack("<H", len(entries)))
        extra = bytearray()
        for tag, typ, count, value in entries:
            if len(value) <= 4:
                body += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\x00")
            else:
                body += struct.pack("<HHII", tag, typ, count, data_off + len(extra))
                extra += value
                if len(extra) % 2:
                    extra += b"\x00"
        body += struct.pack("<I", next_ifd)
        return bytes(body + extra)

    def block_len(entries: Sequence[tuple[int, int, int, bytes]]) -> int:
        n = ifd_size(entries)
        for *_, value in entries:
            if len(value) > 4:
                n += len(value) + len(value) % 2
        return n

    pos0 = 8
    pos_gps = pos0 + block_len(entries0)
    if gps is not None:
        entries0 = [(t, ty, c, struct.pack("<I", pos_gps) if t == 0x8825 else v)
                    for t, ty, c, v in entries0]
    pos1 = pos_gps + (block_len(gps_entries) if gps_entries else 0)
    next0 = pos1 if thumbnail is not None else 0
    out += write_ifd(entries0, pos0, next0)
    if gps_entries:
        out += write_ifd(gps_entries, pos_gps, 0)
    if thumbnail is not None:
        thumb_at = pos1 + ifd_size([(0, 0, 0, b"")] * 2)
        ifd1 = [(0x0201, 4, 1, struct.pack("<I", thumb_at)),
                (0x0202, 4, 1, struct.pack("<I", len(thumbnail)))]
        out += write_ifd(ifd1, pos1, 0)
        out += thumbnail
    return b"Exif\x00\x00" + bytes(out)


def xmp_packet(**fields: str) -> bytes:
    attrs = " ".join(f'{k.replace("_", ":", 1)}="{v}"' for k, v in fields.items())
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
        f'xmlns:exif="http://ns.adobe.com/exif/1.0/" {attrs}/>'
        "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
    ).encode()


def save(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def with_iptc(jpeg_bytes: bytes, fields: dict[int, str]) -> bytes:
    """Insert an APP13 (Photoshop IRB 0x0404) IPTC block into a JPEG; keys are IIM record-2
    dataset numbers (90 City, 92 Sub-location, 120 Caption)."""
    iim = b"".join(b"\x1c\x02" + bytes([k]) + struct.pack(">H", len(v.encode()))
                   + v.encode() for k, v in fields.items())
    if len(iim) % 2:
        iim += b"\x00"
    irb = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + irb
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg_bytes[:2] + segment + jpeg_bytes[2:]
