"""Reading a street address from its street word (`AddressDetector`'s rules, mixed into it):
backwards the words of the street's name, a house number, a flat or a house name, a venue or a
prefix before it; forwards a town and a postcode on the same address (`_extend`)."""

from __future__ import annotations

import re

from ...model import Category, Severity
from .data import Tokens, is_alpha, is_cap, postcode_area, word_key
from .homes import _HOUSE_NUMBER, HomeWordings
from .homes import Place as _Place

OUTWARD = r"[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)"
OUTWARD_ALONE = re.compile(rf"(?<![A-Za-z0-9])({OUTWARD})(?![A-Za-z0-9])")
# a street named by an ordinal number, as in the United States ("West 86th Street")
_ORDINAL_NAME = re.compile(r"[1-9][0-9]{0,2}(?:st|nd|rd|th)")
FLAT_NUMBER = re.compile(r"[A-Za-z]?[0-9]{1,4}[A-Za-z]?|[A-Z]")


class StreetReading(HomeWordings):
    """A street and the whole address around it; mixed into `AddressDetector`."""

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
            if _ORDINAL_NAME.fullmatch(w):
                j -= 1  # "210 West 86th Street", "5 East 3rd Avenue"
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
        if any(_ORDINAL_NAME.fullmatch(w) for w in names) and \
                not _HOUSE_NUMBER.fullmatch(t.word(j - 1)):
            return None  # "5th Avenue" alone: a famous street or a show, no one's home
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
        if before == "/" and k >= 2 and _HOUSE_NUMBER.fullmatch(t.word(k - 2)) and \
                t.ends[k - 2] == t.starts[k - 1] and t.ends[k - 1] == t.starts[k] and \
                t.word(k - 3) not in ("/", ".", "-", ":") and not t.word(k - 3).isdigit():
            k -= 2  # "2/14 Harbour Street": a flat and its house number
            before = t.word(k - 1)
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
        return FLAT_NUMBER.fullmatch(w) is not None or word_key(w) in self._words.numbers

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
            if word_key(t.word(j - 1)) in ("on", "in", "off") and \
                    word_key(t.word(j - 2)) in lex.public_before_street:
                return None  # "parking at the NCP on Church Street": a public place's street
            if t.word(j - 1) == "," and any(
                    is_cap(w) and word_key(w) in lex.public_venues
                    for w in t.words[max(0, j - 7):j - 1]):
                return None  # "the Museum of Science and Industry, Liverpool Road, ..."
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
                code = OUTWARD_ALONE.fullmatch(w)
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
