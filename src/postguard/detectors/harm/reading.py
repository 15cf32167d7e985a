"""What the harm model does not read: a phone number or code spelled out in words.

A number read out ("oh seven seven double oh nine ...") is no language: it is a run of
repeated short words, which the model reads as the repetition of a chanted taunt (bullying).
The contact detectors judge it. It is replaced by spaces of the same length (positions hold),
as web links are (`detector.without_links`).
"""

from __future__ import annotations

import re

_DIGIT = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)"
_TIMES = r"(?:(?:double|triple)[ ,-]+)?"
# Five or more digit words in a row (each may have "double" or "triple" before it), separated
# by spaces, commas or hyphens: a number read out, not a count to three.
_SPELLED = re.compile(rf"\b{_TIMES}{_DIGIT}(?:[ ,-]+{_TIMES}{_DIGIT}){{4,}}\b", re.IGNORECASE)
# A cheap test first: most texts hold none of these words.
_HINT = re.compile(r"\b(?:oh|nought|zero|double|seven|eight|nine)\b", re.IGNORECASE)


def without_spelled_numbers(text: str) -> str:
    """`text` with each spelled-out number of five digits or more blanked (same length)."""
    if _HINT.search(text) is None:
        return text
    return _SPELLED.sub(lambda m: " " * len(m.group()), text)
