"""Where a named child can be found without an address (issue 13): a village or
neighbourhood named as where a child or a group stays ("the village of X", "staying in X"),
and a routine: a place and a regular time in one sentence with a child's first name
(places/routines.py, PG214)."""

from __future__ import annotations

import pytest

from postguard import Screener
from postguard.detectors.places import AddressDetector


def locations(detector: AddressDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


POSITIVES: list[tuple[str, str, str]] = [
    ("Mateus is staying in Horsforth with a lovely host family.", "PG212", "Horsforth"),
    ("Our French group are staying in Rawdon this week.", "PG212", "Rawdon"),
    ("Hana lives in the small village of Pool-in-Wharfedale.", "PG212", "Pool-in-Wharfedale"),
    ("Every Wednesday at 4.30 Keira waits outside Greggs on Market Street.", "PG214",
     "Greggs on Market Street"),
    ("Oscar has judo at Morley Sports Hall every Monday at 6.", "PG214", "Morley Sports Hall"),
    ("On Fridays Chloe meets her mum at the bus stop on Harrogate Road after school, every "
     "week.", "PG214", "the bus stop on Harrogate Road"),
    ("A big thank you to the family on Primrose Way for the loan of their gazebo.", "PG212",
     "Primrose Way"),
    ("party at mine, I'm in the flats behind Lidl on Bracken Way, buzz 3", "PG212",
     "Bracken Way"),
    ("Tobi walks home past the library each day at 3.15.", "PG214", "the library"),
    ("Each morning Zainab buys breakfast from the corner shop by the station.", "PG214",
     "the corner shop"),
]

TRAPS: list[str] = [
    "The chess club meets at Pudsey Library every Thursday at 4.",
    "Mr Hughes runs football at Springhead Park every Saturday morning.",
    "Our students visited Harewood House on Tuesday.",
    "Every Monday we publish the menu on our website.",
    "The Matilda cast rehearse at the Grand Theatre every evening this week.",
    "We are staying in London for the conference.",
    "Staying in Touch evening for parents is on Friday.",
    "Daily reminders: bring a water bottle and a hat.",
]


@pytest.mark.parametrize(("text", "code", "span"), POSITIVES)
def test_where_a_named_child_can_be_found(detector: AddressDetector, text: str, code: str,
                                         span: str) -> None:
    assert (code, span) in locations(detector, text)


@pytest.mark.parametrize("text", TRAPS)
def test_groups_adults_events_and_wide_places_are_not(detector: AddressDetector,
                                                      text: str) -> None:
    assert locations(detector, text) == []


def test_a_routine_blocks() -> None:
    report = Screener().screen(POSITIVES[3][0])
    assert report.verdict.value == "block"
