"""WordPress featured images: `_thumbnail_id` -> the attachment's file under the uploads
folder next to the export, screened as one of the post's images; missing ones reported."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import images_factory as fx
import pytest

from postguard.archives import iter_posts, wordpress
from postguard.archives.common import MissingImage
from postguard.batch import run_batch
from postguard.images.load import ImageLoadError
from postguard.model import Post

GPS_JPEG = fx.jpeg(fx.background(160, 120), exif=fx.exif_bytes(gps=(53.8, -1.55)))
QR_PNG = fx.png(fx.qr("tel:+447911123456"))
PLAIN_JPEG = fx.jpeg(fx.background(80, 60))
SITE = "https://club.example/wp-content/uploads/"


@pytest.fixture
def policy(tmp_path: Path) -> str:
    p = tmp_path / "policy.toml"
    p.write_text('[detectors]\nenabled = ["phone", "qr_code", "image_metadata"]\n')
    return str(p)


def _meta(key: str, value: str) -> str:
    return (f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key>"
            f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>")


def _post(pid: int, title: str, body: str = "", thumb: int | None = None,
          kind: str = "post") -> str:
    meta = _meta("_edit_last", "1") + (_meta("_thumbnail_id", str(thumb)) if thumb else "")
    return (f"<item><title>{title}</title><content:encoded><![CDATA[{body}]]>"
            f"</content:encoded><wp:post_id>{pid}</wp:post_id><wp:status>publish</wp:status>"
            f"<wp:post_type>{kind}</wp:post_type>{meta}</item>")


def _attachment(pid: int, url: str, attached: str | None) -> str:
    meta = _meta("_wp_attached_file", attached) if attached is not None else ""
    return (f"<item><title>img {pid}</title><wp:post_id>{pid}</wp:post_id>"
            f"<wp:post_type>attachment</wp:post_type>"
            f"<wp:attachment_url><![CDATA[{url}]]></wp:attachment_url>{meta}</item>")


def _wxr(*items: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Club</title>\n'
            + "\n".join(items) + "\n</channel></rss>\n")


# Posts first, their attachments after them (as WordPress usually writes them), one before.
ITEMS = (
    _attachment(30, SITE + "2020/01/early.jpg", "2020/01/early.jpg"),
    _post(10, "Sports day", "<p>What a day</p>", thumb=20),
    _post(11, "Trip", "<p>Back soon</p>", thumb=21),
    _post(12, "Gone", "<p>Old post</p>", thumb=99),
    _post(13, "Both", f'<p>Look <img src="{SITE}2024/05/gps.jpg"></p>', thumb=20),
    _post(14, "Early", "<p>x</p>", thumb=30),
    _post(15, "Only on a CDN", "<p>y</p>", thumb=22),
    _post(16, "Attached file only", "<p>z</p>", thumb=23),
    _post(17, "QR in the body", f'<img src="{SITE}2024/05/qr.png"><p>hi</p>'),
    _post(18, "Page", "<p>About us</p>", thumb=20, kind="page"),
    _post(19, "No featured image", "<p>Plain</p>"),
    _attachment(20, SITE + "2024/05/gps.jpg", "2024/05/gps.jpg"),
    _attachment(21, SITE + "2024/06/missing.jpg", "2024/06/missing.jpg"),
    _attachment(22, "https://cdn.example/img/cdn.jpg", None),
    _attachment(23, "", "2024/07/plain.jpg"),
)


def _site(tmp: Path, *, uploads: bool = True) -> Path:
    xml = tmp / "club.WordPress.2024-08-01.xml"
    xml.write_text(_wxr(*ITEMS), encoding="utf-8")
    if uploads:
        up = tmp / "wp-content" / "uploads"
        for rel, data in (("2024/05/gps.jpg", GPS_JPEG), ("2020/01/early.jpg", PLAIN_JPEG),
                          ("2024/07/plain.jpg", PLAIN_JPEG), ("2024/05/qr.png", QR_PNG)):
            (up / rel).parent.mkdir(parents=True, exist_ok=True)
            (up / rel).write_bytes(data)
    return xml


def _images(tmp: Path, xml: Path) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for pid, post in iter_posts(str(xml)):
        assert isinstance(post, Post)
        out[pid] = [os.path.relpath(i, tmp) if isinstance(i, str) and i.startswith(str(tmp))
                    else i for i in post.images]
    return out

UP = "wp-content/uploads/"


@pytest.mark.parametrize(("pid", "with_uploads", "without_uploads"), [
    ("10", [UP + "2024/05/gps.jpg"], [SITE + "2024/05/gps.jpg"]),
    ("11", [UP + "2024/06/missing.jpg"], [SITE + "2024/06/missing.jpg"]),
    ("12", ["missing: attachment 99"], ["missing: attachment 99"]),
    ("13", [UP + "2024/05/gps.jpg"], [SITE + "2024/05/gps.jpg"]),  # featured = in the body
    ("14", [UP + "2020/01/early.jpg"], [SITE + "2020/01/early.jpg"]),
    ("15", ["https://cdn.example/img/cdn.jpg"], ["https://cdn.example/img/cdn.jpg"]),
    ("16", [UP + "2024/07/plain.jpg"], [UP + "2024/07/plain.jpg"]),
    ("17", [UP + "2024/05/qr.png"], [SITE + "2024/05/qr.png"]),
    ("18", [UP + "2024/05/gps.jpg"], [SITE + "2024/05/gps.jpg"]),
    ("19", [], []),
])
def test_featured_image_paths(tmp_path: Path, pid: str, with_uploads: list[str],
                              without_uploads: list[str]) -> None:
    for uploads, expected in ((True, with_uploads), (False, without_uploads)):
        tmp = tmp_path / str(uploads)
        tmp.mkdir()
        got = _images(tmp, _site(tmp, uploads=uploads))[pid]
        shown = [f"missing: {i.reason.split(' is ')[0]}" if isinstance(i, MissingImage) else i
                 for i in got]
        assert shown == expected, (pid, uploads)


def test_posts_keep_file_order_and_attachments_are_listed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = wordpress._all_attachments

    def counting(path: str) -> dict[str, tuple[str, str]]:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(wordpress, "_all_attachments", counting)
    xml = _site(tmp_path)
    ids = [pid for pid, _ in iter_posts(str(xml))]
    assert ids == [str(n) for n in range(10, 20)]
    assert len(calls) == 1  # one extra pass, for the attachments that come later


def test_no_extra_pass_when_attachments_come_first(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordpress, "_all_attachments", lambda path: pytest.fail("extra pass"))
    xml = tmp_path / "x.xml"
    xml.write_text(_wxr(ITEMS[0], ITEMS[5]), encoding="utf-8")
    ((pid, post),) = iter_posts(str(xml))
    assert pid == "14" and isinstance(post, Post) and len(post.images) == 1


def test_attachment_not_in_export_is_an_unreadable_image() -> None:
    img = MissingImage("club.xml: post 12 featured image", "attachment 99 is not in this export")
    with pytest.raises(ImageLoadError, match="post 12 featured image: attachment 99 is not"):
        img.read()


@pytest.mark.parametrize("src", [
    SITE + "../../../etc/passwd", SITE + "2024/%2e%2e/%2e%2e/x.jpg", SITE + "..\\..\\x.jpg",
])
def test_upload_paths_never_leave_the_uploads_folder(tmp_path: Path, src: str) -> None:
    uploads = wordpress._Uploads(str(tmp_path))
    (tmp_path / "wp-content" / "uploads").mkdir(parents=True)
    got = uploads.image(src)
    assert got == src  # left as the URL: reported as not screened, never read from disk


def _reports(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


def test_batch_screens_featured_images(tmp_path: Path, policy: str) -> None:
    xml = _site(tmp_path)
    out = tmp_path / "o.jsonl"
    run_batch([str(xml)], str(out), policy=policy, progress=False)
    reports = _reports(out)
    rows = [  # (post, (source, category) expected, error sources and kinds, clean?)
        ("10", {("image:0", "geolocation")}, set(), False),
        ("11", set(), {"image:0"}, False),
        ("12", set(), {"image:0"}, False),
        ("13", {("image:0", "geolocation")}, set(), False),
        ("14", set(), set(), True),
        ("15", set(), {"image:0"}, False),
        ("16", set(), set(), True),
        ("17", {("image:0", "qr_code"), ("image:0", "phone")}, set(), False),
        ("18", {("image:0", "geolocation")}, set(), False),
        ("19", set(), set(), True),
    ]
    for pid, findings, errors, clean in rows:
        r = reports[pid]
        got = {(f["source"], f["category"]) for f in r["findings"]
               if f["category"] != "detector_error"}
        assert findings <= got, pid
        assert {e["source"] for e in r["errors"]} == errors, pid
        assert (r["verdict"] == "allow") is clean, pid
    assert "no such" in reports["11"]["errors"][0]["message"]
    assert "attachment 99 is not in this export" in reports["12"]["errors"][0]["message"]
    # Never downloaded: the error names the URL (the image detectors report it first).
    assert "https://cdn.example/img/cdn.jpg" in reports["15"]["errors"][0]["message"]
