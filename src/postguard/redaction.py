"""Redaction of text: apply the findings' suggestions to the post text.

Overlapping findings merge into one region; the region takes the replacement of
its strongest finding. Offsets are Python `str` indices, so any Unicode is handled as the
detectors saw it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Action, Finding

_EDITING = frozenset({Action.REMOVE, Action.REPLACE, Action.REPHRASE})


def _rank(f: Finding) -> tuple[int, int, int]:
    action_rank = f.action.rank if f.action is not None else 0
    sev = {"low": 0, "medium": 1, "high": 2}[f.severity.value]
    return (action_rank, sev, (f.end or 0) - (f.start or 0))


def edits(text: str, findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """The (start, end, replacement) edits for `text`, merged, sorted and non-overlapping."""
    spans = sorted(
        (f for f in findings
         if f.source == "text" and f.start is not None and f.end is not None
         and f.suggestion is not None and f.suggestion.action in _EDITING),
        key=lambda f: (f.start, -(f.end or 0)),
    )
    merged: list[tuple[int, int, Finding]] = []
    for f in spans:
        assert f.start is not None and f.end is not None
        if merged and f.start < merged[-1][1]:
            s, e, best = merged[-1]
            if _rank(f) > _rank(best):
                best = f
            merged[-1] = (s, max(e, f.end), best)
        else:
            merged.append((f.start, f.end, f))
    out = []
    for s, e, best in merged:
        assert best.suggestion is not None
        repl = best.suggestion.replacement
        if repl is None:
            repl = ""
        out.append((s, e, repl))
    return out


def redact_text(text: str, findings: Iterable[Finding]) -> str:
    """The text with every editing suggestion applied."""
    parts: list[str] = []
    pos = 0
    for s, e, repl in edits(text, findings):
        parts.append(text[pos:s])
        # Removing a word should not leave a double space behind.
        if repl == "" and parts and parts[-1].endswith(" ") and text[e:e + 1] in (" ", ""):
            parts[-1] = parts[-1][:-1]
        parts.append(repl)
        pos = e
    parts.append(text[pos:])
    return "".join(parts)
