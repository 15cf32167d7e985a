"""Number plates that slipped through a blind held-out set: lowercase next to a vehicle cue,
hyphenated; and codes that only look like plates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.vehicles.plates import VehiclePlateDetector
from postguard.policy import Policy

DETECTOR = VehiclePlateDetector(Policy.default())


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in DETECTOR.detect_text(text)
            if f.start is not None and f.end is not None]


CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # lowercase, with the words around saying car, reg, plate, parked, drives
    ("his car is yt71 bzp", [("PG223", "yt71 bzp")]),
    ("my mum's car is ab12 cde", [("PG223", "ab12 cde")]),
    ("yt71 bzp parked outside the gate again", [("PG223", "yt71 bzp")]),
    ("she drives a red Fiesta, ab12 cde", [("PG223", "ab12 cde")]),
    ("saw yt71bzp on the drive", [("PG223", "yt71bzp")]),
    ("reg plate: ky19vod", [("PG223", "ky19vod")]),
    ("reg ab12-cde", [("PG223", "ab12-cde")]),
    ("a red Corsa, ab12 cde, was in the bay", [("PG223", "ab12 cde")]),
    ("Range Rover ky19 vod blocking the gate", [("PG223", "ky19 vod")]),
    # hyphenated: the current format in capitals is a plate by its shape
    ("WP65-LMX", [("PG221", "WP65-LMX")]),
    ("Parked: WP65-LMX by the gate", [("PG221", "WP65-LMX")]),
    ("AB12-CDE blocked the entrance", [("PG221", "AB12-CDE")]),
    ("car reg LA66-WWW", [("PG221", "LA66-WWW")]),
    # traps
    ("Use code 82KL at checkout", []),
    ("Product code ab12 cde-44", []),
    ("Part AB12-CDE-01 is back in stock", []),
    ("SKU X-AB12 CDE", []),
    ("Model AB12-CDE", []),
    ("Gate code ab12 cde", []),
    ("ab12 cde is a code", []),  # lowercase without a cue
    ("yt71 bzp", []),
    ("sn12 abc postcode area?", []),
    ("Ref ab12cde", []),
    ("Jaguar MK II", []),
    ("covid-19 rules", []),
    ("COVID-19 rules for the car share", []),
    ("Drive safely! Year 10 art trip", []),
    ("Mini beasts topic, yr10 art", []),
    ("Ford 2019 model", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["AB12", "ab12", "CDE", "cde", "-", " ", "car", "reg", "drives",
                                 "WP65-LMX", "code", "-44", "\ud800", "\u0301"])
                | st.text(max_size=4), max_size=25).map("".join))
def test_spans_inside_and_sorted(text: str) -> None:
    spans = [(f.start, f.end) for f in DETECTOR.detect_text(text)]
    for s, e in spans:
        assert s is not None and e is not None and 0 <= s < e <= len(text)
    assert spans == sorted(spans)
