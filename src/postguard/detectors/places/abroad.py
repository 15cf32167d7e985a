"""Street addresses outside the UK: the home addresses of international students' families.

Four shapes: the street type first and the number last ("Calle Mayor 12", "Via Roma, 5",
"ul. Długa 5", "Triq il-Kbira 23"); French, number first ("10 rue Lepic", "5 bis avenue de la
Gare"); one-word names with a German, Dutch or Nordic ending ("Hauptstraße 5",
"Kalverstraat 12"); Turkish, the type after the name ("Bağdat Caddesi No: 45"). With its house
number a street is an address. Without one it is returned unnumbered: the caller reports it
only next to a home cue ("her host family live on Via Garibaldi"), except the French form with
its article ("rue des Lilas"), which is never English. The words live in
`data/foreign_street_words.txt`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ...scans import gate_starts, gated_finditer, matches_at, not_after
from .data import load_sections, trie

_WORD = r"[^\W\d_][^\W_]*(?:['\u2019\-][^\W_]+)*"
_NUMBER_REST = r"[0-9]{0,3}[A-Za-z]?"
_NUMBER = r"[1-9]" + _NUMBER_REST
_WORD_CHAR = re.compile(r"\w")
_FLAT = r"(?:/[1-9][0-9]{0,3}[A-Za-z]?)?"  # "ul. Długa 15/4": a house and its flat


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]
    after: re.Pattern[str]
    ending_hint: re.Pattern[str]
    endings: re.Pattern[str]
    joiners: frozenset[str]
    not_names: frozenset[str]
    french: re.Pattern[str]
    turkish: re.Pattern[str]
    turkish_name: re.Pattern[str]
    landmarks: frozenset[str]
    ending_word_hint: re.Pattern[str]
    ending_alone: re.Pattern[str]
    type_hint: re.Pattern[str]
    families: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Street:
    """A street abroad: text[start:end]; `numbered` with its house number; `plain` when its
    form is never English ("rue des Lilas"), so it counts without a home cue."""

    start: int
    end: int
    numbered: bool
    plain: bool = False


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
    before = lazy_compile(
        r"(?:" + trie(_forms(raw["before_name"])) + rf")\s*(?<=[\s/.])(?P<name>{name})"
        rf"(?:\s*,?\s*(?:n[º°o]\.?\s*)?(?P<num>{_NUMBER}{_FLAT})(?![\w/]))?"
    )
    fr_join = r"(?:de\s+la\s+|de\s+l['\u2019]|d['\u2019]|du\s+|des\s+|de\s+|la\s+|le\s+|les\s+)"
    after = lazy_compile(
        rf"(?P<num>[1-9](?<![\w,.].){_NUMBER_REST}(?:\s?(?:bis|ter))?),?\s+"
        r"(?:" + trie(_forms(raw["after_number"])) + r")\s+"
        rf"{fr_join}{{0,2}}(?P<name>{_WORD})(?:[ \t]+{fr_join}{{0,2}}{_WORD}){{0,3}}"
    )
    ending_hint = lazy_compile("(?:" + trie(_forms(raw["endings"])) + r")[ \t]+[1-9]")
    endings = lazy_compile(
        r"(?<![\w-])(?P<name>[^\W\d_](?:[^\W_]|-(?=\w))+?(?:" + trie(_forms(raw["endings"]))
        + r"))"
        rf"[ \t]+(?P<num>{_NUMBER}{_FLAT})(?![\w/])"
    )
    # "rue des Lilas", "Avenue de la Gare" without a number: the article makes it French
    french = lazy_compile(
        r"(?<!\w)(?:" + trie(_forms(raw["after_number"])) + r")\s+"
        rf"{fr_join}{{1,2}}(?P<name>{_WORD})(?:[ \t]+{fr_join}{{0,2}}{_WORD}){{0,2}}"
    )
    turkish = lazy_compile(
        r"(?<=\s)(?:" + trie(_forms(raw["after_name"])) + r")(?!\w)"
        rf"(?:\s*,?\s*(?:[Nn]o\s*[:.]?\s*)?(?P<num>{_NUMBER}{_FLAT})(?![\w/]))?"
    )
    turkish_name = re.compile(rf"(?:{_WORD}[ \t]+){{1,3}}\Z")
    whole = [w for w in raw["endings"] if not w.endswith(".")]  # "Str." needs its number
    ending_word_hint = re.compile("(?:" + trie(_forms(raw["endings"])) + r")(?!\w)")
    ending_alone = lazy_compile(
        r"(?<![\w-])(?P<name>[^\W\d_](?:[^\W_]|-(?=\w))+?(?:" + trie(_forms(tuple(whole)))
        + r"))(?![\w-])")
    # one cheap scan for every street-type word says which shapes are worth trying
    families: dict[str, tuple[str, ...]] = {}
    for fam in ("after_name", "after_number", "before_name"):
        for w in raw[fam]:
            families[w.lower()] = (*families.get(w.lower(), ()), fam)
    # the look-behind "(?<!\w)" is checked by `not_after` (a faster scan)
    type_hint = re.compile(r"(?:" + trie(_forms(tuple(families))) + r")")
    return _Patterns(before, after, ending_hint, endings, frozenset(w.lower() for w in joiners),
                     frozenset(w.lower() for w in raw["not_names"]), french, turkish,
                     turkish_name, frozenset(" ".join(w.lower().split())
                                             for w in raw["landmarks"]),
                     ending_word_hint, ending_alone, type_hint, families)


def _year(number: str) -> bool:
    return len(number) == 4 and number[:2] in ("19", "20")


_FRENCH_ARTICLES = frozenset({"de", "du", "des", "la", "le", "les"})


def _cap(word: str) -> bool:
    """A name word: capitalised, or a Maltese article before one ("il-Kbira", "ta'Xbiex")."""
    if word[:1].isupper():
        return True
    for sep in ("-", "'", "\u2019"):
        if sep in word[:5]:
            return word.split(sep, 1)[1][:1].isupper()
    return False


def _name_end(p: _Patterns, m: re.Match[str]) -> int:
    """End of the capitalised words of an unnumbered name ("Via Garibaldi every day")."""
    start = m.start("name")
    end = start
    for w in re.finditer(r"[^\s,]+", m.string[start:m.end()]):
        if w.group().lower() in p.joiners or w.group().lower() in _FRENCH_ARTICLES:
            continue
        if not _cap(w.group()):
            break
        end = start + w.end()
    return end


def addresses_abroad(text: str) -> list[Street]:
    """Streets in the formats of other countries, with or without their house numbers."""
    p = patterns()
    out: list[Street] = []
    kinds = {k for m in not_after(p.type_hint, text, _WORD_CHAR)
             for k in p.families.get(m.group().lower(), ())}
    if "before_name" in kinds:
        _before(p, text, out)
    if "after_number" in kinds:
        _after(p, text, out)
    if "after_name" in kinds:
        _turkish(p, text, out)
    hints = gate_starts(p.ending_word_hint, text)
    if hints:
        _endings(p, text, out, _run_starts(text, hints))
    return out


def _run_starts(text: str, hits: list[int]) -> list[int]:
    """The start of the run of letters, digits and hyphens that each hit (ascending) is in:
    the only place a one-word name ending there may start (it is preceded by neither a word
    character nor a hyphen, and holds only letters, digits and hyphens). Each character is
    read once: a run that goes back to the last hit starts where that hit's run did."""
    out: list[int] = []
    last_hit, last_start = -1, -1
    for q in hits:
        s = q
        while s > 0 and s > last_hit and (text[s - 1].isalnum() or text[s - 1] == "-"):
            s -= 1
        if s == last_hit and s > 0:
            s = last_start  # the run goes on past the last hit
        if not out or s > out[-1]:
            out.append(s)
        last_hit, last_start = q, s
    return out


