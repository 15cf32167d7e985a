"""Helpers shared by the contact detectors: data files, suggestions, claimed spans."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import Any

from ...datafiles import load_toml
from ...model import Action, Suggestion


@functools.cache
def load_data(name: str) -> dict[str, Any]:
    """A TOML data file of `postguard.data`, read once per process."""
    return load_toml(name)


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternation of lower-cased words, longest first, any run of spaces inside."""
    alts = sorted({re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words},
                  key=len, reverse=True)
    return "|".join(alts)


PHONE_REMOVED = Suggestion(Action.REMOVE, "[phone removed]")
EMAIL_REMOVED = Suggestion(Action.REMOVE, "[email removed]")
HANDLE_REMOVED = Suggestion(Action.REMOVE, "[handle removed]")
LINK_REMOVED = Suggestion(Action.REMOVE, "[link removed]")


class Spans:
    """Sorted, disjoint spans already claimed, with a bisect overlap test."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

