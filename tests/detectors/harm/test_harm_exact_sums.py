"""The clause sums of a long text, added run by run (`weights._exact_clause_sums`), are the
numbers the running sums over all occurrences gave (`weights._clause_sums`), bit for bit: both
are exact, because the weights are float16 (whole multiples of 2**-24) and a block's rows are
few enough (`HarmWeights._exact_terms`). Checked on crafted clauses at the edges of the runs,
on random long texts, and on the model's bound (a model whose weights are not float16 never
takes the run-by-run path)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from harm_model_files import write_model
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.harm import features
from postguard.detectors.harm.detector import clauses
from postguard.detectors.harm.weights import (
    HarmWeights,
    _clause_sums,
    _exact_clause_sums,
    load_weights,
)


@pytest.fixture(scope="module")
def model() -> HarmWeights:
    return load_weights()


def _both(model: HarmWeights, text: str, block: int = 4000) -> tuple[object, object]:
    parts = clauses(text)
    fast = model.score(text, parts, block=block)
    keep = model._exact_terms
    try:
        model._exact_terms = 0  # the running sums over every occurrence
        plain = model.score(text, parts, block=block)
    finally:
        model._exact_terms = keep
    return fast, plain


def _same(a: object, b: object) -> bool:
    return all(np.array_equal(getattr(a, f), getattr(b, f))
               for f in ("whole", "clauses", "evidence", "starts", "ends"))


_WORDS = ["you", "are", "so", "mature", "for", "your", "age", "don't", "tell", "mum", "our",
          "secret", "the", "trip", "leaves", "at", "nine", "i", "hate", "myself", "x", "ok",
          "Straße", "你好", "مرحبا", "😀", "0791", "@jo_b", "a"]
_BREAKS = [".", "!", "?", "\n", "\n\n", ";", "...", " . "]
long_texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_BREAKS)),
                      min_size=400, max_size=1400).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(long_texts, st.sampled_from([4000, 1500, 600]))
def test_long_texts_score_the_same_both_ways(model: HarmWeights, text: str,
                                             block: int) -> None:
    fast, plain = _both(model, text, block)
    assert _same(fast, plain)


def test_the_run_by_run_path_is_taken_on_a_long_text(model: HarmWeights,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The trap: the comparison above means nothing if the fast path never runs."""
    from postguard.detectors.harm import weights

    calls: list[int] = []
    real = weights._exact_clause_sums

    def counting(*args: object) -> tuple[np.ndarray, np.ndarray]:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(weights, "_exact_clause_sums", counting)
    text = " ".join(["the trip leaves at nine. you are so mature for your age!"] * 200)
    model.score(text, clauses(text))
    assert calls


@pytest.mark.parametrize("bounds", [
    [(0, 5), (7, 20)],          # the first clause at the start, a gap between
    [(3, 10), (10, 29)],        # touching clauses; the last ends at the text's end
    [(0, 1), (2, 3), (28, 29)],  # clauses too short for some n-gram sizes
    [(5, 5), (6, 12)],          # an empty clause
    [(0, 29)],                  # one clause
])
def test_crafted_clauses_the_same_both_ways(model: HarmWeights,
                                            bounds: list[tuple[int, int]]) -> None:
    norm = features.normalise("meet me after school, our secret")[:29]
    occ = features.occurrences(norm)
    contrib = model.contributions(occ.keys)
    cs = np.array([a for a, _ in bounds])
    ce = np.array([b for _, b in bounds])
    order = np.argsort(occ.starts, kind="stable")
    prefix = np.zeros((len(order) + 1, contrib.shape[1]), np.float64)
    np.cumsum(contrib[order], axis=0, dtype=np.float64, out=prefix[1:])
    at = occ.starts[order]
    a, b = np.searchsorted(at, cs), np.searchsorted(at, ce)
    sums, sizes = _exact_clause_sums(contrib, occ.runs(), cs, ce)
    assert np.array_equal(sums, prefix[b] - prefix[a])
    assert sizes.tolist() == (b - a).tolist()
    # the running-sums function itself agrees where it takes its running-sums path
    if len(cs) * len(occ.starts) > 200_000:
        want, counts = _clause_sums(contrib, occ.starts, cs, ce)
        assert np.array_equal(sums, want) and np.array_equal(sizes, counts)


def _model_with(folder: Path, table: np.ndarray) -> HarmWeights:
    return write_model(folder, np.array([5, 9], np.uint64), table)


def test_the_bound_follows_the_weights(tmp_path: Path, model: HarmWeights) -> None:
    k = len(model.categories)
    half = _model_with(tmp_path, np.full((3, k), 4.0, np.float16))
    assert half._exact_terms == 2 ** 27 - 1  # 4 * terms < 2**29
    single = tmp_path / "single"
    single.mkdir()
    # float32 weights need not be multiples of 2**-24: never summed run by run
    assert _model_with(single, np.full((3, k), 0.1, np.float32))._exact_terms == 0
    # the shipped model: a 4,000-character block's rows are well inside the bound
    assert model._exact_terms > 4 * 4000 + 2000
