"""Helpers shared by the input formats."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import InputError
from ..inputs import open_binary
from ..model import Post

#: (post id, the post) or (post id, why it could not be read): one per post, in input order.
Item = tuple[str, Post | InputError]

IMAGE_EXTS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff",
                        ".heic", ".heif",
                        # videos go where photos go (postguard.video)
                        ".mp4", ".mov", ".m4v", ".webm", ".3gp"})


def head(path: str, size: int = 4096) -> bytes:
    with open_binary(path) as fh:
        return fh.read(size)


def is_remote(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://", "//"))


def local_image(base: str, ref: str) -> str:
    """An image reference as a path: absolute and existing ones stay; a relative one is
    looked up in the working folder, then next to the input file. Remote URLs stay as they
    are (batch reports them as not screened, since postguard never downloads)."""
    if is_remote(ref) or os.path.isabs(ref) or os.path.exists(ref):
        return ref
    return os.path.join(base, ref)


@dataclass(frozen=True, slots=True)
class MissingImage:
    """An image a post names that no file can be found for (a WordPress featured image
    whose attachment is not in the export): reading it raises the error that the image
    detectors report for that post, as for a missing file."""

    name: str
    reason: str

    def __str__(self) -> str:
        return self.name

    def read(self, size: int = -1) -> bytes:
        from ..images.load import ImageLoadError

        raise ImageLoadError(f"{self.name}: {self.reason}", source=self.name)


def fix_mojibake(s: str) -> str:
    """Meta's exports write UTF-8 bytes as Latin-1 escapes ("\\u00c3\\u00a9" for "é")."""
    if s.isascii():
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s
