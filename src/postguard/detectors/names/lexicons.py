"""The person_name detector's word lists, read once from `data/names/` (written by the
postguard project): given names, surnames, well-known people, titles of works, words that never
make or end a person's name, titles, sentence verbs, German function words and the context cues
of `context_cues.txt`. Other families (places, schools) read the same lists.
"""

from __future__ import annotations

import functools
import re

from ...datafiles import read_data

POSSESSIVE = re.compile(r"['’]s?$")


def lines(name: str) -> list[str]:
    text = read_data(f"names/{name}")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, surnames, well-known people, words that are never part of a name)."""
    firsts = frozenset(w.lower() for f in ("first_names.txt", "given_names_more.txt")
                       for w in lines(f))
    lasts = frozenset(w.lower() for f in ("surnames.txt", "surnames_more.txt")
                      for w in lines(f))
    famous = frozenset(" ".join(w.lower().split()) for w in lines("well_known.txt"))
    not_names = frozenset(w.lower() for w in lines("not_name_words.txt"))
    return firsts, lasts, famous, not_names


@functools.cache
def compound_given() -> frozenset[str]:
    """Given names of two words ("Ana Clara", "João Pedro"): one first name, not a full name."""
    return frozenset(" ".join(w.lower().split()) for w in lines("compound_given_names.txt"))


@functools.cache
def works() -> frozenset[str]:
    """Titles of songs, books, films and shows that look like a full name."""
    return frozenset(" ".join(w.lower().split()) for w in lines("works.txt"))


@functools.cache
def not_last() -> frozenset[str]:
    """Common nouns that never end a person's name, though some are given names as a first
    word ("Learning Hero", "Reading Champion"; "Hero Lawson" is a name)."""
    return frozenset(w.lower() for w in lines("not_name_last.txt"))


@functools.cache
def word_given() -> frozenset[str]:
    """Given names that are also words or places (Summer, India, Hero): a given name only
    before a known surname ("Summer Holt", not "Summer Fair")."""
    return frozenset(w.lower() for w in lines("given_names_words.txt"))


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    """The [section] word lists of context_cues.txt (lowercased, except [org_after])."""
    out: dict[str, set[str]] = {}
    section = ""
    for ln in lines("context_cues.txt"):
        if ln.startswith("[") and ln.endswith("]"):
            section = ln[1:-1]
            out.setdefault(section, set())
        else:
            out.setdefault(section, set()).add(ln if section == "org_after" else ln.lower())
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def places_and_streets() -> tuple[frozenset[str], frozenset[str]]:
    places = frozenset(" ".join(w.lower().split()) for w in lines("places.txt"))
    streets = frozenset(w.lower() for w in lines("street_abbreviations.txt"))
    return places, streets


@functools.cache
def common_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("common_words.txt"))


@functools.cache
def titles() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("titles.txt"))


@functools.cache
def titles_after() -> frozenset[str]:
    """Adults' titles written after a name ("Ayşe Hanım", "Mehmet Bey", "Tanaka Sensei")."""
    return frozenset(w.lower() for w in lines("titles_after.txt"))


@functools.cache
def sentence_verbs() -> frozenset[str]:
    """Verbs that start a sentence before a name ("Help Rafi Ahmed find ...")."""
    return frozenset(w.lower() for w in lines("sentence_verbs.txt"))


@functools.cache
def german_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("german_words.txt"))


# Articles before a name or a title ("abbiamo letto Il Piccolo Principe", "de Ayrton Senna")
ARTICLES = frozenset({"il", "lo", "la", "le", "l", "el", "los", "las", "les", "o", "os", "a",
                      "as", "der", "die", "das", "den", "the", "un", "una", "une", "ein",
                      "eine"})
