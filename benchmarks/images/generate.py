"""Generate the labelled image corpus into benchmarks/out/images/ (deterministic, seed 2026).

Written by the postguard project. Each image is a photo-like scene drawn with Pillow (sky,
ground, walls, blobs, sensor noise), sometimes with a sign, a plate, a banner, a QR code,
drawn faces or metadata, then tilted a little and saved as JPEG at quality 60-95. Sizes run
from 800x600 to 4000x3000 (12 MP). Clean scenes and harmless posters are the traps.
The labels (image-level categories) are written next to the images in labels.json.

    python benchmarks/images/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests"))

import images_factory as fx  # noqa: E402
from PIL import Image  # noqa: E402

PHONES = ["Call 07911 123456", "Ring 07700 900461", "Text 07834 567890", "Tel 0113 496 0123",
          "Call Jo 07946 001234", "WhatsApp 07512 345678", "Ring us 07456 123987",
          "Call 0161 496 0777"]
EMAILS = ["jo.bloggs@gmail.com", "Email sam.t@hotmail.co.uk", "coach.dave@yahoo.com",
          "Write to amy99@outlook.com", "mrs.khan@btinternet.com", "ben.f@icloud.com",
          "Contact lily.r@gmail.com", "tom_smith@live.co.uk"]
PLATES = ["AB12 CDE", "KV65 XRT", "WY05 LKP", "LD19 FGH", "BT70 MNO", "YA68 PRS", "CE21 HJK",
          "P123 ABC"]
STREETS = ["ACACIA AVENUE", "Mill Lane", "STATION ROAD", "Oak Tree Close", "HIGH STREET",
           "Church Lane", "Victoria Road", "PARK CRESCENT"]
SCHOOLS = ["St Mary's Primary School", "ROSEHILL ACADEMY", "Oakwood High School",
           "Greenfield Junior School", "ST JOHN'S C OF E PRIMARY", "Hillside Grammar School",
           "Meadowbank Infant School", "Riverside Academy"]
QRS = ["tel:+447911123456", "https://cie.org.uk/open-day", "mailto:jo.bloggs@gmail.com",
       "geo:53.8008,-1.5491", "https://cie.org.uk/summer", "BEGIN:VCARD\nN:Bloggs;Jo\n"
       "TEL:07911 123456\nEND:VCARD", "https://example.org/tickets", "WIFI:S:Hall;T:WPA;P:x;;"]
TRAP_TEXT = ["Sports Day Friday", "WELCOME", "Bake Sale Today", "CAR PARK", "Well done Year 6",
             "ONE WAY", "Science Fair 2025", "Library"]

COLOURS = [("black", "white"), ("white", (20, 60, 160)), ("black", (250, 210, 40)),
           ("white", (30, 110, 40)), ("black", (230, 230, 230))]


def _size(rng: random.Random, i: int) -> tuple[int, int]:
    if i % 8 == 7:
        return 4000, 3000  # 12 MP
    return rng.choice([(1000, 750), (1000, 750), (800, 600), (1600, 1200), (2000, 1500)])


def _text_scene(rng: random.Random, seed: int, text: str, colours: tuple[object, object] | None
                = None, plate: bool = False) -> Image.Image:
    w, h = _size(rng, seed)
    img = fx.background(w, h, seed=seed)
    size = int(h * rng.uniform(0.045, 0.08))
    x = int(w * rng.uniform(0.08, 0.3))
    y = int(h * rng.uniform(0.2, 0.7))
    if plate:
        fx.plate(img, (x, y), text, size=size)
    else:
        fg, bg = colours or rng.choice(COLOURS)
        fx.sign(img, (x, y), text, size=size, fg=fg, bg=bg)  # type: ignore[arg-type]
    return img


def generate(out: Path) -> list[dict[str, object]]:
    rng = random.Random(2026)
    out.mkdir(parents=True, exist_ok=True)
    labels: list[dict[str, object]] = []
    n = 0

    def save(img: Image.Image, cats: list[str], note: str, *, tilt: bool = True,
             exif: bytes | None = None, metadata: dict[str, object] | None = None,
             text: str | None = None, **kw: object) -> None:
        nonlocal n
        if tilt:
            img = img.rotate(rng.uniform(-4, 4), resample=Image.Resampling.BILINEAR,
                             fillcolor=(90, 90, 90))
        name = f"img-{n:03d}.jpg"
        extra: dict[str, object] = dict(kw)
        if exif is not None:
            extra["exif"] = exif
        img.save(out / name, "JPEG", quality=rng.choice([60, 70, 80, 90, 95]), **extra)
        labels.append({"file": name, "categories": cats, "note": note, "text": text,
                       "size": list(img.size), "metadata": metadata or {}})
        n += 1

    for i, t in enumerate(PHONES):
        save(_text_scene(rng, 1000 + i, t), ["phone"], "phone number on a sign", text=t)
    for i, t in enumerate(EMAILS):
        save(_text_scene(rng, 1100 + i, t), ["email"], "email address on a banner", text=t)
    for i, t in enumerate(PLATES):
        save(_text_scene(rng, 1200 + i, t, plate=True), ["vehicle_plate"], "number plate",
             text=t)
    for i, t in enumerate(STREETS):
        save(_text_scene(rng, 1300 + i, t, colours=rng.choice(COLOURS[:2])), ["location"],
             "street sign", text=t)
    for i, t in enumerate(SCHOOLS):
        save(_text_scene(rng, 1400 + i, t), ["school"], "school banner", text=t)
    for i, payload in enumerate(QRS):
        w, h = _size(rng, i)
        img = fx.background(w, h, seed=1500 + i)
        code = fx.qr(payload, scale=max(4, h // 150))
        img.paste(code, (int(w * 0.5), int(h * 0.2)))
        cats = ["qr_code"]
        cats += {"tel": ["phone"], "mai": ["email"], "geo": ["geolocation"],
                 "BEG": ["phone", "person_name"]}.get(payload[:3], [])
        save(img, cats, "QR code: " + payload.split(":")[0], tilt=False)
    for i in range(8):
        w, h = _size(rng, i)
        img = fx.background(w, h, seed=1600 + i)
        if i < 5:
            save(img, ["geolocation"], "EXIF GPS", tilt=False,
                 exif=fx.exif_bytes(gps=(rng.uniform(50, 55), rng.uniform(-4, 1))))
        else:
            save(img, ["geolocation"], "XMP city", tilt=False,
                 xmp=fx.xmp_packet(photoshop_City=rng.choice(["Leeds", "York", "Bristol"])))
    for i in range(8):
        w, h = _size(rng, i)
        img = fx.background(w, h, seed=1700 + i)
        k = 1 + i % 3
        for j in range(k):
            s = int(h * rng.uniform(0.14, 0.22))
            fx.face(img, int(w * (0.2 + 0.3 * j)), int(h * rng.uniform(0.35, 0.6)), s)
        consent = i >= 6
        meta: dict[str, object] = {"consent": True} if consent else {}
        save(img, [] if consent else ["photo_consent"],
             "faces with consent (trap)" if consent else f"{k} faces, no consent",
             metadata=meta)
    for i in range(8):
        w, h = _size(rng, i)
        save(fx.background(w, h, seed=1800 + i), [], "trap: clean photo")
    for i, t in enumerate(TRAP_TEXT):
        save(_text_scene(rng, 1900 + i, t), [], f"trap: poster '{t}'", text=t)
    (out / "labels.json").write_text(json.dumps(labels, indent=1), encoding="utf-8")
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(HERE.parent / "out" / "images"))
    args = ap.parse_args()
    labels = generate(Path(args.out))
    print(f"wrote {len(labels)} images to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
