"""The harm layer's fast paths against straightforward references on random texts: the
ASCII shortcut of `normalise`, the vectorised n-gram keys (for the CHAR_SIZES in force, and
for other sizes the model may be retrained with), the slot-table look-up, and the scores of
the whole text and its clauses (the same numbers, bit for bit, as summing each occurrence's
weight row in order)."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from harm_model_files import write_model
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.harm import features
from postguard.detectors.harm.detector import clauses
from postguard.detectors.harm.weights import HarmWeights, _sigmoid, load_weights

_M = 1 << 64
_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")

# Letters, digits (ASCII and others), every kind of space, marks, emoji, CJK, Arabic,
# ligatures and characters whose lower case or NFKC form has another length.
_ALPHABET = ("abcXYZ _-.,!?'0123456789\t\n\r\x0b\x0c\x1c\x1f\u00a0\u2003\u3000"
             "٣४éÉßİﬁ\u0301\u200b😀👍你好こんにちは안녕مرحبا")
texts = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120)


def reference_normalise(text: str) -> str:
    """`normalise` as first written: NFKC and lower case per character where the whole text's
    would change its length, then every \\d to 0 and every \\s to a space."""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) != len(text):
        folded = "".join(n if len(n := unicodedata.normalize("NFKC", c)) == 1 else c
                         for c in text)
    low = folded.lower()
    if len(low) != len(folded):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return _SPACE.sub(" ", _DIGIT.sub("0", low))


def _hash(norm: str, a: int, b: int) -> int:
    base = int(features._BASE)
    return sum((ord(norm[i]) + 1) * pow(base, i - a, _M) for i in range(a, b)) % _M


def reference_keys(norm: str, sizes: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """Every occurrence's key and start, one n-gram at a time in plain integers."""
    mix = int(features._MIX)
    keys: list[int] = []
    starts: list[int] = []
    for n in sizes:
        for a in range(len(norm) - n + 1):
            keys.append((_hash(norm, a, a + n) * mix + n) % _M)
            starts.append(a)
    words = [m.span() for m in re.finditer(r"\w+", norm)]
    hashes = [_hash(norm, a, b) for a, b in words]
    keys += [(h * mix + int(features._WORD_TAG)) % _M for h in hashes]
    starts += [a for a, _ in words]
    keys += [((h1 * mix + h2) * mix + int(features._PAIR_TAG)) % _M
             for h1, h2 in zip(hashes, hashes[1:], strict=False)]
    starts += [a for a, _ in words[:-1]]
    return keys, starts


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalise_matches_the_reference(text: str) -> None:
    assert features.normalise(text) == reference_normalise(text)
    assert len(features.normalise(text)) == len(text)


@pytest.mark.parametrize("sizes", [features.CHAR_SIZES, (1, 2, 3), (2, 4, 5), (3,), (2, 3, 4, 5, 6),
                                   (3, 2)])
@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_keys_match_the_reference(sizes: tuple[int, ...], text: str) -> None:
    """Whatever CHAR_SIZES the model is built with (consecutive or not), in their order."""
    norm = features.normalise(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(features, "CHAR_SIZES", sizes)
        keys, starts = features.keys(norm)
    want_keys, want_starts = reference_keys(norm, sizes)
    assert keys.dtype == np.uint64 and starts.dtype == np.int64
    assert keys.tolist() == want_keys
    assert starts.tolist() == want_starts


def test_keys_of_texts_beyond_the_first_tables() -> None:
    """A text longer than the hash tables held so far grows them (the same keys)."""
    text = "ab 0x " * 1500
    norm = features.normalise(text)
    keys, _ = features.keys(norm)
    sample = [0, 1, len(norm) - 2, len(norm) - 5]
    mix = int(features._MIX)
    assert [int(keys[i]) for i in sample[:3]] == [
        (_hash(norm, a, a + 2) * mix + 2) % _M for a in sample[:3]]


@pytest.fixture(scope="module")
def model() -> HarmWeights:
    return load_weights()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**9), min_size=0, max_size=60),
       st.lists(st.integers(0, _M - 1), min_size=0, max_size=60))
def test_rows_match_a_dictionary(model: HarmWeights, picks: list[int], others: list[int]
                                 ) -> None:
    """Known keys find their row, any other key the zero row past the vocabulary."""
    known = [int(model.keys[i % model.size]) for i in picks]
    # neighbours of known keys share their slot: the binary search's cases
    near = [(k + 1) % _M for k in known[:20]]
    # and the smallest and largest keys there are (the largest marks the table's end)
    found = np.array(known + others + near + [0, _M - 1], dtype=np.uint64)
    rows = model._rows(found)
    index = _index(model)
    assert rows.tolist() == [index.get(int(k), model.unknown) for k in found]
    assert not model.table[model.unknown].any()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**9), min_size=0, max_size=60),
       st.lists(st.integers(0, _M - 1), min_size=0, max_size=60))
