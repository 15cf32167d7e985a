"""The faster forms of the identifier families' scans give what the plain forms gave.

Each speed rewrite keeps its findings: a look-behind or \\b checked in Python instead of in
the pattern (script full names, social-media cue forms), a search of the lower-cased text
instead of an IGNORECASE search (meeting hosts), place tokens by one split, patterns compiled
on first use. Here each is compared with the plain form on written texts (positives and
traps) and on random texts that mix the characters the patterns turn on.
"""

from __future__ import annotations

import pickle
import random
import re
import sys
from collections.abc import Callable, Sequence

import pytest

from postguard.detectors.meetings.patterns import _host_cores, patterns
from postguard.detectors.names import script_full_names as sfn
from postguard.detectors.places.data import _TOKEN, Tokens
from postguard.lazy_patterns import LazyPattern, lazy_compile
from postguard.policy import Policy
from postguard.scans import FOLDS_TO_ASCII, after, fold_ascii, not_after
from postguard.unicode_scripts import HAN, HANGUL

_PIECES = ["a", "Z", "_", "1", " ", "  ", "\n", ".", "/", "@", "#", "-", ":", "'", "\u2019",
           "\u0130", "\u0131", "\u017f", "\u212a", "é", "ß", "王", "小", "明", "佐藤", "陽翔",
           "さん", " ", "\u3000", "김", "민서", "이", "الطالب", "يوسف", "🙂",
           "snap", "Snap", "insta", "IG", "my", "his", "username", "is", "on", "add", "me",
           "jo_b.09", "sam#1234", "discord", "Discord", "tiktok", "wechat", "id",
           "zoom.us", "ZOOM.US", "x.zoom.us", "teams.microsoft.com", "meet.jit.si",
           "meet.google.com", "ſkype", "join.skype.com", "Calle", "calle", "Via", "rue", "ul.",
           "Straße", "straat", "Caddesi", "Avenue", "xVia"]


