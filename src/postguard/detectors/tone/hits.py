"""A candidate lexicon match (`Hit`) and the rules that thin a post's hits (nested spans, stacked
flattery), shared by the analysis and its context rules (kept apart
so that `analysis` and `context` do not import each other)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...model import Category, Severity
from .lexicon import Entry

SEV_RANK = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2}
FLATTERY = frozenset({"PG442", "PG443"})  # compliments on looks, grooming flattery


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


def stack_flattery(hits: list[Hit]) -> list[Hit]:
    """Flattery stacked on other over-familiar wording in one post ("you look so grown up
    today, beautiful") reads as grooming: each of those findings becomes high. One pet name
    or one compliment alone keeps its own severity."""
    familiar = [h for h in hits if h.entry.category is Category.OVER_FAMILIAR]
    if len(familiar) < 2 or not any(h.entry.code in FLATTERY for h in familiar):
        return hits
    return [dataclasses.replace(h, severity=Severity.HIGH, stacked=True)
            if h.entry.category is Category.OVER_FAMILIAR and h.sev is not Severity.HIGH
            else h for h in hits]


def drop_nested(hits: list[Hit]) -> list[Hit]:
    """One finding per span and category: the longest, then the most severe. A swear word
    inside a sexual phrase is reported once, as the phrase."""
    hits = sorted(hits, key=lambda h: (h.start, -(h.end - h.start), -SEV_RANK[h.sev]))
    out: list[Hit] = []
    for h in hits:
        if any(o.start <= h.start and h.end <= o.end and (
                o.entry.category is h.entry.category or (  # "dick" inside "dick pic"
                    o.entry.category is Category.SEXUAL_CONTENT and not o.entry.single
                    and h.entry.category is Category.PROFANITY))
               for o in out[-8:]):
            continue
        out.append(h)
    return out
