"""Phone numbers spelled out or spread apart, as people type them to get past filters.

"oh seven seven double oh nine double oh four seven two", "zero seven seven zero zero, nine
zero zero, one two three", "07seven00 9oo123" (letter o for zero), "0 7 7 0 0   9 0 0  1 2 3"
(wide gaps), "07700 - 900 - 123", keycap emoji digits. A run of number tokens (digit groups,
digit words, "double" / "treble" / "triple", "oh" / "o" / "zero" / "nought", the letter o
glued to digits, keycaps) is read as digits, each digit keeping the offsets of the words it
came from; the digits are then judged by the same libphonenumber rules as a number written
in digits (`phone_verdicts.PhoneVerdicts.judge`).

Only numbers that start with 0, 00 or + are read ("one two three four five six seven" is
counting, not dialling), or ten digits read from "seven" (a UK mobile without its 0) next to a
contact cue; and a number that is merely possible must have the whole shape of a
UK number (0 and ten digits) or a country code. The pass runs only when the text holds
several number words (one precompiled regex counts them) or wide gaps between digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from ...scans import LONG_TEXT, folded, gate_hits, matches_at
from ._common import Spans

Judge = Callable[[str, str, int, int, int], tuple[str, float] | None]

# The gate: number words counted in the lower-cased text, without word boundaries (a
# boundary or a look-behind makes the scan several times slower; the tokenizer below is
# exact). "o" glued to a digit counts too ("9oo123"), and a word next to a digit is matched
# with it ("07 seven", "1two"), so the one scan also tells whether words are mixed in.
_GATE_WORD = (
    r"(?:d(?:ouble)|e(?:ight)|f(?:i(?:ve)|o(?:ur))|n(?:i(?:ne)|o(?:ught))|o(?:h|ne)"
    r"|s(?:even|ix)|t(?:hree|r(?:eble|iple)|wo)|z(?:ero))"
)
_GATE = re.compile(rf"[0-9](?:[ \-]?{_GATE_WORD}|o)|{_GATE_WORD}(?:[ \-]?[0-9])?|o[0-9]")
# Digits apart by a gap the digit path does not bridge (three or more spaces, a line break,
# a spaced dash), or single digits spaced out ("0 7 7 0 0"). Every branch starts with a
# digit, so the scan skips to digits.
_GAP = re.compile(
    r"[0-9](?:[ \t\u00a0]{3,}[0-9]"
    r"|[ \t\u00a0]*[\-\u2010-\u2013]?[ \t\u00a0]*[\r\n\t][ \t\u00a0]*[0-9]"
    r"|[ \t\u00a0]*[\-\u2010-\u2015][ \t\u00a0]+[0-9]"
    r"|[ \t\u00a0]+[\-\u2010-\u2015][ \t\u00a0]*[0-9]"
    r"|(?<![0-9][0-9]) [0-9] [0-9](?![0-9])|\ufe0f?\u20e3)"
)
_WORDS = {
    "zero": "0", "nought": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
    "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}
# "twenty three" is 23, "twenty" alone 20
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6",
         "seventy": "7", "eighty": "8", "ninety": "9"}
_TIMES = {"double": 2, "treble": 3, "triple": 3}
_NUMBER_WORDS = (
    r"zero|nought|oh|o+|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|double|treble|triple|plus"
)
_TOKEN = re.compile(
    rf"((?:[0-9]\ufe0f?\u20e3)+)|(\+?[0-9]+)|(?<![^\W\d_])({_NUMBER_WORDS})(?![^\W\d_])",
    re.IGNORECASE,
)
# Where a token may start, searched in the folded text of a long post (scans.folded): a
# digit, or a number word that ends a word (its start is checked by _TOKEN itself)
_TOKEN_START = re.compile(rf"\+?[0-9]|(?:{_NUMBER_WORDS})(?![^\W\d_])")


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """`_TOKEN.finditer(text)`; on a long post tried only where a token may start."""
    if len(text) < LONG_TEXT:
        return _TOKEN.finditer(text)
    return matches_at(_TOKEN, text, gate_hits(_TOKEN_START, folded(text)))
_SEP_CHARS = " \t\r\n\u00a0,-\u2010\u2011\u2012\u2013\u2014\u2015"
_MAX_GAP = 8
# digits a number may have, by how it starts (the leading 0s counted, a "+" not)
_DIGIT_RANGE = {"zero": (10, 12), "00": (11, 17), "plus": (8, 15), "nozero": (10, 10)}
_MAX_ATTEMPTS = 2
_DIGITS = "0123456789"
_COUNTING = "0123456"
# glued to a digit group's first digit: money, a code, a decimal, a time or a date
_BAD_BEFORE = frozenset("£$€¥₹#@_\\/.:")


class _Unit(NamedTuple):
    digits: str  # "0", "77", "+", "07911"
    start: int
    end: int
    word: bool  # spelled (a word, "double x", letter o), not digits
    gap: int  # the gap before it: _JOINED, _SPACED (wide spaces, spaced dashes) or _OTHER


def needs_word_pass(low: str, ndigits: int) -> bool:
    """Several number words, or a word among most of a number's digits ("07 seven 00 ...")."""
    n = 0
    glued = False
    for m in _GATE.finditer(low):  # one scan; the matches are few
        n += 1
        if not glued and ndigits >= 7:
            s, e = m.span()
            w = m.group()
            # a whole word next to a digit ("7 seven", "1two"), not "phone 07..."
            glued = (w[0] in _DIGITS or not low[s - 1:s].isalpha()) and (
                w[-1] in _DIGITS or not low[e:e + 1].isalpha()) and (
                w[0] in _DIGITS or w[-1] in _DIGITS)
    if n >= 3:
        return 2 * n + ndigits >= 10
    return glued


