"""Contact details: phone numbers, email addresses, personal social-media handles.

Cue words, trap words and the list of social sites are data (`data/contact.toml`,
`data/social_sites.toml`). Each detector starts with a cheap pre-filter (digits, "@", a site
name) so that a clean post costs a few microseconds.

Phone numbers: candidates are runs of digit groups (spaces, dots, dashes, brackets, a leading
`+` or `00`), split where a new number may begin; each is checked with libphonenumber.
A *valid* number written with `+`, `00` or a leading `0` is always reported (PG101). A merely
*possible* one (Ofcom's drama ranges, a digit missing) is reported (PG102) next to a contact
cue ("call", "mob", "WhatsApp" ...), when written with `+`/`00`, or when it has the shape of a
UK number (`0` and ten more digits). Digits without `+` or `0` need a cue. The nearest cue word
decides: "order no. 0123 4567" is a reference, not a number.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from ..model import Action, Category, Finding, Severity, Suggestion
from ..policy import Policy
from ..tomlcompat import tomllib
from .base import TextDetector


@functools.cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("postguard.data").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


def _words_pattern(words: Iterable[str]) -> str:
    alts = sorted({re.escape(w.lower()).replace(r"\ ", r"\s+") for w in words},
                  key=len, reverse=True)
    return "|".join(alts)


_PHONE_REMOVED = Suggestion(Action.REMOVE, "[phone removed]")
_EMAIL_REMOVED = Suggestion(Action.REMOVE, "[email removed]")
_HANDLE_REMOVED = Suggestion(Action.REMOVE, "[handle removed]")
_LINK_REMOVED = Suggestion(Action.REMOVE, "[link removed]")

# ---------------------------------------------------------------------------------- phone
_DIGITS = "0123456789"
_DIGIT_MAP = {base + d: ord("0") + d for base in (0xFF10, 0x0660, 0x06F0, 0x0966)
              for d in range(10)} | {0xFF0B: ord("+"), 0xFF08: ord("("), 0xFF09: ord(")")}
# A run starts at a digit (a leading "+" or "(" is added back by hand: a regex that opens
# with a character set scans about four times faster than one with optional prefixes).
_RUN = re.compile(r"[0-9][0-9 \u00a0.\-\u2010-\u2013()]*")
_GROUP = re.compile(r"[0-9]+")
_SEP_OK = re.compile(
    r"[ \u00a0]{1,2}|[.\-\u2010-\u2013]|[ \u00a0]?\([ \u00a0]?|\)[ \u00a0.\-\u2010-\u2013]?"
    r"|\)[ \u00a0]?\("
)
_DASH = r"[\-\u2010-\u2013]"
# Shapes that are dates, year ranges, time ranges or ISBNs, matched at a candidate's start.
_TRAP = re.compile(
    rf"[0-9]{{1,2}}[./\-][0-9]{{1,2}}[./\-](?:[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
    rf"|[0-9]{{4}}[./\-][0-9]{{1,2}}[./\-][0-9]{{1,2}}(?![0-9])"
    rf"|(?:19|20)[0-9]{{2}} ?{_DASH} ?(?:19|20)?[0-9]{{2}}(?![0-9])"
    rf"|[0-9]{{1,2}}[.:][0-9]{{2}} ?{_DASH} ?[0-9]{{1,2}}"
    rf"|97[89]{_DASH}?[0-9]{{1,5}}{_DASH}[0-9]+{_DASH}[0-9]+{_DASH}[0-9]\Z"
    rf"|[0-9]{{1,5}}-[0-9]+-[0-9]+-[0-9]\Z"
)
_GROUP_OF_ONE = re.compile(r"(?<![0-9])[0-9](?![0-9])")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[ \u00a0.,][0-9]{3})+")
_FR_PAIRS = re.compile(r"0[1-9](?:[ .\-][0-9]{2}){4}")
_NANP = re.compile(r"(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .\-])[2-9][0-9]{2}[ .\-][0-9]{4}")
_BAD_BEFORE = frozenset("£$€¥₹#@_\\")  # glued to a number's first digit: not a phone
_MONEY = frozenset("£$€¥₹#")  # the same one space before
# Links that carry an international number without its "+".
_WA_LINKS = ("wa.me/", "whatsapp.com/send?phone=", "whatsapp.com/send/?phone=")
_MAX_DIGITS = {"plus": 16, "00": 17, "zero": 12, "bare": 12}
_POS, _NEG = 1, -1
_ALLOWED = ("allowed", 1.0)


class _Group(NamedTuple):
    start: int
    end: int
    joined: bool  # joined to the previous group by a phone-like separator
    can_start: bool


class PhoneDetector(TextDetector):
    name = "phone"
    codes = ("PG101", "PG102")
    categories = (Category.PHONE,)
    description = "UK and international phone numbers (libphonenumber), not dates or prices"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        import phonenumbers

        self._pn: Any = phonenumbers
        words = _data("contact.toml")["phone"]
        cue = rf"(?<!\w)(?:{_words_pattern(words['cues'])})(?!\w)"
        # "order no." must end where "no." ends, so the nearer, negative reading wins.
        neg = (rf"(?<!\w)(?:{_words_pattern(words['negatives'])})"
               rf"(?:\s+(?:number|no\.?|num|#))?(?!\w)")
        # Cue words are searched in the lower-cased text (a case-insensitive alternation costs
        # several times more), or case-insensitively when lower-casing changes its length.
        self._cue_cs, self._neg_cs = re.compile(cue), re.compile(neg)
        self._cue_ci, self._neg_ci = re.compile(cue, re.I), re.compile(neg, re.I)
        self._allowed = frozenset(k for p in policy.allowlist("phones") if (k := self._key(p)))

    def _key(self, raw: str) -> str | None:
        pn = self._pn
        try:
            num = pn.parse(raw, "GB")
        except pn.NumberParseException:
            return None
        return str(pn.format_number(num, pn.PhoneNumberFormat.E164))

    # -- candidates ------------------------------------------------------------------------
    @staticmethod
    def _groups(text: str, run_start: int, run: str, first_can_start: bool) -> list[_Group]:
        out: list[_Group] = []
        prev_end = -1
        for m in _GROUP.finditer(run):
            s, e = m.start() + run_start, m.end() + run_start
            if prev_end < 0:
                out.append(_Group(s, e, False, first_can_start))
            else:
                sep = text[prev_end:s]
                joined = _SEP_OK.fullmatch(sep) is not None
                spaced = not joined or sep[-1] in " \u00a0(" or sep[0] in " \u00a0"
                out.append(_Group(s, e, joined, spaced and (not joined or text[s] == "0")))
            prev_end = e
        return out

    def detect_text(self, text: str) -> Iterable[Finding]:
        if not text.isascii():
            # Full-width and Arabic-Indic digits read as ASCII ones: one character each, so
            # every offset stays the same.
            text = text.translate(_DIGIT_MAP)
        if sum(map(text.count, _DIGITS)) < 7:
            return
        cues: _Cues | None = None  # made at the first candidate
        for run in _RUN.finditer(text):
            raw = run.group()
            if len(raw) < 7 or sum(map(raw.count, _DIGITS)) < 7:
                continue
            rs = run.start()
            while rs > 0 and text[rs - 1] in "+(" and run.start() - rs < 3:
                rs -= 1
            raw = text[rs:run.end()]
            before = text[rs - 1] if rs else " "
            # "B12 ...", "£1 250 ...", "#123 ...": the first group is no number's start, but
            # a number may still begin later in the run ("Room B12 07911 123456").
            glued = before.isalnum() or before in _BAD_BEFORE or (
                before.isspace() and rs > 1 and text[rs - 2] in _MONEY)
            groups = self._groups(text, rs, raw, not glued)
            i = 0
            while i < len(groups):
                g = groups[i]
                if not g.can_start:
                    i += 1
                    continue
                if cues is None:
                    low = text.lower()
                    cues = (_Cues(low, self._cue_cs, self._neg_cs) if len(low) == len(text)
                            else _Cues(text, self._cue_ci, self._neg_ci))
                found = self._from(text, rs, groups, i, cues)
                if found is None:
                    i += 1
                    continue
                last, finding = found
                if finding is not None:
                    yield finding
                i = last + 1

    def _from(
        self, text: str, rs: int, groups: Sequence[_Group], i: int,
        cues: _Cues,
    ) -> tuple[int, Finding | None] | None:
        """Look for a number that starts at group i; (last group used, finding or None when
        the number is allowlisted), or None when no number starts there."""
        g = groups[i]
        start = g.start
        if i == 0 or text[g.start - 1] == "(":
            start = rs if i == 0 else g.start - 1
            while start < g.start and text[start] not in "+(":
                start += 1
        lead = text[g.start:g.end]
        k = i + 1
        while len(lead) < 3 and k < len(groups) and groups[k].joined:
            lead += text[groups[k].start:groups[k].end]
            k += 1
        implied_plus = i == 0 and text.endswith(_WA_LINKS, 0, start)
        if "+" in text[start:g.start] or implied_plus:
            kind = "plus"
        elif lead[0] != "0":
            kind = "bare"
        elif lead[1:2] != "0":
            kind = "zero"
        elif lead[2:3] not in ("", "0"):
            kind = "00"
        else:
            return None
        ends: list[tuple[int, int]] = []
        digits = 0
        for j in range(i, min(i + 18, len(groups))):
            c = groups[j]
            if j > i and not c.joined:
                break
            digits += c.end - c.start
            if digits > _MAX_DIGITS[kind]:
                break
            if digits >= 7:
                ends.append((j, digits))
        attempts = 0
        for j, ndigits in reversed(ends):
            end = groups[j].end
            cand = text[start:end]
            if _TRAP.match(cand, 1 if cand[0] in "+(" else 0) or attempts >= 3:
                continue
            after = text[end] if end < len(text) else " "
            if after.isalnum() or after in "%£$€":
                continue
            if cand[0] == "(" and ")" not in cand:
                start, cand = start + 1, cand[1:]
            attempts += 1
            verdict = self._judge("+" + cand if implied_plus else cand, kind, ndigits, start,
                                  end, cues)
            if verdict is None:
                continue
            if verdict[0] == "allowed":
                return j, None
            code, score = verdict
            message = ("phone number" if code == "PG101"
                       else "possible phone number (digits laid out like a phone number)")
            return j, self.finding(code, Category.PHONE, Severity.HIGH, message, score=score,
                                   start=start, end=end, suggestion=_PHONE_REMOVED)
        return None

    def _judge(
        self, cand: str, kind: str, ndigits: int, start: int, end: int,
        cues: _Cues,
    ) -> tuple[str, float] | None:
        facts = _number_facts(cand, kind)
        if facts is None:
            return None
        e164, valid, possible, foreign_e164 = facts
        if e164 in self._allowed or foreign_e164 in self._allowed:
            return _ALLOWED
        if foreign_e164:
            return "PG101", 0.9
        if kind == "bare" and (_THOUSANDS.fullmatch(cand) or not _bare_shape(cand)):
            return None
        if valid and kind != "bare":
            # A reference word wins only over an unspaced run ("UPN 01234567890"): a number
            # laid out like a phone ("Order line 0207 183 8750") stays a phone.
            if not cand.isdigit() or cues.polarity(start, end) != _NEG:
                return "PG101", 0.99
            return None
        if not possible or (not valid and _GROUP_OF_ONE.findall(cand)[1:]):
            # a possible number is laid out like one: not "0 1 2 3 4 5 6 7 8 9 10"
            return None
        cue = cues.polarity(start, end)
        if cue == _NEG:
            return None
        if cue == _POS:
            return ("PG101", 0.9) if valid else ("PG102", 0.8)
        if kind in ("plus", "00") or (kind == "zero" and ndigits == 11):
            return "PG102", 0.7
        return None


def _bare_shape(cand: str) -> bool:
    """Digits without + or 0 are a phone number only in phone-like groups (3-4 digits, at
    most one short group), not "3 12 19 27 33" (lottery numbers, scores)."""
    sizes = [len(g) for g in _GROUP.findall(cand)]
    if len(sizes) == 1:
        return True
    short = sum(n < 3 for n in sizes)
    return min(sizes) >= 2 and short <= (1 if len(sizes) > 2 else 0)


@functools.lru_cache(maxsize=4096)
def _number_facts(cand: str, kind: str) -> tuple[str, bool, bool, str] | None:
    """What libphonenumber says of a candidate (E.164 as a UK number, valid, possible, and
    the E.164 of a valid French/North American reading, or ""). Cached: parsing costs
    ~50 us and the same numbers (an organisation's own line) recur from post to post."""
    import phonenumbers as pn

    try:
        num = pn.parse(cand, "GB")
    except pn.NumberParseException:
        return None
    valid = bool(pn.is_valid_number(num))
    foreign = ""
    if not valid and (kind == "zero" and _FR_PAIRS.fullmatch(cand)
                      or kind == "bare" and _NANP.fullmatch(cand)):
        other = pn.parse(cand, "FR" if kind == "zero" else "US")
        if pn.is_valid_number(other):
            foreign = str(pn.format_number(other, pn.PhoneNumberFormat.E164))
    return (str(pn.format_number(num, pn.PhoneNumberFormat.E164)), valid,
            bool(pn.is_possible_number(num)), foreign)


@dataclass(frozen=True, slots=True)
class _Cues:
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
        for pol, rx in ((_POS, self.positive), (_NEG, self.negative)):
            for m in rx.finditer(self.text, lo, start):
                key = (m.end(), pol == _NEG)
                if best is None or key > (best[0], best[1] == _NEG):
                    best = (m.end(), pol)
        if best is not None:
            return best[1]
        if self.positive.search(self.text, end, end + 25):
            return _POS
        return 0


class _Spans:
    """Sorted, disjoint spans already claimed, with a bisect overlap test."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


# ---------------------------------------------------------------------------------- email
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
        words = _data("contact.toml")["email"]
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
        taken = _Spans()
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
                                       suggestion=_EMAIL_REMOVED)
        if _obfuscation_hint(text):
            yield from self._obfuscated(text, taken)

    def _obfuscated(self, text: str, taken: _Spans) -> Iterator[Finding]:
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
                               start=s, end=end, suggestion=_EMAIL_REMOVED)


# ------------------------------------------------------------------------- social handles
_HANDLE = re.compile(
    r"(?<![\w@.+\-/\\])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.\w)"
)
_TIMEISH = re.compile(r"[0-9]{1,2}(?:[:.][0-9]{2})?(?:am|pm|h|hrs)?|[0-9]+|[A-Za-z]\d?",
                      re.IGNORECASE)
_DOMAINISH = re.compile(r".+\.(?:com|co|uk|org|net|io|me|edu|gov)", re.IGNORECASE)
_USER = re.compile(r"[A-Za-z0-9_.\-]{1,60}")
_QUERY = re.compile(r"[?#]")
_LINK_HEAD = (r"(?<![\w.\-@/])(?:https?://)?(?:(?:www|m|mobile|vm|uk)\.)?({domains})/"
              r"([^\s<>\"'()\[\]{{}}|]{{1,200}})")


@dataclass(frozen=True, slots=True)
class _Site:
    name: str
    paths: tuple[tuple[str, ...], ...]
    reserved: frozenset[str]


class SocialHandleDetector(TextDetector):
    name = "social_handle"
    codes = ("PG121", "PG122")
    categories = (Category.SOCIAL_HANDLE,)
    description = "personal social-media handles and profile links, not the organisation's"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._own = frozenset(h.lower().strip().lstrip("@") for h in policy.allowlist("handles"))
        self._own_links = tuple(
            w.lower().strip().removeprefix("https://").removeprefix("http://")
            .removeprefix("www.").rstrip("/")
            for w in policy.allowlist("websites"))
        words = _data("contact.toml")["handle"]
        self._at_words = frozenset(words["at_words"])
        self._not_user = frozenset(words["not_usernames"])
        self._sites: dict[str, _Site] = {}
        for site in _data("social_sites.toml")["site"]:
            info = _Site(site["name"], tuple(tuple(p.split("/")) for p in site["paths"]),
                         frozenset(r.lower() for r in site["reserved"]))
            for d in site["domains"]:
                self._sites[d.lower()] = info
        domains = "|".join(re.escape(d) for d in sorted(self._sites, key=len, reverse=True))
        self._link = re.compile(_LINK_HEAD.format(domains=domains), re.IGNORECASE)
        self._site_paths = tuple(d + "/" for d in self._sites)
        informal = "|".join(re.escape(p).replace(r"\ ", r"\s?")
                            for p in words["informal_platforms"])
        formal = "|".join(re.escape(p) for p in words["formal_platforms"])
        # Searched in the lower-cased text: case-insensitive alternations are 4x slower.
        self._platform_hint = re.compile(rf"\b(?:{informal}|{formal})\b")
        user = r"@?([A-Za-z0-9_][A-Za-z0-9_.]{1,29})(?![\w@])"
        self._cue_forms = (
            # "snap: jo_b", "ig - jobloggs"
            (re.compile(rf"\b(?:{informal})\s?(?:name|id|username)?\s?[:=\-]\s{{0,2}}{user}",
                        re.IGNORECASE), False),
            # "Instagram: jo_b_2009" (a username that looks like one)
            (re.compile(rf"\b(?:{formal})\s?(?:name|username|handle)?\s?[:=\-]\s{{0,2}}{user}",
                        re.IGNORECASE), True),
            # "my insta is jobloggs", "her snapchat name is ..."
            (re.compile(rf"\b(?:my|his|her|their|your)\s+(?:{informal}|{formal})"
                        rf"(?:\s+(?:name|id|username|handle|account))?\s+(?:is|=|:)\s+{user}",
                        re.IGNORECASE), False),
            # "add me on snap jobloggs"
            (re.compile(rf"\b(?:add|follow|find|message|dm|msg)\s+(?:me|him|her|them)\s+on\s+"
                        rf"(?:{informal}|{formal})\s?[:\-]?\s{{0,2}}{user}", re.IGNORECASE),
             False),
        )

    def detect_text(self, text: str) -> Iterable[Finding]:
        taken = _Spans()
        low = text.lower()
        if "/" in text and any(d in low for d in self._site_paths):
            for m in self._link.finditer(text):
                found = self._profile(m)
                if found is None:
                    continue
                user, end = found
                taken.add(m.start(), end)
                link = text[m.start():end].lower().split("://")[-1].removeprefix("www.")
                if user.lower().lstrip("@") in self._own or any(
                    "/" in w and link.startswith(w) for w in self._own_links
                ):
                    continue
                yield self.finding("PG122", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "link to a personal social-media profile", score=0.9,
                                   start=m.start(), end=end, suggestion=_LINK_REMOVED)
        if "@" in text:
            for m in _HANDLE.finditer(text):
                name = m.group(1)
                low = name.lower()
                if (low in self._own or low in self._at_words or _TIMEISH.fullmatch(name)
                        or _DOMAINISH.fullmatch(name)
                        or taken.overlaps(m.start(), m.end())):
                    continue
                taken.add(m.start(), m.end())
                yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "personal social-media handle", score=0.85,
                                   start=m.start(), end=m.end(), suggestion=_HANDLE_REMOVED)
        if self._platform_hint.search(low):
            yield from self._cued(text, taken)

    def _cued(self, text: str, taken: _Spans) -> Iterator[Finding]:
        for pattern, needs_shape in self._cue_forms:
            for m in pattern.finditer(text):
                name = m.group(1).rstrip(".")
                s = m.start(1)
                e = s + len(name) + (1 if text[s] == "@" else 0)
                if text[s] == "@":
                    name = name.lstrip("@")
                low = name.lower()
                if (len(name) < 3 or low in self._not_user or low in self._own
                        or taken.overlaps(s, e)
                        or (needs_shape and not any(c in name for c in "_.0123456789"))):
                    continue
                taken.add(s, e)
                yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "personal social-media username given after a platform name",
                                   score=0.8, start=s, end=e, suggestion=_HANDLE_REMOVED)

    def _profile(self, m: re.Match[str]) -> tuple[str, int] | None:
        """The username and the end of a profile link, or None for other pages (posts,
        search, help ...)."""
        site = self._sites[m.group(1).lower()]
        segments: list[tuple[int, str, str]] = []
        pos = m.start(2)
        for seg in m.group(2).split("/"):
            segments.append((pos, _QUERY.split(seg, 1)[0], seg))
            pos += len(seg) + 1
        for shape in site.paths:
            if len(segments) < len(shape):
                continue
            for k, want in enumerate(shape):
                at, clean, whole = segments[k]
                if want in ("{user}", "@{user}"):
                    has_at = want.startswith("@")
                    if has_at != clean.startswith("@"):
                        break
                    u = _USER.match(clean, 1 if has_at else 0)
                    user = u.group().rstrip(".-") if u else ""
                    if not user or (k == 0 and not has_at and user.lower() in site.reserved):
                        break
                    return user, at + (1 if has_at else 0) + len(user)
                if clean.lower() != want.lower():
                    break
                if k == len(shape) - 1:  # a literal profile page such as profile.php?id=...
                    return clean, at + len(whole.rstrip(".,;:!?"))
        return None
