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

import re
import unicodedata

import numpy as np

#: Bump when the features change: a model built for another version is stale.
FEATURE_VERSION = 2

CHAR_SIZES = (2, 3, 4, 5)
WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s")
_DIGIT = re.compile(r"\d")

_U = np.uint64
_BASE = _U(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = _U(pow(0x100000001B3, -1, 1 << 64))
_MIX = _U(0x9E3779B97F4A7C15)
_WORD_TAG = _U(0xC2B2AE3D27D4EB4F)
_PAIR_TAG = _U(0x165667B19E3779F9)
_tables_held = (np.ones(1, dtype=_U), np.ones(1, dtype=_U))


def normalise(text: str) -> str:
    """`text` lower-cased (NFKC first), digits as 0, spaces as ' ', of the same length.

    A character whose normal form has another length is lower-cased alone, or kept."""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) != len(text):
        folded = "".join(_one(c) for c in text)
    low = folded.lower()
    if len(low) != len(folded):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    low = _DIGIT.sub("0", low)
    return _SPACES.sub(" ", low)


def _one(c: str) -> str:
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


def _tables(size: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**j and BASE**-j modulo 2**64 for j < size (grown on demand, kept)."""
    global _tables_held
    held = _tables_held  # one tuple, replaced whole: safe to read from several threads
    if len(held[0]) < size:
        n = max(size, 2 * len(held[0]), 4096)
        held = (np.concatenate([np.ones(1, _U), np.cumprod(np.full(n - 1, _BASE, _U))]),
                np.concatenate([np.ones(1, _U), np.cumprod(np.full(n - 1, _BASE_INV, _U))]))
        _tables_held = held
    return held


def keys(norm: str) -> tuple[np.ndarray, np.ndarray]:
    """(keys, starts): a 64-bit key and a start position for every n-gram occurrence of the
    normalised text `norm` (character 2..5-grams, then word 1-grams, then word 2-grams)."""
    size = len(norm)
    if size == 0:
        return np.zeros(0, _U), np.zeros(0, np.int64)
    points = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(_U) + _U(1)
    powers, inverse = _tables(size + 1)
    prefix = np.zeros(size + 1, _U)
    np.cumsum(points * powers[:size], out=prefix[1:])

    def span_hash(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out: np.ndarray = (prefix[b] - prefix[a]) * inverse[a]
        return out

    all_keys, all_starts = [], []
    fits = [n for n in CHAR_SIZES if size >= n]
    if fits:
        ar = np.arange(size)
        a = np.concatenate([ar[: size - n + 1] for n in fits])
        lengths = np.repeat(np.array(fits), [size - n + 1 for n in fits])
        all_keys.append(span_hash(a, a + lengths) * _MIX + lengths.astype(_U))
        all_starts.append(a)
    bounds = [m.span() for m in WORD_RE.finditer(norm)]
    if bounds:
        ws = np.array([s for s, _ in bounds], dtype=np.int64)
        we = np.array([e for _, e in bounds], dtype=np.int64)
        words = span_hash(ws, we)
        all_keys.append(words * _MIX + _WORD_TAG)
        all_starts.append(ws)
        if len(bounds) > 1:
            all_keys.append((words[:-1] * _MIX + words[1:]) * _MIX + _PAIR_TAG)
            all_starts.append(ws[:-1])
    if not all_keys:
        return np.zeros(0, _U), np.zeros(0, np.int64)
    return np.concatenate(all_keys), np.concatenate(all_starts).astype(np.int64)


def text_keys(text: str) -> np.ndarray:
    """Every feature key of `text` (training uses this; order is irrelevant)."""
    return keys(normalise(text))[0]
