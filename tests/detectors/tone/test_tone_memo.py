"""The tone analysis keeps, per word token, its spellings and whether they meet a lexicon word
or a phrase's first word (posts repeat their words). The memo changes no finding, however
full it gets."""

from __future__ import annotations

import pytest

from postguard.detectors.tone import analysis
from postguard.detectors.tone.analysis import ToneAnalyser, analyser_for
from postguard.policy import Policy

TEXTS = [
    "keep this our little secret ok, don't tell your mum x",
    "Well done Year 6, see you on Monday!",
    "ur so mature for ur age, send me a pic babe",
    "what the f*** is this, sh1t",
    "Meet me after school, just us two",
    "Our secret garden project starts on Monday",
    "lol gr8 innit xx",
    "Mature students: your exam is on Monday",
]


def _fresh() -> ToneAnalyser:
    shared = analyser_for(Policy.default())
    return ToneAnalyser(shared.lexicon, shared.org, shared.channel)


@pytest.mark.parametrize("size", [1, 3, 50_000])
def test_memo_changes_no_finding(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    want = {t: _fresh()._analyse(t) for t in TEXTS}
    assert any(want.values())  # the texts do find something
    monkeypatch.setattr(analysis, "_TOKEN_INFO_SIZE", size)
    memo = _fresh()
    for _ in range(3):  # again and again, in another order: the memo is used and refilled
        for t in [*TEXTS, *reversed(TEXTS)]:
            assert memo._analyse(t) == want[t]
    assert 0 < len(memo._token_info) <= max(size, 1)
