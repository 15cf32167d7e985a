"""The person_name detector's lexicons and what the words around a candidate say it is.

Lists live in `data/names/` (written by the postguard project): given names, surnames,
well-known people, titles of works, words that never make or end a person's name, and the
context cues of `context_cues.txt`. `context()` reads the words around a capitalised
candidate: a place ("in Milton Keynes"), a team or firm ("X FC"), an author or character
("author X", "dressed as X") or the title of a song, book, film or show ("sang Penny Lane",
"the film Home Alone", a quoted "Eleanor Rigby").
"""

from __future__ import annotations

import functools
import re

from .lexicons import ARTICLES as _ARTICLES
from .lexicons import (
    POSSESSIVE,
    common_words,
    compound_given,
    cues,
    german_words,
    lexicons,
    lines,
    not_last,
    places_and_streets,
    sentence_verbs,
    titles,
    titles_after,
    word_given,
    works,
)
from .well_known import well_known

# the word lists live in `lexicons`, `well_known` in its own module; both are named here too
__all__ = [
    "POSSESSIVE", "common_words", "compound_given", "context", "cues", "famous_sentence",
    "german_sentence", "known", "known_word_given", "lexicons", "lines", "not_a_name",
    "not_last", "place_case", "places_and_streets", "sentence_verbs", "titles", "titles_after",
    "verb_first", "well_known", "word_given", "works",
]

_OPEN_QUOTES = "\"“‘'«"
_CLOSE_QUOTES = "\"”’'»"


_SENTENCE_STOP = re.compile(r"[.!?\n]")
_LOWER_WORDS = re.compile(r"(?<![\w])[a-zäöüß]+(?![\w])")


def german_sentence(text: str, s: int, e: int) -> bool:
    """The sentence around text[s:e] is German (two or more German function words), where
    every noun is capitalised: "Die Klasse", "Deutsch Grammatik" are not names there."""
    lo = max(0, s - 120)
    for m in _SENTENCE_STOP.finditer(text, lo, s):
        lo = m.end()
    stop = _SENTENCE_STOP.search(text, e, min(len(text), e + 120))
    hi = stop.start() if stop else min(len(text), e + 120)
    german = german_words()
    hits = 0
    for m in _LOWER_WORDS.finditer(text, lo, hi):
        if m.group() in german:
            hits += 1
            if hits >= 2:
                return True
    # a sentence that starts with a capitalised German article: "Die Klasse besuchte ..."
    head = text[lo:s].split()
    return not head and text[s:e].split()[0].lower() in german and hits >= 1


def known(words: list[str]) -> bool:
    """A known given name and a known surname, in either order."""
    firsts, lasts, _, _ = lexicons()
    first, last = words[0].lower(), POSSESSIVE.sub("", words[-1].lower())
    return (first in firsts and last in lasts) or (first in lasts and last in firsts)


def not_a_name(words: list[str], not_names: frozenset[str]) -> bool:
    """A word of the run is never part of a name, or its last word never ends one, and the
    run is not a known given name and surname."""
    return (any(w.lower() in not_names for w in words)
            or POSSESSIVE.sub("", words[-1].lower()) in not_last()) and not known(words)


def known_word_given(words: list[str]) -> bool:
    """A given name that is also a word ("Summer", "India") before a known surname."""
    _, lasts, _, _ = lexicons()
    return len(words) == 2 and words[0].lower() in word_given() \
        and POSSESSIVE.sub("", words[-1].lower()) in lasts


_CHILD_AFTER = re.compile(
    r"[ \t]*[,(]?[ \t]*(?:in[ \t]+)?(?:(?:year|yr|y|class|form|group|aged?)[ \t]*\d|\d{1,2}[A-Z])",
    re.IGNORECASE,
)
_COUNTY = re.compile(r",[ \t]*([A-Z][A-Za-z]+)\b")
_BY_NAME = re.compile(r"[ \t]+by[ \t]+([A-Z][\w.'’-]*)")
_PREV_WORDS = re.compile(r"[\w'’.-]+")


def _quoted(text: str, s: int, e: int) -> bool:
    """The candidate stands in quotes of its own ("Eleanor Rigby", ‘Penny Lane’)."""
    if s == 0 or text[s - 1] not in _OPEN_QUOTES or e >= len(text) \
            or text[e] not in _CLOSE_QUOTES:
        return False
    if text[s - 1] == "'" and s > 1 and not text[s - 2].isspace() and text[s - 2] not in "(":
        return False  # inside a word: "O'Brien"
    return not (text[e] in "'’" and text[e + 1:e + 2].isalpha())  # "Penny's"


