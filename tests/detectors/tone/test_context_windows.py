"""A long text's context rules read Docs of the windows around its hits instead of one Doc of
the whole text (`context._LONG_DOC`), and its frames (education, benign, media) are read from
its words without spaCy (`frames_of`). Both change no finding: here every text is analysed
both ways (windows forced on short texts too) and the findings compared, on written positives
and traps (an allow-phrase around a hit, a frame far from the hit it lowers, vetoes at the
edge of a window) and on random joins of them; and `frames_of` is compared with the spaCy
PhraseMatcher it stands in for."""

from __future__ import annotations

import random

import pytest

from postguard.detectors.tone import context
from postguard.detectors.tone.analysis import ToneAnalyser, ToneFinding, analyser_for
from postguard.detectors.tone.normalise import tokenize
from postguard.model import Category, Severity
from postguard.policy import Policy

SENTENCES = [
    "Our Relationships and Sex Education unit starts next week.",
    "The sex of the chicks is hard to tell at first.",
    "you are so sexy in that photo",
    "Year X are going to the museum on Friday.",
    "Thanks for coming today xx",
    "that was sick, well played",
    "I feel sick after the coach ride",
    "morning gorgeous, how was your weekend?",
    "don't tell your mum, it's a surprise for Mother's Day",
    "keep this our little secret, don't tell your mum",
    "We danced to 'Sexy Back' at the disco last night.",
    "what the hell is going on with the bus",
    "Our online safety assembly was led by the NSPCC.",
    "The pupils learnt about puberty and periods in biology.",
    "Malcolm X was the topic of the history lesson.",
    "We saw a blue tit in the school garden!",
    "Meet me behind the sports hall after the fire drill.",
    "2 x 4 = 8, well done Year 3",
    "ur so mature for ur age",
    "Please bring a packed lunch and a coat.",
]

FILLER_TEXT = ("The coach leaves the school car park at nine and returns by four so please "
               "collect your child from the main gate where staff will be waiting with the "
               "register and the first aid kit for anyone who needs it")
FILLER = FILLER_TEXT.split()


@pytest.fixture(scope="module")
def analyser() -> ToneAnalyser:
    shared = analyser_for(Policy.default())
    return ToneAnalyser(shared.lexicon, shared.org, shared.channel)


def _both(analyser: ToneAnalyser, text: str, monkeypatch: pytest.MonkeyPatch
          ) -> tuple[tuple[ToneFinding, ...], tuple[ToneFinding, ...]]:
    """(one Doc of the whole text, Docs of the windows) findings of `text`."""
    monkeypatch.setattr(context, "_LONG_DOC", 10 ** 9)
    whole = analyser._analyse(text)
    monkeypatch.setattr(context, "_LONG_DOC", 0)
    windows = analyser._analyse(text)
    return whole, windows


@pytest.mark.parametrize("text", SENTENCES)
def test_each_sentence_the_same_both_ways(analyser: ToneAnalyser, text: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    whole, windows = _both(analyser, text, monkeypatch)
    assert windows == whole


def test_random_joins_the_same_both_ways(analyser: ToneAnalyser,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(14)
    found = 0
    for _ in range(60):
        parts = [rng.choice(SENTENCES) if rng.random() < 0.4
                 else " ".join(rng.choices(FILLER, k=rng.randint(1, 40)))
                 for _ in range(rng.randint(2, 12))]
        text = rng.choice([" ", "\n", "\n\n"]).join(parts)
        whole, windows = _both(analyser, text, monkeypatch)
        assert windows == whole, text
        found += len(whole)
    assert found > 50  # the joins do hold findings to compare


def test_a_frame_far_from_its_hit_still_lowers_it(analyser: ToneAnalyser,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The frame word is further from the sexual word than any window reaches: a frame read
    only inside the windows would leave the word high."""
    far = " ".join(FILLER * 3)
    text = f"Today's biology lesson. {far}. The word sexy came up."
    assert len(tokenize(text)) > 3 * context._WINDOW
    whole, windows = _both(analyser, text, monkeypatch)
    assert windows == whole
    sexual = [f for f in windows if f.category is Category.SEXUAL_CONTENT]
    assert sexual and all(f.severity is Severity.LOW for f in sexual)
    # the trap: without the frame, the same word is not lowered
    plain = analyser._analyse(f"Hello all. {far}. The word sexy came up.")
    assert any(f.category is Category.SEXUAL_CONTENT and f.severity is not Severity.LOW
               for f in plain)


def test_an_allow_phrase_around_a_hit_in_a_long_text(analyser: ToneAnalyser,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    far = " ".join(FILLER * 3)
    text = f"{far}. Our Relationships and Sex Education unit starts soon. {far}. you are sexy"
    whole, windows = _both(analyser, text, monkeypatch)
    assert windows == whole
    starts = {f.start for f in windows}
    assert text.index("Sex Education") not in starts  # allowed: dropped both ways
    assert text.rindex("sexy") in starts  # the other one stays


def test_frames_of_matches_the_phrase_matcher() -> None:
    c = context.ContextRules(analyser_for(Policy.default()).lexicon.allow_phrases).compiled()
    cues = [" ".join(cue) for entries in c.frame_cues.values() for cue, _ in entries]
    rng = random.Random(2026)
    words = [*FILLER[:12], "İ", "ǅ", "ß", "<s>", "Lesson", "LESSON", "a-level", "A", "level",
             "mother's", "Mother’s", "day"]
    checked = 0
    for _ in range(300):
        pieces = rng.choices(words, k=rng.randint(0, 12))
        if rng.random() < 0.6:
            cue = rng.choice(cues)
            pieces.insert(rng.randint(0, len(pieces)), rng.choice([cue, cue.upper(),
                                                                   cue.title()]))
        toks = [context._encodable(t.text) for t in tokenize(" ".join(pieces))]
        ws = [context.BOS, *toks, context.EOS]
        doc = c.Doc(c.vocab, words=ws)
        want = {c.vocab.strings[m] for m, _, _ in c.frame(doc)}
        assert c.frames_of(ws) == want, ws
        checked += bool(want)
    assert checked > 100  # many of the texts hold a frame
