"""Issue 14, point 10: obfuscations a new user tried (letters for digits in a phone number,
a letter-spaced email address, a dithered black-and-white poster), with traps that look like
them and are not."""

from __future__ import annotations

import io

import pytest
from images_factory import font
from PIL import Image, ImageDraw

import postguard
from postguard.detectors.contact import EmailDetector, PhoneDetector
from postguard.policy import Policy

PHONE = PhoneDetector(Policy.default())
EMAIL = EmailDetector(Policy.default())


def _spans(det: object, text: str) -> list[str]:
    return [text[f.start:f.end] for f in det.detect_text(text)]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "found"), [
    ("Text me on O7911 I23456", "O7911 I23456"),
    ("text me on 07911 l23456 after school", "07911 l23456"),
    ("ring me on O79ll 123456", "O79ll 123456"),
    ("call 07911 I2345G tonight", "07911 I2345G"),
    ("my number is 0791l 12E456", "0791l 12E456"),
    ("mob: 07911 12345b", "07911 12345b"),
    ("WhatsApp 07911 12345G", "07911 12345G"),
    # Traps: no contact cue, or a reference cue, or not a number's shape.
    ("Product code 0791l 12E456 in stock", None),
    ("Ticket no. O7911 I23456", None),
    ("The I23456 bus leaves at ten", None),
    ("Postcode BN3 1AA, room B12", None),
    ("Order ref XB1234567 is ready", None),
    ("call me about the 2O24 BBQ", None),
    ("Text: Year 1l, 12 pupils", None),
])
def test_letters_typed_for_digits(text: str, found: str | None) -> None:
    assert _spans(PHONE, text) == ([found] if found else [])


def test_letters_for_digits_redacted_whole() -> None:
    report = postguard.screen("Any problems text me on O7911 I23456 x")
    assert "[phone removed]" in report.redacted_text and "I23456" not in report.redacted_text


@pytest.mark.parametrize(("text", "found"), [
    ("email me at j o . s m i t h @ g m a i l . c o m thanks",
     "j o . s m i t h @ g m a i l . c o m"),
    ("j o s m i t h @ h o t m a i l . c o . u k", "j o s m i t h @ h o t m a i l . c o . u k"),
    ("write to s a m _ 9 9 @ o u t l o o k . c o m", "s a m _ 9 9 @ o u t l o o k . c o m"),
    # Traps: no top-level domain, one-letter names, maths, the organisation's own domain.
    ("a b c @ d e f", None),
    ("I @ U . S A", None),
    ("score: 3 @ 2 . 5 x", None),
    ("o f f i c e @ c i e . o r g . u k", None),
    ("meet @ the park", None),
])
def test_letter_spaced_email(text: str, found: str | None) -> None:
    assert _spans(EMAIL, text) == ([found] if found else [])


def _poster(lines: list[tuple[str, int]], dither: bool) -> bytes:
    img = Image.new("L", (1000, 600), 255)
    d = ImageDraw.Draw(img)
    if dither:  # a grey wash, as a photocopied poster has
        for y in range(600):
            d.line([(0, y), (1000, y)], fill=int(150 + 90 * y / 600))
    y = 80
    for text, size in lines:
        d.text((60, y), text, font=font(size), fill=20)
        y += size * 2 + 20
    out = img.convert("1") if dither else img.point(lambda v: 0 if v < 128 else 255)
    buf = io.BytesIO()
    out.save(buf, "PNG")
    return buf.getvalue()


def test_dithered_poster_phone_is_read() -> None:
    pytest.importorskip("pytesseract")
    poster = _poster([("SUMMER FUN DAY", 48), ("Call Sarah on 07911 123456", 48)], True)
    report = postguard.Screener().screen("", images=[poster])
    assert report.verdict.value == "block"
    assert [f.category.value for f in report.findings] == ["phone"]


def test_dithered_poster_without_contact_details_is_clean() -> None:
    pytest.importorskip("pytesseract")
    poster = _poster([("SUMMER FUN DAY", 48), ("All welcome, bring a picnic!", 40)], True)
    report = postguard.Screener().screen("", images=[poster])
    assert report.verdict.value == "allow", report.findings


def test_crisp_black_and_white_is_read_as_it_is() -> None:
    from postguard.images.ocr import undither

    crisp = Image.open(io.BytesIO(_poster([("Call 07911 123456", 48)], False))).convert("L")
    assert undither(crisp) is crisp
    dithered = Image.open(io.BytesIO(_poster([("Call 07911 123456", 48)], True))).convert("L")
    assert undither(dithered) is not dithered
    grey = Image.new("L", (200, 100), 128)
    assert undither(grey) is grey


def _as_jpeg(png: bytes, quality: int) -> bytes:
    buf = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("L").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def _grey_poster_jpeg(second_line: str, ink: int, paper: int, size: int, quality: int) -> bytes:
    """Grey ink on grey paper, dithered to black and white, then saved as a JPEG."""
    img = Image.new("L", (1100, 500), paper)
    d = ImageDraw.Draw(img)
    d.text((40, 60), "SPORTS DAY - ALL WELCOME", font=font(size), fill=ink)
    d.text((40, 200), second_line, font=font(size), fill=ink)
    buf = io.BytesIO()
    img.convert("1").convert("L").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


@pytest.mark.parametrize(("line", "ink", "paper", "size", "quality", "verdict"), [
    # its pixels are near black and white, not at them: it was read as a photo (allow)
    ("Questions? Ring 07700 900123", 60, 200, 44, 85, "block"),
    ("Questions? Ring 07700 900123", 60, 200, 44, 70, "block"),
    ("Questions? Ring 07700 900123", 90, 170, 44, 85, "block"),
    ("Questions? Ring 07700 900123", 40, 150, 34, 85, "block"),
    # traps: the same poster without contact details
    ("Bring a picnic and a hat", 60, 200, 44, 85, "allow"),
    ("Bring a picnic and a hat", 40, 150, 34, 70, "allow"),
])
def test_dithered_poster_saved_as_jpeg_is_read(line: str, ink: int, paper: int, size: int,
                                               quality: int, verdict: str) -> None:
    pytest.importorskip("pytesseract")
    poster = _grey_poster_jpeg(line, ink, paper, size, quality)
    report = postguard.Screener().screen("", images=[poster])
    assert report.verdict.value == verdict, report.findings
    if verdict == "block":
        assert [f.category.value for f in report.findings] == ["phone"]


def test_near_black_and_white_is_smoothed_only_when_dithered() -> None:
    from postguard.images.ocr import undither

    crisp = Image.open(io.BytesIO(_as_jpeg(_poster([("Call 07911 123456", 48)], False), 85)))
    assert undither(crisp) is crisp  # a JPEG of crisp text: read as it is
    dithered = Image.open(io.BytesIO(_as_jpeg(_poster([("Call 07911 123456", 48)], True), 85)))
    assert undither(dithered) is not dithered
    photo = Image.effect_noise((300, 200), 90).convert("L")  # mid-greys: no black and white
    assert undither(photo) is photo
