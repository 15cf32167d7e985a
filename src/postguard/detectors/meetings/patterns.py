"""Finding video-conference links, meeting ids and passcodes in a text.

The link forms, id and passcode wordings come from `data/meetings.toml`. `scan(text)` returns
`Match`es with character spans; it knows nothing about the post (audience), which the
detector adds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...datafiles import load_toml
from ...lazy_patterns import lazy_compile
from ...scans import fold_ascii, gated_finditer, gated_search
from ...spans import SpanIndex

LINK, MEETING_ID, PASSCODE = "link", "meeting_id", "passcode"
# The meeting-id and passcode words of the students' languages, for the quick gate before the
# scan (searched in the lower-cased text): those written in ASCII at a word's start, and the
# others (CJK words have no \b before them inside a run of text: 腾讯会议号), looked for only in
# a text that is not ASCII.
_OTHER_LANGUAGE_CUES = (
    "reuni|riunione|spotkani|toplant|kenn|contrase|clave|senha|haslo|sifre|parola|zoom|zugang")
_OTHER_SCRIPT_CUES = (
    "会议|会議|ミーティング|회의|الاجتماع|密码|密碼|パス|비밀번호|암호|كلمة|رمز|şifre|código|hasło"
    "|réunion|reunión|reunião|toplantı|erişim|参加|참가")


@dataclass(frozen=True)
class Match:
    kind: str  # LINK, MEETING_ID or PASSCODE
    start: int
    end: int
    provider: str | None = None  # links only
    has_passcode: bool = False  # a link with its passcode inside ("?pwd=")


@dataclass(frozen=True)
class _Provider:
    name: str
    link: re.Pattern[str]
    passcode: re.Pattern[str] | None


class Patterns:
    """The compiled patterns of `data/meetings.toml`."""

    def __init__(self) -> None:
        data = load_toml("meetings.toml")
        self.providers = tuple(
            _Provider(
                p["name"],
                lazy_compile(r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?:" + p["hosts"] + r")/(?:"
                           + p["path"] + r")[\w.~?=&%/#:@,+-]*", re.IGNORECASE),
                lazy_compile(p["passcode_in_link"], re.IGNORECASE)
                if p.get("passcode_in_link") else None,
            )
            for p in data["provider"]
        )
        mid = data["meeting_id"]
        value = r"(?P<value>" + mid["digits"] + r"|" + mid["meet_code"] + r")(?![\w-])"
        self.meeting_id = lazy_compile(
            r"\b(?:" + "|".join(mid["wordings"]) + r")\b(?:\s*(?:\(\w+(?:\s\w+)?\))?"
            r"\s*(?:[:#=\uff1a-]|is|number|no\.?)?\s*)" + value, re.IGNORECASE)
        pc = data["passcode"]
        code = r"(?P<value>" + pc["value"] + r")"
        self.passcode = lazy_compile(
            r"(?:\b(?:" + "|".join(pc["wordings"]) + r")\b\s*(?P<sep>[:=#\uff1a-]|is)?\s*"
            r"|[?&]pwd=)" + code, re.IGNORECASE)
        # A code right after its word with no colon ("passcode Lark42", "Passwort Eule25")
        # must look like a code (`_looks_like_code`): "passcode will be emailed" is a sentence.
        self.weak_passcode = re.compile(
            r"\b(?:" + "|".join(pc["weak_wordings"]) + r")\b\s*(?:[:=#\uff1a-]|is)?\s*" + code,
            re.IGNORECASE)
        self.not_after = re.compile(
            r"(?<!\w)(?:" + "|".join(pc["not_after"]) + r")[\s\-]*\Z", re.IGNORECASE)
        self.context = lazy_compile(r"\b(?:" + "|".join(data["context"]["words"]) + r")\b",
                                  re.IGNORECASE)
        self.public_audiences = frozenset(a.lower() for a in data["audience"]["public"])
        # A text with neither a link (a host, then "/") nor one of these words (in its
        # lower-cased form: a case-insensitive alternation is twice as slow) has nothing to
        # find.
        self.prefilter = re.compile(
            # "[ck]od": code, codice, codigo, kod; "num": number, nummer, numer; "pass":
            # password, passcode, Passwort, mot de passe
            r"\b(?:id|[ck]od|num|pass|pwd|pin|no\b|" + _OTHER_LANGUAGE_CUES + ")")
        self.prefilter_other = lazy_compile(_OTHER_SCRIPT_CUES)
        # Every link holds one of the hosts and a "/": one search of the text for any of them
        # (only where there is a "/": the hosts' pattern is slow to scan) spares a scan per
        # provider where there is none (nearly every text). Only whether there is one
        # matters, so a host's optional leading part ("(?:[a-z0-9-]+\.)?", which retries at
        # every letter of every word) is left out: a host with it holds one without it.
        cores = "|".join(core for p in data["provider"] for core in _host_cores(p["hosts"]))
        self.any_host = re.compile(r"(?:" + cores + r")/", re.IGNORECASE)
        # the same, case-sensitive, for the lower-cased text (several times faster to scan):
        # only when every host is written in lower case (see `has_host`)
        self.any_host_low = re.compile(r"(?:" + cores + r")/") if cores == cores.lower() \
            else None

    def has_host(self, text: str) -> bool:
        """`any_host` finds a host in `text`, by the faster search where it gives the same."""
        if self.any_host_low is None:
            return self.any_host.search(text) is not None
        return self.any_host_low.search(fold_ascii(text)) is not None


def _syntax(rx: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character of the regex source `rx`
    outside escapes and character classes ("]" first in a class is literal)."""
    depth, i = 0, 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = rx.index("]", i + 2 if rx[i + 1:i + 2] in ("]", "^") else i + 1) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        yield i, c, depth
        i += 1


