"""The rules of the `date_of_birth` detector: regular expressions and word sets built once
from `data/dates.toml`. Written by the postguard project.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..datafiles import load_toml


@dataclass(frozen=True)
class Rules:
    months: dict[str, int]
    ages: dict[str, int]
    ordinals: dict[str, int]
    not_names: frozenset[str]
    groups: frozenset[str]
    org_birthday: frozenset[str]
    full_dates: tuple[re.Pattern[str], ...]
    day_month: tuple[re.Pattern[str], ...]
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
    sweet: re.Pattern[str]
    before_age: frozenset[str]
    articles: frozenset[str]
    animals: re.Pattern[str]
    counts: re.Pattern[str]


@functools.cache
def rules() -> Rules:
    raw = load_toml("dates.toml")
    months = {str(k).casefold(): int(v) for k, v in raw["months"].items()}
    ages = {str(k).casefold(): int(v) for k, v in raw["ages"].items()}
    ordinals = {str(k).casefold(): int(v) for k, v in raw["ordinals"].items()}
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
    birth = "|".join(cues["birth"])
    bday = "|".join(re.escape(c) for c in cues["birthday"])
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    full_dates = (
        # 3 May 2014, 3rd of May 2014, 03-May-2014
        re.compile(rf"(?<![\d.])\b{day}(?:\s+of)?[\s\-]+(?P<m>{mon})\.?,?[\s\-]+"
                   r"(?P<y>\d{4})(?!\d)"),
        # May 3, 2014; May 3rd 2014
        re.compile(rf"\b(?P<m>{mon})\.?\s+{day},?\s+(?P<y>\d{{4}})(?!\d)"),
        # 03/05/2014, 3.5.14, 03-05-2014 (day-month or month-day)
        re.compile(r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)"
                   r"(?P<y>\d{4}|\d{2})(?!\d|[/.\-]\d)"),
        # 2014-05-03, 2014/05/03
        re.compile(r"(?<![\d/.\-])(?P<y>\d{4})(?P<s>[/.\-])(?P<m>\d{1,2})(?P=s)"
                   r"(?P<d>\d{1,2})(?!\d|[/.\-]\d)"),
    )
    cap_mon = "|".join(
        sorted({m.capitalize() for m in months} | {m.upper() for m in months}, key=len,
               reverse=True)
    )
    day_month = (
        re.compile(rf"(?<![\d.])\b{day}(?:\s+of)?\s+(?P<m>{cap_mon})\b"),
        re.compile(rf"\b(?P<m>{cap_mon})\.?\s+{day}\b"),
    )
    return Rules(
        months=months,
        ages=ages,
        ordinals=ordinals,
        not_names=frozenset(str(w).casefold() for w in raw["names"]["not_names"]),
        groups=frozenset(str(w).casefold() for w in raw["names"]["groups"]),
        org_birthday=frozenset(
            str(w).casefold() for w in raw["names"]["organisation_birthday"]
        ),
        full_dates=full_dates,
        day_month=day_month,
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
        turns=re.compile(
            r"(?<=\s)(?P<verb>turns|turned|has\s+turned|is\s+turning|will\s+turn|will\s+be|"
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
        who_age=re.compile(
            r",\s+(?P<who>who)\s+(?:is|was|turns|turned|has\s+turned|is\s+turning|will\s+be|"
            rf"will\s+turn)\s+(?:(?:{adverbs})\s+)?(?P<n>{num})\b"
            rf"(?![\d:.,%]\d|%|\s*-|\s+(?:{units})\b)"
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
    )
