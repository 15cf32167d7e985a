"""Shared by the archive-zip tests: a post text and small photos that each flag one detector
(the policy with only those detectors is the `zip_policy` fixture of conftest.py)."""

from __future__ import annotations

from typing import Any

import images_factory as fx

PHONE = "Any problems, ring me on 07911 123456 tonight"
QR_PNG = fx.png(fx.qr("tel:+447911123456"))
GPS_JPEG = fx.jpeg(fx.background(160, 120), exif=fx.exif_bytes(gps=(53.8, -1.55)))
PLAIN_PNG = fx.png(fx.background(80, 60))


def check_four_post_reports(reports: dict[str, dict[str, Any]], ids: list[str]) -> None:
    """The four posts both zip tests build, in order: a QR photo with a phone number and a
    plain photo; a photo not in the archive; a phone number in the text; a GPS photo."""
    rows = [  # (post, (source, category) findings expected, error sources, verdict)
        (ids[0], {("image:0", "qr_code"), ("image:0", "phone")}, set(), "block"),
        (ids[1], set(), {"image:0"}, "review"),
        (ids[2], {("text", "phone")}, set(), "block"),
        (ids[3], {("image:0", "geolocation")}, set(), None),
    ]
    for pid, findings, errors, verdict in rows:
        r = reports[pid]
        got = {(f["source"], f["category"]) for f in r["findings"]
               if f["category"] != "detector_error"}
        assert findings <= got, pid
        assert not any(s == "image:1" for s, _ in got), pid  # the plain photo is clean
        assert {e["source"] for e in r["errors"]} == errors, pid
        if verdict:
            assert r["verdict"] == verdict, pid
    assert reports[ids[3]]["verdict"] != "allow"
    assert "not in the archive" in reports[ids[1]]["errors"][0]["message"]