def _before(p: _Patterns, text: str, out: list[Street]) -> None:
    """The type before the name: "Calle Mayor 12", "Via Roma, 5", "Triq il-Kbira"."""
    for m in gated_finditer(p.before, text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # inside a word ("Vial", "ScaVia")
        words = [w for w in m.group("name").split() if w.lower() not in p.joiners]
        if not words or words[0].lower() in p.not_names or not _cap(words[0]):
            continue
        num = m.group("num")
        if num is not None and all(_cap(w) for w in words) and not _year(num):
            out.append(Street(m.start(), m.end(), True))
        elif num is None and text[m.start()].isupper():
            end = _name_end(p, m)
            if end > m.start("name"):
                out.append(Street(m.start(), end, False))


def _after(p: _Patterns, text: str, out: list[Street]) -> None:
    """French, the type after the number: "10 rue Lepic"; or alone: "rue des Lilas"."""
    for m in p.after.finditer(text):
        if m.group("name")[:1].isupper():
            out.append(Street(m.start(), _name_end(p, m), True))  # not "in Lyon"
    for m in gated_finditer(p.french, text):
        if m.group("name")[:1].isupper():
            end = _name_end(p, m)
            plain = " ".join(text[m.start():end].lower().split()) not in p.landmarks
            out.append(Street(m.start(), end, False, plain))


def _turkish(p: _Patterns, text: str, out: list[Street]) -> None:
    """Turkish, the type after the name: "Bağdat Caddesi No: 45"."""
    for m in gated_finditer(p.turkish, text):
        n = p.turkish_name.search(text, max(0, m.start() - 60), m.start())
        if n is None:
            continue
        start = m.start()
        for w in reversed(list(re.finditer(r"\S+", n.group()))):
            if not w.group()[:1].isupper():
                break
            start = n.start() + w.start()
        if start == m.start():
            continue
        num = m.group("num")
        out.append(Street(start, m.end(), num is not None and not _year(num)))


def _endings(p: _Patterns, text: str, out: list[Street], starts: list[int]) -> None:
    """One-word names: "Hauptstraße 5", "just off Lindenweg" (unnumbered); tried only at
    `starts` (`_run_starts`)."""
    for m in matches_at(p.ending_alone, text, starts):
        if m.group("name")[:1].isupper():
            out.append(Street(m.start(), m.end(), False))
    if p.ending_hint.search(text) is None:
        return
    for m in matches_at(p.endings, text, starts):
        if m.group("name")[:1].isupper() and not _year(m.group("num")):
            out.append(Street(m.start(), m.end(), True))
