"""The tone pre-pass looks closely only at tokens whose spellings meet a lexicon key, and tries
only the phrases a prefix trie lets through (phrases.prefix_trie / candidate_phrases). Both
are pre-filters: they must find exactly what trying every phrase at every word finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.tone.analysis import Hit, ToneAnalyser, analyser_for
from postguard.detectors.tone.lexicon import Entry
from postguard.detectors.tone.normalise import NEWLINE, SENTENCE_END, WORD, candidates, tokenize
from postguard.detectors.tone.phrases import candidate_phrases, match_slots, prefix_trie
from postguard.detectors.tone.terms import Slot
from postguard.model import Category, Severity
from postguard.policy import Policy


@pytest.fixture(scope="module")
def analyser() -> ToneAnalyser:
    return analyser_for(Policy.default())


def _brute_phrases(an: ToneAnalyser, text: str) -> list[tuple[str, int, int]]:
    """Every phrase tried at every word position (what the pre-pass did before the trie)."""
    tokens = tokenize(text)
    seq_tok = [i for i, t in enumerate(tokens)
               if t.kind == WORD or t.kind == NEWLINE or t.text in SENTENCE_END]
    seq = [candidates(tokens[i].text) if tokens[i].kind == WORD else None for i in seq_tok]
    out = []
    for j, seen in enumerate(seq):
        for c in seen or ():
            for e in an.lexicon.phrases.get(c, ()):
                end = match_slots(e.slots, 0, seq, j)
                if end is not None:
                    out.append((e.term, seq_tok[j], seq_tok[end - 1]))
    return out


def _phrase_hits(an: ToneAnalyser, text: str) -> list[tuple[str, int, int]]:
    hits: list[Hit] = an._lookup(text, tokenize(text))
    return [(h.entry.term, h.first, h.last) for h in hits if not h.entry.single]


# One row a case: phrases the pre-pass must find (several wordings, a gap phrase, a phrase at
# the end of a line) beside look-alikes it must not (the words apart, across a sentence break).
TEXTS = [
    ("secrecy", "This is our little secret, don't tell your mum."),
    ("secrecy trap", "Our secret garden club meets on Tuesday. Tell your mum!"),
    ("gap phrase", "Come round when your mum is out and we can chat."),
    ("gap trap", "Come round to the front office when the bell goes."),
    ("break between", "Come round. When your mum is out we close the hall."),
    ("private channel", "Add me on snap, we can talk there instead"),
    ("private trap", "Add the dates to your calendar and snap some photos."),
    ("are you", "Are you home alone tonight?"),
    ("are you trap", "Are you coming to the parents' evening tonight?"),
    ("newline", "are you\nalone"),
    ("empty", ""),
]


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[c for c, _ in TEXTS])
def test_trie_finds_what_brute_force_finds(analyser: ToneAnalyser, case: str,
                                           text: str) -> None:
    assert _phrase_hits(analyser, text) == _brute_phrases(analyser, text)


def test_the_table_has_positives(analyser: ToneAnalyser) -> None:
    found = {case for case, text in TEXTS if _brute_phrases(analyser, text)}
    assert {"secrecy", "gap phrase", "private channel"} <= found


def _entry(*slots: Slot) -> Entry:
    return Entry("test", Category.OVER_FAMILIAR, Severity.MEDIUM, "PG440", None, frozenset(),
                 slots, "test")


_A, _B, _C = frozenset({"a"}), frozenset({"b", "bb"}), frozenset({"c"})
ENTRIES = [
    _entry(Slot(_A), Slot(_B)),
    _entry(Slot(_A), Slot(_B), Slot(_C)),
    _entry(Slot(_A), Slot(frozenset(), gap=2), Slot(_C)),
    _entry(Slot(_A), Slot(_B, optional=True), Slot(_C)),
    _entry(Slot(_A), Slot(_C), Slot(frozenset(), gap=-1)),
    _entry(Slot(_A), Slot(_B), Slot(_B), Slot(_C)),
]
_VOCAB = [frozenset({w}) for w in ("a", "b", "bb", "c", "x")] + [frozenset({"b", "bb"}), None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=9))
def test_trie_never_drops_a_phrase_that_matches(seq: list[frozenset[str] | None]) -> None:
    trie = prefix_trie(ENTRIES)
    for j, seen in enumerate(seq):
        if seen is None or "a" not in seen:
            continue
        tried = candidate_phrases(trie, seq, j)
        matching = [e for e in ENTRIES if match_slots(e.slots, 0, seq, j) is not None]
        assert [e for e in tried if match_slots(e.slots, 0, seq, j) is not None] == matching
        # in list order, each once
        order = [ENTRIES.index(e) for e in tried]
        assert order == sorted(set(order))
