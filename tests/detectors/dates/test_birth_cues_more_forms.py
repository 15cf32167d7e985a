"""Dates of birth in the wordings added in the sixth session (data/dates.toml,
data/scripts.toml [dates], dates/scripts.py): an Italian or Portuguese birth cue with the
birthplace between it and the date ("è nata a Napoli il ..."), a register's "b." after a
comma or a dash, a Hijri date after an Arabic birth cue, and an age tied to the day and month
it falls on ("turns 11 on 3 March").

Traps: the same dates with no birth cue (a trip, Ramadan's start), "b." as an option letter,
an organisation's age."""

from __future__ import annotations

import pytest

from postguard.detectors.dates import DateOfBirthDetector
from postguard.policy import Policy

DOB = DateOfBirthDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in DOB.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND: list[tuple[str, str]] = [
    ("Giada è nata a Napoli il 5/11/2013 e suona il violino.", "5/11/2013"),
    ("Matteo, nato a Torino il 14 marzo 2012, ama il basket.", "14 marzo 2012"),
    ("O Davi nasceu em Recife em 02/07/2012.", "02/07/2012"),
    ("Class list: PATEL, Riya, b. 3 Sept 2013, nut allergy.", "3 Sept 2013"),
    ("Hopkins, Alfie – b. 21 Feb 2012 – walks home.", "21 Feb 2012"),
    ("تاريخ الميلاد: 7 شعبان 1434هـ", "7 شعبان 1434هـ"),
    ("وُلد حمد في 2 ذو الحجة 1432", "2 ذو الحجة 1432"),
    ("Alfie turns 12 on 9 October and wants a bowling party.", "turns 12"),
    ("Maisie turns 10 on March 14th!", "turns 10"),
    ("Chloé, née à Aix-en-Provence le 3 mai 2012, adore lire.", "3 mai 2012"),
]


@pytest.mark.parametrize(("text", "date"), FOUND)
def test_found(text: str, date: str) -> None:
    assert date in _found(text)


TRAPS: list[str] = [
    "La gita è a Napoli il 5/11/2026.",  # a trip, no birth
    "Plan b. 14 June 2026 is the wet-weather date.",  # "b." without a comma or a dash
    "Option b. 3 May 2012 is wrong; the answer is c.",
    "يبدأ الصيام في 1 رمضان 1447هـ",  # the start of a month, no birth
    "The club turns 50 on 3 May with a party.",  # an organisation's age
    "Our trip on 4 July costs 12 pounds.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(text: str) -> None:
    assert _found(text) == []
