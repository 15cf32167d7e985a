"""Where a child can be found, in English wordings added in this session (places/routines.py,
areas.py, detector.py): a named child at a venue on a coming day and a time; a team or a
year group's club at a regular time; common meeting places ("the village green"); a home just
outside a village; a street named as a home joined to the address read after it. Traps: a
class that "stays in" a classroom, a car park's street, a family lived with, a past day, a
town as a venue. Fresh wording, not from any evaluation set."""

from __future__ import annotations

import pytest

from postguard import Post, Screener
from postguard.detectors.places import AddressDetector

# (text, a place inside a finding, the severity expected)
FOUND: list[tuple[str, str, str]] = [
    ("Go and support Freya at the Westgate Lido this Saturday at 2pm, she's in the relay!",
     "Westgate Lido", "high"),
    ("Cheer Harvey on at Millbrook Tennis Club next Sunday from 11am.", "Millbrook Tennis Club",
     "high"),
    ("Our under-11s train at Hollins Rec every Wednesday at 5pm.", "Hollins Rec", "medium"),
    ("The U10s meet at Fernside Park every Sunday morning.", "Fernside Park", "medium"),
    ("Our Year 8 chess players gather at the Kingsgate Library every Thursday.",
     "Kingsgate Library", "medium"),
    ("Priya waits at the village green each morning for the school bus.", "the village green",
     "high"),
    ("Leo meets his brother at the bus station every afternoon at 4.", "the bus station",
     "high"),
    # "in" and "on" place a named child; a subject before "will" names one
    ("Isla rides her pony in Carr Wood every Sunday morning.", "Carr Wood", "high"),
    ("Every Friday Kian plays cricket on Ashfield Green.", "Ashfield Green", "high"),
    ("Harriet will be at Mill Lane parkrun this Saturday at 9am.", "Mill Lane", "high"),
    # a home placed by a village near it: reviewed, as any home placed by a landmark
    ("Noah's dad says their farm is just outside Upper Brockley.", "Upper Brockley", "medium"),
    ("Amara's cottage is on the edge of Long Marston, by the pond.", "Long Marston", "medium"),
]


@pytest.mark.parametrize(("text", "place", "severity"), FOUND)
def test_found(detector: AddressDetector, text: str, place: str, severity: str) -> None:
    s = text.index(place)
    hits = [f for f in detector.detect_text(text) if f.start is not None
            and f.end is not None and f.start <= s and s + len(place) <= f.end]
    assert hits, place
    assert hits[0].category.value == "location"
    assert hits[0].severity.value == severity


