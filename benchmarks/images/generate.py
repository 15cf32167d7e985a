"""Generate the labelled image corpus into benchmarks/out/images/ (deterministic, seed 2026).

Written by the postguard project. Each image is a photo-like scene drawn with Pillow (sky,
ground, walls, blobs, sensor noise), sometimes with a sign, a plate, a banner, a QR code,
drawn faces or metadata, then tilted a little and saved as JPEG at quality 60-95. Sizes run
from 800x600 to 4000x3000 (12 MP). Clean scenes and harmless posters are the traps.
The first 80 images are the original set; images 80-111 add 24 UK-style plates on cars (see
`tests/plate_images.py`: white front and yellow rear plates, current, prefix and suffix formats,
3.5-9% of the image's height, turned, sometimes soft, JPEG quality 60-75) and 8 plate-like
signs whose codes are not plates ("ROOM B12 ABC", "FLIGHT BA 2490": traps). The plate work
was tuned on seed 4242; `--plate-seed N --out DIR` draws a fresh set for a held-out check.
The labels (image-level categories) are written next to the images in labels.json.

    python benchmarks/images/generate.py [--out DIR] [--plate-seed N]
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
import numpy as np  # noqa: E402
import plate_images as pi  # noqa: E402
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

#: Signs on plate-like panels whose codes are not number plates (the text detector's traps):
#: labels ("ROOM", "GATE", "SEAT" before the code), flight codes, words as letters.
PLATE_TRAPS = ["ROOM B12 ABC", "GATE 12 AB", "FLIGHT BA 2490", "Y10 ART", "SEAT 14 ABC",
               "BLOCK C12 XYZ", "TABLE 7 ABC", "IMG 1234"]
#: Car-body colours: dark, bright, white and silver (a white plate on a white car), yellow.
BODIES = [(20, 20, 24), (150, 20, 22), (30, 60, 140), (235, 235, 232), (190, 192, 196),
          (90, 90, 92), (240, 200, 40), (20, 90, 50)]

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


def random_plate(rng: random.Random, kind: str) -> str:
    """A plate of the DVLA's rules: current "AB12 CDE", prefix "P123 ABC", suffix "ABC 123D"."""
    random_letters = "ABCDEFGHJKLMNOPRSTUVWXY"  # never I, Q, Z in the three-letter groups
    year_letters = "ABCDEFGHJKLMNPRSTVWXY"  # never I, O, Q, U, Z
    three = "".join(rng.choice(random_letters) for _ in range(3))
    number = str(rng.randint(1, 999))
    if kind == "current":
        tag = rng.choice("ABCDEFGHKLMNOPRSVWY") + rng.choice("ABCDEFGHJKLMNOPRSTUVWXY")
        age = rng.choice([f"{y:02d}" for y in (*range(2, 26), *range(51, 76))])
        return f"{tag}{age} {three}"
    if kind == "prefix":
        return f"{rng.choice(year_letters)}{number} {three}"
    return f"{three} {number}{rng.choice(year_letters)}"


def _is_plate(text: str) -> bool:
    """Whether the text detector reads `text` as a plate (so the corpus measures the image
    pipeline: a random "ASS 12A" would be the text detector's business)."""
    from postguard.detectors.vehicles.plates import VehiclePlateDetector
    from postguard.policy import Policy

    return any(f[0] == 0 and f[1] == len(text)
               for f in VehiclePlateDetector(Policy.default()).find_plates(text))


def plate_scene(rng: random.Random, seed: int, text: str, *, rear: bool) -> tuple[
        Image.Image, str]:
    """A plate on a car body in a photo-like scene: the plate 3.5-9% of the image's height,
    front (white) or rear (yellow), sometimes with the blue band or a border, turned up to 3
    degrees, sometimes slightly out of focus; sensor noise over everything."""
    w, h = _size(rng, seed)
    img = fx.background(w, h, seed=seed)
    ph = max(14, int(h * rng.uniform(0.035, 0.09)))
    plate = pi.plate(text, ph, rear=rear, band=rng.random() < 0.5, border=rng.random() < 0.3,
                     condense=rng.uniform(0.75, 0.92))
    x = int(w * rng.uniform(0.1, 0.85 - plate.width / w))
    y = int(h * rng.uniform(0.25, 0.75))
    body = rng.choice(BODIES)
    blur = rng.choice([0.0, 0.0, ph / 60, ph / 35])
    pi.on_car(img, plate, (x, y), body, angle=rng.uniform(-3, 3), blur=blur)
    noise = np.random.default_rng(seed).normal(0, 4, (h, w, 3))
    img = Image.fromarray((np.asarray(img, dtype=np.float64) + noise).clip(0, 255)
                          .astype("uint8"))
    what = ("rear" if rear else "front") + f" plate, {ph}px high"
    if blur:
        what += ", soft"
    return img, what


PLATE_SEED = 4242


def generate(out: Path, plate_seed: int = PLATE_SEED) -> list[dict[str, object]]:
    rng = random.Random(2026)
    out.mkdir(parents=True, exist_ok=True)
    labels: list[dict[str, object]] = []
    n = 0

    def save(img: Image.Image, cats: list[str], note: str, *, tilt: bool = True,
             exif: bytes | None = None, metadata: dict[str, object] | None = None,
             text: str | None = None, quality: int | None = None, **kw: object) -> None:
        nonlocal n
        if tilt:
            img = img.rotate(rng.uniform(-4, 4), resample=Image.Resampling.BILINEAR,
                             fillcolor=(90, 90, 90))
        name = f"img-{n:03d}.jpg"
        extra: dict[str, object] = dict(kw)
        if exif is not None:
            extra["exif"] = exif
        q = quality or rng.choice([60, 70, 80, 90, 95])
        img.save(out / name, "JPEG", quality=q, **extra)
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
    # Plates drawn as plates (second set, 2026-11-24): 24 on cars in varied conditions, JPEG
    # quality 60-75; then 8 plate-like signs whose codes are not plates (traps).
    prng = random.Random(plate_seed)
    base = 2000 if plate_seed == PLATE_SEED else 10_000 + 1000 * (plate_seed % 50)
    kinds = ["current"] * 12 + ["prefix"] * 6 + ["suffix"] * 6
    for i, kind in enumerate(kinds):
        text = random_plate(prng, kind)
        while not _is_plate(text):
            text = random_plate(prng, kind)
        img, what = plate_scene(prng, base + i, text, rear=i % 2 == 0)
        save(img, ["vehicle_plate"], f"number plate ({kind}, {what})", text=text,
             quality=prng.choice([60, 65, 70, 75]))
    for i, t in enumerate(PLATE_TRAPS):
        img, what = plate_scene(prng, base + 100 + i, t, rear=i % 2 == 1)
        save(img, [], f"trap: plate-like sign '{t}'", text=t,
             quality=prng.choice([60, 65, 70, 75]))
    (out / "labels.json").write_text(json.dumps(labels, indent=1), encoding="utf-8")
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(HERE.parent / "out" / "images"))
    ap.add_argument("--plate-seed", type=int, default=PLATE_SEED,
                    help="another seed draws a fresh set of images 80-111 (plates and traps)")
    args = ap.parse_args()
    labels = generate(Path(args.out), args.plate_seed)
    print(f"wrote {len(labels)} images to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()
