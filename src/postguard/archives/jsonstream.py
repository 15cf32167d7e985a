"""Streaming reader for the large JSON arrays of platform exports.

Exports hold one JSON array of posts (X's `tweets.js` behind a `window.YTD... =` prefix,
Meta's posts files, sometimes wrapped in an object). `iter_array` yields one element at a
time with `raw_decode` over a growing buffer, so memory holds one post, not the archive.
A file that is not a JSON array, or breaks off, raises `InputError` naming the file and the
byte offset, after the elements before it.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from ..errors import InputError

_CHUNK = 1 << 16
#: One element bigger than this is not a post: stop instead of reading the file into memory.
MAX_ELEMENT_CHARS = 64 * 1024 * 1024
_WS = " \t\r\n"
_NUMBER = frozenset("0123456789+-.eE")


class _Reader:
    def __init__(self, fh: IO[bytes], name: str) -> None:
        self.fh = fh
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # characters dropped from the front of buf

    def fill(self) -> bool:
        if self.eof:
            return False
        data = self.fh.read(_CHUNK)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise InputError(f"{self.name}: not UTF-8 text", source=self.name) from None
        if not data:
            self.eof = True
        if self.pos > _CHUNK:
            self.consumed += self.pos
            self.buf = self.buf[self.pos:]
            self.pos = 0
        self.buf += text
        return bool(data) or bool(text)

    def skip_ws(self) -> str:
        """The next non-space character (not consumed), or "" at the end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.fill():
                return ""

    def broken(self, what: str) -> InputError:
        return InputError(
            f"{self.name}: broken export ({what} at character {self.consumed + self.pos})",
            source=self.name,
        )


_decoder = json.JSONDecoder()


def _decode(r: _Reader) -> Any:
    """The JSON value at the reader's position (read on until it is whole)."""
    while True:
        try:
            value, end = _decoder.raw_decode(r.buf, r.pos)
        except json.JSONDecodeError:
            if len(r.buf) - r.pos > MAX_ELEMENT_CHARS:
                raise r.broken("an element larger than 64 MB") from None
            if r.fill():
                continue
            raise r.broken("invalid JSON") from None
        except RecursionError:
            raise r.broken("JSON nested too deeply") from None
        # A number cut by the chunk boundary decodes short ("2.6" of "2.6e+62"): make
        # sure it ended before the buffer did.
        if (not r.eof and not isinstance(value, (dict, list, str))
                and all(ch in _NUMBER for ch in r.buf[end:]) and r.fill()):
            continue
        r.pos = end
        return value


def _elements(r: _Reader) -> Iterator[Any]:
    """The elements of the array whose "[" the reader has just passed, up to its "]"."""
    first = True
    while True:
        c = r.skip_ws()
        if c == "":
            raise r.broken("file ends inside the array")
        if c == "]":
            r.pos += 1
            return
        if not first:
            if c != ",":
                raise r.broken("expected ',' between elements")
            r.pos += 1
            if r.skip_ws() == "":
                raise r.broken("file ends inside the array")
        first = False
        yield _decode(r)


def _first_list(r: _Reader) -> Iterator[Any]:
    """The elements of the first array value of the object whose "{" the reader has just
    passed (`{"status_updates_v2": [...]}`); the other values are read one at a time."""
    found = False
    first = True
    while True:
        c = r.skip_ws()
        if c == "":
            raise r.broken("file ends inside the object")
        if c == "}":
            r.pos += 1
            break
        if not first:
            if c != ",":
                raise r.broken("expected ',' between members")
            r.pos += 1
            c = r.skip_ws()
        first = False
        if c != '"':
            raise r.broken("expected a key")
        _decode(r)
        if r.skip_ws() != ":":
            raise r.broken("expected ':' after a key")
        r.pos += 1
        if r.skip_ws() == "[" and not found:
            found = True
            r.pos += 1
            yield from _elements(r)
        else:
            _decode(r)
    if not found:
        raise InputError(f"{r.name}: broken export (no list of posts)", source=r.name)


def iter_array(fh: IO[bytes], name: str, *, prefix: bool = False,
               wrapped: bool = False) -> Iterator[Any]:
    """Each element of the JSON array in `fh`. With `prefix`, text before the first `=`
    (as in `window.YTD.tweets.part0 = [...]`) is skipped. With `wrapped`, an object whose
    first array value holds the elements is read too (some Meta export versions)."""
    r = _Reader(fh, name)
    if prefix:
        while "=" not in r.buf[r.pos:]:
            if len(r.buf) > _CHUNK * 4 or not r.fill():
                raise r.broken("no 'window.YTD... =' assignment")
        r.pos = r.buf.index("=", r.pos) + 1
    c = r.skip_ws()
    if wrapped and c == "{":
        r.pos += 1
        yield from _first_list(r)
    elif c == "[":
        r.pos += 1
        yield from _elements(r)
    else:
        raise r.broken("expected a JSON array")
    tail = r.skip_ws()
    if tail not in ("", ";"):
        raise r.broken("unexpected data after the array")
