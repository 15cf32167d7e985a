"""The address detector on house numbers written in words, famous people's museum homes and
lowercase addresses with their town (detectors/place_words.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard import Screener
from postguard.detectors.places import AddressDetector
from postguard.policy import Policy


def found(detector: AddressDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


# (text, [(code, matched text), ...]); an empty list is a trap that must not match.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # house numbers in words, found like "18 Acacia Avenue"
    ("she lives at number eighteen Acacia Avenue", [("PG202", "eighteen Acacia Avenue")]),
    ("she lives at number 18 Acacia Avenue", [("PG202", "18 Acacia Avenue")]),
    ("She lives at Number Eighteen Acacia Avenue", [("PG202", "Eighteen Acacia Avenue")]),
    ("flat four, 9 Mill Lane", [("PG203", "flat four, 9 Mill Lane")]),
    ("flat four, nine Mill Lane", [("PG203", "flat four, nine Mill Lane")]),
    ("twenty-two Beech Road", [("PG202", "twenty-two Beech Road")]),
    ("Twenty-Two Beech Road", [("PG202", "Twenty-Two Beech Road")]),
    ("Post it to Twenty two Beech Road", [("PG202", "Twenty two Beech Road")]),
    ("No. seven Orchard Close", [("PG202", "seven Orchard Close")]),
    ("house number twelve on Kings Road", [("PG202", "house number twelve on Kings Road")]),
    ("house number 12 on Elm Road", [("PG202", "house number 12 on Elm Road")]),
    ("my house is number four in Oak road", [("PG202", "number four in Oak road")]),
    ("lives at seven Kings Road", [("PG202", "seven Kings Road")]),
    ("Send it to Twelve Elm Road please", [("PG202", "Twelve Elm Road")]),
    ("Party at forty-one Church Street on Saturday", [("PG202", "forty-one Church Street")]),
    ("lives at number eighteen acacia avenue", [("PG202", "eighteen acacia avenue")]),
    ("i live at eighteen acacia avenue", [("PG202", "eighteen acacia avenue")]),
    ("No. one Elm Road", [("PG202", "one Elm Road")]),
    # the house number in words after its street, as learners write it
    ("I live in Salisbury Avenue number eighteen with my host family",
     [("PG202", "Salisbury Avenue number eighteen")]),
    ("I live in Salisbury Avenue number twenty-two.",
     [("PG202", "Salisbury Avenue number twenty-two")]),
    ("My address is Acacia Avenue, number twenty two",
     [("PG202", "Acacia Avenue, number twenty two")]),
    ("I live in Salisbury Avenue, no. seven", [("PG202", "Salisbury Avenue, no. seven")]),
    ("We sang Penny Lane eighteen times", []),
    ("Downing Street number ten is famous", []),
    ("We walked Western Road twenty times", [("PG211", "Western Road")]),
    # counts, names and famous addresses stay clean (or a location at most, as with digits)
    ("the eighteen Year 11 students on Acacia Avenue's litter pick", []),
    ("the eighteen Year 11 students on Acacia Avenue", [("PG211", "Acacia Avenue")]),
    ("Seven Sisters Road tube station", []),
    ("lives on Seven Sisters Road", [("PG212", "Seven Sisters Road")]),
    ("We walked along Nine Elms Lane", [("PG211", "Nine Elms Lane")]),
    ("Cycling up Two Mile Lane", [("PG211", "Two Mile Lane")]),
    ("Ten Downing Street", []),
    ("Number Ten Downing Street", []),
    ("Number 10 Downing Street", []),
    ("10 Downing Street", []),
    ("The Prime Minister lives at Ten Downing Street", []),
    ("one Oxford Street shop", []),
    ("the two Baker Street museums", []),
    ("we bought one Oxford Street map", []),
    ("Twelve Days of Christmas", []),
    ("no one Elm Road family was left out", [("PG211", "Elm Road")]),
    ("meet at ten Station Road", [("PG211", "Station Road")]),
    ("Year Six Mill Lane walk", [("PG211", "Mill Lane")]),
    ("eighteen acacia avenue", []),
    ("our three Church Road winners", [("PG211", "Church Road")]),
    ("a twenty minute drive", []),
    # famous people's museum homes are visits, not a child's home
    ("we visited Anne Frank's house", []),
    ("a trip to Shakespeare's birthplace on Henley Street", []),
    ("Shakespeare's Birthplace, Henley Street, Stratford", []),
    ("Dove Cottage, William Wordsworth's home", []),
    ("Dickens' house on Doughty Street", []),
    ("Year 6 visited Charles Dickens's house on Doughty Street today.", []),
    ("Doughty Street, Dickens\u2019s former home", []),
    ("Dickens's house at 48 Doughty Street", []),
    ("Roald Dahl's former home", []),
    ("We visited Anne Frank's house on the Prinsengracht", []),
    # ... but a child's house is a home, even next to a museum home or a famous surname
    ("we visited Amelia's house on Doughty Street", [("PG212", "Doughty Street")]),
    ("Amelia Dickens's house on Doughty Street", [("PG212", "Doughty Street")]),
    ("Frank's house on Elm Road", [("PG212", "Elm Road")]),
    ("Mrs Austen's house on Elm Road", [("PG212", "Elm Road")]),
    ("We visited Dickens's house. Amelia lives on Doughty Street.",
     [("PG212", "Doughty Street")]),
    ("Her mum's house is on Elm Road, near Dickens's house", [("PG212", "Elm Road")]),
    ("Visiting Jane Austen's house in Chawton, then lunch on Winchester Road",
     [("PG211", "Winchester Road")]),
    # lowercase addresses span their town: before a postcode, or a listed town alone
    ("12 elm rd leeds ls6 2ab", [("PG202", "12 elm rd leeds ls6 2ab")]),
    ("12 Elm Rd Leeds LS6 2AB", [("PG202", "12 Elm Rd Leeds LS6 2AB")]),
    ("flat 2 27 mill lane, bristol bs1 4dj", [("PG203", "flat 2 27 mill lane, bristol bs1 4dj")]),
    ("post to 8 oak rd, hove, bn3 2aa", [("PG202", "8 oak rd, hove, bn3 2aa")]),
    ("flat 2 27 mill lane bristol", [("PG203", "flat 2 27 mill lane bristol")]),
    ("lives at 4 kings road brighton", [("PG202", "4 kings road brighton")]),
    ("lives at 4 kings road brighton and likes it", [("PG202", "4 kings road brighton")]),
    ("lives at 4 kings road milton keynes", [("PG202", "4 kings road milton keynes")]),
    ("lives at 4 kings road table tennis club", [("PG202", "4 kings road")]),
    ("lives at 4 kings road reading books", [("PG202", "4 kings road")]),
    ("lives at 4 kings road\nbrighton", [("PG202", "4 kings road")]),
    ("i live in 33 new road, brighton", [("PG202", "33 new road")]),
    ("12 elm rd and then ls6 2ab", [("PG202", "12 elm rd"), ("PG201", "ls6 2ab")]),
    ("33 New Road Brighton", [("PG202", "33 New Road")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(detector: AddressDetector, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    ("she lives at number eighteen Acacia Avenue", "block"),
    ("Year 6 visited Charles Dickens's house on Doughty Street today.", "allow"),
    ("we visited Amelia's house on Doughty Street", "block"),
    ("Seven Sisters Road tube station was busy", "allow"),
])
def test_verdicts(text: str, verdict: str) -> None:
    assert Screener(detectors=["address"]).screen(text).verdict.value == verdict


_WORDS = ["twenty", "-", "two", "Twenty", "Two", "eighteen", "Seven", "Sisters", "one",
          "number", "No", ".", "No.", "Number", "Ten", "Downing", "Street", "Road", "road",
          "Acacia", "avenue", "Avenue", "flat", "four", ",", "Dickens's", "Dickens'", "house",
          "home", "birthplace", "Anne", "Frank's", "Amelia's", "on", "at", "lives", "leeds",
          "brighton", "milton", "keynes", "ls6", "2ab", "\n", "\u2019s", "'", "\U0001f600",
          "\u0301", "\ud800", "Mile", "Elms"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=40)
       .map(lambda ws: " ".join(ws).replace(" - ", "-")))
def test_spans_inside_trimmed_and_never_raises(text: str) -> None:
    det = AddressDetector(Policy.default())
    for f in det.detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end].strip() == text[f.start:f.end]


def test_linear_time_on_large_text(detector: AddressDetector) -> None:
    unit = ("Dickens's house on Doughty Street. she lives at number twenty-two Beech Road "
            "and 12 elm rd leeds ls6 2ab, Seven Sisters Road, Anne Frank's home. ")
    small = unit * 300
    assert_linear(lambda t: list(detector.detect_text(t)), small, small * 10, repeats=1,
                  slack=0.5)
