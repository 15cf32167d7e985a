"""Whole postal addresses (detectors/places/postal.py): an address finding covers every part a
postal address reads as (building, flat, number, street, locality, town, county, postcode), so
the redacted text keeps none of it; roads named without a suffix word."""

from __future__ import annotations

import pytest
from found import addresses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard import Screener
from postguard.detectors.places import AddressDetector

# (text, the whole address as one finding)
WHOLE: list[tuple[str, str]] = [
    ("Parcels for the trip go to Unit 7c, Larkhill Business Park, 40 Ferry Road, Goole, "
     "East Yorkshire, DN14 5QT please.",
     "Unit 7c, Larkhill Business Park, 40 Ferry Road, Goole, East Yorkshire, DN14 5QT"),
    ("Her host family: 2nd Floor, Mariner Court, 5 Dock Street, Whitby YO21 3PZ",
     "2nd Floor, Mariner Court, 5 Dock Street, Whitby YO21 3PZ"),
    ("Drop the forms at Tanners Yard Community Hall, 3 Weaver Lane, Hebburn, Tyne and Wear, "
     "NE31 1RX",
     "Tanners Yard Community Hall, 3 Weaver Lane, Hebburn, Tyne and Wear, NE31 1RX"),
    ("Returns address:\nKestrel House\n19 Poplar Grove\nBeeston\nNottingham\nNG9 2QW",
     "Kestrel House\n19 Poplar Grove\nBeeston\nNottingham\nNG9 2QW"),
    ("He is boarding at 61 Quarry Hill, Linthwaite, Huddersfield for the term.",
     "61 Quarry Hill, Linthwaite, Huddersfield"),
    ("The welcome pack went to 8 Saltings Way, Upper Beeding, Steyning BN44 3JJ",
     "8 Saltings Way, Upper Beeding, Steyning BN44 3JJ"),
    ("Old Forge Cottage, Mill Lane, Little Haven, Pembrokeshire SA62 3UH is where she stays",
     "Old Forge Cottage, Mill Lane, Little Haven, Pembrokeshire SA62 3UH"),
    # addresses in words, and addresses without a digit
    ("Her host family lives at number nineteen Heron Close, Kirkby Stephen, Cumbria.",
     "nineteen Heron Close, Kirkby Stephen, Cumbria"),
    ("The forms went to Apartment Four, Quayside Court, Whitby.",
     "Apartment Four, Quayside Court, Whitby"),
    ("Homestay: Bramble Cottage, Back Lane, Grasmere", "Bramble Cottage, Back Lane, Grasmere"),
    # a road without a suffix word, then a known town or a postcode
    ("Their homestay is 14-16 Briggate, Leeds.", "14-16 Briggate, Leeds"),
    ("the twins now live at 9 Castlegate, York", "9 Castlegate, York"),
    ("Send the cheque to 27B Westgate YO21 1AB", "27B Westgate YO21 1AB"),
]

# (text, the address alone: the words around it are not part of it)
ALONE: list[tuple[str, str]] = [
    # a person before the address is a name, not an address part
    ("Samira Okafor, 12 Larch Grove, Hexham NE46 2AB", "12 Larch Grove, Hexham NE46 2AB"),
    ("Post it to T. Whitcombe, 4 Fern Rise, Ripon HG4 2QT", "4 Fern Rise, Ripon HG4 2QT"),
    ("Mr & Mrs Okoro, 33 Heron Way, Bude EX23 8PL", "33 Heron Way, Bude EX23 8PL"),
    ("staying with the Dunmores, 6 Birch Close, Settle BD24 9EZ",
     "6 Birch Close, Settle BD24 9EZ"),
    # a school is its own finding
    ("Year 9 from Harrowgate Primary, 18 Pound Lane, Chard TA20 1AA",
     "18 Pound Lane, Chard TA20 1AA"),
    # a sentence before, a clause after
    ("Visit us soon! Dovecote Barn, 2 Well Lane, Alston CA9 3SD",
     "Dovecote Barn, 2 Well Lane, Alston CA9 3SD"),
    ("We meet at 41 Heath Road, Priya will open the door.", "41 Heath Road"),
    ("THE NEW STUDENT GOES TO 7 OTTER CLOSE, BUDE EX23 8AA", "7 OTTER CLOSE, BUDE EX23 8AA"),
]

# no address at all: numbers, titles and lists that look like one
TRAPS: list[str] = [
    "Top 5 Tips, London edition, out now",
    "Chapter 12 Pilgrims, York Notes revision guide",
    "We have 30 Students, London and Paris groups",
    "The Ghost Museum, 1 Canal Wharf, Leeds is open to schools on Fridays",
    "Scores: Leeds 3 Harrogate 1, Ripon 2 York 2",
    "Room 4 Science, Leeds campus tour at 2pm",
]


