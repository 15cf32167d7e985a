"""Facebook and Instagram exports as the .zip files the platforms hand out: the older and
the 2023+ layouts, with or without one top folder, the same posts as the unzipped folder,
photos read from inside the zip, and the bad archives."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from archive_media import GPS_JPEG, PHONE, PLAIN_PNG, QR_PNG, check_four_post_reports
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.archives import detect_format, iter_posts, jsonstream, open_input, ziparchive
from postguard.archives.jsonstream import iter_array
from postguard.archives.ziparchive import SafeZip, ZipMember
from postguard.batch import run_batch
from postguard.cli import main
from postguard.errors import InputError
from postguard.images.load import ImageLoadError
from postguard.model import Post


@pytest.fixture
def policy(zip_policy: str) -> str:
    return zip_policy


def _mojibake(s: str) -> str:
    """What Meta's exports do: UTF-8 bytes written as \\u00XX escapes."""
    return s.encode("utf-8").decode("latin-1")


def _zip(path: Path, members: dict[str, str | bytes],
         compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data,
                        compress_type=compression)
    return path


# -- the exports ---------------------------------------------------------------------------

def _fb_entry(text: str, *uris: str, ts: int = 1700000000) -> dict[str, Any]:
    entry: dict[str, Any] = {"timestamp": ts, "data": [{"post": _mojibake(text)}]}
    if uris:
        entry["attachments"] = [{"data": [{"media": {"uri": u}} for u in uris]}]
    return entry


def _facebook(top: str = "", *, new: bool = True, wrapped: bool = False,
              ) -> dict[str, str | bytes]:
    """Three numbered parts (1, 2, 10): a QR photo, a missing photo and a video, a phone
    number in the text, a GPS photo next to a plain one."""
    if new:
        posts = f"{top}your_activity_across_facebook/posts/"
        stem = "your_posts__check_ins__photos_and_videos_"
        media = "your_activity_across_facebook/posts/media/Trip_1/"
    else:
        posts, stem, media = f"{top}posts/", "your_posts_", "photos_and_videos/Trip_1/"

    def dump(entries: list[dict[str, Any]]) -> str:
        return json.dumps({"status_updates_v2": entries} if wrapped else entries)

    return {
        f"{posts}{stem}1.json": dump([
            _fb_entry("Café trip — Zoë 🎉", f"{media}qr.png"),
            _fb_entry("Gone and a clip", f"{media}gone.jpg", f"{media}clip.mp4")]),
        f"{posts}{stem}2.json": dump([_fb_entry(PHONE)]),
        f"{posts}{stem}10.json": dump([
            _fb_entry("Sports day", f"{media}gps.jpg", f"{media}plain.png")]),
        f"{top}{media}qr.png": QR_PNG,
        f"{top}{media}gps.jpg": GPS_JPEG,
        f"{top}{media}plain.png": PLAIN_PNG,
        f"{top}{media}clip.mp4": b"\x00\x00\x00\x18ftypmp42",
        f"{top}messages/inbox/a/message_1.json": "[]",
    }


def _ig_entry(text: str, *uris: str) -> dict[str, Any]:
    return {"media": [{"uri": u, "creation_timestamp": 1700000000, "title": _mojibake(text)}
                      for u in uris] or [], "title": "" if uris else _mojibake(text)}


def _instagram(top: str = "", *, new: bool = True) -> dict[str, str | bytes]:
    content = f"{top}your_instagram_activity/content/" if new else f"{top}content/"
    media = "media/posts/202311/"
    return {
        f"{content}posts_1.json": json.dumps([
            _ig_entry("Café trip — Zoë 🎉", f"{media}qr.png"),
            _ig_entry("Gone and a clip", f"{media}gone.jpg", f"{media}clip.mp4")]),
        f"{content}posts_2.json": json.dumps([_ig_entry(PHONE)]),
        f"{content}posts_10.json": json.dumps([
            _ig_entry("Sports day", f"{media}gps.jpg", f"{media}plain.png")]),
        f"{top}{media}qr.png": QR_PNG,
        f"{top}{media}gps.jpg": GPS_JPEG,
        f"{top}{media}plain.png": PLAIN_PNG,
        f"{top}{media}clip.mp4": b"\x00\x00\x00\x18ftypmp42",
        f"{top}your_instagram_activity/likes/liked_posts.json": "{}",
    }


