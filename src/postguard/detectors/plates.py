"""UK vehicle number plates, in post text and in text read from photos.

Current format (since 2001): two letters, a two-digit age identifier, three letters
("AB12 CDE"). Older prefix ("P123 ABC") and suffix ("ABC 123P") formats need their space and
capitals, and a three-letter group that is not an ordinary word ("A4 BOX" is not a plate).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

from ..model import Action, Category, Finding, Severity, Suggestion
from .base import TextDetector

_L = "A-HJ-PR-Y"  # no I, Q, Z in the memory tag
_AGE = r"(?:0[2-9]|[12][0-9]|5[1-9]|[67][0-9])"
_CURRENT = re.compile(rf"(?<![A-Za-z0-9])[{_L}]{{2}}{_AGE} ?[A-HJ-PR-Z]{{3}}(?![A-Za-z0-9])")
_PREFIX = re.compile(r"(?<![A-Za-z0-9])[A-HJ-NP-TV-Y][1-9][0-9]{0,2} ([A-HJ-PR-Y]{3})"
                     r"(?![A-Za-z0-9])")
_SUFFIX = re.compile(r"(?<![A-Za-z0-9])([A-HJ-PR-Y]{3}) [1-9][0-9]{0,2}[A-HJ-NP-TV-Y]"
                     r"(?![A-Za-z0-9])")
_REPLACEMENT = "[plate removed]"
# OCR reads plates with look-alike characters (WYO5 LkP): letters, then two characters of
# which at least one is a digit, then three letters, any case. Normalised, then checked
# against the strict pattern above.
_LENIENT = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2})([0-9OoIlSZB]{2}) ?([A-Za-z0-9]{3})"
                      r"(?![A-Za-z0-9])")
_PLACE_BEFORE = re.compile(r"\b(?:room|block|building|unit|flat|gate|platform|seat|row|level|"
                           r"table|stand|court|year|class)\s*$", re.I)
_TO_DIGIT = str.maketrans("OoIlSZB", "0011528")
_TO_LETTER = str.maketrans("0158", "OISB")


@functools.cache
def _stopwords() -> frozenset[str]:
    raw = resources.files("postguard.data").joinpath("plate-stopwords.txt").read_text("utf-8")
    return frozenset(ln.strip().upper() for ln in raw.splitlines()
                     if ln.strip() and not ln.startswith("#"))


class VehiclePlateDetector(TextDetector):
    name = "vehicle_plate"
    codes = ("PG631", "PG632")
    categories = (Category.VEHICLE_PLATE,)
    description = "UK number plates, current and older formats"

    def detect_text(self, text: str) -> Iterable[Finding]:
        if not any(c.isdigit() for c in text):
            return
        seen: list[tuple[int, int]] = []
        for m in _CURRENT.finditer(text):
            seen.append(m.span())
            yield self.finding("PG631", Category.VEHICLE_PLATE, Severity.MEDIUM,
                               "UK number plate", score=0.9, start=m.start(), end=m.end(),
                               suggestion=Suggestion(Action.REMOVE, _REPLACEMENT))
        for m in _LENIENT.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in seen):
                continue
            age = m.group(2)
            if not any(c.isdigit() for c in age) or m.group(0).islower():
                continue
            fixed = (m.group(1).upper() + age.translate(_TO_DIGIT) + " "
                     + m.group(3).upper().translate(_TO_LETTER))
            if not _CURRENT.fullmatch(fixed):
                continue
            seen.append(m.span())
            yield self.finding("PG631", Category.VEHICLE_PLATE, Severity.MEDIUM,
                               "UK number plate (read with look-alike characters)", score=0.75,
                               start=m.start(), end=m.end(),
                               suggestion=Suggestion(Action.REMOVE, _REPLACEMENT))
        stop = _stopwords()
        for rx in (_PREFIX, _SUFFIX):
            for m in rx.finditer(text):
                if m.group(1) in stop or any(s < m.end() and m.start() < e for s, e in seen):
                    continue
                if _PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                    continue  # "Room B12 ABC": a room or gate code, not a plate
                seen.append(m.span())
                yield self.finding("PG632", Category.VEHICLE_PLATE, Severity.MEDIUM,
                                   "UK number plate (older format)", score=0.7,
                                   start=m.start(), end=m.end(),
                                   suggestion=Suggestion(Action.REMOVE, _REPLACEMENT))
