"""School names in scripts other than Latin: Chinese and Japanese ("北京市第一中学",
"東京都立日比谷高等学校"), Korean ("서울중앙초등학교") and Arabic ("مدرسة النور الابتدائية").

Chinese and Japanese write no spaces: a name is the run of Han characters (and katakana)
right before a school word, cut after the last word that ends the text before it ("在",
"就读于", a punctuation mark; Japanese kana particles end the run by themselves). A Korean
name is one word ending in a school word. An Arabic name is one to three words after the
school word. No name, or a kind of school ("语言学校", "暑期学校", "여름학교", "مدرسة صيفية",
"在学校", "学校で", "학교에서"), is no finding. Words: `data/scripts.toml` [schools].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...datafiles import alternation, load_toml
from ...lazy_patterns import lazy_compile
from ...scans import not_after
from ...unicode_scripts import HAN, HANGUL

_KATA = r"\u30a0-\u30ff"
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06fa-\u06ff]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_ARABIC_JOIN = frozenset({"بن", "ابن", "بنت", "أبو", "ابو"})
_JA_CITY_RUN = lazy_compile(r"[\u4e00-\u9fff]{1,6}立[\u3041-\u3093]{2,6}$")  # "横浜市立みなと"
_JA_CITY_BEFORE = lazy_compile(r"[\u4e00-\u9fff]{1,6}立[\u3041-\u3093\u30a1-\u30fa\u30fc]{1,6}$")
# a character right after a school word that makes it another word: pupils ("小学生"), a
# road or a street ("学院路", "学院街")
_NOT_AFTER_SCHOOL_WORD = frozenset("生路街巷道")
_MAX_NAME = 14  # characters of a CJK name before its school word


@dataclass(frozen=True)
class ScriptSchoolWords:
    cjk: re.Pattern[str]
    korean: re.Pattern[str]
    arabic: re.Pattern[str]
    before: tuple[str, ...]
    cjk_not: frozenset[str]
    korean_not: frozenset[str]
    arabic_not: frozenset[str]



@functools.cache
def script_school_words() -> ScriptSchoolWords:
    sec = load_toml("scripts.toml")["schools"]
    return ScriptSchoolWords(
        cjk=re.compile(rf"(?:{alternation(sec['cjk_words'])})"),
        korean=re.compile(rf"(?:{alternation(sec['korean_words'])})"),
        # (?<![\u0621-\u064a]) before it is checked by `not_after` (a faster scan)
        arabic=re.compile(rf"(?:{alternation(sec['arabic_words'])})"
                          r"(?![\u0621-\u064a])"),
        before=tuple(sorted(sec["cjk_before"], key=len, reverse=True)),
        cjk_not=frozenset(sec["cjk_not_names"]),
        korean_not=frozenset(sec["korean_not_names"]),
        arabic_not=frozenset(sec["arabic_not_names"]),
    )


_CJK_RUN_BEFORE = lazy_compile(rf"[{HAN}{_KATA}0-9０-９]+$")
_HANGUL_RUN_BEFORE = re.compile(rf"[{HANGUL}]+$")
_SCRIPTS = re.compile(rf"[{HAN}{_KATA}{HANGUL}\u0621-\u064a]")


def script_school_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every school name in a script other than Latin."""
    if _SCRIPTS.search(text) is None:
        return []
    w = script_school_words()
    out: list[tuple[int, int]] = []
    reach = 0
    for m in w.cjk.finditer(text):
        if m.start() < reach or text[m.end():m.end() + 1] in _NOT_AFTER_SCHOOL_WORD:
            continue  # "小学生", "高中生": pupils; "学院路": a road named for a college
        run = _CJK_RUN_BEFORE.search(text, max(0, m.start() - _MAX_NAME), m.start()) or \
            _JA_CITY_RUN.search(text, max(0, m.start() - _MAX_NAME), m.start())
        if run is None:
            continue
        name = run.group()
        cut = max((name.rfind(b) + len(b) for b in w.before if b in name), default=0)
        name = name[cut:]
        city = _JA_CITY_BEFORE.search(text, max(0, m.start() - len(name) - 12),
                                      m.start() - len(name)) if not cut else None
        if city is not None:  # "市立さくら台中学校": a kana name after the city's "立"
            name = text[city.start():m.start()]
        # one character is a name only before a long school word and not cut from a longer
        # run: "灘高等学校", not "在学校"
        short_ok = len(name) == 1 and not cut and len(m.group()) >= 3
        if (len(name) < 2 and not short_ok) or _kind(name, w.cjk_not):
            continue
        out.append((m.start() - len(name), m.end()))
        reach = m.end()
    for m in w.korean.finditer(text):
        run = _HANGUL_RUN_BEFORE.search(text, max(0, m.start() - 10), m.start())
        if run is None or len(run.group()) < 2 or _kind(run.group(), w.korean_not):
            continue
        out.append((run.start(), m.end()))
    for m in not_after(w.arabic, text, _ARABIC_LETTER):
        end = m.end()
        words = 0
        joined = False
        for a in _ARABIC_WORD.finditer(text, m.end(), min(len(text), m.end() + 60)):
            gap, word = text[end:a.start()], a.group()
            if gap.strip() or words == 4 or word in w.arabic_not:
                break
            # after the first word, a name goes on with definite words or a patronymic:
            # "مدرسة النور الابتدائية", "مدرسة عمر بن الخطاب"; not "... منذ سنتين"
            if words and not (joined or word.startswith(("ال", "لل")) or word in _ARABIC_JOIN):
                break
            joined = word in _ARABIC_JOIN
            end = a.end()
            words += 1
        if words:
            out.append((m.start(), end))
    return sorted(out)


def _kind(name: str, not_names: frozenset[str]) -> bool:
    """The words before a school word make it a kind of school, or no school in particular."""
    return name in not_names or any(name.endswith(n) for n in not_names if len(n) > 1)
