"""Full names in Chinese, Japanese, Korean and Arabic written without a cue word after them
(the cue-word names, "王小红同学", "ハルトくん", are in `scripts`).

- Chinese: a family-name character and a given name of two characters, as a run of its own
  ("Welcome 王思雨 to ..."), at the start of a sentence or after a greeting ("欢迎张一鸣（",
  "恭喜李明轩获得"), and ending where the run ends or at a particle ("刘欣怡的", "李子轩是"). A
  two-character name only as a run of its own between other scripts ("王明 won"): inside
  Chinese text two characters are too often a word ("周末的").
- Japanese: a common family name, an optional space, a given name of one to three
  characters ("佐藤 陽翔", "山田結衣は").
- Korean: a family-name syllable and two given-name syllables standing alone or before a
  one-syllable particle ("김민서 and", "최유나 (").
- Arabic: the two words after "the student" ("الطالب يوسف الحربي").
Well-known people (李白, 姚明, 손흥민) and the names in a sentence about famous people are
returned apart: a topic, not a child. Words: `data/names/script_full_names.toml`. Every
pattern is anchored and bounded: time is linear.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...datafiles import alternation, load_toml
from ...lazy_patterns import lazy_compile
from ...scans import not_after
from ...unicode_scripts import HAN, HANGUL
from .who_is_named import host_parent, korean_vocative

_KANA_SPACE = " \u3000"
_ARABIC = "\u0600-\u06ff"
_ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"  # letters, not the comma or digits
_KANA = re.compile("[\u3041-\u30fa\u30fc]")
_HAN_CHAR = lazy_compile(f"[{HAN}]")
_HAN_OR_WORD = lazy_compile(rf"[{HAN}\w]")
_HANGUL_CHAR = lazy_compile(f"[{HANGUL}]")
_ARABIC_CHAR = lazy_compile(f"[{_ARABIC}]")


@dataclass(frozen=True)
class _Words:
    zh: re.Pattern[str]
    zh_pair: re.Pattern[str]
    zh_host: re.Pattern[str]
    zh_not_given: frozenset[str]
    zh_not: frozenset[str]
    zh_famous: frozenset[str]
    zh_famous_words: re.Pattern[str]
    adult: tuple[str, ...]
    child_cues: tuple[str, ...]
    ja: re.Pattern[str]
    ja_hira: re.Pattern[str]
    ja_hira_not: tuple[str, ...]
    ja_famous: frozenset[str]
    ko: re.Pattern[str]
    ko_not: frozenset[str]
    ko_famous: frozenset[str]
    ko_given_first: str
    ar: re.Pattern[str]
    ar_not: frozenset[str]
    ar_family: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    d = load_toml("names/script_full_names.toml")
    zh, ja, ko, ar = d["zh"], d["ja"], d["ko"], d["ar"]
    surnames = re.escape("".join(load_toml("scripts.toml")["names"]["zh_surnames"]))
    after = re.escape(zh["after"])
    # a title after the name ("周建国先生") ends it too: kept only for a host parent
    adult = alternation(load_toml("scripts.toml")["names"]["adult_after"])
    before = "|".join(f"(?<={re.escape(b)})" for b in zh["before"])  # fixed-width each
    ja_not = re.escape(ja["not_given"])
    ko_sur, ko_first, ko_last = (re.escape(ko[k]) for k in ("surnames", "given_first",
                                                            "given_last"))
    return _Words(
        # a family name and two given characters: a run of its own, or at a sentence start
        # or after a greeting, before a particle or the run's end
        zh=re.compile(
            rf"(?:(?<![{HAN}])|{before})([{surnames}][{HAN}]{{2}})"
            rf"(?=[{after}]|[^{HAN}]|$|{adult})"),
        # a host parent's full name right after the host-family word ("寄宿家庭的周建国先生")
        zh_host=re.compile(
            rf"(?:{alternation(zh['host_before'])})的?(?:爸爸|妈妈|媽媽|父亲|父親|母亲|母親)?"
            rf"([{surnames}][{HAN}]{{2}})(?=[{after}]|[^{HAN}]|$|{adult})"),
        # the look-behinds that start zh_pair, ja, ko and ar are checked by `not_after`
        zh_pair=re.compile(rf"([{surnames}][{HAN}])(?![{HAN}\w])"),
        zh_not_given=frozenset(zh["not_given"]),
        zh_not=frozenset(zh["not_names"]),
        zh_famous=frozenset(zh["famous"]),
        zh_famous_words=re.compile(alternation(zh["famous_words"])),
        adult=tuple(load_toml("scripts.toml")["names"]["adult_after"]),
        child_cues=tuple(load_toml("scripts.toml")["names"]["zh_child_after"]),
        # a family name in kanji and a given name in hiragana with no space ("鈴木さくら（"),
        # closed by anything but more kana
        ja_hira=re.compile(
            rf"({alternation(ja['surnames'])})([\u3041-\u3093]{{2,4}})"
            rf"(?![\u3041-\u30fa\u30fc])"),
        ja_hira_not=tuple(ja["hiragana_not_given"]),
        ja=re.compile(
            rf"({alternation(ja['surnames'])})([{_KANA_SPACE}]?)"
            rf"((?![{ja_not}])[{HAN}](?:[^\W\d_{ja_not}{_KANA_SPACE}]){{0,2}}?|"
            rf"(?<=[{_KANA_SPACE}])[\u3041-\u3093\u30a1-\u30fa\u30fc]{{2,4}}?)"
            rf"(?=[{ja_not}]|くん|ちゃん|さん|[^\w]|$)"),
        ja_famous=frozenset(ja["famous"]),
        ko=re.compile(rf"([{ko_sur}][{ko_first}][{ko_last}])"
                      rf"(?=[{re.escape(ko['particles'])}]?(?![{HANGUL}]))"),
        ko_not=frozenset(ko["not_names"]),
        ko_famous=frozenset(ko["famous"]),
        ko_given_first=ko["given_first"],
        ar=re.compile(rf"(?:{alternation(ar['cues'])})[ \t]+"
                      rf"([{_ARABIC}]{{2,}}[ \t]+[{_ARABIC}]{{2,}})"),
        ar_not=frozenset(ar["not_names"]),
        # a known given name and a family name of "al-" and the -i ending ("عمر الشمري")
        ar_family=re.compile(
            rf"(?<![{_ARABIC_LETTER}])({alternation(ar['given'])})[ \t]+"
            rf"(ال[{_ARABIC_LETTER}]{{2,}}ي)(?![{_ARABIC_LETTER}])"),
    )


def script_full_names(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(children's full names, well-known people's names) in other scripts, as spans."""
    names: list[tuple[int, int]] = []
    famous: list[tuple[int, int]] = []
    w = _words()
    has_han = re.search(f"[{HAN}]", text) is not None
    kana = _KANA.search(text) is not None
    if has_han and not kana:  # Chinese (Japanese text has kana between its kanji words)
        topic = w.zh_famous_words.search(text) is not None
        for m in w.zh.finditer(text):
            name = m.group(1)
            if any(c in w.zh_not_given for c in name[1:]) or any(
                    name.startswith(x) for x in w.zh_not) or \
                    text.startswith(w.adult, m.start(1) + 1) or \
                    text.startswith(w.child_cues, m.start(1) + 1):
                continue  # a word, an adult ("王老师", "林先生") or a pupil ("林同学")
            (famous if topic or name in w.zh_famous else names).append(m.span(1))
        for m in w.zh_host.finditer(text):
            if not any(c in w.zh_not_given for c in m.group(1)[1:]):
                names.append(m.span(1))
        for m in not_after(w.zh_pair, text, _HAN_OR_WORD):
            name = m.group(1)
            if name in w.zh_famous:
                famous.append(m.span(1))
            elif name[1] not in w.zh_not_given and name not in w.zh_not:
                names.append(m.span(1))
    if has_han:
        for m in not_after(w.ja, text, _HAN_CHAR):
            span = (m.start(1), m.end(3))
            whole = text[span[0]:span[1]]
            if whole in w.ja_famous or whole.replace(" ", "") in w.ja_famous:
                famous.append(span)
            elif m.group(2) or len(whole) >= 3:
                names.append(span)  # "佐藤 陽翔", "山田結衣": not "田中さん" (a family name)
        for m in not_after(w.ja_hira, text, _HAN_CHAR) if kana else ():
            if not m.group(2).startswith(w.ja_hira_not):
                names.append(m.span())  # "鈴木さくら": not "田中です", "山田から"
    if re.search(f"[{HANGUL}]", text) is not None:
        for m in not_after(w.ko, text, _HANGUL_CHAR):
            name = m.group(1)
            head = text[max(0, m.start(1) - 3):m.start(1)].rstrip()
            if name in w.ko_not or korean_vocative(
                    name, text[m.end(1):m.end(1) + 1], w.ko_given_first,
                    opens=not head or head[-1] in ".!?\n。！？"):
                continue  # a word, or a given name called out ("지민아!")
            (famous if name in w.ko_famous else names).append(m.span(1))
    if re.search(f"[{_ARABIC}]", text) is not None:
        for m in not_after(w.ar, text, _ARABIC_CHAR):
            if not any(x in w.ar_not for x in m.group(1).split()):
                names.append(m.span(1))
        for m in w.ar_family.finditer(text):
            if m.group(2) not in w.ar_not:
                names.append(m.span())
    names = [(s, e) for s, e in names if host_parent(text, s, e) or (
        not _adult_after(text, e, w.adult) and not text[s:e].endswith(w.adult))]
    # "宮崎駿監督": the title read in the run; a host parent's title ("寄宿家庭的周先生") is
    # no staff member's
    return _merge(names), _merge(famous)


