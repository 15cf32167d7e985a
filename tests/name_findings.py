"""The person-name findings of a text that a test of the names family asserts on."""

from __future__ import annotations

from postguard.detectors.names import PersonNameDetector


def child_names(detector: PersonNameDetector, text: str) -> list[str]:
    """Names reported at more than low severity, as a child's (low: staff, famous people,
    titles, which the policy allows)."""
    return [text[f.start:f.end] for f in detector.detect_text(text)
            if f.start is not None and f.end is not None and f.severity.value != "low"]
