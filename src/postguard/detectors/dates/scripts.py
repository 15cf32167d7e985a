"""Full dates of birth in Chinese, Japanese, Korean and Arabic.

Layouts: year, month and day characters ("2014年5月3日", "2014年5月3号", "2014년 3월 15일"),
with a Japanese era year ("平成24年3月7日") or Chinese numerals ("二〇一二年五月十四日"),
numbers with slashes, dots or dashes ("2014/5/3", "12/05/2014", Korean "2011. 11. 30."), and
Arabic month names ("12 مايو 2014"), and Hijri dates ("15 رجب 1433هـ"). A date counts when
a birth cue of those languages
("出生日期", "生日", "誕生日", "생년월일", "تاريخ الميلاد") stands in the same sentence, just
before or after it, or the Korean 생 is written right after it ("2012년 3월 15일생"), and no
adult's title ("老师", "선생님", "الأستاذ") stands before the cue. A date without a cue
("2025年9月1日开学": the first day of term) is no finding. Digits of any script are read as
ASCII by the caller first. Words: `data/scripts.toml` [dates].
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...datafiles import load_toml
from ...scans import not_after

# Each date pattern's leading look-behind is checked by `not_after` (with the one-character
# pattern beside it): the scan then skips to the first digits, not trying every position.
_DIGIT = re.compile(r"\d")
_DIGIT_OR_SEP = re.compile(r"[\d/.\-]")
_DIGIT_OR_DOT = re.compile(r"[\d.]")
_CJK_DATE = re.compile(  # (?<!\d)
    r"((?:19|20)\d{2})[ \t]*[年년][ \t]*(\d{1,2})[ \t]*[月월][ \t]*(\d{1,2})[ \t]*"
    r"[日号號일]")
_YMD = re.compile(r"((?:19|20)\d{2})[/.\-](\d{1,2})[/.\-](\d{1,2})(?![\d/.\-])")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-]((?:19|20)\d{2})(?![\d/.\-])")
_YMD_SPACED = re.compile(r"((?:19|20)\d{2})\.[ \t](\d{1,2})\.[ \t](\d{1,2})\.?(?!\d)")
_CJK_NUMERALS = "〇零一二三四五六七八九"
_CJK_NUMERAL = re.compile(f"[{_CJK_NUMERALS}]")
_CJK_NUMERAL_DATE = re.compile(  # (?<![numerals])
    rf"([{_CJK_NUMERALS}]{{4}})年([一二三十]?十?[一二三四五六七八九十])月"
    rf"([一二三]?十?[一二三四五六七八九十])[日号號]")
_SPACES = re.compile(r"[ \t]*")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?:\s|$)")
_BEFORE = 30
_AFTER = 20
_HISTORY = 100
_DOC_YEARS = (11, 19)


@dataclass(frozen=True)
class ScriptDateWords:
    heads: frozenset[str]  # the first character of every cue: a post without one has no cue
    cue: re.Pattern[str]
    suffixes: tuple[str, ...]
    not_suffixes: tuple[str, ...]
    era_date: re.Pattern[str]
    eras: dict[str, int]
    adult: re.Pattern[str]
    arabic_date: re.Pattern[str]
    arabic_months: dict[str, int]
    hijri_date: re.Pattern[str]
    hijri_months: dict[str, int]


@functools.cache
def script_date_words() -> ScriptDateWords:
    sec = load_toml("scripts.toml")["dates"]
    months = {str(name): int(n) for name, n in sec["arabic_months"]}
    alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    eras = {str(name): int(base) for name, base in sec["eras"]}
    hijri = {str(name): int(n) for name, n in sec["hijri_months"]}
    hijri_alt = "|".join(re.escape(m) for m in sorted(hijri, key=len, reverse=True))
    era_alt = "|".join(map(re.escape, eras))
    return ScriptDateWords(
        heads=frozenset(c[0] for c in [*sec["birth_cues"], *sec["birth_suffixes"]]),
        suffixes=tuple(sec["birth_suffixes"]),
        not_suffixes=tuple(sec["not_birth_suffixes"]),
        era_date=re.compile(rf"({era_alt})[ \t]*(\d{{1,2}}|元)[ \t]*年[ \t]*(\d{{1,2}})[ \t]*月"
                            rf"[ \t]*(\d{{1,2}})[ \t]*日"),
        eras=eras,
        cue=re.compile("|".join(re.escape(c) for c in
                                sorted(sec["birth_cues"], key=len, reverse=True))),
        adult=re.compile("|".join(re.escape(c) for c in sec["adult_titles"])),
        arabic_date=re.compile(rf"(\d{{1,2}})[ \t]+({alt})[ \t]+((?:19|20)\d{{2}})(?!\d)"),
        arabic_months=months,
        hijri_date=re.compile(rf"(?<!\d)(\d{{1,2}})[ \t]+({hijri_alt})[ \t]+(1[34]\d{{2}})"
                              r"(?!\d)(?:[ \t]*هـ|[ \t]*ه(?![\u0600-\u06ff]))?"),
        hijri_months=hijri,
    )


def _valid(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    this_year = datetime.date.today().year
    return this_year - _HISTORY <= y <= this_year


def _dates(text: str, w: ScriptDateWords) -> Iterator[tuple[int, int, int]]:
    """(start, end, year) of every valid date."""
    for m in not_after(_CJK_DATE, text, _DIGIT):
        if _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            yield *m.span(), int(m.group(1))
    for m in not_after(_YMD, text, _DIGIT_OR_SEP):
        if _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            yield *m.span(), int(m.group(1))
    for m in not_after(_DMY, text, _DIGIT_OR_SEP):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, b, a) or _valid(y, a, b):
            yield *m.span(), y
    for m in not_after(_YMD_SPACED, text, _DIGIT_OR_DOT):
        if _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            yield *m.span(), int(m.group(1))
    for m in w.era_date.finditer(text):
        n = 1 if m.group(2) == "元" else int(m.group(2))
        if _valid(w.eras[m.group(1)] + n, int(m.group(3)), int(m.group(4))):
            yield *m.span(), w.eras[m.group(1)] + n
    for m in not_after(_CJK_NUMERAL_DATE, text, _CJK_NUMERAL):
        y = int("".join(str(max(0, _CJK_NUMERALS.index(c) - 1)) for c in m.group(1)))
        if _valid(y, _cjk_number(m.group(2)), _cjk_number(m.group(3))):
            yield *m.span(), y
    for m in not_after(w.arabic_date, text, _DIGIT):
        if _valid(int(m.group(3)), w.arabic_months[m.group(2)], int(m.group(1))):
            yield *m.span(), int(m.group(3))
    for m in w.hijri_date.finditer(text):
        year = _hijri_to_gregorian_year(int(m.group(3)))
        if 1 <= int(m.group(1)) <= 30 and _valid(year, 1, 1):
            yield *m.span(), year


def _hijri_to_gregorian_year(year: int) -> int:
    """The Gregorian year in which most of a Hijri year falls (1433 -> 2012; within a year,
    which is all the caller's questions need)."""
    return round(year * 0.970229 + 621.5643)


def _cjk_number(raw: str) -> int:
    """一 .. 九, 十, 十四, 二十, 二十三, 三十一 as a number (0 when it is none)."""
    digits = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
    if "十" not in raw:
        return digits.get(raw, 0) if len(raw) == 1 else 0
    tens, _, ones = raw.partition("十")
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def _suffix_after(text: str, end: int, w: ScriptDateWords) -> bool:
    """生 written right after the date ("15일생", "30. 생)")."""
    pos = _SPACES.match(text, end)
    at = pos.end() if pos else end
    return text.startswith(w.suffixes, at) and not text.startswith(w.not_suffixes, at)


@functools.cache
def _document_cue() -> re.Pattern[str]:
    return re.compile("|".join(load_toml("dates.toml")["cues"]["document"]), re.IGNORECASE)


def document_dated(text: str, lo: int, hi: int, years_ago: int) -> bool:
    """An identity document is named in text[lo:hi] and the date is 11 to 19 years old:
    a pupil's date of birth (a passport is valid ten years at most, so its date of issue is
    younger)."""
    return _DOC_YEARS[0] <= years_ago <= _DOC_YEARS[1] and \
        _document_cue().search(text, lo, hi) is not None


def script_birth_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of the full dates of birth written in a script other than Latin; `text`
    has ASCII digits."""
    w = script_date_words()
    out: list[tuple[int, int]] = []
    if w.heads.isdisjoint(text) and _document_cue().search(text) is None:
        return out
    this_year = datetime.date.today().year
    for s, e, year in _dates(text, w):
        lo = max(0, s - _BEFORE)
        for end in _SENTENCE_END.finditer(text, lo, s):
            lo = end.end()
        hi_end = _SENTENCE_END.search(text, e, min(len(text), e + _AFTER))
        hi = hi_end.start() if hi_end else min(len(text), e + _AFTER)
        if _suffix_after(text, e, w):
            if not w.adult.search(text, max(0, s - _BEFORE), s):  # "정 선생님 생신 ... 1978년"
                out.append((s, e))
            continue
        cue = w.cue.search(text, lo, s) or w.cue.search(text, e, hi)
        if cue is None:
            # a child's date on an identity document ("passport says 2011년 12월 2일"): too
            # old to be a valid passport's date of issue, young enough to be a pupil's birth
            if document_dated(text, lo, hi, this_year - year):
                out.append((s, e))
            continue
        if w.adult.search(text, lo, min(cue.start(), s)):
            continue  # "王老师的生日是1985年3月2日": an adult's
        out.append((s, e))
    return sorted(set(out))
