"""The vehicle_plate detector: UK number plates in text and OCR text."""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.codes import code_table
from postguard.detectors.vehicles.plates import VehiclePlateDetector
from postguard.model import Category, Severity
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> VehiclePlateDetector:
    return VehiclePlateDetector(Policy.default())


def found(detector: VehiclePlateDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # current format
    ("AB12 CDE parked outside", [("PG221", "AB12 CDE")]),
    ("plate AB12CDE", [("PG221", "AB12CDE")]),
    ("LV71 XYZ", [("PG221", "LV71 XYZ")]),
    ("KM24 ZZA", [("PG221", "KM24 ZZA")]),
    ("OCR: YR 67 HGF", [("PG221", "YR 67 HGF")]),
    ("the car reg is ab12 cde", [("PG223", "ab12 cde")]),
    ("OCR read WYO5 LkP", [("PG221", "WYO5 LkP")]),
    ("KV65 XRT\nNO PARKING", [("PG221", "KV65 XRT")]),
    # older formats
    ("an old A123 BCD Fiesta", [("PG222", "A123 BCD")]),
    ("P45 KLM", [("PG222", "P45 KLM")]),
    ("ABC 123D", [("PG222", "ABC 123D")]),
    ("classic Mini, RWC 12F", [("PG222", "RWC 12F")]),
    ("reg K1 ABC on the van", [("PG222", "K1 ABC")]),
    # dateless: only next to a vehicle cue
    ("her car reg is ABC 123", [("PG223", "ABC 123")]),
    ("number plate 1234 AB", [("PG223", "1234 AB")]),
    ("the minibus, registration XY 4321", [("PG223", "XY 4321")]),
    ("ABC 123 is the code", []),
    ("1234 AB", []),
    # traps
    ("Won a PS5!", []),
    ("MP3 player", []),
    ("COVID19 rules", []),
    ("COVID 19 rules", []),
    ("A4 paper", []),
    ("B2 level", []),
    ("Y10 trip", []),
    ("Y10 ART exhibition", []),
    ("HS2 works", []),
    ("M25 traffic", []),
    # a postcode as written is not a plate read with look-alikes (B/8)
    ("cards went to Peacehaven, BN10 8PN", []),
    ("post to LS12 8BN please", []),
    ("the van WY05 8PN was parked outside", [("PG221", "WY05 8PN")]),
    ("RE: 2024", []),
    ("IMG 1234", []),
    ("IMG_1234.jpg from the car park", []),
    ("drove the car along the A259", []),
    ("the BMW 320 car", []),
    ("B2 FCE course", []),
    ("USB 3C cable", []),
    ("64 GB car storage", []),
    ("Room B12", []),
    ("KS3 and KS4", []),
    ("SW1A 1AA", []),
    ("BN2 1AB", []),
    ("QA12 BCD", []),  # Q is never an area letter
    ("AB00 CDE", []),  # no 00 age identifier
    ("AB12 CQE", []),  # no Q in the random letters
    ("ab12 cde", []),  # lowercase needs a cue
    ("iPhone 15 and RTX 4090", []),
    ("Year 10 scored 4-1", []),
    ("the 10:30 bus", []),
    ("see you at 3pm", []),
    ("Room B12 ABC is booked", []),
    ("A4 BOX of pens", []),
    ("Gate 12 AB car park", []),
    ("Yr10 Art trip", []),
    ("ZZ12 ABC", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(detector: VehiclePlateDetector, text: str,
               expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == expected


def test_finding_fields(detector: VehiclePlateDetector) -> None:
    (f,) = detector.detect_text("Blocked in by AB12 CDE again")
    assert f.category is Category.VEHICLE_PLATE and f.severity is Severity.MEDIUM
    assert f.detector == "vehicle_plate"
    assert f.suggestion is not None and f.suggestion.replacement == "[plate removed]"


def test_screen_reviews_and_redacts() -> None:
    from postguard import Screener
    from postguard.registry import DetectorRegistry

    registry = DetectorRegistry(use_entry_points=False,
                                extra={"vehicle_plate": VehiclePlateDetector})
    report = Screener(registry=registry).screen("Parked behind AB12 CDE again.")
    assert report.verdict.value == "review"
    assert report.redacted_text == "Parked behind [plate removed] again."


def test_codes_documented() -> None:
    table = code_table()
    for code in VehiclePlateDetector.codes:
        assert table[code].category is Category.VEHICLE_PLATE


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["AB12", "CDE", "A123", "BCD", "ABC", "123D", "reg", "car",
                                 "1234", "AB", " ", "\n", "\U0001f697", "\ud800"])
                | st.text(max_size=5), max_size=30).map(" ".join))
def test_spans_inside_and_never_raises(text: str) -> None:
    det = VehiclePlateDetector(Policy.default())
    spans = [(f.start, f.end) for f in det.detect_text(text)]
    for s, e in spans:
        assert s is not None and e is not None and 0 <= s < e <= len(text)
    assert spans == sorted(spans)


def test_linear_time_on_large_text(detector: VehiclePlateDetector) -> None:
    rng = random.Random(3)
    vocab = ["AB12", "CDE", "car", "reg", "ABC", "123", "A123", "BCD", "Year", "10", "PS5"]
    big = " ".join(rng.choice(vocab) for _ in range(200_000))  # about 1 MB
    t = time.perf_counter()
    list(detector.detect_text(big))
    assert time.perf_counter() - t < 10.0
