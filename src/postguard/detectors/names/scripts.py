"""Children's names in Chinese, Japanese and Korean, found by the words that follow them.

- Chinese: two or three Han characters before "同学" or "小朋友" ("王小红同学", "小明小朋友"):
  a family name of one character and a given name ("王小红"), or a pet name with "小" ("小明").
- Japanese: a name in kanji or katakana before "くん", "ちゃん", "さん" or "君" ("ハルトくん",
  "陽葵ちゃん", "佐藤さん").
- Korean: a name of two to four syllables before "학생", "어린이", "양" or "군", with or without a
  space ("지민 학생", "김민준 군").
A name before an adult's title is staff, not a child ("王老师", "田中先生", "김 선생님"): those
titles are not cues, and a run that ends in one is left alone. "各位同学", "全体同学" (everyone)
name no one. Words: `data/scripts.toml` [names].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...datafiles import alternation, load_toml
from ...lazy_patterns import lazy_compile
from ...scans import gated_finditer
from ...spans import SpanIndex
from ...unicode_scripts import HAN, HANGUL
from .script_full_names import ja_family_name, ja_surname, ko_surname, script_full_names

_KATA = r"\u30a1-\u30fa\u30fc"
_HIRA_NAME = r"\u3041-\u3093"
_CJK = lazy_compile(rf"[{HAN}{_KATA}{HANGUL}]")


@dataclass(frozen=True)
class ScriptNameWords:
    zh_cue: re.Pattern[str]
    ja_cue: re.Pattern[str]
    ko_cue: re.Pattern[str]
    surnames: frozenset[str]
    not_names: tuple[str, ...]
    ja_not: tuple[str, ...]
    ko_not: frozenset[str]
    adult: tuple[str, ...]



@functools.cache
def script_name_words() -> ScriptNameWords:
    sec = load_toml("scripts.toml")["names"]
    return ScriptNameWords(
        zh_cue=re.compile(rf"(?<=[{HAN}])(?:{alternation(sec['zh_child_after'])})"),
        ja_cue=re.compile(rf"(?<=[{HAN}{_KATA}{_HIRA_NAME}])(?:{alternation(sec['ja_child_after'])})"),
        ko_cue=re.compile(rf"(?<=[{HANGUL}])[ \t]?(?:{alternation(sec['ko_child_after'])})"
                          rf"(?!들|[{HANGUL}]{{2}})"),
        surnames=frozenset(sec["zh_surnames"]),
        not_names=tuple(sec["zh_not_names"]),
        ja_not=tuple(sec["ja_not_names"]),
        ko_not=frozenset(sec["ko_not_names"]),
        adult=tuple(sec["adult_after"]),
    )


_HAN_BEFORE = lazy_compile(rf"[{HAN}]{{1,4}}$")
# a kanji family name with a given name in hiragana ("田中ゆい") is read first
_JA_BEFORE = lazy_compile(rf"(?:[{HAN}]{{1,3}}[{_HIRA_NAME}]{{2,4}}|[{HAN}]{{1,4}}|[{_KATA}]{{2,8}}"
                        rf"|[{_HIRA_NAME}]{{2,5}})$")
_JA_HIRA_GIVEN = re.compile(rf"([{HAN}]{{1,3}})([{_HIRA_NAME}]{{2,4}})")
_KO_BEFORE = lazy_compile(rf"(?<![{HANGUL}])[{HANGUL}]{{2,4}}$")
_KO_PARTICLE = re.compile(r"(?:이|가|은|는|을|를|의|에게|와|과|도)$")
_HIRAGANA_WORDS = ("これ", "それ", "あれ", "みなさ", "みんな", "だれ", "どなた", "あなた", "おとう",
                   "おかあ", "おにい", "おねえ", "おじい", "おばあ", "せんせ")


def child_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of children's names in Chinese, Japanese and Korean (see the module doc).
    The same text is asked about once a sentence (`first_names.child_first_names`): the
    answer for a text is kept (a str keeps its hash, so asking again costs no pass over it)."""
    return list(_child_names(text))