def has_wide_gaps(text: str, ndigits: int) -> bool:
    return ndigits >= 10 and _GAP.search(text) is not None


_JOINED, _SPACED, _BREAK, _OTHER = 0, 1, 2, 3
# a dash may end the line, as a word wrapped with a hyphen ("07700 900-\n184")
_LINE_BREAK = re.compile(r"[ \u00a0]*[\-\u2010-\u2013]?[ \u00a0]*\r?\n[ \u00a0]*")


def _gap_kind(gap: str) -> int:
    """_JOINED: a gap the digit path bridges (one or two spaces, one dash); _SPACED: only
    spaces and dashes ("   ", " - "); _BREAK: one line break ("07700\n900 123", a number
    broken across a line); _OTHER: commas, tabs, anything else."""
    if (len(gap) <= 2 and not gap.strip(" \u00a0")) or (
            len(gap) == 1 and gap in "-\u2010\u2011\u2012\u2013"):
        return _JOINED
    if _LINE_BREAK.fullmatch(gap):
        return _BREAK
    return _OTHER if gap.strip(" \u00a0-\u2010\u2011\u2012\u2013\u2014\u2015") else _SPACED


def _runs(text: str) -> Iterator[list[_Unit]]:
    """Runs of number units separated only by spaces, commas and dashes."""
    run: list[_Unit] = []
    pending: tuple[int, int, int] | None = None  # a "double": (times, start, end)
    tens = False  # the last unit is a word of tens ("twenty")
    prev_end = -1
    for m in _tokens(text):
        s, e = m.span()
        gap = text[prev_end:s] if prev_end >= 0 else ""
        if prev_end >= 0 and (len(gap) > _MAX_GAP or gap.strip(_SEP_CHARS)
                              or gap.count("\n") > 1 or gap.count(",") > 1):
            if run:
                yield run
            run, pending = [], None
        wide = _gap_kind(gap) if run else _JOINED
        prev_end = e
        after_tens, tens = tens, False
        keycaps, raw = m.group(1), m.group(2)
        if keycaps is not None:  # keycap emoji, one digit each: "0\ufe0f\u20e37\ufe0f\u20e3"
            digits, is_word = keycaps.replace("\ufe0f", "").replace("\u20e3", ""), True
        elif raw is None:
            w = m.group(3).lower()
            if w in _TIMES:
                if pending is not None and run:
                    yield run
                    run = []
                pending = (_TIMES[w], s, e)
                continue
            if w == "plus":
                if run:
                    yield run
                run, pending = [_Unit("+", s, e, True, _JOINED)], None
                continue
            last = run[-1] if run and pending is None and len(gap) <= 2 else None
            if w == "hundred":
                if last is not None and len(last.digits) == 1 and last.digits != "0":
                    run[-1] = last._replace(digits=last.digits + "00", end=e)  # "nine hundred"
                    continue
                if run:
                    yield run  # "a hundred and one"
                run, pending = [], None
                continue
            if w in _WORDS:
                digits = _WORDS[w]
            elif w in _TENS:
                digits = _TENS[w] + "0"
            else:
                digits = "0" * len(w)  # "o", "oo"
            if after_tens and last is not None and len(digits) == 1 and digits != "0" and \
                    gap in (" ", "-"):
                run[-1] = last._replace(digits=last.digits[0] + digits, end=e)  # "twenty three"
                continue
            tens = w in _TENS
            is_word = True
        else:
            digits, is_word = raw, False
            if raw[0] == "+":
                if run:
                    yield run
                run, wide = [], _JOINED
        if pending is not None:
            times, ps, _ = pending
            pending = None
            if len(digits) != 1:
                if run:
                    yield run  # "double maths", "double 45": the run ends at "double"
                run = []
                wide = _JOINED
            else:
                run.append(_Unit(digits * times, ps, e, True, wide))
                continue
        run.append(_Unit(digits, s, e, is_word, wide))
    if run:
        yield run


