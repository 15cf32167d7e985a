"""Put-downs the insults lexicon missed until this round: an insulting adjective and noun said
to someone with the sentence going on after a comma, put-downs and mockery without an insult
word (dismissing, shutting out, a group laughing at someone, a chanted name, an insult shouted
as a name), and a Turkish threat to beat or kill. Table-driven, in fresh wording written for
these tests, with the traps that look like them."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.screener import Screener

DETECTORS = ("profanity", "sexual_content", "insults")


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=DETECTORS)


def bullying(screener: Screener, text: str) -> list[tuple[str, str]]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    return [(f.code, text[f.start:f.end]) for f in report.findings
            if f.category is Category.BULLYING]


PUTDOWNS = [
    # an adjective and a noun said to someone, the sentence going on after a comma
    ("you greasy rat, give it back", "PG462", "you greasy rat"),
    ("shut it you smelly slug, honestly", "PG462", "you smelly slug"),
    ("u useless tool, we lost because of u", "PG462", "u useless tool"),
    ("ya ugly toad, move", "PG462", "ya ugly toad"),
    # dismissing, shutting out, laughing at
    ("and nobody asked", "PG462", "nobody asked"),
    ("no one asked u mate", "PG462", "no one asked u"),
    ("who even invited her? nobody invited you", "PG462", "nobody invited you"),
    ("sorry but u cant sit with us", "PG462", "u cant sit with us"),
    ("even ur friends hate u", "PG462", "even ur friends hate u"),
    ("the whole year is laughing at you", "PG462", "the whole year is laughing at you"),
    ("honestly everybody laughs at you", "PG462", "everybody laughs at you"),
    # a chanted name, an insult as a name
    ("lardo lardo hahaha", "PG462", "lardo lardo"),
    ("weirdo weirdo go home", "PG462", "weirdo weirdo"),
    ("oi weirdo, over here", "PG462", "oi weirdo"),
    ("hey fatso", "PG462", "hey fatso"),
    # a threat in Turkish
    ("yarın seni döveceğiz", "PG465", "seni döveceğiz"),
    ("bir daha yaparsan seni gebertirim", "PG465", "seni gebertirim"),
]


@pytest.mark.parametrize(("text", "code", "span"), PUTDOWNS)
def test_putdowns_are_bullying(screener: Screener, text: str, code: str, span: str) -> None:
    got = bullying(screener, text)
    assert (code, span) in got, got


@pytest.mark.parametrize(("text", "verdict"), [
    ("you spotty weasel, nobody wants you", Verdict.REVIEW),
    ("nobody asked lol", Verdict.REVIEW),
    ("teneffüste seni döverim", Verdict.BLOCK),
])
def test_putdown_verdicts(screener: Screener, text: str, verdict: Verdict) -> None:
    assert screener.screen(text).verdict is verdict


PUTDOWN_TRAPS = [
    "Did you spot the fat toad by the pond on the nature walk?",
    "Can you paint a tall giraffe and a small mouse for the display?",
    "Nobody asked for a refund, so the coach is booked.",
    "No one asked about the late bus yet: it leaves at 4.",
    "Nobody invited the press, it was a quiet family ceremony.",
    "You can sit with us at lunch if you like!",
    "Even your friends can join the open evening, bring them along.",
    "Everybody laughed at the magician's rabbit trick.",
    "The whole class is laughing at the joke in chapter two of the novel.",
    "Fatty acids in oily fish help the brain: our science fact of the week.",
    "Hey everyone, the fair starts at noon.",
    "Yo team, great match today!",
    "Satrançta seni yeneceğim, hazır ol!",           # I'll beat you at chess (a game)
    "Seni özledim, yarın görüşürüz.",                # I missed you, see you tomorrow
]


@pytest.mark.parametrize("text", PUTDOWN_TRAPS)
def test_putdown_traps_stay_clean(screener: Screener, text: str) -> None:
    assert bullying(screener, text) == []
