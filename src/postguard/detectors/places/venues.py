"""Places named in the words of the post's own language, for `clues.location_clues` (DESIGN.md
`location`: "a neighbourhood or a routine (a place and a regular time) where a named child can
be found"):

- a venue given by its kind and its name in a sentence with a regular time: "au stade des
  Glycines", "na lodowisku Biały Miś", "في نادي الواحة الرياضي", "人民公园门口的少年宫",
  "みどり公園の隣のスイミングスクール", "한강공원 옆 태권도장" (`venue_places`);
- a neighbourhood named with its word after it in a sentence that tells a home:
  "住在曼彻斯特市Ashworth Vale区的寄宿家庭", "オークウッド地区のホストファミリー", "Rosebank 동네
  홈스테이", "Riverside Grange semtindeki ailelerin yanında" (`neighbourhood_homes`);
- a child named in those scripts: "ハルカちゃん", "민준이는", an Arabic name before its verb
  (`script_named`).

Whether the sentence names a child or a group is the caller's reading. Words:
`data/place_clues.toml` [venue_before_name], [neighbourhood_after]. Every window is one
sentence or a few words: time is linear.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...datafiles import load_toml
from ...lazy_patterns import lazy_compile

_LATIN = r"[A-Za-z\u00c0-\u024f]"
_CAP_WORD = rf"[A-Z\u00c0-\u00de\u0141\u015a\u017b\u0179\u0106]{_LATIN}*(?:-{_LATIN}+)*"
_CAP_RUN = rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,3}}"
_KATA_RUN = r"[\u30a1-\u30fa\u30fc]{2,12}"
_ARABIC_WORD = r"[\u0621-\u064a]+"
_CJK_PLACE_CHAR = re.compile(r"[\u3041-\u3093\u30a1-\u30fa\u30fc\u4e00-\u9fff]")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
# a word that ends a Korean place reading backwards: a number, a time or a subject particle
_KO_NOT_PLACE = re.compile(r".*(?:[0-9]|에|는|은|가|이|를|을|도|시|분|일|요일)$")


@dataclass(frozen=True)
class VenueWords:
    latin: re.Pattern[str]
    arabic: re.Pattern[str]
    arabic_stop: frozenset[str]
    cjk: re.Pattern[str]
    cjk_cut: tuple[str, ...]
    korean: re.Pattern[str]
    neighbourhood: re.Pattern[str]
    home: re.Pattern[str]


def _alts(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+")
                    for w in sorted(words, key=len, reverse=True))


@functools.cache
def venue_words() -> VenueWords:
    d = load_toml("place_clues.toml")
    v = d["venue_before_name"]
    n = d["neighbourhood_after"]
    return VenueWords(
        latin=lazy_compile(
            rf"(?<!{_LATIN})(?i:{_alts(v['latin'])})(?:[ \t]+(?i:{_alts(v['latin_joiners'])}))?"
            rf"[ \t]+{_CAP_RUN}"),
        arabic=lazy_compile(rf"(?:{_alts(v['arabic'])})(?:[ \t]+{_ARABIC_WORD}){{1,3}}"),
        arabic_stop=frozenset(v["arabic_stop"]),
        cjk=lazy_compile(_alts(v["cjk_endings"])),
        cjk_cut=tuple(sorted(v["cjk_cut"], key=len, reverse=True)),
        korean=lazy_compile(_alts(v["korean_endings"])),
        # the name before the neighbourhood word: capitalised Latin words or a katakana run
        neighbourhood=lazy_compile(
            rf"({_CAP_RUN}|{_KATA_RUN}|(?<![\uac00-\ud7a3])(?!{_alts(n['korean_not'])}[ \t])"
            rf"[\uac00-\ud7a3]{{2,6}}(?=[ \t]동네))[ \t]?(?:{_alts(n['words'])})"),
        home=lazy_compile(rf"(?i:{_alts(n['home_words'])})"),
    )


def venue_places(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Venues named by their kind in the sentence text[lo:hi] (a sentence with a regular
    time): Latin, Arabic, Chinese, Japanese and Korean."""
    w = venue_words()
    out = [m.span() for m in w.latin.finditer(text, lo, hi)]
    if text.isascii():
        return out
    for m in w.arabic.finditer(text, lo, hi):
        words = m.group().split()
        keep = 1
        while keep < len(words) and words[keep] not in w.arabic_stop:
            keep += 1
        if keep > 1:  # "مسبح النخيل", not "مسبح" + "الساعة الرابعة"
            out.append((m.start(), m.start() + len(" ".join(words[:keep]))))
    for m in w.cjk.finditer(text, lo, hi):
        s = m.start()
        while s > max(lo, m.start() - 14) and _CJK_PLACE_CHAR.match(text, s - 1):
            s -= 1
        head = text[s:m.start()]
        cut = max((head.rfind(c) + len(c) for c in w.cjk_cut if c in head), default=0)
        s += cut
        if m.start() - s >= 2 or len(m.group()) >= 3:  # "みどり公園の隣の" + "スクール"
            out.append((s, m.end()))
    for m in w.korean.finditer(text, lo, hi):
        word = _HANGUL_WORD.match(text, _word_start(text, m.start(), lo))
        s = word.start() if word is not None else m.start()
        for _ in range(2):  # "한강공원 옆 태권도장": up to two words before
            prev = re.search(r"([\uac00-\ud7a3]+)[ \t]+$", text[max(lo, s - 12):s])
            if prev is None or (_KO_NOT_PLACE.match(prev.group(1))
                                and not prev.group(1).endswith(_KO_PLACE_ENDINGS)):
                break  # "4시에", "민준이는"; not "행복마을" (a village: 마을 ends in 을)
            s -= len(prev.group())
        if s < m.start() or m.end() - m.start() >= 3:
            out.append((s, m.end()))
    return out