def _random_texts(n: int, seed: int, length: int = 60,
                  pieces: Sequence[str] = _PIECES) -> list[str]:
    """`n` texts of 1 to `length` random pieces each."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, length)))
            for _ in range(n)]


def _found_alike(fast: Callable[[str], object], plain: re.Pattern[str],
                 texts: list[str]) -> int:
    """Assert the fast scan finds what the plain pattern finds in every text; how many."""
    found = 0
    for text in texts:
        got = _spans(fast(text))
        assert got == _spans(plain.finditer(text)), text
        found += len(got)
    return found


def _spans(matches: object) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range((m.re.groups or 0) + 1))  # type: ignore[attr-defined]
            for m in matches]  # type: ignore[attr-defined]


# -- IGNORECASE searches made on the folded text ---------------------------------------------
def test_fold_keeps_every_offset_and_matches_ignorecase_for_every_character() -> None:
    """Over every character: IGNORECASE matches it with an ASCII letter exactly when
    fold_ascii turns it into that letter, and fold_ascii keeps it one character."""
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = fold_ascii(chars)
    assert len(folded) == len(chars)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        by_re = {m.start() for m in re.finditer(letter, chars, re.IGNORECASE)}
        by_fold = {i for i, c in enumerate(folded) if c == letter}
        assert by_re == by_fold, letter
    assert set(FOLDS_TO_ASCII) == {c for c in chars if not c.isascii()
                                   and re.fullmatch("[a-z]", c, re.IGNORECASE)}


@pytest.mark.parametrize("text,found", [
    ("join at https://us02web.zoom.us/j/8123", True),
    ("ZOOM.US/j/8123", True),
    ("meet.jİt.si/room", True),  # dotted capital I is an i to IGNORECASE
    ("join.ſkype.com/abc", True),
    ("facetime.apple.com/join", True),
    ("zoom.us without a slash", False),
    ("zoomus/ and teams.com/", False),
    ("we met in the zoom room / hall", False),
])
def test_has_host_positives_and_traps(text: str, found: bool) -> None:
    assert patterns().has_host(text) is found
    assert (patterns().any_host.search(text) is not None) is found


def test_has_host_same_as_the_full_host_pattern_on_random_texts() -> None:
    from postguard.datafiles import load_toml

    hosts = "|".join(p["hosts"] for p in load_toml("meetings.toml")["provider"])
    full = re.compile(r"(?:" + hosts + r")/", re.IGNORECASE)
    for text in _random_texts(3000, seed=1, length=30):
        assert patterns().has_host(text) is (full.search(text) is not None), text


@pytest.mark.parametrize("hosts,cores", [
    (r"(?:[a-z0-9-]+\.)?zoom(?:gov)?\.(?:us|com)", [r"zoom(?:gov)?\.(?:us|com)"]),
    (r"meet\.jit\.si|8x8\.vc", [r"meet\.jit\.si", r"8x8\.vc"]),
    (r"(?:global|app|meet)\.goto\.com", [r"(?:global|app|meet)\.goto\.com"]),  # not optional
    (r"(?:a|b)?", [r"(?:a|b)?"]),  # nothing after the optional part: kept whole
    (r"(?:a)?+b", [r"(?:a)?+b"]),  # a possessive quantifier: kept whole
    (r"[|(]x|y", [r"[|(]x", "y"]),  # a class holds no alternation
])
def test_host_cores(hosts: str, cores: list[str]) -> None:
    assert _host_cores(hosts) == cores


# -- leading look-behinds checked in Python ---------------------------------------------------
_LOOK_BEHINDS = {
    "zh_pair": rf"(?<![{HAN}\w])",
    "ja": rf"(?<![{HAN}])",
    "ko": rf"(?<![{HANGUL}])",
    "ar": r"(?<![\u0600-\u06ff])",
}
_CHECKS = {"zh_pair": sfn._HAN_OR_WORD, "ja": sfn._HAN_CHAR, "ko": sfn._HANGUL_CHAR,
           "ar": sfn._ARABIC_CHAR}


@pytest.mark.parametrize("name", sorted(_LOOK_BEHINDS))
def test_script_name_scans_same_as_with_the_look_behind(name: str) -> None:
    rx = getattr(sfn._words(), name)
    plain = re.compile(_LOOK_BEHINDS[name] + rx.pattern)
    written = ["Welcome 王明 to class", "王明明天来", "佐藤 陽翔さん", "山田佐藤陽翔は",
               "김민서 and", "이김민서", "الطالب يوسف الحربي", "يالطالب يوسف الحربي"]
    for text in written + _random_texts(3000, seed=2):
        assert _spans(not_after(rx, text, _CHECKS[name])) == \
            _spans(plain.finditer(text)), text


def _script_dates() -> list[tuple[re.Pattern[str], str, re.Pattern[str]]]:
    from postguard.detectors.dates import scripts as d

    nums = d._CJK_NUMERALS
    return [(d._CJK_DATE, r"(?<!\d)", d._DIGIT), (d._YMD, r"(?<![\d/.\-])", d._DIGIT_OR_SEP),
            (d._DMY, r"(?<![\d/.\-])", d._DIGIT_OR_SEP),
            (d._YMD_SPACED, r"(?<![\d.])", d._DIGIT_OR_DOT),
            (d._CJK_NUMERAL_DATE, f"(?<![{nums}])", d._CJK_NUMERAL),
            (d.script_date_words().arabic_date, r"(?<!\d)", d._DIGIT)]


def test_script_dates_same_as_with_the_look_behind() -> None:
    pieces = ["1", "2", "0", "9", "19", "20", "2012", "/", ".", "-", " ", "\t", "年", "월", "月",
              "日", "일", "号", "二〇一二", "〇", "三", "十", "五", "مارس", "x", "3", "12", "."]
    texts = ["2012年3月5日", "12012年3月5日", "2012/03/05", "12/03/2012", "112/03/2012",
             "2012. 3. 5.", "二〇一二年三月五日", "〇二〇一二年三月五日", "5 مارس 2012",
             "15 مارس 2012"] + _random_texts(4000, seed=6, length=25, pieces=pieces)
    for rx, look_behind, before in _script_dates():
        plain = re.compile(look_behind + rx.pattern)
        found = _found_alike(lambda t, rx=rx, before=before: not_after(rx, t, before), plain,
                             texts)
        assert found, rx.pattern  # the texts hold dates of every shape


def test_arabic_school_words_same_as_with_the_look_behind() -> None:
    from postguard.detectors.schools import scripts

    rx = scripts.script_school_words().arabic
    plain = re.compile(r"(?<![\u0621-\u064a])" + rx.pattern)
    pieces = ["مدرسة", "المدرسة", "مدرسةالنور", "ب", "ال", " ", "x", "النور", "ثانوية"]
    texts = ["في مدرسة النور", "بمدرسة النور"] + _random_texts(3000, seed=7, length=12,
                                                                pieces=pieces)
    assert _found_alike(lambda t: not_after(rx, t, scripts._ARABIC_LETTER), plain, texts)


def test_museum_homes_same_as_with_the_look_behind() -> None:
    from postguard.detectors.places import words

    rx = words.place_words().museum
    plain = re.compile(r"(?<=\w)" + rx.pattern)
    pieces = ["Dickens", "'s", "\u2019s", "'", " ", "house", "birthplace", "home", "x", "Anne",
              "Frank", "\n", "_"]
    texts = ["Charles Dickens's house", "'s house", " 's house"] + _random_texts(
        3000, seed=9, length=14, pieces=pieces)
    assert _found_alike(lambda t: after(rx, t, words._WORD_CHAR), plain, texts)


def test_street_type_hints_same_as_with_the_look_behind() -> None:
    from postguard.detectors.places import abroad

    p = abroad.patterns()
    plain = re.compile(r"(?<!\w)" + p.type_hint.pattern)
    for text in ["Calle Mayor 12", "xCalle", "10 rue Lepic", "Bağdat Caddesi No: 45"] + \
            _random_texts(3000, seed=5):
        assert _spans(not_after(p.type_hint, text, abroad._WORD_CHAR)) == \
            _spans(plain.finditer(text)), text


# -- sentences searched one at a time ---------------------------------------------------------
def test_searched_sentences_same_as_searching_each_sentence() -> None:
    from postguard.detectors.names.first_names import sentences
    from postguard.detectors.places import clues, routines

    pieces = ["every", "Monday", "mondays", "each day", "todos los lunes", "cada día", "vive",
              ". ", "! ", "\n", " ", "Amy", "daily", "on Mondays", "at", "x", "?", "每天", "。"]
    texts = ["", "Amy swims every Monday.", "every Monday", "x every Mondayx. daily"] + \
        _random_texts(2000, seed=8, length=30, pieces=pieces)
    for rx in (clues.clue_words().regular, routines._REGULAR,
               re.compile(r"Amy\b"), re.compile(r"day(?=\.)")):  # the last two: \b, look-ahead
        found = 0
        for text in texts:
            want = [(lo, hi) for lo, hi in sentences(text) if rx.search(text, lo, hi)]
            assert list(clues.searched_sentences(rx, text)) == want, (rx.pattern, text)
            found += len(want)
        assert found, rx.pattern


# -- place tokens -------------------------------------------------------------------------------
def test_place_tokens_same_as_finditer() -> None:
    for text in ["", " ", "Flat 3, 22 Mary's Road, BN1 1AA!", "a\u2019b 'c' d--e"] + \
            _random_texts(2000, seed=4):
        t = Tokens(text)
        ms = list(_TOKEN.finditer(text))
        assert t.words == [m.group() for m in ms]
        assert t.starts == [m.start() for m in ms]
        assert t.ends == [m.end() for m in ms]


# -- patterns compiled on first use -------------------------------------------------------------
def test_lazy_pattern_compiles_on_first_use_and_behaves_as_compiled() -> None:
    lazy = lazy_compile(r"(?P<w>b\w+)", re.IGNORECASE)
    assert isinstance(lazy, LazyPattern)
    assert "search" not in vars(lazy)  # not compiled yet
    assert lazy.pattern == r"(?P<w>b\w+)"  # read without compiling
    assert "search" not in vars(lazy)
    real = re.compile(r"(?P<w>b\w+)", re.IGNORECASE)
    text = "a Bee and a bat"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert "search" in vars(lazy)  # compiled once, methods kept
    assert lazy.sub("x", text) == real.sub("x", text)
    assert (lazy.groups, lazy.groupindex, lazy.flags) == (real.groups, real.groupindex,
                                                          real.flags)
    again = pickle.loads(pickle.dumps(lazy))
    assert again.findall(text) == real.findall(text)


def test_a_bad_lazy_pattern_fails_when_used() -> None:
    lazy = lazy_compile("(unclosed")
    with pytest.raises(re.error):
        lazy.search("x")


# -- linear time ----------------------------------------------------------------------------
def test_script_names_grow_linearly() -> None:
    """Each name in another script was checked against every name found in Latin letters: a
    long post of both took time with the square of its length (3,000 lines 1.7 s, 300 lines
    0.05 s)."""
    from linear import assert_linear

    from postguard.detectors.names import PersonNameDetector

    det = PersonNameDetector(Policy.default())
    unit = "Amy Smith and Tom Jones met 李明轩 and 佐藤 陽翔 today.\n"
    assert_linear(lambda n: list(det.detect_text(unit * n)), 400, 8000, ratio=20, repeats=1,
                  slack=0.3)
