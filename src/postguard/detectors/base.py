"""The detector contract.

A detector is a class with a `name`, the `codes` it may emit, a constructor taking the
`Policy`, and `detect(post) -> Iterable[Finding]`. Detectors only find: actions, verdicts and
redaction belong to the Screener. Text detectors subclass `TextDetector` and implement
`detect_text(text)`, so that the image pipeline can run them on OCR text as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ..model import Category, Finding, Post, Severity, Suggestion
from ..policy import Policy


class Detector:
    name: ClassVar[str] = ""
    codes: ClassVar[tuple[str, ...]] = ()
    #: Categories this detector may emit (used by `postguard detectors`).
    categories: ClassVar[tuple[Category, ...]] = ()
    #: One line for `postguard detectors`.
    description: ClassVar[str] = ""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def detect(self, post: Post) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        code: str,
        category: Category,
        severity: Severity,
        message: str,
        *,
        score: float = 0.9,
        start: int | None = None,
        end: int | None = None,
        suggestion: Suggestion | None = None,
        source: str = "text",
        box: tuple[int, int, int, int] | None = None,
    ) -> Finding:
        return Finding(
            code=code,
            detector=self.name,
            category=category,
            severity=severity,
            score=score,
            message=message,
            source=source,
            start=start,
            end=end,
            box=box,
            suggestion=suggestion,
        )


class TextDetector(Detector):
    """A detector that reads only text; it runs on the post and on each image's OCR text."""

    def detect(self, post: Post) -> Iterable[Finding]:
        if not post.text:
            return ()
        return self.detect_text(post.text)

    def detect_text(self, text: str) -> Iterable[Finding]:
        raise NotImplementedError
