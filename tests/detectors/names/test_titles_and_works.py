"""Person names: titles of songs, books, films and shows, well-known people and capitalised
things are not a child's full name; real names that look like words stay names; lowercase
hyphenated and Korean names after a cue are found."""

from __future__ import annotations

import pytest
from found import child_names as flagged
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.names import PersonNameDetector
from postguard.detectors.names.context import context, lexicons, works
from postguard.model import Severity
from postguard.policy import Policy


@pytest.fixture(scope="module")
def det() -> PersonNameDetector:
    return PersonNameDetector(Policy.default())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles of works, from the words around them or the list of titles
        ("Year 6 sang Penny Lane at the concert.", []),
        ('Our choir performed "Eleanor Rigby" beautifully.', []),
        ("The song Eleanor Rigby was a hit.", []),
        ("Year 2 sang ‘Eleanor Rigby’ in assembly.", []),
        ("We watched Home Alone on the last day of term.", []),
        ("Class 3 are reading Malory Towers this term.", []),
        ("The book Tracy Beaker is on the reading list.", []),
        ("Bugsy Malone musical tickets on sale now.", []),
        ("We loved reading Varjak Paw.", []),
        ("Year 4 loved Horrid Henry.", []),
        # children next to the same words stay names
        ("Parents watched Freddie Castellanos receive his award.", ["Freddie Castellanos"]),
        ("We watched Amelia Smith score a hat-trick.", ["Amelia Smith"]),
        ("Year 5 read Eleanor Rigby's poem aloud.", ["Eleanor Rigby"]),
        ('"Amelia Smith" was written on the board.', ["Amelia Smith"]),
        ('The class sang "Happy Birthday" to Ruby Okafor.', ["Ruby Okafor"]),
        ("Eleanor Rigby in Year 4 sang a solo.", ["Eleanor Rigby"]),
        # well-known people
        ("Jessica Ennis-Hill visited our sports day.", []),
        ("Greta Thunberg inspired our eco club.", []),
        ("We read about Malala Yousafzai this half term.", []),
        ("Jack Frost visited Reception.", []),
        # capitalised things whose first word may be a given name
        ("Please read our Autumn Newsletter.", []),
        ("Year 6 learned the Highway Code.", []),
        ("This week's Learning Hero is Sam.", []),
        ("Guest Wi-Fi is now available.", []),
        ("We won the Postcode Lottery grant.", []),
        ("Star Baker this week goes to Year 5.", []),
        ("Sports Day and the Spring Fair are on Friday.", []),
        ("Summer Term starts on Monday.", []),
        ("Paris Trip payments are due.", []),
        ("Our Reading Champion is Ava.", []),
        ("Greystones Prep hosted the match.", []),
        ("Oh Amelia, what a star!", []),
        # given names that are also words, before a surname: names
        ("Summer Holt won the race.", ["Summer Holt"]),
        ("Autumn Clarke read her poem.", ["Autumn Clarke"]),
        ("India Fairclough scored twice.", ["India Fairclough"]),
        ("Hero Lawson painted a mural.", ["Hero Lawson"]),
        ("Paris Mendes joined Year 3.", ["Paris Mendes"]),
        # Korean names, either order, and hyphenated names written in lowercase after a cue
        ("Min-jun Kim won the spelling bee.", ["Min-jun Kim"]),
        ("Well done Seo-yeon Lee and Ji-ho Park!", ["Seo-yeon Lee", "Ji-ho Park"]),
        ("Congratulations to Park Ji-ho.", ["Park Ji-ho"]),
        ("well done zofia kowalczyk-reid", ["zofia kowalczyk-reid"]),
        ("well done min-jun kim and seo-yeon lee!", ["min-jun kim", "seo-yeon lee"]),
        ("congrats to park ji-ho", ["park ji-ho"]),
        ("congrats to min-jun kim and ji-ho park", ["min-jun kim", "ji-ho park"]),
        # a role before a name is not part of it
        ("Head Girl Aisha Khan spoke at the open evening.", ["Aisha Khan"]),
        ("Well done to Reading Champion Leo Hartley-Brown!", ["Leo Hartley-Brown"]),
        ("thanks to anna-maria kowalski", ["anna-maria kowalski"]),
        ("well done ellie-mae hartley-brown", ["ellie-mae hartley-brown"]),
        # lowercase traps: a hyphenated word with no known part, a team
        ("well done zofia xx-yy on the quiz", []),
        ("happy birthday to west ham fans", []),
        ("thanks to the kind-hearted volunteers", []),
    ],
)
def test_titles_things_and_names(det: PersonNameDetector, text: str,
                                 expected: list[str]) -> None:
    assert flagged(det, text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Year 6 sang Penny Lane Blues tonight", "Penny Lane Blues", "work"),
        ("The song Eleanor Rigby was a hit.", "Eleanor Rigby", "work"),
        ("We watched Home Alone today", "Home Alone", "work"),
        ("We watched Amelia Smith today", "Amelia Smith", None),
        ("She read Malory Towers twice", "Malory Towers", "work"),
    ],
)
def test_context_says_title(text: str, name: str, kind: str | None) -> None:
    s = text.index(name)
    assert context(text, s, s + len(name), name.split()) == kind


def test_titles_and_lexicons_are_loaded() -> None:
    firsts, lasts, famous, not_names = lexicons()
    assert "eleanor rigby" in works() and "malory towers" in works()
    assert "jessica ennis-hill" in famous and "newsletter" in not_names
    assert "holt" in lasts and "zofia" in firsts


def test_low_findings_say_title(det: PersonNameDetector) -> None:
    (f,) = det.detect_text("The song Eleanor Rigby was a hit.")
    assert f.code == "PG322" and f.severity is Severity.LOW
    assert "title" in f.message


_WORDS = ["sang", "the", "song", "Eleanor", "Rigby", '"', "‘", "’", "'s", "Home", "Alone",
          "watched", "well", "done", "min-jun", "kim", "-", "Summer", "Holt", "Newsletter",
          "Hero", "ü", "🎉", "\u0301", "\n"]


@given(st.lists(st.sampled_from(_WORDS), max_size=16), st.sampled_from([" ", "", "  "]))
@settings(max_examples=300, deadline=None)
def test_spans_are_inside_the_text_and_never_crash(words: list[str], sep: str) -> None:
    det = PersonNameDetector(Policy.default())
    text = sep.join(words)
    for f in det.detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end].strip() == text[f.start:f.end]
