"""Homes given as a house number and a road without a suffix word, house numbers written the
way other languages write them, and the published addresses of attractions a class visits
(detectors/places/home_numbers.py)."""

from __future__ import annotations

import pytest
from found import addresses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postguard import Screener
from postguard.detectors.places import AddressDetector

POSITIVES: list[tuple[str, str]] = [
    # a home cue, a house number and a road named without a suffix word
    ("Kenta's host family lives at 14 Holmbush, near the rec.", "14 Holmbush"),
    ("Lucia is staying at 22 Meadowbank with Mrs Hale this term.", "22 Meadowbank"),
    ("My host family is at 5 Elmfield - blue gate.", "5 Elmfield"),
    ("They moved to 31 Kingsmead, Hove last summer.", "31 Kingsmead, Hove"),
    # a number word of another language before the road
    ("Mi familia vive en el número 12 de Marine Drive, Rottingdean.",
     "número 12 de Marine Drive, Rottingdean"),
    ("La famiglia ospitante abita al numero 40 di Dyke Road, Brighton.",
     "numero 40 di Dyke Road, Brighton"),
    # the number after the road, in a sentence that says where someone lives
    ("Jonas wohnt bei seiner Gastfamilie in der Stanford Avenue 9, Preston Park.",
     "Stanford Avenue 9, Preston Park"),
    ("Marta mieszka przy Surrenden Crescent 17, Withdean.", "Surrenden Crescent 17, Withdean"),
    ("Lotte woont op de Bavant Road 3, Brighton.", "Bavant Road 3, Brighton"),
    # a suffix word for a row of houses
    ("Pick-up list: Sofia -> 12 Montpelier Villas.", "12 Montpelier Villas"),
]


@pytest.mark.parametrize(("text", "address"), POSITIVES, ids=[p[0][:40] for p in POSITIVES])
def test_home_numbers_found(detector: AddressDetector, text: str, address: str) -> None:
    assert addresses(detector, text) == [address]


TRAPS: list[str] = [
    # hotels, counts, classes and teams after a number
    "The choir is staying at 4 Seasons Hotel in Leeds.",
    "We moved to 3 Miles Cross for the final leg of the walk.",
    "She lives at 10 and loves every minute of Year 6.",
    "Tom wohnt in Hove und spielt in der Klasse 7.",
    "Kuba chodzi do Szkoły Podstawowej nr 12 w Krakowie.",
    "Ticket nr 4 de Luxe edition is sold out.",
    # published addresses of attractions a class visits
    "Year 4 visit the Horniman Museum, 100 London Road, Forest Hill SE23 3PQ on Friday.",
    "Coach to the Sea Life Aquarium, Marine Parade, Brighton BN2 1TB at 9.",
    "The Ashmolean Museum, Beaumont Street, Oxford OX1 2PH opens at 10.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_home_number_traps(detector: AddressDetector, text: str) -> None:
    assert addresses(detector, text) == []


def test_a_library_address_stays_an_address(detector: AddressDetector) -> None:
    text = "Homework club meets at Hollingdean Library, 12 Brentwood Road, Brighton BN1 7ET."
    assert addresses(detector, text) == ["Hollingdean Library, 12 Brentwood Road, Brighton BN1 7ET"]


_ROADS = st.sampled_from(["Holmbush", "Meadowbank", "Kingsmead", "Ferndown", "Elmfield Rise"])
_CUES = st.sampled_from(["lives at", "is staying at", "host family is at"])
_PADS = st.text(alphabet=st.sampled_from(list("aé中ب\u0301\u200f ")), max_size=8)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cue=_CUES, number=st.integers(1, 299), road=_ROADS, pad=_PADS)
def test_redaction_keeps_no_part_of_a_home(screener: Screener, cue: str, number: int,
                                           road: str, pad: str) -> None:
    text = f"{pad} Our student {cue} {number} {road}, just off the seafront."
    redacted = screener.screen(text).redacted_text
    assert redacted is not None
    for part in (str(number), *road.split()):
        assert part not in redacted
    assert "seafront" in redacted
