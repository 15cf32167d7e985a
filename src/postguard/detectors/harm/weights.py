"""The harm model's weight table, loaded once and scored in numpy.

The model (built by `make harm-model`, see models/train/harm/train.py) is three files in
`postguard/data/harm/`: `harm-model.json` (categories, thresholds, feature version, the
digests of the other two), `harm-keys.npy` (the sorted 64-bit keys of the n-grams it knows,
see `features`) and `harm-weights.npy` (float16: a row per key and a last row of biases).
A file that is missing, does not match its digest or was built for other features raises
`ModelUnavailable`, whose message names the file and the command that rebuilds it, and never
any text.

Scoring a text: its n-gram occurrences (see `features`) are looked up among the keys; the
score of a span is the sigmoid of the sum of its occurrences' weight rows divided by the square
root of their number, plus the bias. Prefix sums over the occurrences give every clause's score
from one pass; long texts go in blocks, so memory stays flat and time linear.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .features import FEATURE_VERSION, normalise, occurrences

REBUILD = "make harm-model"
META, KEYS, WEIGHTS = "harm-model.json", "harm-keys.npy", "harm-weights.npy"
# The slot table (see HarmWeights) has 2**_SLOT_BITS entries, at least 16 per key (up to 2**22,
# 16 MB): a key then rarely shares its slot, and the look-up rarely needs a second step
# (measured: 4 per key, 19 us a corpus post; 16 per key, 15 us).
_MIN_SLOT_BITS, _MAX_SLOT_BITS, _SLOTS_PER_KEY = 12, 22, 16
# Blocks whose clauses x occurrences stay under this are summed with one matrix product.
_DENSE = 200_000


class ModelUnavailable(Exception):
    """The model files cannot be used; the message names the file and how to rebuild it."""


@dataclass(frozen=True)
class Spans:
    """Scores of a text: the whole text and each clause (`starts`/`ends` index the text)."""

    whole: np.ndarray  # (K,) probabilities
    starts: list[int]
    ends: list[int]
    clauses: np.ndarray  # (len(starts), K) probabilities
    evidence: np.ndarray  # (len(starts), K) each clause's share of the whole text's score


class HarmWeights:
    def __init__(self, folder: Path | Any) -> None:
        self.folder = folder
        meta = self._meta()
        self.categories: tuple[str, ...] = tuple(meta["categories"])
        self.thresholds = np.array([float(meta["thresholds"][c]) for c in self.categories])
        leaning = meta.get("conversation_thresholds") or {}
        self.leaning = np.array([float(leaning.get(c, t / 2))
                                 for c, t in zip(self.categories, self.thresholds, strict=True)])
        known = self._array(KEYS, meta)
        table = self._array(WEIGHTS, meta)
        if known.dtype != np.uint64 or known.ndim != 1 or (
                len(known) > 1 and not bool(np.all(known[1:] > known[:-1]))):
            raise self._bad(KEYS, "is not a sorted table of 64-bit keys")
        if table.shape != (len(known) + 1, len(self.categories)):
            raise self._bad(WEIGHTS, f"has shape {table.shape}, the keys need "
                                     f"({len(known) + 1}, {len(self.categories)})")
        self.keys = known
        self.size = len(known)
        self.bias = table[-1].astype(np.float32)
        # The weight rows (float32: the stored float16 numbers exactly, read without a
        # conversion per text), and past the vocabulary a row of zeros: every unknown n-gram
        # points at it.
        self.table = np.empty((len(known) + 1, len(self.categories)), np.float32)
        self.table[:-1] = table[:-1]  # converted as it is copied: one pass, not two
        self.table[-1] = 0.0
        self.unknown = len(known)
        # float16 weights are whole multiples of 2**-24: float64 sums of fewer than
        # 2**29 / (largest weight) of them are exact, in any order (see `_clause_sums`).
        top = float(np.abs(self.table).max()) if self.table.size else 0.0
        self._exact_terms = (int(2 ** 29 / top) - 1 if top > 0 else 1 << 62) \
            if table.dtype == np.float16 else 0
        self._build_slots(known)
        self._ones = np.ones(4096, np.float32)

    def _build_slots(self, known: np.ndarray) -> None:
        """A direct table on the keys' top bits finds a key's row in one or two steps: a slot
        holds the row of the first (smallest) key whose top bits it is, or `unknown`; the
        other keys of a slot follow it in the sorted table. The table is indexed with the
        keys read as signed integers, shifted arithmetically: a negative index counts from
        the end, which is where the unsigned top bits point."""
        bits = _MIN_SLOT_BITS
        while bits < _MAX_SLOT_BITS and (1 << bits) < _SLOTS_PER_KEY * len(known):
            bits += 1
        self._shift = np.int64(64 - bits)
        slot = (known >> np.uint64(64 - bits)).astype(np.intp)
        # The first row of each slot: the keys are sorted, so their slots never go down
        # (what np.unique(slot, return_index=True) gives, without its sort).
        first = np.flatnonzero(np.r_[True, slot[1:] != slot[:-1]]) if len(slot) else slot
        uniq = slot[first]
        self._slot_row = np.full(1 << bits, self.unknown, dtype=np.int32)
        self._slot_row[uniq] = first
        # The key of each row, and past the vocabulary the largest key there is: a search
        # that reaches it (an empty slot, or past the last key) stops there.
        self._row_key = np.append(known, np.uint64(0xFFFFFFFFFFFFFFFF))

    # -- loading ------------------------------------------------------------------------------
    def _path(self, name: str) -> str:
        return f"{self.folder}/{name}"

    def _bad(self, name: str, why: str) -> ModelUnavailable:
        return ModelUnavailable(f"harm model file {self._path(name)} {why}: rebuild it with "
                                f"`{REBUILD}` (or reinstall postguard)")

    def _read(self, name: str) -> bytes:
        try:
            data: bytes = self.folder.joinpath(name).read_bytes()
        except (OSError, FileNotFoundError):
            raise self._bad(name, "is missing or unreadable") from None
        return data

    def _meta(self) -> dict[str, Any]:
        try:
            meta: dict[str, Any] = json.loads(self._read(META).decode("utf-8"))
            cats, ths = meta["categories"], meta["thresholds"]
            if not isinstance(cats, list) or not all(c in ths for c in cats):
                raise ValueError("categories without thresholds")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise self._bad(META, "is corrupt") from None
        if meta.get("feature_version") != FEATURE_VERSION:
            raise self._bad(META, f"is stale (built for features version "
                                  f"{meta.get('feature_version')}, this postguard reads "
                                  f"version {FEATURE_VERSION})")
        return meta

    def _array(self, name: str, meta: dict[str, Any]) -> np.ndarray:
        try:
            arr: np.ndarray = np.load(io.BytesIO(self._checked(name, meta)), allow_pickle=False)
        except ValueError as exc:
            raise self._bad(name, f"is not a numpy array ({exc})") from None
        return arr

    def _checked(self, name: str, meta: dict[str, Any]) -> bytes:
        data = self._read(name)
        want = meta.get("files", {}).get(name)
        if hashlib.sha256(data).hexdigest() != want:
            raise self._bad(name, "does not match harm-model.json (corrupt or stale)")
        return data

    # -- scoring ------------------------------------------------------------------------------
    def _rows(self, found: np.ndarray) -> np.ndarray:
        """The weight-table row of each key (`unknown` for keys the model does not know).

        A key is compared with its slot's first key, then with the keys after it while they
        are smaller: the keys are sorted, so a larger one (or the end) means it is not
        there."""
        rows: np.ndarray = self._slot_row.take(found.view(np.int64) >> self._shift)
        row_key = self._row_key
        seen = row_key.take(rows)
        out: np.ndarray = np.where(seen == found, rows, self.unknown)
        todo = (seen < found).nonzero()[0]
        step = 1
        while len(todo):
            at = rows[todo] + step
            seen = row_key.take(at)
            want = found[todo]
            hit = seen == want
            out[todo[hit]] = at[hit]
            todo = todo[seen < want]
            step += 1
        return out

    def contributions(self, found: np.ndarray) -> np.ndarray:
        """The weight rows (float32) of the keys `found`, in their order."""
        return self.table.take(self._rows(found), axis=0)

    def score(self, text: str, clauses: list[tuple[int, int]], block: int = 4000) -> Spans:
        """Probabilities per category for `text` and for each (start, end) clause of it.

        The clauses must be in order and not overlap; they are scored in blocks of about
        `block` characters (n-grams crossing a block's edge are left out)."""
        k = len(self.categories)
        n = len(clauses)
        if n == 1 and clauses[0][1] - clauses[0][0] <= block:
            got = self._score_one(text, clauses[0])
            if got is not None:
                return got
        # Row 0: the whole text; row 1 + i: clause i.
        sums = np.zeros((n + 1, k), np.float64)
        sizes = np.zeros(n + 1, np.int64)
        i = 0
        while i < n:
            j = i + 1
            if clauses[-1][1] - clauses[i][0] <= block:
                j = n  # the rest is one block (every short text)
            else:
                while j < n and clauses[j][1] - clauses[i][0] <= block:
                    j += 1
            lo, hi = clauses[i][0], clauses[j - 1][1]
            occ = occurrences(normalise(text[lo:hi]))
            found = occ.keys
            m = len(found)
            if m:
                contrib = self.contributions(found)
                ones = self._ones if m <= len(self._ones) else np.ones(m, np.float32)
                whole = ones[:m] @ contrib  # a BLAS sum: 10x .sum()
                sums[0] += whole
                sizes[0] += m
                if j - i == 1:
                    sums[i + 1], sizes[i + 1] = whole, m
                else:
                    cs = np.array([c[0] - lo for c in clauses[i:j]])
                    ce = np.array([c[1] - lo for c in clauses[i:j]])
                    if len(cs) * m > _DENSE and m <= self._exact_terms:
                        sums[i + 1:j + 1], sizes[i + 1:j + 1] = _exact_clause_sums(
                            contrib, occ.runs(), cs, ce)
                    else:
                        sums[i + 1:j + 1], sizes[i + 1:j + 1] = _clause_sums(
                            contrib, occ.starts, cs, ce)
            i = j
        root = np.sqrt(np.maximum(sizes, 1))
        z = sums / root[:, None]
        z += self.bias
        if not sizes[1:].all():  # a clause with no n-gram (rare)
            z[1:][sizes[1:] == 0] = -40.0
        probs = _sigmoid(z)
        evidence = sums[1:] / root[0]
        return Spans(probs[0], [c[0] for c in clauses], [c[1] for c in clauses],
                     probs[1:], evidence)

    def _score_one(self, text: str, clause: tuple[int, int]) -> Spans | None:
        """`score` of a text of one clause (most posts), with the same numbers from fewer
        array operations: the whole text and the clause have the same occurrences, so the
        same sum, size and log-odds (the whole text's sum, 0.0 + the clause's, differs at
        most in the sign of a zero, which the division and the bias wipe out). None when the
        clause has no n-gram (the general path scores that)."""
        lo, hi = clause
        found = occurrences(normalise(text[lo:hi])).keys
        m = len(found)
        if not m:
            return None
        contrib = self.contributions(found)
        ones = self._ones if m <= len(self._ones) else np.ones(m, np.float32)
        # sums / sqrt(sizes): the float64 sum divided by the float64 root, as `score` does
        evidence = (ones[:m] @ contrib).astype(np.float64) / np.sqrt(np.float64(m))
        # The whole text and the clause have the same log-odds: one row of probabilities
        # (the same numbers as two equal rows: the sigmoid is element by element), shared.
        probs = _sigmoid(evidence + self.bias)
        return Spans(probs, [lo], [hi], probs[None, :], evidence[None, :])


def _exact_clause_sums(contrib: np.ndarray, runs: list[tuple[int, int, np.ndarray | None]],
                       cs: np.ndarray, ce: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What `_clause_sums` gives for many clauses (its float64 running sums), where every
    float64 sum of these rows is exact (the weights are whole multiples of 2**-24 and the
    rows few enough: see HarmWeights): then any order of addition gives the same numbers,
    and each clause is summed run by run (`Occurrences.runs`: starts rise within a run), one
    `reduceat` a run, without sorting the occurrences or a running sum over all of them."""
    n, k = len(cs), contrib.shape[1]
    sums = np.zeros((n, k), np.float64)
    sizes = np.zeros(n, np.int64)
    bounds = np.empty(2 * n, np.int64)
    for row, size, starts in runs:
        if size <= 0:
            continue
        if starts is None:  # starts 0, 1, 2, ...
            a, b = np.clip(cs, 0, size), np.clip(ce, 0, size)
        else:
            a, b = np.searchsorted(starts, cs), np.searchsorted(starts, ce)
        sizes += b - a
        bounds[0::2], bounds[1::2] = a, b  # never falling: the clauses are in order
        # reduceat sums rows idx[i]..idx[i + 1] (to the end for the last index kept; an
        # index must be below `size`, so the trailing ones at `size` are left off: their
        # clauses are empty, or end at the run's end)
        kept = int(np.searchsorted(bounds, size))
        if kept:
            part = np.add.reduceat(contrib[row:row + size], bounds[:kept], axis=0,
                                   dtype=np.float64)[0::2]
            full = (b > a)[:len(part)]
            sums[:len(part)][full] += part[full]
    return sums, sizes


def _clause_sums(contrib: np.ndarray, starts: np.ndarray, cs: np.ndarray, ce: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Sum of the weight rows and number of occurrences starting in each [cs, ce)."""
    if len(cs) * len(starts) <= _DENSE:
        inside = (starts >= cs[:, None]) & (starts < ce[:, None])
        # np.add.reduce: inside.sum's numbers, without its Python-level wrapper
        return inside.astype(np.float32) @ contrib, np.add.reduce(inside, axis=1)
    order = np.argsort(starts, kind="stable")
    # A row per category (the running sums along a row are the same additions, in the same
    # order, as down a column of the occurrences' rows, and several times faster).
    prefix = np.empty((contrib.shape[1], len(starts) + 1), np.float64)
    prefix[:, 0] = 0.0
    prefix[:, 1:] = contrib.T[:, order]
    np.add.accumulate(prefix[:, 1:], axis=1, out=prefix[:, 1:])
    at = starts[order]
    a = np.searchsorted(at, cs, side="left")
    b = np.searchsorted(at, ce, side="left")
    return (prefix[:, b] - prefix[:, a]).T, b - a


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-z)) with z clipped to [-40, 40]; `z` is overwritten."""
    np.maximum(z, -40.0, out=z)
    np.minimum(z, 40.0, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1.0
    result: np.ndarray = np.divide(1.0, z, out=z)
    return result


_lock = threading.Lock()
_loaded: dict[str, HarmWeights | ModelUnavailable] = {}


def load_weights(folder: Path | None = None) -> HarmWeights:
    """The model in `folder` (default: the shipped one), loaded once per process; raises
    `ModelUnavailable` (every time) when it cannot be used."""
    where: Any = folder if folder is not None else resources.files("postguard.data") / "harm"
    key = str(where)
    with _lock:
        got = _loaded.get(key)
        if got is None:
            try:
                got = HarmWeights(where)
            except ModelUnavailable as exc:
                got = exc
            _loaded[key] = got
    if isinstance(got, ModelUnavailable):
        raise got
    return got
