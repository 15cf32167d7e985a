"""The insults round of the tone lexicons: swear-word families, slurs (PG423) and insults aimed
at a person (the `insults` detector, category bullying), with the traps that look like them.
Table-driven, in fresh wording written for these tests."""

from __future__ import annotations

import pytest

from postguard import Category, Verdict
from postguard.screener import Screener

DETECTORS = ("profanity", "sexual_content")


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=DETECTORS)


def findings(screener: Screener, text: str) -> list[tuple[str, str, str]]:
    report = screener.screen(text)
    assert not [f for f in report.findings if f.category is Category.DETECTOR_ERROR]
    return [(f.category.value, f.code, text[f.start:f.end]) for f in report.findings]


# -- swear-word families: compounds and forms that whole-word matching needs listed -------
PROFANITY = [
    ("honestly that bus company is a shitshow", "PG422", "shitshow"),
    ("get out of here you fuckface", "PG422", "fuckface"),
    ("what a dipshit move that was", "PG422", "dipshit"),
    ("those two are total asshats", "PG422", "asshats"),
    ("the pisshead next door woke us again", "PG422", "pisshead"),
    ("he's such a mothafucka", "PG422", "mothafucka"),
    ("quit bitchin about the rota", "PG422", "bitchin"),
    ("all these hoes want is attention", "PG422", "hoes"),
    ("she's a slapper apparently", "PG422", "slapper"),
    ("a bunch of knobheads outside the shop", "PG422", "knobheads"),
    ("sorry I was late, feckin traffic", "PG421", "feckin"),
    ("who the hell parked there", "PG421", "who the hell"),
    ("screw you!", "PG421", "screw you"),
    ("s.h.i.t.s.h.o.w", "PG422", "s.h.i.t.s.h.o.w"),      # dotted letters read as one word
    ("sh1thole", "PG422", "sh1thole"),                    # leetspeak
    ("fuuuckface", "PG422", "fuuuckface"),                # stretched
    ("what the tf is this", "PG422", "tf"),
]


@pytest.mark.parametrize(("text", "code", "span"), PROFANITY)
def test_swear_word_families(screener: Screener, text: str, code: str, span: str) -> None:
    assert ("profanity", code, span) in findings(screener, text)


# -- slurs are PG423 and block ---------------------------------------------------------------
SLURS = [
    ("get lost you spacker", "spacker"),
    ("shouting at him, calling him a fag", "fag"),
    ("the neighbours keep shouting chink at her", "chink"),
    ("stupid dyke", "dyke"),
    ("that's so homo", "homo"),
    ("he called them ragheads", "ragheads"),
    ("absolute libtard", "libtard"),
    ("my cousin got called a poofter", "poofter"),
    ("some white trash from down the road", "white trash"),
    ("n1ggaz", "n1ggaz"),
    ("he retarted or what", "retarted"),
    ("retard", "retard"),
]


@pytest.mark.parametrize(("text", "span"), SLURS)
def test_slurs_are_discriminatory_and_block(screener: Screener, text: str, span: str) -> None:
    assert ("profanity", "PG423", span) in findings(screener, text)
    assert screener.screen(text).verdict is Verdict.BLOCK


# -- traps: a harmless twin, a place, a dish, a tool, a species, another language -----------
TRAPS = [
    "Borrow the hoe from the shed and clear the weeds on the allotment.",
    "Use a hoe between the rows of potatoes.",
    "Hoe gaat het met jullie? Wij hebben een fijne dag gehad.",
    "Grandad nipped out for a fag break after lunch.",
    "Faggots and peas for tea tonight, a proper Black Country dinner.",
    "A chink of light came through the curtains.",
    "Finding the chink in the armour of the argument is today's debate skill.",
    "Year 8 walked a stretch of Offa's Dyke on the history trip.",
    "The Dutch boy put his finger in the dyke to stop the flood.",
    "Homo sapiens and Homo erectus: our evolution lesson today.",
    "Our Maine Coon kitten joined the class photo.",
    "The dorms were left spick and span.",
    "The Bible story tells of the prophet's donkeys and asses.",
    "Screw them into the wall with the long screws.",
    "Un gato negro cruzó la calle.",                 # Spanish "negro" is black
    "Il gatto è negro? No, è nero.",
    "Scunthorpe United won at home, and the trip to Penistone is next week.",
    "The cocktail party raised money for the PTA.",
    "Play the second bar mf, then crescendo to ff.",
    "We learnt about spastic cerebral palsy in the inclusion training.",
    "The Twits by Roald Dahl is our class reader.",
    "Please pass me the dipstick to check the minibus oil.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_clean(screener: Screener, text: str) -> None:
    assert findings(screener, text) == []