def _adult_after(text: str, end: int, adult: tuple[str, ...]) -> bool:
    """An adult's title follows the name ("김민수 선생님", "王芳老师", "佐藤 陽翔先生"): staff."""
    return text.startswith(adult, end) or (
        text[end:end + 1] in (" ", "\u3000") and text.startswith(adult, end + 1))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping spans joined (a Chinese and a Japanese reading of one name)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@functools.cache
def _ja_surnames() -> tuple[str, ...]:
    return tuple(sorted(load_toml("names/script_full_names.toml")["ja"]["surnames"],
                        key=len, reverse=True))


def ja_surname(name: str) -> bool:
    """A run of kanji that starts with a common Japanese family name and has a given name
    after it ("鈴木蓮", not "田中")."""
    return any(name.startswith(s) and len(name) > len(s) for s in _ja_surnames())


def ja_family_name(word: str) -> bool:
    """The kanji are a common Japanese family name on their own ("田中", "高橋")."""
    return word in _ja_surnames()


def ko_surname(name: str) -> bool:
    """Three Hangul syllables that start with a family-name syllable ("이서연")."""
    return len(name) == 3 and name[0] in load_toml_ko_surnames()


@functools.cache
def load_toml_ko_surnames() -> frozenset[str]:
    return frozenset(load_toml("names/script_full_names.toml")["ko"]["surnames"])


@functools.cache
def _arabic_given() -> re.Pattern[str]:
    words = load_toml("names/script_full_names.toml")["ar"]["given"]
    return re.compile(rf"(?<![{_ARABIC}])(?:{alternation(words)})(?![{_ARABIC}])")


def arabic_given_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of given names written in Arabic script in text[start:end] ("حمزة", "فاطمة")."""
    return [m.span() for m in _arabic_given().finditer(text, start, end)]
