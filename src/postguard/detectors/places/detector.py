"""Places: UK postal addresses, postcodes and street names (categories address and location).

Rules, not a model (see NOTES.md: rules did best in trials). A street is found from its last
word (Road, Rd, Street, Lane ... listed in `data/uk_street_suffixes.txt`) and read backwards:
the words of its name, then a house number, a flat or a house name; forwards: a town and a
postcode on the same address (`streets.StreetReading`). Homes are also found in the wordings
of learners and host families: "living in the 18 Salisbury avenue", "number 4 in Oak road",
"Salisbury Avenue 18", "flat 3b above the bakery on High Street" (`homes.py`, streets abroad
in `abroad.py`); house numbers in words and the town after a lowercase street (`words.py`);
a home without an address ("lives in Headingley", "next to the park gates": `areas.py`);
routines and homes told in other languages (`routines.py`, `clues.py`); addresses in other
scripts (`scripts.py`). Word lists: `data/place_cues.txt`, `uk_landmark_streets.txt`,
`place_words.txt`, `home_areas.txt`, `uk_towns.txt`. Every window looked at is bounded: time
is linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from ...model import Action, Category, Finding, Severity, Suggestion
from ...policy import Policy
from ...scans import gated_finditer
from ..base import TextDetector
from .areas import AreaHomes, Taken, area_words
from .data import Tokens, is_alpha, is_cap, lexicon, postcode_area, word_key
from .home_numbers import attraction_address, home_numbers
from .homes import Place as _Place
from .postal import Postal, numbered_without_suffix, postal_words
from .routines import routine_places
from .scripts import script_addresses
from .streets import OUTWARD, OUTWARD_ALONE, StreetReading
from .words import place_words

# BS 7666 letter rules per position: first letter never Q V X; second never I J Z; third
# (A9A) only A-H J K P S T U W; fourth (AA9A) only A B E H M N P R V W X Y; the inward
# letters never C I K M O V.
# not inside a hyphenated reference ("ref BS78PT-INV0042")
_POSTCODE = re.compile(
    rf"(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)(?:GIR[ \u00a0]?0AA|({OUTWARD})([ \u00a0]{{0,2}})"
    r"[0-9][ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9]|-[A-Za-z0-9])",
    re.IGNORECASE,
)
_ORDINAL = {"1": "st", "2": "nd", "3": "rd"}
_DIGIT = re.compile(r"[0-9]")
_AREA_AFTER = re.compile(r"\s+area\b", re.IGNORECASE)
_APOSTROPHES = ("'", "\u2019")
_NUMBER_AFTER = re.compile(r"[ \t]+[1-9][0-9]{0,2}[A-Ha-h]?(?![\w:/]|[.,][0-9])")


_ADDRESS_FIX = Suggestion(Action.REMOVE, "[address removed]")
_LOCATION_FIX = Suggestion(Action.REMOVE, "[location removed]")


class AddressDetector(StreetReading, AreaHomes, TextDetector):
    name = "address"
    codes = ("PG201", "PG202", "PG203", "PG211", "PG212", "PG213", "PG214")
    categories = (Category.ADDRESS, Category.LOCATION)
    description = "UK addresses, postcodes and street names (address, location)"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._lex = lexicon()
        self._words = place_words()
        self._scan = area_words().scan
        self._head_words = area_words().head_words
        self._postal_words = postal_words(
            self._words.cities, frozenset(self._lex.tiers) | self._lex.venues
            | self._lex.house_words | self._lex.flat_words)
        self._no_suffix_stop = self._lex.name_stop | self._lex.number_stop | self._lex.units
        # the organisation's own published addresses ([organisation] addresses = [...])
        self._allowed = tuple(_squash(a) for a in policy.allowlist("addresses") if a.strip())

    def detect_text(self, text: str) -> Iterable[Finding]:
        places = self.find_places(text)
        for p in places:
            if self._allowed and any(_squash(text[p.start:p.end]) in a for a in self._allowed):
                continue
            fix = _ADDRESS_FIX if p.category is Category.ADDRESS else _LOCATION_FIX
            yield self.finding(p.code, p.category, p.severity, p.message, score=p.score,
                               start=p.start, end=p.end, suggestion=fix)

    # -- finding ---------------------------------------------------------------------------
    def find_places(self, text: str) -> list[_Place]:
        has_digit = _DIGIT.search(text) is not None
        postcodes = list(self._postcodes(text)) if has_digit else []
        # one scan finds the street suffixes and the first words of all home cues
        hits: list[re.Match[str]] = []
        heads: list[re.Match[str]] = []
        for x in gated_finditer(self._scan, text):
            w = x.group()
            if w in self._head_words:
                heads.append(x)
            elif text[x.start() - 1:x.start()] not in _APOSTROPHES and (
                    not w.islower() or self._lower_hit(text, x.start(), w)):
                hits.append(x)
        homes = [m for h in heads if h.group()[0] in "lLhH"  # lives, home, house, host
                 and (m := self._lex.home_place.match(text, h.start()))] if heads else []
        toks = Tokens(text) if hits or postcodes or homes else None
        places: list[_Place] = []
        if toks is not None:
            places.extend(self._homes(toks, homes))
        for s, e in postcodes:
            assert toks is not None
            house = self._house_before(toks, toks.index_at(s))
            if self._museum_postcode(toks, house, s, e):
                continue  # "Dove Cottage, Grasmere LA22 9SH": a museum's, not a child's
            if house is None:
                places.append(_Place(s, e, "PG201", Category.ADDRESS, Severity.HIGH, 0.95,
                                     "UK postcode"))
            else:
                places.append(_Place(house, e, "PG203", Category.ADDRESS, Severity.HIGH, 0.9,
                                     "flat or named house and postcode"))
        if toks is not None:
            pc_by_start = {s: e for s, e in postcodes}
            for m in hits:
                place = self._street(toks, toks.index_at(m.start()), pc_by_start)
                if place is not None:
                    places.append(place)
        if has_digit:
            places.extend(self._districts(text, postcodes))
        places.extend(self._abroad(text))
        if not text.isascii():  # "住址：北京市海淀区中关村大街27号", "주소: ... 테헤란로 152"
            places.extend(_Place(s, e, "PG202", Category.ADDRESS, Severity.HIGH, 0.85,
                                 "home address") for s, e in script_addresses(text))
        # a neighbourhood or a landmark home; a street or address found there is better
        areas = self._area_homes(text, heads) if heads else []
        if areas:
            taken = Taken([(p.start, p.end) for p in places])
            places.extend(a for a in areas if a.severity is Severity.HIGH
                          or not taken.overlaps(a.start, a.end))
        if has_digit or any(p.category is Category.ADDRESS for p in places):
            places = self._whole_addresses(text, places, postcodes, has_digit)
        places.extend(routine_places(text))  # a routine, a home told in other languages
        if places:
            places = _street_into_address(text, places)
        return _drop_contained(places)

    def _whole_addresses(self, text: str, places: list[_Place],
                         postcodes: list[tuple[int, int]], has_digit: bool) -> list[_Place]:
        """Roads named without a suffix word, then every address grown over the parts a postal
        address reads as (building, flat, locality, town, county, postcode: `postal`)."""
        pc_at = dict(postcodes)
        # "at 7-9 Castlegate, York", "to 27B Westgate YO21 1AB": a comma or a postcode after
        for s, e in numbered_without_suffix(text, self._words.cities, pc_at,
                                            self._no_suffix_stop) \
                if has_digit and ("," in text or pc_at) else ():
            places.append(_Place(s, e, "PG202", Category.ADDRESS, Severity.HIGH, 0.85,
                                 "house number and road"))
        lex = self._lex
        for s, e in home_numbers(text, lex.name_stop, lex.units, lex.venues, lex.tiers) \
                if has_digit else ():
            places.append(_Place(s, e, "PG202", Category.ADDRESS, Severity.HIGH, 0.85,
                                 "house number and road"))  # "lives at 9 Wickham, ..."
        postal = Postal(self._postal_words, pc_at)
        for p in places:
            if p.category is Category.ADDRESS:
                p.start, p.end = postal.grow(text, p.start, p.end)
        return [p for p in places if p.category is not Category.ADDRESS
                or not attraction_address(text, p.start, p.end)]

    def _lower_hit(self, text: str, pos: int, word: str) -> bool:
        """A lowercase street word counts after a house number ("12 elm rd") or a home cue
        ("lives on elm road"); most are ordinary words (way, park, close)."""
        lex = self._lex
        tier = lex.tiers.get(word)
        if (tier == "street" or (tier and word in lex.expand)) and (
                _DIGIT.search(text, max(0, pos - 40), pos)
                or _NUMBER_AFTER.match(text, pos + len(word))):
            return True  # "12 elm rd", "Salisbury avenue 18"
        if tier is not None and lex.flat_before.search(text, max(0, pos - 60), pos):
            return True  # "flat 3, 22 marine parade"
        if tier == "street-cap" and lex.place_number_before.search(text, max(0, pos - 40), pos):
            return True  # "found outside 22 larkfield drive"
        return lex.home_before.search(text, max(0, pos - 60), pos) is not None

    def _house_before(self, t: Tokens, k: int) -> int | None:
        """Start of a flat or house name a few words before the postcode at token k
        ("Rose Cottage, Lewes BN7 2AB")."""
        lex = self._lex
        for p in range(k, max(0, k - 6), -1):
            start, code = self._prefix(t, p, -1, "")
            if code:
                return start
            w = t.word(p - 1)
            if w != "," and not (is_alpha(w) and is_cap(w) and word_key(w) not in lex.name_stop):
                return None
        return None

    def _postcodes(self, text: str) -> Iterator[tuple[int, int]]:
        for m in _POSTCODE.finditer(text):
            value = m.group()
            if m.group(1) is None:  # GIR 0AA
                if value.isupper():
                    yield m.span()
                continue
            if postcode_area(m.group(1)) not in self._lex.areas:
                continue
            if not value.isupper():
                # lowercase postcodes must have the space, and "b12 3rd" is an ordinal
                inward = value[-3:].lower()
                if not m.group(2) or _ORDINAL.get(inward[0], "th") == inward[1:]:
                    continue
            yield m.span()

    def _districts(self, text: str, postcodes: list[tuple[int, int]]) -> Iterator[_Place]:
        """A postcode district alone ("in BN2") is a low place clue; needs a cue word."""
        lex = self._lex
        starts = [s for s, _ in postcodes]
        for m in OUTWARD_ALONE.finditer(text):
            code = m.group()
            area = postcode_area(code)
            if area not in lex.areas or code in lex.outward_traps:
                continue
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < postcodes[k][1]:
                continue  # part of a full postcode
            before = text[max(0, m.start() - 20):m.start()]
            cue = lex.outward_cue.search(before)
            if cue is None and _AREA_AFTER.match(text, m.end()) is None:
                continue
            if len(area) == 1 and (cue is None or "post" not in cue.group().lower()):
                continue  # B2, C1, M25, E1: levels, roads and labels unless called a postcode
            yield _Place(m.start(), m.end(), "PG213", Category.LOCATION, Severity.LOW, 0.6,
                         "postcode district")


def is_uk_postcode(value: str) -> bool:
    """A whole UK postcode of a known area, upper case ("BN10 8PN")."""
    m = _POSTCODE.fullmatch(value)
    return m is not None and value.isupper() and (
        m.group(1) is None or postcode_area(m.group(1)) in lexicon().areas)


def _squash(value: str) -> str:
    """Letters and digits only, lowercase: "1 School Lane, BN1 1AA" -> "1schoollanebn11aa"."""
    return "".join(c for c in value.lower() if c.isalnum())


# between a street named as a home and the address read after it: a comma and a number
# word ("mora na Bevendean Crescent, número 56, Brighton BN2 4RB")
_STREET_TO_NUMBER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:n[uú]mero|number|numer|numara|nummer|nr|no|n[°º])\.?[ \t]*)?\Z",
    re.IGNORECASE)


# a house number written after its street, as much of Europe writes it ("on Ferncliffe
# Drive, no. 31", "Hartfield Avenue, number 23")
_NUMBER_AFTER_STREET = re.compile(
    r"[ \t]*,?[ \t]*(?:n[uú]mero|number|numer|nummer|nr|no|n[°º])\.?[ \t]*[1-9][0-9]{0,3}[A-Za-z]?"
    r"(?![\w/.,]\d)", re.IGNORECASE)


def _street_into_address(text: str, places: list[_Place]) -> list[_Place]:
    """A street found as a home (a location) right before an address that starts at its house
    number is the address's first part: the address covers both; a street with its house
    number after it is an address."""
    addresses = sorted((p.start, k) for k, p in enumerate(places)
                       if p.category is Category.ADDRESS)
    starts = [s for s, _ in addresses]
    dropped: set[int] = set()
    for k, p in enumerate(places):
        if p.category is not Category.LOCATION:
            continue
        i = bisect.bisect_left(starts, p.end)  # the addresses that start right after it
        while i < len(starts) and starts[i] <= p.end + 12 and \
                not _STREET_TO_NUMBER.match(text[p.end:starts[i]]):
            i += 1
        if i < len(starts) and starts[i] <= p.end + 12:
            places[addresses[i][1]].start = p.start
            dropped.add(k)
        else:
            m = _NUMBER_AFTER_STREET.match(text, p.end) if p.code in ("PG211", "PG212") else None
            # a street named without a home cue: the number ends the clause ("on Ferncliffe
            # Drive, no. 31 🏠"), not "Church Street, no. 52 stops here" (a bus)
            if m is not None and (p.code == "PG212" or _CLAUSE_END.match(text, m.end())):
                p.end = m.end()
                p.code, p.category, p.severity = "PG202", Category.ADDRESS, Severity.HIGH
                p.message = "street and house number"
    return [p for k, p in enumerate(places) if k not in dropped]


_CLAUSE_END = re.compile(r"[ \t]*(?:$|[^\w \t])")


_CODE_RANK = {"PG201": 1, "PG202": 2, "PG203": 3}
_SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


def _drop_contained(places: list[_Place]) -> list[_Place]:
    """Keep the widest of nested findings; partial overlaps stay (the redactor merges)."""
    # the same span found twice (a postcode read back to its street): the most telling code;
    # a street that is also a named child's routine place: the graver finding
    places.sort(key=lambda p: (p.start, -p.end, -_CODE_RANK.get(p.code, 0),
                               -_SEVERITY_RANK.get(p.severity, 0)))
    out: list[_Place] = []
    reach = -1
    for p in places:
        if p.end <= reach:
            continue
        out.append(p)
        reach = max(reach, p.end)
    return out
