"""The school detector: names ending Juniors, Infants or Prep; a saint's name alone where the
words around say school; lowercase names after a cue; and the traps that look like them."""

from __future__ import annotations

import pytest
from found import spans as found
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.schools import SchoolDetector
from postguard.detectors.schools.extra import extra_spans, load_extra
from postguard.detectors.schools.words import lexicon
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> SchoolDetector:
    return SchoolDetector(Policy.default())


CASES: list[tuple[str, list[str]]] = [
    # -- short forms: Juniors, Infants, Prep
    ("Larkfield Juniors won the cup.", ["Larkfield Juniors"]),
    ("Oakwood Infants sang carols.", ["Oakwood Infants"]),
    ("Greystones Prep hosted the match.", ["Greystones Prep"]),
    ("Sarah goes to Larkfield Juniors.", ["Larkfield Juniors"]),
    ("Highway Code talk at Ashdown Prep for Year 2.", ["Ashdown Prep"]),
    # traps: preparation, a year group, a club
    ("Prep time is 10 minutes.", []),
    ("Exam Prep sessions start Monday.", []),
    ("Meal Prep ideas for busy families.", []),
    ("Test Prep booklets went home.", []),
    ("Year 6 SATs Prep club is on Tuesday.", []),
    ("He plays in the juniors' football league.", []),
    ("Our Upper Juniors performed a play.", []),
    ("The Juniors will sing first.", []),
    ("Brockley Juniors FC won on Sunday.", []),
    # -- a saint's name alone, when the words around say school
    ("She goes to St Bede's now.", ["St Bede's"]),
    ("He moved from St Aelred's last year.", ["St Aelred's"]),
    ("St Bede's pupils raised £200.", ["St Bede's"]),
    ("St Aelred's Year 6 visited us.", ["St Aelred's"]),
    ("Kai attends Saint Cuthbert’s, and loves it.", ["Saint Cuthbert’s"]),
    ("She goes to St Bede's Catholic Primary.", ["St Bede's Catholic Primary"]),
    ("she attends st bede's", ["st bede's"]),
    ("he moved from st aelred's last year", ["st aelred's"]),
    # traps: churches, hospitals, saints' days, towns, trips
    ("we went to st paul's", []),
    ("see you at st mary's on sunday", []),
    ("she goes to st ives", []),
    ("We visited St Paul's Cathedral.", []),
    ("She was born at St Mary's Hospital.", []),
    ("Happy St Andrew's Day!", []),
    ("Year 5 visited St Paul's today.", []),
    ("Mass at St Joseph's tonight.", []),
    ("The service at St Mary's Church was lovely.", []),
    ("He's moving to St Ives next year.", []),
    ("We sang at St Paul's.", []),
    # -- lowercase names after a cue
    ("Amy moved to hazelwick junior academy.", ["hazelwick junior academy"]),
    ("the kids at beechwood primary sang.", ["beechwood primary"]),
    ("the children at riverside primary", ["riverside primary"]),
    ("we met pupils from hillside junior school", ["hillside junior school"]),
    ("welcome to oakfield high school's new website", ["oakfield high school"]),
    # traps: no name, an everyday word, a street
    ("we can't afford school uniform this year", []),
    ("thanks to support school staff", []),
    ("come to our school fair", []),
    ("a trip to the local primary", []),
    ("the kids at the new primary school", []),
    ("walk up beechwood high street", []),
    ("he moved to the old grammar school", []),
    ("see you at parents evening at school", []),
    ("at weekend school club", []),
    ("he joined the nursery", []),
    ("I went to school with a friend", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cases(detector: SchoolDetector, text: str, expected: list[str]) -> None:
    assert found(detector, text) == expected


def test_extra_spans_skip_what_is_taken() -> None:
    lex = lexicon()
    ex = load_extra(lex)
    text = "She goes to St Bede's now; the kids at beechwood primary sang."
    spans = extra_spans(text, lex, ex, [], text.split())
    assert [text[s:e] for s, e in spans] == ["St Bede's", "beechwood primary"]
    s = text.index("St Bede's")
    assert [text[a:b] for a, b in extra_spans(text, lex, ex, [(s, s + 9)], text.split())] \
        == ["beechwood primary"]


_WORDS = ["goes", "to", "St", "Bede's", "St.", "Paul's", "Cathedral", "at", "the",
          "beechwood", "primary", "school's", "junior", "academy", "high", "street", "Prep",
          "Larkfield", "Juniors", "’s", "'", "\n", "🎉", "ü", "\u0301"]


@given(st.lists(st.sampled_from(_WORDS), max_size=20), st.sampled_from([" ", "", "  ", "\t"]))
@settings(max_examples=300, deadline=None)
def test_spans_are_inside_the_text_and_apart(words: list[str], sep: str) -> None:
    det = SchoolDetector(Policy.default())
    text = sep.join(words)
    spans: list[tuple[int, int]] = []
    for f in det.detect_text(text):
        assert f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)
        spans.append((f.start, f.end))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
