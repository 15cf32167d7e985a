"""The windows of text the name model reads: the candidates the lexicons left undecided, in
runs at most `_GAP` characters apart, each with `_CONTEXT` characters either side; and the
model's PERSON spans clipped back to the candidates they overlap.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .model import Entity

_CONTEXT = 60  # characters of context the model reads either side of the candidates
# Candidates further apart are read in separate windows: the same findings (the model looks
# a few tokens either side), and a long post's model work is only its windows.
_GAP = 250


def read_windows(cands: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """The candidates in runs the model reads as one window: a run ends where the next
    candidate is over `_GAP` characters on, so a long post's model work is the sum of its
    windows, not the whole text between its first and last candidate."""
    run: list[tuple[int, int]] = []
    for cand in cands:
        if run and cand[0] - run[-1][1] > _GAP:
            yield run
            run = []
        run.append(cand)
    if run:
        yield run


def window(text: str, cands: list[tuple[int, int]]) -> tuple[int, int]:
    """The stretch of text the model reads: the candidates with some context, cut at spaces
    (the model's cost is per token)."""
    lo = max(0, cands[0][0] - _CONTEXT)
    hi = min(len(text), cands[-1][1] + _CONTEXT)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def model_spans(
    ents: list[Entity], offset: int, cands: list[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """The model's PERSON spans, clipped to the candidates they overlap (the part that is a
    run of name-like words)."""
    spans: dict[tuple[int, int], float] = {}
    ends = [ce for _, ce in cands]  # candidates come in text order and do not overlap
    for start, end, label in ents:
        if label != "PERSON":
            continue
        s, e = start + offset, end + offset
        i = bisect.bisect_right(ends, s)  # the first candidate ending after s
        while i < len(cands) and cands[i][0] < e:
            cs, ce = cands[i]
            spans[(max(s, cs), min(e, ce))] = 0.9
            i += 1
    return spans
