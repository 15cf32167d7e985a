"""What a candidate phone number is, for phone.py and its spelled-out passes: PG101 (valid,
or a student's country's number next to a cue), PG102 (merely possible, with a cue or a
phone's whole shape), allowed (on the policy's `phones` allowlist) or nothing. The rules are
those of the `phone` module's doc: libphonenumber's reading (`phone_numbering`) and the
nearest cue word (`phone_cues`).
"""

from __future__ import annotations

import re

from .phone_cues import NEG as _NEG
from .phone_cues import POS as _POS
from .phone_cues import Cues
from .phone_numbering import bare_shape, foreign_reading, is_thousands, number_facts

_GROUP_AFTER = re.compile(r"[ \u00a0.\-]?[0-9]")
_GROUP_OF_ONE = re.compile(r"(?<![0-9])[0-9](?![0-9])")
_ALLOWED = ("allowed", 1.0)


class PhoneVerdicts:
    """The verdicts over one policy's allowlisted numbers (E.164)."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self._allowed = allowed

    def judge(
        self, cand: str, kind: str, ndigits: int, start: int, end: int,
        cues: Cues,
    ) -> tuple[str, float] | None:
        verdict = self._judge_uk(cand, kind, ndigits, start, end, cues)
        # (the whole run of digit groups: "512 774 093 26" holds no Polish mobile)
        if verdict is None and kind in ("bare", "zero") and ndigits >= 8 \
                and not _GROUP_AFTER.match(cues.text, end) \
                and cues.polarity(start, end) == _POS:
            # "Móvil: 612 34 56 78": a number of a student's country in its own layout
            other = foreign_reading(cand)
            if other is not None:
                return _ALLOWED if other in self._allowed else ("PG101", 0.85)
        return verdict

    def judge_read_out(self, digits: str, start: int, end: int, cues: Cues
                        ) -> tuple[str, float] | None:
        """Digits read out in another language: a 0 or 00 number by the usual rules, any
        other only next to a cue and valid in a student's country."""
        if digits[0] == "0":
            kind = "00" if digits[1] == "0" else "zero"
            return self.judge(digits, kind, len(digits), start, end, cues)
        if cues.polarity(start, end) != _POS:
            return None
        other = foreign_reading(digits)
        if other is None:
            return None
        return _ALLOWED if other in self._allowed else ("PG101", 0.85)

    def _judge_uk(
        self, cand: str, kind: str, ndigits: int, start: int, end: int,
        cues: Cues,
    ) -> tuple[str, float] | None:
        if kind == "nozero":
            # a UK mobile read out without its 0 ("seven seven double-oh nine hundred ..."):
            # only next to a contact cue
            if cues.polarity(start, end) != _POS:
                return None
            cand, kind = "0" + cand, "zero"
            facts = number_facts(cand, kind)
            if facts is None or not facts[2]:
                return None
            if facts[0] in self._allowed:
                return _ALLOWED
            return ("PG101", 0.85) if facts[1] else ("PG102", 0.75)
        facts = number_facts(cand, kind)
        if facts is None:
            return None
        e164, valid, possible, foreign_e164 = facts
        if e164 in self._allowed or foreign_e164 in self._allowed:
            return _ALLOWED
        if foreign_e164:
            return "PG101", 0.9
        if kind == "bare" and (is_thousands(cand) or not bare_shape(cand)):
            return None
        if valid and kind != "bare":
            # A reference word wins only over an unspaced run ("UPN 01234567890"): a number
            # laid out like a phone ("Order line 0207 183 8750") stays a phone.
            if not cand.isdigit() or cues.polarity(start, end) != _NEG:
                return "PG101", 0.99
            return None
        if not possible or (not valid and _GROUP_OF_ONE.findall(cand)[1:]):
            # a possible number is laid out like one: not "0 1 2 3 4 5 6 7 8 9 10"
            return None
        cue = cues.polarity(start, end)
        if cue == _NEG:
            # a UK mobile's whole shape laid out in groups ("Tickets 07700 900 581") is a
            # number, as a valid one would be; a reference word wins over anything else
            if not (kind == "zero" and ndigits == 11 and not cand.isdigit()
                    and cand.lstrip("(")[:2] == "07"):
                return None
            cue = 0
        if cue == _POS:
            return ("PG101", 0.9) if valid else ("PG102", 0.8)
        if kind in ("plus", "00") or (kind == "zero" and ndigits == 11):
            return "PG102", 0.7
        return None
