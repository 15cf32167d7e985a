"""Overlap queries on many character spans in n log n, not pairwise (issue 14: a long post
holds thousands of findings, and comparing every one with every other was quadratic)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanIndex:
    """Half-open spans `[start, end)`; `overlaps(a, b)` says whether any of them shares a
    character with `[a, b)` (the test `start < b and a < end`), in O(log n)."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(spans)
        self._starts = [s for s, _ in pairs]
        # Among the spans sorted by start, the furthest end reached so far.
        self._reach: list[int] = []
        furthest = -1
        for _, e in pairs:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self._starts, end)  # spans that start before `end`
        return bool(before) and self._reach[before - 1] > start

    def starts_at(self, position: int) -> bool:
        """Whether one of the spans starts at `position`."""
        i = bisect.bisect_left(self._starts, position)
        return i < len(self._starts) and self._starts[i] == position


__all__ = ["SpanIndex"]
