"""Ages next to a name, for the `date_of_birth` detector: "Happy birthday to Sam who is 8!",
"Leo, who turned 10 last week", "Amy turns 12", "sweet sixteen"; and, when the policy asks for
them (`[detectors.date_of_birth] ages_next_to_names = true`), ages that tell no birthday:
"Amy (11)", "Amy, 11, from Leeds", "Amy, aged 9", "Ben is 11 years old", "our 9-year-old
Amy". DESIGN.md counts an age *with a birthday* as a date of birth; an age alone next to a
first name is not one (issue 13), and by default is no finding.

`NamedAges` is a mixin of `DateOfBirthDetector`, as `BirthdayWordings` is. Written by the
postguard project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...model import Finding
from ...scans import LONG_TEXT, folded, gate_hits, gated_finditer, matches_at
from .ages import BirthdayWordings
from .words import AFTER_SPACE, Spans, scan

_MAX_AGE = 19  # as in detector.py: ages above this are adults' milestones
# a verb of a birthday inside an age finding ("turns 12", "who turned 10")
_TURN = re.compile(r"turn", re.IGNORECASE)
# when the age is reached, right after it ("will be 16 on the 4th of December", "is 11 today")
_YEAR = re.compile("year")  # searched in the folded text
_NUMBER_REACH = 9  # the longest age the year_old form reads ("seventeen")


def _year_olds(year_old: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`year_old.finditer(text)` ("Sam, eleven years old"); on a long post tried only just
    before the spaces and hyphens before a "year"."""
    if len(text) < LONG_TEXT:
        return year_old.finditer(text)
    return matches_at(year_old, text, _numbers_before(text, gate_hits(_YEAR, folded(text))))


def _numbers_before(text: str, hits: Iterable[int]) -> Iterator[int]:
    """Where an age (1 to _NUMBER_REACH characters) that ends where the spaces and hyphens
    before a hit begin may start; ascending, once each (each character is read once)."""
    done = 0
    for q in hits:
        r = q
        while r > done and (text[r - 1].isspace() or text[r - 1] == "-"):
            r -= 1
        if r < q:  # an age needs spaces or a hyphen before "year"
            yield from range(max(r - _NUMBER_REACH, done), r)
        done = max(done, q)


_WHEN_AFTER = re.compile(r"[ \t]+(?:on|this|next|today|tomorrow|tonight)\b", re.IGNORECASE)


class NamedAges(BirthdayWordings):
    """Ages next to a name (see the module docstring); mixed into `DateOfBirthDetector`."""

    _ages_alone: bool  # the policy's ages_next_to_names

    def _name_before(self, text: str, pos: int) -> bool:
        raise NotImplementedError  # DateOfBirthDetector's

    def _age_finding(self, start: int, end: int, message: str) -> Finding:
        raise NotImplementedError

    def _described(self, text: str, start: int) -> bool:
        """ "a quiet 16-year-old", "under 8 years old": a description or a rule, unless a name
        stands right before the article ("Amy, a 12-year-old")."""
        r = self._r
        words = list(re.finditer(r"[\w'’]+", text[max(0, start - 40):start]))[-3:]
        keys = [w.group().casefold() for w in words]
        if keys and keys[-1] in r.before_age:
            return True
        for k in range(len(keys) - 1, -1, -1):
            if keys[k] in r.articles:
                pos = max(0, start - 40) + words[k].start()
                m = re.search(r"(?:\s+(?:is|was))?\s*$", text[max(0, pos - 10):pos])
                cut = pos - (len(m.group()) if m else 0)
                return not self._name_before(text, cut)
        return False

    def _ages(self, text: str, low: str, taken: Spans, turn: bool, has_digit: bool,
              birth: bool) -> Iterator[Finding]:
        """Ages next to a name; in a birthday post ("Happy birthday to Sam who is 8!") an age
        needs no comma before "who" and no "today" after "is"."""
        r = self._r
        found: list[tuple[int, int, str]] = []
        if "sweet" in low:
            for m in gated_finditer(r.sweet, text):
                lo, _ = self._sentence(text, m.start(), m.end())
                if self._name_near(text, m.start(), m.end()) and not r.sweet_not.match(
                        text, m.end()) and not r.sweet_not_before.search(
                        text, max(lo, m.start() - 40), m.start()):
                    found.append((m.start(), m.end(), "age with a birthday"))
        if ", who" in text or birth and " who " in low:
            for m in gated_finditer(r.who_age, text):
                if text[m.start()] != "," and not birth:
                    continue
                if 1 <= self._age(m.group("n")) <= _MAX_AGE and self._name_before(
                    text, m.start()
                ) and not self._animal_before(text, m.start()) and not r.fiction_after.match(
                        text, m.end()):
                    found.append((m.start("who"), m.end("n"), "age next to a name"))
        turns = turn or (
            (" is " in low or "will be" in low) and (birth or "today" in low or "tomorrow" in low
                                                    or "old" in low or "this week" in low
                                                    or " on " in low)
        )
        for m in scan(r.turns, text, AFTER_SPACE) if turns else ():
            verb = m.group("verb")
            if verb.split()[-1] in ("is", "be", "now") and not m.group("tail") and not (
                    birth and not r.not_an_age.match(text, m.end("n"))):
                continue  # "Amy is 11" alone may be anything; "Amy is 11 today" is an age
            if 1 <= self._age(m.group("n")) <= _MAX_AGE and self._name_before(text, m.start()) \
                    and not self._animal_before(text, m.start()):
                found.append((m.start("verb"), m.end("n"), "age next to a name"))
        if has_digit and "(" in text:
            for m in gated_finditer(r.paren_age, text):
                if m.start() == 0 or not text[m.start() - 1].isalpha():
                    continue
                if 1 <= int(m.group("n")) <= _MAX_AGE and self._name_before(text, m.start()) \
                        and not self._counted(text, m.start()):
                    found.append((m.start("n") - 1, m.end(), "age next to a name"))
        # (search first: most posts have no match, and a search is cheaper than an iterator)
        for m in gated_finditer(r.comma_age, text) if has_digit else ():
            if m.start() == 0 or not text[m.start() - 1].isalpha():
                continue
            if 1 <= int(m.group("n")) <= _MAX_AGE and self._name_before(text, m.start()):
                found.append((m.start("n"), m.end("n"), "age next to a name"))
        for m in gated_finditer(r.aged, text) if "aged" in low else ():
            before = r.word_before.search(text, max(0, m.start() - 40), m.start())
            pre = before.group(1).casefold() if before else ""
            if pre in r.groups or not 1 <= self._age(m.group("n")) <= _MAX_AGE:
                continue
            found.append((m.start(), m.end("n"), "child's age"))
        if "old" in low and "year" in low:
            for m in _year_olds(r.year_old, text):
                if 1 <= self._age(m.group("n")) <= _MAX_AGE and not self._described(
                    text, m.start()
                ) and self._name_near(text, m.start(), m.end()):
                    found.append((m.start(), m.end(), "age next to a name"))
        for start, end, message in sorted(found):
            if taken.overlaps(start, end):
                continue
            if not (self._ages_alone or birth or message == "age with a birthday"
                    or _TURN.search(text, start, end) or _WHEN_AFTER.match(text, end)):
                continue  # "Maisie (11)", "Amy, 11, from Leeds": an age, not a birthday
            taken.add(start, end)
            yield self._age_finding(start, end, message)
