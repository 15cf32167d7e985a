"""The service's limits on a request (kept apart from the package's `__init__` so that `app`
reads them without importing the package that builds it)."""

from __future__ import annotations

from dataclasses import dataclass

from ..limits import MAX_TEXT_BYTES


@dataclass(frozen=True)
class Limits:
    max_body: int = 64 * 2**20  # a few phone photos, base64-encoded (a third larger)
    max_pixels: int = 40_000_000
    timeout: float = 30.0
    max_images: int = 10
    max_text: int = MAX_TEXT_BYTES  # bytes of UTF-8, the limit scan and batch use too