_KO_PLACE_ENDINGS = ("마을", "아파트", "공원", "시장", "빌라", "타운", "단지")


def _word_start(text: str, pos: int, lo: int) -> int:
    while pos > lo and "\uac00" <= text[pos - 1] <= "\ud7a3":
        pos -= 1
    return pos


def neighbourhood_homes(text: str, bounds: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Neighbourhoods named with their word after them in a sentence that tells a home."""
    w = venue_words()
    out: list[tuple[int, int]] = []
    for lo, hi in bounds:
        found = [m.span(1) for m in w.neighbourhood.finditer(text, lo, hi)]
        if found and w.home.search(text, lo, hi) is not None:
            out.extend(found)
    return out


_JA_NAMED = lazy_compile(r"[\u3041-\u3093\u30a1-\u30fa\u30fc\u4e00-\u9fff]{1,6}(?:ちゃん|くん|君)")
_KO_NAMED = lazy_compile(r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{2}이(?:는|가|도|랑|와|의)")
# a two-syllable given name as the sentence's subject ("지우는 매일 ..."), not "우리는"
_KO_SUBJECT = lazy_compile(r"([\uac00-\ud7a3]{2})(?:는|가)[ \t]")
# a Chinese pet name of one character said twice ("美美每周日 ...")
_ZH_DOUBLED = lazy_compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])\1(?=[的是每在今会和也])")
# an Arabic given name before its verb ("نورة تتدرب") or right after it ("تسبح سلمى"), at
# the start of the sentence; not a word with the article ("الطلاب") or a group word
_AR_NAMED = lazy_compile(
    r"(?:(?!ال)[\u0621-\u064a]{3,8}[ \t]+[تي][\u0621-\u064a]{3,}"
    r"|[تي][\u0621-\u064a]{2,}[ \t]+(?!ال|فريق|طلاب|مجموعة|كل|جميع)"
    r"[\u0621-\u064a]{3,6}(?![\u0621-\u064a]))")


def script_named(text: str, lo: int, hi: int) -> bool:
    """A child named in Japanese ("ハルカちゃん"), Korean ("민준이는") or Arabic (a name before
    its verb at the start of the sentence: "نورة تتدرب") in text[lo:hi]."""
    if text.isascii():
        return False
    sentence = text[lo:hi]
    stripped = sentence.lstrip()
    subject = _KO_SUBJECT.match(stripped)
    return _JA_NAMED.search(sentence) is not None or _AR_NAMED.match(stripped) is not None \
        or any(m.group()[:3] not in _KO_WORDS for m in _KO_NAMED.finditer(sentence)) \
        or (subject is not None and subject.group(1) not in _KO_NOT_NAMES) \
        or _ZH_DOUBLED.search(sentence) is not None


# Korean words that may be a sentence's subject and are no name ("우리는": we)
_KO_NOT_NAMES = frozenset({"우리", "저희", "그들", "학생", "모두", "아이", "부모", "선생", "여기",
                           "이번", "오늘", "내일", "매주", "매일", "수업", "행사", "학교", "친구"})


# Korean words that end in "이" like a child's name does ("어린이는": children)
_KO_WORDS = frozenset({"어린이", "놀이", "높이", "길이", "깊이", "넓이", "먹이", "같이", "많이"})
