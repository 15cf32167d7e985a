"""Places that look like a home's address or area and are a venue (data/uk_landmark_streets.txt,
data/place_cues.txt [number_stopwords], places/clues.py, vehicles/plates.py): a football
ground named as a road ("at Carrow Road"), a stand or stall number at a fair ("stall 6,
Victoria Square"), a school after "Name, age, of" (the school detector's), and a postcode's
outward part, which is no number plate. A home cue still makes the road a home.

Traps (must still be found): a child who lives on such a road; a child, an age and a
village."""

from __future__ import annotations

import pytest
from found import addresses, locations, spans

from postguard.detectors.places import AddressDetector
from postguard.detectors.vehicles import VehiclePlateDetector
from postguard.policy import Policy

VENUES: list[str] = [
    "Norwich City drew 1-1 at Carrow Road on Saturday.",
    "Our Year 9s watched the match at Bramall Lane.",
    "Find us at the food fair: stall 6, Victoria Square.",
    "The book fair has our stand at booth 12, Centenary Square.",
    "Maya Obi, 14, of Hillcrest High School, won the debate.",
]


@pytest.mark.parametrize("text", VENUES)
def test_no_home(detector: AddressDetector, text: str) -> None:
    assert locations(detector, text) == [] and addresses(detector, text) == []


def test_home_on_a_ground_road_is_found(detector: AddressDetector) -> None:
    assert "Carrow Road" in " ".join(locations(detector, "Ollie lives on Carrow Road."))


def test_child_age_and_village_is_found(detector: AddressDetector) -> None:
    found = locations(detector, "Tess Marlow, 11, of Rottingdean, won the art prize.")
    assert "Rottingdean" in found


def test_postcode_is_no_plate() -> None:
    plates = VehiclePlateDetector(Policy.default())
    assert spans(plates, "Postcode for the taxi: BS16 4QR.") == []
    assert spans(plates, "The taxi's plate was BS16 ABC.") == ["BS16 ABC"]
