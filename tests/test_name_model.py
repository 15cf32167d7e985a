"""The fast path of the person-name model (name_model.FastTagger) reads every text exactly as
spaCy reads it with the shipped pipeline, and falls back to spaCy when it cannot."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postguard.detectors import name_model
from postguard.detectors.name_model import (
    MAX_FAST_TOKENS,
    FastTagger,
    Unsupported,
    load_pipeline,
    load_tagger,
    spacy_entities,
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="module")
def fast(nlp):  # type: ignore[no-untyped-def]
    return FastTagger(nlp)


# One row a case: names the model must find next to traps it must not, and odd shapes of text
# (whitespace tokens, newlines, emoji, a name at the very end, a single word).
TEXTS = [
    ("two names", "Well done to Amelia Hartley-Brown and Tom Okafor in Year 6!"),
    ("four-part name", "María José García López won our short story competition."),
    ("family name first", "Thanks to Chen Yutong, Liu Zimo and Zhou Ruoxi for the tour."),
    ("name at the end", "Huge congratulations to Rosa Pennycook"),
    ("name at the start", "Ivo Kristensen has learnt 200 digits of pi."),
    ("particles", "Goals from Daan van der Berg and Salim bin Nasser Al-Harthy."),
    ("place trap", "Year 12 geographers are off to the Jurassic Coast tomorrow."),
    ("venue trap", "The choir sang at the Brighton Dome on 3 April."),
    ("book trap", "Book club this month: The Curious Incident of the Dog in the Night-Time."),
    ("org trap", "A safety talk this morning from Sussex Police."),
    ("double spaces", "Zhang Wei  and  Oliwia Żółkiewska sang."),
    ("newlines", "Winners:\nTendai Moyo\n\nPrecious Mutasa\n"),
    ("emoji", "🎉 Bravo Maëlys Garnier 🎉 and Bastien Leclercq 👏"),
    ("one word", "Tom"),
    ("punctuation only", "!!! ... ???"),
    ("empty", ""),
    ("spaces only", "   "),
]


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[c for c, _ in TEXTS])
def test_same_entities_as_spacy(nlp, fast, case: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert fast(text) == spacy_entities(nlp(text))


@pytest.mark.parametrize(("case", "text"), TEXTS[:8], ids=[c for c, _ in TEXTS[:8]])
def test_same_tensor_as_spacy(nlp, fast, case: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert np.allclose(fast.tensor(nlp.make_doc(text)), nlp(text).tensor, atol=1e-4)


def test_finds_the_names_and_not_the_traps(fast) -> None:  # type: ignore[no-untyped-def]
    text = "Well done Ivo Kristensen and Rosa Pennycook at the Brighton Dome!"
    found = [text[s:e] for s, e, label in fast(text) if label == "PERSON"]
    assert found == ["Ivo Kristensen", "Rosa Pennycook"]


def test_long_window_goes_to_spacy(nlp, fast) -> None:  # type: ignore[no-untyped-def]
    text = "Well done Ivo Kristensen. " + "We had a lovely day out. " * (MAX_FAST_TOKENS // 6)
    assert len(nlp.make_doc(text)) > MAX_FAST_TOKENS
    assert fast(text) == spacy_entities(nlp(text))


@pytest.mark.parametrize("rows", [1, 17, 27, 28, 300])
def test_matrix_products_in_blocks_are_the_same(fast, rows: int) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(rows)
    x = rng.random((rows, 192), dtype=np.float32)
    w = rng.random((192, 192), dtype=np.float32)
    assert np.allclose(fast._mm(x, w), x @ w, rtol=1e-5)


def test_unknown_pipeline_is_unsupported() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    with pytest.raises(Unsupported):
        FastTagger(blank)


def test_a_tagger_that_disagrees_with_spacy_is_refused(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(FastTagger, "_decode", lambda self, doc, n: [])
    with pytest.raises(Unsupported, match="differ"):
        FastTagger(nlp)


def test_load_tagger_falls_back_to_spacy(nlp, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def refuse(self, _nlp):  # type: ignore[no-untyped-def]
        raise Unsupported("test")

    monkeypatch.setattr(FastTagger, "__init__", refuse)
    monkeypatch.setattr(name_model, "_taggers", {})
    monkeypatch.setattr(name_model, "load_pipeline", lambda path=None: nlp)
    tagger = load_tagger(tmp_path)
    text = "Well done Ivo Kristensen!"
    assert not isinstance(tagger, FastTagger)
    assert tagger(text) == spacy_entities(nlp(text))
    assert load_tagger(tmp_path) is tagger  # one per folder and process


_WORDS = ["Well", "done", "to", "Tom", "Okafor", "Amelia", "Hartley-Brown", "and", "the",
          "Brighton", "Dome", "Year", "6", "in", "María", "José", "van", "der", "Berg", "!",
          ",", ".", "\n", "  ", "🎉", "Zhou", "Ruoxi", "from", "Keio", "School", "ǅ", "\u0301"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=6)), max_size=40))
def test_any_text_reads_the_same(nlp, fast, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(words)
    assert fast(text) == spacy_entities(nlp(text))


# Lone surrogates: spaCy cannot hash them; the tagger reads them as U+FFFD (one character for
# one), so a post that carries one still has its names found at the right offsets.
SURROGATES = [
    ("before the name", "Well done \ud800 Ivo Kristensen!", ["Ivo Kristensen"]),
    ("inside a trap", "Trip to the Brighton \udfff Dome", []),
    ("at the end", "Congratulations to Rosa Pennycook \udc00", ["Rosa Pennycook"]),
]


@pytest.mark.parametrize(("case", "text", "names"), SURROGATES, ids=[c for c, *_ in SURROGATES])
def test_lone_surrogates_are_read(case: str, text: str, names: list[str]) -> None:
    from postguard import Screener
    from postguard.model import Category

    assert name_model.encodable(text) != text and len(name_model.encodable(text)) == len(text)
    report = Screener(detectors=["person_name"]).screen(text)
    assert [text[f.start:f.end] for f in report.findings
            if f.category is Category.PERSON_NAME] == names
    assert all(f.category is Category.PERSON_NAME for f in report.findings)  # no PG001
