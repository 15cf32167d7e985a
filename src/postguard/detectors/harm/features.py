"""The n-gram features of the harm model, shared by training (`models/train/harm/train.py`)
and inference, so that both read a text the same way.

A text is normalised without changing its length (NFKC and lower case when they keep the
length, every digit becomes 0, every space-like character a plain space), so a feature's
position in the normalised text is its position in the original text. Its features are
occurrences of

- character 2- to 5-grams of the normalised text (these also read Chinese, Japanese, Arabic
  and misspellings without a tokenizer), and
- word 1- and 2-grams (words are runs of letters, digits and marks).

Each n-gram is a 64-bit key: a polynomial hash of its code points modulo 2**64, computed for
all n-grams at once from prefix sums in numpy, mixed with its kind and length. The hash is
fixed arithmetic (never Python's `hash()`, whose seed changes per process), so keys are the
same in every process and on every machine. A text's feature vector is the count of each key
divided by the square root of the number of occurrences (a length normaliser that needs
nothing but the text).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

import numpy as np

#: Bump when the features change: a model built for another version is stale.
FEATURE_VERSION = 2

CHAR_SIZES = (2, 3, 4, 5)
WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s")
_DIGIT = re.compile(r"\d")
# The same substitutions, leaving out the characters they would replace by themselves ("0"
# and " ", most of a text's spaces): the same result, with a fraction of the replacements.
_OTHER_SPACES = re.compile(r"[^\S ]")
_OTHER_DIGITS = re.compile(r"[^\D0]")
# What `normalise` does to an ASCII text after lower-casing (NFKC leaves ASCII alone): the
# characters `_DIGIT` and `_SPACES` match, in one `str.translate`.
_ASCII_FOLD = {i: ("0" if _DIGIT.match(chr(i)) else " ") for i in range(128)
               if _DIGIT.match(chr(i)) or _SPACES.match(chr(i))}

_U = np.uint64
_BASE = _U(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = _U(pow(0x100000001B3, -1, 1 << 64))
_MIX = _U(0x9E3779B97F4A7C15)
_WORD_TAG = _U(0xC2B2AE3D27D4EB4F)
_PAIR_TAG = _U(0x165667B19E3779F9)


class _Tables:
    """BASE**j, BASE**-j, BASE**-j * MIX and the sum of BASE**i for i <= j, modulo 2**64,
    for j < size."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.powers = np.concatenate([np.ones(1, _U), np.cumprod(np.full(size - 1, _BASE, _U))])
        self.inverse = np.concatenate([np.ones(1, _U),
                                       np.cumprod(np.full(size - 1, _BASE_INV, _U))])
        self.inverse_mix = self.inverse * _MIX
        self.power_sums = np.add.accumulate(self.powers)


_tables_held = _Tables(4096)


def normalise(text: str) -> str:
    """`text` lower-cased (NFKC first), digits as 0, spaces as ' ', of the same length.

    A character whose normal form has another length is lower-cased alone, or kept."""
    if text.isascii():  # the same result, without the Unicode passes
        return text.lower().translate(_ASCII_FOLD)
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) != len(text):
        folded = "".join(_one(c) for c in text)
    low = folded.lower()
    if len(low) != len(folded):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    low = _OTHER_DIGITS.sub("0", low)
    return _OTHER_SPACES.sub(" ", low)


def _one(c: str) -> str:
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


def _tables(size: int) -> _Tables:
    """The hash tables for texts of up to `size` - 1 characters (grown on demand, kept)."""
    global _tables_held
    held = _tables_held  # one object, replaced whole: safe to read from several threads
    if held.size < size:
        held = _Tables(max(size, 2 * held.size))
        _tables_held = held
    return held


# Word characters (what `WORD_RE`'s \w matches: str.isalnum() or "_") of every code point,
# a page of 4096 filled in when a text first uses it.
_PAGE = 12
_word_chars = np.zeros(0x110000, dtype=bool)
_pages_done: set[int] = set()
_pages_lock = threading.Lock()


def _word_table(points: np.ndarray) -> np.ndarray:
    """`_word_chars`, with the pages of `points` filled in."""
    if 0 in _pages_done and int(points.max()) >> _PAGE == 0:
        return _word_chars  # nearly every text: only the first page, filled in
    wanted = set(np.unique(points >> _PAGE).tolist()) - _pages_done
    if wanted:
        with _pages_lock:
            for page in sorted(wanted - _pages_done):
                lo = page << _PAGE
                _word_chars[lo:lo + (1 << _PAGE)] = [
                    chr(i).isalnum() or chr(i) == "_" for i in range(lo, lo + (1 << _PAGE))]
                _pages_done.add(page)
    return _word_chars


