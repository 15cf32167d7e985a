"""Videos as attachments: frames through the photo pipeline with their time, container GPS in
both phone styles, limits and bad input. Every video is encoded in the test (PyAV)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import images_factory as fx
import pytest
import video_factory as vf
from PIL import Image

from postguard import Post, Screener
from postguard.cli import main
from postguard.model import Category
from postguard.video import is_video
from postguard.video import metadata as vmeta

pytest.importorskip("av")

SIZE = (960, 540)


def _scene(seed: int = 3) -> Image.Image:
    return fx.background(*SIZE, seed=seed)


def _poster_from(at: float, text: str, seed: int = 3) -> vf.Callable[[float], Image.Image]:
    base = _scene(seed)
    with_poster = base.copy()
    fx.sign(with_poster, (120, 200), text, size=44)

    def frame(t: float) -> Image.Image:
        return with_poster if t >= at else base

    return frame


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


def test_phone_on_a_poster_from_2s_is_one_finding_at_its_first_time(
        screener: Screener) -> None:
    data = vf.encode(_poster_from(2.0, "Call 07911 123456"), seconds=5, size=SIZE)
    report = screener.screen(Post(images=(data,)))
    phones = [f for f in report.findings if f.category is Category.PHONE]
    assert len(phones) == 1  # on every frame from 2 s on, reported once
    (phone,) = phones
    assert phone.source == "image:0" and phone.time is not None
    assert 1.9 <= phone.time <= 3.0
    assert phone.box is not None
    x0, y0, x1, y1 = phone.box
    assert x0 < 300 < x1 and y0 < 220 < y1  # where the poster is, in the video's pixels
    assert report.verdict.value == "block"
    assert report.to_dict()["findings"][0]["time"] == pytest.approx(phone.time)


def test_clean_clip_is_clean(screener: Screener) -> None:
    data = vf.encode(lambda t: _scene(5), seconds=3, size=SIZE)
    report = screener.screen(Post(images=(data,)))
    assert report.findings == () and report.errors == ()
    assert report.verdict.value == "allow"


def test_two_texts_at_two_times(screener: Screener) -> None:
    first, second = _scene(7), _scene(7)
    fx.sign(first, (100, 150), "Call 07911 123456", size=44)
    fx.sign(second, (100, 300), "zoom.us/j/81234567890", size=44)
    data = vf.encode(lambda t: first if t < 2 else second, seconds=4, size=SIZE, gop=10)
    report = screener.screen(Post(images=(data,), metadata={"audience": "parents"}))
    by_cat = {f.category: f for f in report.findings}
    assert by_cat[Category.PHONE].time is not None and by_cat[Category.PHONE].time < 1.0
    link = by_cat[Category.MEETING_LINK]
    assert link.time is not None and 1.9 <= link.time <= 3.0


@pytest.mark.parametrize(("meta", "apple", "where"), [
    ({"location": "+50.8225-000.1372/"}, False, "udta xyz"),
    ({"com.apple.quicktime.location.ISO6709": "+50.8225-000.1372+012.000/"}, True,
     "Apple ISO 6709"),
])
def test_gps_in_the_container(screener: Screener, meta: dict[str, str], apple: bool,
                              where: str) -> None:
    data = vf.encode(lambda t: _scene(9), seconds=1, size=(320, 240), metadata=meta,
                     fmt="mov" if apple else "mp4", apple_keys=apple)
    report = screener.screen(Post(images=(data,)))
    gps = [f for f in report.findings if f.code == "PG811"]
    assert len(gps) == 1 and where in gps[0].message
    assert gps[0].category is Category.GEOLOCATION and report.verdict.value == "block"


def test_device_and_owner_tags(screener: Screener) -> None:
    meta = {"com.apple.quicktime.model": "iPhone 15", "com.apple.quicktime.author":
            "Ring 07911 123456"}
    data = vf.encode(lambda t: _scene(9), seconds=1, size=(320, 240), metadata=meta,
                     fmt="mov", apple_keys=True)
    codes = {f.code for f in screener.screen(Post(images=(data,))).findings}
    assert {"PG814", "PG101"} <= codes


@pytest.mark.parametrize(("text", "want"), [
    ("+50.8225-000.1372/", (50.8225, -0.1372)),
    ("+40.7128-074.0060+010.000/", (40.7128, -74.006)),
    ("+00.0000+000.0000/", None),
    ("+95.0000+010.0000/", None),
    ("London", None),
])
def test_iso6709(text: str, want: tuple[float, float] | None) -> None:
    got = vmeta.position(text)
    assert got == (pytest.approx(want) if want else None)


def test_faces_in_a_video_need_consent(screener: Screener) -> None:
    scene = fx.shaded_face(_scene(11), 480, 220, 120)
    data = vf.encode(lambda t: scene, seconds=3, size=SIZE)
    found = [f for f in screener.screen(Post(images=(data,))).findings
             if f.category is Category.PHOTO_CONSENT]
    assert len(found) == 1 and found[0].time == pytest.approx(0.0)
    consented = screener.screen(Post(images=(data,), metadata={"consent": [0]}))
    assert not [f for f in consented.findings if f.category is Category.PHOTO_CONSENT]


@pytest.mark.parametrize(("head", "name", "want"), [
    (b"\x00\x00\x00\x18ftypisom", None, True),
    (b"\x00\x00\x00\x14ftypqt  ", None, True),
    (b"\x1a\x45\xdf\xa3\x01\x00", None, True),
    (b"\x00\x00\x00\x18ftypheic", None, False),  # a HEIC photo
    (b"\xff\xd8\xff\xe0", None, False),
    (b"", "clip.MOV", True),
    (b"", "clip.3gp", True),
    (b"", "photo.jpg", False),
])
def test_is_video(head: bytes, name: str | None, want: bool) -> None:
    assert is_video(name if name else head) is want


def _bad_videos(tmp_path: Path) -> list[tuple[Path, str]]:
    good = vf.encode(lambda t: _scene(13), seconds=2, size=(320, 240))
    out = []
    for file, data, why in (
        ("empty.mp4", b"", "empty"),
        ("cut.mp4", good[: len(good) // 3], ""),
        ("noise.mov", bytes(range(256)) * 40, "not a readable video"),
        ("voice.mp4", vf.audio_only(), "no video stream"),
    ):
        path = tmp_path / file
        path.write_bytes(data)
        out.append((path, why))
    return out


def test_bad_videos_are_one_line_and_exit_2(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    for path, why in _bad_videos(tmp_path):
        code = main(["scan", "--image", str(path)])
        err = capsys.readouterr().err.strip()
        assert code == 2, path.name
        assert len(err.splitlines()) == 1 and path.name in err and why in err


def test_bad_video_never_allows(screener: Screener, tmp_path: Path) -> None:
    for path, _ in _bad_videos(tmp_path):
        report = screener.screen(Post(text="Lovely day", images=(str(path),)))
        assert report.verdict.value != "allow" and report.errors


def test_video_over_the_limits(screener: Screener, monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.video import load

    data = vf.encode(lambda t: _scene(13), seconds=2, size=(320, 240))
    monkeypatch.setattr(load, "MAX_DURATION", 1.0)
    (err,) = screener.screen(Post(images=(data,))).errors
    assert "more than 1 s" in err.message
    monkeypatch.setattr(load, "MAX_DURATION", 600.0)
    monkeypatch.setattr(load, "MAX_PIXELS", 320 * 200)
    (err,) = screener.screen(Post(images=(data,))).errors
    assert "320x240" in err.message


def test_scan_a_video_file_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "trip.mp4"
    vf.encode(_poster_from(1.0, "Call 07911 123456"), seconds=3, size=SIZE, path=path,
              metadata={"location": "+50.8225-000.1372/"})
    code = main(["scan", "--image", str(path), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    codes = {f["code"]: f for f in out["findings"]}
    assert "PG811" in codes and "PG101" in codes
    assert codes["PG101"]["time"] >= 0.9 and "time" not in codes["PG811"]


def test_api_screens_videos_and_refuses_bad_ones() -> None:
    import base64

    httpx = pytest.importorskip("httpx")
    pytest.importorskip("starlette")
    import anyio

    from postguard.server import Limits, create_app

    app = create_app(None, Limits())
    good = vf.encode(lambda t: _scene(13), seconds=1, size=(320, 240),
                     metadata={"location": "+50.8225-000.1372/"})

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode()

    async def go() -> list[Any]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            got = [await client.post("/v1/screen", json={"text": "x", "images": [b64(d)]})
                   for d in (good, good[:200], vf.audio_only())]
            got.append(await client.post("/v1/redact", json={"images": [b64(good)]}))
            return got

    ok, cut, audio, redacted = anyio.run(go)
    assert ok.status_code == 200, ok.text
    assert "PG811" in {f["code"] for f in ok.json()["findings"]}
    assert redacted.status_code == 200, redacted.text
    (video,) = redacted.json()["images"]
    assert video["content_type"] == "video/mp4" and video["clean"] is True
    copy = base64.b64decode(video["data"])
    assert copy[4:8] == b"ftyp" and b"+50.8225" not in copy
    for r, why in ((cut, "not a readable video"), (audio, "no video stream")):
        assert r.status_code == 422 and r.json()["error"]["code"] == "bad_video"
        assert why in r.json()["error"]["message"]


def test_batch_reports_videos_and_an_error_entry_for_a_bad_one(tmp_path: Path) -> None:
    good, bad = tmp_path / "trip.mp4", tmp_path / "broken.mov"
    vf.encode(lambda t: _scene(13), seconds=1, size=(320, 240), path=good,
              metadata={"location": "+50.8225-000.1372/"})
    bad.write_bytes(b"\x00\x00\x00\x18ftypqt  " + bytes(300))
    src, out = tmp_path / "posts.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(json.dumps(p) for p in (
        {"id": "a", "text": "Trip!", "images": [str(good)]},
        {"id": "b", "text": "Trip!", "images": [str(bad)]},
    )) + "\n", "utf-8")
    # exit 2: post b could not be fully screened (issue 14's rule outranks the block of a)
    assert main(["batch", str(src), "--out", str(out)]) == 2
    a, b = (json.loads(line) for line in out.read_text("utf-8").splitlines())
    assert "PG811" in {f["code"] for f in a["findings"]} and a["verdict"] == "block"
    assert b["verdict"] != "allow" and b["errors"]
    assert "broken.mov" in b["errors"][0]["message"]


def test_redacted_video_hides_what_was_flagged_and_keeps_no_metadata(
        screener: Screener, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import av

    path = tmp_path / "trip.mov"
    vf.encode(_poster_from(2.0, "Call 07911 123456"), seconds=4, size=SIZE, path=path,
              fmt="mov", apple_keys=True,
              metadata={"com.apple.quicktime.location.ISO6709": "+50.8225-000.1372/",
                        "com.apple.quicktime.model": "iPhone 15"})
    out = tmp_path / "clean"
    assert main(["scan", "--image", str(path), "--redact-out", str(out)]) == 1
    capsys.readouterr()
    copy = out / "trip.mp4"
    with av.open(str(copy)) as c:
        tags = {k.lower() for k in c.metadata}
        assert not tags & {"location", "com.apple.quicktime.location.iso6709",
                           "com.apple.quicktime.model", "creation_time"}
        assert [s.type for s in c.streams] == ["video"]
        assert c.streams.video[0].frames >= 39  # every frame kept
    again = screener.screen(Post(images=(str(copy),)))
    assert not [f for f in again.findings if f.category is not Category.DETECTOR_ERROR]
    assert again.verdict.value == "allow"


def test_redaction_covers_from_a_second_before_the_first_time(screener: Screener) -> None:
    from postguard.video.redact import redact_video

    data = vf.encode(_poster_from(2.0, "Call 07911 123456"), seconds=4, size=SIZE)
    report = screener.screen(Post(images=(data,)))
    result = redact_video(data, 0, report.findings, screener=screener)
    assert result.clean and result.frames == 40
    import io

    import av
    import numpy as np

    (phone,) = [f for f in report.findings if f.category is Category.PHONE]
    assert phone.box is not None and phone.time is not None
    x0, y0, x1, y1 = phone.box
    with av.open(io.BytesIO(result.data)) as c:
        for frame in c.decode(video=0):
            region = np.asarray(frame.to_image())[y0 + 4:y1 - 4, x0 + 4:x1 - 4]
            covered = float(region.max()) < 40  # solid black, give or take compression
            assert covered is (frame.time >= phone.time - 1.0 - 1e-6), frame.time


@pytest.mark.parametrize("fmt", ["webm", "3gp", "m4v"])
def test_other_containers(screener: Screener, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"clip.{fmt}"
    vf.encode(_poster_from(1.0, "Call 07911 123456"), seconds=2, size=SIZE, fmt=fmt, path=path)
    report = screener.screen(Post(images=(str(path),)))
    assert [f.category for f in report.findings] == [Category.PHONE], report.errors


class _Tags:
    """A container as `postguard.video.metadata.read` sees it: tags, and streams with tags."""

    def __init__(self, tags: dict[str, str]) -> None:
        self.metadata = tags
        self.streams: list[_Tags] = []


@pytest.mark.parametrize(("tags", "gps", "device"), [
    ({"xmp": '<rdf:Description exif:GPSLatitude="50,49.35N" exif:GPSLongitude="0,8.23W"/>'},
     ("XMP",), None),
    ({"xmp": "<exif:GPSLatitude>50,49.35N</exif:GPSLatitude><exif:GPSLongitude>0,8.23W"
             "</exif:GPSLongitude>"}, ("XMP",), None),
    ({"xmp": '<rdf:Description exif:GPSLatitude="50,49.35N"/>'}, (), None),  # half a position
    ({"location": "+00.0000+000.0000/"}, (), None),  # null island: no position
    ({"com.android.manufacturer": "Google", "com.android.model": "Pixel 8"}, (),
     "Google Pixel 8"),
    ({"encoder": "Lavf62.12.103"}, (), None),
])
def test_container_tags(tags: dict[str, str], gps: tuple[str, ...], device: str | None) -> None:
    meta = vmeta.read(_Tags(tags))
    assert meta.gps == gps and meta.device == device


def test_size_and_frame_rate_limits(screener: Screener, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.video import load

    path = tmp_path / "clip.mp4"
    vf.encode(lambda t: _scene(13), seconds=1, size=(320, 240), path=path)
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 100)
    (err,) = screener.screen(Post(images=(str(path),))).errors
    assert "clip.mp4: larger than" in err.message
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 2**30)
    monkeypatch.setattr(load, "MAX_FPS", 5.0)
    (err,) = screener.screen(Post(images=(str(path),))).errors
    assert "more than 5 frames a second" in err.message


@pytest.mark.parametrize(("seconds", "at", "gop", "text"), [
    # (OCR reads some frames' "Call 0" as "callo": each row's words are read on its frame)
    (5, 4.6, None, "Tel 07911 123456"),  # every frame decoded: the last is screened too
    (2, 1.0, None, "Call 07911 123456"),  # one keyframe (at 0): decoded after it to the end
    (4, 3.5, 10, "Tel 07911 123456"),  # keyframes every second: the tail after the last one
])
def test_what_appears_at_the_end_is_seen(screener: Screener, seconds: int, at: float,
                                         gop: int | None, text: str) -> None:
    data = vf.encode(_poster_from(at, text), seconds=seconds, size=SIZE, gop=gop)
    (phone,) = [f for f in screener.screen(Post(images=(data,))).findings
                if f.category is Category.PHONE]
    assert phone.time is not None and at - 0.05 <= phone.time < seconds


def test_without_pyav_a_video_is_a_named_error_not_a_pass(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    data = vf.encode(lambda t: _scene(13), seconds=1, size=(320, 240))
    monkeypatch.setitem(sys.modules, "av", None)  # import av now raises ImportError
    report = Screener().screen(Post(text="Sports day", images=(data,)))
    (err,) = report.findings
    assert err.code == "PG815" and "postguard[video]" in err.message
    assert report.verdict.value == "review"
