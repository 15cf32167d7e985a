"""Whole postal addresses: an address finding grows over every part a postal address reads
as, so that redacting it leaves nothing of the address behind.

A UK address is written as parts split by commas or line breaks: a building or firm
("Oakfield Community Centre"), a flat or unit, a house number and street, a locality, a
town, a county and a postcode. The address detector finds an anchor (a postcode, a house
number and street, a flat or a named house); `grow` reads from it backwards and forwards
over neighbouring parts that look like address parts (runs of capitalised words or house
numbers, a few words long, each ending at a comma, a line break, a postcode or the end of a
sentence). It stops at a lowercase word ("visit us at ..."), a clause ("..., Amy said"), a
person's given name standing alone ("Amy, 12 Elm Road") or a sentence-lead word
(`data/place_cues.txt` [postal_lead_words]).

`numbered_without_suffix` reads roads named without a suffix word ("7-9 Piccadilly,
Manchester", "12A Upperkirkgate, ABERDEEN"): a house number and one to three capitalised
words, then a known town or a postcode.

Every window is bounded (a few parts of a few words each): time is linear in the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ..names.context import lexicons
from .data import load_sections, word_key

# capitals of Latin Extended-A too ("İstanbul", "Łódź", "Šiauliai")
_CAPITALS = ("A-Z\u00c0-\u00de\u0130\u0141\u015a\u0179\u017b\u0106\u0118\u0104\u0143"
             "\u015e\u010c\u0160\u017d")
_CAP = rf"[{_CAPITALS}][\w'\u2019.\-]*"
_NUM = r"[0-9]{1,4}[A-Za-z]{0,2}(?:[-/\u2013][0-9]{1,4}[A-Za-z]?)?"
_LINK = r"(?:of|the|on|upon|under|le|la|de|cum|en|super|next|and)\b"
_TOKEN = rf"(?:{_CAP}|{_NUM}|&)"
# one part: up to seven words, the first no linking word
_PART_AT = re.compile(rf"(?:{_TOKEN})(?:[ \t]+(?:{_TOKEN}|{_LINK})){{0,6}}")
_PART_BEFORE = lazy_compile(
    rf"(?<![\w'\u2019.&\-])(?:{_TOKEN})(?:[ \t]+(?:{_TOKEN}|{_LINK})){{0,6}}$")
_SEP_AT = re.compile(r"[ \t]*(?:,[ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*)")
_SEP_BEFORE = re.compile(r"(?:,[ \t]*(?:\r?\n)?|\r?\n)[ \t]*$")
_SPACE_BEFORE = re.compile(r"(?<=[A-Za-z])[ \t]+$")
_FLOOR_BEFORE = re.compile(r"(?<![\w.])(?:[0-9]{1,2}(?:st|nd|rd|th)|Ground|First|Second|Top|"
                           r"Upper|Lower|Basement)[ \t]+$")
_LOWER_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_SPACES = re.compile(r"[ \t]+")
_SENTENCE_END = re.compile(r"[ \t]*(?:[.!?;)\]]|$)")
_WORD = re.compile(rf"{_TOKEN}|{_LINK}")
_NUMBER = re.compile(_NUM)
_MAX_PARTS_BACK = 4
# a postal code of another country and its town ("28014 Madrid", "00-590 Warszawa", "1017 GC
# Amsterdam", "1100-053 Lisboa"), or a US state and ZIP code ("IL 62704"), as the part after
# an address: the address goes on over it
_POSTCODE_TOWN_ABROAD = re.compile(
    r"(?:[0-9]{4,5}(?:-[0-9]{3,4})?|[0-9]{2}-[0-9]{3})(?:[ \t]+[A-Z]{2}(?![\w'\u2019]))?"
    r"[ \t]+[A-Z\u00c0-\u00de][\w'\u2019.\-]+(?:[ \t]+[A-Z\u00c0-\u00de][\w'\u2019.\-]+){0,2}"
    r"|[A-Z]{2}[ \t]+[0-9]{5}(?:-[0-9]{4})?(?![\w-])")
# a flat, floor or door in the layouts abroad, after a house number with or without a comma
# ("Calle Mayor 23, 2º B", "No: 45 Daire 3", "Via Roma 4, scala B int. 7", "ul. Lipowa 8 m. 3")
_UNIT_ABROAD = re.compile(
    r"[ \t]*,?[ \t]*(?:[0-9]{1,2}[ \t]?[º°ª][ \t]?"
    r"(?:[A-Z](?![\w'\u2019])|(?:izq|izda|dcha|dch)\.?)?"
    r"|(?:piso|planta|puerta|escalera|esc\.|apto\.?|apartamento|andar|bloco|daire|kat|"
    r"Wohnung|Whg\.|scala|interno|int\.|appartement|app\.|étage|m\.|lok\.)"
    r"[ \t]*:?[ \t]*[0-9A-Z]{1,4}(?![\w'\u2019]))", re.IGNORECASE)
_MAX_PARTS_ON = 5
_WINDOW = 90


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})


@dataclass(frozen=True)
class PostalWords:
    lead: frozenset[str]  # words that start a sentence, not an address part ("Visit", "Thanks")
    firsts: frozenset[str]  # given names, lowercase
    lasts: frozenset[str]  # surnames, lowercase
    towns: frozenset[str]  # towns, cities, counties and countries, lowercase
    building: frozenset[str]  # words of a building's or a street's name ("Centre", "House")
    schools: frozenset[str]  # a school's own words: a school is its own finding


@functools.cache
def postal_words(towns: frozenset[str], building: frozenset[str]) -> PostalWords:
    firsts, lasts, _, _ = lexicons()
    sec = load_sections("place_cues.txt")
    building = building | frozenset(word_key(w) for w in sec["postal_building_words"])
    return PostalWords(lead=frozenset(word_key(w) for w in sec["postal_lead_words"]),
                       firsts=firsts, lasts=lasts, towns=towns, building=building,
                       schools=frozenset(word_key(w) for w in sec["postal_school_words"]))


class Postal:
    """Grows address spans over the parts of a postal address (see the module doc)."""

    def __init__(self, words: PostalWords, postcode_at: dict[int, int]) -> None:
        self._w = words
        self._pc = postcode_at  # postcode start -> end

    def grow(self, text: str, start: int, end: int) -> tuple[int, int]:
        floor = _FLOOR_BEFORE.search(text, max(0, start - 12), start)
        if floor is not None:
            start = floor.start()  # "1st Floor, ...", "3rd Flat ..."
        return self._back(text, start), self._on(text, end)

    # -- forwards: locality, town, county, postcode ----------------------------------------
    def _on(self, text: str, end: int) -> int:
        best = end
        pos = end
        for _ in range(_MAX_PARTS_ON):
            unit = _UNIT_ABROAD.match(text, pos)
            if unit is not None and unit.end() > pos and _NUMBER.search(text, pos - 16, pos):
                best = pos = unit.end()  # right after a number: "Calle Mayor 23, 2º B"
                continue
            sep = _SEP_AT.match(text, pos)
            if sep is None or sep.end() == pos:
                gap = _SPACES.match(text, pos)
                if gap is not None and gap.end() in self._pc:
                    return self._pc[gap.end()]  # "Southall, Middlesex UB1 3HW"
                return best
            p = sep.end()
            if p in self._pc:
                return self._pc[p]
            abroad = _POSTCODE_TOWN_ABROAD.match(text, p)
            if abroad is not None:  # "Calle de Alcalá 45, 28014 Madrid"
                best = pos = abroad.end() - len(abroad.group()) + len(abroad.group().rstrip("."))
                continue
            part = self._part_at(text, p)
            if part is None:
                return best
            best = pos = part
        return best

    def _part_at(self, text: str, p: int) -> int | None:
        """End of an address part starting at p, or None."""
        m = _PART_AT.match(text, p)
        if m is None:
            return None
        e = m.end()
        # a word with a full stop ends the sentence ("..., Kenilworth. Tomás R."), unless it
        # is short ("St.", "Rd."): the part ends before that stop
        for w in _WORD.finditer(text, p, e):
            if w.group().endswith(".") and len(w.group()) > 4:
                e = w.end() - 1
                break
        words = _WORD.findall(text[p:e])
        # a postcode read as words of the part ("Bolton BL3 5AB"): end the part before it
        for w in _SPACES.finditer(m.group()):
            if p + w.end() in self._pc:
                return self._pc[p + w.end()]
        if not self._is_part(words, forwards=True):
            return None
        nxt = _SEP_AT.match(text, e)
        if nxt is not None and nxt.end() > e:
            return e
        if _SENTENCE_END.match(text, e):
            return e
        # the last part, then the sentence goes on: "..., Kendal for the term", not a person
        # ("..., Priya will open the door")
        after = _LOWER_AFTER.match(text, e)
        keys = [word_key(w) for w in words]
        if after is not None and (" ".join(keys) in self._w.towns or (
                word_key(after.group(1)) in self._w.lead and keys[0] not in self._w.firsts)):
            return e
        return None

    # -- backwards: flat, building, firm ---------------------------------------------------
    def _back(self, text: str, start: int) -> int:
        best = start
        pos = start
        for _ in range(_MAX_PARTS_BACK):
            lo = max(0, pos - _WINDOW)
            sep = _SEP_BEFORE.search(text, lo, pos)
            if sep is None and pos in self._pc:
                sep = _SPACE_BEFORE.search(text, lo, pos)  # "Southall, Middlesex UB1 3HW"
            if sep is None:
                return best
            q = sep.start()
            m = _PART_BEFORE.search(text, max(0, q - _WINDOW), q)
            if m is None:
                return best
            found = list(_WORD.finditer(text, m.start(), m.end()))
            words = [w.group() for w in found]
            # leave out the words that begin a sentence ("Visit Oswestry Library", "HOMESTAY
            # GOES TO 12 ..."); a title makes the part a person ("Mr & Mrs Hale, 4 ...")
            keys = [word_key(w) for w in words]
            if any(k in _TITLES for k in keys):
                return best
            cut = max((n + 1 for n, k in enumerate(keys) if k in self._w.lead), default=0)
            while cut < len(words) and (words[cut][:1].islower() or words[cut] == "&"):
                cut += 1
            if cut >= len(words):
                return best
            words = words[cut:]
            s = found[cut].start()
            if not self._is_part(words, forwards=False) or self._person(text, s, words):
                return best
            best = pos = s
        return best

    def _person(self, text: str, s: int, words: list[str]) -> bool:
        """A part before an address that names a person or a family, or is a school (its
        own finding): "Amy Brown", "K. Adeyemi", "the Hales", "Oakfield Primary"."""
        keys = [word_key(w) for w in words]
        if any(k in self._w.schools for k in keys):
            return True
        if any(k in self._w.building for k in keys):
            return False
        if keys[0] in self._w.firsts or (len(words[0]) <= 2 and words[0][:1].isupper()
                                         and len(words) <= 3 and len(words) > 1):
            return True  # "Noah Castellanos", "K. Adeyemi", "D Hale"
        if 2 <= len(words) <= 3 and keys[0] != "the" and keys[-1] in self._w.lasts \
                and all(w.isalpha() and w[:1].isupper() for w in words) \
                and " ".join(keys) not in self._w.towns:
            return True  # "Samira Okafor, 12 Larch Grove": a name, as a letter is addressed
        before = text[max(0, s - 4):s]
        return len(words) == 1 and keys[0].endswith("s") and before.lower() == "the "

    def _is_part(self, words: list[str], forwards: bool) -> bool:
        if not words or words[0][:1].islower() or words[-1][:1].islower() or words[-1] == "&":
            return False
        keys = [word_key(w) for w in words]
        if any(k in self._w.lead for k in keys[:1]):
            return False
        joined = " ".join(keys)
        if joined in self._w.towns:
            return True
        if forwards and not any(w[:1].isupper() and w[1:2].isalpha() or w.isupper()
                                and w.isalpha() for w in words):
            return False  # "3 Coronation Sq, 2pm": a time, not a part
        return not (forwards and len(keys) > 4 and not any(_NUMBER.fullmatch(w) for w in words))


def numbered_without_suffix(text: str, towns: frozenset[str],
                            postcode_at: dict[int, int],
                            stop: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of "<house number> <Name>, <Town>" or "<house number> <Name> <postcode>" after a
    place word ("at", "to", "address:", "lives at"): a road named without a suffix word ("at
    7-9 Piccadilly, Manchester"); not "Top 5 Tips, London", "Room 4 Science, Leeds"."""
    out: list[tuple[int, int]] = []
    for m in _NUMBERED.finditer(text):
        if not _PLACE_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if _VENUE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the Toy Museum, 1 Canal Wharf, Leeds": a public venue's address
        name = m.group("name")
        keys = [word_key(w) for w in name.split()]
        if any(k in stop for k in keys):
            continue
        if text[max(0, m.start() - 1):m.start()] in ("£", "$", "€", "#", "/", ".", ":"):
            continue
        e = m.end()
        if e in postcode_at:
            out.append((m.start(), postcode_at[e]))
            continue
        town = m.group("town")
        if town is None or " ".join(town.lower().split()) not in towns:
            continue
        out.append((m.start(), e))
    return out


