"""The n-gram features of the harm model, shared by training (`models/train/harm/train.py`)
and inference, so that both read a text the same way.

A text is normalised without changing its length (NFKC and lower case when they keep the
length, every digit becomes 0, every space-like character a plain space), so a feature's
position in the normalised text is its position in the original text. Its features are
occurrences of

- character 2- to 5-grams of the normalised text (these also read Chinese, Japanese, Arabic
  and misspellings without a tokenizer), and
- word 1- and 2-grams (words are runs of letters, digits and marks), prefixed with a byte
  that never occurs in text, so they never collide with a character n-gram.

Each occurrence counts once; a text's feature vector is the count of each n-gram divided by
the square root of the number of occurrences (a length normaliser that needs nothing but the
text). A vocabulary maps n-grams to rows: lookups in a `dict` are deterministic, whatever
Python's string hash seed is.
"""

from __future__ import annotations

import re
import unicodedata

#: Bump when the features change: a model built for another version is stale.
FEATURE_VERSION = 1

CHAR_SIZES = (2, 3, 4, 5)
WORD_PREFIX = "\x01"
WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s")
_DIGIT = re.compile(r"\d")


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


def char_grams(norm: str) -> list[tuple[str, int]]:
    """(n-gram, start) for every character 2..5-gram of the normalised text."""
    out: list[tuple[str, int]] = []
    size = len(norm)
    for n in CHAR_SIZES:
        out.extend((norm[i:i + n], i) for i in range(size - n + 1))
    return out


def word_grams(norm: str) -> list[tuple[str, int]]:
    """(prefixed word 1- or 2-gram, start) for the words of the normalised text."""
    words = [(m.group(0), m.start()) for m in WORD_RE.finditer(norm)]
    out = [(WORD_PREFIX + w, s) for w, s in words]
    pairs = zip(words, words[1:], strict=False)
    out.extend((WORD_PREFIX + a + " " + b, s) for (a, s), (b, _) in pairs)
    return out


def grams(text: str) -> list[str]:
    """Every feature occurrence of `text` (training uses this; order is irrelevant)."""
    norm = normalise(text)
    return [g for g, _ in char_grams(norm)] + [g for g, _ in word_grams(norm)]
