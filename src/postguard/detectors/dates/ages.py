"""Birthdays told in words rather than as a date, for the `date_of_birth` detector (dates.py):
an age tied to when the birthday falls ("turns thirteen tomorrow", "12 today!", "eleven years
young today", "it's her 11th on Friday", "his 9th is this weekend"), birthday lists in a class
post ("Sam (Tues, turning 8)"), and named days with a birth year ("born on Boxing Day 2012",
"a New Year's Day 2013 baby"). An age alone ("she is 9", "the 14-year-olds") is not a
birthday; nor is the age of a school, a club, a pet or a character in a book.

`BirthdayWordings` is a mixin of `DateOfBirthDetector`: it reads the detector's rules (`_r`)
and its helpers for names, sentences and cues. Written by the postguard project.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from ...scans import gated_finditer, gated_search
from .words import Rules

_HISTORY = 100  # as in dates.py: a birth more than a century ago is history
_MAX_AGE = 19  # ages above this are adults' milestones
# after "Happy 7th": the one it is wished to ("to Sam", ", Maya", " Sam")
_WISHED = re.compile(r"\s*[,!]?\s*(?:to\s+)?(?P<w>[^\W\d_][\w'’-]*)")
_ITS = re.compile(r"\bit(?:['’]s|\s+is|\s+was|\s+will\s+be)\s+$")
_BIRTHDAY_POST = ("birth", "bday", "b-day", "celebrat", "party", "cake", "card")
_NAME = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*")


def word_before(text: str, pos: int) -> tuple[int, str] | None:
    """The word ending just before `pos` (spaces and one comma between) and where it starts:
    a backwards walk, cheaper than a regex anchored at the end."""
    lo = max(0, pos - 40)
    j = pos
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j > lo and text[j - 1] == ",":
        j -= 1
        while j > lo and text[j - 1] in " \t":
            j -= 1
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in "_'’-"):
        k -= 1
    while k < j and not text[k].isalpha():
        k += 1
    return (k, text[k:j]) if k < j else None


class BirthdayWordings:
    """Birthdays in words (see the module docstring); mixed into `DateOfBirthDetector`."""

    _r: Rules

    def _is_name(self, word: str) -> bool:
        raise NotImplementedError  # DateOfBirthDetector's

    def _name_near(self, text: str, start: int, end: int) -> bool:
        raise NotImplementedError

    def _animal_before(self, text: str, pos: int) -> bool:
        raise NotImplementedError

    def _counted(self, text: str, pos: int) -> bool:
        raise NotImplementedError

    def _age(self, raw: str) -> int:
        raise NotImplementedError

    def _cue(self, text: str, start: int, end: int, cue: re.Pattern[str]) -> re.Match[str] | None:
        raise NotImplementedError

    @staticmethod
    def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
        raise NotImplementedError

    # -- who the age belongs to ----------------------------------------------------------
    def _a_child_before(self, text: str, pos: int, bare: bool) -> bool:
        """The age at `pos` is a person's: a name, a pronoun or a family word stands right
        before it, or nothing does ("12 today!" at the start of a sentence); not a place, a
        group, a pet or a thing ("our school turns 12", "it is 11 today"). A `bare` number
        (no verb, no "years old") takes a name only with a comma between ("Sam, 8 today"):
        "Top 10 today" is a list."""
        r = self._r
        lo, _ = self._sentence(text, pos, pos)
        found = word_before(text, pos)
        if found is None or found[0] < lo:
            return not any(c.isalnum() for c in text[lo:pos])
        key = found[1].casefold().replace("’", "'")
        if key in r.things or self._animal_before(text, pos):
            return False
        if key in r.openers:
            return True
        if bare and "," not in text[found[0]:pos]:
            return False
        return key in r.people or self._is_name(found[1])

    # -- an age or an ordinal just before "today", "on Friday", "this weekend" ---------------
    def _when_ages(self, text: str, low: str, rx: re.Pattern[str], m: re.Match[str] | None
                   ) -> list[tuple[int, int, str]]:
        """(start, end, message) of each age tied to when a birthday falls, from `rx`'s first
        match `m` in `low` (the text lower-cased with its length kept, so that offsets into
        it are offsets into `text`)."""
        hits = []
        birthday_post = any(w in low for w in _BIRTHDAY_POST)  # once: the post may be long
        while m is not None:
            hit = self._when_age(text, low, m, birthday_post)
            if hit is not None:
                hits.append(hit)
            m = gated_search(rx, low, m.end())
        return hits

    def _when_age(self, text: str, low: str, m: re.Match[str], birthday_post: bool
                  ) -> tuple[int, int, str] | None:
        r = self._r
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "£$€#.,:/+-_"):
            return None  # "2012 today", "£12 today", "3.12 today"
        raw = m.group("n").casefold()
        if m.group("o") or raw in r.ordinals:  # "her 11th on Friday", "his 9th is this weekend"
            n = r.ordinals[raw] if raw in r.ordinals else int(raw)
            found = word_before(text, start)
            if found is None or m.group("yo") or not 1 <= n <= _MAX_AGE:
                return None
            key = found[1].casefold().replace("’", "'")
            mine = key in ("his", "her") or (
                (key.endswith("'s") or key.endswith("s'")) and self._is_name(found[1]))
            if not mine or self._counted(text, start) or self._animal_before(text, start):
                return None
            # "it's her 11th on Friday", "his 9th is this weekend", or a birthday post; not
            # "what a match, his 2nd this week!"
            if not (m.group("cop") or _ITS.search(low, max(0, found[0] - 8), found[0])
                    or birthday_post):
                return None
            return start, m.end("o") if m.group("o") else m.end("n"), "age with a birthday"
        n = self._age(raw)
        verb = r.verb_before.search(text, max(0, start - 30), start)
        subject = start if verb is None else verb.start()
        bare = verb is None and not m.group("yo")
        if not 1 <= n <= _MAX_AGE or not self._a_child_before(text, subject, bare):
            return None
        if verb is not None and verb.group()[0] not in "'’":
            start = subject  # "turns 12", as the other age findings; not "'s 12"
        return start, m.end("yo") if m.group("yo") else m.end("n"), "age with a birthday"

    def _happy_ordinals(self, text: str, low: str) -> Iterator[tuple[int, int, str]]:
        """ "Happy 7th to Sam!", "Happy 10th, Maya": an ordinal wished to a name."""
        r = self._r
        for m in gated_finditer(r.happy_ordinal, low):
            raw = m.group("n")
            n = int(raw[:-2]) if raw[:1].isdigit() else r.ordinals[raw]
            w = _WISHED.match(text, m.end())
            if 1 <= n <= _MAX_AGE and w is not None and self._is_name(w.group("w")) \
                    and not self._animal_before(text, w.end()):
                yield m.start("n"), m.end("n"), "age with a birthday"

    def _turning(self, text: str, low: str) -> Iterator[tuple[int, int, str]]:
        """ "Sam (Tues, turning 8), Aisha (Thurs, turning 9)": a birthday list, in brackets or
        in a birthday post."""
        r = self._r
        birthday_post = "birthday" in low or "bday" in low or "b-day" in low
        for m in gated_finditer(r.turning, low):
            if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_-"):
                continue  # "returning 10 books"
            n = self._age(m.group("n"))
            if not 1 <= n <= _MAX_AGE:
                continue
            bracket = text.rfind("(", max(0, m.start() - 30), m.start())
            in_brackets = bracket != -1 and ")" not in text[bracket:m.start()]
            if not (birthday_post or in_brackets):
                continue
            found = word_before(text, m.start())
            key = found[1].casefold() if found else ""
            if key in r.things or self._animal_before(text, m.start()):
                continue
            yield m.start(), m.end("n"), "age with a birthday"

    # -- Boxing Day 2012 -------------------------------------------------------------------
    def _holidays(self, text: str, low: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, code) of named days that date a birth: with a year, a full date of
        birth (PG311); without one, a birthday next to a name (PG312)."""
        r = self._r
        if not any(s in low for s in r.holiday_stems):
            return
        this_year = datetime.date.today().year
        for m in gated_finditer(r.holiday, low):
            start, end = m.span()
            if self._animal_before(text, start):
                continue
            year = m.group("y")
            if year is None:
                if (self._cue(text, start, end, r.birth_cue) or self._cue(
                        text, start, end, r.birthday_cue)) and self._name_ahead(text, start):
                    yield start, end, "PG312"
                continue
            y = int(year)
            if not this_year - _HISTORY <= y <= this_year:
                continue
            if self._cue(text, start, end, r.birth_cue) or r.baby_after.match(text, end) \
                    or self._arrived(text, start):
                yield start, end, "PG311"
            elif self._cue(text, start, end, r.birthday_cue):
                if y < this_year - 1:
                    yield start, end, "PG311"
                elif self._name_near(text, start, end):
                    yield start, end, "PG312"

    def _name_ahead(self, text: str, start: int) -> bool:
        """A name earlier in the sentence: whose birthday a named day is ("Leo, born on
        Valentine's Day"; not "Born on Boxing Day? Tell us ...")."""
        lo, _ = self._sentence(text, start, start)
        return any(self._is_name(w.group()) and w.group().casefold() not in self._r.all_months
                   and not self._r.birth_cue.fullmatch(w.group())
                   for w in _NAME.finditer(text, max(lo, start - 60), start))

    def _arrived(self, text: str, start: int) -> bool:
        """ "Ella arrived on Boxing Day 2012": a birth verb with a person as its subject."""
        lo, _ = self._sentence(text, start, start)
        for a in self._r.arrived.finditer(text, max(lo, start - 30), start):
            found = word_before(text, a.start())
            if found and (found[1].casefold() in self._r.people or self._is_name(found[1])):
                return True
        return False


_AGE_BEFORE = re.compile(r"(\d{1,2})[ \t]+$")


def age_fits(text: str, cue_start: int, years_since: int) -> bool:
    """"<age> years old on <date>" tells a date of birth only when the age is the years since
    the date (give or take one): "12 years old on the 4th of Feb 2014" in 2026."""
    m = _AGE_BEFORE.search(text, max(0, cue_start - 4), cue_start)
    return m is not None and abs(int(m.group(1)) - years_since) <= 1