class Occurrences:
    """The n-gram occurrences of a normalised text: `keys` (64-bit, character n-grams of
    each size in CHAR_SIZES order, then word 1-grams, then word 2-grams) and, computed when
    asked, `starts` (where each occurrence starts in the text)."""

    __slots__ = ("keys", "_size", "_fits", "_words")

    def __init__(self, keys: np.ndarray, size: int, fits: list[int], words: np.ndarray) -> None:
        self.keys = keys
        self._size = size
        self._fits = fits
        self._words = words  # word starts (intp)

    def runs(self) -> list[tuple[int, int, np.ndarray | None]]:
        """The occurrences in runs of rising starts: (first row, rows, starts) of the
        character n-grams of each size (starts None: they are 0, 1, 2, ...), the words and
        the word pairs."""
        out: list[tuple[int, int, np.ndarray | None]] = []
        row = 0
        for n in self._fits:
            out.append((row, self._size - n + 1, None))
            row += self._size - n + 1
        ws = self._words
        if len(ws):
            out.append((row, len(ws), ws))
            out.append((row + len(ws), len(ws) - 1, ws[:-1]))
        return out

    @property
    def starts(self) -> np.ndarray:
        ws = self._words.astype(np.int64, copy=False)
        return np.concatenate([_char_starts(self._size, tuple(self._fits)), ws, ws[:-1]])


@functools.lru_cache(maxsize=256)
def _cached_char_starts(size: int, fits: tuple[int, ...]) -> np.ndarray:
    out = np.concatenate([np.zeros(0, np.int64),
                          *(np.arange(size - n + 1, dtype=np.int64) for n in fits)])
    out.flags.writeable = False  # shared between texts of one size
    return out


def _char_starts(size: int, fits: tuple[int, ...]) -> np.ndarray:
    """The starts of the character n-grams of a text of `size` characters, each size in
    `fits` in turn (the same for every text of that size: kept for short texts)."""
    if size <= 1024:
        return _cached_char_starts(size, fits)
    return np.concatenate([np.zeros(0, np.int64),
                           *(np.arange(size - n + 1, dtype=np.int64) for n in fits)])


def occurrences(norm: str) -> Occurrences:
    """The n-gram occurrences of the normalised text `norm` (see `keys`)."""
    size = len(norm)
    if size == 0:
        return Occurrences(np.zeros(0, _U), 0, [], np.zeros(0, np.int64))
    top = CHAR_SIZES and max(CHAR_SIZES)
    tables = _tables(size + top + 1)
    points = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)
    # prefix[j] = sum over i < j of (point_i + 1) * BASE**i; zeros past the text, so that the
    # strided view below never reads outside the array.
    prefix = np.zeros(size + top + 1, _U)
    body = prefix[1:size + 1]
    np.multiply(points, tables.powers[:size], out=body)
    np.add.accumulate(body, out=body)
    body += tables.power_sums[:size]
    parts: list[np.ndarray] = []
    fits = [n for n in CHAR_SIZES if size >= n]
    if fits:
        # Row r, column a: the hash of the n-gram of size fits[r] at a, times MIX, plus its
        # size; a row's columns past its last n-gram are cut off below.
        lo = min(fits)
        width = size - lo + 1
        if fits[-1] - fits[0] == len(fits) - 1 and fits == sorted(fits):
            ends = np.ndarray((len(fits), width), _U, prefix, lo * 8, (8, 8))
        else:
            ends = np.stack([prefix[n:n + width] for n in fits])
        grid = ends - prefix[:width]
        grid *= tables.inverse_mix[:width]
        grid += _sizes_column(tuple(fits))
        parts += [grid[r, :size - n + 1] for r, n in enumerate(fits)]
    ws, we = _word_bounds(norm, points)
    if len(ws):
        words = (prefix[we] - prefix[ws]) * tables.inverse[ws]
        mixed = words * _MIX
        parts.append(mixed + _WORD_TAG)
        if len(ws) > 1:
            pairs = mixed[:-1] + words[1:]
            pairs *= _MIX
            pairs += _PAIR_TAG
            parts.append(pairs)
    found = np.concatenate(parts) if parts else np.zeros(0, _U)
    return Occurrences(found, size, fits, ws)


_columns: dict[tuple[int, ...], np.ndarray] = {}


def _sizes_column(fits: tuple[int, ...]) -> np.ndarray:
    col = _columns.get(fits)
    if col is None:
        col = _columns[fits] = np.array(fits, _U)[:, None]
    return col


def _word_bounds(norm: str, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of word characters (WORD_RE's matches) in `norm`."""
    inside = np.zeros(len(points) + 2, dtype=bool)
    # An ASCII text uses only the first page of the table (filled in on first use).
    table = _word_chars if norm.isascii() and 0 in _pages_done else _word_table(points)
    table.take(points, out=inside[1:-1])  # the methods: np.take and np.flatnonzero wrap them
    edges = (inside[1:] != inside[:-1]).nonzero()[0]
    return edges[0::2], edges[1::2]


def keys(norm: str) -> tuple[np.ndarray, np.ndarray]:
    """(keys, starts): a 64-bit key and a start position for every n-gram occurrence of the
    normalised text `norm` (character n-grams of the CHAR_SIZES, then word 1-grams, then word
    2-grams)."""
    occ = occurrences(norm)
    return occ.keys, occ.starts


def text_keys(text: str) -> np.ndarray:
    """Every feature key of `text` (training uses this; order is irrelevant)."""
    return occurrences(normalise(text)).keys
