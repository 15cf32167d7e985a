"""Words the `address` detector reads around a street (places.py, place_homes.py): house
numbers written in words ("number eighteen Acacia Avenue", "twenty-two Beech Road", "No.
seven Orchard Close"), famous people's museum homes ("Dickens's house on Doughty Street",
"Shakespeare's birthplace", "Roald Dahl's former home": a visit, not a child's home) and the
town after a lowercase street ("lives at 4 kings road brighton").

Lists: `data/place_words.txt` and `data/uk_towns.txt`; the famous people, given names and
surnames are the person_name detector's lexicons (`name_context.lexicons()`: one copy per
process), so a name added there is known here too. Everything is loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ...scans import after
from ..names.context import lexicons
from .data import Tokens, load_sections, phrases_pattern, word_key

# a word of a famous name ("Roald", "Dahl", "J", "Brontë", "Cottrell-Boyce")
_NAME_WORD = re.compile(r"[A-Z][\w-]*")
_WORD_CHAR = re.compile(r"\w")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady",
                     "lord", "auntie", "aunt", "uncle", "nan", "grandma", "grandad"})


@dataclass(frozen=True)
class PlaceWords:
    numbers: dict[str, int]  # "eighteen" -> 18
    tens: frozenset[str]  # "twenty" ... "ninety"
    leads: frozenset[str]  # "number", "no" ...
    name_after: frozenset[str]  # "mile" in "Two Mile Lane"
    museum: re.Pattern[str]  # a possessive and a museum-home word: "'s birthplace"
    famous: frozenset[str]  # well-known full names, lowercase
    alone: frozenset[str]  # last words of famous names that name them alone ("dickens")
    firsts: frozenset[str]  # given names, lowercase
    towns: frozenset[str]  # towns, lowercase, one or two words
    museum_houses: frozenset[str]  # named houses that are museums, lowercase, no apostrophes
    cities: frozenset[str]  # towns, cities, counties and countries, lowercase

    # -- house numbers in words ----------------------------------------------------------
    def number_before(self, t: Tokens, j: int) -> tuple[int, int] | None:
        """(first token, value) of a number in words that ends right before token j."""
        if j < 1:
            return None
        value = self.numbers.get(word_key(t.words[j - 1]))
        if value is None:
            return None
        if value < 10:
            if j >= 3 and t.words[j - 2] in ("-", "\u2010", "\u2011") and \
                    t.ends[j - 3] == t.starts[j - 2] and t.ends[j - 2] == t.starts[j - 1]:
                tens = word_key(t.words[j - 3])
                if tens in self.tens:
                    return j - 3, self.numbers[tens] + value  # "twenty-two"
            if j >= 2 and word_key(t.words[j - 2]) in self.tens and t.same_line(j - 2, j - 1):
                return j - 2, self.numbers[word_key(t.words[j - 2])] + value  # "twenty two"
        return j - 1, value

    def number_at(self, t: Tokens, n: int) -> tuple[int, int] | None:
        """(last token, value) of a number in words that starts at token n."""
        value = self.numbers.get(word_key(t.word(n)))
        if value is None or value < 20 or n + 1 >= len(t.words):
            return None if value is None else (n, value)
        k = n + 1
        if t.words[k] in ("-", "\u2010", "\u2011") and k + 1 < len(t.words) and \
                t.ends[n] == t.starts[k] and t.ends[k] == t.starts[k + 1]:
            k += 1  # "twenty-two"
        elif not t.same_line(n, k):
            return n, value
        unit = self.numbers.get(word_key(t.words[k]), 10)
        return (k, value + unit) if unit < 10 else (n, value)

    def split_name(self, t: Tokens, j: int, i: int) -> int:
        """The first token of a street's name read back from its suffix at i to j, past a
        house number in words read with it ("Ten Downing Street", "number eighteen acacia
        avenue"); j itself when the number is part of the name ("Seven Sisters Road")."""
        p = j
        while p < i and word_key(t.words[p]) in self.leads:
            p += 1
        if p == i or word_key(t.words[p]) not in self.numbers:
            return j
        e = p
        while e < i and word_key(t.words[e]) in self.numbers:
            e += 1
        if e == i:
            return j
        name = t.words[e]
        key = word_key(name)
        if key in self.name_after or (len(key) > 3 and key.endswith("s")
                                      and not key.endswith(("ss", "us", "is"))):
            return j  # "Seven Sisters Road", "Nine Elms Lane", "Two Mile Lane"
        return e

    # -- museum homes ------------------------------------------------------------------------
    def museum_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of a famous person's museum home ("Charles Dickens's house", "Shakespeare's
        birthplace"), from the possessor's first word to the home word."""
        if "'" not in text and "\u2019" not in text:
            return []
        spans: list[tuple[int, int]] = []
        for m in after(self.museum, text, _WORD_CHAR):
            s = m.start()
            words: list[str] = []  # the capitalised words right before the possessive
            for w in reversed(text[max(0, s - 60):s].split(" ")[-4:]):
                if _NAME_WORD.fullmatch(w) is None:
                    break
                words.insert(0, w)
            if words and self._famous(words):
                spans.append((s - len(" ".join(words)), m.end()))
        return spans

    def _famous(self, words: list[str]) -> bool:
        keys = [word_key(w) for w in words]
        for n in range(len(keys), 0, -1):
            if " ".join(w.lower() for w in words[-n:]) in self.famous:
                return True  # "Anne Frank", "Roald Dahl", "William Wordsworth"
        if keys[-1] not in self.alone:
            return False
        # a surname alone ("Dickens' house"), not after a given name or a title ("Amelia
        # Dickens's house", "Mrs Austen's house")
        return len(keys) == 1 or (keys[-2] not in self.firsts and keys[-2] not in _TITLES)

    def area_after(self, t: Tokens, k: int, stop: frozenset[str]) -> int | None:
        """The last token of "in" and a capitalised place (one or two words) at token k
        ("Bishop's Way in Headingley"); not "in Year 5", "in May"."""
        if t.word(k) not in ("in", "In") or k + 1 >= len(t.words) or not t.same_line(k, k + 1):
            return None
        n = k + 1
        while n < len(t.words) and n - k <= 2 and t.same_line(n - 1, n) and \
                t.words[n][:1].isupper() and t.words[n].isalpha() and \
                word_key(t.words[n]) not in stop:
            n += 1
        return n - 1 if n > k + 1 and not t.word(n)[:1].isdigit() else None

    def museum_house(self, name: str) -> bool:
        """A named house that is a museum ("Dove Cottage", "the Brontë Parsonage")."""
        key = word_key(" ".join(name.split()))
        return key.removeprefix("the ") in self.museum_houses

    # -- towns -----------------------------------------------------------------------------
    def town_at(self, t: Tokens, k: int, lower: bool = True,
                after_comma: bool = False) -> int | None:
        """The last token of a town (one or two words) that starts at token k, or after a
        comma there when `after_comma`: lowercase after a lowercase street ("4 kings road
        brighton"); capitalised only after a comma ("Cooper's Row, Halifax")."""
        comma = after_comma and t.word(k) == "," and k + 1 < len(t.words) and t.same_line(k, k + 1)
        if comma:
            k += 1
        if k >= len(t.words) or not (t.words[k].islower() if lower else
                                     comma and t.words[k][:1].isupper()):
            return None
        towns = self.towns if lower else self.cities
        if k + 1 < len(t.words) and t.same_line(k, k + 1) and \
                f"{t.words[k]} {t.words[k + 1]}".lower() in towns:
            return k + 1
        return k if t.words[k].lower() in towns else None


@functools.cache
def place_words() -> PlaceWords:
    firsts, lasts, famous, _ = lexicons()  # the person_name detector's own, read once
    sec = load_sections("place_words.txt")
    numbers: dict[str, int] = {}
    for line in sec["number_words"]:
        word, value = line.split()
        numbers[word_key(word)] = int(value)
    not_alone = frozenset(word_key(w) for w in sec["not_alone"])
    alone: set[str] = set()
    for name in famous:
        parts = name.split()
        if len(parts) > 1:
            alone.add(word_key(parts[-1].removesuffix("'s").removesuffix("\u2019s")))
    towns = frozenset(" ".join(w.split()) for w in load_sections("uk_towns.txt")[""])
    return PlaceWords(
        numbers=numbers,
        tens=frozenset(w for w, v in numbers.items() if v >= 20),
        leads=frozenset(word_key(w) for w in sec["number_leads"]),
        name_after=frozenset(word_key(w) for w in sec["name_after_number"]),
        # after a word character ("(?<=\w)", checked by `scans.after`: a faster scan)
        museum=lazy_compile(r"['\u2019]s?[ \t]+(?:" + phrases_pattern(sec["museum_homes"])
                          + r")\b"),
        famous=frozenset(famous),
        alone=frozenset(w for w in alone if len(w) >= 4 and w not in firsts
                        and w not in lasts and w not in not_alone),
        firsts=firsts,
        towns=towns,
        museum_houses=frozenset(word_key(" ".join(w.split())) for w in sec["museum_house_names"]),
        cities=towns | frozenset(" ".join(w.split()) for w in
                                 load_sections("home_areas.txt")["wide_places"]),
    )

