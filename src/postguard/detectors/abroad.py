"""Street addresses outside the UK: the home addresses of international students' families.

Three shapes, each needing a house number (a street name alone abroad is no clue to a child
here): the street type first and the number last ("Calle Mayor 12", "Via Roma, 5",
"ul. Długa 5"); French, number first ("10 rue Lepic", "5 bis avenue de la Gare"); one-word
names with a German, Dutch or Nordic ending ("Hauptstraße 5", "Kalverstraat 12"). The words
live in `data/foreign_street_words.txt`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .place_data import load_sections, trie

_WORD = r"[^\W\d_][^\W_]*(?:['\u2019\-][^\W_]+)*"
_NUMBER_REST = r"[0-9]{0,3}[A-Za-z]?"
_NUMBER = r"[1-9]" + _NUMBER_REST


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]
    after: re.Pattern[str]
    ending_hint: re.Pattern[str]
    endings: re.Pattern[str]
    joiners: frozenset[str]
    not_names: frozenset[str]


def _forms(words: tuple[str, ...]) -> set[str]:
    return {v for w in words for v in (w, w.lower(), w[:1].upper() + w[1:])}


@functools.cache
def patterns() -> _Patterns:
    raw = load_sections("foreign_street_words.txt")
    joiners = raw["name_joiners"]
    join = r"(?:" + trie(_forms(joiners)) + r")"
    word = rf"(?!{join}\s){_WORD}"  # a joiner is never a name word: no ambiguous parses
    name = rf"(?:{join}\s+){{0,2}}{word}(?:\s+(?:{join}\s+){{0,2}}{word}){{0,3}}"
    # No lookbehind before the first word: the scan is faster; the caller checks the boundary.
    before = re.compile(
        r"(?:" + trie(_forms(raw["before_name"])) + rf")\s*(?<=[\s/.])(?P<name>{name})"
        rf"\s*,?\s*(?:n[º°o]\.?\s*)?(?P<num>{_NUMBER})(?![\w/])"
    )
    fr_join = r"(?:de\s+la\s+|de\s+l['\u2019]|d['\u2019]|du\s+|des\s+|de\s+|la\s+|le\s+|les\s+)"
    after = re.compile(
        rf"(?P<num>[1-9](?<![\w,.].){_NUMBER_REST}(?:\s?(?:bis|ter))?),?\s+"
        r"(?:" + trie(_forms(raw["after_number"])) + r")\s+"
        rf"{fr_join}{{0,2}}(?P<name>{_WORD})(?:[ \t]+{fr_join}{{0,2}}{_WORD}){{0,3}}"
    )
    ending_hint = re.compile("(?:" + trie(_forms(raw["endings"])) + r")[ \t]+[1-9]")
    endings = re.compile(
        r"(?<![\w-])(?P<name>[^\W\d_][^\W_]+?(?:" + trie(_forms(raw["endings"])) + r"))"
        rf"[ \t]+(?P<num>{_NUMBER})(?![\w/])"
    )
    return _Patterns(before, after, ending_hint, endings, frozenset(w.lower() for w in joiners),
                     frozenset(w.lower() for w in raw["not_names"]))


def _year(number: str) -> bool:
    return len(number) == 4 and number[:2] in ("19", "20")


def addresses_abroad(text: str) -> list[tuple[int, int]]:
    """Spans of street-and-number addresses in the formats of other countries."""
    p = patterns()
    out: list[tuple[int, int]] = []
    for m in p.before.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # inside a word ("Vial", "ScaVia")
        words = [w for w in m.group("name").split() if w.lower() not in p.joiners]
        if words and all(w[:1].isupper() for w in words) and not _year(m.group("num")) \
                and words[0].lower() not in p.not_names:
            out.append(m.span())
    for m in p.after.finditer(text):
        if m.group("name")[:1].isupper():
            out.append(m.span())
    if p.ending_hint.search(text) is None:
        return out
    for m in p.endings.finditer(text):
        if m.group("name")[:1].isupper() and not _year(m.group("num")):
            out.append(m.span())
    return out