def test_slot_table_rows_match_a_dictionary(model: HarmWeights, picks: list[int],
                                            others: list[int]) -> None:
    """The slot table gives each known key its stored row (as float32, C-contiguous) and
    every other key zeros: neighbours of known keys, the smallest and largest keys."""
    known = [int(model.keys[i % model.size]) for i in picks]
    near = [(k + d) % _M for k in known[:20] for d in (1, -1)]
    found = np.array(known + others + near + [0, _M - 1], dtype=np.uint64)
    got = model.contributions(found)
    index = _index(model)
    want = model.table[[index.get(int(k), model.unknown) for k in found]]
    assert got.dtype == np.float32 and got.flags.c_contiguous
    assert np.array_equal(got, want)


def _tiny_model(folder: Path, keys: list[int], seed: int = 3) -> HarmWeights:
    """A model of the shipped categories over `keys` (sorted), with random float16 rows."""
    rng = np.random.default_rng(seed)
    k = len(load_weights().categories)
    return write_model(folder, np.array(sorted(keys), np.uint64),
                       rng.normal(size=(len(keys) + 1, k)).astype(np.float16))


@pytest.mark.parametrize("keys", [
    [],  # no vocabulary at all
    [5, 6, 7, _M - 1],  # the largest key, which marks free slots, is itself a known key
    # many keys sharing a home slot and its neighbours: long runs to search along
    [(1 << 63) + i for i in range(300)] + [(1 << 52) * 3 + i for i in range(40)] + [_M - 2],
    [0, 1, 2, (1 << 64) - 3],
])
def test_slot_table_on_crowded_and_edge_vocabularies(tmp_path: Path, keys: list[int]) -> None:
    model = _tiny_model(tmp_path, keys)
    rows = model.table
    index = {k: i for i, k in enumerate(sorted(keys))}
    probes = sorted(set(keys) | {(k + d) % _M for k in keys for d in (-1, 1, 2)}
                    | {0, 1, _M - 1, _M - 2, 1 << 63})
    found = np.array(probes, np.uint64)
    want = rows[[index.get(k, model.unknown) for k in probes]]
    assert np.array_equal(model.contributions(found), want)
    assert np.array_equal(model.contributions(found[::-1]), want[::-1])
    assert model._rows(found).tolist() == [index.get(k, model.unknown) for k in probes]


def reference_clause_sums(contrib: np.ndarray, starts: np.ndarray, cs: np.ndarray,
                          ce: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The clause sums as first written: a float32 inclusion matrix times the rows for a few
    clauses, running float64 sums down the rows in start order for many."""
    if len(cs) * len(starts) <= 200_000:
        inside = (starts >= cs[:, None]) & (starts < ce[:, None])
        return inside.astype(np.float32) @ contrib, inside.sum(axis=1)
    order = np.argsort(starts, kind="stable")
    prefix = np.zeros((len(starts) + 1, contrib.shape[1]), np.float64)
    np.cumsum(contrib[order], axis=0, dtype=np.float64, out=prefix[1:])
    at = starts[order]
    a, b = np.searchsorted(at, cs), np.searchsorted(at, ce)
    return prefix[b] - prefix[a], b - a


@functools.cache
def _index(model: HarmWeights) -> dict[int, int]:
    return {int(key): r for r, key in enumerate(model.keys)}


def reference_score(model: HarmWeights, text: str, parts: list[tuple[int, int]],
                    block: int = 4000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scoring as first written: blocks of clauses, a float32 weight row per occurrence
    in order, BLAS sums, clause sums by inclusion matrix or prefix sums."""
    k = len(model.categories)
    table = model.table.astype(np.float32)
    total, count = np.zeros(k, np.float64), 0
    sums, sizes = np.zeros((len(parts), k), np.float64), np.zeros(len(parts), np.int64)
    i = 0
    while i < len(parts):
        j = i + 1
        while j < len(parts) and parts[j][1] - parts[i][0] <= block:
            j += 1
        lo, hi = parts[i][0], parts[j - 1][1]
        found, starts = features.keys(features.normalise(text[lo:hi]))
        if len(found):
            index = _index(model)
            contrib = table[[index.get(int(key), model.unknown) for key in found]]
            whole = np.ones(len(found), np.float32) @ contrib
            total += whole
            count += len(found)
            if j - i == 1:
                sums[i], sizes[i] = whole, len(found)
            else:
                cs = np.array([c[0] - lo for c in parts[i:j]])
                ce = np.array([c[1] - lo for c in parts[i:j]])
                sums[i:j], sizes[i:j] = reference_clause_sums(contrib, starts, cs, ce)
        i = j
    whole_z = total / np.sqrt(max(1, count)) + model.bias
    clause_z = sums / np.sqrt(np.maximum(sizes, 1))[:, None] + model.bias
    clause_z[sizes == 0] = -40.0
    return _sigmoid(whole_z), _sigmoid(clause_z), sums / np.sqrt(max(1, count))


_WORDS = ["you", "are", "so", "mature", "for", "your", "age", "don't", "tell", "mum", "our",
          "secret", "send", "me", "a", "pic", "the", "trip", "leaves", "at", "nine", "bring",
          "packed", "lunch", "well", "done", "class", "four", "i", "hate", "myself", "nobody",
          "likes", "meet", "after", "school", "0791", "@jo_b"]
posts = st.lists(st.sampled_from([*_WORDS, ".", "!", "\n", "😀", "你好", "x"]), max_size=90
                 ).map(" ".join)


@settings(max_examples=120, deadline=None)
@given(posts, st.sampled_from([4000, 40, 15]))
def test_scores_match_the_reference_bit_for_bit(model: HarmWeights, text: str,
                                                block: int) -> None:
    parts = clauses(text)
    got = model.score(text, parts, block=block)
    whole, per_clause, evidence = reference_score(model, text, parts, block=block)
    assert np.array_equal(got.whole, whole)
    assert np.array_equal(got.clauses, per_clause)
    assert np.array_equal(got.evidence, evidence)
    assert (got.starts, got.ends) == ([c[0] for c in parts], [c[1] for c in parts])


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + ["."]), min_size=800, max_size=1500).map(" ".join))
def test_long_texts_score_the_same(model: HarmWeights, text: str) -> None:
    """Many clauses in a block: the running-sums path."""
    parts = clauses(text)
    got = model.score(text, parts)
    whole, per_clause, evidence = reference_score(model, text, parts)
    assert np.array_equal(got.whole, whole)
    assert np.array_equal(got.clauses, per_clause)
    assert np.array_equal(got.evidence, evidence)