FB_NEW = "your_posts__check_ins__photos_and_videos_"
LAYOUTS = [  # (layout, kind, members, ids of the posts in order)
    ("facebook 2023+", "facebook", _facebook(), [f"{FB_NEW}1.json#1", f"{FB_NEW}1.json#2",
                                                 f"{FB_NEW}2.json#1", f"{FB_NEW}10.json#1"]),
    ("facebook 2023+ under a top folder", "facebook", _facebook("facebook-club-2024/"),
     [f"{FB_NEW}1.json#1", f"{FB_NEW}1.json#2", f"{FB_NEW}2.json#1", f"{FB_NEW}10.json#1"]),
    ("facebook older", "facebook", _facebook(new=False),
     ["your_posts_1.json#1", "your_posts_1.json#2", "your_posts_2.json#1",
      "your_posts_10.json#1"]),
    ("facebook older under a top folder", "facebook", _facebook("fb/", new=False),
     ["your_posts_1.json#1", "your_posts_1.json#2", "your_posts_2.json#1",
      "your_posts_10.json#1"]),
    ("facebook, posts wrapped in an object", "facebook", _facebook(new=False, wrapped=True),
     ["your_posts_1.json#1", "your_posts_1.json#2", "your_posts_2.json#1",
      "your_posts_10.json#1"]),
    ("instagram 2023+", "instagram", _instagram(),
     ["posts_1.json#1", "posts_1.json#2", "posts_2.json#1", "posts_10.json#1"]),
    ("instagram 2023+ under a top folder", "instagram", _instagram("instagram-club-2024/"),
     ["posts_1.json#1", "posts_1.json#2", "posts_2.json#1", "posts_10.json#1"]),
    ("instagram older", "instagram", _instagram(new=False),
     ["posts_1.json#1", "posts_1.json#2", "posts_2.json#1", "posts_10.json#1"]),
    ("instagram older under a top folder", "instagram", _instagram("ig/", new=False),
     ["posts_1.json#1", "posts_1.json#2", "posts_2.json#1", "posts_10.json#1"]),
]
IDS = [row[0] for row in LAYOUTS]


def _items(path: Path, fmt: str | None = None) -> list[tuple[str, Post]]:
    items = list(iter_posts(str(path), fmt))
    assert all(isinstance(p, Post) for _, p in items)
    return items  # type: ignore[return-value]


# -- reading -------------------------------------------------------------------------------

@pytest.mark.parametrize(("layout", "kind", "members", "ids"), LAYOUTS, ids=IDS)
def test_zip_reads_every_part_and_finds_photos_inside(
        tmp_path: Path, layout: str, kind: str, members: dict[str, str | bytes],
        ids: list[str]) -> None:
    path = _zip(tmp_path / f"{kind}-club.zip", members)
    assert detect_format(str(path)) == kind
    for fmt in (None, kind):
        items = _items(path, fmt)
        assert [pid for pid, _ in items] == ids
        first, gone, phone, two = (p for _, p in items)
        assert first.text == "Café trip — Zoë 🎉"  # repaired from the Latin-1 escapes
        assert first.metadata["platform"] == kind
        assert first.metadata["scheduled_at"].startswith("2023-11-14T22:13:20")
        assert [type(i) for i in first.images] == [ZipMember]
        assert first.images[0].read() == QR_PNG  # whole, every time
        assert first.images[0].read() == QR_PNG
        assert phone.text == PHONE and phone.images == ()
        assert [i.read() for i in two.images] == [GPS_JPEG, PLAIN_PNG]
        assert len(gone.images) == 2  # the photo is missing; the video is screened too
        assert gone.images[1].name.endswith("clip.mp4")
        with pytest.raises(ImageLoadError, match=rf"{kind}-club\.zip:.*gone\.jpg: not in "
                                                 "the archive"):
            gone.images[0].read()


