"""Dates of birth and ages that identify a child.

PG311: a full date (day, month, year, in any common layout: "3 May 2014", "14 MAR 2012", "the
third of March 2012", "3. März 2012", "5 de mayo de 2012", or a named day with its year:
"Boxing Day 2012") next to a birth cue (born, DOB, date of birth, birthday, geboren, nació).
PG312: an age with a birthday ("Happy 11th birthday", "12 today!", "her 11th on Friday",
"Sam (Tues, turning 8)"), an age with a name in a birthday post ("Happy birthday to Sam who
is 8!"), or a birthday without the year next to a name ("Amy's birthday is on 3 May"). An age
next to a name that tells no birthday ("Amy (11)", "Amy, 11, from Leeds") is a finding only
when the policy asks for it (`named_ages.py`). Dates of events,
year-only mentions ("born in 1564"), group ages, rules ("under 8 years old"), unnamed
descriptions ("a 16-year-old"), pets', schools' and adults' ages and counts are not
findings. Words live in `data/dates.toml`, the rules built from them in `words.py`, the
birthday wordings in `ages.py`, ages next to names in `named_ages.py`, other scripts in
`scripts.py`.
"""

from __future__ import annotations

import datetime
import functools
import re
import sys
from collections.abc import Iterable, Iterator

from ...errors import ConfigurationError
from ...model import Action, Category, Finding, Severity, Suggestion
from ...policy import Policy
from ...scans import gated_finditer, gated_search
from ..base import TextDetector
from .ages import age_fits, word_before
from .named_ages import NamedAges
from .scripts import document_dated, script_birth_dates
from .words import Spans, rules, scan

# identity documents, the cheap test before reading dates near them (`scripts.document_dated`)
_DOCUMENT_STEMS = ("passport", "pasapor", "passeport", "passaporto", "paszport", "reisepass",
                   "ausweis", "id card", "identity card")
_HISTORY = 100  # a birth more than this many years ago is history, not a person to protect
_MAX_AGE = 19  # ages above this are adults' milestones
_BEFORE = 60  # characters a cue may stand before a date
_AFTER = 40  # ... or after it
_LIST = 200  # ... or this far before a date in a list of names ("Birthdays: Sam 3 May, ...")
# A sentence ends at . ! ? before a space, or a line break; not at the dots of "d.o.b.",
# "(b. 3 May 2014)", "geb. 14.02.2012" or "ur. 3 maja 2012"
_SENTENCE_END = re.compile(
    r"(?:(?<![.\s(][^\W\d_])(?<![Gg]eb)(?<![\W_][Uu]r)\.|[!?])(?:\s|$)|\n")
_DIGIT = re.compile(r"\d")


@functools.cache
def _other_digits() -> re.Pattern[str]:
    """What \\d matches beyond 0-9 (Arabic-Indic, full-width ... digits), read once from
    the character database when a post needs it."""
    return re.compile("[" + "".join(
        chr(c) for c in range(0x80, sys.maxunicode + 1) if chr(c).isdecimal()) + "]")


def _ascii_digit(m: re.Match[str]) -> str:
    return str(int(m.group()))


def _with_ascii_digits(text: str) -> str:
    """The text with every digit an ASCII one (one character each: offsets stay), by a
    substitution where they are (a loop over every character is slow on a 5 MB post)."""
    return _other_digits().sub(_ascii_digit, text)


def _lowered_in_place(text: str) -> str:
    """Each character lower-cased on its own, but for the one whose lower case is two ("İ"),
    kept as it is: offsets stay. A capital sigma is "σ", not the final "ς" a whole string's
    lower() may give."""
    return "\u0130".join(part.replace("\u03a3", "\u03c3").lower()
                          for part in text.split("\u0130"))

_YEAR = re.compile(r"\d{4}")
_SHORT_YEAR = re.compile(r"['\u2019]\d{2}(?!\d)")  # "8th Aug '13"
_NUMERIC = re.compile(r"\d[/.\-]\d")
# Every day of the month as an ordinal word contains one of these ("first", "twentieth").
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "teenth", "ieth")
# Substrings (of the lowercased text) without which a rule cannot match.
_NAME = re.compile(r"(?<![\w'’])[^\W\d_][\w'’-]*")


def _year(raw: str) -> int:
    y = int(raw)
    if len(raw) == 2:
        now = datetime.date.today().year % 100
        y += 2000 if y <= now else 1900
    return y


