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

import functools
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
# The slot table (see HarmWeights) has about 2**_SLOT_BITS slots, at least 2 per key.
_MIN_SLOT_BITS, _MAX_SLOT_BITS, _SLOTS_PER_KEY = 12, 24, 2
_TOP = np.uint64(0xFFFFFFFFFFFFFFFF)
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
        self.unknown = len(known)
        self._stored = table[:-1]
        self._build_slots(known, table[:-1])
        self._ones = np.ones(4096, np.float32)

    @functools.cached_property
    def table(self) -> np.ndarray:
        """The weight rows as float32 (the stored numbers exactly), a row per key in key
        order and past the vocabulary a row of zeros (`unknown`). Scoring reads the slot
        table instead; this is for readers that want the rows by index."""
        return np.vstack([self._stored.astype(np.float32),
                          np.zeros((1, len(self.categories)), np.float32)])

    def _build_slots(self, known: np.ndarray, rows: np.ndarray) -> None:
        """An open-addressed table of slots, each a key and its weight row side by side (one
        memory access finds both: on a machine whose caches the other detectors fill, the
        look-ups' cache misses were most of the harm layer's time). A key's home slot is its
        top bits; the sorted keys are laid out in order, each at its home or just after the
        key before it, so a key is found at most a few slots after its home, and every slot
        from its home to it is taken by a smaller key. Free
        slots hold the largest key there is and a row of zeros: an unknown n-gram's search
        stops at one (or at a larger key) and reads zeros. A model holding that largest key
        itself keeps its row aside (`_top_row`)."""
        bits = _MIN_SLOT_BITS
        while bits < _MAX_SLOT_BITS and (1 << bits) < _SLOTS_PER_KEY * len(known):
            bits += 1
        self._shift = np.uint64(64 - bits)
        self._top_row: np.ndarray | None = None
        if len(known) and known[-1] == _TOP:
            self._top_row = rows[-1].astype(np.float32)
            known, rows = known[:-1], rows[:-1]
        home = (known >> self._shift).astype(np.int64)
        order = np.arange(len(known), dtype=np.int64)
        at = np.maximum.accumulate(home - order) + order if len(known) else order
        # A free slot after the last key and the last home: every search ends inside.
        size = max(int(at[-1]) + 2 if len(at) else 0, (1 << bits) + 1)
        slots = np.zeros(size, np.dtype([("key", np.uint64), ("w", rows.dtype,
                                                                (len(self.categories),))]))
        slots["key"] = _TOP
        slots["key"][at] = known
        slots["w"][at] = rows
        self._slots = slots
        self._slot_keys = slots["key"]
        self._free = size - 1  # a free slot: its row is zeros

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
        """The row in `keys` of each key `found` (`unknown` for keys the model does not
        know). A binary search: scoring uses the slot table (`contributions`)."""
        at = np.searchsorted(self.keys, found)
        np.minimum(at, max(self.size - 1, 0), out=at)
        if not self.size:
            return np.full(len(found), self.unknown, np.int64)
        out: np.ndarray = np.where(self.keys[at] == found, at, self.unknown)
        return out

    def contributions(self, found: np.ndarray) -> np.ndarray:
        """The weight rows (float32, the stored numbers exactly; zeros for a key the model
        does not know) of the keys `found`, in their order, C-contiguous.

        Each key is compared with the key in its home slot, then with the slots after it
        while they hold smaller keys: a larger one, or a free slot, ends the search."""
        keys = self._slot_keys
        at: np.ndarray = (found >> self._shift).view(np.int64)
        seen = keys[at]
        todo = (seen < found).nonzero()[0]
        while len(todo):
            step = at[todo] + 1
            at[todo] = step
            now = keys[step]
            seen[todo] = now
            todo = todo[now < found[todo]]
        at[seen != found] = self._free
        rows: np.ndarray = self._slots.take(at)["w"].astype(np.float32)
        if self._top_row is not None:
            rows[found == _TOP] = self._top_row
        return rows

    def score(self, text: str, clauses: list[tuple[int, int]], block: int = 4000) -> Spans:
        """Probabilities per category for `text` and for each (start, end) clause of it.

        The clauses must be in order and not overlap; they are scored in blocks of about
        `block` characters (n-grams crossing a block's edge are left out)."""
        k = len(self.categories)
        n = len(clauses)
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


def _clause_sums(contrib: np.ndarray, starts: np.ndarray, cs: np.ndarray, ce: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Sum of the weight rows and number of occurrences starting in each [cs, ce)."""
    if len(cs) * len(starts) <= _DENSE:
        inside = (starts >= cs[:, None]) & (starts < ce[:, None])
        return inside.astype(np.float32) @ contrib, inside.sum(axis=1)
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
