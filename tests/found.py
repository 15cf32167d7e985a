"""What a detector found in a text, as the span texts a family's tests assert on (one place for
the filters the tests of several families share)."""

from __future__ import annotations

from typing import Any


def spans(detector: Any, text: str, category: str | None = None) -> list[str]:
    """The text of every finding with a span, in the detector's order (of `category` only,
    when given)."""
    return [text[f.start:f.end] for f in detector.detect_text(text)
            if f.start is not None and f.end is not None
            and (category is None or f.category.value == category)]


def addresses(detector: Any, text: str) -> list[str]:
    return spans(detector, text, "address")


def locations(detector: Any, text: str) -> list[str]:
    return spans(detector, text, "location")


def child_names(detector: Any, text: str) -> list[str]:
    """Names reported at more than low severity, as a child's (low: staff, famous people,
    titles, which the policy allows)."""
    return [text[f.start:f.end] for f in detector.detect_text(text)
            if f.start is not None and f.end is not None and f.severity.value != "low"]


def verdict(screener: Any, text: str) -> str:
    """The verdict ("allow", "review", "block") of a draft with no metadata."""
    from postguard import Post

    return str(screener.screen(Post(text=text)).verdict.value)
