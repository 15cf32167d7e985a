"""Where a child can be found, told in the organisation's other languages, for the `address`
detector (DESIGN.md `location`: "a neighbourhood or a routine (a place and a regular time)
where a named child can be found"):

- a home area after or before a home cue: "Carmen vive en Moulsecoomb", "mora em Coldean",
  "wohnt in Patcham", "住在Hangleton", "Withdeanに住んでいます", "في حي Whitehawk",
  "ev sahibi ailesi Hangleton'da";
- a routine: a regular time ("todos los jueves", "ogni sabato", "jeden Mittwoch", "co wtorek",
  "her cumartesi", "每周六", "毎週土曜日", "매주") and a place in one sentence ("al circolo di
  Withdean", "im Jugendzentrum in Hollingbury", "Hove Park'taki", "Hove的图书馆");
- and in English: "Thomas Egerton, 11, of Saltdean" (a child, an age and a home), "the
  Coldean estate", "the Kemp Town flats" (a housing estate or flats named as a home).

A place is a capitalised name in Latin letters (the neighbourhoods of a UK town keep their
names in every language), not a wide place (a country, a county, a large town: `home_areas`
[wide_places] and `uk_towns`) unless a venue follows it in Chinese, Japanese or Korean
("Hove的图书馆"), and not a child's name. The finding is `high` when the sentence names a
child (a first name is enough: `names.first_names`, or a given name in Arabic script) or
tells a home (DESIGN.md: "block with home cues"), and `medium` for a group's routine. Words:
`data/place_clues.toml`. Every window is one sentence: time is linear.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...datafiles import load_toml
from ...lazy_patterns import lazy_compile
from ...model import Category, Severity
from ...scans import (
    LONG_TEXT,
    beginnings,
    folded,
    gate_hits,
    gated_finditer,
    gated_search,
    matches_at,
    word_gate,
)
from ..names.first_names import child_first_names, sentences, unaccented
from .areas import area_words
from .data import word_key
from .homes import Place
from .venues import neighbourhood_homes, script_named, venue_places

# a capitalised name in Latin letters ("Kemp Town", "King Alfred", "St John's Wood"); an
# apostrophe only before a capital or "s": "Hove Park'taki" ends at "Park"
_LATIN = r"[A-Za-z\u00c0-\u024f]"
_CAP_WORD = rf"[A-Z\u00c0-\u00de]{_LATIN}*(?:(?:-|['\u2019](?=[A-Z]|s\b)){_LATIN}+)*"
_CAP_RUN = rf"{_CAP_WORD}(?:[ \t]+(?:{_CAP_WORD}|of|on|upon)(?!{_LATIN})){{0,5}}"
_PLACE = re.compile(_CAP_RUN)
# the capitalised subject right before a home verb ("Nico vive en ...", "Lena wohnt ..."):
# a person; not an article, a pronoun or a group word
_SUBJECT_BEFORE = re.compile(r"(?:^|[.!?\n][ \t]*)([A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)[ \t]+$")
_NOT_SUBJECTS = frozenset({"el", "la", "los", "las", "il", "lo", "le", "les", "der", "die",
                           "das", "o", "a", "os", "as", "ela", "ele", "elle", "sie", "er",
                           "ella", "lei", "lui", "ona", "on", "oni", "one", "wir", "nous",
                           "nosotros", "noi", "my", "we", "they", "she", "he", "it"})
_CJK_CHAR = lazy_compile(r"[\u3041-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_CJK_VENUE = lazy_compile(
    r"[ \t]?[的の]?(?:[\u30a1-\u30fa\u30fc]{2,8}|[\u4e00-\u9fff]{1,3}|[\uac00-\ud7a3]{1,6})")
_TURKISH_CASE = re.compile(
    r"['\u2019](?:n?[dt][ae](?:ki)?|n?[dt][ae]n|y?[ae]|[dt][ae]ki)(?![\w])")
_NOT_PLACES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "uhr",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "year",
    "the", "i", "we", "our", "my", "his", "her", "their", "he", "she", "they", "it",
})


# Words that may start a home cue or a regular time in a post written in ASCII letters only
# (Spanish, Portuguese, Italian, French, German, Polish without their accents); a post with
# other letters is read in full.
_ASCII_FOREIGN = frozenset({
    "vive", "viven", "vivo", "mora", "moram", "abita", "abitano", "habite", "habitent", "vit",
    "vivent", "wohnt", "wohnen", "lebt", "mieszka", "mieszkaja", "todos", "todas", "toda",
    "todo", "cada", "ogni", "tutti", "tous", "chaque", "jeden", "jede", "co", "codziennie",
    "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
    "aloja", "alojan", "hospeda", "hospedado", "hospedada", "ospitato", "ospitata", "ospitati",
    "ospitate", "heberge", "hebergee", "zamieszkal", "zamieszkala"})
_HOME_HINTS = re.compile(
    "viv|mora|abit|habit|vit |wohn|lebt|mieszka|住|家在|حي|تسكن|يسكن|تعيش|يعيش|يقيم|تقيم|"
    "منطقة|ضاحية|قرية|aloja|hosped|queda|ospitat|hébergé|heberge|alloggi|logent|loge ")
# letters beyond ASCII (accented Latin, Arabic, kana, Han, Hangul), not emoji or curly quotes
_OTHER_LETTERS = lazy_compile("[\u00c0-\u024f\u0370-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_TR_HINT = re.compile(r"['\u2019][dt][ae]")


@dataclass(frozen=True)
class ClueWords:
    home_before: re.Pattern[str]
    home_after: re.Pattern[str]
    turkish_home: re.Pattern[str]
    regular: re.Pattern[str]
    place_before: frozenset[str]
    people: re.Pattern[str]
    estate: re.Pattern[str]
    age_of: re.Pattern[str]
    wide: frozenset[str]
    # where home_after and the second Turkish form end their capitalised run (the words
    # after it), and where the first Turkish form starts: gates for a long post
    home_after_tail: re.Pattern[str]
    turkish_tail: re.Pattern[str]
    turkish_head: re.Pattern[str] | None


def _alts(patterns: list[str]) -> str:
    return "|".join(p.replace(" ", r"[ \t]+") for p in sorted(patterns, key=len, reverse=True))


@functools.cache
def clue_words() -> ClueWords:
    d = load_toml("place_clues.toml")
    home_after = d["home_after"]
    tr_before = _alts(home_after["turkish_before"])
    tr_verbs = _alts(home_after["turkish_verbs"])
    return ClueWords(
        home_before=lazy_compile(rf"(?i:{_alts(d['home_before']['patterns'])})[ \t]*"
                               rf"(?:(?:the|el|la|o|a|le|il)[ \t]+)?({_CAP_RUN})"),
        home_after=lazy_compile(rf"({_CAP_RUN})(?:{_alts(home_after['patterns'])})"),
        turkish_home=lazy_compile(
            rf"(?i:{tr_before})[ \t]+({_CAP_RUN})['\u2019](?:[dt][ae])\b|"
            rf"({_CAP_RUN})['\u2019](?:[dt][ae])[ \t]+(?i:{tr_verbs})"),
        regular=lazy_compile(rf"(?<![A-Za-z\u00c0-\u024f])(?i:{_alts(d['regular']['patterns'])})"),
        place_before=frozenset(d["place_before"]["words"]),
        people=lazy_compile(rf"(?i:{_alts(d['people']['words'])})"),
        estate=lazy_compile(rf"\b[Tt]he[ \t]+({_CAP_RUN})[ \t]+"
                          rf"(?:{_alts(d['estate_after']['words'])})\b"),
        age_of=lazy_compile(rf"[A-Z][\w'\u2019-]+,[ \t]*(?:aged[ \t]+)?\d{{1,2}},[ \t]*of[ \t]+"
                          rf"({_CAP_RUN})"),
        wide=frozenset(" ".join(w.split()) for w in d["wide"]["words"]),
        home_after_tail=lazy_compile(_alts(home_after["patterns"])),
        turkish_tail=lazy_compile(rf"['\u2019](?:[dt][ae])[ \t]+(?i:{tr_verbs})"),
        turkish_head=_head_gate(rf"(?i:{tr_before})"),
    )


def _head_gate(pattern: str) -> re.Pattern[str] | None:
    """A gate for where `pattern` may start in the folded text (scans.beginnings)."""
    begins = beginnings(pattern, 0)
    return None if begins is None else lazy_compile(word_gate(begins, space=" "))


def _cap_run_starts(text: str, ends: Iterable[int]) -> Iterator[int]:
    """Where a capitalised run (_CAP_RUN) that ends at one of `ends` (ascending) may start:
    each capital in the stretch of letters, hyphens, apostrophes, spaces and tabs that comes
    right before the end, ascending, once each (each character is read once)."""
    done = 0
    for q in ends:
        r = q
        while r > done and _in_run(text[r - 1]):
            r -= 1
        for p in range(max(r, done), q):
            c = text[p]
            if "A" <= c <= "Z" or "\u00c0" <= c <= "\u00de":
                yield p
        done = max(done, q)


def _in_run(c: str) -> bool:
    return "a" <= c <= "z" or "A" <= c <= "Z" or "\u00c0" <= c <= "\u024f" or c in "-'\u2019 \t"


def _home_after(text: str, w: ClueWords) -> Iterator[re.Match[str]]:
    """`w.home_after.finditer(text)`; on a long post tried only before its words."""
    if len(text) < LONG_TEXT:
        return w.home_after.finditer(text)
    return matches_at(w.home_after, text,
                      _cap_run_starts(text, gate_hits(w.home_after_tail, text)))


def _turkish_homes(text: str, w: ClueWords) -> Iterator[re.Match[str]]:
    """`w.turkish_home.finditer(text)`; on a long post tried only where its first form may
    start and before the ending and verb of its second."""
    if len(text) < LONG_TEXT or w.turkish_head is None:
        return w.turkish_home.finditer(text)
    heads = gate_hits(w.turkish_head, folded(text))
    tails = _cap_run_starts(text, gate_hits(w.turkish_tail, text))
    return matches_at(w.turkish_home, text, _unique(heapq.merge(heads, tails)))


def _unique(positions: Iterable[int]) -> Iterator[int]:
    last = -1
    for p in positions:
        if p != last:
            yield p
            last = p


def _wide(name: str) -> bool:
    """A country, region, county or large town: it identifies no one."""
    key = " ".join(name.lower().split())
    return key in area_words().wide or key in clue_words().wide  # not "Bedford Place"


# what a pattern may hold for `searched_sentences` to skip sentences: no look-ahead, "$",
# "\Z" or "\B", which the end of a sentence (searched alone) can satisfy where the text
# goes on; a "\b" is fine, as a sentence ends on a character that is not a word character
_SEES_PAST_END = re.compile(r"\(\?[=!]|\$|\\[ZB]")


@functools.lru_cache(maxsize=2)
def sentence_bounds(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], bool]:
    """The sentences of the text (`sentences`: contiguous, from 0 to the text's end), their
    ends, and whether every sentence but the last ends on a character that is not a word
    character (as `sentences` cuts them). Kept for the last two texts: the routines and
    the clues of one post read them three times."""
    bounds = tuple(sentences(text))
    ends = tuple(hi for _, hi in bounds)
    return bounds, ends, not any(_WORD_CHAR.match(text, hi - 1) for hi in ends[:-1])


def searched_sentences(rx: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The sentences (lo, hi) in which `rx.search(text, lo, hi)` finds something, in order,
    without searching each sentence: a match inside a sentence searched alone is also a match
    of the whole text at the same start, so only the sentence that the text's next match
    starts in is searched alone, and the next search of the text starts where it ends."""
    bounds, ends, cut_clean = sentence_bounds(text)
    if not cut_clean or _SEES_PAST_END.search(rx.pattern):
        # a "\b" at the end of a sentence that ends on a word character would hold there and
        # not in the text (never so, as `sentences` cuts); a look-ahead, "$" ... likewise
        yield from ((lo, hi) for lo, hi in bounds if rx.search(text, lo, hi))
        return
    m = gated_search(rx, text)
    while m is not None:
        k = bisect.bisect_right(ends, m.start())  # the sentence with lo <= start < hi
        if k == len(bounds):
            return  # an empty match at the text's end (these patterns have none)
        lo, hi = bounds[k]
        if rx.search(text, lo, hi) is not None:
            yield lo, hi
        m = gated_search(rx, text, hi) if hi < len(text) else None


_WORD_CHAR = re.compile(r"\w")


def location_clues(text: str) -> list[Place]:
    """Home areas and routines told in other languages, and the English wordings above."""
    if text.isascii() and not any(c.isupper() for c in text):
        return []  # every place in an ASCII post is a capitalised name
    w = clue_words()
    # Each rule runs only where a cheap look says its words may be there: most posts are
    # English and have none (the cost of a post is mostly these scans).
    low = text.lower()
    letters = not text.isascii() and _OTHER_LETTERS.search(text) is not None
    foreign = letters or not _ASCII_FOREIGN.isdisjoint(low.split())
    estate = "estate" in low or "flats" in low or "tower block" in low
    rules = ([w.home_before] if foreign and _HOME_HINTS.search(low) else []) + \
        ([w.home_after] if letters else []) + ([w.estate] if estate else [])
    spans: dict[tuple[int, int], str] = {}  # (start, end) -> "home", "routine" or "age"
    for rx in rules:
        for m in _home_after(text, w) if rx is w.home_after else gated_finditer(rx, text):
            subject = _SUBJECT_BEFORE.search(text, max(0, m.start() - 24), m.start())
            named = subject is not None and subject.group(1).lower() not in _NOT_SUBJECTS
            spans.setdefault(m.span(1), "named-home" if named else "home")
    for m in w.age_of.finditer(text) if ", of " in text else ():
        if word_key(m.group(1).split()[-1]) in area_words().not_after:
            continue  # "Ryan Ho, 15, of Greenbank Secondary School": a school, not a home
        spans[m.span(1)] = "age"  # "Thomas Egerton, 11, of Saltdean": a child and a home
    for m in _turkish_homes(text, w) if _TR_HINT.search(text) else ():
        spans.setdefault(m.span(1 if m.group(1) is not None else 2), "home")
    if foreign and gated_search(w.regular, text) is not None:
        for lo, hi in searched_sentences(w.regular, text):
            for span in _routine_places(text, lo, hi, w):
                spans.setdefault(span, "routine")
            for span in venue_places(text, lo, hi):  # "au stade des Glycines", "少年宫"
                spans.setdefault(span, "routine")
    if letters:  # "Ashworth Vale区的寄宿家庭", "Rosebank 동네 홈스테이"
        for span in neighbourhood_homes(text, sentence_bounds(text)[0]):
            spans.setdefault(span, "home")
    if not spans:
        return []
    bounds, _, _ = sentence_bounds(text)
    starts = [lo for lo, _ in bounds]
    out: list[Place] = []
    for (s, e), kind in sorted(spans.items()):
        name = text[s:e]
        if name.split()[0].lower() in _NOT_PLACES or (
                _wide(name) and (kind != "routine" or not _cjk_venue(text, e))):
            continue
        lo, hi = bounds[max(0, bisect.bisect_right(starts, s) - 1)]
        named = kind in ("age", "named-home") or \
            bool(child_first_names(text, lo, hi, [(s, e)])) or \
            _given_after_article(text, lo, hi, s, e) or _zh_pet_name(text, lo, hi) or \
            script_named(text, lo, hi)
        home = kind != "routine"
        if not named and not home and w.people.search(text, lo, hi) is None and \
                not _loose_given(text, lo, hi, s, e):
            continue  # a routine of no one in particular
        if not home and text[e - 1].isascii():  # "Hove的图书馆"; not "少年宫" + "学钢琴"
            e = _cjk_venue(text, e) or e
        what = ("where a named child lives" if home else
                "a named child's routine: a place and a regular time") if named else (
            "where a group of students lives" if home else
            "a group's routine: a place and a regular time")
        out.append(Place(s, e, "PG212" if home else "PG214", Category.LOCATION,
                         Severity.HIGH if named or home else Severity.MEDIUM, 0.75, what))
    return out


def _routine_places(text: str, lo: int, hi: int, w: ClueWords) -> list[tuple[int, int]]:
    """Capitalised Latin places in the sentence text[lo:hi] after a place word, before a
    Turkish locative ending, or in Chinese, Japanese or Korean text."""
    out = []
    cjk = re.search(r"[\u3041-\u30ff\u4e00-\u9fff\uac00-\ud7a3]", text[lo:hi]) is not None
    for m in _PLACE.finditer(text, lo, hi):
        left = text[m.start() - 1:m.start()]
        if left and (left.isalnum() or left in "'\u2019") and not _CJK_CHAR.match(left):
            continue  # inside a word
        before = text[max(lo, m.start() - 12):m.start()].split()
        prev = before[-1].lower() if before and text[m.start() - 1:m.start()].isspace() else ""
        if prev in w.place_before or _TURKISH_CASE.match(text, m.end()) or (
                cjk and _cjk_venue(text, m.end())):
            s, e = m.span()
            # "Jugendzentrum in Hollingbury": a venue and its place as one
            nxt = re.match(rf"[ \t]+(?:in|im|w|em|de|di|à)[ \t]+({_CAP_RUN})", text[e:hi])
            if nxt is not None:
                e += nxt.end()
            out.append((s, e))
    return out


def _cjk_venue(text: str, end: int) -> int:
    """The end of a venue word in Chinese, Japanese or Korean right after a Latin place
    ("Hove的图书馆", "King Alfredのプール", "Preston Park 테니스장"), or 0."""
    m = _CJK_VENUE.match(text, end)
    if m is None:
        return 0
    venue = m.group().strip(" \t的の")
    if not (len(venue) >= 2 or venue in ("館", "场", "場", "장")):
        return 0
    particle = _VENUE_PARTICLE.search(m.group())
    return m.end() - (len(particle.group()) if particle else 0)


# a particle after the venue word: "테니스장에서", "プールで" keep only the venue
_VENUE_PARTICLE = re.compile(r"(?:에서|에|으로|로|의|で|に|へ|を|は|が)$")


# Portuguese, Italian and Catalan put an article before a name ("A Mariana mora ...", "o
# Rafael treina ..."), which the English first-name reading takes for "a Matilda poster".
_ARTICLE_NAME = re.compile(
    r"(?<![\w])(?:[AaOo]|[Ll][ao]|[Ii]l|[Ee]l)[ \t]+([A-Z][a-z\u00e0-\u00ff]+)")
_ZH_PET = lazy_compile(r"(?<![\u4e00-\u9fff])小[\u4e00-\u9fff](?=[的是每在今会和也])")


def _given_after_article(text: str, lo: int, hi: int, s: int, e: int) -> bool:
    """A known given name after an article, outside the place (see `_ARTICLE_NAME`)."""
    from ..names.context import lexicons

    firsts = lexicons()[0]
    return any(m.group(1).lower() in firsts or unaccented(m.group(1).lower()) in firsts
               for m in _ARTICLE_NAME.finditer(text, lo, hi) if not s <= m.start(1) < e)


def _zh_pet_name(text: str, lo: int, hi: int) -> bool:
    """A child's Chinese pet name at the start of a clause ("小明的寄宿家庭", "小雪每周六"):
    "小" and one character before a particle; not a word ("小学", "小时", "小组")."""
    return any(m.group() not in _ZH_PET_WORDS for m in _ZH_PET.finditer(text, lo, hi))


_ZH_PET_WORDS = frozenset({"小学", "小时", "小组", "小心", "小孩", "小说", "小吃", "小型", "小姐"})


_CAP = re.compile(r"(?<![\w'\u2019])[A-Z][a-z\u00e0-\u00ff]+")


def _loose_given(text: str, lo: int, hi: int, s: int, e: int) -> bool:
    """A given name that is also a word ("Can", "Will", "Grace") outside the place: someone
    may be named; the routine is reviewed, not blocked."""
    from ..names.context import lexicons, word_given

    names = lexicons()[0] | word_given()
    return any(m.group().lower() in names and not s <= m.start() < e
               for m in _CAP.finditer(text, lo, hi))
