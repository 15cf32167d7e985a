"""Letters typed for digits in a phone number, as people write it to get past filters:
"O7911 I23456", "0791l 12E456", "07911 I2345G".

A token of digits and look-alike letters (I l | for 1, Z for 2, E for 3, A for 4, S for 5, G b
for 6, T for 7, B for 8, g q for 9) with at least three real digits (or two and one letter in a
group of three) and no more look-alikes than digits is read as digits, one character for one,
so offsets stay the same. The phone detector judges the result as it judges digits, and keeps
a number read this way only next to a contact cue ("call", "text me", "mob" ...): without one,
"B12 3AA" or a product code stays what it is. (The letter O for zero is read by phone.py
itself, without a cue.)

Chinese numerals written for a number's digits ("零七七零零 九零零 五八三") are read as digits
by `read_cjk_numerals`, one character for one, when seven or more stand in a run with only
spaces or dashes between them: then they are a number's digits, not a word.
"""

from __future__ import annotations

import re

_LOOKALIKE = {"I": "1", "l": "1", "|": "1", "Z": "2", "z": "2", "E": "3", "A": "4",
              "S": "5", "s": "5", "G": "6", "b": "6", "T": "7", "B": "8", "g": "9",
              "q": "9", "O": "0", "o": "0"}
_TABLE = str.maketrans(_LOOKALIKE)
_CLASS = "0-9" + re.escape("".join(_LOOKALIKE))
# A look-alike glued to a digit: the cheap gate before the token scan.
_HINT = re.compile(r"[0-9][IlZzEASsGbTBgq|]|[IlZzEASsGbTBgq|][0-9]")
_TOKEN = re.compile(rf"(?<![^\W\d_])[{_CLASS}]{{3,}}(?![^\W\d_])")


_CJK_DIGITS = "〇零一二三四五六七八九"
_CJK_TABLE = str.maketrans({**{c: str(i) for i, c in enumerate(_CJK_DIGITS[1:])},
                            "〇": "0", "\u3000": " ", "－": "-"})
_CJK_RUN = re.compile(rf"[{_CJK_DIGITS}]{{2,}}(?:[ \u3000\-－]?[{_CJK_DIGITS}]+)+")


def read_cjk_numerals(text: str) -> str | None:
    """`text` with runs of seven or more Chinese numerals read as digits (same length), or
    None when there are none."""
    out: list[str] = []
    last = 0
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        if sum(c in _CJK_DIGITS for c in run) < 7:
            continue
        out.append(text[last:m.start()])
        out.append(run.translate(_CJK_TABLE))
        last = m.end()
    if not out:
        return None
    out.append(text[last:])
    return "".join(out)


def read_lookalikes(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """`text` with look-alike tokens read as digits (same length), and the tokens' spans; or
    None when there are none."""
    if not _HINT.search(text):
        return None
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        digits = sum(c.isdigit() for c in token)
        letters = len(token) - digits
        # three characters: two digits and one look-alike ("55l" in "34O 55l 2298")
        if letters == 0 or letters > digits or not _HINT.search(token) or (
                digits < 3 and not (len(token) == 3 and digits == 2)):
            continue
        parts.append(text[last:m.start()])
        parts.append(token.translate(_TABLE))
        last = m.end()
        spans.append((m.start(), m.end()))
    if not spans:
        return None
    parts.append(text[last:])
    return "".join(parts), spans


__all__ = ["read_cjk_numerals", "read_lookalikes"]