def _valid(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    this_year = datetime.date.today().year
    return this_year - _HISTORY <= y <= this_year


class DateOfBirthDetector(NamedAges, TextDetector):
    name = "date_of_birth"
    codes = ("PG311", "PG312")
    categories = (Category.DATE_OF_BIRTH,)
    description = "full dates of birth, and ages or birthdays that identify a child"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._r = rules()
        org = policy.section("organisation").get("name")
        self._org = org.casefold() if isinstance(org, str) else ""
        alone = policy.section(self.name).get("ages_next_to_names", False)
        if not isinstance(alone, bool):
            raise ConfigurationError(
                f"{policy.source}: [detectors.date_of_birth] ages_next_to_names must be true "
                "or false")
        self._ages_alone = alone

    # -- helpers -----------------------------------------------------------------------
    def _is_name(self, word: str) -> bool:
        key = word.casefold().replace("’", "'")
        key = key[:-2] if key.endswith("'s") else key
        return (
            word[:1].isupper() and len(key) > 1 and key not in self._r.not_names
            and key != self._org and not word.isupper()
        )

    def _name_near(self, text: str, start: int, end: int) -> bool:
        """A capitalised word that may be a person's name in the same sentence, close by."""
        lo, hi = self._sentence(text, start, end)
        for m in _NAME.finditer(text, max(lo, start - _BEFORE), min(hi, end + _AFTER)):
            if start <= m.start() < end:
                continue
            if self._is_name(m.group()) and not self._r.months.get(m.group().casefold()):
                return True
        return False

    @staticmethod
    def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
        lo = max(0, start - _BEFORE - 1)
        last = None
        for m in _SENTENCE_END.finditer(text, lo, start):
            last = m
        lo = last.end() if last else lo
        m2 = _SENTENCE_END.search(text, end, min(len(text), end + _AFTER + 1))
        hi = m2.start() if m2 else min(len(text), end + _AFTER)
        return lo, hi

    def _cue(self, text: str, start: int, end: int, cue: re.Pattern[str]) -> re.Match[str] | None:
        """A cue in the same sentence, just before or just after the span; a cue followed by a
        range word ("born between", "born after") does not count."""
        lo, hi = self._sentence(text, start, end)
        rng = self._r.range_words
        for m in cue.finditer(text, max(lo, start - _BEFORE), start):
            if not rng.search(text, m.end(), start):
                return m
        for m in cue.finditer(text, end, min(hi, end + _AFTER)):
            if not rng.search(text, m.end(), min(len(text), m.end() + 12)):
                return m
        return None

    # -- the scan ----------------------------------------------------------------------
    def detect_text(self, text: str) -> Iterable[Finding]:
        # Cheap pre-filters first: substring tests on a lowercased copy cost a microsecond.
        # (An `or` chain of `in` tests is the cheapest scan there is here: each costs about
        # 0.1 us, a regex alternation of the same words several times that.)
        digit = _DIGIT.search(text)
        has_digit = digit is not None
        if digit is not None and not digit.group().isascii():  # "DOB ٠٣/٠٥/٢٠١٤"
            # the rules read ASCII digits: each other digit becomes one, so offsets stay
            text = _with_ascii_digits(text)
        low = text.lower()
        if len(low) != len(text):  # "İ" lowers to two characters: keep offsets aligned
            low = _lowered_in_place(text)
        taken = Spans()
        # "出生日期：2013年11月22日", "생년월일: ...", "出生日期：二〇一二年五月十四日"
        if (has_digit or "年" in text) and not low.isascii():
            for start, end in script_birth_dates(text):
                taken.add(start, end)
                yield self._full(start, end)
        day = "day" in low
        birth = "born" in low or "birth" in low or "dob" in low or "d.o.b" in low or day and (
            "bday" in low or "b-day" in low or "b'day" in low or "b’day" in low) or (
            "years old on" in low)
        turn = "turn" in low
        if not (has_digit or birth or turn or "aged" in low or "old" in low or "young" in low
                or "who " in low or "sweet" in low):
            return
        bday = birth  # a birthday post: an age there needs no "today" ("Sam who is 8!")
        if has_digit and not birth:  # "geboren am 3. März 2012", "nació el 5 de mayo"
            birth = any(map(low.__contains__, self._r.birth_stems))
        if birth or has_digit and any(map(low.__contains__, _DOCUMENT_STEMS)):
            yield from self._dates(text, low, taken)  # (or "her passport says 3 May 2012")
            yield from self._ordinal_birthdays(text, taken)
        if birth or has_digit and ("baby" in low or "arrived" in low) and _YEAR.search(text):
            # "Boxing Day 2012", "a New Year's Day 2013 baby"
            for start, end, code in self._holidays(text, low):
                if not taken.overlaps(start, end):
                    taken.add(start, end)
                    yield self._full(start, end) if code == "PG311" else \
                        self._birthday(start, end)
        yield from self._ages(text, low, taken, turn, has_digit, bday)
        found = []
        if day or "week" in low or "tomorrow" in low:  # "12 today", "her 11th on Friday"
            words = turn or bday or "years" in low
            if has_digit or words:
                # ages in words ("thirteen") only in a post with a word ages go with
                rx = self._r.age_when_words if words else self._r.age_when
                m = gated_search(rx, low)  # most posts have no match: no call for them
                if m is not None:
                    found = self._when_ages(text, low, rx, m)
        if turn:
            found += self._turning(text, low)
        if has_digit and "happy" in low:  # "Happy 7th to Sam!"
            found += self._happy_ordinals(text, low)
        for start, end, message in sorted(found) if found else ():
            if not taken.overlaps(start, end):
                taken.add(start, end)
                yield self._age_finding(start, end, message)

    def _full_dates(
        self, text: str, low: str, words: bool, seen: Spans
    ) -> Iterator[tuple[int, int, int]]:
        """(start, end, year) of every valid full date in the text (with ordinal words when
        `words`); `seen` gets the spans of every full date, valid or not, so that "23 April
        1564" is not read as "23 April"."""
        has_year = _YEAR.search(text) is not None or _SHORT_YEAR.search(text) is not None
        has_numeric = _NUMERIC.search(text) is not None
        r = self._r
        for k, (rx, before) in enumerate((*r.full_dates, *(r.word_dates if words else ()))):
            if not (has_numeric if k in (2, 3) else has_year) or k == 4 and "of the" not in low:
                continue
            for m in scan(rx, text, before):
                seen.add(m.start(), m.end())
                g = m.groupdict()
                y = _year(g["y"])
                if "a" in g and g.get("a") is not None:
                    a, b = int(g["a"]), int(g["b"])
                    if not (_valid(y, b, a) or _valid(y, a, b)):
                        continue
                else:
                    mon = g["m"]
                    month = int(mon) if mon.isdigit() else self._r.all_months[mon.casefold()]
                    if not _valid(y, month, self._day(g)):
                        continue
                yield m.start(), m.end(), y

    def _dates(self, text: str, low: str, taken: Spans) -> Iterator[Finding]:
        r = self._r
        this_year = datetime.date.today().year
        seen = Spans()
        words = any(w in low for w in _ORDINAL_WORDS)  # "the third of March"
        for start, end, year in sorted(set(self._full_dates(text, low, words, seen))):
            if taken.overlaps(start, end):
                continue
            if self._cue(text, start, end, r.birth_cue):
                code = "PG311"
            elif (bcue := self._cue(text, start, end, r.birthday_cue)) is not None:
                if bcue.group().lower() == "years old on" and not age_fits(
                        text, bcue.start(), this_year - year):
                    continue  # "the club was 10 years old on 3 May 2024": not a birth date
                if year < this_year - 1:
                    code = "PG311"
                elif self._name_near(text, start, end):
                    code = "PG312"  # this year's celebration: the day and month, and a name
                else:
                    continue
            elif document_dated(text, *self._sentence(text, start, end), this_year - year):
                code = "PG311"  # "her passport says 3 May 2012"
            else:
                continue
            taken.add(start, end)
            yield self._full(start, end) if code == "PG311" else self._birthday(start, end)
        numeric = (r.numeric_day_month,) if "/" in text else ()
        for rx, before in (*r.day_month, *(r.word_day_month if words else ()), *numeric):
            for m in scan(rx, text, before):
                start, end = m.start(), m.end()
                if taken.overlaps(start, end) or seen.overlaps(start, end):
                    continue
                mon = m.group("m")
                listed = self._name_before(text, start) or text[start - 1:start] == "(" \
                    and self._name_before(text, start - 1)  # "Sam 12/03", "Leo (3 May)"
                if mon.isdigit() and not listed:
                    continue  # not "3/4 of the class"
                month = int(mon) if mon.isdigit() else r.months[mon.casefold()]
                if not _valid(2000, month, self._day(m.groupdict())):  # leap: 29 Feb is fine
                    continue
                cue = self._cue(text, start, end, r.any_cue)
                if cue is None and listed:  # a list: "Sam (12/03), ... and Leo (19/03)"
                    cue = next((c for c in r.any_cue.finditer(text, max(0, start - _LIST),
                                                              start)
                                if _SENTENCE_END.search(text, c.end(), start) is None), None)
                if cue is None:
                    continue
                if not listed and taken.overlaps(*sorted((cue.end(), start) if cue.start() < start
                                                         else (end, cue.start()))):
                    continue  # "date of birth 5 March 2011, arriving 6 July": the cue's
                possessive = re.search(r"['’]s\s+$", text[max(0, cue.start() - 3):cue.start()])
                owner = word_before(text, cue.start()) if possessive else None
                if owner is not None and owner[1][:1].isupper() and not self._is_name(owner[1]):
                    continue  # "Shakespeare's birthday is on 23 April": a well-known person's
                if not (possessive or self._name_near(text, start, end)):
                    continue
                taken.add(start, end)
                yield self._birthday(start, end)

    def _day(self, g: dict[str, str | None]) -> int:
        """The day of the month from a match's `d` (digits) or `dw` (an ordinal word)."""
        d = g.get("d")
        if d is not None:
            return int(d)
        return self._r.day_words.get(re.sub(r"\s+", "-", str(g.get("dw")).casefold()), 0)

    def _full(self, start: int, end: int) -> Finding:
        return self.finding("PG311", Category.DATE_OF_BIRTH, Severity.HIGH,
                            "full date of birth", score=0.95, start=start, end=end,
                            suggestion=Suggestion(Action.REPLACE, "[date removed]"))

    def _age_finding(self, start: int, end: int, message: str) -> Finding:
        return self.finding("PG312", Category.DATE_OF_BIRTH, Severity.MEDIUM, message,
                            score=0.75, start=start, end=end,
                            suggestion=Suggestion(Action.REVIEW))

    def _birthday(self, start: int, end: int) -> Finding:
        return self.finding("PG312", Category.DATE_OF_BIRTH, Severity.MEDIUM,
                            "birthday next to a name", score=0.8, start=start, end=end,
                            suggestion=Suggestion(Action.REPLACE, "[date removed]"))

    def _ordinal_birthdays(self, text: str, taken: Spans) -> Iterator[Finding]:
        r = self._r
        for cue in gated_finditer(r.birthday_cue, text):
            # The ordinal just before "birthday": looked for behind each cue, not everywhere.
            m = r.ordinal_before.search(text, max(0, cue.start() - 20), cue.start())
            if m is None:
                continue
            raw = m.group("n").casefold()
            n = int(raw[:-2]) if raw[:1].isdigit() else r.ordinals[raw]
            if not 1 <= n <= _MAX_AGE:
                continue
            before = text[max(0, m.start() - 30):m.start()].casefold().split()
            if any(w.replace("’", "'") in r.org_birthday for w in before[-2:]):
                continue  # "celebrating our 10th birthday": the organisation's
            if self._org and self._org in before[-3:]:
                continue
            if r.org_birthday_after.match(text, cue.end()):
                continue  # "Happy 10th birthday to our Breakfast Club!"
            start, end = m.start("n"), m.end("n")
            if taken.overlaps(start, end):
                continue  # "May 11th birthday": the day of a date already found
            if self._animal_before(text, end):
                continue  # a pet's birthday is not a child's
            if not self._name_near(text, start, cue.end()):
                prev = word_before(text, start)
                if not (prev and prev[1].casefold() in ("his", "her")
                        or r.when_after.match(text, cue.end())):
                    continue  # "Happy 15th birthday!" names no one and says not when

            taken.add(start, end)
            yield self.finding("PG312", Category.DATE_OF_BIRTH, Severity.MEDIUM,
                               "age with a birthday", score=0.8, start=start, end=end,
                               suggestion=Suggestion(Action.REMOVE))

    def _age(self, raw: str) -> int:
        raw = raw.casefold()
        return int(raw) if raw.isdigit() else self._r.ages.get(raw, 0)

    def _name_before(self, text: str, pos: int) -> bool:
        """The word ending just before `pos` (spaces between) may be a person's name."""
        found = word_before(text, pos)
        return found is not None and self._is_name(found[1])

    def _animal_before(self, text: str, pos: int) -> bool:
        """A pet or a mascot is named just before `pos` in the same sentence."""
        lo, _ = self._sentence(text, pos, pos)
        return self._r.animals.search(text, max(lo, pos - 50), pos) is not None

    def _counted(self, text: str, pos: int) -> bool:
        """ "Goals from Sam Jones (2)": a count in brackets, not an age."""
        lo, _ = self._sentence(text, pos, pos)
        return self._r.counts.search(text, max(lo, pos - 60), pos) is not None
