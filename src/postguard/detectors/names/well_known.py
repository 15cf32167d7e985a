"""Whether a run of words names a well-known person (data/names/well_known.txt) as a post
writes them: with or without accents, with a possessive or a Turkish case ending, inflected
(Polish, Czech, Turkish), or a distinctive surname after a particle ("Van Gogh").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .lexicons import ARTICLES as _ARTICLES
from .lexicons import lexicons, word_given

# A word's ending after an apostrophe in Turkish ("Pamuk'un", "Atatürk'ün"), or a possessive
_SUFFIX_AFTER_APOSTROPHE = re.compile(r"['\u2019][^\W\d_]{0,4}$")


def _plain(word: str) -> str:
    """A word as the well-known list is compared: lowercase, no accents, no possessive or
    Turkish case ending after an apostrophe."""
    word = _SUFFIX_AFTER_APOSTROPHE.sub("", word.lower())
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


@functools.cache
def _famous_index() -> tuple[frozenset[str], dict[str, tuple[tuple[str, ...], ...]],
                             frozenset[str]]:
    """(the well-known names in plain words; the same by the first three letters of their
    last word; their distinctive surnames: the last words that are no common surname and no
    given name)."""
    firsts, lasts, famous, _ = lexicons()
    plain = [tuple(_plain(w) for w in name.split()) for name in famous]
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in plain:
        if len(words) >= 2:
            by_last.setdefault(words[-1][:3], []).append(words)
    surnames = frozenset(ws[-1] for ws in plain if len(ws) >= 2 and len(ws[-1]) >= 4
                         and ws[-1] not in lasts and ws[-1] not in firsts)
    return (frozenset(" ".join(ws) for ws in plain),
            {k: tuple(v) for k, v in by_last.items()}, surnames)


def _inflected(word: str, base: str) -> bool:
    """`word` is `base` with a case ending, as Polish, Czech or Turkish inflect a name
    ("Koperniku" of "Kopernik", "Chopinie" of "Chopin", "Skłodowskiej" of "Skłodowska",
    "Marii" of "Maria"): they share all of `base` but its last two letters, and `word`
    adds at most four."""
    if word == base:
        return True
    if "-" in base:  # "Skłodowskiej-Curie": each part on its own
        parts, bases = word.split("-"), base.split("-")
        return len(parts) == len(bases) and all(_inflected(w, b)
                                                 for w, b in zip(parts, bases, strict=True))
    if len(base) < 4 or not 0 <= len(word) - len(base) + 2 <= 6:
        return False
    n = 0
    for a, b in zip(word, base, strict=False):
        if a != b:
            break
        n += 1
    return n >= len(base) - 2 and n >= 3


def well_known(words: list[str]) -> bool:
    """The words name a well-known person (data/names/well_known.txt), as written in a post:
    with accents or without ("Napoléon Bonaparte"), with a possessive or a Turkish case
    ending ("Orhan Pamuk'un"), inflected ("Mikołaju Koperniku", "Marii Skłodowskiej-Curie"),
    followed by the title of their work ("David Attenborough's Blue Planet"), or a
    distinctive surname after a particle, in a run that starts with no given name ("Van
    Gogh", "Guernica de Picasso")."""
    exact, by_last, surnames = _famous_index()
    plain = [_plain(w) for w in words]
    while len(plain) > 2 and (plain[0] in _PARTICLES_BEFORE or plain[0] in _ARTICLES):
        plain = plain[1:]  # "(Falamos) de Ayrton Senna"
    for n in range(len(plain), 1, -1):
        if " ".join(plain[:n]) in exact:
            return True
    for n in range(len(plain), 1, -1):
        head = plain[:n]
        for cand in by_last.get(head[-1][:3], ()):
            if len(cand) == n and all(_inflected(w, b) for w, b in zip(head, cand, strict=True)):
                return True
    return len(plain) >= 2 and plain[-1] in surnames and plain[-2] in _PARTICLES_BEFORE \
        and plain[0] not in lexicons()[0] and plain[0] not in word_given()


# the words before a surname said alone ("Van Gogh", "el Guernica de Picasso")
_PARTICLES_BEFORE = frozenset({"van", "von", "de", "da", "di", "del", "della", "du", "des"})
