"""The date_of_birth detector: full dates of birth (PG311), ages and birthdays (PG312)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard.detectors.dates import DateOfBirthDetector
from postguard.errors import ConfigurationError
from postguard.model import Action, Category, Severity, Verdict
from postguard.policy import Policy
from postguard.registry import DetectorRegistry
from postguard.screener import Screener

THIS_YEAR = datetime.date.today().year


@pytest.fixture(scope="module")
def detector() -> DateOfBirthDetector:
    return DateOfBirthDetector(Policy.default())


def found(det: DateOfBirthDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in det.detect_text(text)
            if f.start is not None and f.end is not None]


# (text, [(code, matched text), ...]); an empty list is a trap that must not match.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # -- PG311: full dates of birth, every layout, every cue
    ("Amy was born on 3 May 2014.", [("PG311", "3 May 2014")]),
    ("DOB: 03/05/2014", [("PG311", "03/05/2014")]),
    ("d.o.b. 03.05.14", [("PG311", "03.05.14")]),
    ("D.O.B. 3/5/2014", [("PG311", "3/5/2014")]),
    ("Date of birth: 3rd of May 2014", [("PG311", "3rd of May 2014")]),
    ("Born May 3, 2014 in Leeds", [("PG311", "May 3, 2014")]),
    ("born 2014-05-03", [("PG311", "2014-05-03")]),
    ("Her birthday is 3 May 2014", [("PG311", "3 May 2014")]),
    ("Birth date 12-11-2013, Year 6", [("PG311", "12-11-2013")]),
    ("Sam (born 21st March 2012) joins us", [("PG311", "21st March 2012")]),
    ("Our newest pupil, born 05/13/2015 in Ohio", [("PG311", "05/13/2015")]),
    ("3 May 2014 is Amy's date of birth", [("PG311", "3 May 2014")]),
    ("Amy was born on 3 May 2014. Trip on 4 May 2024.", [("PG311", "3 May 2014")]),
    # -- PG312: ages with a birthday or a name
    ("Happy 11th birthday Amy!", [("PG312", "11th")]),
    ("Happy eleventh birthday Sam", [("PG312", "eleventh")]),
    ("Amy turns 12 today", [("PG312", "turns 12")]),
    ("Ben turned nine on Friday", [("PG312", "turned nine")]),
    ("Amy is 11 today", [("PG312", "is 11")]),
    # -- PG312: a birthday without the year next to a name
    ("It's Amy's birthday on 3 May!", [("PG312", "3 May")]),
    ("Happy birthday Amy, born 3rd May", [("PG312", "3rd May")]),
    ("Sam's birthday: May 21st", [("PG312", "May 21st")]),
    (f"Amy's birthday party is on 3 May {THIS_YEAR}", [("PG312", f"3 May {THIS_YEAR}")]),
    # -- traps
    ("Trip on 3 May 2024", []),
    ("Term starts 04/09/2024", []),
    ("Born to lead!", []),
    ("The birthday of the school (founded 1880)", []),
    ("Celebrating our 50th anniversary", []),
    ("Year 11 students", []),
    ("11 students went to London", []),
    ("Shakespeare was born in 1564", []),
    ("Shakespeare was born on 23 April 1564", []),
    ("U18 team, over 18s welcome", []),
    ("Children born between 1 September 2020 and 31 August 2021 can apply.", []),
    ("Pupils born after 1 September 2013 may enter.", []),
    ("Clubs for children aged 9 to 11.", []),
    ("Children aged 9 will enjoy it.", []),
    ("Open to students aged 12-16", []),
    ("Our school turns 12 today!", []),
    ("Celebrating our 10th birthday as a charity", []),
    ("Happy 50th birthday Mr Jones!", []),
    ("Suitable for 9-year-olds", []),
    ("Room (11) is free", []),
    ("Year 7, 8, 9 and Table (3)", []),
    ("It is 11 today", []),
    ("Happy birthday to everyone born in May!", []),
    ("The 100-year-old oak in the playground", []),
    ("Results day is 21/08/2025 and GCSEs on 15 May 2025", []),
    ("Born on 31 February 2014", []),
    ("Happy birthday Amy! We hope you have a lovely day.", []),
    ("Birthday cake sale on 3 May raises £50", []),
    ("Version 2.3.14 released", []),
    ("Happy birthday CIE, 10 years old today!", []),
    ("Places close on 15 January. Children born between 1 September 2021 and 31 August 2022"
     " are eligible.", []),
    ("Happy 10th Birthday to our Breakfast Club! It opened in 2015.", []),
    ("Our new-born lambs arrived on 3 May 2024", []),
    ("Happy Birthday to our lunchtime supervisor Jan, who is 60 today!", []),
    ("Host families needed for students aged 14-17 this summer.", []),
    ("Happy 11th birthday to our lovely Amy!", [("PG312", "11th")]),
    ("3 May 2014: Amy was born", [("PG311", "3 May 2014")]),
    # -- "Name, who is N", "is turning N", "Sweet 16": ages with a name
    ("Farewell to Priya, who turns fourteen next week.", [("PG312", "who turns fourteen")]),
    ("Maya is turning ten on Saturday!", [("PG312", "is turning ten")]),
    ("A sweet sixteen party for Chiara on Friday", [("PG312", "sweet sixteen")]),
    ("Happy 9th birthday to Ruby in 4C!", [("PG312", "9th")]),
    # -- traps: measures, pets, rules, descriptions, counts, unnamed birthdays, other dates
    ("Tom, who is 12 minutes late again, missed the bus.", []),
    ("The class rabbit, Biscuit, is 4 today!", []),
    ("Our tortoise Speedy turns 12 this week", []),
    ("Sweet 16 cupcakes on sale at the bake stall", []),
    ("Kids under 12 years old go free.", []),
    ("Looking for a host for a friendly 15-year-old from Madrid.", []),
    ("Tries from Josh Parker (3) and Ali Khan sealed the win", []),
    ("Happy 9th birthday sweetheart!", []),
    ("DOB 2 April 2012, starting on 5 September.", [("PG311", "2 April 2012")]),
]


# Ages next to a name that tell no birthday: no finding by default (an age alone is not a
# date of birth, issue 13); PG312 when the policy asks for them.
AGES_ALONE: list[tuple[str, list[tuple[str, str]]]] = [
    ("Ben is 11 years old", [("PG312", "is 11")]),
    ("Amy (11) won the race", [("PG312", "(11)")]),
    ("Amy, aged 9, won the race", [("PG312", "aged 9")]),
    ("Amy, 11, from Leeds won", [("PG312", "11")]),
    ("our 9-year-old Amy", [("PG312", "9-year-old")]),
    ("Harry, 14, and his sister Grace, 11, raised £500.", [("PG312", "14"), ("PG312", "11")]),
    ("Say hello to Kenji, who is only 13 and plays the violin.", [("PG312", "who is only 13")]),
    ("Meet Lena, a 14-year-old from Berlin.", [("PG312", "14-year-old")]),
    ("Giulia (14) from the orchestra played a solo.", [("PG312", "(14)")]),
]
AGES_POLICY = Policy.from_dict({"detectors": {"date_of_birth": {"ages_next_to_names": True}}})


@pytest.mark.parametrize(("text", "expected"), AGES_ALONE, ids=[c[0][:40] for c in AGES_ALONE])
def test_ages_alone_only_when_the_policy_asks(detector: DateOfBirthDetector, text: str,
                                              expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == []
    assert found(DateOfBirthDetector(AGES_POLICY), text) == expected


def test_ages_alone_setting_must_be_a_bool() -> None:
    # The policy schema refuses it when the policy is read, before any detector is built.
    with pytest.raises(ConfigurationError, match="ages_next_to_names must be true or false"):
        DateOfBirthDetector(
            Policy.from_dict({"detectors": {"date_of_birth": {"ages_next_to_names": "yes"}}}))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(detector: DateOfBirthDetector, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == expected


def test_full_date_finding_shape(detector: DateOfBirthDetector) -> None:
    (f,) = detector.detect_text("DOB 3 May 2014")
    assert (f.category, f.severity) == (Category.DATE_OF_BIRTH, Severity.HIGH)
    assert f.suggestion is not None and f.suggestion.action is Action.REPLACE
    assert f.suggestion.replacement == "[date removed]"


def test_age_finding_shape(detector: DateOfBirthDetector) -> None:
    (f,) = detector.detect_text("Amy turns 12 today")
    assert (f.code, f.severity) == ("PG312", Severity.MEDIUM)


def test_registered_screened_and_redacted() -> None:
    assert DetectorRegistry().get("date_of_birth") is DateOfBirthDetector
    screener = Screener(detectors=["date_of_birth"])
    report = screener.screen("Amy was born on 3 May 2014!")
    assert report.verdict is Verdict.BLOCK
    assert report.redacted_text == "Amy was born on [date removed]!"
    review = screener.screen("Happy 11th birthday Amy!")
    assert review.verdict is Verdict.REVIEW
    assert review.redacted_text == "Happy birthday Amy!"
    assert screener.screen("Trip on 3 May 2024").verdict is Verdict.ALLOW


@given(st.text(max_size=300))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_spans_inside_text_on_any_string(text: str) -> None:
    for f in DateOfBirthDetector(Policy.default()).detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)


_WORDS = ["born", "DOB", "birthday", "Amy", "(11)", "3", "May", "2014", "03/05/2014", "aged",
          "9", "turns", "12", "today", ",", ".", "11th", "of", "is", "years", "old", "\n",
          "😀", "é", "2014-05-03", "d.o.b.", "Happy", "children"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40))
@settings(max_examples=300)
def test_spans_inside_text_on_date_like_words(words: list[str]) -> None:
    text = " ".join(words)
    spans = []
    for f in DateOfBirthDetector(Policy.default()).detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        spans.append((f.start, f.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "overlap"


@pytest.mark.parametrize("unit", ["born 3 May 2014 ", "Amy (11) ", "Amy, 11, ", "1/1/1 ",
                                  "aged 9 " * 2, "9 " * 10, "born " * 5, "Amy is 11 today. ",
                                  "Kim, who is 12, ", "Sweet 16 Amy ", "a 9-year-old "])
def test_long_text_is_linear(detector: DateOfBirthDetector, unit: str) -> None:
    assert_linear(lambda t: list(detector.detect_text(t)), unit * 1_000, unit * 10_000)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Enid Blyton was born on 11 August 1897, so we read Famous Five", False),
        ("The author was born on 13/09/1916 in Llandaff", False),
        ("DOB: 04/03/2015 (please keep this form private)", True),
    ],
)
def test_a_birth_over_a_century_ago_is_history(text: str, found: bool) -> None:
    hits = [f for f in DateOfBirthDetector(Policy.default()).detect_text(text)
            if f.code == "PG311"]
    assert bool(hits) is found
