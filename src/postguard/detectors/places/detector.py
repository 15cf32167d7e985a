"""Places: UK postal addresses, postcodes and street names (categories address and location).

Rules, not a model (see NOTES.md: rules did best in trials). A street is found from its last
word (Road, Rd, Street, Lane ... listed in `data/uk_street_suffixes.txt`) and read backwards:
the words of its name, then a house number, a flat or a house name; forwards: a town and a
postcode on the same address. Homes are also found in the wordings of learners and host
families: "living in the 18 Salisbury avenue", "number 4 in Oak road", "Salisbury Avenue 18"
(the house number after the street), "flat 3b above the bakery on High Street" (those rules
and streets abroad live in `place_homes.py`, mixed into the detector). House numbers in words
("number eighteen Acacia Avenue"), famous people's museum homes ("Dickens's house on Doughty
Street": no home cue) and the town after a lowercase street are read by `place_words.py`.
A home without an address ("lives in Headingley", "next to the park gates"): `place_areas.py`.
Word lists: `data/place_cues.txt`, `uk_landmark_streets.txt`, `place_words.txt`,
`home_areas.txt`, `uk_towns.txt`. Every window looked at is bounded: time is linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from ...model import Action, Category, Finding, Severity, Suggestion
from ...policy import Policy
from ..base import TextDetector
from .areas import AreaHomes, Taken, area_words
from .data import Tokens, is_alpha, is_cap, lexicon, postcode_area, word_key
from .home_numbers import attraction_address, home_numbers
from .homes import _HOUSE_NUMBER, HomeWordings
from .homes import Place as _Place
from .postal import Postal, numbered_without_suffix, postal_words
from .routines import routine_places
from .scripts import script_addresses
from .words import place_words

# BS 7666 letter rules per position: first letter never Q V X; second never I J Z; third
# (A9A) only A-H J K P S T U W; fourth (AA9A) only A B E H M N P R V W X Y; the inward
# letters never C I K M O V.
_OUTWARD = r"[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)"
_POSTCODE = re.compile(
    rf"(?<![A-Za-z0-9])(?:GIR[ \u00a0]?0AA|({_OUTWARD})([ \u00a0]{{0,2}})"
    r"[0-9][ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_OUTWARD_ALONE = re.compile(rf"(?<![A-Za-z0-9])({_OUTWARD})(?![A-Za-z0-9])")
_ORDINAL = {"1": "st", "2": "nd", "3": "rd"}
_FLAT_NUMBER = re.compile(r"[A-Za-z]?[0-9]{1,4}[A-Za-z]?|[A-Z]")
_DIGIT = re.compile(r"[0-9]")
_AREA_AFTER = re.compile(r"\s+area\b", re.IGNORECASE)
_APOSTROPHES = ("'", "\u2019")
_NUMBER_AFTER = re.compile(r"[ \t]+[1-9][0-9]{0,2}[A-Ha-h]?(?![\w:/]|[.,][0-9])")


_ADDRESS_FIX = Suggestion(Action.REMOVE, "[address removed]")
_LOCATION_FIX = Suggestion(Action.REMOVE, "[location removed]")


class AddressDetector(HomeWordings, AreaHomes, TextDetector):
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
        for x in self._scan.finditer(text):
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
        for m in _OUTWARD_ALONE.finditer(text):
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

    def _street(self, t: Tokens, i: int, pcs: dict[int, int]) -> _Place | None:
        lex = self._lex
        sfx = t.words[i]
        tier = lex.tiers.get(word_key(sfx))
        if tier is None:
            return None
        lower = sfx.islower()
        # the street's name: words read backwards from the suffix
        j = i
        while i - j < 4 and j > 0 and t.same_line(j - 1, j):
            w = t.words[j - 1]
            if w == "." and j > 1 and t.words[j - 2] in ("St", "ST") and \
                    t.ends[j - 2] == t.starts[j - 1] and j < i:
                j -= 2  # "St. John's Road"
                continue
            if not is_alpha(w) or word_key(w) in lex.name_stop or not (is_cap(w) or lower):
                break
            j -= 1
        if j == i and word_key(t.word(i - 1)) in ("the", "new") and \
                _HOUSE_NUMBER.fullmatch(t.word(i - 2)) and t.same_line(i - 1, i) and \
                (is_cap(t.word(i - 1)) or self._cue_right_before(t, i - 2)):
            j = i - 1  # "12 The Avenue", "33 New Road", "i live at 33 new road"
        j = self._words.split_name(t, j, i)  # "Ten Downing Street", "number eighteen elm road"
        if j == i:
            return None
        names = t.words[j:i]
        if lower and names[0].islower() and word_key(t.word(j - 1)) in ("the", "a", "an"):
            return None  # "kids on the coach close the curtains": a noun, not a street name
        end = t.ends[i]
        if word_key(sfx) in lex.expand and t.word(i + 1) == "." and t.starts[i + 1] == end:
            end += 1  # "Rd."
        nxt = i + 2 if end != t.ends[i] else i + 1
        follow = t.word(nxt) if nxt < len(t.words) and t.same_line(nxt - 1, nxt) else ""
        address = self._numbered(t, j, i, tier, lower, names, follow)
        if address is not None:
            start, code = address
            if not code:
                return None  # a public venue's own address ("the Toy Museum at 12 Elm Road")
            why = "flat or named house" if code == "PG203" else "house number and street"
            s, e, msg = self._extend(t, nxt, start, end, why, pcs)
            return _Place(s, e, code, Category.ADDRESS, Severity.HIGH, 0.9, msg)
        home = self._home_wording(t, j, i, end, nxt, pcs)
        if home is not None:
            return home
        number_after = self._number_after(t, j, i, tier, lower, names, nxt, pcs)
        if number_after is not None:
            return number_after
        return self._named(t, j, i, tier, lower, names, end, nxt, follow, pcs)

    def _numbered(self, t: Tokens, j: int, i: int, tier: str, lower: bool,
                  names: list[str], follow: str) -> tuple[int, str] | None:
        """(start, code) when a house number (and maybe a flat or house name) precedes."""
        lex = self._lex
        k = j - 1
        if t.word(k) == "," and k > 0 and _HOUSE_NUMBER.fullmatch(t.word(k - 1)):
            k -= 1
        worded = None if _HOUSE_NUMBER.fullmatch(t.word(k)) else self._words.number_before(t, j)
        if worded is not None:
            k = worded[0]  # "eighteen Acacia Avenue", "twenty-two Beech Road"
        elif k < 0 or not _HOUSE_NUMBER.fullmatch(t.words[k]):
            return None
        if not t.same_line(k, k + 1) or (worded is not None and not t.same_line(j - 1, j)):
            return None
        before = t.word(k - 1)
        if before in ("-", "\u2013") and _HOUSE_NUMBER.fullmatch(t.word(k - 2)):
            k -= 2  # "12-14 Elm Road"
            before = t.word(k - 1)
        if before == "." and word_key(t.word(k - 2)) in ("no", "nos"):
            before = ""  # "No. 12 Elm Road"
        if before in (".", "/", "£", "$", "€", "#") or (
                word_key(before) in lex.number_stop
                and not (before in ("the", "The") and self._cue_right_before(t, k))):
            return None  # "the 3 Oxford Street shops"; but "living in the 18 Elm avenue"
        if before == ":" and (t.ends[k - 1] == t.starts[k] or t.word(k - 2).isdigit()):
            return None  # a time ("10:45 Station Road"), but "address: 43 elm avenue"
        if any(word_key(w) in lex.units for w in names[:1]) and (lower or tier == "weak"):
            return None
        if worded is not None and not self._worded_home(t, k, i, worded[1], names, lower):
            return None
        strong = tier == "street" or word_key(t.words[i]) in lex.expand  # "12 laurel cl"
        if lower and worded is None and (len(names) > 2 or (
                not strong and not self._cue_right_before(t, k)
                and self._prefix(t, k, 0, "")[1] != "PG203"
                and not self._placed(t, k, i, tier, names))):
            return None  # "has 2 best friends close"; but "lives at 5 marine view"
        if word_key(follow) in lex.venues:
            return None  # "the 12 Oxford Road bus", "5 Station Road Primary"
        if tier == "weak" and is_alpha(follow) and (
                is_cap(follow) or word_key(follow) not in lex.name_stop):
            return None  # "Top 5 Summer Walk Routes", "2 West End shows"
        words = [t.words[k] if worded is None else str(worded[1]), *names, t.words[i]]
        if lex.normalise(words) in lex.famous:
            return t.starts[k], ""  # 10 Downing Street, 221B Baker Street: everyone knows them
        if (self._venue_before(t, k) or self._museum_near(t, k, i)) and \
                not self._home_cue(t, k, i):
            return t.starts[k], ""  # a museum's address ("Dickens's house at 48 Doughty St")
        start, code = self._prefix(t, k, t.starts[k], "PG202")
        return start, code

    def _placed(self, t: Tokens, k: int, i: int, tier: str, names: list[str]) -> bool:
        """A lowercase "drive" or "close" after a place word and a house number, with a
        one-word name that is no phrase or plural ("outside 22 larkfield drive", not "at 4 test
        drive", "to 3 schools close by"); "at" and 1-12 is a time ("at 10 sharp drive")."""
        lex = self._lex
        name = names[0]
        prep = word_key(t.word(k - 1))
        if prep == "." and word_key(t.word(k - 2)) == "no":
            prep = "no."  # "no. 14 beech close"
        number = t.words[k]
        if prep == "at" and number.isdigit() and int(number) <= 12:
            return False
        return tier == "street-cap" and len(names) == 1 and len(name) >= 4 and \
            not name.endswith(("ly", "ing", "ed", "s")) and prep in lex.place_before_number and \
            lex.normalise([name, t.words[i]]) not in lex.landmarks

    def _venue_before(self, t: Tokens, k: int) -> bool:
        """A public venue is named right before the house number at k ("Museum at 12")."""
        if word_key(t.word(k - 1)) not in ("at", ","):
            return False
        venue = t.word(k - 2)
        return is_cap(venue) and word_key(venue) in self._lex.public_venues

    def _prefix(self, t: Tokens, p: int, start: int, code: str) -> tuple[int, str]:
        """Extend backwards over "Flat 3," or a house name ("Rose Cottage,")."""
        lex = self._lex
        if word_key(t.word(p - 1)) in lex.flat_words and self._flat_number(t.word(p)):
            return t.starts[p - 1], "PG203"  # "Flat 3 Kings Court"
        q = p - 1
        if t.word(q) == ",":
            q -= 1
        if q >= 1 and word_key(t.word(q - 1)) in lex.flat_words and \
                self._flat_number(t.word(q)):  # "Flat 3, 14 ...", "flat four, 9 ..."
            return t.starts[q - 1], "PG203"
        if q >= 0 and q < p and (t.word(q + 1) == "," or not t.same_line(q, p)) and \
                word_key(t.word(q)) in lex.house_words and is_cap(t.word(q)):
            r = q
            while q - r < 3 and r > 0 and is_cap(t.word(r - 1)) and is_alpha(t.word(r - 1)) and \
                    word_key(t.word(r - 1)) not in lex.name_stop and t.same_line(r - 1, r):
                r -= 1
            if r > 0 and t.word(r - 1) == "The" and t.same_line(r - 1, r):
                r -= 1
            if r < q:
                return t.starts[r], "PG203"
        return start, code

    def _flat_number(self, w: str) -> bool:
        return _FLAT_NUMBER.fullmatch(w) is not None or word_key(w) in self._words.numbers

    def _named(self, t: Tokens, j: int, i: int, tier: str, lower: bool, names: list[str],
               end: int, nxt: int, follow: str, pcs: dict[int, int]) -> _Place | None:
        """A street without a house number."""
        lex = self._lex
        if len(names) > 1 and len(names[0]) > 4 and names[0].lower().endswith(("ed", "ing", "ly")):
            j += 1  # "Walked Elm Road": a verb at the start of a sentence
            names = names[1:]
        if word_key(names[0]) in lex.units and (lower or _HOUSE_NUMBER.fullmatch(t.word(j - 1))):
            return None  # "a 20 minute drive"
        if word_key(names[0]) == "the" and len(names) == 1:
            return None  # "The Avenue" alone is anywhere
        sfx_key = word_key(t.words[i])
        if sfx_key in ("st", "dr") and is_cap(follow) and is_alpha(follow):
            return None  # St Mary's, Dr Smith
        if word_key(t.word(j - 1)) in ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir"):
            return None  # Mrs Lane
        start = t.starts[j]
        pstart, code = self._prefix(t, j, start, "")
        if code:
            s, e, msg = self._extend(t, nxt, pstart, end, "flat or named house", pcs)
            return _Place(s, e, code, Category.ADDRESS, Severity.HIGH, 0.9, msg)
        s, e, msg = self._extend(t, nxt, start, end, "street", pcs)
        if msg.endswith("postcode"):
            return _Place(s, e, "PG201", Category.ADDRESS, Severity.HIGH, 0.9, msg)
        if sfx_key in ("lane", "drove") and len(names) == 1 and not self._home_cue(t, j, i) and (
                word_key(names[0]) in lex.first_names
                or (sfx_key == "drove" and word_key(names[0]) in lex.family_words)):
            return None  # Sarah Lane, Dad Drove
        if word_key(follow) in lex.venues:
            return None  # Abbey Road Studios, Station Road Primary
        cue = self._home_cue(t, j, i)
        if lower and (not cue or (tier != "street" and not self._cue_right_before(t, j))):
            return None  # lowercase needs a home cue: "lives on marine view"
        if not cue:
            caps = all(w.isupper() for w in (*names, t.words[i]) if len(w) > 1)
            if tier == "weak" or lex.normalise([*names, t.words[i]]) in lex.landmarks:
                return None
            if follow and is_cap(follow) and is_alpha(follow) and not caps and e == end:
                return None  # a title: "Hip Hop Street Dance"
            if self._story_near(t.text, s, e) or self._museum_near(t, j, i):
                return None  # "the Great Fire started on Pudding Lane", "Dickens' house on"
            return _Place(s, e, "PG211", Category.LOCATION, Severity.MEDIUM, 0.75,
                          "street name")
        town = self._words.town_at(t, nxt, lower, True) if e == end and follow == "," else \
            self._words.area_after(t, nxt, self._lex.name_stop) if e == end else None
        return _Place(s, e if town is None else t.ends[town], "PG212", Category.LOCATION,
                      Severity.HIGH, 0.85, "street named as someone's home")

    def _extend(self, t: Tokens, k: int, start: int, end: int, what: str,
                pcs: dict[int, int]) -> tuple[int, int, str]:
        """Extend forwards over a town to a postcode, or to a district ("ELM RD\\nBN2"); a
        lowercase address also over its town alone ("4 kings road brighton", data/uk_towns)."""
        lex = self._lex
        lower = t.text[start:end].islower()
        first = k
        while k < len(t.words) and k - first < 6:
            s = t.starts[k]
            if s in pcs:
                return start, pcs[s], f"{what} and postcode"
            w = t.words[k]
            if k == first or (k == first + 1 and t.word(first) == ","):
                code = _OUTWARD_ALONE.fullmatch(w)
                if code and postcode_area(w) in lex.areas and w not in lex.outward_traps:
                    return start, t.ends[k], f"{what} and postcode district"
            if w != "," and not (is_alpha(w) and word_key(w) not in lex.venues and (
                    is_cap(w) or (lower and word_key(w) not in lex.name_stop))):
                break
            k += 1
        town = self._words.town_at(t, first) if lower and first > 0 else None
        if town is not None and t.same_line(first - 1, first):
            return start, t.ends[town], what
        return start, end, what


def is_uk_postcode(value: str) -> bool:
    """A whole UK postcode of a known area, upper case ("BN10 8PN")."""
    m = _POSTCODE.fullmatch(value)
    return m is not None and value.isupper() and (
        m.group(1) is None or postcode_area(m.group(1)) in lexicon().areas)


def _squash(value: str) -> str:
    """Letters and digits only, lowercase: "1 School Lane, BN1 1AA" -> "1schoollanebn11aa"."""
    return "".join(c for c in value.lower() if c.isalnum())


_CODE_RANK = {"PG201": 1, "PG202": 2, "PG203": 3}


def _drop_contained(places: list[_Place]) -> list[_Place]:
    """Keep the widest of nested findings; partial overlaps stay (the redactor merges)."""
    # the same span found twice (a postcode read back to its street): the most telling code
    places.sort(key=lambda p: (p.start, -p.end, -_CODE_RANK.get(p.code, 0)))
    out: list[_Place] = []
    reach = -1
    for p in places:
        if p.end <= reach:
            continue
        out.append(p)
        reach = max(reach, p.end)
    return out