@functools.lru_cache(maxsize=4)
def _child_names(text: str) -> tuple[tuple[int, int], ...]:
    if _CJK.search(text) is None:
        return ()
    w = script_name_words()
    out: list[tuple[int, int]] = []
    for m in gated_finditer(w.zh_cue, text):
        if text[m.end():m.end() + 1] in ("们", "們"):
            continue  # "同学们": classmates, everyone
        run = _HAN_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if run is None:
            continue
        name = _zh_name(run.group(), w)
        if name:
            out.append((m.start() - len(name), m.start()))
    for m in _ZH_IS_STUDENT.finditer(text) if "是" in text else ():
        # "张悦是成都市星辰小学的学生": a name, 是, and 学生 or 同学 closing the clause
        name = _zh_name(m.group(1), w)
        if name == m.group(1) and not name.endswith(w.adult):
            out.append(m.span(1))
    for m in gated_finditer(w.ja_cue, text):
        if text.startswith(w.adult, m.start()):
            continue  # "さま", "先生" ...
        run = _JA_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if run is None or run.group().startswith(_HIRAGANA_WORDS) or \
                run.group().endswith(w.adult) or run.group().endswith(w.ja_not) or \
                text[run.start() - 1:run.start()] in ("お", "御"):
            continue
        mixed = _JA_HIRA_GIVEN.fullmatch(run.group())
        if mixed is not None and not ja_family_name(mixed.group(1)):
            # kanji that are no family name, then hiragana ("今日ゆい", "学校みお"): the
            # hiragana alone may be the given name
            if run.group()[len(mixed.group(1)):].startswith(_HIRAGANA_WORDS):
                continue
            out.append((run.start() + len(mixed.group(1)), run.end()))
            continue
        out.append(run.span())
    for m in gated_finditer(w.ko_cue, text):
        run = _KO_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if run is None:
            continue
        name = _KO_PARTICLE.sub("", run.group()) if m.group()[:1] in (" ", "\t") else \
            run.group()
        if len(name) < 2 or name.endswith(w.adult) or name in w.ko_not:
            continue
        out.append((run.start(), run.start() + len(name)))
    return tuple(sorted(set(out)))


_ZH_NOT_LAST = frozenset("们們的位个個些是和在了与")
# a clause that opens with two or three Han characters, then 是, and ends with 的 and a
# pupil word: "X是...小学的学生", "X是我们班的新同学" (not "周末是学生最开心的时候")
_ZH_IS_STUDENT = re.compile(
    rf"(?:^|(?<=[。！？!?\n，,；;：:]))[ \t]*([{HAN}]{{2,3}})是[^。！？!?\n，,；;]{{0,24}}?"
    r"的(?:新)?(?:学生|學生|同学|同學|学员|學員)(?=[。！？!?\n，,；;]|$)")


def _zh_name(run: str, w: ScriptNameWords) -> str:
    """The name at the end of a run of Han characters, or ""."""
    for n in (3, 2):
        name = run[-n:]
        if len(name) < n or name in w.not_names or name[-1] in _ZH_NOT_LAST or any(
                name.startswith(x) for x in w.not_names if len(x) > 1):
            continue
        if name[0] in w.surnames or name[0] == "小":
            return name
    return ""


def full_name(name: str, japanese: bool = False) -> bool:
    """A cue-word name (`child_names`; `japanese`: the post has kana) that is a full
    name, family name and given name ("王小红", "佐藤 陽翔", "이서연"), not a given
    name alone ("小明", "ハルト", "지민"): DESIGN.md's person_name is a full name; a
    given name alone is a first name for the combination rules (`first_names`)."""
    w = script_name_words()
    if " " in name or "\u3000" in name:
        return True
    if re.fullmatch(f"[{HAN}]{{2,3}}", name):
        if japanese:
            return ja_surname(name)
        return name[0] in w.surnames and name[0] != "小"
    mixed = _JA_HIRA_GIVEN.fullmatch(name)
    if mixed is not None:  # "田中ゆい": a family name in kanji, a given name in hiragana
        return ja_family_name(mixed.group(1))
    if re.fullmatch(f"[{HANGUL}]{{3,4}}", name):
        return ko_surname(name)
    return False


_KANA_RE = re.compile("[\u3041-\u30fa\u30fc]")


def script_name_spans(text: str, taken: list[tuple[int, int]]
                      ) -> list[tuple[int, int, str, str]]:
    """(start, end, code, message) of the names in other scripts that no span in `taken`
    holds: full names with a cue word (`scripts.child_names`; a given name alone is left to
    the first-name reading), full names without one, and well-known people (PG322)."""
    out: list[tuple[int, int, str, str]] = []
    # overlap queries in log n (a long post has thousands of spans: not each against all)
    held = SpanIndex(taken)

    def free(s: int, e: int) -> bool:
        return not held.overlaps(s, e)

    japanese = _KANA_RE.search(text) is not None
    for s, e in child_names(text):
        if free(s, e) and full_name(text[s:e], japanese):
            out.append((s, e, "PG321",
                        "a child's name (a cue word such as 同学, くん or 학생 follows it)"))
    held = SpanIndex([*taken, *((s, e) for s, e, _, _ in out)])
    names, famous = script_full_names(text)
    for s, e in names:
        if free(s, e):
            out.append((s, e, "PG321", "a person's full name (family name and given name)"))
    for s, e in famous:
        if free(s, e):
            out.append((s, e, "PG322", "name of a well-known person"))
    return out
