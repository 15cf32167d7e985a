"""`Screener.screen_many` with photos: the same reports as `screen`, each attachment decoded
and OCR'd once, and one error per unreadable image (not one per image detector)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import images_factory as fx
import pytest
from PIL import Image

from postguard import Post, Screener
from postguard.images import cache as cache_mod
from postguard.images import ocr as ocr_mod

DETECTORS = ["phone", "image_text", "qr_code", "image_metadata", "faces"]


BULK_CALLS: list[int] = []


class _BulkPhone:
    """The phone detector with a `detect_many`, as a batching plugin would have: it makes
    `screen_many` take its batched path."""

    def __new__(cls, policy: object) -> object:
        from postguard.detectors.contact.phone import PhoneDetector

        class Bulk(PhoneDetector):
            def detect_many(self, posts):  # type: ignore[no-untyped-def]
                BULK_CALLS.append(len(posts))
                return [list(self.detect(p)) for p in posts]

        return Bulk(policy)  # type: ignore[arg-type]


def _screener(bulk: bool) -> Screener:
    if not bulk:
        return Screener(detectors=DETECTORS)
    from postguard.registry import DetectorRegistry

    reg = DetectorRegistry()
    real = reg.get
    reg.get = lambda name: _BulkPhone if name == "phone" else real(name)  # type: ignore
    return Screener(detectors=DETECTORS, registry=reg)


@pytest.fixture(scope="module")
def posts(tmp_path_factory: pytest.TempPathFactory) -> list[Post]:
    tmp = tmp_path_factory.mktemp("many")
    sign = fx.background(600, 400, seed=3)
    fx.sign(sign, (40, 120), "Call 07700 900123", size=44)
    (tmp / "sign.png").write_bytes(fx.png(sign))
    gps = Image.new("RGB", (200, 150), (120, 160, 90))
    (tmp / "gps.jpg").write_bytes(fx.jpeg(gps, exif=fx.exif_bytes(gps=(50.82, -0.14))))
    (tmp / "qr.png").write_bytes(fx.png(fx.qr("tel:07700900456")))
    return [
        Post(text="Sports day photos", images=(str(tmp / "sign.png"), str(tmp / "gps.jpg")),
             id="a"),
        Post(text="No photo here", id="b"),
        Post(text="Missing photo", images=(str(tmp / "gone.jpg"),), id="c"),
        Post(text="Flyer", images=(str(tmp / "qr.png"), str(Path(tmp / "nope.png"))), id="d"),
    ]


@pytest.mark.parametrize("bulk", [False, True])
def test_screen_many_matches_screen_and_reports_each_bad_image_once(posts: list[Post],
                                                                    bulk: bool) -> None:
    screener = _screener(bulk)
    BULK_CALLS.clear()
    many = list(screener.screen_many(posts))
    calls = list(BULK_CALLS)
    assert calls == ([len(posts)] if bulk else [])
    one = [screener.screen(p) for p in posts]
    assert many == one
    by_id = {r.id: r for r in many}
    assert {f.category.value for f in by_id["a"].findings} >= {"phone", "geolocation"}
    assert {f.category.value for f in by_id["d"].findings} >= {"qr_code", "phone"}
    for pid, bad in (("c", ["image:0"]), ("d", ["image:1"])):
        r = by_id[pid]
        assert [e.source for e in r.errors] == bad, pid
        assert [f.source for f in r.findings if f.code == "PG002"] == bad, pid
        assert r.verdict.value != "allow"


@pytest.mark.parametrize("bulk", [False, True])
def test_screen_many_decodes_and_ocrs_each_image_once(posts: list[Post], bulk: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.images import load as load_mod

    loads: Counter[str] = Counter()
    ocrs: list[int] = []
    real_load, real_ocr = load_mod.load_image, ocr_mod.recognise

    def counting_load(src: object, index: int) -> object:
        loads[str(src)] += 1
        return real_load(src, index)  # type: ignore[arg-type]

    def counting_ocr(gray: object, *a: object, **kw: object) -> object:
        ocrs.append(1)
        return real_ocr(gray, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(load_mod, "load_image", counting_load)
    monkeypatch.setattr(ocr_mod, "recognise", counting_ocr)
    screener = _screener(bulk)
    list(screener.screen_many(posts))
    images = [str(i) for p in posts for i in p.images]
    assert loads == Counter(images)  # every attachment once, whichever detectors ask
    assert len(ocrs) == 3  # the three readable images, once each
    assert cache_mod.ImageCache  # the shared cache is what makes this hold


class _Member:
    """An attachment read on demand that has a name (like an archive member)."""

    name = "x.zip:data/tweets_media/1-a.png"

    def read(self, size: int = -1) -> bytes:
        return b"not an image at all"


@pytest.mark.parametrize(("image", "says"), [
    ("https://cdn.example.org/p/1.jpg", "https://cdn.example.org/p/1.jpg: only on the web"),
    ("//cdn.example.org/p/1.jpg", "only on the web; postguard never downloads"),
    (_Member(), "x.zip:data/tweets_media/1-a.png"),
    (b"\x89PNG broken", "image 1 (bytes)"),
])
def test_unreadable_images_are_named_once(image: object, says: str) -> None:
    report = Screener(detectors=DETECTORS).screen(Post(text="photo", images=(image,)))
    assert len(report.errors) == 1 and says in report.errors[0].message
    assert [f.code for f in report.findings] == ["PG002"]
    assert report.verdict.value == "review"
