"""Shared by the archive-zip tests: a post text and small photos that each flag one detector
(the policy with only those detectors is the `zip_policy` fixture of conftest.py)."""

from __future__ import annotations

import images_factory as fx

PHONE = "Any problems, ring me on 07911 123456 tonight"
QR_PNG = fx.png(fx.qr("tel:+447911123456"))
GPS_JPEG = fx.jpeg(fx.background(160, 120), exif=fx.exif_bytes(gps=(53.8, -1.55)))
PLAIN_PNG = fx.png(fx.background(80, 60))
