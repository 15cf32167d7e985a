"""A school finding grown over the parts its registered name carries around it (issue 13):

- not a child's given name opening the sentence before it ("Selin Karşıyaka Fen Lisesi");
- the town before a comma ("Malvern, the Downs Infants' School", "from Dereham, Elm
  Junior School"): a town of `data/uk_towns.txt`, or a capitalised word that no list calls a
  given name or a common word, after a preposition or at the start of a sentence;
- a specialist college, a second site or the academy it belongs to after a comma, colon or
  dash ("Hillside School, a Specialist Arts College", "Fairfield High School - Business and
  Enterprise College", "Elm School - North Campus"), or a bracketed part ("(East)").

Both are anchored at the finding's ends and bounded: time is linear.
"""

from __future__ import annotations

import functools
import re

from ...datafiles import read_data
from ...lazy_patterns import lazy_compile

_TOWN_BEFORE = re.compile(
    r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]+"
    r"(?:[ \t-]+(?:upon|on|under|in|le|[A-Z][\w'\u2019-]+)){0,3}),[ \t]+(?:[Tt]he[ \t]+)?$")
_COLLEGE_AFTER = lazy_compile(
    r"(?:(?:[ \t]*[,:]|[ \t]+[-\u2013])[ \t]*(?:(?:[Tt]he|[Aa]n?)[ \t]+)?|[ \t]+(?:A|An)[ \t]+)"
    r"(?:(?:[A-Z][\w'\u2019&-]*|and|&|of|for)[ \t]+){1,8}"
    r"(?:College|Academy|Campus|Centre|Federation|Site)\b(?![ \t]+[A-Z])|"
    r"(?:[ \t]*[,:]|[ \t]+[-\u2013])?[ \t]*(?:A|An)[ \t]+"
    r"(?:(?:[A-Z][\w'\u2019&-]*|of|and|&)[ \t]+){1,6}"
    r"School\b(?![ \t]+[A-Z])|"
    r"[ \t]+\((?:[A-Z][\w'\u2019&-]*[ \t]*){1,3}\)")


# a specialist designation written straight after the name ("Menzies High School Science
# College", "Perryfields High School Specialist Maths and Computing College")
_SPECIALIST_AFTER = re.compile(
    r"(?:[ \t]+(?:Specialist|Science|Sciences|Sports?|Business|Enterprise|Music|Arts?|Maths|"
    r"Mathematics|Computing|Technology|Languages?|Media|Performing|Visual|Engineering|"
    r"Humanities|and|&|,)){1,8}[ \t]+College\b")


@functools.cache
def _towns() -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in read_data("uk_towns.txt").splitlines()
                     if ln.strip() and not ln.startswith("#"))


def grow(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the school finding text[start:end] with its town and college."""
    m = _TOWN_BEFORE.search(text, max(0, start - 60), start)
    if m is not None and _town(text, m.group(1), m.start(1), text[start:end]):
        start = m.start(1)
    start = _child_first(text, start, end)
    c = _COLLEGE_AFTER.match(text, end) or _SPECIALIST_AFTER.match(text, end)
    if c is not None:
        end = c.end()
    tr = _TURKISH_CASE_END.search(text, max(start, end - 6), end)
    if tr is not None:
        end = tr.start()  # "Ortaokulu'nda": the name, not its case ending
    return start, end


_TURKISH_CASE_END = lazy_compile(
    r"(?<=[a-zçğıöşü])['\u2019](?:n?[dt][ae]n?|y?[ae]|n[ae]|n?[ıiuü]n|y?[ıiuü]|l[ıiuü])$")


_BEFORE_TOWN = re.compile(r"(?:^|[.!?:\n]|\b(?:from|at|of|with|to|visited|and|by|for))[ \t]*$",
                          re.IGNORECASE)


def _town(text: str, name: str, at: int, school: str) -> bool:
    """`name` at `at` reads as the town of a school's registered name (an English one: in
    "Aylin, Konak Ortaokulu'ndan geliyor" the word before the comma is a child)."""
    key = " ".join(name.lower().split())
    if key in _towns():
        return True
    if school.split()[-1].lower() not in _ENGLISH_ENDS:
        return False
    from ..names.context import common_words, lexicons

    firsts, _, _, not_names = lexicons()
    words = key.split()
    if any(w in firsts or w in common_words() or w in not_names for w in words):
        return False  # "Well done Amy, Bramley School ...": a child, not a town
    return _BEFORE_TOWN.search(text, max(0, at - 12), at) is not None


_FIRST_TWO = re.compile(
    r"([A-Z\u00c0-\u00de][\w'\u2019-]*)[ \t]+([A-Z\u00c0-\u00de\u0130][\w'\u2019-]*)[ \t]+\S")


def _child_first(text: str, start: int, end: int) -> int:
    """A child's given name opening the sentence before a school named after a place
    ("Selin Karşıyaka Fen Lisesi'nden mezun oldu"): the school starts after it; a school
    named after a person keeps its name ("Anne Frank Primary School")."""
    m = _FIRST_TWO.match(text, start, end)
    if m is None or text[max(0, start - 2):start].strip() not in ("", ".", "!", "?", ":"):
        return start
    from ..names.context import lexicons

    firsts, lasts, famous, _ = lexicons()
    first, second = m.group(1).lower(), m.group(2).lower()
    last = text[start:end].split()[-1].lower()
    if first in firsts and second not in firsts and second not in lasts and \
            f"{first} {second}" not in famous and last not in _ENGLISH_ENDS:
        return m.start(2)
    return start


# English school words: names before them are often a person's ("Anne Frank Primary School")
_ENGLISH_ENDS = frozenset({"school", "academy", "college", "primary", "high", "infants",
                           "juniors", "nursery", "grammar", "secondary", "centre"})
