"""Batch screening: one report per post, in input order, with the same ids."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import InputError
from .model import Action, Category, ErrorEntry, Finding, Post, Report, Severity, Suggestion, Verdict
from .screener import Screener


def error_report(post_id: str, error: InputError, text: str = "") -> Report:
    """The report of a post that could not be read: `review`, never a silent pass."""
    message = str(error)
    return Report(
        id=post_id,
        verdict=Verdict.REVIEW,
        findings=(
            Finding(
                code="PG002",
                detector="input",
                category=Category.DETECTOR_ERROR,
                severity=Severity.HIGH,
                score=1.0,
                message=message,
                source="input",
                suggestion=Suggestion(Action.REVIEW),
                action=Verdict.REVIEW,
            ),
        ),
        redacted_text=text,
        errors=(ErrorEntry("input", "malformed", message),),
    )


def screen_items(
    screener: Screener, items: Iterable[tuple[str, Post | InputError]]
) -> Iterator[Report]:
    for pid, item in items:
        if isinstance(item, InputError):
            yield error_report(pid, item)
        else:
            yield screener.screen(item)
