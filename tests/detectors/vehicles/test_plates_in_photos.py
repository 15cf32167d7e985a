"""Number plates in photos: plate-like panels read on their own, a plate's line read in its
letter and digit places, glued OCR words kept apart. Plates are drawn with Pillow
(tests/plate_images.py); the photo rows below were each missed before panels were read."""

from __future__ import annotations

import images_factory as fx
import plate_images as pi
import pytest
from PIL import Image

from postguard import Post, Screener
from postguard.images import plates
from postguard.images.ocr import Word, fill_gaps, merge_words, pin, split_glued
from postguard.images.plates import panel_image, panels, plate_line

pytest.importorskip("cv2")  # panels are found with OpenCV (extra 'faces')


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=["vehicle_plate", "image_text", "phone"])


def _car_photo(text: str, *, rear: bool, band: bool = False, body: tuple[int, int, int] = (
        20, 20, 24), height: int = 54, angle: float = 0.0, seed: int = 10) -> bytes:
    img = fx.background(1000, 750, seed=seed + len(text))
    pi.on_car(img, pi.plate(text, height, rear=rear, band=band), (300, 400), body, angle=angle)
    return fx.jpeg(img.rotate(1.5, fillcolor=(90, 90, 90)), quality=70)


def _categories(screener: Screener, data: bytes) -> set[str]:
    report = screener.screen(Post(images=(data,)))
    return {f.category.value for f in report.findings if f.source == "image:0"}


# Each photo row was read without a plate before (whole-photo OCR dropped a group or misread
# 0/O, 5/S); traps are codes on plate-like signs that the plate rules refuse.
@pytest.mark.parametrize(("text", "rear", "kw", "plate"), [
    ("AB12 CDE", True, {}, True),
    ("AB12 CDE", False, {}, True),
    ("P123 ABC", True, {}, True),  # prefix format (the corpus miss img-023)
    ("P123 ABC", False, {}, True),
    ("K405 TPJ", True, {}, True),
    ("ABC 123D", False, {}, True),  # suffix format
    ("SJ55 FMV", True, {}, True),
    ("CYV 40S", True, {}, True),  # "40s": case on a plate
    ("PS02 MHF", False, {"seed": 20, "body": (190, 192, 196), "band": True,
                         "angle": 2.0, "height": 60}, True),  # "PSO2": 0/O
    ("WU55 YTF", False, {}, True),
    ("G471 CBE", True, {}, True),
    ("ROOM B12 ABC", False, {}, False),
    ("IMG 1234", True, {}, False),
    ("GATE 12 AB", False, {}, False),
    ("Y10 ART", True, {}, False),
])
def test_plates_on_cars(screener: Screener, text: str, rear: bool, kw: dict[str, object],
                        plate: bool) -> None:
    got = _categories(screener, _car_photo(text, rear=rear, **kw))  # type: ignore[arg-type]
    assert ("vehicle_plate" in got) is plate


def test_a_plate_panel_is_found_and_its_box_holds_the_plate() -> None:
    img = fx.background(1000, 750, seed=3)
    pi.on_car(img, pi.plate("AB12 CDE", 54), (300, 400), (20, 20, 24))
    found = panels(img.convert("L"))
    assert found, "no panel found"
    x0, y0, x1, y1 = found[0].box
    plate_w = round(54 * 520 / 111)
    # the panel, or the row of its glyphs: inside the plate and most of its width
    assert x0 >= 295 and x1 <= 300 + plate_w + 5 and y0 >= 395 and y1 <= 400 + 54 + 5
    assert x1 - x0 >= plate_w / 2
    crop, scale, left, top = panel_image(img.convert("L"), found[0])
    assert crop.height == plates.READ_HEIGHT and scale > 0 and left <= x0 and top <= y0


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_clean_photos_have_few_panels_and_no_plate(screener: Screener, seed: int) -> None:
    img = fx.background(1000, 750, seed=seed)
    assert len(panels(img.convert("L"))) <= plates.MAX_PANELS
    assert "vehicle_plate" not in _categories(screener, fx.jpeg(img))


