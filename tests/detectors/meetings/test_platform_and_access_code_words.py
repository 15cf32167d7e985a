"""A meeting id right after the platform's name ("Zoom 812 3456 7890") or after "código de la
reunión", "codice della riunione", "kod spotkania"; an access code in the students' languages
("Kod dostępu: 4471", "Zugangscode: Igel44", "erişim kodu 5521") in a post about a meeting
(data/meetings.toml). Traps: "zoom" as a verb, a number after "zoom in on", an access code's
words in a post about no meeting."""

from __future__ import annotations

import pytest

from postguard.detectors.meetings import MeetingLinkDetector
from postguard.policy import Policy

MEETING = MeetingLinkDetector(Policy.default())


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in MEETING.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND = [
    ("Parents' forum tonight on Zoom 845 1190 2263, all welcome", ("PG802", "Zoom 845 1190 2263")),
    ("Reunión de familias. Código de la reunión: 845 1190 2263",
     ("PG802", "Código de la reunión: 845 1190 2263")),
    ("Riunione genitori online, codice della riunione 845 1190 2263",
     ("PG802", "codice della riunione 845 1190 2263")),
    ("Zebranie online: ID spotkania 845 1190 2263, kod dostępu: 7721",
     ("PG803", "kod dostępu: 7721")),
    ("Zoom-Elternabend am Dienstag, Zugangscode: Dachs31", ("PG803", "Zugangscode: Dachs31")),
    ("Veli toplantısı Zoom'da, erişim kodu 5521", ("PG803", "erişim kodu 5521")),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found_with_its_span(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


TRAPS = [
    "Zoom in on page 42 of the atlas to find the river.",
    "The PE department will zoom past 2024 targets, says the coach.",
    "Kod dostępu do szafki dostaniesz w sekretariacie.",
    "Der Zugangscode für das WLAN hängt im Lehrerzimmer.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_no_meeting(text: str) -> None:
    assert found(text) == []
