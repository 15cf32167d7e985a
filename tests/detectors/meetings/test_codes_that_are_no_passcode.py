"""A weak passcode wording ("code") right after a reference word is another kind of code
(data/meetings.toml [passcode] not_after): "booking code", "reference code", "discount code"
in a post that talks of a session or a class is no meeting passcode. A code after the
meeting's own words still is."""

from __future__ import annotations

import pytest

from postguard.detectors.meetings import MeetingLinkDetector
from postguard.policy import Policy

MEETING = MeetingLinkDetector(Policy.default())


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in MEETING.detect_text(text)
            if f.start is not None and f.end is not None]


NOT_PASSCODES = [
    "Nursery families: book a holiday club session on the app with booking code HCL-5521.",
    "Reception parents: reserve a stay-and-play session using reference code RPL-3390.",
    "Uniform shop online this week: discount code SPRING24 at the checkout.",
    "The Zoom session is cancelled; your voucher code GIFT2024 still works in the shop.",
]


@pytest.mark.parametrize("text", NOT_PASSCODES)
def test_reference_codes_are_no_passcode(text: str) -> None:
    assert found(text) == []


PASSCODES = [
    ("Join the Zoom session tonight, code Fox2291", ("PG803", "code Fox2291")),
    ("Teams call for Year 9 at 6pm; the code is 4471xy", ("PG803", "code is 4471xy")),
]


@pytest.mark.parametrize(("text", "expected"), PASSCODES)
def test_meeting_codes_are_still_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)
