"""A full date of birth in any language or layout is PG311 (block); an age in brackets or an
ordinal birthday is at most PG312 (review), never a full date of birth (issue 13)."""

from __future__ import annotations

import datetime

import pytest

from postguard.detectors.dates import DateOfBirthDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> DateOfBirthDetector:
    return DateOfBirthDetector(Policy.default())


def codes(detector: DateOfBirthDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


_NINE_YEARS_AGO = datetime.date.today().year - 9

FULL: list[tuple[str, str]] = [
    ("Data di nascita: 02/09/2013 (Classe 3B)", "02/09/2013"),
    ("Kuba urodził się 11 listopada 2013 r. w Gdańsku.", "11 listopada 2013"),
    ("Data urodzenia: 30.01.2014", "30.01.2014"),
    ("Doğum tarihi: 19 Ağustos 2012", "19 Ağustos 2012"),
    ("Elif 5 Kasım 2013 doğumlu.", "5 Kasım 2013"),
    ("Data de nascimento: 08/07/2014", "08/07/2014"),
    ("A Beatriz nasceu a 4 de abril de 2013.", "4 de abril de 2013"),
    ("Geburtsdatum: 22.12.2012", "22.12.2012"),
    ("Née le 9 octobre 2013 à Nantes.", "9 octobre 2013"),
    ("DOB: 2013-11-30", "2013-11-30"),
    ("Star of the week: Idris (b. 17 Mar 2014) for his kindness.", "17 Mar 2014"),
    ("Noor was born 2nd Sept '13, so she can enter the U11 race.", "2nd Sept '13"),
    # "<age> years old on <date>": a birth date when the age is the years since the date
    (f"Party time! Alfie is 9 years old on the 6th of May {_NINE_YEARS_AGO}.",
     f"6th of May {_NINE_YEARS_AGO}"),
]

NOT_FULL: list[str] = [
    "Happy birthday to Rosie (10) from all of us in Hedgehogs class!",
    "Three cheers for Arlo on his 9th birthday!",
    "Hugo turns 7 on the 4th of July and is having a party.",
    "Zajęcia od 7 września 2025 r. w sali 4.",
    "Okul 12 Eylül 2025 tarihinde açılıyor.",
    "La gita è il 15/05/2025, partenza alle 8.",
    "Mrs Reid (née Walsh) retires on 18 July 2025.",
    "Option b. 3 May 2014 was when the old hall opened.",
    "Our minibus trip is on 8 Aug '25 to Whitby.",
    f"The club was 10 years old on 3 May {_NINE_YEARS_AGO + 7}, so we had a cake.",
]


@pytest.mark.parametrize(("text", "span"), FULL)
def test_full_dates_of_birth_in_any_language(detector: DateOfBirthDetector, text: str,
                                             span: str) -> None:
    assert ("PG311", span) in codes(detector, text)


@pytest.mark.parametrize("text", NOT_FULL)
def test_ages_ordinals_and_events_are_not_full_dates_of_birth(
        detector: DateOfBirthDetector, text: str) -> None:
    assert [s for c, s in codes(detector, text) if c == "PG311"] == []
