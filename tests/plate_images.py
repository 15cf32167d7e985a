"""UK-style number plates drawn with Pillow, for tests and the image benchmark corpus.

Written by the postguard project. A plate is 520:111 (the legal size), white at the front and
yellow at the rear, with bold, condensed black glyphs filling most of its width (Pillow's own
font, thickened with a stroke and squeezed: no system font needed), optionally a blue side
band with "UK" and a thin border. `on_car` pastes one onto a car-body panel in a scene.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FRONT = (244, 244, 238)
REAR = (247, 205, 32)
INK = (22, 22, 22)
BAND = (0, 51, 153)


def plate(text: str, height: int, *, rear: bool = True, band: bool = False,
          border: bool = False, condense: float = 0.8) -> Image.Image:
    """A plate `height` pixels tall (RGB); the glyphs are 71% of the height."""
    width = round(height * 520 / 111)
    img = Image.new("RGB", (width, height), REAR if rear else FRONT)
    d = ImageDraw.Draw(img)
    left = 0
    if band:
        left = round(width * 0.09)
        d.rectangle((0, 0, left - 1, height - 1), fill=BAND)
        small = ImageFont.load_default(size=max(6, height // 4))
        d.text((left // 2, round(height * 0.72)), "UK", font=small, fill="white", anchor="mm")
    if border:
        d.rectangle((0, 0, width - 1, height - 1), outline=INK, width=max(1, height // 40))
    cap = round(height * 0.71)
    # Draw large on a mask, then squeeze to the plate's glyph box.
    size = cap * 4 // 3
    font = ImageFont.load_default(size=size)
    stroke = max(1, size // 28)  # a little bolder than the font; more closes the 5 and G
    text = text.replace(" ", "  ")  # the gap between the groups is wider than a letter's
    box = ImageDraw.Draw(Image.new("L", (1, 1))).textbbox((0, 0), text, font=font,
                                                           stroke_width=stroke)
    mask = Image.new("L", (box[2] - box[0] + 2, box[3] - box[1] + 2), 0)
    ImageDraw.Draw(mask).text((-box[0] + 1, -box[1] + 1), text, font=font, fill=255,
                              stroke_width=stroke, stroke_fill=255)
    room = width - left - round(height * 0.3)
    glyph_w = min(room, round(mask.width * cap / mask.height * condense))
    mask = mask.resize((glyph_w, cap), Image.Resampling.LANCZOS)
    x = left + (width - left - glyph_w) // 2
    img.paste(Image.new("RGB", mask.size, INK), (x, (height - cap) // 2), mask)
    return img


def on_car(scene: Image.Image, plate_img: Image.Image, xy: tuple[int, int],
           body: tuple[int, int, int], *, angle: float = 0.0, blur: float = 0.0) -> None:
    """Paste `plate_img` at `xy` on a car-body panel of colour `body` (with a bumper shadow),
    turned by `angle` degrees and softened by `blur` (Gaussian radius, pixels)."""
    pw, ph = plate_img.size
    d = ImageDraw.Draw(scene)
    x, y = xy
    d.rounded_rectangle((x - pw * 0.6, y - ph * 1.6, x + pw * 1.6, y + ph * 1.8),
                        radius=max(2, ph // 2), fill=body)
    shade = tuple(max(0, c - 60) for c in body)
    d.rectangle((x - pw * 0.6, y + ph * 1.3, x + pw * 1.6, y + ph * 1.8), fill=shade)
    piece = plate_img.convert("RGBA")
    if angle:
        piece = piece.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    if blur:
        piece = piece.filter(ImageFilter.GaussianBlur(blur))
    scene.paste(piece, (x, y), piece)
