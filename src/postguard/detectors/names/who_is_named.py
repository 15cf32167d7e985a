"""Who a name-like run is, from the words around it (issue 13): not a person at all, or a
private adult rather than staff. Words: `data/names/who_is_named.toml`.

- A placeholder on a form: a name that only ever stands for anyone ("Joe Bloggs", "Max
  Mustermann", "Fulano de Tal") or a name a few words before "example" ("X is only an
  example", "X n'est qu'un exemple", "X to tylko przykład").
- A thing named with an article: Spanish and French never put "la", "les", "des" before a
  person's name ("la Guerra Civil", "des Juifs de France"). Not Portuguese "a", "o": they
  stand before given names too, and "a" is Spanish "to" before a person.
- A German noun phrase: "der", "die", "des" alone between capitalised words are articles
  ("Notfallnummer der Begleiterin"); in names they follow "von" or "van" ("von der Heide").
- A German notice: a word that ends like a German noun ("Treffpunkt Haupteingang",
  "Aufführung Romeo"), no name having such an ending.
- A run of four or more capitalised words without a given name is a title or a slogan
  ("Speak Out Stay Safe"), not a person.
- A host parent: a full name after "host father", "Gastvater", "홈스테이 아버지", "寄宿家庭的"
  names a private adult, reported as a person's full name even with a title ("Mr", "先生",
  "님"), which otherwise marks staff.
- A sentence that offers characters of a story ("which character would you be, X or Y?",
  "the heteronym X"): its names are characters.
- A pet or a mascot: "the" or "our" and an animal word right after the name ("Honey Bun the
  guinea pig").
- A Korean given name called out with the vocative ending ("지민아!", "하나야,"): a first name,
  not a family name and a given name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...datafiles import alternation, load_toml

_STOP = re.compile(r"[.!?\n。！？]")


@dataclass(frozen=True)
class _Words:
    placeholders: frozenset[str]
    example_after: re.Pattern[str]
    example_between: frozenset[str]
    articles: frozenset[str]
    german_articles: frozenset[str]
    noble: frozenset[str]
    host: re.Pattern[str]
    characters: re.Pattern[str]
    pet: re.Pattern[str]
    german_endings: tuple[str, ...]


@functools.cache
def _words() -> _Words:
    d = load_toml("names/who_is_named.toml")
    return _Words(
        placeholders=frozenset(" ".join(n.lower().split()) for n in d["placeholder_names"]),
        # up to five words between the name and the example word, inside one clause
        example_after=re.compile(
            r"[^.!?\n;:]{0,40}?(?<![\w])(" + alternation(d["example_words"]) + ")",
            re.IGNORECASE),
        example_between=frozenset(d["example_between"]),
        articles=frozenset(d["articles_before"]),
        german_articles=frozenset(d["german_articles"]),
        noble=frozenset(d["noble_before_article"]),
        host=re.compile("(?:" + alternation(d["host_cues"]) + ")", re.IGNORECASE),
        characters=re.compile(r"(?<![\w])(?:" + alternation(d["character_sentence"]) + ")",
                              re.IGNORECASE),
        german_endings=tuple(d["german_noun_endings"]),
        pet=re.compile(
            r"['’]?s?,?[ \t]+(?:the|our)[ \t]+(?:(?:class|school|new|little|form|year[ \t]*\d+)"
            r"[ \t]+){0,2}(?:" + alternation(d["pet_after"]) + r")(?![\w])"
            # "our class hamster monitor": a child's job, not a pet
            r"(?![ \t]+(?:monitor|helper|keeper|feeder|carer|champion|leader|expert|"
            r"whisperer|duty|team|club|walker)s?\b)", re.IGNORECASE),
    )


def placeholder(text: str, s: int, e: int, key: str) -> bool:
    """The name stands for anyone: a placeholder name, or "example" a few words after it."""
    w = _words()
    if key in w.placeholders:
        return True
    m = w.example_after.match(text, e)
    if m is None:
        return False
    between = text[e:m.start(1)].split()  # the words before the example word
    return len(between) <= 5 and all(
        x.strip(",:;'\"“”‘’()-–—").lower() in w.example_between for x in between
        if x.strip(",:;'\"“”‘’()-–—"))


def thing_after_article(text: str, s: int, known: bool) -> bool:
    """A lowercase Spanish or French article right before the run, which never stands before
    a person's name ("la Guerra Civil", "des Juifs de France"), and the run is not a known
    given name and surname."""
    head = text[max(0, s - 5):s]
    if not head.endswith((" ", "\t")):
        return False
    prev = head.split()[-1] if head.split() else ""
    if not prev.islower():
        return False
    return prev in _words().articles and not known


def german_noun_phrase(raw: list[str]) -> bool:
    """A German article alone between capitalised words ("Tag der Umwelt"), not after "von"
    or "van"."""
    w = _words()
    for i, word in enumerate(raw[1:-1], 1):
        if word in w.german_articles and raw[i - 1].lower() not in w.noble:
            return True
    return False


def german_notice(words: list[str], firsts: frozenset[str], lasts: frozenset[str]) -> bool:
    """A word of six letters or more ends like a German noun ("Treffpunkt", "Aufführung") and
    is no known given name or surname."""
    ends = _words().german_endings
    for x in words:
        w = x.split("'")[0].split("’")[0].lower()
        if len(w) >= 6 and w.endswith(ends) and w not in firsts and w not in lasts:
            return True
    return False


def slogan(words: list[str], firsts: frozenset[str]) -> bool:
    """Four or more capitalised words, none a known given name: a title or a slogan."""
    return len(words) >= 4 and not any(x.lower() in firsts for x in words)


def host_parent(text: str, s: int, e: int) -> bool:
    """A host-family word within the clause before the name (or right after it): the name is
    a host parent's, a private adult."""
    lo = max(0, s - 40)
    for m in _STOP.finditer(text, lo, s):
        lo = m.end()
    hi = min(len(text), e + 25)
    stop = _STOP.search(text, e, hi)
    return _words().host.search(text[lo:s] + " " + text[e:stop.start() if stop else hi]) \
        is not None


def pet(text: str, e: int) -> bool:
    """An animal word follows the name with "the" or "our" ("Honey Bun the guinea pig",
    "Biscuit, our class hamster"): a pet or a mascot."""
    return _words().pet.match(text, e) is not None


def character_sentence(text: str, s: int, e: int) -> bool:
    """The sentence around the name offers characters of a story ("which character ...")."""
    lo = max(0, s - 120)
    for m in _STOP.finditer(text, lo, s):
        lo = m.end()
    stop = _STOP.search(text, e, min(len(text), e + 120))
    hi = stop.start() if stop else min(len(text), e + 120)
    return _words().characters.search(text, lo, hi) is not None


def _batchim(syllable: str) -> bool:
    """The Hangul syllable ends in a consonant."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def korean_vocative(name: str, after: str, given_first: str, opens: bool = False) -> bool:
    """Three syllables that are a two-syllable given name and the vocative ending, then a
    pause, or a space when the name opens a sentence ("지민아!", "하나야,", "서윤아 사진 ..."):
    아 after a closing consonant, 야 after a vowel."""
    if len(name) != 3 or name[2] not in "아야" or name[0] not in given_first:
        return False
    if after[:1] not in (",", "!", "?", "~", "…", "，", "！", "？", "") and not (
            opens and after[:1] in (" ", "\t")):
        return False
    return _batchim(name[1]) == (name[2] == "아")