@pytest.mark.parametrize(("layout", "kind", "members", "ids"), LAYOUTS, ids=IDS)
def test_zip_gives_the_same_posts_as_the_unzipped_folder(
        tmp_path: Path, layout: str, kind: str, members: dict[str, str | bytes],
        ids: list[str]) -> None:
    path = _zip(tmp_path / "export.zip", members)
    with zipfile.ZipFile(path) as zf:
        zf.extractall(tmp_path / "unzipped")
    assert detect_format(str(tmp_path / "unzipped")) == kind
    from_zip = _items(path)
    from_folder = _items(tmp_path / "unzipped")

    def summary(items: list[tuple[str, Post]]) -> list[Any]:
        return [(i, p.id, p.text, p.metadata, len(p.images)) for i, p in items]

    assert summary(from_zip) == summary(from_folder)
    for (_, z), (_, f) in zip(from_zip, from_folder, strict=True):
        for zi, fi in zip(z.images, f.images, strict=True):
            assert isinstance(zi, ZipMember) and isinstance(fi, str)
            # the same file: the member is the folder's path below the unzipped root
            assert Path(fi) == tmp_path / "unzipped" / zi.member
            if Path(fi).is_file():
                assert zi.read() == Path(fi).read_bytes()
            else:
                with pytest.raises(ImageLoadError, match="not in the archive"):
                    zi.read()


