"""Phone numbers read out in the number words of the students' languages, in groups of
tens and hundreds as people say them: "seis uno cinco, cuarenta y dos, dieciocho, noventa"
(Spanish), "zéro six, soixante-dix, vingt-deux, quarante-huit, quinze" (French), "pięćset
dwanaście, trzysta czterdzieści, dziewięćset siedem" (Polish), "sıfır beş yüz kırk üç, ..."
(Turkish), "quarenta e dois" (Portuguese), "zweiundvierzig" (German), "quarantadue"
(Italian), and Korean digits in Sino-Korean syllables glued
in groups ("공일공 삼팔이칠 ..."). Numbers read digit by digit are `phone_foreign_words`'.

A run of number words of one language (spaces, hyphens, commas or the language's joiner
"y" / "e" / "et" between them) is read group by group: a word of tens takes the unit after it
("cuarenta y dos" 42, "soixante-dix-sept" 77), a word of hundreds the tens and units after it
("trzysta czterdzieści" 340), a multiplier the unit before it ("beş yüz" 500, "quatre-vingt"
80); a comma always ends a group. The digits are judged by phone.py as it judges digits read
out one by one (`PhoneVerdicts.judge_read_out`): a 0 or 00 number by the usual rules, any
other only next to a contact cue and valid in a student's country. The words are data
(`data/phone_number_words.toml`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...datafiles import load_toml

# (digits, start, end) -> (code, score) or None
Judge = Callable[[str, int, int], tuple[str, float] | None]

_MIN_DIGITS = 8
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_PUNCT = ",.;:!?)-\u2013"
_SPACES = " \t\u00a0"


@dataclass(frozen=True)
class _Language:
    values: dict[str, int]
    times: dict[str, frozenset[int]]  # a multiplier and the units it may follow
    joiners: frozenset[str]
    ten_takes_units: bool  # "dix-sept" (fr), "on dokuz" (tr): 10 and a unit are one number


@functools.cache
def _languages() -> tuple[dict[str, _Language], frozenset[str], dict[str, int],
                          re.Pattern[str]]:
    data = load_toml("phone_number_words.toml")
    langs: dict[str, _Language] = {}
    every: set[str] = set()
    for code, table in data.items():
        if "values" not in table:
            continue
        values = {k: int(v) for k, v in map(str.split, table["values"])}
        values |= _glued(values, str(table.get("glued", "")))
        langs[code] = _Language(
            values,
            {k: frozenset(int(u) for u in v.split("/")) for k, v in map(str.split, table["times"])},
            frozenset(table["joiners"]),
            bool(table.get("ten_takes_units", False)),
        )
        every.update(values)
    korean = {k: int(v) for k, v in map(str.split, data["ko"]["digits"])}
    syllables = "".join(korean)
    # groups of three or four digit syllables, apart by a space or a dash, not inside a word
    glued = re.compile(rf"(?<![\uac00-\ud7a3])[{syllables}]{{3,4}}"
                       rf"(?:[ \-][{syllables}]{{3,4}}){{1,3}}(?![\uac00-\ud7a3])")
    return langs, frozenset(every), korean, glued


def _glued(values: dict[str, int], how: str) -> dict[str, int]:
    """The numbers 21..99 a language writes as one word: "zweiundvierzig" (German: the
    unit, "und", the tens), "quarantadue", "ventotto" (Italian: the tens, then the unit, the
    tens' last vowel dropped before a unit that starts with a vowel)."""
    units = {w: v for w, v in values.items() if 1 <= v <= 9}
    tens = {w: v for w, v in values.items() if 20 <= v <= 90 and v % 10 == 0}
    out: dict[str, int] = {}
    for t, tv in tens.items():
        for u, uv in units.items():
            if how == "unit-und-tens" and u != "eins":
                out[u + "und" + t] = tv + uv
            elif how == "tens-unit":
                out[(t[:-1] if u[0] in "aeiou" else t) + u] = tv + uv
    return out


def needs_number_words_pass(low: str) -> bool:
    """Three number words of another language among the words of the lower-cased text, or
    Korean digit syllables starting a number (a split and set lookups)."""
    _, every, _, _ = _languages()
    n = 0
    for word in low.split():
        if word in every or word.rstrip(_PUNCT) in every:
            n += 1
            if n >= _MIN_WORDS:
                return True
    return not low.isascii() and ("공" in low or "영" in low)


def find_number_words(low: str, judge: Judge) -> Iterator[tuple[str, float, int, int]]:
    """(code, score, start, end) of each number read out in number words of another
    language; `low` is the lower-cased text (same length as the text)."""
    langs, _, korean, glued = _languages()
    words = _tokenise(low)
    for lang in langs.values():
        for run in _runs(low, words, lang):
            read = _read(low, run, lang)
            if read is None:
                continue
            verdict = judge(read, run[0][0], run[-1][1])
            if verdict is not None and verdict[0] != "allowed":
                yield verdict[0], verdict[1], run[0][0], run[-1][1]
    if not low.isascii() and ("공" in low or "영" in low):
        for m in glued.finditer(low):
            digits = "".join(str(korean[c]) for c in m.group() if c in korean)
            if digits[0] == "0" and 10 <= len(digits) <= 11:
                verdict = judge(digits, m.start(), m.end())
                if verdict is not None and verdict[0] != "allowed":
                    yield verdict[0], verdict[1], m.start(), m.end()


@dataclass(frozen=True)
class _Words:
    """The words of a text, once for every language: where each starts and ends, and which
    of them (by index) are a number word of some language."""
    words: list[str]
    starts: list[int]
    ends: list[int]
    numbers: list[int]


def _tokenise(low: str) -> _Words:
    _, every, _, _ = _languages()
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD.finditer(low):
        words.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return _Words(words, starts, ends, [i for i, w in enumerate(words) if w in every])


def _runs(low: str, text: _Words, lang: _Language) -> Iterator[list[tuple[int, int, bool]]]:
    """Runs of the language's number words: (start, end, a comma before it) each. Walks only
    the language's number words; the other words between two of them end an open run
    unless every one is a joiner (a joiner is skipped while a run is open)."""
    words, joiners, values = text.words, lang.joiners, lang.values
    run: list[tuple[int, int, bool]] = []
    prev_end = -1
    last = -1  # index of the last word of this language's numbers looked at
    for i in text.numbers:
        word = words[i]
        if word not in values:
            continue
        if run and any(words[k] not in joiners for k in range(last + 1, i)):
            yield run  # another word between: the run ends there
            run = []
        last = i
        if word in joiners and run:
            continue  # judged by the gap test of the next number word
        start = text.starts[i]
        comma = False
        if run:
            gap = low[prev_end:start]
            gap_words = gap.split()
            if any(w.strip(",-\u2013") not in joiners and w.strip(",-\u2013")
                   for w in gap_words) or len(gap) > 12 or gap.count(",") > 1 \
                    or gap.strip(_SPACES + ",-\u2013") and not gap_words:
                yield run
                run = []
            else:
                comma = "," in gap
        run.append((start, text.ends[i], comma))
        prev_end = text.ends[i]
    if run:
        yield run


def _read(low: str, run: list[tuple[int, int, bool]], lang: _Language) -> str | None:
    """The digits of a run, or None when it is no number read in groups."""
    if len(run) < _MIN_WORDS:
        return None
    groups: list[str] = []
    cur: int | None = None
    takes = 0  # what the current group takes next: 0 nothing, 1 units, 2 teens, 3 below 100
    compound = False
    for s, e, comma in run:
        word = low[s:e]
        v = lang.values[word]
        if cur is not None and not comma and word in lang.times \
                and cur in lang.times[word] and takes in (0, 3) and cur < 10:
            cur *= v  # "beş yüz", "quatre-vingt", "neuf cents"
            takes = 3 if v >= 100 else 2
            compound = True
            continue
        joins = cur is not None and not comma and (
            (takes == 3 and v < 100) or (takes in (1, 2) and 1 <= v <= 9)
            or (takes == 2 and 10 <= v <= 19))
        if joins and cur is not None:
            cur += v
            compound = True
        else:
            if cur is not None:
                groups.append(str(cur))
            cur = v
        if v >= 100 and not joins:
            takes = 3
        elif v % 10 == 0 and (20 <= v <= 90 or v == 10 and lang.ten_takes_units):
            # French sixty and eighty take a teen too ("soixante-dix", "quatre-vingt-douze")
            takes = 2 if v in (60, 80) or v == 10 else 1
        else:
            takes = 0
        compound = compound or v >= 10
    if cur is not None:
        groups.append(str(cur))
    digits = "".join(groups)
    if not compound or len(digits) < _MIN_DIGITS:
        return None
    return digits


__all__ = ["find_number_words", "needs_number_words_pass"]
