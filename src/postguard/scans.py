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
import heapq
import re
import re._constants as _c
import re._parser as _p
from collections.abc import Iterable, Iterator
from re._compiler import _EXTRA_CASES
from re._compiler import _get_charset_prefix as _charset_prefix
from re._compiler import _get_literal_prefix as _literal_prefix
from typing import Any


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


@functools.lru_cache(maxsize=4)
def folded(text: str) -> str:
    """`fold_ascii(text)`, kept for the last four texts: several detectors read it (and of
    one post, some read the text and some a lower-cased copy)."""
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


# -- a gate made from a pattern's own first characters ----------------------------------------
_PREFIX = 3  # characters of each possible beginning
_MAX_BEGINNINGS = 400


def _gate_char(ch: str, ignorecase: bool) -> str | None:
    """What `ch` (a literal of the pattern) is in the folded text wherever the pattern matches
    it, or None when that is not one character (the Greek letters IGNORECASE matches with a
    second lower case)."""
    f = fold_ascii(ch)
    if len(f) != 1 or (ignorecase and not f.isascii() and ord(f) in _EXTRA_CASES):
        return None
    return f


_Begin = list[tuple[str, bool]]  # (a beginning, whether the part it covers is complete)


def _item(op: object, av: Any, icase: bool, room: int) -> _Begin:
    """The beginnings (up to `room` characters) of one parsed item: ("", False) where
    nothing can be said."""
    if room <= 0:
        return [("", False)]
    if op is _c.LITERAL:
        ch = _gate_char(chr(av), icase)
        return [(ch, True)] if ch is not None else [("", False)]
    if op is _c.IN:
        chars: list[str] = []
        for kind, val in av:
            if kind is _c.LITERAL:
                chars.append(chr(val))
            elif kind is _c.RANGE and val[1] - val[0] < 16:
                chars.extend(chr(c) for c in range(val[0], val[1] + 1))
            else:
                return [("", False)]
        out = {_gate_char(c, icase) for c in chars}
        if None in out:
            return [("", False)]
        # a class of more than four characters ends a beginning: longer ones would not pay
        return [(c, len(out) <= 4) for c in sorted(c for c in out if c is not None)]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [("", True)]  # takes no character
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        if (add | remove) & (re.ASCII | re.LOCALE):
            return [("", False)]
        return _seq(sub.data, bool(add & re.IGNORECASE) or (icase and not remove & re.IGNORECASE),
                    room)
    if op is _c.BRANCH:
        found: _Begin = []
        for alt in av[1]:
            found.extend(_seq(alt.data, icase, room))
        return found
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        if high == 0:
            return [("", True)]
        if sub.getwidth()[0] == 0:
            return [("", False)]
        # x{low,high} is x then x{low-1,high-1}; x{0,high} is nothing or x{1,high} (each x
        # takes a character: `room` shrinks)
        if low == 0:
            return [("", True)] + _item(op, (1, high, sub), icase, room)
        return _seq([(_c.SUBPATTERN, (None, 0, 0, sub)), (op, (low - 1, high - 1, sub))], icase,
                    room)
    return [("", False)]


def _seq(items: list[tuple[object, Any]], icase: bool, room: int = _PREFIX) -> _Begin:
    """The beginnings (up to `room` characters) of the matches of a parsed sequence."""
    begins: _Begin = [("", True)]
    for op, av in items:
        open_ = [len(s) for s, done in begins if done and len(s) < room]
        if not open_:
            break
        parts = _item(op, av, icase, room - min(open_))
        nxt: dict[str, bool] = {}
        for s, done in begins:
            if not done or len(s) >= room:
                nxt[s] = nxt.get(s, True) and done
                continue
            for p, pdone in parts:
                nxt[s + p] = nxt.get(s + p, True) and pdone
        begins = [(s[:room], done and len(s) <= room) for s, done in nxt.items()]
        if len(begins) > _MAX_BEGINNINGS:
            return [("", False)]
    return begins


@functools.cache
def beginnings(source: str, flags: int) -> tuple[str, ...] | None:
    """Every way a match of the pattern can begin in the folded text (its first characters,
    up to three; a shorter one where the pattern's next part is not a literal or a small
    class), or None when some match could begin anywhere or be empty."""
    if flags & (re.ASCII | re.LOCALE | re.VERBOSE):
        return None
    try:
        parsed = _p.parse(source, flags)
    except re.error:
        return None
    if parsed.getwidth()[0] == 0:
        return None  # an empty match: matches_at does not hold
    found = {s for s, _ in _seq(parsed.data, bool(flags & re.IGNORECASE))}
    if not found or "" in found:
        return None
    return tuple(sorted(found))


@functools.cache
def _own_gates(source: str, flags: int) -> tuple[re.Pattern[str], ...]:
    """The gates of a pattern (none: it is not worth gating): one for its one-character
    beginnings (a class, which the engine skips to) and one for the longer ones (factored by
    first character)."""
    begins = beginnings(source, flags)
    if begins is None or any(len(b) == 1 and b.isascii() and b.isalpha() for b in begins):
        return ()  # a match may begin at any "a": the gate would not pay
    parsed = _p.parse(source, flags)
    if _literal_prefix(parsed, flags)[0] or _charset_prefix(parsed, flags) is not None:
        return ()  # the engine skips to the pattern's own first characters already
    single = "".join(b for b in begins if len(b) == 1)
    longer = [b for b in begins if len(b) > 1]
    gates = [re.compile("[" + "".join(_class_char(c) for c in single) + "]")] if single else []
    return (*gates, *([re.compile(word_gate(longer, space=" "))] if longer else []))


def _class_char(c: str) -> str:
    return "\\" + c if c in "\\]^-[" else c


LONG_TEXT = 4096  # characters: below this a plain scan costs less than a gate's


def gated_finditer(rx: re.Pattern[str], text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """`rx.finditer(text, pos)`, on a long text tried only where the pattern's own beginnings
    (`beginnings`) are found in the folded text."""
    if len(text) < LONG_TEXT:
        return rx.finditer(text, pos)
    gates = _own_gates(rx.pattern, rx.flags)
    if not gates:
        return rx.finditer(text, pos)
    fold = folded(text)
    hits = gate_hits(gates[0], fold, pos) if len(gates) == 1 else \
        heapq.merge(*(gate_hits(g, fold, pos) for g in gates))
    return matches_at(rx, text, hits)


def gated_search(rx: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    """`rx.search(text, pos)`, as `gated_finditer` finds it."""
    if len(text) < LONG_TEXT:
        return rx.search(text, pos)
    return next(gated_finditer(rx, text, pos), None)


def gate_hits(gate: re.Pattern[str], text: str, pos: int = 0) -> Iterator[int]:
    """`gate_starts` one at a time, from `pos`."""
    m = gate.search(text, pos)
    while m is not None:
        s = m.start()
        yield s
        m = gate.search(text, s + 1)
