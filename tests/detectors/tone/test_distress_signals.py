"""Short distress signals (data/tone/distress.tsv, the `distress_signals` detector): restricting
food to lose weight, giving belongings away, asking how many pills would be too many, wishing
not to exist (self_harm, PG481); a child not fed or left alone at home (disclosure, PG482).
They block and escalate even in a message of four words, where the harm model's short-text bar
lets them through. Table-driven, in fresh wording written for these tests, with the traps that
look like them (a busy lunchtime, a skeleton diagram, revision guides given away, a dosing
question, an hour home alone, a PSHE lesson naming the warning signs)."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.screener import Screener

DETECTORS = ("distress_signals",)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=DETECTORS)


def signals(screener: Screener, text: str) -> list[tuple[str, str]]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    return [(f.code, text[f.start:f.end]) for f in report.findings
            if f.category in (Category.SELF_HARM, Category.DISCLOSURE)]


SIGNALS = [
    # restricting food, wanting bones to show
    ("day 6 of just black coffee, the scales better move", "PG481", "day 6 of just black coffee"),
    ("day three of no food lol", "PG481", "day three of no food"),
    ("skipped lunch again so i can get skinnier before summer", "PG481",
     "skipped lunch again so i can get skinnier"),
    ("I can finally count my ribs 😊", "PG481", "count my ribs"),
    ("never hungry anymore, its fine", "PG481", "never hungry anymore"),
    # giving belongings away, pills, not wanting to exist
    ("giving all my games away, dont need them", "PG481",
     "giving all my games away, dont need them"),
    ("how many sleeping pills would kill someone my size", "PG481",
     "how many sleeping pills would kill"),
    ("how many tablets is too many asking for a friend", "PG481", "how many tablets is too many"),
    ("wish i could unsubscribe myself tbh", "PG481", "wish i could unsubscribe myself"),
    ("ctrl+z my entire existence", "PG481", "ctrl+z my entire existence"),
    # not fed, left alone at home
    ("noone's been home since saturday and the fridge is empty", "PG482",
     "noone's been home since"),
    ("home alone for 4 days now", "PG482", "home alone for 4 days"),
    ("i havent had food in 2 days", "PG482", "havent had food in 2 days"),
    ("hadn't eaten anything for like three days", "PG482",
     "hadn't eaten anything for like three days"),
    ("mum's away n theres no food at home since tues", "PG482", "no food at home"),
]


@pytest.mark.parametrize(("text", "code", "span"), SIGNALS)
def test_distress_signals_are_found(screener: Screener, text: str, code: str,
                                    span: str) -> None:
    assert (code, span) in signals(screener, text)


@pytest.mark.parametrize("text", [SIGNALS[1][0], SIGNALS[6][0], SIGNALS[11][0]])
def test_a_distress_signal_blocks_and_escalates(screener: Screener, text: str) -> None:
    report = screener.screen(text)
    assert report.verdict is Verdict.BLOCK
    assert report.escalate


TRAPS = [
    "skipping lunch so I can finish my coursework",
    "Day 2 of the trip: only sunshine and ice cream!",
    "Label the ribs and collarbone on the skeleton diagram.",
    "giving away my old revision guides, won't need them after June!",
    "How many paracetamol can a 12 year old take for a headache?",
    "How many pills does the vet say the dog needs?",
    "nobody has been to the allotment since friday",
    "home alone for an hour after school, is that ok?",
    "haven't had PE in 3 days because of the hall repairs",
    "No food in the classroom, please.",
    "In PSHE we learned that giving belongings away and saying you won't need them can be a "
    "warning sign.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_no_signal(screener: Screener, text: str) -> None:
    assert signals(screener, text) == []