@pytest.mark.parametrize(("text", "expected"), WHOLE)
def test_the_whole_address_is_one_finding(detector: AddressDetector, text: str,
                                          expected: str) -> None:
    assert expected in addresses(detector, text)


@pytest.mark.parametrize(("text", "expected"), ALONE)
def test_words_around_an_address_are_not_part_of_it(detector: AddressDetector, text: str,
                                                     expected: str) -> None:
    assert addresses(detector, text) == [expected]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_hold_no_address(detector: AddressDetector, text: str) -> None:
    assert addresses(detector, text) == []


@pytest.mark.parametrize(("text", "expected"), WHOLE)
def test_redaction_keeps_no_part_of_the_address(screener: Screener, text: str,
                                                expected: str) -> None:
    redacted = screener.screen(text).redacted_text
    for part in expected.replace("\n", ",").split(","):
        for word in part.split():
            if len(word) > 2:
                assert word not in redacted, (word, redacted)


def test_a_named_person_before_an_address_stays_a_name(screener: Screener) -> None:
    report = screener.screen("Samira Okafor, 12 Larch Grove, Hexham NE46 2AB")
    names = [f for f in report.findings if f.category.value == "person_name"]
    assert names and report.verdict.value == "block"


# -- property: whatever the parts, the redacted text keeps none of them ----------------------
_WORDS = ("Alder", "Bracken", "Corrie", "Dunlin", "Eskdale", "Fennel", "Gorse", "Hazel",
          "Ingle", "Juniper", "Kestrel", "Linnet")
_BUILDINGS = ("House", "Court", "Lodge", "Centre", "Mews")
_STREETS = ("Road", "Street", "Lane", "Avenue", "Close", "Drive", "Grove", "Way")
_TOWNS = ("Kendal", "Hexham", "Ripon", "Bude", "Whitby", "Settle", "Alston", "Goole")
_COUNTIES = ("Cumbria", "Northumberland", "North Yorkshire", "Cornwall", "East Yorkshire")
_POSTCODES = ("LA9 4AB", "NE46 2QT", "HG4 1XY", "EX23 8PL", "YO21 3PZ", "BD24 9EZ")
_LEADS = ("Her host family lives at ", "Send it to ", "Address: ", "", "He stays at ")
_TAILS = ("", ".", " today.", "!", " from Monday.")


@st.composite
def postal_addresses(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(f"{draw(st.sampled_from(('Flat', 'Unit', 'Apartment')))} "
                     f"{draw(st.integers(1, 40))}")
    if draw(st.booleans()):
        parts.append(f"{draw(st.sampled_from(_WORDS))} {draw(st.sampled_from(_BUILDINGS))}")
    parts.append(f"{draw(st.integers(1, 299))} {draw(st.sampled_from(_WORDS))} "
                 f"{draw(st.sampled_from(_STREETS))}")
    if draw(st.booleans()):
        parts.append(f"{draw(st.sampled_from(('Upper', 'Nether', 'Little')))} "
                     f"{draw(st.sampled_from(_WORDS))}")
    parts.append(draw(st.sampled_from(_TOWNS)))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(_COUNTIES)))
    sep = draw(st.sampled_from((", ", "\n", ",\n")))
    address = sep.join(parts)
    if draw(st.booleans()):
        address += draw(st.sampled_from((" ", ", ", "\n"))) + draw(st.sampled_from(_POSTCODES))
    return address


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(address=postal_addresses(), lead=st.sampled_from(_LEADS), tail=st.sampled_from(_TAILS))
def test_redaction_leaves_nothing_of_the_address(screener: Screener, address: str, lead: str,
                                                 tail: str) -> None:
    text = f"{lead}{address}{tail}"
    report = screener.screen(text)
    spans = [(f.start, f.end) for f in report.findings if f.start is not None
             and f.end is not None and f.category.value in ("address", "location")]
    s = len(lead)
    left = [i for i in range(s, s + len(address))
            if address[i - s].isalnum() and not any(a <= i < b for a, b in spans)]
    assert not left, (text, "".join(text[i] for i in left))


def test_growing_addresses_stays_linear(detector: AddressDetector) -> None:
    unit = "Alder House, 12 Fennel Road, Upper Gorse, Kendal, Cumbria LA9 4AB, "

    def run(text: str) -> None:
        list(detector.detect_text(text))

    assert_linear(run, unit * 40, unit * 400)
