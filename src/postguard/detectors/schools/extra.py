"""School names the `school` detector's span rules cannot see, because no capitalised school
word ends them: a saint's name alone where the words around say it is a school ("she goes to
St Bede's", "St Aelred's pupils"; not "St Paul's Cathedral"), and names written all in
lowercase with no saint or foreign word ("the kids at beechwood primary"). The cue words,
place-name endings and traps live in `data/school-words.toml` ([saint_only],
[lowercase_names]). Written by the postguard project.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...datafiles import load_toml
from ...lazy_patterns import lazy_compile
from ...scans import gated_finditer
from .words import Lexicon

# "St Bede's", "Saint Aelred’s", "St Peter and St Paul's", "St James'": a saint and a possessive.
# Written lowercase ("st bede's") it counts only after a cue.
_SAINT = re.compile(
    r"(?<![\w'’.])(?:St\.?|Saint|ST\.?|SAINT|st\.?|saint)[ \t]+[A-Za-z][\w-]*"
    r"(?:[ \t]+(?:and|&)[ \t]+(?:[Ss]t\.?[ \t]+)?[A-Za-z][\w-]*)?(?:['’][sS]|[sS]['’])"
    r"(?![\w'’])"
)
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_WORD = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’]s?$")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
_REACH = 90  # characters looked at before a lowercase school word


_SAINT_WORDS = frozenset({"St", "St.", "Saint", "ST", "ST.", "SAINT", "st", "st.", "saint"})
# What may stick to a lowercase school word in `text.split()` ("primary.", "school's").
_STUCK = ("", ".", ",", "!", "?", ";", ":", ")", "'s", "’s", "!!", "...", "'", "’")


@dataclass(frozen=True)
class Extra:
    triggers: frozenset[str]  # whole words (text.split()) without which nothing is found
    saint_before: re.Pattern[str]  # a cue phrase ending the text before a saint's name
    saint_after: frozenset[str]
    cues: frozenset[str]
    endings: tuple[str, ...]
    not_names: frozenset[str]
    stuck: dict[str, str]  # "primary.", "school's" ... -> the school word


def load_extra(lex: Lexicon) -> Extra:
    """The cue words and patterns, built once per detector."""
    table = load_toml("school-words.toml")
    saint = table["saint_only"]
    lower = table["lowercase_names"]
    before = sorted((str(p) for p in saint["before"]), key=len, reverse=True)
    ends = sorted(lex.strong | lex.weak, key=len, reverse=True)
    return Extra(
        triggers=_SAINT_WORDS | frozenset(e + t for e in ends for t in _STUCK),
        saint_before=lazy_compile(
            r"(?<![\w'’])(?i:" + "|".join(r"[ \t]+".join(re.escape(w) for w in p.split())
                                          for p in before) + r")[ \t]+\Z"
        ),
        saint_after=frozenset(str(w) for w in saint["after"]),
        cues=frozenset(str(w) for w in lower["cues"]),
        endings=tuple(str(w) for w in lower["endings"]),
        not_names=frozenset(str(w) for w in lower["not_names"]),
        stuck={e + t: e for e in ends for t in _STUCK},
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """`spans` sorted and apart: does one overlap start..end?"""
    k = bisect.bisect_left(spans, (end, end)) - 1
    return k >= 0 and spans[k][1] > start


def extra_spans(text: str, lex: Lexicon, ex: Extra, taken: list[tuple[int, int]],
                words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of saint-only and lowercase school names in `text` that overlap none of
    `taken`. `words`: `text.split()`, or at least those of its words in `ex.triggers`."""
    if ex.triggers.isdisjoint(words):
        return []  # cheap: no saint and no lowercase school word stands alone in the text
    out = [] if _SAINT_WORDS.isdisjoint(words) else list(_saint_spans(text, ex))
    out += _lowercase_spans(text, lex, ex, words)
    taken = sorted(taken)
    return sorted(s for s in set(out) if not _overlaps(taken, *s))


