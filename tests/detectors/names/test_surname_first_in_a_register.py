"""A full name written surname first in capitals, as a register or a class list writes it
("TAYLOR, Grace", "O'BRIEN, Liam") (names/detector.py `_SURNAME_FIRST`): a known surname, a
comma and a known given name. Traps: capitalised words that are no surname before a comma
(countries, notes, headings), and a known surname before a word that is no given name."""

from __future__ import annotations

import pytest
from found import child_names

from postguard.detectors.names import PersonNameDetector

FOUND: list[tuple[str, str]] = [
    ("Lunch list: TAYLOR, Grace – packed lunch.", "TAYLOR, Grace"),
    ("Group B: WRIGHT, Oliver; KHAN, Aisha; EVANS, Noah.", "KHAN, Aisha"),
    ("Minibus seats: 1 HUGHES, Freya, 2 MORRIS, Jacob", "MORRIS, Jacob"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_found(detector: PersonNameDetector, text: str, name: str) -> None:
    assert name in child_names(detector, text)


TRAPS: list[str] = [
    "FRANCE, Spain and Portugal took part in the tournament.",
    "NOTE, Jack's form is due on Friday.",
    "URGENT, Please read before Monday.",
    "TAYLOR, Swift tickets were the raffle prize.",  # Swift: no given name
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(detector: PersonNameDetector, text: str) -> None:
    assert [n for n in child_names(detector, text) if "," in n] == []
