"""A child named by a first name alone, for the combination rules (`escalation`).

DESIGN.md: a school is `block` next to a child's name, and a first name is enough; a
location is `block` with a named child. The person_name detector reports full names only,
so `escalation` asks here whether a sentence that holds a school or a place also names a
child by a first name: "Priya from Harrowgate Primary", "Jun's host family in Headingley".

A first name is a known given name (the person_name lexicons), capitalised, that is not:
- an adult with a title ("Mrs Patel", "Coach Dan", "Herr Braun", "Tom-sensei");
- the first word of a full name (the person_name detector decides those);
- a well-known person, a character or a title of a work (the person_name context: "dressed
  as Matilda", "the film Annie", "Harry Potter");
- a given name that is also an ordinary word ("Grace", "May", "Will", "Summer") unless it is
  possessive ("Summer's host family") or right after a cue ("well done Grace");
- inside another finding (a school, street, email: "St Mary's", "Victoria Road").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from ...scans import gated_finditer
from ...spans import SpanIndex
from .context import common_words, context, lexicons, lines, titles, word_given
from .script_full_names import arabic_given_names
from .scripts import child_names

# (Latin Extended-A too: "Łukasz", "Şule", "Yağmur"; an initial must be a capital)
_WORD = re.compile(
    r"(?<![\w'\u2019@#.-])([A-Z\u00c0-\u00de\u0100-\u017f][a-z\u00df-\u00ff\u0100-\u017f]+"
    r"(?:-[A-Za-z][a-z]+)?)"
    r"((?:['\u2019]s?)?)(?![\w@-])")
# a sentence ends at . ! ? before a space, a quote or the end (not "3.15"), or a line break
_SENTENCE = re.compile(r"(?:[.!?]+(?=[\s\"'\u201d\u2019)]|$)|[\u3002\uff01\uff1f]+|\n)+"
                       r"[\s\"'\u201d\u2019)]*")
_NEXT_CAP = re.compile(r"[ \t]+([A-Z][\w'\u2019-]*)")
_HONORIFIC_AFTER = re.compile(r"[-\s]?(?:san|sensei|sama|kun|chan|bey|hanım|hanim|hoca)\b",
                              re.IGNORECASE)
_CUE_BEFORE = re.compile(
    r"(?:well done|congratulations|congrats|thank you|thanks|shout[- ]out to|bravo|"
    r"happy birthday|welcome|meet|star of the week:?)[ \t,]*$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"([\w.]+)[ \t]+$")


@functools.cache
def _alone_words() -> frozenset[str]:
    """Given names that are everyday words when they stand alone (data/names/
    first_name_words.txt)."""
    return frozenset(w.lower() for w in lines("first_name_words.txt"))


@functools.cache
def _photo_cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in lines("photo_cues.txt")), re.IGNORECASE)


_PHOTO_HINTS = ("pic", "Pic", "PIC", "pho", "Pho", "PHO", "left", "Left", "LEFT", "L-R",
                "l-r", "L–R", "L - R", "L –", "l –", "\U0001f4f8")


def photo_in_text(text: str) -> bool:
    """The text says it carries or describes a photo ("Pictured:", "L-R:", "📸")."""
    return any(h in text for h in _PHOTO_HINTS) and _photo_cue().search(text) is not None


_SIGN_BEFORE = re.compile(
    r"(?:\n|[\u2014\u2013-][ \t]*|(?:best wishes|kind regards|regards|cheers|best|from|love|"
    r"warm wishes|see you soon)[ \t]*,?[ \t]*)$",
    re.IGNORECASE)
_ROLE_AFTER = re.compile(
    r"[ \t]*(?:,|\(|[\u2014\u2013-])[ \t]*(?:our[ \t]+|the[ \t]+)?(?:head|deputy|teacher|"
    r"coordinator|co-ordinator|manager|director|leader|lead|officer|principal|tutor|coach|"
    r"assistant|administrator|admin|senco|dsl|chair|secretary|organiser|organizer|mum|dad|"
    r"parent)\b", re.IGNORECASE)
_TO_END = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\))?[ \t.!\U0001f300-\U0001faff\u2600-\u27bf]*$")


def _signed(text: str, s: int, e: int) -> bool:
    """A first name that signs the post off, or one given with a staff role: not a child."""
    if _ROLE_AFTER.match(text, e):
        return True
    return _SIGN_BEFORE.search(text, max(0, s - 24), s) is not None and \
        _TO_END.match(text, e) is not None


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence or line."""
    start = 0
    for m in gated_finditer(_SENTENCE, text):
        yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def child_first_names(text: str, start: int, end: int,
                      taken: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of first names in text[start:end] that may be a child's (see the module doc);
    `taken` are the spans of other findings."""
    firsts, _, famous, not_names = lexicons()
    spans = SpanIndex(taken)  # O(log n) a word: a long post has thousands of findings
    words_given = word_given() | _alone_words()
    common = common_words()
    title_words = titles()
    out: list[tuple[int, int]] = []
    for m in _WORD.finditer(text, start, end):
        word, poss = m.group(1), m.group(2)
        if not word[0].isupper():
            continue
        key = word.lower()
        if key not in firsts and not word.isascii():
            key = unaccented(key)  # "Júlia", "Noé", "Zoë": the lexicons' "julia", "noe"
        if key not in firsts or key in not_names or key in famous:
            continue
        s, e = m.span(1)
        if spans.overlaps(s, e):
            continue
        before = _TITLE_BEFORE.search(text, max(0, s - 20), s)
        if before is not None and before.group(1).lower().rstrip(".") in title_words:
            continue  # "Mrs Priya Shah", "Coach Dan"
        if before is not None and before.group(1).lower() in ("the", "a", "an"):
            continue  # "the Matilda cast", "a Jack-in-the-box": a thing named for someone
        if _HONORIFIC_AFTER.match(text, e):
            continue  # "Kenji-sensei", "Ayşe Hanım"
        nxt = _NEXT_CAP.match(text, e) if not poss else None
        if nxt is not None and nxt.group(1).lower() not in ("from", "and") and \
                nxt.group(1).lower() not in common and \
                not spans.starts_at(nxt.start(1)):  # "Selin Karşıyaka Lisesi"
            continue  # the first word of a full name, or of a title ("Harry Potter")
        if (key in words_given or key in common) and not poss and \
                not _CUE_BEFORE.search(text, max(0, s - 30), s):
            continue  # "Grace before meals", "May half-term", "Will you ..."
        if _signed(text, s, e):
            continue  # "... today.\nSarah", "Best wishes, Tom (Trips Coordinator)": staff
        if context(text, s, e + len(poss), [word + poss]) is not None:
            continue  # a place, a firm, a character or a work
        out.append((s, e))
    if not text.isascii():  # "ハルトくん", "小明同学", "지민 학생": a cue word says a child
        found = child_names(text) + arabic_given_names(text, start, end) + \
            _korean_subjects(text, start, end)
        out.extend((s, e) for s, e in found
                   if start <= s < end and not spans.overlaps(s, e))
    return out


def unaccented(word: str) -> str:
    """The word without its combining accents ("júlia" -> "julia")."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


# A Korean given name of two syllables with a topic or subject particle opening a sentence
# ("민서는 서울 ...", "준호는 매주 ..."), also after the friendly "이" a name ending in a
# consonant takes ("지훈이는", "서진이가"): a child named by a given name; not "we", "today".
_KO_SUBJECT = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*([\uac00-\ud7a3]{2})"
                         r"(?:이[는가도]|는|은|가|이)[ \t]")
_KO_NOT_NAMES = frozenset({"우리", "저희", "오늘", "내일", "모두", "이번", "다음", "매주", "매일",
                           "학생", "부모", "선생", "여기", "거기", "지금", "요즘", "저는", "제가",
                           "어제", "올해", "작년", "수업", "학교", "행사", "시험", "숙제",
                           # words that end in 이 ("어린이는" children, "고양이가" a cat)
                           "어린", "고양", "원숭", "호랑", "강아", "가까", "깨끗", "꾸준"})


def _korean_subjects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span(1) for m in _KO_SUBJECT.finditer(text, start, end)
            if m.group(1) not in _KO_NOT_NAMES]