def _saint_spans(text: str, ex: Extra) -> Iterator[tuple[int, int]]:
    for m in gated_finditer(_SAINT, text):
        nxt = _NEXT_WORD.match(text, m.end())
        word = nxt.group(1) if nxt else ""
        if m.group()[0] == "s" or m.group().split()[1][0].islower():
            if not m.group().islower():
                continue  # "st Bede's", "St bede's": a typo or a sentence, not a name
            if ex.saint_before.search(text, max(0, m.start() - 40), m.start()):
                yield m.span()  # "she attends st bede's"
        elif word.casefold() in ex.saint_after:
            yield m.span()  # "St Bede's pupils", "St Bede's Year 6"
        elif word[:1].isupper():
            continue  # "St Paul's Cathedral", "St Andrew's Day"
        elif ex.saint_before.search(text, max(0, m.start() - 40), m.start()):
            yield m.span()  # "she goes to St Bede's"


def _lowercase_spans(text: str, lex: Lexicon, ex: Extra,
                     words: list[str]) -> Iterator[tuple[int, int]]:
    present = {ex.stuck[w] for w in ex.triggers.intersection(words) if w in ex.stuck}
    hits: list[tuple[int, str]] = []
    for word in present:  # where each lowercase school word stands alone
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _joins(text[i - 1])) and (j == len(text) or not _joins(text[j])):
                hits.append((i, word))
            i = text.find(word, j)
    last_end = -1
    for at, word in sorted(hits):
        if at < last_end:
            continue
        end = _extend_kinds(text, lex, at + len(word))
        if word in lex.weak and end == at + len(word):
            nxt = _NEXT_WORD.match(text, end)
            if nxt and nxt.group(1).casefold() in lex.after:
                continue  # "beechwood high street"
        start = _name_start(text, lex, ex, at)
        if start is not None:
            last_end = end
            yield start, end


def _joins(c: str) -> bool:
    return c.isalnum() or c in "'’-_"


def _extend_kinds(text: str, lex: Lexicon, end: int) -> int:
    """The end of a run of lowercase kinds after a school word that ends in one too
    ("primary school", "junior academy")."""
    best = end
    pos = end
    for _ in range(3):
        nxt = _NEXT_WORD.match(text, pos)
        if not nxt or nxt.group(1) not in lex.types:
            break
        pos = nxt.end()
        word = _POSSESSIVE.sub("", nxt.group(1))
        if word in lex.strong or word in lex.weak:
            best = nxt.start(1) + len(word)  # "school's": the name ends before the 's
    return best


def _name_start(text: str, lex: Lexicon, ex: Extra, at: int) -> int | None:
    """Where the name starts before the school word at `at`: back over lowercase kinds, one
    or two name words (the last ending like a place), "the" and a cue word."""
    sp = text.rfind(" ", max(0, at - 40), at - 1)
    prev = text[sp + 1:at].rstrip(" \t")
    if prev not in lex.types and not _name_word(prev, lex, ex, last=True):
        return None  # cheap: most school words follow "the", "our", "at" ...
    lo = max(0, at - _REACH)
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, lo, at)]
    if lo > 0 and words:
        words = words[1:]  # perhaps cut in the middle
    k = len(words) - 1
    while k >= 0 and words[k][2] in lex.types and _spaced(text, words[k][1], at):
        at = words[k][0]
        k -= 1
    if k < 0 or not _spaced(text, words[k][1], at) or not _name_word(words[k][2], lex, ex,
                                                                      last=True):
        return None
    for first in (k - 1, k):  # two name words ("upper beechwood"), else one
        if first < 0 or (first < k and not (
                _spaced(text, words[first][1], words[k][0])
                and _name_word(words[first][2], lex, ex, last=False))):
            continue
        c = first - 1
        start = words[first][0]
        if c >= 0 and words[c][2].lower() == "the" and _spaced(text, words[c][1], start):
            start = words[c][0]
            c -= 1
        if c >= 0 and words[c][2].lower() in ex.cues and _spaced(text, words[c][1], start):
            return words[first][0]
    return None


def _spaced(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return 0 < len(gap) <= 3 and not gap.strip(" \t")


def _name_word(word: str, lex: Lexicon, ex: Extra, last: bool) -> bool:
    if not _LOWER_WORD.fullmatch(word) or len(word) < 4:
        return False
    if word in ex.not_names or word in lex.stop or word in lex.generic or word in lex.types \
            or word in lex.specialisms or word in lex.kind_before or word in lex.lower_not_name:
        return False
    if not last:
        return True
    return any(word.endswith(e) and len(word) >= len(e) + 2 for e in ex.endings)