_PLACE_WORD_BEFORE = re.compile(
    r"(?:(?<![\w'\u2019])(?:at|to|is|of|address|from|[Nn]o\.?|[Nn]umber)[ \t]*:?|\n|"
    r"^|[:(])[ \t]*$")
_VENUE_BEFORE = re.compile(
    r"\b(?:Museum|Gallery|Theatre|Cinema|Stadium|Castle|Zoo|Aquarium|Cathedral|Abbey|Palace|"
    r"Observatory|Planetarium)(?:,|[ \t]+at)[ \t]*$")
_NUMBERED = re.compile(
    # the first digit, then a look back past it (a pattern that starts with a character
    # class is scanned fast; one that starts with a look-behind is tried at every position)
    r"[0-9](?<![\w.,:/£$€#-][0-9])[0-9]{0,3}[A-Za-z]{0,2}(?:[-/\u2013][0-9]{1,4}[A-Za-z]?)?"
    r"[ \t]+"
    r"(?P<name>[A-Z][a-z'\u2019]+(?:[ \t]+[A-Z][a-z'\u2019]+){0,2})"
    r"(?:,[ \t]*(?P<town>[A-Za-z][a-z]*(?:[ \t-][A-Z][a-z]+)?|[A-Z]+(?:[ \t][A-Z]+)?)"
    r"(?![\w'\u2019-])|[ \t]+(?=[A-Z]{1,2}[0-9]))"
)

__all__ = ["Postal", "PostalWords", "numbered_without_suffix", "postal_words"]
