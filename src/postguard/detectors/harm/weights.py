"""The harm model's weight table, loaded once and scored in numpy.

The model (built by `make harm-model`, see models/train/harm/train.py) is three files in
`postguard/data/harm/`: `harm-model.json` (categories, thresholds, feature version, the
digests of the other two), `harm-vocab.txt` (n-grams, one a line) and `harm-weights.npy`
(float16: a row per n-gram and a last row of biases). A file that is missing, does not match
its digest or was built for other features raises `ModelUnavailable`, whose message names
the file and the command that rebuilds it, and never any text.

Scoring a text: its n-gram occurrences (see `features`) are looked up in the vocabulary; the
score of a span is the sigmoid of the sum of its occurrences' weight rows divided by the square
root of their number, plus the bias. Prefix sums over the occurrences give every clause's score
from one pass; long texts go in blocks, so memory stays flat and time linear.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .features import CHAR_SIZES, FEATURE_VERSION, WORD_PREFIX, WORD_RE, normalise

REBUILD = "make harm-model"
META, VOCAB, WEIGHTS = "harm-model.json", "harm-vocab.txt", "harm-weights.npy"


class ModelUnavailable(Exception):
    """The model files cannot be used; the message names the file and how to rebuild it."""


@dataclass(frozen=True)
class Spans:
    """Scores of a text: the whole text and each clause (`starts`/`ends` index the text)."""

    whole: np.ndarray  # (K,) probabilities
    starts: list[int]
    ends: list[int]
    clauses: np.ndarray  # (len(starts), K) probabilities


class HarmWeights:
    def __init__(self, folder: Path | Any) -> None:
        self.folder = folder
        meta = self._meta()
        self.categories: tuple[str, ...] = tuple(meta["categories"])
        self.thresholds = np.array([float(meta["thresholds"][c]) for c in self.categories])
        raw_vocab = self._checked(VOCAB, meta)
        grams = raw_vocab.decode("utf-8").split("\n")[1:]
        self.vocab: dict[str, int] = dict(zip(grams, range(len(grams)), strict=True))
        try:
            import io

            table = np.load(io.BytesIO(self._checked(WEIGHTS, meta)), allow_pickle=False)
        except ValueError as exc:
            raise self._bad(WEIGHTS, f"is not a weight table ({exc})") from None
        if table.shape != (len(grams) + 1, len(self.categories)):
            raise self._bad(WEIGHTS, f"has shape {table.shape}, the vocabulary needs "
                                     f"({len(grams) + 1}, {len(self.categories)})")
        self.bias = table[-1].astype(np.float32)
        # The row past the vocabulary is zeros: every unknown n-gram points at it.
        self.table = np.vstack([table[:-1].astype(np.float32),
                                np.zeros((1, len(self.categories)), np.float32)])
        self.unknown = len(grams)

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

    def _checked(self, name: str, meta: dict[str, Any]) -> bytes:
        data = self._read(name)
        want = meta.get("files", {}).get(name)
        if hashlib.sha256(data).hexdigest() != want:
            raise self._bad(name, "does not match harm-model.json (corrupt or stale)")
        return data

    # -- scoring ------------------------------------------------------------------------------
    def _occurrences(self, norm: str, offset: int) -> tuple[list[int], list[int]]:
        """Vocabulary rows and start positions of every n-gram occurrence of `norm`."""
        get, unknown = self.vocab.get, self.unknown
        rows: list[int] = []
        starts: list[int] = []
        size = len(norm)
        for n in CHAR_SIZES:
            span = range(size - n + 1)
            rows.extend([get(norm[i:i + n], unknown) for i in span])
            starts.extend(range(offset, offset + len(span)))
        words = [(m.group(0), m.start()) for m in WORD_RE.finditer(norm)]
        for k, (w, s) in enumerate(words):
            rows.append(get(WORD_PREFIX + w, unknown))
            starts.append(offset + s)
            if k + 1 < len(words):
                rows.append(get(WORD_PREFIX + w + " " + words[k + 1][0], unknown))
                starts.append(offset + s)
        return rows, starts

    def score(self, text: str, clauses: list[tuple[int, int]], block: int = 4000) -> Spans:
        """Probabilities per category for `text` and for each (start, end) clause of it.

        The clauses must be in order and not overlap; they are scored in blocks of about
        `block` characters (n-grams crossing a block's edge are left out)."""
        k = len(self.categories)
        total = np.zeros(k, np.float64)
        count = 0
        out = np.zeros((len(clauses), k), np.float64)
        i = 0
        while i < len(clauses):
            j = i + 1
            while j < len(clauses) and clauses[j][1] - clauses[i][0] <= block:
                j += 1
            lo, hi = clauses[i][0], clauses[j - 1][1]
            rows, starts = self._occurrences(normalise(text[lo:hi]), lo)
            if rows:
                contrib = self.table[np.asarray(rows, dtype=np.intp)]
                order = np.argsort(np.asarray(starts), kind="stable")
                prefix = np.vstack([np.zeros((1, k), np.float32),
                                    np.cumsum(contrib[order], axis=0, dtype=np.float64)])
                sorted_starts = np.asarray(starts)[order]
                total += prefix[-1]
                count += len(rows)
                cs = np.array([c[0] for c in clauses[i:j]])
                ce = np.array([c[1] for c in clauses[i:j]])
                a = np.searchsorted(sorted_starts, cs, side="left")
                b = np.searchsorted(sorted_starts, ce, side="left")
                n = np.maximum(b - a, 1)[:, None]
                out[i:j] = (prefix[b] - prefix[a]) / np.sqrt(n)
                out[i:j][b == a] = 0.0
            i = j
        whole = total / np.sqrt(max(1, count)) + self.bias
        return Spans(_sigmoid(whole), [c[0] for c in clauses], [c[1] for c in clauses],
                     _sigmoid(out + self.bias))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
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
