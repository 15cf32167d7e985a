"""UK vehicle number plates, in post text and in text read from photos (vehicle_plate).

Formats (DVLA letter rules):
- current, since 2001: memory tag (area letter + a letter, never I Q Z), age identifier (02-29
  for March, 51-79 for September), three random letters (never I Q): "AB12 CDE";
- prefix, 1983-2001: year letter (never I O Q U Z), 1-999, three letters: "A123 BCD";
- suffix, 1963-1983: three letters, 1-999, year letter: "ABC 123D";
- dateless: "ABC 123", "1234 AB" - shapes shared with product names and labels, so they count
  only next to a vehicle cue (reg, plate, car, parked, drives ...), as do lowercase plates
  ("ab12 cde"). A hyphen may stand for the space ("WP65-LMX"), but a plate is never one link
  of a longer hyphenated code ("AB12 CDE-44").
Cue words and the letter groups that are words or acronyms ("Y10 ART", "USB 3C", "IMG 1234")
live in `data/plate_lexicon.txt`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ...model import Action, Category, Finding, Severity, Suggestion
from ...policy import Policy
from ..base import TextDetector
from ..places.data import load_sections, phrases_pattern
from ..places.detector import is_uk_postcode

# a postcode's inward part right after a candidate ("LS17 8RT")
_INWARD_AFTER = re.compile(r"[ \t]?[0-9][ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])")

_AGE = r"(?:0[2-9]|[12][0-9]|5[1-9]|[67][0-9])"
# One scan for every format; at one position the earlier alternative wins.
_PLATE = lazy_compile(
    r"(?<![A-Za-z0-9])(?:"
    rf"(?P<cur>(?i:[ABCDEFGHKLMNOPRSVWY][A-HJ-PR-Y] ?{_AGE}(?P<cur_s>[ \-]?)[A-HJ-PR-Z]{{3}}))"
    r"|(?P<pre>[A-HJ-NPR-TV-Y])(?P<pre_s1> ?)(?P<pre_n>[1-9][0-9]{0,2})(?P<pre_s2> ?)"
    r"(?P<pre_l>[A-HJ-PR-Y]{3})"
    r"|(?P<suf_l>[A-HJ-PR-Y]{3})(?P<suf_s1> ?)[1-9][0-9]{0,2}(?P<suf_s2> ?)[A-HJ-NPR-TV-Y]"
    r"|(?P<dl1>[A-Z]{2,3}) ?[1-9][0-9]{0,3}|[1-9][0-9]{0,3} ?(?P<dl2>[A-Z]{2,3})"
    r")(?![A-Za-z0-9])"
)
_CURRENT_STRICT = re.compile(rf"[ABCDEFGHKLMNOPRSVWY][A-HJ-PR-Y]{_AGE} [A-HJ-PR-Z]{{3}}")
# OCR confuses O/0, I/l/1, S/5, Z/2, B/8 (a plate read as "WYO5 LkP")
_LOOK_ALIKE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2})([0-9OoIlSZB]{2}) ?([A-Za-z0-9]{3})"
                         r"(?![A-Za-z0-9])")
_TO_DIGIT = str.maketrans("OoIlSZB", "0011528")
_TO_LETTER = str.maketrans("0158", "OISB")
_DIGIT = re.compile(r"[0-9]")
_CEFR = frozenset({"A1", "A2", "B1", "B2", "C1", "C2"})
_SCHOOL_YEARS = frozenset(f"Y{n}" for n in range(1, 14))
_FIX = Suggestion(Action.REMOVE, "[plate removed]")
_CUED = "possible number plate next to a vehicle cue"


def _in_code(text: str, start: int, end: int) -> bool:
    """One link of a hyphenated code ("X-AB12 CDE", "AB12 CDE-44"): never a plate."""
    return (start > 1 and text[start - 1] == "-" and text[start - 2].isalnum()) or (
        text[end:end + 1] == "-" and text[end + 1:end + 2].isalnum())


@dataclass(frozen=True)
class _PlateLexicon:
    cue: re.Pattern[str]
    not_letters: frozenset[str]
    label_before: re.Pattern[str]


@functools.cache
def plate_lexicon() -> _PlateLexicon:
    raw = load_sections("plate_lexicon.txt")
    return _PlateLexicon(
        cue=lazy_compile(r"\b(?:" + phrases_pattern(raw["cues"]) + r")\b"),
        not_letters=frozenset(w.upper() for w in raw["not_letters"]),
        label_before=lazy_compile(r"\b(?:" + phrases_pattern(raw["label_words"]) + r")\.?[ \t]*\Z"),
    )


class VehiclePlateDetector(TextDetector):
    name = "vehicle_plate"
    codes = ("PG221", "PG222", "PG223")
    categories = (Category.VEHICLE_PLATE,)
    description = "UK number plates: current, prefix, suffix; dateless and lowercase by cue"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._lex = plate_lexicon()

    def detect_text(self, text: str) -> Iterable[Finding]:
        for start, end, code, score, message in self.find_plates(text):
            yield self.finding(code, Category.VEHICLE_PLATE, Severity.MEDIUM, message,
                               score=score, start=start, end=end, suggestion=_FIX)

    def find_plates(self, text: str) -> list[tuple[int, int, str, float, str]]:
        """(start, end, code, score, message) of each plate, in text order."""
        if _DIGIT.search(text) is None:
            return []
        stop = self._lex.not_letters
        out: list[tuple[int, int, str, float, str]] = []
        for m in _PLATE.finditer(text):
            s, e = m.span()
            if _in_code(text, s, e):
                continue
            if not m.group("cur") and self._lex.label_before.search(text, max(0, s - 16), s):
                continue  # "Room B12 ABC", "Gate 12 AB": a label, not a plate
            if m.group("cur"):
                hyphen = m.group("cur_s") == "-"
                if hyphen and self._lex.label_before.search(text, max(0, s - 16), s):
                    continue  # "Model AB12-CDE": a product code
                if self._cue(text, s, e):
                    code, score, message = ("PG221", 0.9, "UK number plate") \
                        if m.group().isupper() else ("PG223", 0.7, _CUED)
                    out.append((s, e, code, score, message))
                elif m.group().isupper():
                    out.append((s, e, "PG221", 0.85 if hyphen else 0.9, "UK number plate"))
            elif m.group("pre"):
                head = m.group("pre") + m.group("pre_n")
                canonical = m.group("pre_s1") == "" and m.group("pre_s2") == " "
                if m.group("pre_l") in stop:
                    continue
                if (canonical and head not in _CEFR and head not in _SCHOOL_YEARS) or \
                        self._cue(text, s, e):
                    out.append((s, e, "PG222", 0.8, "UK number plate (prefix format)"))
            elif m.group("suf_l"):
                canonical = m.group("suf_s1") == " " and m.group("suf_s2") == ""
                if m.group("suf_l") in stop:
                    continue
                if canonical or self._cue(text, s, e):
                    out.append((s, e, "PG222", 0.8, "UK number plate (suffix format)"))
            else:
                letters = m.group("dl1") or m.group("dl2") or ""
                if letters in stop or sum(c.isalnum() for c in m.group()) < 4:
                    continue
                if _INWARD_AFTER.match(text, e):
                    continue  # "LS17 8RT": a postcode's outward part, not a plate
                if self._cue(text, s, e):
                    out.append((s, e, "PG223", 0.7, _CUED))
        return self._look_alikes(text, out)

    def _look_alikes(self, text: str, found: list[tuple[int, int, str, float, str]]
                     ) -> list[tuple[int, int, str, float, str]]:
        """Current plates as OCR reads them, with look-alike characters ("WYO5 LkP")."""
        extra = []
        starts = [f[0] for f in found]  # found spans are in text order and never overlap
        for m in _LOOK_ALIKE.finditer(text):
            tag, age, rand = m.groups()
            if not tag.isupper() or sum(c.isupper() for c in rand) < 2 or \
                    not any(c.isdigit() for c in age) or rand.upper() in self._lex.not_letters:
                continue
            fixed = tag + age.translate(_TO_DIGIT) + " " + rand.upper().translate(_TO_LETTER)
            s, e = m.span()
            if _in_code(text, s, e):
                continue
            if is_uk_postcode(m.group()):
                continue  # "BN10 8PN" is a postcode as written: the address detector's
            k = bisect.bisect_left(starts, e) - 1  # the last plate starting before this ends
            if _CURRENT_STRICT.fullmatch(fixed) and (k < 0 or found[k][1] <= s):
                extra.append((s, e, "PG221", 0.75, "UK number plate (read with look-alikes)"))
        return sorted(found + extra) if extra else found

    def _cue(self, text: str, start: int, end: int) -> bool:
        window = text[max(0, start - 40):start] + " " + text[end:end + 25]
        return self._lex.cue.search(window) is not None
