"""Phone numbers read out digit by digit in the languages of the students' families:
"seis uno dos, cuatro ocho siete, tres cero nueve" (Spanish), "null eins sieben sechs, zwei
drei vier, ..." (German), "tre quattro sette, ..." (Italian), "zéro six, ..." (French digit
words), "nove um ..." (Portuguese).

A run of eight or more digit words of one of those languages, with only spaces, commas or
dashes between them, is read as digits, keeping the offsets of the words. phone.py judges the
digits as it judges a number written in digits: one that starts with 0 or 00 by the UK and
international rules, any other only next to a contact cue and in the national plan of a
student's country (`phone_numbering.foreign_reading`). The words are data
(`data/contact.toml` [phone] digit_words_abroad). The gate looks the words of the
lower-cased text up in a set (about 2 us a post).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from ...scans import gated_finditer
from ._common import load_data

# (digits, start, end) -> (code, score) or None
Judge = Callable[[str, int, int], tuple[str, float] | None]

_MIN_DIGITS = 8
_PUNCT = ",.;:!?)-\u2013"
_GAP = re.compile(r"[ \t\u00a0]*(?:[,\-\u2013][ \t\u00a0]*)?")


@functools.cache
def _words() -> tuple[dict[str, str], re.Pattern[str]]:
    table: dict[str, str] = {}
    for digit, words in enumerate(load_data("contact.toml")["phone"]["digit_words_abroad"]):
        for w in words:
            table[w] = str(digit)
    alt = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])")


def needs_foreign_word_pass(low: str) -> bool:
    """Three digit words of another language among the words of the lower-cased text (a
    split and set lookups: about twice as quick as a regex scan)."""
    table, _ = _words()
    n = 0
    for word in low.split():
        if word in table or word.rstrip(_PUNCT) in table:
            n += 1
            if n >= 3:
                return True
    return False


def find_foreign_spoken(low: str, judge: Judge) -> Iterator[tuple[str, float, int, int]]:
    """(code, score, start, end) of each number read out in digit words of another
    language; `low` is the lower-cased text (same length as the text)."""
    table, token = _words()
    run: list[re.Match[str]] = []

    def flush() -> Iterator[tuple[str, float, int, int]]:
        if len(run) >= _MIN_DIGITS:
            digits = "".join(table[m.group()] for m in run)
            verdict = judge(digits, run[0].start(), run[-1].end())
            if verdict is not None and verdict[0] != "allowed":
                yield verdict[0], verdict[1], run[0].start(), run[-1].end()

    for m in gated_finditer(token, low):
        if run:
            gap = _GAP.match(low, run[-1].end())
            if gap is None or gap.end() != m.start():
                yield from flush()
                run = []
        run.append(m)
    yield from flush()


__all__ = ["find_foreign_spoken", "needs_foreign_word_pass"]