def _kind(lead: str) -> str | None:
    if lead[:1] == "+":
        return "plus"
    if lead[:1] != "0" or len(lead) < 3:
        return None
    if lead[1] != "0":
        return "zero"
    return "00" if lead[2] != "0" else None


def find_spoken(text: str, judge: Judge, claimed: Spans) -> Iterator[tuple[str, float, int, int]]:
    """(code, score, start, end) for each number read from words or wide gaps, outside the
    spans the digit path already claimed."""
    for run in _runs(text):
        if len(run) < 2 and not run[0].word:
            continue  # one group of digits is the digit path's
        i = 0
        while i < len(run):
            out: list[tuple[str, float, int, int]] = []
            i = _from(text, run, i, judge, claimed, out)
            yield from out


def _from(text: str, run: list[_Unit], i: int, judge: Judge, claimed: Spans,
          out: list[tuple[str, float, int, int]]) -> int:
    """Try a number starting at unit i; the index to go on from."""
    first = run[i]
    before = text[first.start - 1] if first.start else " "
    # "seven seven double-oh nine hundred ...": a UK mobile read out without its 0, judged
    # as one only next to a contact cue
    nozero = i == 0 and first.word and first.digits[0] == "7"
    if not nozero and (first.digits[0] not in "0+" or (
            not first.word and (before.isalnum() or before in _BAD_BEFORE))):
        return i + 1
    lead = "".join(u.digits for u in run[i:i + 3])[:3]
    kind = "nozero" if nozero else _kind(lead)
    if kind is None:
        return i + 1
    lo, hi = _DIGIT_RANGE[kind]
    ends: list[tuple[int, int]] = []
    n = 0
    for j in range(i, len(run)):
        n += len(run[j].digits) - (run[j].digits[0] == "+")
        if n > hi:
            break
        if n >= lo and (kind != "nozero" or j == len(run) - 1):  # nozero: the whole run
            ends.append((j, n))
    attempts = 0
    for j, ndigits in reversed(ends):
        if attempts >= _MAX_ATTEMPTS:
            break
        start, end = first.start, run[j].end
        after = text[end] if end < len(text) else " "
        if after.isalnum() or after in "%£$€@_" or claimed.overlaps(start, end):
            continue
        units = run[i:j + 1]
        if not any(u.word for u in units):
            # plain digits: only spread with spaces and dashes, else the digit path has had
            # its say
            # (tab-separated tables and comma lists are no dodge); a line break inside a
            # number of groups of two digits or more is one ("07700\n900\n123")
            gaps = [u.gap for u in units[1:]]
            broken = _BREAK in gaps and min(len(u.digits) for u in units) >= 2
            if _OTHER in gaps or (_BREAK in gaps and not broken) or not (
                    _SPACED in gaps or broken or sum(len(u.digits) == 1 for u in units) >= 3):
                continue
        digits = "".join(u.digits for u in units)
        if digits.startswith(_COUNTING):
            continue  # "zero, one, two, three ..." counts; it is no number
        if kind == "zero" and ndigits == 10 and digits[1] not in "18":
            continue  # UK numbers of ten digits are 01 and 0800 ones: no need to parse
        attempts += 1
        verdict = judge(digits, kind, ndigits, start, end)
        if verdict is None:
            continue
        code, score = verdict
        if code == "allowed":
            return j + 1
        if code == "PG102" and (kind == "zero" and ndigits != 11 or len(set(digits)) < 4):
            continue  # a possible number has the whole UK shape, and is no register of 0s and 1s
        out.append((code, score, start, end))
        claimed.add(start, end)
        return j + 1
    return i + 1