def test_reading_posts_reads_no_photo_and_streams_the_posts_member(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Photos stay in the zip until a post is screened, and a big posts member is read a
    chunk at a time: the first post comes before the member has been read."""
    reads: list[str] = []
    streams: list[Any] = []
    real_read, real_open = SafeZip.read_member, SafeZip.open_member

    def counting_read(self: SafeZip, member: str, limit: int) -> bytes:
        reads.append(member)
        return real_read(self, member, limit)

    def keeping_open(self: SafeZip, member: str, limit: int | None = None) -> Any:
        streams.append(real_open(self, member, limit))
        return streams[-1]

    monkeypatch.setattr(SafeZip, "read_member", counting_read)
    monkeypatch.setattr(SafeZip, "open_member", keeping_open)
    many = [_fb_entry(f"Post number {n} " + "words " * 40) for n in range(5000)]
    for wrapped in (False, True):
        members = _facebook()
        big = json.dumps({"status_updates_v2": many} if wrapped else many)
        members["your_activity_across_facebook/posts/" + FB_NEW + "3.json"] = big
        path = _zip(tmp_path / f"big-{wrapped}.zip", members)
        streams.clear()
        posts = iter_posts(str(path))
        for _ in range(4):  # parts 1 and 2, then the first post of part 3
            next(posts)
        part3 = streams[-1]
        assert 0 < part3.count < len(big) // 4, wrapped
        rest = [p for _, p in posts]
        assert len(rest) == 5000 and part3.count == len(big)
    assert reads == []


def test_zip_slip_media_uris_never_reach_outside(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(PLAIN_PNG)
    (tmp_path / "inner").mkdir()
    members: dict[str, str | bytes] = {
        "content/posts_1.json": json.dumps([
            _ig_entry("a", "../../secret.png"), _ig_entry("b", str(secret)),
            _ig_entry("c", "https://cdn.example/x.jpg")]),
    }
    path = _zip(tmp_path / "inner" / "ig.zip", members)
    a, b, c = (p for _, p in _items(path))
    for post in (a, b):
        (img,) = post.images
        assert isinstance(img, ZipMember)
        with pytest.raises(ImageLoadError, match="not in the archive"):
            img.read()
    assert c.images == ("https://cdn.example/x.jpg",)  # reported by batch, never fetched


# -- screening -----------------------------------------------------------------------------

def _reports(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


@pytest.mark.parametrize(("kind", "members", "ids"), [
    ("facebook", _facebook("facebook-club/"), LAYOUTS[1][3]),
    ("instagram", _instagram(), LAYOUTS[5][3]),
])
@pytest.mark.parametrize("argv", [[], ["--input-format"]])
def test_batch_screens_posts_and_their_photos_from_the_zip(
        tmp_path: Path, policy: str, kind: str, members: dict[str, str | bytes],
        ids: list[str], argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    path = _zip(tmp_path / f"{kind}-club.zip", members)
    out = tmp_path / "reports.jsonl"
    argv = [*argv, kind] if argv else []
    # One photo could not be read: the run exits 2 (issue 14), its report says why.
    assert main(["batch", str(path), "--out", str(out), "--policy", policy, *argv]) == 2
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ids
    reports = _reports(out)
    check_four_post_reports(reports, ids)
    assert "postguard: 4 posts" in capsys.readouterr().err


@pytest.mark.parametrize(("kind", "members"), [("facebook", _facebook()),
                                               ("instagram", _instagram("ig/"))])
def test_two_workers_and_resume_give_the_same_output(
        tmp_path: Path, policy: str, kind: str, members: dict[str, str | bytes]) -> None:
    path = _zip(tmp_path / f"{kind}.zip", members)
    one, two, resumed = (tmp_path / f"{n}.jsonl" for n in ("one", "two", "resumed"))
    run_batch([str(path)], str(one), policy=policy, progress=False)
    run_batch([str(path)], str(two), policy=policy, workers=2, progress=False)
    assert one.read_text() == two.read_text()
    assert "geolocation" in one.read_text() and "qr_code" in one.read_text()
    full = one.read_text().splitlines()
    resumed.write_text("\n".join(full[:2]) + "\n" + full[2][:25])  # killed mid-line
    summary = run_batch([str(path)], str(resumed), policy=policy, resume=True, workers=2,
                        progress=False)
    assert resumed.read_text().splitlines() == full and summary.resumed == 2


def test_oversized_photo_is_an_error_entry_not_a_stop(
        tmp_path: Path, policy: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ziparchive, "MAX_IMAGE_BYTES", 500)
    path = _zip(tmp_path / "ig.zip", _instagram())
    out = tmp_path / "o.jsonl"
    run_batch([str(path)], str(out), policy=policy, progress=False)
    report = _reports(out)["posts_1.json#1"]
    assert report["verdict"] in ("review", "block")
    assert any(re.search(r"ig\.zip:media/posts/202311/qr\.png: [0-9.]+ (KB|bytes) "
                         r"decompressed, more than 500 bytes; refused", e["message"])
               for e in report["errors"])


# -- bad archives -------------------------------------------------------------------------

def _truncated(tmp: Path) -> Path:
    data = _zip(tmp / "fb.zip", _facebook()).read_bytes()
    (tmp / "facebook-cut.zip").write_bytes(data[: len(data) // 2])
    return tmp / "facebook-cut.zip"


def _neither(tmp: Path) -> Path:
    return _zip(tmp / "other.zip", {"messages/inbox/a/message_1.json": "[]",
                                    "your_instagram_activity/likes/liked_posts.json": "{}"})


def _posts_too_big(tmp: Path) -> Path:
    return _zip(tmp / "big.zip", _instagram())


def _bomb(tmp: Path) -> Path:
    return _zip(tmp / "bomb.zip", {"posts/your_posts_1.json":
                                   json.dumps([_fb_entry("a" * 400_000)])})


def _bad_crc(tmp: Path) -> Path:
    raw = _zip(tmp / "x.zip", {"content/posts_1.json": json.dumps([_ig_entry("hello")])},
               zipfile.ZIP_STORED).read_bytes()
    (tmp / "crc.zip").write_bytes(raw.replace(b"hello", b"jello", 1))
    return tmp / "crc.zip"


def _broken_json(tmp: Path) -> Path:
    return _zip(tmp / "cut-json.zip",
                {"posts/your_posts_1.json": json.dumps([_fb_entry("a")])[:-5]})


BAD: list[tuple[Callable[[Path], Path], list[str], dict[str, int], str]] = [
    # (archive, --input-format, ziparchive limits, the one line expected)
    (_truncated, [], {}, r"facebook-cut\.zip: (not a \.zip archive, or a truncated one|"
                         r"broken or truncated)"),
    (_truncated, ["facebook"], {}, r"facebook-cut\.zip: (not a \.zip archive|broken)"),
    (_neither, [], {}, r"other\.zip: a \.zip without data/tweets\.js, posts/your_posts_N\.json "
                       r"or content/posts_N\.json; is it an X, Facebook or Instagram export\?"),
    (_neither, ["facebook"], {}, r"other\.zip: a \.zip without posts/your_posts_N\.json; is "
                                 r"it a Facebook export\?"),
    (_neither, ["instagram"], {}, r"other\.zip: a \.zip without content/posts_N\.json; is "
                                  r"it an Instagram export\?"),
    (_posts_too_big, ["facebook"], {}, r"big\.zip: a \.zip without posts/your_posts_N\.json"),
    (_posts_too_big, [], {"MAX_TEXT_BYTES": 100},
     r"big\.zip:your_instagram_activity/content/posts_1\.json: [0-9.]+ (KB|bytes) decompressed, "
     r"more than 100 bytes; refused"),
    (_bomb, [], {"RATIO_FLOOR": 1000},
     r"bomb\.zip:posts/your_posts_1\.json: compressed \d+ times; refused \(zip bomb\?\)"),
    (_bad_crc, ["instagram"], {}, r"crc\.zip:content/posts_1\.json: broken \.zip member"),
    (_broken_json, [], {}, r"cut-json\.zip:posts/your_posts_1\.json: broken export"),
]


@pytest.mark.parametrize(("make", "fmt", "limits", "message"), BAD,
                         ids=[f"{row[0].__name__}{row[1]}" for row in BAD])
def test_bad_archive_stops_with_one_line_naming_it(
        tmp_path: Path, policy: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path], fmt: list[str],
        limits: dict[str, int], message: str) -> None:
    for name, value in limits.items():
        monkeypatch.setattr(ziparchive, name, value)
    path = make(tmp_path)
    out = tmp_path / "o.jsonl"
    argv = ["--input-format", *fmt] if fmt else []
    assert main(["batch", str(path), "--out", str(out), "--policy", policy, *argv]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert re.search(message, err[0]), err[0]
    assert "Traceback" not in err[0]
    assert not out.exists() or out.read_text() == ""


@pytest.mark.parametrize("kind", ["facebook", "instagram"])
def test_a_zip_of_another_export_is_refused_before_the_run_starts(
        tmp_path: Path, kind: str) -> None:
    other = _instagram() if kind == "facebook" else _facebook()
    with pytest.raises(InputError, match=r"wrong\.zip: a \.zip without"):
        open_input(str(_zip(tmp_path / "wrong.zip", other)), kind)


# -- posts files wrapped in an object, streamed ------------------------------------------------

@pytest.mark.parametrize(("raw", "elements", "error"), [
    ('{"a": 1, "b": [1, 2]}', [1, 2], None),
    ('{"a": {"x": [9]}, "b": [3], "c": "z"}', [3], None),
    ('{"a": [1], "b": [2]}', [1], None),  # the first list holds the posts
    ('[4, 5]', [4, 5], None),
    ("{}", [], r"no list of posts"),
    ('{"a": 1}', [], r"no list of posts"),
    ('{"a": [1, 2', [1, 2], r"file ends inside the array"),
    ('{"a": [1]', [1], r"file ends inside the object"),
    ('{"a" [1]}', [], r"expected ':' after a key"),
    ('{"a": [1], }', [1], r"expected a key"),
    ('{"a": [1]} x', [1], r"unexpected data after the array"),
    ('{"a": [1] "b": 2}', [1], r"expected ',' between members"),
    ('"just a string"', [], r"expected a JSON array"),
])
def test_wrapped_posts_file_is_streamed(raw: str, elements: list[Any],
                                        error: str | None) -> None:
    got: list[Any] = []
    stream = iter_array(io.BytesIO(raw.encode()), "posts_1.json", wrapped=True)
    if error is None:
        got.extend(stream)
    else:
        with pytest.raises(InputError, match=rf"posts_1\.json: broken export \({error}"):
            got.extend(stream)
    assert got == elements


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(max_size=6), JSON, max_size=4), st.integers(1, 9))
def test_wrapped_stream_matches_json_load_at_any_chunk_size(obj: dict[str, Any],
                                                            chunk: int) -> None:
    raw = json.dumps(obj).encode()
    lists = [v for v in obj.values() if isinstance(v, list)]
    saved = jsonstream._CHUNK
    jsonstream._CHUNK = chunk  # cut keys, strings and numbers at every place
    try:
        stream = iter_array(io.BytesIO(raw), "f.json", wrapped=True)
        if lists:
            assert list(stream) == lists[0]
        else:
            with pytest.raises(InputError, match="no list of posts"):
                list(stream)
    finally:
        jsonstream._CHUNK = saved
