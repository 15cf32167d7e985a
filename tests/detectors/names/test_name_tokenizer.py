"""NameTokenizer (the person-name model's tokenizer without spaCy) splits every text exactly as
spaCy's tokenizer does with the shipped pipeline, and gives each token the same lexical
features (NORM, PREFIX, SUFFIX, SHAPE keys and IS_SPACE); its hashes are spaCy's and thinc's."""

from __future__ import annotations

import json
import random
import re
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import IS_SPACE, NORM, PREFIX, SENT_START, SHAPE, SUFFIX
from spacy.lang.lex_attrs import word_shape as spacy_word_shape
from spacy.symbols import IDS
from thinc.api import NumpyOps

from postguard.detectors.names import stored_regex
from postguard.detectors.names import tokenizer as name_tokenizer
from postguard.detectors.names.model import encodable, load_pipeline, model_path, thinc_hash
from postguard.detectors.names.tokenizer import NameTokenizer, hash_string, word_shape

_COLUMNS = [NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="module")
def spec() -> dict[str, object]:
    info = json.loads((model_path() / "fast.json").read_text(encoding="utf-8"))
    return info["tokenizer"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def tok(spec):  # type: ignore[no-untyped-def]
    return NameTokenizer(spec)


def differences(nlp, tok, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What NameTokenizer reads differently from spaCy in `text` (empty: nothing)."""
    doc = nlp.make_doc(text)
    tokens = tok.tokenize(text)
    mine = [(s, e) for s, e, _ in tokens]
    theirs = [(t.idx, t.idx + len(t)) for t in doc]
    if mine != theirs:
        return [f"tokens {mine} != {theirs}"]
    out = []
    ends = [s for s, _ in mine[1:]] + [len(text)] if mine else []
    for (s, e), nxt, t in zip(mine, ends, doc, strict=True):
        gap = text[e:nxt]  # a trailing space is the gap's first character, if any
        if text[s:e] != t.text or (gap[:1] == " ") != (t.whitespace_ == " "):
            out.append(f"text/whitespace of {t.text!r}")
    feats = np.array(tok.features(text, tokens), dtype=np.uint64).reshape(-1, 5)
    array = doc.to_array(_COLUMNS)
    for i in np.nonzero((feats != array).any(axis=1))[0]:
        out.append(f"features of {doc[int(i)].text!r}: {feats[i]} != {array[i]}")
    if len(doc) > 1 and doc.to_array([SENT_START])[1:].any():
        out.append("a sentence starts after the first token")
    if tok.analyse(text) != (mine, tok.features(text, tokens)):
        out.append("analyse differs from tokenize + features")
    return out


# One row a case: the shapes of text a post carries, each next to its traps.
SENTENCES = [
    ("apostrophe names", "Huge thanks to Keira O'Donoghue, D'Arcy and O’Neill’s mum"),
    ("hyphenated names", "Well done Amelia Hartley-Brown and Jean-Luc Picard-Smith!"),
    ("contractions", "Don't forget: we'll be late, y'all can't say we didn't warn you"),
    ("curly contractions", "Don’t worry, it’s fine — we’re here ’til 5"),
    ("times", "Doors open 9a.m. until 3.30p.m., or 10am-2pm; 7 p.m. sharp"),
    ("titles", "Mrs. Patel, Mr Jones, Dr. Who and Prof. Brian Cox met St. Mary's"),
    ("abbreviations", "e.g. the U.K., i.e. N.B. etc. vs. U.S.A."),
    ("numbers", "We raised £1,250.50 (that's 1,000+ pounds) for 2nd place; 3/4 of 100%"),
    ("quotes", "\"Brilliant\" said 'Tom'; «bien» „gut“ ``ok'' and `tick`"),
    ("brackets", "(Year 6) [photo] {draft} <3 :) :-( ;) xD ^_^"),
    ("urls", "See https://example.com/a-b_c?x=1&y=2#top or www.school.org.uk/news."),
    ("emails", "Email j.smith@school.org.uk, or info+pta@example.co.uk!"),
    ("handles", "@PTA_Committee #ProudTeacher #Year6 RT @someone:"),
    ("whitespace", "Tabs\there,\n\nnewlines\r\n and  double   spaces \u00a0nbsp\u2003em "),
    ("leading and trailing", "  \n Well done \t"),
    ("emoji", "🎉🎉 Bravo Maëlys 👏🏽👍 ❤️ 🇬🇧 and 👨‍👩‍👧 family"),
    ("non-Latin", "Привет Иван! مرحبا بكم 你好，王伟。こんにちは 안녕하세요 שלום"),
    ("combining marks", "Zoe\u0308 and Jose\u0301 and \u0301alone and a\u0300\u0301"),
    ("odd letters", "ǅemal, İstanbul, ß, ﬁne, Ⅻ, ½, ², ㎏"),
    ("dashes", "Year 5–6 — ready? --- yes -- no … ... .."),
    ("currency", "$5, €10, ¥200, US$3, C$4, 5€, 10p, £"),
    ("units", "5km, 10kg, 3ml, 100m, 2nd, 31st, 1990s, 6ft"),
    ("repeated", "Sooooo proud!!!!!! Yaaaay??? ....... xxxxxxx XXXXXXXX 11111111"),
    ("long word", "x" * 120 + " and " + "Ab1" * 40),
    ("single characters", "a b c . , ! ? ' \" - / \\ & % * + = ~ | ^ `"),
    ("empty", ""),
    ("space", " "),
    ("control", "a\x00b\x1fc\x7f d\u200be\u200d f\ufeff"),
    ("replacement", "\ufffd Tom \ufffd"),
]


@pytest.mark.parametrize(("case", "text"), SENTENCES, ids=[c for c, _ in SENTENCES])
def test_sentences_read_as_spacy_does(nlp, tok, case: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert differences(nlp, tok, text) == []


_PIECES = [text for _, text in SENTENCES[:-4]] + [
    "Don't", "a.m.", "Mrs.", "1,000", "(hi)", "'tis", "e.g.", ":)", ":-)", "<3", "o'clock",
    "🎉", "—", "’", "can't", "I'm", "\t", "\n", "  ", " ", "\xa0", "中文", "#tag", "@user",
    "10am", "3pm", "x", "(", ")", ",", ".", "!", "?", ";", ":", "-", "/", "&", "''", "e-mail",
    "St.", "Dr.", "vs.", "etc.", "ǅ", "\u0301", "İ", "ß", "ﬁ", "Ⅻ", "½", "2²", "Dr.)", "(Mrs.",
    "Dr..", "a.m.,", "p.m.!", "O.K.?", "don't.", "'s", "’S", "s'", "8)", "8-)", ":((", "=)",
]


def _generated(n: int, seed: int) -> list[str]:
    """Texts glued from the pieces above, random characters and random separators."""
    rng = random.Random(seed)
    chars = [chr(c) for c in range(0x20, 0x2FFF) if not 0xD800 <= c < 0xE000]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.7:
                parts.append(rng.choice(_PIECES))
            else:
                parts.append("".join(rng.choice(chars) for _ in range(rng.randint(1, 6))))
            parts.append(rng.choice(["", " ", " ", " ", "  ", "\n", "\t", " \n "]))
        out.append("".join(parts))
    return out


def test_thousands_of_generated_texts_read_as_spacy_does(nlp, tok) -> None:  # type: ignore[no-untyped-def]
    wrong = {}
    for text in _generated(3000, seed=6):
        found = differences(nlp, tok, text)
        if found:
            wrong[text] = found
    assert wrong == {}


_WORDS = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=12),
       st.sampled_from(["", " ", "  ", "\n"]))
def test_any_text_reads_as_spacy_does(nlp, tok, parts: list[str], sep: str) -> None:  # type: ignore[no-untyped-def]
    text = encodable(sep.join(parts))
    assert differences(nlp, tok, text) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_string_hashes_as_spacys_string_store(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    text = encodable(text)
    if text not in IDS:
        assert hash_string(text) == nlp.vocab.strings.add(text)
    assert word_shape(text) == spacy_word_shape(text)


@pytest.mark.parametrize("text", ["", "a", "abcdefgh", "abcdefghi", "é" * 9, "🎉", "x" * 100,
                                  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"])
def test_hash_and_shape_edges(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert hash_string(text) == nlp.vocab.strings.add(text) or text == ""
    assert word_shape(text) == spacy_word_shape(text)


def test_symbols_and_empty_strings_have_their_ids(tok) -> None:  # type: ignore[no-untyped-def]
    assert tok.key("") == 0
    assert tok.key("PERSON") == IDS["PERSON"] and tok.key("det") == IDS["det"]


@pytest.mark.parametrize("seed", [0, 1, 8, 11, 2**31 + 5, 2**32 - 1])
def test_hashing_is_thincs(seed: int) -> None:
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, 2**64 - 1, size=500, dtype=np.uint64, endpoint=True)
    ids[:3] = [0, 1, 2**64 - 1]
    mine = thinc_hash(ids[:, None], np.array([seed], dtype=np.uint64))[:, 0]
    assert np.array_equal(mine, NumpyOps().hash(ids, seed))


# The tokenizer's patterns come from their stored sre code when the interpreter matches the one
# that exported them, else from `re.compile`: both must match the same strings.
def test_stored_regex_code_is_what_re_compiles(spec, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    stored = spec["compiled"]
    with monkeypatch.context() as m:  # the stored code is used: `re` compiles nothing
        m.setattr(name_tokenizer.re, "compile", None)
        NameTokenizer(spec)
    assert stored["platform"] == name_tokenizer.regex_platform()
    for name in ("prefix", "suffix", "infix", "url_match"):
        pattern, flags = spec[name]
        assert stored["patterns"][pattern] == name_tokenizer.compiled_regex(pattern, flags)
        fast = stored_regex.compile_pattern(spec[name], stored)
        slow = re.compile(pattern, flags)
        for text in _PIECES:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in
                                                               slow.finditer(text)]


@pytest.mark.parametrize("damage", ["platform", "code"])
def test_unusable_regex_code_is_compiled_again(spec, damage: str) -> None:  # type: ignore[no-untyped-def]
    stored = json.loads(json.dumps(spec["compiled"]))
    if damage == "platform":
        stored["platform"] = ["cpython", 2, 7, 0, 0]
    else:
        for code in stored["patterns"].values():
            code["code"] = [999999] * 5
    tok = NameTokenizer({**spec, "compiled": stored})
    assert tok.tokenize("Don't (see) it!") == NameTokenizer(spec).tokenize("Don't (see) it!")


@pytest.mark.parametrize("broken", [
    {"prefix": ["(", 32]},
    {"prefix": [3, 32]},
    {"specials": {"x": [[1, None]]}},
    {"matcher": {"nowhere": ["a", "b"]}},
])
def test_a_broken_spec_is_refused(spec, broken: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((ValueError, TypeError, re.error)):
        NameTokenizer({**spec, **broken})


@pytest.mark.parametrize("run", ["!" * 5000, "(" * 3000 + "Tom", "ab:" * 300_000])
def test_a_very_long_run_is_one_token_in_linear_time(tok, run: str) -> None:  # type: ignore[no-untyped-def]
    """spaCy's affix loop is quadratic in a run's length (5,000 "!" take it seconds): a run
    longer than MAX_RUN characters is one token."""
    assert len(run) > name_tokenizer.MAX_RUN
    text = f"Well done {run}\nTom"
    started = time.perf_counter()
    spans, rows = tok.analyse(text)
    assert [text[s:e] for s, e in spans] == ["Well", "done", run, "\n", "Tom"]
    assert len(rows) == 5 and time.perf_counter() - started < 3.0