_WORDS = re.compile(r"[a-z]+")


def _in_title(text: str, s: int, e: int) -> bool:
    """The candidate is part of a longer quoted title in a post about songs, films or books
    ("Mr Patel sang 'I'm Too Sexy'", "the film 'Home Alone Again'"): the quote holds up to
    eight words on one line, every one capitalised but short link words, and the post names
    a song, film or book. Quoted speech ("Well done Amelia Hartley," she said) is not a
    title: its other words are not capitalised."""
    a = next((i for i in range(s - 1, max(-1, s - 61), -1) if text[i] in _OPEN_QUOTES
              and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([")), -1)
    b = next((i for i in range(e, min(len(text), e + 60)) if text[i] in _CLOSE_QUOTES
              and not text[i + 1:i + 2].isalnum()), -1)
    if a < 0 or b < 0:
        return False
    inner = text[a + 1:b]
    if "\n" in inner or (a + 1 == s and b == e):
        return False  # across lines, or the candidate alone (`_quoted` decides that)
    words = inner.replace("\u2019", "'").split()
    if not 2 < len(words) <= 8:
        return False
    c = cues()
    small = c.get("title_link_words", frozenset())
    if not all(w[:1].isupper() or w.lower().strip(",.!?") in small for w in words):
        return False
    return _names_media(text)


@functools.lru_cache(maxsize=2)
def _names_media(text: str) -> bool:
    """The post names a song, film or book somewhere: read once per post, not once per
    candidate (a long post has thousands)."""
    return not cues().get("media_words", frozenset()).isdisjoint(_WORDS.findall(text.lower()))


def _work(text: str, s: int, e: int, words: list[str], p1: str, nxt: str,
          possessive: bool) -> bool:
    """The candidate is the title of a song, book, film or show: after "the song" or
    "the film", after "sang" or "watched" (unless a known given name and surname: "watched
    Amelia Smith score"), before "the musical" or "film", or in quotes of its own."""
    c = cues()
    if p1 in c.get("work_before", ()):
        return True
    if known(words) or possessive:
        return False  # "read Eleanor Rigby's poem": a child's work
    if p1 in c.get("work_see_before", ()):
        return words[0].lower() not in lexicons()[0]  # "watched Freddie Castellanos score"
    return p1 in c.get("work_verb_before", ()) or _quoted(text, s, e) \
        or nxt.lower() in c.get("work_after", ()) or _in_title(text, s, e)


def context(text: str, s: int, e: int, words: list[str]) -> str | None:
    """What the words around a candidate say it is: "place", "org", "famous" (an author or
    a character), "work" (a title) or None (nothing: a person, perhaps a child)."""
    firsts, _, _, _ = lexicons()
    places, streets = places_and_streets()
    key = " ".join(w.lower() for w in words)
    last = POSSESSIVE.sub("", words[-1].lower())
    if key in places or last.rstrip(".") in streets:
        return "place"
    c = cues()
    head = text[max(0, s - 40):s].rstrip(_OPEN_QUOTES + " \t")  # 'sang "Penny Lane"'
    before = _PREV_WORDS.findall(head)[-3:]
    if before and head[head.rfind(before[-1]) + len(before[-1]):].strip():
        before = []  # punctuation between ("song writers, Millie ..."): no cue word
    prev = [w.lower() for w in before]
    p1 = prev[-1] if prev else ""
    p2 = prev[-2] if len(prev) > 1 else ""
    after = text[e:e + 30]
    nxt = after.split()[0].strip(".,;:!?)\"”’") if after.strip() else ""
    possessive = bool(POSSESSIVE.search(words[-1])) or after[:2] in ("'s", "’s")
    if nxt in c.get("org_after", ()):
        return "org"
    county = _COUNTY.match(after)
    if county and county.group(1).lower() in c.get("place_after", ()) and not known(words):
        return "place"  # "Milton Keynes, Bucks"
    if p1 == "the" and nxt.lower() in c.get("team_after", ()):
        return "org"
    child = bool(_CHILD_AFTER.match(after))
    by = _BY_NAME.match(after)
    if by and by.group(1).lower().rstrip(".") not in titles() and p1 != "to" \
            and words[0].lower() not in firsts and not known(words):
        return "org"  # "Varjak Paw by S F Said": the title of a work, not a person
    if words[0].lower() not in firsts and not known(words) and not possessive \
            and not child and (
        (p1 in c.get("place_before", ()) and p2 not in c.get("not_place_before", ()))
        or (p1 in ("to", "from") and p2 in c.get("motion_before", ()))
    ):
        return "place"
    if child:
        return None
    if p1 in c.get("character_before", ()) or (
        p1 in c.get("author_before", ()) and p2 not in c.get("child_author_before", ())
    ):
        return "famous"
    if p1 == "by" and before[:-1] and (
        p2 in c.get("book_before_by", ()) or _title_word(text, s, before[-2])
    ):
        return "famous"
    if p1 == "as" and p2 in c.get("costume_before_as", ()):
        return "famous"
    if possessive and nxt.lower() in c.get("author_after", ()):
        return "famous"
    if re.match(r",?[ \t]+played[ \t]+by\b", after):
        return "famous"  # "Wendy Darling, played by ...": the character
    if p1 in _ARTICLES and p2 in c.get("work_verb_before", ()) and not known(words):
        return "work"  # "abbiamo letto Il Piccolo Principe", "lemos O Pequeno Príncipe"
    if (key in works() and not possessive) or _work(text, s, e, words, p1, nxt, possessive):
        return "work"
    return None


def _title_word(text: str, s: int, word: str) -> bool:
    """The word before "by" is a capitalised title word ("Holes by ..."), not the first
    word of a sentence ("Designed by ...")."""
    if not word[:1].isupper() or word.lower() in common_words():
        return False
    at = text.rfind(word, max(0, s - 40), s)
    head = text[max(0, at - 3):at].rstrip()
    return at > 0 and bool(head) and head[-1] not in ".!?:\n"


@functools.cache
def _famous_re() -> re.Pattern[str]:
    words = sorted(cues().get("famous_in_sentence", ()), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")",
                      re.IGNORECASE)


def famous_sentence(text: str, s: int, e: int) -> bool:
    """The sentence around text[s:e] says its people are famous ("two famous French
    people", "ünlü Türkler", "célèbres", "有名"): the names in it are topics, not children."""
    lo = max(0, s - 160)
    for m in _SENTENCE_STOP.finditer(text, lo, s):
        lo = m.end()
    stop = _SENTENCE_STOP.search(text, e, min(len(text), e + 160))
    hi = stop.start() if stop else min(len(text), e + 160)
    for m in _famous_re().finditer(text, lo, hi):
        if m.group().lower() not in _ENGLISH_FAMOUS or _PEOPLE_AFTER.match(text, m.end()):
            return True
    return False


# English "famous" names a lesson's topic only before people in the plural ("two famous
# painters", "famous Britons"), not in "our famous cake sale, run by Amelia Hart"
_ENGLISH_FAMOUS = frozenset({"famous", "well-known", "world-famous", "notable", "legendary"})
_PEOPLE_AFTER = re.compile(
    r"(?:[ \t]+[\w'\u2019-]+){0,2}?[ \t]+"
    r"(?:(?!(?:was|is|has|his|its|this|as|us|does|yes|plus)\b)[A-Za-z]{2,}s|people|men|women)\b")


# Turkish locative and ablative endings after an apostrophe ("Brighton'da", "Hove'den",
# "Londra'daki"): they end places, not people's names (those take the genitive "'nin").
_TURKISH_PLACE_CASE = re.compile(r"['\u2019](?:n?[dt][ae]n?|n?[dt][ae]ki)$")
_VERB_ENDINGS = ("liśmy", "łyśmy", "iśmy", "amos", "emos", "imos", "ímos", "iamo", "ammo",
                 "amy", "emy", "imy", "ymy",  # Polish "Czytamy", "Idziemy", "Robimy"
                 "ajcie", "ijcie", "yjcie",  # Polish plural imperatives: "Zapytajcie"
                 "sanız", "seniz")  # Turkish "if you ...": "Kaybolursanız", "Gelirseniz"


def verb_first(word: str, firsts: frozenset[str], lasts: frozenset[str]) -> bool:
    """The first word of a two-word run at the start of a sentence is a verb, not a name."""
    key = word.lower()
    if key in firsts or key in lasts:
        return False
    return key in sentence_verbs() or (len(key) >= 5 and key.endswith(_VERB_ENDINGS))


def place_case(word: str) -> bool:
    """The word ends in a Turkish locative or ablative ending ("Brighton'da")."""
    return _TURKISH_PLACE_CASE.search(word) is not None
