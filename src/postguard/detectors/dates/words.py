"""The rules of the `date_of_birth` detector: regular expressions and word sets built once
from `data/dates.toml`, the `scan` that stands in for a pattern's look-behind, and the
`Spans` a post's findings have claimed. Written by the postguard project.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...datafiles import load_toml, read_data
from ...lazy_patterns import lazy_compile
from ...scans import gated_search

# A pattern and what may not stand just before a match (see `scan`). The patterns start with a
# plain character class instead of a look-behind, so that the regex engine skips straight to
# the digits or capitals that can start a match: three to five times quicker on long posts.
Scan = tuple[re.Pattern[str], str]
_NOT_AFTER_WORD = "w"  # as a leading \b: no letter, digit or _ just before
_NOT_AFTER_WORD_OR_DOT = "w."  # ... nor a dot ("1.3 May 2014")
_NOT_AFTER_NUMBER = "n"  # no digit, /, . or - just before ("123/05/2014")
AFTER_SPACE = "s"  # as a leading (?<=\s): a space just before, and not the text's start


def scan(rx: re.Pattern[str], text: str, before: str) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)`, keeping only matches whose preceding character `before` allows:
    a search resumes one character on after a refused start, so the result is what a
    look-behind in the pattern would give."""
    m = gated_search(rx, text)
    while m is not None:
        s = m.start()
        c = text[s - 1] if s else " "
        if before == AFTER_SPACE:
            refused = not s or not c.isspace()
        elif before == _NOT_AFTER_NUMBER:
            refused = c.isdecimal() or c in "/.-"
        else:
            refused = c.isalnum() or c == "_" or (c == "." and before == _NOT_AFTER_WORD_OR_DOT)
        if refused:
            m = gated_search(rx, text, s + 1)
            continue
        yield m
        m = gated_search(rx, text, m.end())


_NONE: list[int] = []  # shared, never changed: Spans.add makes its own lists


class Spans:
    """Spans already claimed, kept sorted: overlap checks stay cheap on a 5 MB post."""

    __slots__ = ("starts", "ends")
    _LONGEST = 80  # no span here is longer, so a look back this far is enough

    def __init__(self) -> None:
        self.starts: list[int] = _NONE  # a list from the first add: most posts have none
        self.ends: list[int] = _NONE

    def overlaps(self, start: int, end: int) -> bool:
        j = bisect.bisect_left(self.starts, end) - 1
        while j >= 0 and self.starts[j] > start - self._LONGEST:
            if self.ends[j] > start:
                return True
            j -= 1
        return j >= 0 and self.ends[j] > start

    def add(self, start: int, end: int) -> None:
        if self.starts is _NONE:
            self.starts, self.ends = [], []
        j = bisect.bisect_right(self.starts, start)
        self.starts.insert(j, start)
        self.ends.insert(j, end)


@dataclass(frozen=True)
class Rules:
    months: dict[str, int]
    ages: dict[str, int]
    ordinals: dict[str, int]
    not_names: frozenset[str]
    groups: frozenset[str]
    org_birthday: frozenset[str]
    full_dates: tuple[Scan, ...]
    day_month: tuple[Scan, ...]
    # the same with the day as an ordinal word ("the third of March 2012")
    word_dates: tuple[Scan, ...]
    word_day_month: tuple[Scan, ...]
    numeric_day_month: Scan  # "Sam 12/03", "Aisha (15/03)" in a birthday list
    happy_ordinal: re.Pattern[str]
    birth_cue: re.Pattern[str]
    birthday_cue: re.Pattern[str]
    any_cue: re.Pattern[str]
    range_words: re.Pattern[str]
    ordinal_before: re.Pattern[str]
    turns: re.Pattern[str]
    paren_age: re.Pattern[str]
    comma_age: re.Pattern[str]
    aged: re.Pattern[str]
    year_old: re.Pattern[str]
    word_before: re.Pattern[str]
    org_birthday_after: re.Pattern[str]
    who_age: re.Pattern[str]
    not_an_age: re.Pattern[str]
    sweet: re.Pattern[str]
    before_age: frozenset[str]
    articles: frozenset[str]
    animals: re.Pattern[str]
    counts: re.Pattern[str]
    # The birthday wordings of `date_ages.py`
    all_months: dict[str, int]
    day_words: dict[str, int]
    birth_stems: tuple[str, ...]
    holiday: re.Pattern[str]
    holiday_stems: tuple[str, ...]
    baby_after: re.Pattern[str]
    arrived: re.Pattern[str]
    when_stems: tuple[str, ...]
    when_after: re.Pattern[str]
    age_when: re.Pattern[str]
    age_when_words: re.Pattern[str]
    verb_before: re.Pattern[str]
    turning: re.Pattern[str]
    people: frozenset[str]
    openers: frozenset[str]
    things: frozenset[str]
    fiction_after: re.Pattern[str]
    sweet_not: re.Pattern[str]
    sweet_not_before: re.Pattern[str]