TRAPS: list[str] = [
    "Year 2 stays in Willow next term; Reception move to Rowan.",
    "Parking is at the NCP on Queen Street, two minutes from the hall.",
    "The coach drops us at the museum on Castle Street at 10am.",
    "Lukas wohnt bei Familie Brook während des Austauschs.",
    "Well done to Freya, who swam at the Westgate Lido last Saturday at 2pm.",
    "Tom will play at Leeds this Saturday at 3pm in the county final.",
    "Join Mrs Okafor at the Town Hall this Friday at 6pm for the quiz.",
    "Come and see Year 5 sing at the Corn Exchange this Thursday at 7pm.",
    "Every Sunday the brass band plays at Fernside Park.",
    # a group "in" a room or an area is read elsewhere; a town's team is no child
    "Our pupils meet every Wednesday with Mr Hale in the library at lunch.",
    "Our boarders in Kirkstall have breakfast every day at 7.",
    "Bradford will be at Valley Parade this Saturday at 3pm.",
    "The Year 9 trip to Fountains Abbey leaves every Tuesday at 8am for three weeks.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(detector: AddressDetector, text: str) -> None:
    assert [text[f.start:f.end] for f in detector.detect_text(text)] == []


def test_a_street_named_as_a_home_joins_the_address_after_it(detector: AddressDetector) -> None:
    text = "A família do Rui mora na Hartfield Avenue, número 23, Brighton BN1 6QT."
    found = [(f.category.value, text[f.start:f.end]) for f in detector.detect_text(text)]
    assert found == [("address", "Hartfield Avenue, número 23, Brighton BN1 6QT")]


NUMBER_AFTER_STREET: list[tuple[str, str]] = [
    ("Our new hosts are on Lindley Crescent, no. 14 \U0001f3e1", "Lindley Crescent, no. 14"),
    ("Ana lives on Moorside Road, number 9 with her host family.", "Moorside Road, number 9"),
    ("Marta mieszka na Ashgrove Lane, nr 5.", "Ashgrove Lane, nr 5"),
]


@pytest.mark.parametrize(("text", "address"), NUMBER_AFTER_STREET)
def test_a_house_number_after_its_street_is_an_address(detector: AddressDetector, text: str,
                                                       address: str) -> None:
    found = [(f.category.value, text[f.start:f.end]) for f in detector.detect_text(text)]
    assert ("address", address) in found


NOT_A_HOUSE_NUMBER: list[str] = [
    # a bus number after a street named without a home cue stays a street (reviewed)
    "The route follows Station Road, no. 7 buses stop by the gates.",
    # a museum's own street after its name and a comma
    "Year 8 will visit the Museum of Rail and Steam, Wharf Road, Swindon, on Friday.",
    "We meet at the Central Library, Market Street, at 9.",
]


@pytest.mark.parametrize("text", NOT_A_HOUSE_NUMBER)
def test_no_home_address(detector: AddressDetector, text: str) -> None:
    assert [f.category.value for f in detector.detect_text(text)
            if f.category.value == "address"] == []


POSTCODE_TRAPS: list[str] = [
    "Our visit to the Tower (EC3N 4AB) starts at ten.",  # a landmark's postcode in brackets
    "Invoice paid, reference LS61AB-2291, with thanks.",  # a reference holding one
    "Order no. 55-BN11AA-7 is on its way.",
]


@pytest.mark.parametrize("text", POSTCODE_TRAPS)
def test_no_home_postcode(detector: AddressDetector, text: str) -> None:
    assert [text[f.start:f.end] for f in detector.detect_text(text)] == []


def test_a_home_postcode_in_brackets_is_still_found(detector: AddressDetector) -> None:
    text = "Ravi's host family: 8 Elm Road (LS6 1AB)."
    assert "LS6 1AB" in [text[f.start:f.end] for f in detector.detect_text(text)]


def test_a_place_ends_before_a_day(detector: AddressDetector) -> None:
    text = "Her dad takes Esme to the Otterburn Dance Studio on Tuesdays at 6pm."
    assert "the Otterburn Dance Studio" in [text[f.start:f.end] for f in
                                            detector.detect_text(text)]


ABROAD_WHOLE: list[tuple[str, str]] = [
    ("Datos de la familia de Iker: Calle del Olmo 7, 3º A, 28045 Madrid.",
     "Calle del Olmo 7, 3º A, 28045 Madrid"),
    ("Zeynep'in adresi: Çiçek Sokak No: 12 Daire 4, Üsküdar, İstanbul.",
     "Çiçek Sokak No: 12 Daire 4, Üsküdar, İstanbul"),
    ("Indirizzo di Sara: Via dei Mille 9, scala C, int. 5, 40121 Bologna.",
     "Via dei Mille 9, scala C, int. 5, 40121 Bologna"),
]


@pytest.mark.parametrize(("text", "address"), ABROAD_WHOLE)
def test_an_address_abroad_is_covered_whole(detector: AddressDetector, text: str,
                                            address: str) -> None:
    assert address in [text[f.start:f.end] for f in detector.detect_text(text)]


def test_a_unit_word_needs_a_house_number_before_it(detector: AddressDetector) -> None:
    text = "Leo lives at 12 Elm Road, 3 kids share the room."
    assert [text[f.start:f.end] for f in detector.detect_text(text)] == ["12 Elm Road"]


def test_a_named_childs_event_blocks(screener: Screener) -> None:
    text = FOUND[0][0]
    assert screener.screen(Post(text=text)).verdict.value == "block"
