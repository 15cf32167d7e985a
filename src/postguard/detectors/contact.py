"""Contact details: phone numbers, email addresses, personal social-media handles."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model import Action, Category, Finding, Severity, Suggestion
from ..policy import Policy
from .base import TextDetector

_CUE = re.compile(
    r"\b(call|calls|ring|rings|phone|text|txt|mob|mobile|tel|telephone|whatsapp|number|no\.?|"
    r"contact|reach)\b",
    re.IGNORECASE,
)


class PhoneDetector(TextDetector):
    name = "phone"
    codes = ("PG101", "PG102")
    categories = (Category.PHONE,)
    description = "UK and international phone numbers (libphonenumber)"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        import phonenumbers

        self._pn: Any = phonenumbers
        self._allowed = {self._key(p) for p in policy.allowlist("phones")}

    def _key(self, raw: str) -> str:
        digits = re.sub(r"\D", "", raw)
        try:
            num = self._pn.parse(raw, "GB")
            return str(self._pn.format_number(num, self._pn.PhoneNumberFormat.E164))
        except self._pn.NumberParseException:
            return digits

    def detect_text(self, text: str) -> Iterable[Finding]:
        if sum(c.isdigit() for c in text) < 5:
            return
        pn = self._pn
        seen: list[tuple[int, int]] = []
        for m in pn.PhoneNumberMatcher(text, "GB", leniency=pn.Leniency.VALID):
            e164 = pn.format_number(m.number, pn.PhoneNumberFormat.E164)
            seen.append((m.start, m.end))
            if e164 in self._allowed:
                continue
            yield self.finding("PG101", Category.PHONE, Severity.HIGH, "phone number",
                               score=0.99, start=m.start, end=m.end,
                               suggestion=Suggestion(Action.REMOVE, "[phone removed]"))
        if not _CUE.search(text):
            return
        for m in pn.PhoneNumberMatcher(text, "GB", leniency=pn.Leniency.POSSIBLE):
            if any(s < m.end and m.start < e for s, e in seen):
                continue
            window = text[max(0, m.start - 40):m.start]
            if not _CUE.search(window):
                continue
            if self._key(m.raw_string) in self._allowed:
                continue
            yield self.finding("PG102", Category.PHONE, Severity.HIGH,
                               "possible phone number next to a contact cue", score=0.8,
                               start=m.start, end=m.end,
                               suggestion=Suggestion(Action.REMOVE, "[phone removed]"))


_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24})\b"
)


class EmailDetector(TextDetector):
    name = "email"
    codes = ("PG111",)
    categories = (Category.EMAIL,)
    description = "email addresses outside the organisation's own domains"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._domains = tuple(d.lower().lstrip("@") for d in policy.allowlist("email_domains"))

    def _allowed(self, domain: str) -> bool:
        d = domain.lower()
        return any(d == a or d.endswith("." + a) for a in self._domains)

    def detect_text(self, text: str) -> Iterable[Finding]:
        if "@" not in text:
            return
        for m in _EMAIL.finditer(text):
            if self._allowed(m.group(1)):
                continue
            yield self.finding("PG111", Category.EMAIL, Severity.HIGH, "email address",
                               score=0.99, start=m.start(), end=m.end(),
                               suggestion=Suggestion(Action.REMOVE, "[email removed]"))


_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)\b")


class SocialHandleDetector(TextDetector):
    name = "social_handle"
    codes = ("PG121", "PG122")
    categories = (Category.SOCIAL_HANDLE,)
    description = "personal social-media handles and profile links"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._own = {h.lower().lstrip("@") for h in policy.allowlist("handles")}

    def detect_text(self, text: str) -> Iterable[Finding]:
        if "@" not in text:
            return
        for m in _HANDLE.finditer(text):
            if m.group(1).lower() in self._own:
                continue
            yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                               "personal social-media handle", score=0.85,
                               start=m.start(), end=m.end(),
                               suggestion=Suggestion(Action.REMOVE, "[handle removed]"))
