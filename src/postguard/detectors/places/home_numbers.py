"""Homes given as a house number and a road named without a suffix word, and house numbers
written the way other languages write them, for the `address` detector.

- right after a home cue: "lives at 9 Wickham, just off ...", "staying at 3 Ferndale with
  the Browns" (the road's name is one to three capitalised words and ends the clause);
- a number word of another language before the road: "vive en el número 8 de Florence Road",
  "abita al numero 5 di Kings Road", "mieszka pod numerem 4 na Elm Road";
- the number after the road in a sentence that says where someone lives, as German, Dutch
  and Polish write it: "wohnt bei ihrer Gastfamilie in der Ladies Mile 12, Patcham".

Each gives the span of the number and the road; the detector grows it over the locality,
town and postcode that follow (`postal.grow`). `attraction_address` tells the published
address of a museum, gallery or zoo a class visits ("the Science Museum, Exhibition Road,
London SW7 2DD"): a public place's, no one's home (a library's address, where a group meets,
stays an address). The words are data
(`data/place_cues.txt` [home_number_cues], [number_words_abroad], [home_verbs_abroad],
[visited_attractions]).
Every window is bounded: time is linear in the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ...scans import gated_finditer, gated_search
from .data import load_sections, word_key

_NAME = r"[A-Z][a-z'\u2019\-]+(?:[ \t]+[A-Z][a-z'\u2019\-]+){0,2}"
_NUMBER = r"[1-9][0-9]{0,2}[A-Za-z]?"
# what may follow a road named without a suffix: the clause ends, or a lowercase word
_CLAUSE_END = (r"(?=[ \t]*(?:[,.;:!?)\n\u2013\u2014]|[ \t]-[ \t]|\Z)"
               r"|[ \t]+(?:with|just|near|in|on|and|by|next|opposite|behind)\b)")
_SENTENCE_END = re.compile(r"[!?\n]|\.(?=\s|\Z)")


# A house number before a capitalised word: a pattern that opens with a character class is
# scanned fast; the cue before it is then looked for in a short window.
_HOUSE = re.compile(r"[1-9](?<![\w.,:/\u00a3$\u20ac#-][1-9])[0-9]{0,2}[A-Za-z]?[ \t]+(?=[A-Z])")
_NAME_AFTER = lazy_compile(rf"(?P<name>{_NAME}){_CLAUSE_END}")


@dataclass(frozen=True)
class _Patterns:
    cue_before: re.Pattern[str]  # a home cue ending where the house number starts
    worded: re.Pattern[str]
    verb_words: tuple[str, ...]  # lower-cased: the cheap test before `verbs`
    verbs: re.Pattern[str]
    after: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    sec = load_sections("place_cues.txt")

    def alt(name: str) -> str:
        words = sorted(sec[name], key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    return _Patterns(
        cue_before=re.compile(rf"(?<![\w'\u2019])(?i:{alt('home_number_cues')})[ \t]+"
                              rf"(?:(?i:number|no\.?)[ \t]*)?\Z"),
        worded=re.compile(
            rf"(?<![\w'\u2019])(?P<w>(?i:{alt('number_words_abroad')}))[ \t]*(?P<n>{_NUMBER})"
            rf"[ \t]+(?i:de|di|del|da|do|na|op)[ \t]+(?P<name>{_NAME})"),
        verb_words=tuple(w.lower() for w in sec["home_verbs_abroad"]),
        verbs=re.compile(rf"(?<![\w'\u2019])(?i:{alt('home_verbs_abroad')})(?![\w'\u2019])"),
        after=re.compile(
            rf"(?<![\w'\u2019])(?i:in[ \t]+der|an[ \t]+der|auf[ \t]+der|am|"
            rf"op[ \t]+de|aan[ \t]+de|przy|ul\.)[ \t]+(?P<name>{_NAME})[ \t]+(?P<n>{_NUMBER})"
            rf"(?=[ \t]*(?:[,.;!?)\n]|\Z))"),
    )


def home_numbers(text: str, stop: frozenset[str], units: frozenset[str],
                 venues: frozenset[str], suffixes: Container[str]) -> list[tuple[int, int]]:
    """(start, end) of each house number and road found by the wordings above; a road whose
    name holds a stop word ("lives at 3 Years ..."), a unit after its number ("moved to 3
    Miles ...") or ends in a venue word ("staying at 4 Seasons Hotel") is none. After a home
    cue, a road that ends in a street word ("lives at 10 Downing Street") is the street
    rules' to judge."""
    pats = _patterns()
    verbs = pats.verbs
    out: list[tuple[int, int]] = []

    def named(name: str, number_first: bool = True) -> bool:
        keys = [word_key(w) for w in name.split()]
        if keys[-1] in suffixes:
            keys.pop()  # "Marine Drive": a street word ends the name
        return bool(keys) and not (any(k in stop for k in keys) or keys[-1] in venues
                                   or number_first and keys[0] in units)

    def suffixed(name: str) -> bool:
        return word_key(name.split()[-1]) in suffixes

    def lived(pos: int) -> bool:
        """A verb of living earlier in the sentence ("wohnt ... in der", "vive en el")."""
        found = list(verbs.finditer(text, max(0, pos - 80), pos))
        return bool(found) and not _SENTENCE_END.search(text, found[-1].end(), pos)

    for h in _HOUSE.finditer(text):  # "lives at 9 Wickham, ..."
        m = _NAME_AFTER.match(text, h.end())
        if m is None or not pats.cue_before.search(text, max(0, h.start() - 40), h.start()):
            continue
        if named(m.group("name")) and not suffixed(m.group("name")):
            out.append((h.start(), m.end("name")))
    low = text.lower()
    if not any(w in low for w in pats.verb_words) or gated_search(verbs, text) is None:
        return out
    for m in gated_finditer(pats.worded, text):  # "vive en el número 8 de Florence Road"
        if named(m.group("name")) and suffixed(m.group("name")) and lived(m.start()):
            out.append((m.start("w"), m.end("name")))
    # "wohnt ... in der Ladies Mile 12": two words or a suffix
    for m in gated_finditer(pats.after, text):
        name = m.group("name")
        if named(name, number_first=False) and (suffixed(name) or " " in name.strip()) \
                and lived(m.start()):
            out.append((m.start("name"), m.end("n")))
    return out


@functools.cache
def _attractions() -> frozenset[str]:
    return frozenset(word_key(w) for w in load_sections("place_cues.txt")["visited_attractions"])


_FIRST_PART = re.compile(r"[^,\n]*")


def attraction_address(text: str, start: int, end: int) -> bool:
    """The address text[start:end] opens with the name of a public attraction ("Natural
    History Museum, Cromwell Road, ...") and holds no home cue before it."""
    part = _FIRST_PART.match(text, start, end)
    words = part.group().split() if part else []
    if len(words) >= 2 and words[0][:1].isupper() and word_key(words[-1]) in _attractions():
        return True
    # its postcode in brackets after its name: "the Houses of Parliament (SW1A 0AA)"
    before = text[max(0, start - 40):start].rstrip(" \t")
    named = before[:-1].split() if before.endswith("(") else []
    return bool(named) and named[-1][:1].isupper() and word_key(named[-1]) in _attractions()


__all__ = ["attraction_address", "home_numbers"]
