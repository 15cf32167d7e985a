"""Scans of a long post tried only where a gate says a match may start give what the plain
scans gave (scans.gate_starts, near, matches_at, word_gate).

A gate is a cheap pattern searched in the folded text; the exact pattern is then tried only
at the gate's hits (or a window before them). Each gated scan here is compared with the plain
`finditer` of the same pattern on written texts (positives and traps) and on random texts
built from the words the patterns and their gates turn on, with the characters that case
folding treats specially (dotted and dotless i, long s, the Kelvin sign).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

import pytest

from postguard.detectors.contact import messaging
from postguard.detectors.contact.social import SocialHandleDetector
from postguard.policy import Policy
from postguard.scans import (
    beginnings,
    fold_ascii,
    gate_starts,
    gated_finditer,
    gated_search,
    matches_at,
    near,
    not_after,
    word_gate,
)

_FOLD_CHARS = ["\u0130", "\u0131", "\u017f", "\u212a", "I", "K", "S"]


def _texts(pieces: Sequence[str], n: int, seed: int, length: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, length)))
            for _ in range(n)]


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


# -- the helpers ------------------------------------------------------------------------------
@pytest.mark.parametrize("words,text,hits", [
    (["snap", "snapchat", "sc"], "my snapchat sc", [3, 12]),
    (["tik tok", "id"], "tik tok, tiktok, did, tik  tok", [0, 9, 18]),  # one space at most
    (["line id", "id"], "line id", [0, 5]),  # overlapping hits are all kept
    (["her", "his"], "other HIS", [2]),  # case-sensitive: searched in the folded text
    (["ab"], "", []),
])
def test_word_gate_hits(words: list[str], text: str, hits: list[int]) -> None:
    assert gate_starts(re.compile(word_gate(words)), text) == hits


def test_near_keeps_order_and_bounds() -> None:
    assert list(near([3, 4, 20], -2, 0, 21)) == [1, 2, 3, 4, 18, 19, 20]
    assert list(near([0, 30], -5, 1, 30)) == [0, 1, 25, 26, 27, 28, 29, 30]
    assert list(near([], -2, 0, 9)) == []


def test_matches_at_is_finditer_given_every_start() -> None:
    rx = re.compile(r"\b(?:ab|b)c+")
    for text in ["abcc bc abc", "xabc bcc", "", "bcbc"] + _texts(["a", "b", "c", " "], 500, 1):
        assert _spans(matches_at(rx, text, range(len(text) + 1))) == _spans(rx.finditer(text))
        # a superset of the starts: every "a" or "b"
        starts = [i for i, c in enumerate(text) if c in "ab"]
        assert _spans(matches_at(rx, text, starts)) == _spans(rx.finditer(text))


# -- social-media cue forms and profile links --------------------------------------------------
_SOCIAL = ["snap", "Snap", "SNAPCHAT", "insta", "IG", "ig", "my", "My", "his", "her", "their",
           "username", "user name", "handle", "gamertag", "tag", "id", "ID", "is", "on", "On",
           "add", "follow", "find", "message", "dm", "me", "him", "them", "as", "at", "de", "di",
           "of", "discord", "Discord", "kik", "wechat", "line id", "tik tok", "tiktok", "fb",
           "twitch", "Kai", "Mia", "'s", "\u2019s", " ", "  ", "\n", ":", " : ", "-", "=", ",",
           "jo_b.09", "sam#1234", "@jo_b", "ghostkid", "Lucas", "x", "_", ".", "2009",
           "instagram.com/", "www.", "https://", "m.", "mobile.", "tiktok.com/@", "/",
           "facebook.com/", "jo.b", "?", *_FOLD_CHARS]


@pytest.fixture(scope="module")
def social() -> SocialHandleDetector:
    return SocialHandleDetector(Policy.default())


def test_social_cue_forms_gated_same_as_plain(social: SocialHandleDetector) -> None:
    written = ["add me on snap jo_b.09", "his insta is jo.b.09", "Kai's insta is kai_sk8",
               "add Pablo at pablo.v2009 on Snapchat", "jo_b    on   snap",
               "Snapchat de Lucas : lu.sk",
               "Discord username sam#1234", "my username is jo_b", "on Twitch as robo_7"]
    texts = written + _texts(_SOCIAL, 2500, seed=11)
    found = 0
    for (form, _), low_form, (gate, lo, hi) in zip(social._cue_forms, social._cue_forms_low,
                                                   social._cue_gates, strict=True):
        for text in texts:
            hits = gate_starts(gate, fold_ascii(text))
            starts = list(near(hits, lo, hi, len(text)))
            plain = _spans(form.finditer(text))  # the IGNORECASE form on the text
            assert _spans(matches_at(form, text, starts)) == plain, (form.pattern, text)
            found += len(plain)
            low = text.lower()
            if low_form is not None and len(low) == len(text):
                assert _spans(matches_at(low_form, low, starts)) == \
                    _spans(low_form.finditer(low)), (form.pattern, text)
    assert found > 500  # the random texts hold many matches


def test_profile_links_gated_same_as_plain(social: SocialHandleDetector) -> None:
    texts = ["see https://www.instagram.com/jo_b", "xinstagram.com/jo", "m.facebook.com/jo.b",
             "HTTPS://MOBILE.TIKTOK.COM/@jo"] + _texts(_SOCIAL, 2500, seed=12, length=25)
    found = 0
    for text in texts:
        starts = near(gate_starts(social._link_gate, fold_ascii(text)), -15, 0, len(text))
        plain = _spans(social._link.finditer(text))
        assert _spans(matches_at(social._link, text, starts)) == plain, text
        found += len(plain)
    assert found > 100


# -- messaging platform words ------------------------------------------------------------------
def test_messaging_platforms_same_as_with_the_look_behind() -> None:
    w = messaging.messaging_words()
    plain = re.compile(r"(?<![A-Za-z])(?:" + w.platform.pattern + ")")
    pieces = ["微信", "微信号", "QQ", "LINE", "xLINE", "カカオトーク", "카톡", "KakaoTalk", "Zalo",
              "a", "Z", "1", " ", "：", "é", "\u0130", "id"]
    for text in ["加我微信 wxid_abc", "xLINE ID: a", "her KakaoTalk is x"] + \
            _texts(pieces, 2000, seed=13, length=20):
        assert _spans(not_after(w.platform, text, messaging._HAS_LETTER)) == \
            _spans(plain.finditer(text)), text


# -- a pattern's own beginnings (scans.beginnings, gated_finditer) -------------------------------
@pytest.mark.parametrize("pattern,flags,begins", [
    (r"\b(?:ab|c)d", 0, ("abd", "cd")),
    (r"(?<![A-Z])[0-3]x", 0, ("0x", "1x", "2x", "3x")),
    (r"(?i:Viv(?:e|en)|mora)[ \t]+X", 0, ("mor", "viv")),
    (r"(?:è|e)[ \t]+o", re.IGNORECASE, ("e\t\t", "e\t ", "e\to", "e \t", "e  ", "e o",
                                        "è\t\t", "è\t ", "è\to", "è \t", "è  ", "è o")),
    (r"a*b", 0, ("aaa", "aab", "ab", "b")),
    (r"(?:ab)+c", 0, ("aba", "abc")),
    (r"KIS", re.IGNORECASE, ("kis",)),  # the folded text has "k", "i", "s" for K, İ, ı, ſ
    (r"\u0130x", 0, ("ix",)),  # a dotted capital I is "i" in the folded text
    # no gate: a match may begin anywhere, be empty, or hold a Greek letter IGNORECASE
    # matches with a second lower case
    (r"[A-Z]x", 0, None),
    (r"\w+", 0, None),
    (r"a?", 0, None),
    (r"σx", re.IGNORECASE, None),
    (r"(?a:ab)", 0, None),
])
def test_beginnings(pattern: str, flags: int, begins: tuple[str, ...] | None) -> None:
    assert beginnings(pattern, flags) == begins


_GATED = [
    r"\b(?:ab|c)d", r"(?<![A-Za-z])(?i:kis|ıs|sk)[ \t]+\w", r"(?i:viv(?:e|en)|mora)[ \t]+[A-Z]\w*",
    r"(?:è|e)[ \t]+o\w", r"a*b", r"(?:ab)+c", r"(?<=\s)(?:ab|b[cd])(?!\w)", r"x{2,3}y?",
    r"(?i:straße|strasse)\b", r"(?<=\w)[@,\]^-]\w|ab",  # one-character beginnings: a class gate
]
_GATED_PIECES = ["a", "b", "c", "d", "x", "y", "ab", "cd", "kis", "KIS", "ıs", "İs", "ſk",
                 "\u212aIS", "viv", "VIVE", "vıve", "mora", "è", "È", "e", "E", " ", "\t", "  ",
                 "o", "O",
                 "Mora", "Hove", "straße", "STRASSE", "strasse", "ß", "\n", ".", "1", "@", ",", "]",
                 "^", "-"]


def test_gated_finditer_same_as_finditer(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard import scans

    monkeypatch.setattr(scans, "LONG_TEXT", 0)  # gate even short texts
    found = 0
    for flags in (0, re.IGNORECASE):
        for pattern in _GATED:
            rx = re.compile(pattern, flags)
            begins = beginnings(pattern, flags)
            assert begins is not None, pattern
            gate = re.compile(word_gate(begins, space=" "))
            for text in _texts(_GATED_PIECES, 400, seed=21 + flags):
                plain = _spans(rx.finditer(text))
                hits = gate_starts(gate, fold_ascii(text))
                assert _spans(matches_at(rx, text, hits)) == plain, (pattern, text)
                assert _spans(gated_finditer(rx, text)) == plain, (pattern, text)
                assert _spans(gated_finditer(rx, text, 5)) == _spans(rx.finditer(text, 5))
                first = gated_search(rx, text, 3)
                again = rx.search(text, 3)
                assert (first and first.span()) == (again and again.span())
                found += len(plain)
    assert found > 1000


def test_short_texts_are_searched_plainly() -> None:
    rx = re.compile(r"(?i:abc)")
    assert gated_finditer(rx, "x ABC").__class__ is rx.finditer("").__class__


# -- one-word street names abroad ("Hauptstraße 5", "Lindenweg") -------------------------------
def test_street_endings_gated_same_as_plain() -> None:
    from postguard.detectors.places import abroad

    p = abroad.patterns()
    pieces = ["Haupt", "straße", "Straße", "weg", "Linden", "gasse", "laan", "-", "--", "_", " ",
              "\t", "5", "12a", "x", "Nord", "ß", ".", ",", "\n", "é", "Str.", "1"]
    written = ["Hauptstraße 5", "just off Lindenweg.", "Ab-Hauptstraße 5", "x_Lindenweg",
               "Hauptstraße-Nordweg 3", "weg weg", "--Lindenweg"]
    found = 0
    for text in written + _texts(pieces, 3000, seed=31, length=20):
        starts = abroad._run_starts(text, gate_starts(p.ending_word_hint, text))
        for rx in (p.ending_alone, p.endings):
            plain = _spans(rx.finditer(text))
            assert _spans(matches_at(rx, text, starts)) == plain, (rx.pattern[:40], text)
            found += len(plain)
    assert found > 300


def test_run_starts_reads_each_character_once() -> None:
    from postguard.detectors.places import abroad

    text = "ab-cd ef_gh-ij"
    assert abroad._run_starts(text, [1, 3, 4, 7, 12]) == [0, 6, 9]
    long = "weg-" * 50_000  # one run: every hit's start is its first character
    assert abroad._run_starts(long, list(range(0, len(long), 4))) == [0]


# -- phone numbers read out in words ------------------------------------------------------------
def test_phone_word_tokens_gated_same_as_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard import scans
    from postguard.detectors.contact import phone_foreign_words, phone_words

    monkeypatch.setattr(phone_words, "LONG_TEXT", 0)
    monkeypatch.setattr(scans, "LONG_TEXT", 0)
    pieces = ["0", "7", "12", "+44", "+", "o", "O", "oo", "zero", "ZERO", "one", "fıve", "fİve",
              "ſix", "six", "twenty", "double", "plus", "hundred", "phone", "someone", "to",
              " ", "-", ",", "\n", "a", "\u20e3", "\ufe0f", "7\ufe0f\u20e3", "é", "_",
              "cero", "uno", "dos", "tres", "quattro", "dziewięć", "sieben"]
    _, foreign = phone_foreign_words._words()
    found = 0
    for text in _texts(pieces, 2500, seed=41, length=30):
        plain = _spans(phone_words._TOKEN.finditer(text))
        assert _spans(phone_words._tokens(text)) == plain, text
        low = text.lower()
        assert _spans(scans.gated_finditer(foreign, low)) == _spans(foreign.finditer(low)), text
        found += len(plain)
    assert found > 5000


# -- email addresses and their written-out forms ------------------------------------------------
def test_email_scans_gated_same_as_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard import scans
    from postguard.detectors.contact import emails

    monkeypatch.setattr(scans, "LONG_TEXT", 0)
    monkeypatch.setattr(emails, "LONG_TEXT", 0)
    det = emails.EmailDetector(Policy.default())
    pieces = ["jo", "@", "gmail", ".", "com", " ", "arroba", "ARROBA", "punto", "Punkt", "dot",
              "at", "AT", "At", "that", "(", "[", "<", "{", ")", "]", "\t", "  ", "\u00a0",
              "chiocciola", "małpa", "kropka", "_", "x", "1", "é", "\u0130", "\n"]
    found = 0
    for text in _texts(pieces, 2500, seed=51, length=25):
        plain = det._abroad.sub(lambda m: ("at" if m.group(1) else "dot").center(len(m.group())),
                                text)
        low = text.lower()
        if not (any(w in low for w in det._abroad_ats) or (
                " at " in low and any(w in low for w in det._abroad_dots))):
            plain = text  # no at word, nor a dot word with " at ": the text as it is
        assert det._english_words(text) == plain, text
        at = _spans(emails._AT.finditer(text))
        assert _spans(scans.gated_finditer(emails._AT, text)) == at, text
        written = _spans(emails._OBF_AT.finditer(text))
        assert _spans(emails._written_ats(text)) == written, text
        found += len(at) + (plain != text) + len(written)
    assert found > 1000


# -- place clues whose capitalised run comes first ("Hangleton'da oturuyor", "Withdeanに住んで")
def test_place_clues_gated_same_as_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.detectors.places import clues

    monkeypatch.setattr(clues, "LONG_TEXT", 0)
    w = clues.clue_words()
    pieces = ["Hangleton", "Kemp", "Town", " ", "  ", "\t", "'", "\u2019", "da", "de", "ta",
              "DA", "oturuyor", "yaşıyor", "YAŞIYOR", "kalıyor", "ailesi", "Ailesi", "evi",
              "aile", "に住んで", "에 살", "에서 살", "に住む", "of", "St", "-", "x", "é", "İ", "ı",
              ".", ",", "\n", "1", "s", "Ève"]
    written = ["Ayşe Hangleton'da oturuyor", "ev sahibi ailesi Hangleton'da kalıyor",
               "Withdeanに住んでいます", "Kemp Town에 살아요", "ailesi Kemp Town'da"]
    found = 0
    for text in written + _texts(pieces, 3000, seed=61, length=25):
        after = _spans(w.home_after.finditer(text))
        assert _spans(clues._home_after(text, w)) == after, text
        turkish = _spans(w.turkish_home.finditer(text))
        assert _spans(clues._turkish_homes(text, w)) == turkish, text
        found += len(after) + len(turkish)
    assert found > 500


def test_cap_run_starts_reads_each_character_once() -> None:
    from postguard.detectors.places import clues

    assert list(clues._cap_run_starts("Ab Cd, Ef Gh'x", [5, 12])) == [0, 3, 7, 10]
    long = "Ab " * 100_000
    hits = list(range(3, len(long), 3000))
    assert len(list(clues._cap_run_starts(long, hits))) == hits[-1] // 3


# -- sentences and the Chinese, Japanese and Korean name cues of a long post ---------------------
def test_sentences_and_script_name_cues_gated_same_as_plain(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    from postguard import scans
    from postguard.detectors.names import first_names, scripts

    monkeypatch.setattr(scans, "LONG_TEXT", 0)
    w = scripts.script_name_words()
    pieces = ["Amy", " ", ".", "!", "?", "...", "\n", "。", "！", "？", '"', "\u201d", ")", "x",
              "王", "小明", "同学", "小朋友", "们", "さん", "くん", "ちゃん", "先生", "佐藤",
              "민서", "학생", "어린이", " 학생", "김"]
    found = 0
    for text in _texts(pieces, 2000, seed=71, length=30):
        plain = [m.end() for m in first_names._SENTENCE.finditer(text)]
        assert [e for _, e in first_names.sentences(text)][:len(plain)] == plain, text
        for rx in (w.zh_cue, w.ja_cue, w.ko_cue):
            spans = _spans(rx.finditer(text))
            assert _spans(scans.gated_finditer(rx, text)) == spans, (rx.pattern[:30], text)
            found += len(spans)
    assert found > 1000


# -- "eleven years old" ------------------------------------------------------------------------
def test_year_olds_gated_same_as_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    from postguard.detectors.dates import named_ages
    from postguard.detectors.dates.words import rules

    monkeypatch.setattr(named_ages, "LONG_TEXT", 0)
    year_old = rules().year_old
    pieces = ["Sam", " ", "  ", "-", "\n", "11", "7", "١٢", "eleven", "Seventeen", "SIX", "ten",
              "year", "years", "YEARS", "Year", "old", "OLD", "s", "x", ",", "yes", "İ", "ſ",
              " years old", "-year-old", " YEARS  OLD", "- years -old"]
    found = 0
    for text in _texts(pieces, 3000, seed=81, length=20):
        plain = _spans(year_old.finditer(text))
        assert _spans(named_ages._year_olds(year_old, text)) == plain, text
        found += len(plain)
    assert found > 100


def test_other_digits_read_as_ascii_same_as_translate() -> None:
    from postguard.detectors.contact import phone

    pieces = [chr(c) for c in phone._DIGIT_MAP] + ["a", " ", "0", "9", "é", "\U0001f642", "٫"]
    for text in ["", "０９０－３３１２", "٠٧٩١١ ١٢٣٤٥٦"] + _texts(pieces, 2000, seed=91):
        assert phone._OTHER_DIGITS.sub(phone._ascii_digit, text) == \
            text.translate(phone._DIGIT_MAP), text


def test_dates_text_forms_same_as_character_loops() -> None:
    """The dates detector's ASCII-digit copy and offset-keeping lower-cased copy, made by a
    substitution and a split instead of a loop over every character."""
    from postguard.detectors.dates import detector

    pieces = ["٠", "٣", "۵", "0", "9", "１", "\U0001d7d8", "᠐", "a", "İ", "i", "I", "ı", " ",
              "é", "ß", "ǅ", "Σ", "ΟΔΟΣ", "σ", "ς"]
    for text in ["DOB ٠٣/٠٥/٢٠١٤", "İstanbul İzmir"] + _texts(pieces, 2000, seed=92):
        assert detector._with_ascii_digits(text) == \
            "".join(str(int(c)) if c.isdecimal() else c for c in text), text
        assert detector._lowered_in_place(text) == \
            "".join(c if len(c.lower()) != 1 else c.lower() for c in text), text
