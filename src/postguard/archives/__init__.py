"""Input formats for `postguard batch`, detected from the input or named with
`--input-format`:

    jsonl      one JSON object a line: {"id", "text", "images", "metadata"}
    csv        a header with id, text, images (";"-separated paths), metadata columns
    folder     a folder of draft files (.txt, .md) with photos named like them
    draft      one draft file
    twitter    an X/Twitter archive (the .zip, its folder, or data/tweets.js) with its media
    facebook   a Facebook export (the .zip, its folder, or posts/your_posts_N.json)
    instagram  an Instagram export (the .zip, its folder, or content/posts_N.json)
    wordpress  a WordPress export (WXR .xml)

`iter_posts(path, fmt)` yields `(id, Post)` per post in input order, or `(id, InputError)`
for a post that cannot be read. A whole input that cannot be read raises `InputError`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import InputError
from .common import Item, head
from .platforms import (
    check_zip,
    facebook_files,
    instagram_files,
    iter_facebook,
    iter_instagram,
    iter_twitter,
    twitter_files,
    zip_format,
)
from .simple import (
    DRAFT_EXTS,
    RawLine,
    iter_csv,
    iter_draft,
    iter_folder,
    iter_jsonl_posts,
    iter_jsonl_raw,
    parse_line,
)
from .wordpress import iter_wordpress
from .ziparchive import is_zip

READERS: dict[str, Callable[[str], Iterator[Item]]] = {
    "jsonl": iter_jsonl_posts,
    "csv": iter_csv,
    "folder": iter_folder,
    "draft": iter_draft,
    "twitter": iter_twitter,
    "facebook": iter_facebook,
    "instagram": iter_instagram,
    "wordpress": iter_wordpress,
}
FORMATS = tuple(READERS)


def _sniff_json(path: str) -> str:
    """Tell a Meta export from JSON lines by the first post."""
    import json

    from .jsonstream import iter_array

    start = head(path, 256).lstrip()
    if start.startswith(b"{"):
        with open(path, "rb") as fh:
            first_line = fh.readline()
        try:
            json.loads(first_line)
            return "jsonl"
        except ValueError:
            pass
        lower = head(path, 1 << 16).lower()
        return "instagram" if b'"ig_' in lower or b'"media"' in lower else "facebook"
    if start.startswith(b"["):
        with open(path, "rb") as fh:
            try:
                first = next(iter(iter_array(fh, path)), None)
            except InputError:
                first = None
        if isinstance(first, dict):
            if isinstance(first.get("media"), list):
                return "instagram"
            if any(k in first for k in ("data", "attachments", "timestamp")):
                return "facebook"
    raise InputError(f"{path}: cannot tell which export this JSON is; "
                     f"use --input-format ({', '.join(FORMATS)})", source=path)


def detect_format(path: str) -> str:
    """The format of an input, from its name and first bytes."""
    if path == "-":
        return "jsonl"
    if os.path.isdir(path):
        if twitter_files(path):
            return "twitter"
        if facebook_files(path):
            return "facebook"
        if instagram_files(path):
            return "instagram"
        return "folder"
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder", source=path)
    ext = os.path.splitext(path)[1].lower()
    if os.path.isfile(path) and is_zip(path):
        return zip_format(path)  # X, Facebook and Instagram exports are read as .zip
    start = head(path).lstrip(b"\xef\xbb\xbf \t\r\n")
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext in (".csv", ".tsv"):
        return "csv"
    if start.startswith(b"window.YTD"):
        return "twitter"
    if start.startswith((b"<?xml", b"<rss")) or ext in (".xml", ".wxr"):
        if b"wordpress.org/export" in head(path, 1 << 16):
            return "wordpress"
        raise InputError(f"{path}: XML that is not a WordPress export (WXR)", source=path)
    if ext == ".json":
        return _sniff_json(path)
    if ext in DRAFT_EXTS:
        return "draft"
    if start.startswith(b"{"):
        return "jsonl"
    raise InputError(f"{path}: cannot tell the format; use --input-format "
                     f"({', '.join(FORMATS)})", source=path)


def open_input(path: str, fmt: str | None = None, *, lazy: bool = False,
               ) -> tuple[str, Callable[[], Iterator[Any]]]:
    """Check an input before the run starts: (its format, a function that reads it).
    With `lazy`, JSONL lines come as unparsed `RawLine`s (see `simple.parse_line`)."""
    fmt = fmt or detect_format(path)
    if fmt not in READERS:
        raise InputError(f"unknown input format '{fmt}'; formats: {', '.join(FORMATS)}")
    if path == "-" and fmt != "jsonl":
        raise InputError(f"standard input (-) is read as JSONL only; save the {fmt} input to "
                         "a file and pass its name", source=path)
    if path != "-" and not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder", source=path)
    if os.path.isfile(path) and is_zip(path):
        check_zip(path, fmt)  # a broken .zip stops the run before it starts
    reader = iter_jsonl_raw if lazy and fmt == "jsonl" else READERS[fmt]
    return fmt, lambda: reader(path)


def iter_posts(path: str, fmt: str | None = None) -> Iterator[Item]:
    """Every post of one input, in order (see the module docstring)."""
    return open_input(path, fmt)[1]()


__all__ = ["FORMATS", "READERS", "Item", "RawLine", "detect_format", "iter_posts", "open_input",
           "parse_line"]