def test_panels_of_tiny_or_flat_images() -> None:
    assert panels(Image.new("L", (1, 1), 255)) == []
    assert panels(Image.new("L", (300, 200), 0)) == []


@pytest.mark.parametrize(("words", "expected"), [
    (["CYV", "40s"], ["CYV", "40S"]),  # a suffix plate's year letter read in lower case
    (["PSO2", "MHF"], ["PS02", "MHF"]),  # O for 0 in the age digits
    (["“VEK", "4788"], ["VEK", "478B"]),  # stray quote; 8 in a letter place
    (["_$210", "RGL_"], ["S210", "RGL"]),  # $ for S
    (["Call", "07911", "123456"], ["Call", "07911", "123456"]),  # not a plate's shape
    (["ROOM", "B12", "ABC"], ["ROOM", "B12", "ABC"]),  # already a plate's shape: unchanged
    (["IMG", "1234"], ["IMG", "1234"]),  # four digits: no plate group
    (["Sports", "Day"], ["Sports", "Day"]),
    (["AB12", "C0E"], ["AB12", "COE"]),
    (["A8I2", "CDE"], ["A812", "CDE"]),  # the reading with fewest changes (prefix format)
    (["88IZ", "C0E"], ["88IZ", "C0E"]),  # four changes or more: left alone
    ([], []),
    (["|"], ["|"]),
])
def test_plate_line(words: list[str], expected: list[str]) -> None:
    assert plate_line(words) == expected


def _w(text: str, x0: float, x1: float, conf: float = 90.0) -> Word:
    return Word(text, conf, (x0, 10.0, x1, 40.0))


@pytest.mark.parametrize(("passes", "expected"), [
    # "Tel0113" glued by one pass, split by two: kept apart
    ([[_w("Tel0113", 0, 120)], [_w("Tel", 0, 45), _w("0113", 55, 120)],
      [_w("Tel", 0, 44), _w("0113", 56, 120)]], ["Tel", "0113"]),
    # split once, glued twice ("Pri mary" against "Primary"): one word
    ([[_w("Pri", 0, 50), _w("mary", 60, 130)], [_w("Primary", 0, 130)],
      [_w("Primary", 0, 131)]], ["Primary"]),
    # as many passes each way: apart only at a letter/digit cut
    ([[_w("Tel0113", 0, 120)], [_w("Tel", 0, 45), _w("0113", 55, 120)]], ["Tel", "0113"]),
    ([[_w("jo@gmail.com", 0, 220)], [_w("jo@g", 0, 70), _w("mail.com", 80, 220)]],
     ["jo@gmail.com"]),
    # pieces that do not spell the word are no evidence
    ([[_w("Tel0113", 0, 120)], [_w("Te", 0, 45), _w("0118", 55, 120)]], ["Tel0113"]),
    # low-confidence pieces do not count
    ([[_w("Tel0113", 0, 120)], [_w("Tel", 0, 45, 20.0), _w("0113", 55, 120)]], ["Tel0113"]),
])
def test_split_glued(passes: list[list[Word]], expected: list[str]) -> None:
    assert [w.text for w in split_glued(merge_words(passes), passes)] == expected


def test_fill_gaps_never_replaces_and_pin_always_does() -> None:
    kept = [_w("07911", 0, 100)]
    extra = [_w("O7911X", 0, 100), _w("ABC", 200, 260), _w("noise", 300, 380, 10.0)]
    assert [w.text for w in fill_gaps(kept, extra)] == ["07911", "ABC"]
    pinned = [_w("P123", 0, 100, 5.0)]
    assert [w.text for w in pin([_w("1123", 2, 98), _w("ABC", 200, 260)], pinned)] == [
        "ABC", "P123"]
    assert pin(kept, []) == kept


def test_without_opencv_no_panels_and_ocr_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plates, "_cv2", lambda: None)
    img = fx.background(1000, 750, seed=3)
    fx.sign(img, (100, 300), "Call 07911 123456", size=48)
    assert panels(img.convert("L")) == []
    from postguard.images.ocr import recognise

    assert "07911" in recognise(img.convert("L")).text
