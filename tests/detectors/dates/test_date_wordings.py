"""The date_of_birth detector on the wordings families of dates and birthdays take: ordinal
words, upper-case and European dates, named days with a birth year, ages tied to when a
birthday falls, and class birthday lists. Positives and traps side by side."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard.detectors.dates import DateOfBirthDetector
from postguard.model import Verdict
from postguard.policy import Policy
from postguard.screener import Screener


@pytest.fixture(scope="module")
def detector() -> DateOfBirthDetector:
    return DateOfBirthDetector(Policy.default())


def found(det: DateOfBirthDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in det.detect_text(text)
            if f.start is not None and f.end is not None]


# (text, [(code, matched text), ...]); an empty list is a trap that must not match.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # -- 1. ordinal dates, in words or with "of"
    ("Welcome Freya, born on the first of June 2013!", [("PG311", "first of June 2013")]),
    ("Sophie was born on the third of March 2012.", [("PG311", "third of March 2012")]),
    ("Born on the twenty-first of May, 2013, Leo is our youngest.",
     [("PG311", "twenty-first of May, 2013")]),
    ("born on the thirty first of December 2012", [("PG311", "thirty first of December 2012")]),
    ("DOB: the Twelfth of October 2011", [("PG311", "Twelfth of October 2011")]),
    ("Rafi was born on June the fifth, 2012", [("PG311", "June the fifth, 2012")]),
    ("D.O.B. 1st of Sept 2011", [("PG311", "1st of Sept 2011")]),
    ("Ruby, born 2nd of the 11th 2012, joins Year 3", [("PG311", "2nd of the 11th 2012")]),
    ("Happy birthday Amy, born on the third of March", [("PG312", "the third of March")]),
    # -- 2. upper-case, dotted and European forms after a birth cue
    ("DOB 14 MAR 2012", [("PG311", "14 MAR 2012")]),
    ("Born 21 SEPT 2012 in Cork", [("PG311", "21 SEPT 2012")]),
    ("Ana, born 03 APR 2013", [("PG311", "03 APR 2013")]),
    ("born 14.03.2012", [("PG311", "14.03.2012")]),
    ("Marta (geboren am 3. März 2012) joins us from Munich", [("PG311", "3. März 2012")]),
    ("Élodie, née le 1er juin 2013, arrive lundi", [("PG311", "1er juin 2013")]),
    ("Lucas nació el 5 de mayo de 2012 en Sevilla", [("PG311", "5 de mayo de 2012")]),
    ("Giulia, born 12 maggio 2013", [("PG311", "12 maggio 2013")]),
    ("DOB: 12 mars 2013", [("PG311", "12 mars 2013")]),
    ('Jonas wrote: "Ich bin am 7. Juni 2011 geboren."', [("PG311", "7. Juni 2011")]),
    ("Mateo, nacido el 21 de octubre de 2010 en Valencia",
     [("PG311", "21 de octubre de 2010")]),
    # -- 3. named days with a birth year (block), or without one next to a name (review)
    ("Tom was born on Boxing Day 2012", [("PG311", "Boxing Day 2012")]),
    ("Our New Year's Day 2013 baby Ella", [("PG311", "New Year's Day 2013")]),
    ("Happy birthday Zoe, a Valentine's Day 2011 baby!", [("PG311", "Valentine's Day 2011")]),
    ("Born on Christmas Eve 2013, Noah loves the festive season",
     [("PG311", "Christmas Eve 2013")]),
    ("Isla was a Leap Day 2012 baby!", [("PG311", "Leap Day 2012")]),
    ("Poppy arrived on Bonfire Night 2012", [("PG311", "Bonfire Night 2012")]),
    ("Amy was born on Christmas Day", [("PG312", "Christmas Day")]),
    ("Happy birthday Leo, born on Valentine’s Day!", [("PG312", "Valentine’s Day")]),
    # -- 4. an age tied to when the birthday falls (review)
    ("it's her 11th on Friday!", [("PG312", "11th")]),
    ("His 9th is this weekend, cake in class on Monday", [("PG312", "9th")]),
    ("Noah's 7th is on Saturday", [("PG312", "7th")]),
    ("Mia's 10th birthday party is on the 14th", [("PG312", "10th")]),
    ("her 10th birthday party is on the 14th", [("PG312", "10th")]),
    ("12 today!", [("PG312", "12")]),
    ("Twelve today! Happy birthday Oscar", [("PG312", "Twelve")]),
    ("Happy birthday Sam, 8 today!", [("PG312", "8")]),
    ("He's 10 tomorrow", [("PG312", "10")]),
    ("Ava turns thirteen tomorrow", [("PG312", "turns thirteen")]),
    ("she turns 12 on Saturday", [("PG312", "turns 12")]),
    ("She is eleven years young today", [("PG312", "is eleven years young")]),
    ("ten years old this week", [("PG312", "ten years old")]),
    ("Jack turns 9 next week", [("PG312", "turns 9")]),
    ("The twins are 8 today!", [("PG312", "are 8")]),
    # -- 5. birthday lists in a class post (review, each one)
    ("Happy birthday this week to Sam (Tues, turning 8), Aisha (Thurs, turning 9)",
     [("PG312", "turning 8"), ("PG312", "turning 9")]),
    ("Happy birthday to Jo (turning 10) and Kit (turning 11)!",
     [("PG312", "turning 10"), ("PG312", "turning 11")]),
    ("Birthday shout-outs: Ellie turning 7 on Wednesday and Zac turning 6 on Friday",
     [("PG312", "turning 7"), ("PG312", "turning 6")]),
    ("Happy 7th to Sam!", [("PG312", "7th")]),
    ("Happy 10th, Maya! Have a brilliant day.", [("PG312", "10th")]),
    ("Birthdays this month: Sam 12/03, Aisha 15/03", [("PG312", "12/03"), ("PG312", "15/03")]),
    ("Happy birthday to Sam (12/03) and Leo (19/03)!", [("PG312", "12/03"), ("PG312", "19/03")]),
    ("Birthdays in May: Sam 3 May, Aisha 15 May", [("PG312", "3 May"), ("PG312", "15 May")]),
    ("Leo, who turned 10 last week, brought in cakes", [("PG312", "who turned 10")]),
    ("It is his 9th on Sunday", [("PG312", "9th")]),
    ("Ruby celebrated her 7th yesterday", [("PG312", "7th")]),
    ("She turned 9 last week", [("PG312", "turned 9")]),
    ("Happy birthday to Sam who is 8!", [("PG312", "who is 8")]),
    ("Happy birthday Sam! Sam is 8 and loves dinosaurs.", [("PG312", "is 8")]),
    ("Happy birthday to Sam who is 8 minutes late", []),
    ("Happy birthday Sam, Table 3 is 8 points ahead", []),
    ("Sam who is 12 plays chess", []),
    ("Amy is 11", []),
    ("What a match: his 2nd this week!", []),
    ("Her 3rd on Friday was a personal best", []),
    ("Happy 10th to our Breakfast Club!", []),
    ("Happy 10th Anniversary to the PTA!", []),
    ("Happy 21st, Tom!", []),
    ("Birthday cake sale: 3/4 of Year 2 came", []),
    ("Happy birthday Sam, the trip is on 12/03", []),
    ("Homestay request: student Chen, date of birth 5 March 2011, arriving 6 July.",
     [("PG311", "5 March 2011")]),
    # -- traps: themes, year groups, centuries, rooms, stories, songs, events, clubs, ranges
    ("a Sweet Sixteen themed disco for Year 11 with DJ Marco", []),
    ("Sweet 16 cupcakes at the bake sale", []),
    ("Film club this term: the film Sweet 16, then a talk with Jenna about growing up.", []),
    ("Happy birthday Sakura! Born on 14 July, she celebrates with us.", [("PG312", "14 July")]),
    ("Year 13 leavers' assembly is on Friday", []),
    ("A visit to a 13th-century castle on Tuesday", []),
    ("The 15th of the month is payday for staff", []),
    ("Rooms 12 and 14 are free today", []),
    ("Who is 14 in the story? Read chapter 3 today.", []),
    ("In the novel, Kit, who is 14 in the story, runs away from home.", []),
    ("Year 9 sang Born in the USA on Friday", []),
    ("Christmas Day 2014 was the last time it snowed here", []),
    ("Christmas Day 2012: the day the school opened", []),
    ("Birthday Cake Club meets on the 14th", []),
    ("Activities for ages 11 to 14 this week", []),
    ("Age 12+ film in the hall on Friday", []),
    ("The 9th of May 2013 was the opening of the sports hall", []),
    ("Aged 11 to 14? Join us this week", []),
    # -- traps: organisations, things, pets, adults, counts and times tied to a day
    ("Our choir turns 10 this week!", []),
    ("The school is 12 today!", []),
    ("Our library is ten years old this week", []),
    ("The minibus is 8 years old this week", []),
    ("Happy 10th birthday to our Breakfast Club this week!", []),
    ("Our class hamster Nibbles is 2 today!", []),
    ("Our lambs were born on Easter Sunday 2024", []),
    ("Mrs Patel turns 50 on Saturday", []),
    ("It is 11 today", []),
    ("Lunch at 12 today", []),
    ("The match kicks off at 3 today", []),
    ("We raised £12 today", []),
    ("Year 6 won 12 today", []),
    ("Top 10 today: our favourite books", []),
    ("Page 12 today, then page 14 tomorrow", []),
    ("Chapter 12 today, chapter 13 tomorrow", []),
    ("Only 3 days to go! Sign up by 12 today.", []),
    ("Amy scored her 11th goal on Friday", []),
    ("Sam scored his 9th on Saturday, a great volley", []),
    ("Returning 10 library books on Friday", []),
    ("Turning 8 pages a day keeps reading fun", []),
    ("Born on Boxing Day? Tell us your favourite gift!", []),
    ("The baby Jesus was born on Christmas Day", []),
    ("Mrs Smith (née Jones) joined on 3 May 2015", []),
    # -- an age alone is not a birthday (DESIGN.md: a date of birth, or an age with a birthday)
    ("she is 9", []),
    ("Well done to the 14-year-olds in the chess club", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(detector: DateOfBirthDetector, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == expected


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Tom was born on Boxing Day 2012", Verdict.BLOCK),
        ("Sophie was born on the third of March 2012.", Verdict.BLOCK),
        ("she turns 12 on Saturday", Verdict.REVIEW),
        ("Birthdays this week: Sam (Tues, turning 8)", Verdict.REVIEW),
        ("Year 13 leavers' assembly is on Friday", Verdict.ALLOW),
    ],
)
def test_default_policy_actions(text: str, verdict: Verdict) -> None:
    """A full date of birth blocks; an age tied to a birthday asks for a review."""
    assert Screener(detectors=["date_of_birth"]).screen(text).verdict is verdict


def test_offsets_stay_right_when_lowercasing_changes_length(detector: DateOfBirthDetector
                                                            ) -> None:
    """ "İ" lowers to two characters: the rules that read the lower-cased text must still
    give offsets into the original."""
    text = "İİİ Happy birthday, 12 today! Born on Boxing Day 2012"
    assert found(detector, text) == [("PG311", "Boxing Day 2012"), ("PG312", "12")]


def test_digits_of_other_scripts(detector: DateOfBirthDetector) -> None:
    """Arabic-Indic digits are read as digits; the span is the original text's."""
    text = "DOB ٠٣/٠٥/٢٠١٤. 😀 ١٢ today!"
    assert found(detector, text) == [("PG311", "٠٣/٠٥/٢٠١٤"), ("PG312", "١٢")]


@pytest.mark.parametrize("unit", ["12 today! ", "her 11th on Friday ", "(Tues, turning 8) ",
                                  "born on Boxing Day 2012 ", "Twelve today birthday ",
                                  "born the third of March 2012 ", "1 1 1 today ",
                                  "Birthdays: Sam 12/03, Leo (3 May), ", "Happy 7th to Sam! "])
def test_new_wordings_are_linear(detector: DateOfBirthDetector, unit: str) -> None:
    assert_linear(lambda t: list(detector.detect_text(t)), unit * 1_000, unit * 10_000)


_WORDS = ["born", "Boxing", "Day", "2012", "baby", "arrived", "her", "his", "11th", "on",
          "Friday", "today", "tomorrow", "this", "week", "12", "turning", "turns", "(", ")",
          "Tues", ",", "Sam's", "years", "young", "old", "twelve", "the", "third", "of",
          "March", "3.", "März", "de", "mayo", "İ", "😀", "\n", "!", "is", "she's", "Sweet", "16"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40))
@settings(max_examples=300)
def test_spans_inside_text_and_apart(words: list[str]) -> None:
    text = " ".join(words)
    spans = []
    for f in DateOfBirthDetector(Policy.default()).detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        spans.append((f.start, f.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "overlap"
