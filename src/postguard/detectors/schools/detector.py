"""School names, in the UK and abroad, found by pattern and context.

A school name is a run of capitalised name words that ends in a school word ("St Mary's C of E
Primary School", "Harris Academy", "Eirias High") or follows one ("Ysgol y Graig", "Lycée
Victor Hugo", "Colegio San José"). The run must hold at least one proper word: "Primary
School", "our School", "Summer School" name no particular school. The span rules are in
`school_spans`; lowercase names starting at a saint or a foreign word in `school_words`; a
saint's name alone where the words around say school ("she goes to St Bede's") and lowercase
names after a cue ("the kids at beechwood primary") in `school_extra`. Names in Chinese,
Japanese, Korean and Arabic: `scripts`. No gazetteer is shipped: the words live in
`data/school-words*.toml` and `data/scripts.toml`, the traps in `data/school-traps.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Action, Category, Finding, Severity, Suggestion
from ...policy import Policy
from ..base import TextDetector
from .extra import extra_spans, load_extra
from .grow import grow
from .scripts import script_school_spans
from .spans import SchoolSpans
from .words import Tokens, lexicon, lowercase_spans

_WINDOW = 200  # characters tokenised either side of a school word


class SchoolDetector(TextDetector):
    name = "school"
    codes = ("PG301",)
    categories = (Category.SCHOOL,)
    description = "named schools, UK and abroad (School, Academy, College, Ysgol, Lycée ...)"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._lex = lexicon()
        self._finder = SchoolSpans(self._lex)
        self._extra = load_extra(self._lex)
        self._triggers = self._lex.lower_words | self._extra.triggers
        allowed = [*policy.allowlist("schools")]
        org = policy.section("organisation").get("name")
        if isinstance(org, str) and org.strip():
            allowed.append(org)
        self._allowed = tuple(
            re.compile(rf"(?<!\w){re.escape(a.strip())}(?!\w)", re.IGNORECASE)
            for a in allowed if a.strip()
        )

    # -- the scan --------------------------------------------------------------------------
    def detect_text(self, text: str) -> Iterable[Finding]:
        found: list[tuple[int, int, float]] = []
        for lo, hi in self._windows(text):
            toks = Tokens(text, lo, hi)
            for first, last, score in self._finder.spans(toks):
                start, end = toks.starts[first], toks.ends[last]
                if self._trapped(text, toks, first, last):
                    continue
                found.append((start, end, score))
        # Lowercase names ("st joseph's catholic primary", "liceo linguistico manzoni").
        # The words that start or end those names, standing alone in the text (cheap).
        words = list(self._triggers.intersection(text.split()))
        lower = [(start, end, 0.75) for start, end in
                 lowercase_spans(text, self._lex, [(s, e) for s, e, _ in found], words)
                 ] if words else []
        # A saint alone where the words around say school ("she goes to St Bede's"), and
        # lowercase names without a saint ("the kids at beechwood primary").
        if words:
            lower += [(start, end, 0.7) for start, end in extra_spans(
                text, self._lex, self._extra, [(s, e) for s, e, _ in found + lower], words)]
        # Chinese, Japanese, Korean and Arabic names ("北京市第一中学", "서울중앙초등학교")
        lower += [(start, end, 0.8) for start, end in script_school_spans(text)]
        for start, end, score in sorted(found + lower) if lower else found:
            value = text[start:end]
            if any(rx.search(value) for rx in self._allowed):
                continue
            if (start, end, score) in lower and _trap_at(self._lex.traps, text, start, end):
                continue  # "la scuola estiva costa ...": a summer school, in any language
            start, end = grow(text, start, end)
            yield self.finding(
                "PG301", Category.SCHOOL, Severity.MEDIUM, "named school", score=score,
                start=start, end=end, suggestion=Suggestion(Action.REPLACE, "[school removed]"),
            )

    def _windows(self, text: str) -> list[tuple[int, int]]:
        """Stretches of text around capitalised school words, merged, cut at whitespace.
        Only these are tokenised, so a long post costs time in proportion to its length."""
        out: list[tuple[int, int]] = []
        for m in self._lex.prefilter.finditer(text):
            pos = m.start()
            if pos > 0 and text[pos - 1].isalnum():
                continue  # inside a word ("Highlights" is not "High")
            lo = max(0, pos - _WINDOW)
            hi = min(len(text), m.end() + _WINDOW)
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
        snapped = []
        for lo, hi in out:
            if lo > 0:
                cut = text.find(" ", lo, lo + 40)
                lo = cut + 1 if cut >= 0 else lo
            if hi < len(text):
                cut = text.rfind(" ", hi - 40, hi)
                hi = cut if cut >= 0 else hi
            snapped.append((lo, hi))
        return snapped

    def _trapped(self, text: str, toks: Tokens, first: int, last: int) -> bool:
        """A trap phrase ("Royal Academy of Arts", "King's College London") overlaps the
        finding; phrases are tried only where a nearby token starts."""
        start, end = toks.starts[first], toks.ends[last]
        for k in range(max(0, first - 2), min(len(toks), last + 1)):
            m = self._lex.traps.match(text, toks.starts[k])
            if m and m.start() < end and start < m.end():
                return True
        return False


def _trap_at(traps: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """A trap phrase starts inside a lowercase finding or at its first word."""
    m = traps.search(text, max(0, start - 1), end)
    return m is not None and m.start() < end