@functools.cache
def rules() -> Rules:
    raw = load_toml("dates.toml")
    months = {str(k).casefold(): int(v) for k, v in raw["months"].items()}
    ages = {str(k).casefold(): int(v) for k, v in raw["ages"].items()}
    ordinals = {str(k).casefold(): int(v) for k, v in raw["ordinals"].items()}
    all_months = months | {str(k).casefold(): int(v) for k, v in raw["foreign_months"].items()}
    day_words = ordinals | {str(k).casefold(): int(v) for k, v in raw["day_ordinals"].items()}
    bw = raw["birth_words"]
    wh = raw["when"]
    # Months in the three ways people write them ("May", "may", "MAY"), matched
    # case-sensitively: much faster to scan for than one case-insensitive alternation.
    mon = "|".join(sorted({v for m in months for v in (m, m.capitalize(), m.upper())},
                          key=len, reverse=True))
    num = r"\d{1,2}|" + "|".join(sorted(ages, key=len, reverse=True))
    ordw = "|".join(sorted(ordinals, key=len, reverse=True))
    cues = raw["cues"]
    ctx = raw["context"]
    adverbs = "|".join(re.escape(w) for w in ctx["age_adverbs"])
    units = "|".join(re.escape(w) for w in ctx["units"])
    birth = "|".join([*cues["birth"], *bw["foreign"]])
    when = "|".join(wh["words"])
    agew = "|".join(sorted(ages, key=len, reverse=True))
    age_when_tail = (r"(?P<o>st|nd|rd|th)?(?P<yo>[\s-]+years?[\s-]+(?:old|young))?"
                     rf"(?P<cop>\s+(?:is|was|will\s+be))?,?\s+(?P<when>{when})")
    # "twenty-first", "twenty first": a space may stand for the hyphen
    dayw = "|".join(v.replace("-", r"[\s-]") for v in sorted(
        {v for w in day_words for v in (w, w.capitalize())}, key=len, reverse=True))
    all_mon = "|".join(sorted({v for m in all_months for v in (m, m.capitalize(), m.upper())},
                              key=len, reverse=True))
    bday = "|".join(re.escape(c) for c in cues["birthday"])
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    of_month = r"(?:\s+(?:of|de|del))?[\s\-]+"  # "3rd of May", "5 de mayo"
    # "May, 2014", "mayo de 2012", "Aug '13" (two digits only after an apostrophe)
    month_year = r"\.?,?(?:\s+de)?[\s\-]+['\u2019]?(?P<y>\d{4}|(?<=['\u2019])\d{2})(?!\d)"
    # a day of the month in digits, for a pattern's start: "3", "03", "31"
    day0 = r"(?P<d>[0-9][0-9]?)(?:st|nd|rd|th)?"
    full_dates: tuple[Scan, ...] = (
        # 3 May 2014, 3rd of May 2014, 03-May-2014, 14 MAR 2012, 3. März 2012, 1er mars 2013,
        # 5 de mayo de 2012
        (lazy_compile(rf"(?P<d>[0-9][0-9]?)(?:st|nd|rd|th|er|\.)?"
                    rf"{of_month}(?P<m>{all_mon}){month_year}"), _NOT_AFTER_WORD_OR_DOT),
        # May 3, 2014; May 3rd 2014; May the 3rd, 2014
        (lazy_compile(rf"(?P<m>{mon})\.?\s+(?:the\s+)?{day},?\s+(?P<y>\d{{4}})(?!\d)"),
         _NOT_AFTER_WORD),
        # 03/05/2014, 3.5.14, 03-05-2014 (day-month or month-day)
        (re.compile(r"(?P<a>[0-9][0-9]?)(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)"
                    r"(?P<y>\d{4}|\d{2})(?!\d|[/.\-]\d)"), _NOT_AFTER_NUMBER),
        # 2014-05-03, 2014/05/03
        (re.compile(r"(?P<y>[0-9]\d{3})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)"
                    r"(?P<d>\d{1,2})(?!\d|[/.\-]\d)"), _NOT_AFTER_NUMBER),
        # 2nd of the 11th 2012: the month as an ordinal
        (re.compile(rf"{day0}\s+of\s+the\s+(?P<m>1[0-2]|0?[1-9])(?:st|nd|rd|th)"
                    r",?\s+(?P<y>\d{4})(?!\d)"), _NOT_AFTER_WORD_OR_DOT),
    )
    word_dates: tuple[Scan, ...] = (
        # the third of March 2012, the twenty-first of May, 2013
        (lazy_compile(rf"\b(?P<dw>{dayw}){of_month}(?P<m>{all_mon}){month_year}"), ""),
        # March the third, 2012
        (lazy_compile(rf"\b(?P<m>{mon})\s+(?:the\s+)?(?P<dw>{dayw}),?\s+(?P<y>\d{{4}})(?!\d)"),
         ""),
    )
    cap_mon = "|".join(
        sorted({m.capitalize() for m in months} | {m.upper() for m in months}, key=len,
               reverse=True)
    )
    day_month: tuple[Scan, ...] = (
        (re.compile(rf"{day0}(?:\s+of)?\s+(?P<m>{cap_mon})\b"), _NOT_AFTER_WORD_OR_DOT),
        (lazy_compile(rf"(?P<m>{cap_mon})\.?\s+{day}\b"), _NOT_AFTER_WORD),
    )
    word_day_month: tuple[Scan, ...] = (
        # the third of March, March the third
        (lazy_compile(rf"\b[Tt]he\s+(?P<dw>{dayw})\s+of\s+(?P<m>{cap_mon})\b"), ""),
        (lazy_compile(rf"\b(?P<m>{cap_mon})\s+the\s+(?P<dw>{dayw})\b"), ""),
    )
    return Rules(
        months=months,
        ages=ages,
        ordinals=ordinals,
        not_names=frozenset(str(w).casefold() for w in raw["names"]["not_names"])
        | _famous_surnames(),
        groups=frozenset(str(w).casefold() for w in raw["names"]["groups"]),
        org_birthday=frozenset(
            str(w).casefold() for w in raw["names"]["organisation_birthday"]
        ),
        full_dates=full_dates,
        day_month=day_month,
        word_dates=word_dates,
        word_day_month=word_day_month,
        numeric_day_month=(
            re.compile(r"(?P<d>[0-9][0-9]?)/(?P<m>[0-9][0-9]?)(?![0-9]|/[0-9])"),
            _NOT_AFTER_NUMBER,
        ),
        # "Happy 7th to Sam!", "Happy 10th, Maya": an ordinal is a birthday (lower case text)
        happy_ordinal=lazy_compile(
            rf"happy\s+(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ordw})\b"
            r"(?!\s+(?:birthday|bday|b-day|b['’]day)\b)"
        ),
        # Not "new-born lambs" or "first-born".
        birth_cue=re.compile(rf"(?<![\w-])(?:{birth})(?!\w)", re.IGNORECASE),
        birthday_cue=re.compile(rf"\b(?:{bday})(?!\w)", re.IGNORECASE),
        any_cue=re.compile(rf"\b(?:{birth}|{bday})(?!\w)", re.IGNORECASE),
        range_words=re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in cues["range"]) + r")\b", re.IGNORECASE
        ),
        ordinal_before=re.compile(
            rf"(?<![\w'’])(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ordw})\s+$", re.IGNORECASE
        ),
        turns=re.compile(  # scanned with AFTER_SPACE
            r"(?P<verb>turns|turned|has\s+turned|is\s+turning|will\s+turn|will\s+be|"
            rf"is\s+now|is)\s+(?:(?:{adverbs})\s+)?(?P<n>{num})\b"
            r"(?P<tail>\s+(?:today|tomorrow|this\s+week|on\s+\w+|years?\s+old))?"
        ),
        paren_age=re.compile(r"\s?\((?P<n>\d{1,2})\)"),
        comma_age=re.compile(r",\s(?P<n>\d{1,2}),\s(?!\d)"),
        aged=re.compile(rf"(?<![\w'’])[Aa]ged\s+(?P<n>{num})\b"
                        r"(?!\s*(?:-|–|to\b|and\b|or\b|\+|&|plus\b|years?\s+and\b))"),
        year_old=re.compile(rf"\b(?P<n>{num})[\s-]+years?[\s-]+old\b(?![\s-]*s\b)",
                            re.IGNORECASE),
        org_birthday_after=re.compile(
            r"\s+to\s+(?:us\b|(?:our|the)\s+(?:[\w'’-]+\s+){0,2}?(?:"
            + "|".join(re.escape(str(w)) for w in raw["names"]["organisation_nouns"])
            + r")\b)",
            re.IGNORECASE,
        ),
        word_before=re.compile(r"([^\W\d_][\w'’-]*)[ \t]*,?[ \t]*$"),
        # "Amy, who is just 12": the name stands before the comma.
        who_age=lazy_compile(
            r"(?:,\s+|\s+)(?P<who>who)\s+(?:is|was|turns|turned|has\s+turned|is\s+turning|will\s+be|"
            rf"will\s+turn)\s+(?:(?:{adverbs})\s+)?(?P<n>{num})\b"
            rf"(?![\d:.,%]\d|%|\s*-|\s+(?:{units})\b)"
        ),
        # after an age: a measure, a time or a range, not an age ("is 12 minutes late")
        not_an_age=lazy_compile(
            rf"(?:[\d:.,%]\d|%|\s*[-–]|\s*(?:am|pm)\b|\s+(?:{units})\b)", re.IGNORECASE
        ),
        sweet=re.compile(r"\b[Ss]weet\s+(?:16|[Ss]ixteen)\b"),
        before_age=frozenset(str(w) for w in ctx["before_age"]),
        articles=frozenset(str(w) for w in ctx["articles"]),
        animals=re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in ctx["animals"]) + r")\b", re.IGNORECASE
        ),
        counts=re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in ctx["counts"]) + r")\b", re.IGNORECASE
        ),
        all_months=all_months,
        day_words={k.replace(" ", "-"): v for k, v in day_words.items()},
        birth_stems=tuple(str(w) for w in bw["foreign_stems"]),
        # In the lower-cased text: three times quicker than a case-insensitive scan.
        holiday=lazy_compile(
            r"\b(?:" + "|".join(str(h).lower().replace("'", "['’]?") for h in bw["holidays"])
            + r")(?!\w)(?:,?\s+(?:in\s+|of\s+)?(?P<y>\d{4})(?!\d))?"
        ),
        holiday_stems=tuple(str(w) for w in bw["holiday_stems"]),
        baby_after=re.compile(r"\s+(?:" + "|".join(bw["baby"]) + r")\b", re.IGNORECASE),
        arrived=re.compile(r"\b(?:" + "|".join(bw["arrived"]) + r")\b", re.IGNORECASE),
        when_stems=tuple(str(w) for w in wh["stems"]),
        when_after=re.compile(
            r"(?:\s+(?:party|celebrations?|tea|sleepover|disco|meal|bash|treat))?"
            rf"(?:\s+(?:is|was|will\s+be))?\s+(?:{when})",
            re.IGNORECASE,
        ),
        # An age or an ordinal, then when: "12 today", "10 years old this week", "9th is this
        # weekend". The digits come first so that the scan skips to them; the words form is
        # used only when a post has a word that ages go with (turns, old, young, birthday).
        # Both are matched in the lower-cased text: a case-insensitive scan is twice as slow.
        # [0-9] first, not \d: the scan then skips to the digits (twice as fast)
        age_when=re.compile(rf"(?P<n>[0-9][0-9]?)(?![0-9])(?=[\s,stnr-]){age_when_tail}"),
        age_when_words=lazy_compile(
            rf"(?<![\w£$€#.,:/+-])(?P<n>\d{{1,2}}|{agew}|{ordw})\b{age_when_tail}"
        ),
        verb_before=re.compile(
            r"(?:turns|turned|has\s+turned|is\s+turning|turning|will\s+turn|will\s+be|is|was|"
            rf"are|['’]s|be)\s+(?:(?:{adverbs})\s+)?$",
            re.IGNORECASE,
        ),
        # In the lower-cased text; a literal start makes the scan quick.
        turning=re.compile(
            rf"turn(?:ing|s)\s+(?P<n>{num})\b"
            rf"(?![\d:.,%]\d|%|\s*[-–+]|\s+(?:{units}|into|to|over|around|back|up|out|off|"
            r"away|round|the|a|an)\b)"
        ),
        people=frozenset(str(w) for w in wh["people"]),
        openers=frozenset(str(w) for w in wh["openers"]),
        things=frozenset(str(w) for w in wh["things"]),
        fiction_after=re.compile(
            r"\s+in\s+the\s+(?:" + "|".join(wh["fiction"]) + r")\b", re.IGNORECASE
        ),
        sweet_not=re.compile(r"\s+(?:" + "|".join(wh["sweet_not"]) + r")\b", re.IGNORECASE),
        sweet_not_before=re.compile(
            r"\b(?:" + "|".join(wh["sweet_not_before"]) + r")\b", re.IGNORECASE
        ),
    )


def _famous_surnames() -> frozenset[str]:
    """The last words of the well-known people of data/names/well_known.txt ("Shakespeare",
    "Mozart"): "Shakespeare's birthday is on 23 April" is no child's birthday."""
    given = {w.strip().casefold() for w in read_data("names/first_names.txt").splitlines()
             if w.strip() and not w.startswith("#")}
    out = set()
    for line in read_data("names/well_known.txt").splitlines():
        words = line.split()
        if len(words) >= 2 and not line.startswith("#") and len(words[-1]) >= 4:
            out.add(words[-1].casefold())
    return frozenset(out - given)  # "Prince Harry": Harry is a child's name too
