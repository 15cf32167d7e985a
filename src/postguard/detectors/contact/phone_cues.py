"""The cue words near a candidate phone number, for phone.py: the nearest contact cue
("call", "mob", "Handy", "手机") or reference word ("order no.", "ticket") before a number
decides whether it is one (`Cues.polarity`). The words are data (`data/contact.toml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGIT = re.compile(r"[0-9]")
_SENTENCE_END = re.compile(r"[!?]|\.\s")
POS, NEG = 1, -1


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words near a number, looked up in a window around it (linear in the text)."""

    text: str
    positive: re.Pattern[str]
    negative: re.Pattern[str]

    def polarity(self, start: int, end: int) -> int:
        """The nearest cue word before the number (within 40 characters) decides, a
        reference word winning a tie ("order no."); failing that, a contact cue just after
        it ("07700 900123 (mob)")."""
        lo = max(0, start - 40)
        best: tuple[int, int] | None = None
        for pol, rx in ((POS, self.positive), (NEG, self.negative)):
            for m in rx.finditer(self.text, lo, start):
                if pol == NEG and (
                        _SENTENCE_END.search(self.text, m.end(), start)
                        or (_DIGIT.search(self.text, m.end(), start)
                            and not self.text[start - 1].isalnum())):
                    # "Tickets £5 - 07700 900 581": the reference word has its own number;
                    # "Bring photo ID. Questions: ...": it belongs to another sentence
                    continue
                key = (m.end(), pol == NEG)
                if best is None or key > (best[0], best[1] == NEG):
                    best = (m.end(), pol)
        if best is not None:
            return best[1]
        if self.positive.search(self.text, end, end + 25):
            return POS
        return 0


__all__ = ["NEG", "POS", "Cues"]
