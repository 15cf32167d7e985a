"""A well-known person's birthday without the year ("Shakespeare's birthday is on 23rd
April") is no child's date of birth (dates/detector.py, the last words of
data/names/well_known.txt); a child's birthday said the same way still is (PG312), and a
surname shared with a well-known person beside a child's given name still names a child."""

from __future__ import annotations

import pytest

from postguard.detectors.dates import DateOfBirthDetector
from postguard.policy import Policy

DOB = DateOfBirthDetector(Policy.default())


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in DOB.detect_text(text)
            if f.start is not None and f.end is not None]


WELL_KNOWN = [
    "Mozart's birthday is on 27th January, so Year 4 will play his minuet.",
    "Shakespeare's birthday falls on 23 April: sonnets all week in English.",
    "Darwin's birthday is 12 February, and the science club is baking a finch cake.",
]


@pytest.mark.parametrize("text", WELL_KNOWN)
def test_a_well_known_persons_birthday_is_no_finding(text: str) -> None:
    assert found(text) == []


CHILDREN = [
    ("Maisie's birthday is on 14 March, so bring a card!", ("PG312", "14 March")),
    ("Happy birthday to Ella Darwin, born 3 May 2015!", ("PG311", "3 May 2015")),
    ("Harry's birthday is on 9 October and he is having a party.", ("PG312", "9 October")),
]


@pytest.mark.parametrize(("text", "expected"), CHILDREN)
def test_a_childs_birthday_is_still_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)
