"""Grooming phrases quoted in a safety warning.

An online-safety post quotes what a groomer says so that children recognise it: "if someone
online says 'keep this our secret', tell a trusted adult". The phrase is named there, not said
to a child. A private-contact hit that sits inside quotation marks, in a text holding a cue of
such a warning (`data/tone/safety-warnings.txt`: a trusted adult, a red flag, in the students'
languages), is dropped. Unquoted, a grooming phrase stays a finding whatever the text says
around it, and nothing but private contact is ever dropped here.
"""

from __future__ import annotations

import functools

from ...datafiles import read_data
from ...model import Category
from .hits import Hit

# Opening and closing quotation marks of the students' languages (straight, curly, guillemets,
# German low quotes, CJK corner brackets).
_QUOTES = frozenset("\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a"
                    "\u300c\u300d\u300e\u300f\uff02")
_APOSTROPHES = frozenset("'\u2019")
# A quotation ends at a sentence break or after this many characters.
_STOPS = frozenset(".!?\n。！？")
_REACH = 80


@functools.cache
def warning_cues() -> tuple[str, ...]:
    """The lower-cased cues of a safety warning (comments and blank lines left out)."""
    lines = read_data("tone/safety-warnings.txt").splitlines()
    return tuple(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def is_warning(text: str) -> bool:
    """The text holds a cue of a safety warning."""
    low = text.lower()
    return any(cue in low for cue in warning_cues())


def quoted(text: str, start: int, end: int) -> bool:
    """text[start:end] sits inside quotation marks: a quote mark before it and one after it,
    each within _REACH characters and no sentence break between."""
    def found(positions: range) -> bool:
        for i in positions:
            ch = text[i]
            if ch in _QUOTES:
                # an apostrophe inside a word ("don't", "it's") is no quotation mark
                inside = ch in _APOSTROPHES and 0 < i < len(text) - 1 and \
                    text[i - 1].isalpha() and text[i + 1].isalpha()
                if not inside:
                    return True
            elif ch in _STOPS:
                # a quoted question or cry ends inside its quotes: 'are you home alone?"'
                return i + 1 < len(text) and text[i + 1] in _QUOTES and \
                    positions.step > 0
        return False

    return found(range(start - 1, max(-1, start - 1 - _REACH), -1)) and found(
        range(end, min(len(text), end + _REACH)))


def drop_quoted_warnings(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` without the private-contact hits quoted in a safety warning."""
    if not any(h.entry.category is Category.PRIVATE_CONTACT for h in hits) or \
            not any(c in _QUOTES for c in text) or not is_warning(text):
        return hits
    return [h for h in hits if h.entry.category is not Category.PRIVATE_CONTACT
            or not quoted(text, h.start, h.end)]
