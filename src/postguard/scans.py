"""Whole-text regex scans with their leading look-behind checked in Python.

A pattern that starts with a look-behind or a \\b has no first characters the regex engine
can skip to, so it tries the whole pattern at every position of the text; on a long post
that is most of a scan's cost. Written without it, the pattern starts with its words' first
characters, and these generators refuse the matches the look-behind would have refused: a
refused start resumes the search one character on, so the matches are exactly those of the
pattern with its look-behind (for patterns that never match an empty string).

`fold_ascii` makes a text that a case-sensitive search for a lower-case ASCII pattern reads
as an IGNORECASE search reads the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator


def not_after(rx: re.Pattern[str], text: str,
              before: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` as if `rx` began with `(?<!B)`, where `before` is the pattern B
    of one character."""
    m = rx.search(text)
    while m is not None:
        s = m.start()
        if s and before.match(text, s - 1) is not None:
            m = rx.search(text, s + 1)
            continue
        yield m
        m = rx.search(text, m.end())


def after(rx: re.Pattern[str], text: str, before: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` as if `rx` began with `(?<=B)`, where `before` is the pattern B
    of one character."""
    m = rx.search(text)
    while m is not None:
        s = m.start()
        if not s or before.match(text, s - 1) is None:
            m = rx.search(text, s + 1)
            continue
        yield m
        m = rx.search(text, m.end())


def is_word(c: str) -> bool:
    """A character that \\w matches (str patterns: alphanumeric or "_")."""
    return c.isalnum() or c == "_"


def after_boundary(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` as if `rx` began with \\b: a match that starts where a word
    character meets a character of the same kind is refused."""
    size = len(text)
    m = rx.search(text)
    while m is not None:
        s = m.start()
        if (s > 0 and is_word(text[s - 1])) == (s < size and is_word(text[s])):
            m = rx.search(text, s + 1)
            continue
        yield m
        m = rx.search(text, m.end())


# The only characters other than an ASCII letter's two cases that an IGNORECASE search
# matches with that letter (İ and K lower-case to i and k; ı and ſ are case variants of i and
# s); tests/test_speed_equivalence.py checks this over every character.
FOLDS_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def fold_ascii(text: str) -> str:
    """The text lower-cased, with the four characters above made their ASCII letter: a
    case-sensitive search of it for a pattern of lower-case ASCII letters, digits and
    punctuation finds what an IGNORECASE search of the text finds, at the same offsets
    (every character stays one character)."""
    for c, letter in FOLDS_TO_ASCII.items():
        if c in text:
            text = text.replace(c, letter)
    return text.lower()



# -- a scan of a long text tried only where a cheap gate says a match may start ---------------
# A pattern with no first characters the engine can skip to (an IGNORECASE alternation, a
# group of alternations, a leading \b) is tried at every position of the text; on a long post
# each such pass costs tens of milliseconds. A gate is a pattern the engine does skip to (a
# flat alternation of lower-case words, searched in the folded text) that matches wherever
# the exact pattern may start; the exact pattern is then tried only at those places.

def gate_starts(gate: re.Pattern[str], text: str) -> list[int]:
    """Every position at which `gate` matches in `text`, overlapping ones included."""
    out: list[int] = []
    m = gate.search(text)
    while m is not None:
        s = m.start()
        out.append(s)
        m = gate.search(text, s + 1)
    return out


def near(hits: Iterable[int], lo: int, hi: int, size: int) -> Iterator[int]:
    """The positions hit+lo .. hit+hi (within 0 .. size) of every hit, ascending, each once;
    `hits` ascending."""
    nxt = 0
    for h in hits:
        yield from range(max(h + lo, nxt, 0), min(h + hi, size) + 1)
        nxt = max(nxt, h + hi + 1)


def matches_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` when `starts` (ascending) holds every position where a match of
    `rx` may start (more do no harm) and `rx` never matches an empty string: the leftmost
    match at or after the end of the last is the first candidate at which `rx` matches."""
    end = 0
    for p in starts:
        if p < end:
            continue
        m = rx.match(text, p)
        if m is not None:
            yield m
            end = m.end()


@functools.lru_cache(maxsize=2)
def folded(text: str) -> str:
    """`fold_ascii(text)`, kept for the last two texts: several detectors read it."""
    return fold_ascii(text)


def word_gate(words: Iterable[str], space: str = r"\s?") -> str:
    """A pattern that matches where one of `words` (lower-case; a space in one stands for
    `space`) begins, factored by first letters ("s(?:nap|c)|t(?:ag|witter)"): the regex engine
    skips to the letters and tries one branch there, not every word."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        groups.setdefault(w[0], []).append(w[1:])
    alts = []
    for c, rests in groups.items():
        head = space if c == " " else re.escape(c)
        tails = [re.escape(r).replace(r"\ ", space) for r in rests]
        alts.append(head if "" in tails else head + "(?:" + "|".join(tails) + ")")
    return "|".join(alts)
