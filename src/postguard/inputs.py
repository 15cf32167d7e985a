"""Reading drafts and batch files. Every failure is an `InputError` naming the file."""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from .errors import InputError
from .model import Post

MAX_POST_BYTES = 50 * 1024 * 1024


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the draft as UTF-8",
            source=name,
        ) from None


def open_binary(path: str | os.PathLike[str], *, folder: str = "a file", missing: str = "file",
                error: type[InputError] = InputError) -> IO[bytes]:
    """Open a file to read, or raise `error` with one line naming it: "X: no such file",
    "X: is a folder, not a file", "X: permission denied", "X: cannot read (...)"."""
    name = os.fspath(path)
    try:
        if os.path.isdir(path):
            raise error(f"{name}: is a folder, not {folder}", source=name)
        return open(path, "rb")
    except FileNotFoundError:
        raise error(f"{name}: no such {missing}", source=name) from None
    except PermissionError:
        raise error(f"{name}: permission denied", source=name) from None
    except OSError as exc:
        raise error(f"{name}: cannot read ({exc.strerror})", source=name) from None


def read_text(path: str) -> str:
    """A draft from a file, or from standard input when `path` is "-"."""
    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    with open_binary(path, folder="a draft file") as fh:
        try:
            data = fh.read(MAX_POST_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})", source=path) from None
    if len(data) > MAX_POST_BYTES:
        raise InputError(f"{path}: larger than {MAX_POST_BYTES // 2**20} MB", source=path)
    return decode(data, path)


#: The keys of a post record; other keys (an export's own) are ignored unless one looks like
#: a mistyped postguard key.
RECORD_KEYS = ("id", "text", "images", "metadata")


def _check_keys(record: dict[str, Any], where: str) -> None:
    """A key near a record key ("txt", "image", "meta") or a record with nothing to screen is
    an error: either would be screened as an empty post and allowed."""
    for key in record:
        if key in RECORD_KEYS or not isinstance(key, str):
            continue
        low = key.lower()
        near = [k for k in RECORD_KEYS if len(low) > 2 and k.startswith(low)] or (
            difflib.get_close_matches(low, RECORD_KEYS, n=1, cutoff=0.8))
        if near:
            raise InputError(f"{where}: unknown key '{key[:40]}'; did you mean '{near[0]}'?")
    if "text" not in record and "images" not in record:
        keys = ", ".join(k[:40] for k in list(record)[:10]) or "none"
        raise InputError(f"{where}: no 'text' or 'images' to screen (keys: {keys})")


def post_from_record(record: Any, where: str, default_id: str) -> Post:
    """A Post from one JSON object ({"id", "text", "images", "metadata"})."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    _check_keys(record, where)
    text = record.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string")
    images = record.get("images") or []
    if isinstance(images, str):
        images = [images]
    if not isinstance(images, list) or not all(isinstance(i, str) for i in images):
        raise InputError(f"{where}: 'images' must be a list of paths")
    metadata = record.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise InputError(f"{where}: 'metadata' must be an object")
    pid = record.get("id", default_id)
    return Post(text=text, images=tuple(images), id=str(pid) if pid is not None else default_id,
                metadata=metadata)


def iter_jsonl(path: str) -> Iterator[tuple[str, Post | InputError]]:
    """(id, Post) for each line of a JSONL file, or (id, InputError) for a malformed line.

    A line that cannot be parsed keeps its place: its id is the one it names when that can be
    read, else "<file>:<line>". Blank lines are skipped.
    """
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", source=path) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", source=path) from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            where = f"{os.path.basename(path)}:{lineno}"
            try:
                record = json.loads(decode(raw, where))
                post = post_from_record(record, where, where)
            except InputError as exc:
                yield guess_id(raw, where), exc
                continue
            except (json.JSONDecodeError, RecursionError) as exc:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
                yield guess_id(raw, where), InputError(f"{where}: not valid JSON ({msg})")
                continue
            yield post.id or where, post


def guess_id(raw: bytes, fallback: str) -> str:
    """The id a malformed line names, when it can be read; else `fallback`."""
    try:
        obj = json.loads(raw)
        if isinstance(obj, dict) and isinstance(obj.get("id"), (str, int)):
            return str(obj["id"])
    except (ValueError, RecursionError):
        pass
    return fallback
