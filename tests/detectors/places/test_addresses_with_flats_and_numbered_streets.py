"""Addresses in the layouts added in the sixth session (places/streets.py, places/abroad.py,
data/foreign_street_words.txt): a flat and a house number with a slash ("2/14 Harbour
Street", "ul. Lipowa 7/12"), a street named by an ordinal number as in the United States
("350 East 72nd Street"), and Korean roads written in Latin letters ("Teheran-ro 152",
"Sejong-daero 110"). The whole address is one span.

Traps: fractions and dates before a street, an ordinal before a street word in a sentence
with no house number, a word that only ends in "ro"."""

from __future__ import annotations

import pytest
from found import addresses

from postguard.detectors.places import AddressDetector

FOUND: list[tuple[str, str]] = [
    ("Their address is 3/21 Marine Parade, Bondi NSW 2026.", "3/21 Marine Parade"),
    ("Adres: ul. Lipowa 7/12, 31-234 Kraków", "ul. Lipowa 7/12"),
    ("Post the form to 350 East 72nd Street, New York, NY 10021.", "350 East 72nd Street"),
    ("Her family live at 41 West 3rd Avenue in Vancouver.", "41 West 3rd Avenue"),
    ("Jiho's family address: Sejong-daero 110, Jung-gu, Seoul.", "Sejong-daero 110"),
    ("Their flat is at Teheran-ro 152, Gangnam-gu.", "Teheran-ro 152"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_found(detector: AddressDetector, text: str, address: str) -> None:
    assert any(address in found for found in addresses(detector, text))


TRAPS: list[str] = [
    "Score 3/4 Oxford Street team won the quiz.",
    "The 2nd Street party was a hit.",
    "We finished 3rd Street Dance Championship.",
    "Meet at the Metro 5 entrance.",
    "Euro 2028 tickets go on sale soon.",
    "Fifth Avenue, or 5th Avenue, was our dance theme.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(detector: AddressDetector, text: str) -> None:
    assert addresses(detector, text) == []
