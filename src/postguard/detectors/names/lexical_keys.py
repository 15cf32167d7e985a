"""The string-store keys and word shapes of the name pipeline's lexical features, as spaCy
computes them: `hash_string` is MurmurHash64A of the UTF-8 bytes with seed 1 (the key spaCy's
StringStore gives a string), `word_shape` spaCy's SHAPE. `tests/detectors/names/
test_name_tokenizer.py` checks both against spaCy and thinc.
"""

from __future__ import annotations

import re
import struct

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1


def hash_string(text: str) -> int:
    """MurmurHash64A (seed 1) of the UTF-8 bytes: the key spaCy's StringStore gives a string."""
    data = text.encode("utf-8")
    n = len(data)
    h = 1 ^ ((n * _M) & _MASK)
    blocks = n // 8
    for (k,) in struct.iter_unpack("<Q", data[: blocks * 8]):
        k = (k * _M) & _MASK
        k ^= k >> 47
        k = (k * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    tail = data[blocks * 8:]
    if tail:
        h = ((h ^ int.from_bytes(tail, "little")) * _M) & _MASK
    h ^= h >> 47
    h = (h * _M) & _MASK
    return h ^ (h >> 47)


def word_shape(text: str) -> str:
    """Letters as X or x, digits as d, anything else as itself; runs cut at four ("LONG" from
    100 characters): spaCy's SHAPE."""
    if len(text) >= 100:
        return "LONG"
    shape = (text.translate(_ASCII_SHAPE) if text.isascii()
             else "".join(map(_shape_char, text)))
    return _LONG_RUN.sub(_first_four, shape) if len(shape) > 4 else shape


def _first_four(m: re.Match[str]) -> str:
    return m.group()[:4]


def _shape_char(c: str) -> str:
    if c.isalpha():
        return "X" if c.isupper() else "x"
    return "d" if c.isdigit() else c


_ASCII_SHAPE = {i: _shape_char(chr(i)) for i in range(128)}
_LONG_RUN = re.compile(r"(.)\1{4,}", re.DOTALL)
