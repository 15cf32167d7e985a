"""A number spelled out in words is blanked before the harm model reads a text (it is no
language; the contact detectors judge it); a count, a time or a sentence with a few number
words stays. Fresh wording written for these tests."""

from __future__ import annotations

import functools

import pytest

from postguard.detectors.harm import HarmDetector
from postguard.detectors.harm.reading import without_spelled_numbers
from postguard.policy import Policy

BLANKED = [
    ("ring me on oh one two three double four five six", "oh one two three double four five six"),
    ("NOUGHT SEVEN NINE ONE ONE TWO", "NOUGHT SEVEN NINE ONE ONE TWO"),
    ("code is nine-eight-seven-six-five ok", "nine-eight-seven-six-five"),
    ("it's zero, seven, triple three, one, two", "zero, seven, triple three, one, two"),
]


@pytest.mark.parametrize(("text", "number"), BLANKED)
def test_a_spelled_out_number_is_blanked(text: str, number: str) -> None:
    read = without_spelled_numbers(text)
    assert len(read) == len(text)
    at = text.index(number)
    assert read[at:at + len(number)].strip() == ""
    assert read[:at] == text[:at] and read[at + len(number):] == text[at + len(number):]


@pytest.mark.parametrize("text", [
    "one, two, three, jump!",
    "Oh no, nine of us missed the bus.",
    "Four or five pupils can sit at each table.",
    "Doors open at seven, the show starts at eight.",
    "double maths then triple science, one long day",
])
def test_counts_and_sentences_stay(text: str) -> None:
    assert without_spelled_numbers(text) == text


@functools.cache
def _detector() -> HarmDetector:
    return HarmDetector(Policy.default())


@pytest.mark.parametrize("text", [
    "Found a blue scarf, the label says ring oh seven seven double oh one double two four six "
    "eight five.",
    "If you see my cat please phone oh one nine one, four nine six, double two seven eight.",
])
def test_a_read_out_phone_number_is_no_harm(text: str) -> None:
    assert [f.category.value for f in _detector().detect_text(text)] == []
