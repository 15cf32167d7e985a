"""A candidate lexicon match (`Hit`), shared by the analysis and its context rules (kept apart
so that `analysis` and `context` do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Severity
from .lexicon import Entry


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate lexicon match: token indexes `first..last` and the character span."""

    entry: Entry
    first: int
    last: int
    start: int
    end: int
    key: str
    score: float
    obfuscated: bool = False
    severity: Severity | None = None
    spaced: bool = False
    stacked: bool = False  # raised to high: flattery with other over-familiar wording

    @property
    def sev(self) -> Severity:
        return self.severity or self.entry.severity
