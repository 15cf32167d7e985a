"""Phone numbers, UK and international (PG101 valid, PG102 possible).

Candidates are runs of digit groups (spaces, dots, dashes, brackets, a leading `+` or `00`),
split where a new number may begin; each is checked with libphonenumber. A *valid* number
written with `+`, `00` or a leading `0` is always reported (PG101). A merely *possible* one
(Ofcom's drama ranges, a digit missing) is reported (PG102) next to a contact cue ("call",
"mob", "WhatsApp" ...), when written with `+`/`00`, or when it has the shape of a UK number
(`0` and ten more digits). Digits without `+` or `0` need a cue. The nearest cue word decides:
"order no. 0123 4567" is a reference, not a number; but a reference word with its own number
after it ("Tickets £5 - ..."), in an earlier sentence, or before a UK mobile laid out in groups
("Tickets 07700 900 581") does not govern. The letter O typed for zero inside a digit group
("07700 9OO 123") is read as 0 (same offsets). Cue and reference words are data
(`data/contact.toml`). Numbers spelled out in words or spread with wide gaps ("oh seven seven
double oh ...", "0 7 7 0 0   9 0 0") are read by `phone_words` and judged by the same rules
(`phone_verdicts`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from ...lazy_patterns import lazy_compile
from ...model import Category, Finding, Severity
from ...policy import Policy
from ...spans import SpanIndex
from ..base import TextDetector
from ._common import (
    PHONE_REMOVED,
    Spans,
    load_data,
    words_pattern,
)
from .phone_cues import NEG as _NEG
from .phone_cues import POS as _POS
from .phone_cues import Cues
from .phone_foreign_words import find_foreign_spoken, needs_foreign_word_pass
from .phone_lookalikes import read_cjk_numerals, read_lookalikes
from .phone_verdicts import PhoneVerdicts
from .phone_words import find_spoken, has_wide_gaps, needs_word_pass
from .phone_words_abroad import find_number_words, needs_number_words_pass

_DIGITS = "0123456789"
# a dash at the end of a line with a digit after it: a number wrapped onto the next line
_WRAPPED = re.compile(r"[\-\u2010-\u2013][ \u00a0]*\r?\n[ \u00a0]*[0-9]")
# kana, Han and Hangul: CJK text writes a number right after a word, with no space
_CJK_LETTER = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
_DIGIT_MAP = {base + d: ord("0") + d for base in (0xFF10, 0x0660, 0x06F0, 0x0966)
              for d in range(10)} | {0xFF0B: ord("+"), 0xFF08: ord("("), 0xFF09: ord(")"),
                                     0xFF0D: ord("-")}  # "０９０－３３１２"
# searched before translating (a scan for a class is several times cheaper than translate)
_OTHER_DIGITS = re.compile("[" + "".join(map(chr, _DIGIT_MAP)) + "]")


def _ascii_digit(m: re.Match[str]) -> str:
    """`_DIGIT_MAP` for one matched character."""
    return chr(_DIGIT_MAP[ord(m.group())])


# two Chinese numerals together: the cheap gate before reading them as digits
_CJK_NUMERAL = re.compile("[〇零一二三四五六七八九]{2}")
# A run starts at a digit (a leading "+" or "(" is added back by hand: a regex that opens
# with a character set scans about four times faster than one with optional prefixes).
_RUN = re.compile(r"[0-9][0-9 \u00a0.\-\u2010-\u2013()]*")
_GROUP = re.compile(r"[0-9]+")
_SEP_OK = re.compile(
    r"[ \u00a0]{1,2}|[.\-\u2010-\u2013]|[ \u00a0]?\([ \u00a0]?|\)[ \u00a0.\-\u2010-\u2013]?"
    r"|\)[ \u00a0]?\("
)
_DASH = r"[\-\u2010-\u2013]"
_DASHES = frozenset("-\u2010\u2011\u2012\u2013")
# Shapes that are dates, year ranges, time ranges or ISBNs, matched at a candidate's start.
_TRAP = lazy_compile(
    # (not "06.12.34.56.78": a French number in dotted pairs goes on after the "date")
    rf"[0-9]{{1,2}}[./\-][0-9]{{1,2}}[./\-](?:[0-9]{{4}}|[0-9]{{2}})(?![0-9]|[./\-][0-9])"
    rf"|[0-9]{{4}}[./\-][0-9]{{1,2}}[./\-][0-9]{{1,2}}(?![0-9])"
    rf"|(?:19|20)[0-9]{{2}} ?{_DASH} ?(?:19|20)?[0-9]{{2}}(?![0-9])"
    rf"|[0-9]{{1,2}}[.:][0-9]{{2}} ?{_DASH} ?[0-9]{{1,2}}"
    rf"|97[89]{_DASH}?[0-9]{{1,5}}{_DASH}[0-9]+{_DASH}[0-9]+{_DASH}[0-9]\Z"
    rf"|[0-9]{{1,5}}-[0-9]+-[0-9]+-[0-9]\Z"
)
# A digit group typed with the letter O for zero ("07700 9OO 123", "O7700"): the whole
# token is digits and Os, with at least one O next to a digit.
_O_HINT = re.compile(r"[0-9](?:[Oo]|(?<=[Oo][0-9]))")  # starts at a digit: a fast scan
_O_TOKEN = re.compile(r"(?<![^\W\d_])[0-9Oo]*(?:[0-9][Oo]|[Oo][0-9])[0-9Oo]*(?![^\W\d_])")
_BAD_BEFORE = frozenset("£$€¥₹#@_\\")  # glued to a number's first digit: not a phone
_MONEY = frozenset("£$€¥₹#")  # the same one space before
# Links that carry an international number without its "+".
_WA_LINKS = ("wa.me/", "whatsapp.com/send?phone=", "whatsapp.com/send/?phone=")
_MAX_DIGITS = {"plus": 16, "00": 17, "zero": 12, "bare": 12}
# single digits each apart by a space or a spaced dash ("6 1 7 - 2 3 - 4 8 - 9 0")
_SPREAD = re.compile(r"(?<![\w.,/:])[0-9](?:(?: | ?[\-\u2013] ?)[0-9]){7,11}"
                     r"(?![\w,/:]| ?[0-9]|\.[0-9])")
_NOT_DIGITS = {ord(c): None for c in " -\u2013"}
# digits, then a line break (and the spaces around it), ending where a number starts
_LINE_TAIL = re.compile(r"[0-9][ \u00a0]*\r?\n[ \u00a0]*\Z")
# "number" in the students' languages, after a reference word ("Dernek kütük numarası")
_NUMBER_WORDS = ("numarası|numarasi|numara|nummer|nr\\.?|numéro|número|numero|numer|رقم|n\\.?º"
                 "|nº|n°")
# Parses tried from one start, longest first ("+44 7911 123456 3-2 3-2" needs five).
_MAX_ATTEMPTS = 6


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
        from phonenumbers import re_util

        # phonenumbers compiles its metadata patterns through the re module's cache (512
        # patterns, shared with everything else): on a long post, full of numbers, they drop
        # out and are compiled again, hundreds of times. Where the library can keep its own
        # compiled patterns (phonenumbers 9), it does.
        keep = getattr(re_util, "enable_pattern_cache", None)
        if callable(keep):
            keep()
        self._pn: Any = phonenumbers
        words = load_data("contact.toml")["phone"]
        spaced = words["cues"] + words["cues_other_languages"]
        cue = (rf"(?<!\w)(?:{words_pattern(spaced)})(?!\w)"
               rf"|{words_pattern(words['cues_unspaced'])}")
        # "order no." must end where "no." ends, so the nearer, negative reading wins; so must
        # "charity, number" and "kütük numarası".
        neg = (rf"(?<!\w)(?:{words_pattern(words['negatives'])})"
               rf"(?:(?:,?\s+|\s*\(\s*)(?:number|no\.?|num|#|{_NUMBER_WORDS}))?(?!\w)"
               rf"|{words_pattern(words['negatives_unspaced'])}")
        # Cue words are searched in the lower-cased text (a case-insensitive alternation costs
        # several times more), or case-insensitively when lower-casing changes its length.
        self._cue_cs, self._neg_cs = lazy_compile(cue), lazy_compile(neg)
        self._cue_ci, self._neg_ci = lazy_compile(cue, re.I), lazy_compile(neg, re.I)
        self._verdicts = PhoneVerdicts(
            frozenset(k for p in policy.allowlist("phones") if (k := self._key(p))))

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
                # "£5-07700 900 581", "18:00-07700 900 581": a number may start after a
                # dash when its group opens with 0 (tried only when the run's start fails)
                dashed = sep in _DASHES and text[s] == "0" and e - s >= 3
                out.append(_Group(s, e, joined,
                                  dashed or (spaced and (not joined or text[s] == "0"))))
            prev_end = e
        return out

    def detect_text(self, text: str) -> Iterable[Finding]:
        if not text.isascii() and _OTHER_DIGITS.search(text):
            # Full-width and Arabic-Indic digits read as ASCII ones: one character each, so
            # every offset stays the same.
            # (only where they are: translate reads every character, 6x slower on 1 MB)
            text = _OTHER_DIGITS.sub(_ascii_digit, text)
        if not text.isascii() and _CJK_NUMERAL.search(text):
            text = read_cjk_numerals(text) or text
        ndigits = sum(map(text.count, _DIGITS))
        low = text.lower()
        digit_text = text
        if ndigits >= 6 and "o" in low and _O_HINT.search(text):  # at most five Os typed
            digit_text = _O_TOKEN.sub(lambda m: m.group().replace("O", "0").replace("o", "0"),
                                      text)
            ndigits = sum(map(digit_text.count, _DIGITS))
        spoken = needs_word_pass(low, ndigits) or has_wide_gaps(text, ndigits)
        # the number words of the groups' pass hold every digit word (test_phone_words_abroad):
        # one split of the text tells most posts that neither pass is needed
        grouped = len(low) == len(text) and needs_number_words_pass(low)
        abroad = grouped and needs_foreign_word_pass(low)
        if ndigits < 7 and not spoken and not abroad and not grouped:
            return
        cues = Cues(low, self._cue_cs, self._neg_cs) if len(low) == len(text) else \
            Cues(text, self._cue_ci, self._neg_ci)
        found = list(self._digit_numbers(digit_text, cues)) if ndigits >= 7 else []
        found = self._lookalike_numbers(digit_text, cues, found)
        claimed = Spans()
        for f in found:
            # digits at the start of a line after a line that ends in digits may be the rest
            # of one number broken across the line ("0176\n4421 9036"): the spoken pass may
            # read the whole and replace them
            if not (spoken and _LINE_TAIL.search(text, max(0, (f.start or 0) - 12),
                                                  f.start or 0)):
                claimed.add(f.start or 0, f.end or 0)
        if spoken:
            def judge(cand: str, kind: str, n: int, start: int, end: int
                      ) -> tuple[str, float] | None:
                return self._verdicts.judge(cand, kind, n, start, end, cues)

            read = list(find_spoken(text, judge, claimed))
            found = [f for f in found if not any(
                s <= (f.start or 0) and (f.end or 0) <= e for _, _, s, e in read)]
            for f in found:
                claimed.add(f.start or 0, f.end or 0)
        yield from found
        # digit by digit ("seis uno dos, cuatro ocho siete, tres cero nueve"), then in groups
        # ("cuarenta y dos", "soixante-dix", "trzysta czterdzieści")
        readers = [find for find, wanted in ((find_foreign_spoken, abroad),
                                             (find_number_words, grouped)) if wanted]
        for read_out in readers:
            for code, score, start, end in read_out(low, functools.partial(
                    self._verdicts.judge_read_out, cues=cues)):
                if not claimed.overlaps(start, end):
                    claimed.add(start, end)
                    yield self.finding(code, Category.PHONE, Severity.HIGH,
                                       "phone number, read out in words", score=score,
                                       start=start, end=end, suggestion=PHONE_REMOVED)
        if ndigits >= 8 and not text.isdigit():
            # "6 1 7 - 2 3 - 4 8 - 9 0": a student's country's number typed one digit at a
            # time, next to a cue
            for m in _SPREAD.finditer(text):
                digits = m.group().translate(_NOT_DIGITS)
                if digits[0] == "0" or len(set(digits)) < 4 or claimed.overlaps(*m.span()):
                    continue  # a 0 number spread out is phone_words'; no register of 0s and 1s
                verdict = self._verdicts.judge_read_out(digits, m.start(), m.end(), cues)
                if verdict is not None and verdict[0] != "allowed":
                    claimed.add(*m.span())
                    yield self.finding(verdict[0], Category.PHONE, Severity.HIGH,
                                       "phone number, spelled out or spaced apart",
                                       score=verdict[1], start=m.start(), end=m.end(),
                                       suggestion=PHONE_REMOVED)
        if spoken:
            for code, score, start, end in read:
                message = ("phone number" if code == "PG101" else
                           "possible phone number (digits laid out like a phone number)")
                yield self.finding(code, Category.PHONE, Severity.HIGH,
                                   message + ", spelled out or spaced apart", score=score,
                                   start=start, end=end, suggestion=PHONE_REMOVED)

    def _lookalike_numbers(self, text: str, cues: Cues, found: list[Finding]
                           ) -> list[Finding]:
        """`found` with the numbers that have letters typed for digits ("O7911 I23456"),
        next to a contact cue, added; one read this way replaces the shorter numbers it holds
        ("O7700 9OO l23" is one number, not "O7700 9OO" and a word)."""
        read = read_lookalikes(text)
        if read is None:
            return found
        digits, tokens = read
        typed = SpanIndex(tokens)
        out = list(found)
        for f in self._digit_numbers(digits, cues):
            s, e = f.start or 0, f.end or 0
            if not typed.overlaps(s, e) or cues.polarity(s, e) != _POS:
                continue
            inside = [g for g in out if (g.start or 0) < e and (g.end or 0) > s]
            if any((g.start or 0) < s or (g.end or 0) > e or (g.start, g.end) == (s, e)
                   for g in inside):
                continue
            out = [g for g in out if g not in inside]
            out.append(dataclasses.replace(f, message=f.message + ", letters typed for digits"))
        out.sort(key=lambda g: g.start or 0)
        return out

    def _digit_numbers(self, text: str, cues: Cues) -> Iterator[Finding]:
        """Numbers written in digit groups."""
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
            # "FSM-2025-001234": digits without a leading 0 hyphenated onto a word or code
            # are a reference ("Tel-07911 123456" stays a number).
            # a CJK word is written without a space before a number ("番号は090-..."):
            # no glue
            glued = (before.isalnum() and not _CJK_LETTER.match(before)) or \
                before in _BAD_BEFORE or (
                before.isspace() and rs > 1 and text[rs - 2] in _MONEY) or (
                before == "-" and rs > 1 and text[rs - 2].isalnum() and raw[0] not in "0+(")
            groups = self._groups(text, rs, raw, not glued)
            i = 0
            while i < len(groups):
                g = groups[i]
                if not g.can_start:
                    i += 1
                    continue
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
        cues: Cues,
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
            # a date or a range is never written after a "+" ("+81-90-1234-5678")
            if (cand[0] != "+" and _TRAP.match(cand, 1 if cand[0] == "(" else 0)
                    or attempts >= _MAX_ATTEMPTS):
                continue
            after = text[end] if end < len(text) else " "
            # "2874561930@qq.com" is an email's local part, "123456_b" a name
            if (after.isalnum() and not _CJK_LETTER.match(after)) or after in "%£$€@_":
                continue
            if _WRAPPED.match(text, end):
                continue  # "07700 900-\n184": the rest is on the next line (phone_words)
            if cand[0] == "(" and ")" not in cand:
                start, cand = start + 1, cand[1:]
            attempts += 1
            # letter O typed for zero ("07700 9OO 123"): a dodge, unless a reference word
            # says it is a code ("Order 0O7 1234 5678")
            dodged = "o" in cues.text[start:end] or "O" in cues.text[start:end]
            if dodged and cues.polarity(start, end) == _NEG:
                continue
            verdict = self._verdicts.judge("+" + cand if implied_plus else cand, kind, ndigits,
                                           start, end, cues)
            if verdict is None:
                continue
            if verdict[0] == "allowed":
                return j, None
            code, score = verdict
            message = ("phone number" if code == "PG101"
                       else "possible phone number (digits laid out like a phone number)")
            if dodged:
                message += ", letter O typed for zero"
            return j, self.finding(code, Category.PHONE, Severity.HIGH, message, score=score,
                                   start=start, end=end, suggestion=PHONE_REMOVED)
        return None
