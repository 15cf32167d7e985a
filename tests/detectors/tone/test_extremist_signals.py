"""Coded extremist signals (data/tone/extremism.tsv, the `extremist_signals` detector): coded
numbers, slogans and greetings and calls to kill a religious group, found as exact spans even
in a post of three words (where the harm model's short-text bar lets them through); the same
words named in a lesson, a history or RE talk, a news report or a novel studied in class are
no finding, and ordinary numbers and words never match alone. Table-driven, in fresh wording
written for these tests, with the traps that look like them."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.screener import Screener

DETECTORS = ("extremist_signals",)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=DETECTORS)


def signals(screener: Screener, text: str) -> list[tuple[str, str]]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    return [(f.code, text[f.start:f.end]) for f in report.findings
            if f.category is Category.EXTREMISM]


SIGNALS = [
    ("proud of u. 14 words, brothers", "PG471", "14 words, brothers"),
    ("never forget the fourteen words", "PG471", "the fourteen words"),
    ("1488 till i die", "PG471", "1488"),
    ("88 to all our comrades up north", "PG471", "88 to all our comrades"),
    ("big respect lads 88", "PG471", "lads 88"),
    ("88 patriots", "PG471", "88 patriots"),
    ("SIEG HEIL boys", "PG471", "SIEG HEIL"),
    ("rahowa is coming", "PG471", "rahowa"),
    ("ready for the day of the rope", "PG471", "day of the rope"),
    ("white power !!", "PG471", "white power"),
    ("stop the white genocide", "PG471", "white genocide"),
    ("pack a bag and join the caliphate, the brothers will meet you", "PG471",
     "join the caliphate"),
    ("death to all the kuffar", "PG472", "death to all the kuffar"),
    ("we will kill the crusaders", "PG472", "kill the crusaders"),
    ("those apostates deserve it", "PG472", "apostates deserve"),
]


@pytest.mark.parametrize(("text", "code", "span"), SIGNALS)
def test_coded_signals_are_extremism(screener: Screener, text: str, code: str,
                                     span: str) -> None:
    assert (code, span) in signals(screener, text)


@pytest.mark.parametrize("text", [
    s for s, _, _ in SIGNALS[:3]] + ["88 to all our comrades up north"])
def test_a_signal_blocks_and_escalates(screener: Screener, text: str) -> None:
    report = screener.screen(text)
    assert report.verdict is Verdict.BLOCK
    assert report.escalate


TRAPS = [
    # ordinary numbers and words
    "Describe your weekend in 14 words or fewer.",
    "my poem only has fourteen words lol",
    "The piano in the hall has 88 keys.",
    "Year 8 raised £88 for the food bank, well done all!",
    "we were 88 from the finish line when it rained",
    "The white power lead for the projector is in the cupboard.",
    "Kill the lights when you leave the hall please",
    # named in a lesson, a history or RE talk, a news report, a novel studied in class
    "In history this week we looked at why crowds shouted 'sieg heil' at the rallies.",
    "Our Prevent session showed staff why '1488' and '88' are hate symbols.",
    "Police are investigating graffiti reading 'white power' near the station.",
    "In RE we discussed how medieval writers called their enemies infidels.",
    "Year 10 novel: the plot turns when the knights vow death to the infidels.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_no_signal(screener: Screener, text: str) -> None:
    assert signals(screener, text) == []
