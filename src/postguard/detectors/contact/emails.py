"""Email addresses (PG111), also written out or typed with spaces to dodge filters (PG112):
"jo at gmail dot com", "jo (at) gmail (dot) com", "sam.jones @ gmail . com", "j o . s m i t h
@ g m a i l . c o m". With spaces, the
last label must be a top-level domain as people type one (not "Com" starting a sentence), and
the name before the "@" must look like a mailbox or the domain be a mail service."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ...lazy_patterns import lazy_compile
from ...model import Category, Finding, Severity
from ...policy import Policy
from ...scans import LONG_TEXT, folded, gate_hits, gated_finditer, matches_at
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
_HINT_BRACKET = re.compile(r"[\[({<]\s{0,4}(?:at|dot)\s{0,4}[\])}>]")
_HINT_DOT = re.compile(r"\sdot\s")
# "jo at gmail.com", "jo at gmail . com", "jo at gmail. com" (not "at school. Then ...": after
# ". " only a common top-level domain). It opens with a literal " at": a fast scan.
_HINT_PLAIN = re.compile(r" at\s+[\w\-]+(?:\.[a-z]{2,6}\b| {1,2}\. {0,2}[a-z]{2,6}\b"
                         r"|\. {1,2}(?:com|org|net|co|uk|ie|edu|gov|io|info)\b)")
_HINT_PLAIN_LINE = re.compile(r"\sat\s+[\w\-]+\.[a-z]{2,6}\b")


def _obfuscation_hint(text: str) -> bool:
    low = text.lower()
    return bool(
        ("dot" in low and _HINT_DOT.search(low))
        or ("at" in low and any(b in low for b in "[({<") and _HINT_BRACKET.search(low))
        or ("at " in low and (_HINT_PLAIN.search(low) is not None or (
            "\nat" in low or "\tat" in low) and _HINT_PLAIN_LINE.search(low) is not None))
    )


_OBF_AT = re.compile(r"(?<!\s)(?:\s{0,2}[\[({<]\s{0,4}at\s{0,4}[\])}>]\s{0,2}|\s+at\s+)",
                     re.IGNORECASE)
_AT_LETTERS = re.compile("at")  # searched in the folded text


def _written_ats(text: str) -> Iterator[re.Match[str]]:
    """`_OBF_AT.finditer(text)`; on a long post tried only in the spaces and brackets right
    before an "at" (where a match starts: it holds "at" after them)."""
    if len(text) < LONG_TEXT:
        return _OBF_AT.finditer(text)
    return matches_at(_OBF_AT, text, _runs_before(text, gate_hits(_AT_LETTERS, folded(text))))


def _runs_before(text: str, hits: Iterable[int]) -> Iterator[int]:
    """Every position of the spaces and opening brackets right before each hit (ascending,
    once each; each character is read once)."""
    done = 0
    for q in hits:
        r = q
        while r > done and (text[r - 1].isspace() or text[r - 1] in "[({<"):
            r -= 1
        yield from range(max(r, done), q)
        done = max(done, q)


# With a plain " at " and a real dot, the name must look like a mailbox ("jo.bloggs",
# "sam_99", "jo99"), not a word or a class ("available at ...", "5B at ...").
_ADDRESS_LIKE = re.compile(r"[._]|(?=.*[^\W\d_])(?=.*\d).{4}")
_OBF_LABEL = re.compile(r"[^\W_][\w\-]{0,62}")
# An "@" with spaces around it or around the dots ("sam.jones @ gmail . com").
_SPACES = " \t\u00a0"
# Where such an address may start: an "@" with a space before or after it, or a label and a
# spaced or written-out dot after it; then a label, a dot and the start of a label that is
# not a capitalised word ("@akira. Next match" is a handle ending a sentence). A fast scan
# (it opens with a literal "@"); plain addresses ("jo@school.org") do not match.
_SP = r"[ \t\u00a0]"
_SEP = (rf"{_SP}{{0,2}}(?:\.|[\[({{<]{_SP}{{0,2}}dot{_SP}{{0,2}}[\])}}>]){_SP}{{0,2}}"
        rf"|{_SP}+dot{_SP}+")
_NEXT = r"(?-i:[a-z0-9]|[A-Z][A-Z0-9])"
_SPACED_HEAD = re.compile(
    rf"@(?:(?<={_SP}@){_SP}{{0,2}}|{_SP}{{1,2}})[^\W_][\w\-]*+(?:{_SEP}){_NEXT}"
    rf"|@[^\W_][\w\-]*+(?:{_SP}{{1,2}}\.{_SP}{{0,2}}|\.{_SP}{{1,2}}"
    rf"|{_SP}{{0,2}}[\[({{<]{_SP}{{0,2}}dot{_SP}{{0,2}}[\])}}>]{_SP}{{0,2}}|{_SP}+dot{_SP}+)"
    rf"{_NEXT}",
    re.IGNORECASE)
# "@gmail .com", "@gmail. com", "@gmail (dot) com": an address with no space at its "@" but
# one around the first dot
_DOT_SPACED_AFTER = re.compile(
    rf"[^\W_][\w\-]{{0,62}}(?:{_SP}{{1,2}}\.|\.{_SP}|{_SP}{{0,2}}[\[({{<]{_SP}{{0,2}}dot"
    rf"{_SP}{{0,2}}[\])}}>]|{_SP}+dot{_SP})", re.IGNORECASE)
_SPACED_DOT = lazy_compile(
    r"[ \t\u00a0]{0,2}(?:\.|[\[({<][ \t\u00a0]{0,2}dot[ \t\u00a0]{0,2}[\])}>])[ \t\u00a0]{0,2}"
    r"|[ \t\u00a0]+dot[ \t\u00a0]+", re.IGNORECASE)
# "sam dot jones at ...": the words joined by "dot" before the local part
_DOT_BEFORE = lazy_compile(r"[^\W_][\w%+'\-]{0,30}(?:[ \t\u00a0]{0,2}[\[({<][ \t\u00a0]{0,2}dot"
                         r"[ \t\u00a0]{0,2}[\])}>][ \t\u00a0]{0,2}|[ \t\u00a0]+dot[ \t\u00a0]+"
                         r"|[ \t\u00a0]{1,2}\.[ \t\u00a0]{1,2})\Z", re.IGNORECASE)
_PLAIN_DOT_SPACED = lazy_compile(r"[ \t\u00a0]{1,2}\.[ \t\u00a0]{0,2}|\.[ \t\u00a0]{1,2}")
_OBF_DOT = re.compile(r"\s{0,2}[\[({<]\s{0,2}dot\s{0,2}[\])}>]\s{0,2}|\s+dot\s+|\.",
                      re.IGNORECASE)


# A run of single characters with one space between each, holding an "@" (a fast scan: it
# is tried only on text with " @ ").
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[\w.%+'\-] ){1,64}@(?: [\w.\-]){4,255}(?!\S)")
_SPACED_ADDRESS = re.compile(  # a mailbox and a domain name of two characters or more
    r"[\w.%+'\-]{2,64}@((?:[^\W_][\w\-]{1,62}\.)(?:[^\W_][\w\-]{0,62}\.){0,7}"
    r"([^\W\d_]{2,24}))")


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
        self._providers = frozenset(words["mail_providers"])
        self._spaced_tlds = frozenset(words["spaced_tlds"])
        ats, dots = words["at_words_abroad"], words["dot_words_abroad"]
        self._abroad_ats, self._abroad_dots = tuple(ats), tuple(dots)
        self._abroad = re.compile(
            rf"(?<!\w)(?:({'|'.join(map(re.escape, ats))})|{'|'.join(map(re.escape, dots))})"
            r"(?!\w)", re.IGNORECASE)

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
        if "\uff20" in text:  # a full-width "＠" (Japanese, Chinese input): one character too
            text = text.replace("\uff20", "@")
        taken = Spans()
        if "@" in text:
            plain = 0  # the "@"s of plain addresses (or file names): no spaced form there
            for at in gated_finditer(_AT, text):
                s = self._local_start(text, at.start())
                d = _DOMAIN.match(text, at.end())
                if s is None or d is None:
                    continue
                plain += 1
                if d.group(1).lower() in self._file_ext:
                    continue
                if taken.overlaps(s, d.end()):
                    continue
                taken.add(s, d.end())
                if not self._allowed(d.group(0)):
                    yield self.finding("PG111", Category.EMAIL, Severity.HIGH, "email address",
                                       score=0.99, start=s, end=d.end(),
                                       suggestion=EMAIL_REMOVED)
            if plain < text.count("@") and _SPACED_HEAD.search(text):
                yield from self._spaced(text, taken)
        if " @ " in text:
            yield from self._letter_spaced(text, taken)
        worded = self._english_words(text)
        if _obfuscation_hint(worded):
            yield from self._obfuscated(worded, taken, text)

    def _english_words(self, text: str) -> str:
        """The text with the "at" and "dot" of the students' languages written as English
        ones of the same length ("punto" -> "dot  "), so every offset stays the same."""
        low = text.lower()
        ats = any(w in low for w in self._abroad_ats)
        if not (ats or (" at " in low and any(w in low for w in self._abroad_dots))):
            return text  # an address needs an at word ("ana(arroba)yahoo.es") or a dot word
        # centred, so that a bracketed "(arroba)" reads "(  at  )" and "(punto)" "( dot )";
        # `self._abroad.sub(...)`, on a long post tried only where its words are found
        parts: list[str] = []
        last = 0
        for m in gated_finditer(self._abroad, text):
            parts += [text[last:m.start()], ("at" if m.group(1) else "dot").center(len(m.group()))]
            last = m.end()
        return "".join(parts) + text[last:]

    def _letter_spaced(self, text: str, taken: Spans) -> Iterator[Finding]:
        """Every character apart: "j o . s m i t h @ g m a i l . c o m"."""
        for run in _LETTER_SPACED.finditer(text):
            s, e = run.span()
            address = _SPACED_ADDRESS.fullmatch(run.group().replace(" ", ""))
            if address is None or address.group(2).lower() not in self._tlds \
                    or taken.overlaps(s, e):
                continue
            taken.add(s, e)
            if not self._allowed(address.group(1)):
                yield self.finding("PG112", Category.EMAIL, Severity.HIGH,
                                   "email address written with spaces to dodge filters",
                                   score=0.9, start=s, end=e, suggestion=EMAIL_REMOVED)

    def _spaced(self, text: str, taken: Spans) -> Iterator[Finding]:
        """An "@" or dots with spaces around them: "sam.jones @ gmail . com"."""
        for head in _SPACED_HEAD.finditer(text):
            a, b = head.start(), head.start() + 1  # the "@" with up to two spaces either side
            if taken.overlaps(a, b):
                continue
            while a > 0 and b - a <= 2 and text[a - 1] in _SPACES:
                a -= 1
            while b < len(text) and b - a <= 4 and text[b] in _SPACES:
                b += 1
            if b - a == 1 and _DOT_SPACED_AFTER.match(text, b) is None:
                continue  # "jo@school.org": the plain path's
            labels: list[tuple[int, int]] = []
            seps: list[str] = []
            spaced, worded, pos = b - a > 1, False, b
            while len(labels) < 8:
                lab = _OBF_LABEL.match(text, pos)
                if lab is None:
                    break
                labels.append(lab.span())
                dot = _SPACED_DOT.match(text, lab.end())
                if dot is None:
                    break
                sep = dot.group()
                spaced = spaced or sep != "."
                seps.append(sep)
                worded = worded or "d" in sep.lower()
                pos = dot.end()
            # the last label a top-level domain as people type one ("com", not "Com" starting
            # a sentence), and not glued to more ("com-munity")
            if not spaced or len(labels) < 2:
                continue
            provider = text[labels[0][0]:labels[0][1]].lower() in self._providers
            last = max((k for k in range(1, len(labels))
                        if self._tld(text[labels[k][0]:labels[k][1]], seps[k - 1], provider)),
                       default=0)
            if not last:
                continue
            end = labels[last][1]
            if end < len(text) and text[end] in "@-":
                continue
            s = self._local_start(text, a)
            if s is None:
                continue
            if not (worded or provider or _ADDRESS_LIKE.search(text, s, a)):
                continue
            s = _extend_local(text, s)
            if taken.overlaps(s, end):
                continue
            taken.add(s, end)
            if self._allowed(".".join(text[a:b] for a, b in labels[:last + 1])):
                continue
            yield self.finding("PG112", Category.EMAIL, Severity.HIGH,
                               "email address written with spaces to dodge filters",
                               score=0.9, start=s, end=end, suggestion=EMAIL_REMOVED)

    def _tld(self, label: str, sep: str, provider: bool) -> bool:
        """A top-level domain as people type one; after ". " (a sentence's end) only the
        common ones, not a word such as "me" or "it", unless a mail service comes first."""
        low = label.lower()
        if not (label.islower() or label.isupper()) or low not in self._tlds:
            return False
        return provider or sep[-1:] not in " \t\u00a0" or low in self._spaced_tlds

    def _obfuscated(self, text: str, taken: Spans, original: str) -> Iterator[Finding]:
        for at in _written_ats(text):
            s = self._local_start(text, at.start())
            if s is None or taken.overlaps(s, at.end()):
                continue
            # "arroba", "chiocciola": an address spelled out in another language takes any
            # top-level domain after its dot word ("sapo ponto pt")
            abroad = "at" not in original[at.start():at.end()].lower()
            labels: list[tuple[int, int]] = []
            seps: list[str] = []
            pos, worded = at.end(), False
            while len(labels) < 8:
                lab = _OBF_LABEL.match(text, pos)
                if lab is None:
                    break
                labels.append((lab.start(), lab.end()))
                dot = _OBF_DOT.match(text, lab.end()) or _PLAIN_DOT_SPACED.match(text, lab.end())
                if dot is None:
                    break
                seps.append(dot.group())
                worded = worded or "d" in dot.group().lower()
                pos = dot.end()
            provider = bool(labels) and text[labels[0][0]:labels[0][1]].lower() in self._providers
            last = max((k for k in range(1, len(labels))
                        if self._tld(text[labels[k][0]:labels[k][1]], seps[k - 1], provider)
                        or ((seps[k - 1] == "." or abroad and "dot" in seps[k - 1].lower()) and
                            text[labels[k][0]:labels[k][1]].lower() in self._tlds)), default=0)
            if not last:
                continue
            local = text[s:at.start()]
            bracketed = at.group().strip().lower() != "at"
            spaced = any(sep.strip() == "." and sep != "." for sep in seps[:last])
            if not (bracketed or worded or _ADDRESS_LIKE.search(local) or (spaced and provider)):
                continue
            domain = ".".join(text[a:b] for a, b in labels[:last + 1])
            end = labels[last][1]
            s = _extend_local(text, s)
            if taken.overlaps(s, end):
                continue
            taken.add(s, end)
            if self._allowed(domain):
                continue
            yield self.finding("PG112", Category.EMAIL, Severity.HIGH,
                               "email address written out to dodge filters", score=0.9,
                               start=s, end=end, suggestion=EMAIL_REMOVED)


def _extend_local(text: str, s: int) -> int:
    """Take in the words joined by "dot" before a local part ("sam dot jones at ...")."""
    for _ in range(4):
        m = _DOT_BEFORE.search(text, max(0, s - 48), s)
        if m is None:
            break
        s = m.start()
    return s