def _host_cores(hosts: str) -> list[str]:
    """Each top-level alternative of a host regex, without an optional group at its start
    ("(?:[a-z0-9-]+\\.)?zoom\\.us" -> "zoom\\.us"): whether a text holds the host is the same."""
    alts: list[str] = []
    start = 0
    for i, c, depth in _syntax(hosts):
        if c == "|" and depth == 0:
            alts.append(hosts[start:i])
            start = i + 1
    alts.append(hosts[start:])
    return [_without_optional_head(a) for a in alts]


def _without_optional_head(alt: str) -> str:
    if not alt.startswith("(?:"):
        return alt
    for i, c, depth in _syntax(alt):
        if c == ")" and depth == 0:
            rest = alt[i + 1:]
            # "(?:...)?" followed by more: the rest alone; "(?:a|b)" or "(?:...)?" alone:
            # unchanged
            if rest.startswith("?") and not rest.startswith("??") and rest[1:] \
                    and rest[1] not in "*+?{":
                return rest[1:]
            return alt
    return alt


@functools.cache
def patterns() -> Patterns:
    return Patterns()


def _digits_ok(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return not digits or 9 <= digits <= 12


def scan(text: str) -> list[Match]:
    """Links, meeting ids and passcodes in `text`, in order of position."""
    pats = patterns()
    hosted = "/" in text and pats.has_host(text)
    low = text.lower()
    if not text or not (hosted or pats.prefilter.search(low) or (
            not text.isascii() and pats.prefilter_other.search(low))):
        return []
    out: list[Match] = []
    for prov in pats.providers if hosted else ():
        for m in gated_finditer(prov.link, text):
            link = m.group(0).rstrip(".,;:!?)")
            with_code = bool(prov.passcode and prov.passcode.search(link))
            out.append(Match(LINK, m.start(), m.start() + len(link), prov.name, with_code))
    links = SpanIndex((m.start, m.end) for m in out)  # a long post has many links

    def inside_link(s: int) -> bool:
        return links.overlaps(s, s + 1)  # some link has a <= s < b

    for m in gated_finditer(pats.meeting_id, text):
        if _digits_ok(m.group("value")) and not inside_link(m.start()):
            out.append(Match(MEETING_ID, m.start(), m.end()))
    codes = [m for m in gated_finditer(pats.passcode, text) if not inside_link(m.start())
             and (m.group("sep") or "pwd=" in m.group(0).lower()
                  or _looks_like_code(m.group("value")))]
    if out or gated_search(pats.context, text):
        codes += [m for m in gated_finditer(pats.weak_passcode, text)
                  if not inside_link(m.start()) and _looks_like_code(m.group("value"))
                  and not pats.not_after.search(text, max(0, m.start() - 24), m.start())]
    seen: set[tuple[int, int]] = set()
    for m in codes:
        if (m.start(), m.end()) in seen:
            continue
        seen.add((m.start(), m.end()))
        out.append(Match(PASSCODE, m.start(), m.end()))
    return _drop_nested(sorted(out, key=lambda m: (m.start, -m.end)))


def _looks_like_code(value: str) -> bool:
    """A weak wording ("password:", "code:") needs a value with a digit in it, or a mixed
    case word: "password: please ask" is a sentence, not a code."""
    return any(c.isdigit() for c in value) or (value != value.lower() and value != value.upper()
                                               and not value.istitle())


def _drop_nested(found: list[Match]) -> list[Match]:
    out: list[Match] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue  # inside (or overlapping) an earlier, longer match
        out.append(m)
    return out