def reference_evidence_words(text: str) -> int:
    """`evidence_words` as first written: every run of letters, CJK characters one by one."""
    from postguard.detectors.harm.bars import _CJK, _FULL_EVIDENCE, _LETTERS

    n = 0
    for m in _LETTERS.finditer(text):
        cjk = len(_CJK.findall(m.group()))
        n += cjk + (len(m.group()) > cjk) if cjk else 1
        if n >= _FULL_EVIDENCE:
            break
    return n


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, posts, st.text(alphabet="ab 1_-.'", max_size=60)))
def test_evidence_words_match_the_reference(text: str) -> None:
    """The ASCII shortcut counts as the general loop does."""
    from postguard.detectors.harm.detector import evidence_words

    assert evidence_words(text) == reference_evidence_words(text)


def test_starts_kept_per_size_are_not_shared() -> None:
    """Two texts of one size get the same character n-gram starts, each in an array of its
    own (writing one changes neither the other nor the next text's)."""
    a = features.occurrences(features.normalise("you are so mature")).starts
    b = features.occurrences(features.normalise("the trip at nine!")).starts
    assert len("you are so mature") == len("the trip at nine!")
    n = sum(len("you are so mature") - k + 1 for k in features.CHAR_SIZES)
    assert a[:n].tolist() == b[:n].tolist() and a.flags.writeable
    a[:] = -1
    c = features.occurrences(features.normalise("you are so mature")).starts
    assert c[:n].tolist() == b[:n].tolist()
    assert features._char_starts(5000, (2, 3)).tolist() == [
        *range(4999), *range(4998)]  # past the kept sizes: built each time


def test_what_a_short_text_needs_is_kept_per_word_count(model: HarmWeights) -> None:
    """The detector keeps `needed` per word count (and inbound lowering: none for drafts): the
    same arrays as asking again, for every count it met (short texts need more certainty, long
    ones the thresholds)."""
    from postguard.detectors.harm import HarmDetector
    from postguard.detectors.harm.detector import evidence_words, needed
    from postguard.policy import Policy

    det = HarmDetector(Policy.default())
    texts = ["kys", "send nudes", "meet me at the gate after school ok",
             "well done to everyone in class four for the reading challenge", "", "今日は"]
    for text in texts * 2:
        det.detect_text(text)
    counts = {evidence_words(t) for t in texts if clauses(t)}
    assert set(det._required) == {(n, False) for n in counts} and len(counts) >= 4
    for (words, _tiered), kept in det._required.items():
        assert np.array_equal(kept, needed(model.thresholds, words))


@pytest.mark.parametrize("author, tiered", [("stranger", True), ("child", True),
                                            ("unknown", True), ("parent", False),
                                            ("staff", False)])
def test_what_an_inbound_text_needs_is_kept_apart_from_a_draft(
        model: HarmWeights, author: str, tiered: bool) -> None:
    """An inbound message of a tiered author is judged against lowered thresholds: the kept
    arrays of its word count are those lowered ones, never a draft's of the same count."""
    from postguard.detectors.harm import HarmDetector
    from postguard.detectors.harm.detector import evidence_words, inbound_lowering, needed
    from postguard.model import Post
    from postguard.policy import Policy

    det = HarmDetector(Policy.default())
    text = "meet me at the gate after school ok"
    det.detect(Post(text=text))
    det.detect(Post(text=text, metadata={"direction": "inbound", "author": author}))
    n = evidence_words(text)
    assert np.array_equal(det._required[(n, False)], needed(model.thresholds, n))
    if tiered:
        lowered = needed(model.thresholds, n, inbound_lowering(model.categories, author))
        assert np.array_equal(det._required[(n, True)], lowered)
        assert (lowered < det._required[(n, False)]).any()
    else:
        assert (n, True) not in det._required
