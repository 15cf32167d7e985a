"""Email addresses (PG111), also written out to dodge filters (PG112)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...model import Category, Finding, Severity
from ...policy import Policy
from ..base import TextDetector
from ._common import (
    EMAIL_REMOVED,
    Spans,
    load_data,
)

_AT = re.compile(r"(?<=[\w.%+'\-])@(?=[^\W_])")
_LOCAL_TAIL = re.compile(r"[\w.%+'\-]{1,64}\Z")
_DOMAIN = re.compile(r"(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.){1,8}([^\W\d_]{2,24})(?![\w\-])")
# Hints of a written-out address, searched in the lower-cased text only after a substring
# test: one case-insensitive alternation would cost more than the rest of the detector.
_HINT_BRACKET = re.compile(r"[\[({<]\s{0,2}(?:at|dot)\s{0,2}[\])}>]")
_HINT_DOT = re.compile(r"\sdot\s")
_HINT_PLAIN = re.compile(r"\sat\s+[\w\-]+\.[a-z]{2,6}\b")


def _obfuscation_hint(text: str) -> bool:
    low = text.lower()
    return bool(
        ("dot" in low and _HINT_DOT.search(low))
        or ("at" in low and any(b in low for b in "[({<") and _HINT_BRACKET.search(low))
        or ("at " in low and _HINT_PLAIN.search(low))
    )


_OBF_AT = re.compile(r"(?<!\s)(?:\s{0,2}[\[({<]\s{0,2}at\s{0,2}[\])}>]\s{0,2}|\s+at\s+)",
                     re.IGNORECASE)
# With a plain " at " and a real dot, the name must look like a mailbox ("jo.bloggs",
# "sam_99", "jo99"), not a word or a class ("available at ...", "5B at ...").
_ADDRESS_LIKE = re.compile(r"[._]|(?=.*[^\W\d_])(?=.*\d).{4}")
_OBF_LABEL = re.compile(r"[^\W_][\w\-]{0,62}")
_OBF_DOT = re.compile(r"\s{0,2}[\[({<]\s{0,2}dot\s{0,2}[\])}>]\s{0,2}|\s+dot\s+|\.",
                      re.IGNORECASE)


class EmailDetector(TextDetector):
    name = "email"
    codes = ("PG111", "PG112")
    categories = (Category.EMAIL,)
    description = "email addresses (also 'name at domain dot com'), not the organisation's"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._domains = tuple(d.lower().strip().lstrip("@")
                              for d in policy.allowlist("email_domains"))
        words = load_data("contact.toml")["email"]
        self._file_ext = frozenset(words["file_extensions"])
        self._tlds = frozenset(words["obfuscated_tlds"])

    def _allowed(self, domain: str) -> bool:
        d = domain.lower()
        return any(d == a or d.endswith("." + a) for a in self._domains)

    @staticmethod
    def _local_start(text: str, at: int) -> int | None:
        lo = max(0, at - 64)
        m = _LOCAL_TAIL.search(text, lo, at)
        if m is None:
            return None
        s = m.start()
        while s < at and not text[s].isalnum():
            s += 1
        return s if s < at else None

    def detect_text(self, text: str) -> Iterable[Finding]:
        taken = Spans()
        if "@" in text:
            for at in _AT.finditer(text):
                s = self._local_start(text, at.start())
                d = _DOMAIN.match(text, at.end())
                if s is None or d is None or d.group(1).lower() in self._file_ext:
                    continue
                if taken.overlaps(s, d.end()):
                    continue
                taken.add(s, d.end())
                if not self._allowed(d.group(0)):
                    yield self.finding("PG111", Category.EMAIL, Severity.HIGH, "email address",
                                       score=0.99, start=s, end=d.end(),
                                       suggestion=EMAIL_REMOVED)
        if _obfuscation_hint(text):
            yield from self._obfuscated(text, taken)

    def _obfuscated(self, text: str, taken: Spans) -> Iterator[Finding]:
        for at in _OBF_AT.finditer(text):
            s = self._local_start(text, at.start())
            if s is None or taken.overlaps(s, at.end()):
                continue
            labels: list[tuple[int, int]] = []
            pos, worded = at.end(), False
            while len(labels) < 8:
                lab = _OBF_LABEL.match(text, pos)
                if lab is None:
                    break
                labels.append((lab.start(), lab.end()))
                dot = _OBF_DOT.match(text, lab.end())
                if dot is None:
                    break
                worded = worded or dot.group() != "."
                pos = dot.end()
            last = max((k for k in range(1, len(labels))
                        if text[labels[k][0]:labels[k][1]].lower() in self._tlds), default=0)
            if not last:
                continue
            local = text[s:at.start()]
            bracketed = at.group().strip().lower() != "at"
            if not (bracketed or worded or _ADDRESS_LIKE.search(local)):
                continue
            domain = ".".join(text[a:b] for a, b in labels[:last + 1])
            end = labels[last][1]
            if taken.overlaps(s, end):
                continue
            taken.add(s, end)
            if self._allowed(domain):
                continue
            yield self.finding("PG112", Category.EMAIL, Severity.HIGH,
                               "email address written out to dodge filters", score=0.9,
                               start=s, end=end, suggestion=EMAIL_REMOVED)
