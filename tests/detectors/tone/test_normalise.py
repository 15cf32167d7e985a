"""The tone tokenizer and normalisation: offsets stay on the text, candidates are whole words,
scripts other than Latin are left alone; screening never raises and stays linear."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard.detectors.tone.normalise import (
    WORD,
    base_form,
    candidates,
    mask_matches,
    mask_pattern,
    spaced_runs,
    tokenize,
)
from postguard.policy import Policy
from postguard.screener import Screener

TONE = ("kisses", "slang", "profanity", "sexual_content", "over_familiar", "private_contact")


@pytest.fixture(scope="module")
def tone() -> Screener:
    return Screener(detectors=TONE)


CANDIDATES = [
    ("sh1t", "shit"),
    ("a$$", "ass"),
    ("@ss", "ass"),
    ("b!tch", "bitch"),
    ("sooooo", "so"),
    ("fuuuuck", "fuck"),
    ("f\u200bu\u200cck", "fuck"),
    ("\uff46\uff55\uff43\uff4b", "fuck"),
    ("fu\u0441k", "fuck"),             # Cyrillic es in a Latin word
    ("\u0430ss", "ass"),               # Cyrillic a
    ("\u03bfmg", "omg"),               # Greek omicron
    ("don't", "dont"),
    ("don\u2019t", "dont"),
    ("f_u_c_k", "fuck"),
    ("fu\u0308ck", "fuck"),
]


@pytest.mark.parametrize("word,expected", CANDIDATES)
def test_candidates_include_the_plain_word(word: str, expected: str) -> None:
    assert expected in candidates(word)


NOT_CANDIDATES = [
    ("Scunthorpe", "cunt"),
    ("assessment", "ass"),
    ("hello", "hell"),
    ("\u0441\u043e\u0441\u043a", "cock"),   # a whole Cyrillic word is never mapped
    ("\u03c7\u03c7", "xx"),                  # Greek chi chi stays Greek
    ("U18", "u"),
    ("2024", "zoza"),
]


@pytest.mark.parametrize("word,absent", NOT_CANDIDATES)
def test_candidates_are_whole_words_and_scripts_are_left_alone(word: str, absent: str) -> None:
    assert absent not in candidates(word)


def test_pure_greek_and_cyrillic_words_are_not_transliterated() -> None:
    for word in ("καλημέρα", "привет", "Χρόνια", "ХОРОШО"):
        assert all(not c.isascii() for c in base_form(word))


MASKS = [("f*ck", "fuck", True), ("f**k", "fuck", True), ("s***", "shit", True),
         ("f*ck", "folk", False), ("*fun*", "fund", False), ("f*", "fa", False)]


@pytest.mark.parametrize("masked,word,matches", MASKS)
def test_masks(masked: str, word: str, matches: bool) -> None:
    tok = next(t for t in tokenize(masked) if t.kind == WORD)
    pat = mask_pattern(tok.masked or tok.text)
    assert (pat is not None and mask_matches(pat, word)) is matches


SPACED = [("f.u.c.k", 1), ("F U C K", 1), ("s-h-i-t now", 1), ("a b", 0), ("I am a cat", 0),
          ("f . u", 0)]


@pytest.mark.parametrize("text,runs", SPACED)
def test_spaced_runs(text: str, runs: int) -> None:
    assert len(spaced_runs(text, tokenize(text))) == runs


def test_tokens_keep_offsets_with_emoji_and_combining_marks() -> None:
    text = "\U0001f468\u200d\U0001f469\u200d\U0001f467 caf\u00e9 fu\u0308ck 'sh1t'! x"
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    words = [t.text for t in tokenize(text) if t.kind == WORD]
    assert words == ["caf\u00e9", "fu\u0308ck", "sh1t", "x"]


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_tokens_never_move_off_their_text(text: str) -> None:
    last = 0
    for tok in tokenize(text):
        assert last <= tok.start < tok.end <= len(text)
        assert text[tok.start:tok.end] == tok.text
        last = tok.end


OBFUSCATED_ALPHABET = st.sampled_from(
    list("fuckshitxX *.-_1$@!|'\u200b\u00ad\u0441\u0430\u0308\uff46\n,")
    + ["fuck", "shit", "xx", " DM me ", " hun ", "\U0001f618", "\u202e", "\ud800"]
)


@given(st.lists(OBFUSCATED_ALPHABET, max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_spans_lie_inside_the_text_for_obfuscated_input(text: str) -> None:
    from postguard.detectors.tone.analysis import analyser_for

    for f in analyser_for(Policy.default()).analyse(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end].strip() == text[f.start:f.end]


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_screening_never_raises_on_any_unicode(text: str) -> None:
    from postguard.detectors.tone.analysis import analyser_for

    for f in analyser_for(Policy.default()).analyse(text):
        assert 0 <= f.start < f.end <= len(text)


def test_lone_surrogates_and_controls_do_not_crash(tone: Screener) -> None:
    report = tone.screen("sh\ud800it \x00\x07 f\udfffck \u202eXX\u202c x")
    assert all(f.category.value != "detector_error" for f in report.findings)


def test_long_posts_take_linear_time() -> None:
    from postguard.detectors.tone.analysis import analyser_for

    a = analyser_for(Policy.default())
    unit = "Great work today from Year 6, see you all tomorrow at 9am for the trip. "
    a.analyse(unit * 10)

    # The analysis is cached per text, so each timed run gets a text of its own.
    runs = iter(range(10**6))
    assert_linear(lambda n: a.analyse(unit * n + f"{next(runs)}"), 500, 5000)


def test_pathological_runs_are_fast() -> None:
    from postguard.detectors.tone.analysis import analyser_for

    a = analyser_for(Policy.default())
    for text in ("x " * 5000, "a." * 5000, "f u c k " * 2000, "*" * 50000, "\u200b" * 50000):
        t = time.perf_counter()
        a.analyse(text)
        assert time.perf_counter() - t < 5


@pytest.mark.parametrize("tail", [
    "don't use the school number",  # a confirm rule that looks back across a sentence
    "that was sick!",
    "Year x",
])
def test_context_rules_stay_linear_on_long_posts(tail: str) -> None:
    """Context rules run in windows around the hits, not over the whole post: many words
    that a rule starts on ("my") must not make a long post quadratic."""
    from postguard.detectors.tone.analysis import analyser_for

    a = analyser_for(Policy.default())
    a.analyse("that was sick")  # spaCy loaded outside the timing

    runs = iter(range(10**6))
    assert_linear(lambda n: a.analyse("my word " * n + tail + f" {next(runs)}"), 1000, 10000)


@given(st.text(alphabet=st.sampled_from(list("ab Zé1\n\t.,?-_😘\u200b")), max_size=60))
@settings(max_examples=300, deadline=None)
def test_tokenize_fast_path_equals_the_full_one(text: str) -> None:
    """A text with no edge character (quote, !, |, *, #) takes the fast path; adding one at
    the end (its own token) takes the full path: every other token is the same."""
    from postguard.detectors.tone.normalise import tokenize

    fast = tokenize(text)
    full = tokenize(text + " !")[:-1]
    assert fast == full
