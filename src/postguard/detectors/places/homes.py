"""Homes named in words rather than in an address's usual shape, for the `address` detector
(places.py): a home cue near a street ("lives on Elm Road", "my house"), the wordings of
learners and host families ("living in the 18 Salisbury avenue", "number 4 in Oak road",
"flat 3b above the bakery on High Street"), the house number after the street as in much of
Europe ("Salisbury Avenue 18"), streets abroad ("Calle Mayor 12"), and the story words and
famous people's museum homes that make a street a setting or a visit, not a home.

`HomeWordings` is a mixin of `AddressDetector`: it reads the detector's lexicon (`_lex`) and
extends a found street to its town and postcode with the detector's `_extend`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import Category, Severity
from ...scans import gated_finditer
from .abroad import Street, addresses_abroad
from .data import PlaceLexicon, Tokens, is_alpha, is_cap, word_key
from .words import PlaceWords

# UK house numbers stop well short of 1000; four digits are years ("In 2024 Station Road")
_HOUSE_NUMBER = re.compile(r"[1-9][0-9]{0,2}[A-Za-z]?")
# a full stop ends a sentence, but not after St, Rd, No, Mr ... ("lives on St. John's Road")
_SENTENCE_BREAK = re.compile(
    r"[!?\n]|(?<!\bSt)(?<!\bRd)(?<!\bAve)(?<!\bNo)(?<!\bno)(?<!\bMr)(?<!\bMrs)(?<!\bMs)"
    r"(?<!\bDr)\.(?=\s|\Z)"
)
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*\Z")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/])[1-9][0-9]{0,2}[A-Za-z]?,?[ \t]+\Z")
_CLAUSE_BREAK = re.compile(r"[,;:!?()\n]|\.(?=\s|\Z)")
_CUE_GAP = re.compile(r"[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
# a house number written after its street ("Salisbury Avenue 18"): a letter a-h at most
_NUMBER_AFTER_STREET = re.compile(r"[1-9][0-9]{0,2}[A-Ha-h]?")
_CLAUSE_END = frozenset({",", ".", ";", "!", "?", ")", ""})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir"})
# words that join a name to the next clause ("lives on Elm Road And ..." in capitals)
_JOINERS = frozenset({"and", "or", "but", "with", "for", "to", "in", "on", "at", "the", "a"})


@dataclass
class Place:
    start: int
    end: int
    code: str
    category: Category
    severity: Severity
    score: float
    message: str


def _cue_spans(t: Tokens, kind: str, rx: re.Pattern[str],
               words: PlaceWords) -> tuple[list[int], list[int]]:
    """Starts and ends of a cue's matches in the whole text, found once per text; not the
    "'s house" of a famous person's museum home ("Dickens's house")."""
    spans = t.spans.get(kind)
    if spans is None:
        found = [m.span() for m in gated_finditer(rx, t.text)]
        if found and ("'" in t.text or "\u2019" in t.text):
            starts, ends = _museum_spans(t, words)
            found = [(a, b) for a, b in found if not _inside(starts, ends, a, b)]
        spans = t.spans[kind] = ([a for a, _ in found], [b for _, b in found])
    return spans


def _museum_spans(t: Tokens, words: PlaceWords) -> tuple[list[int], list[int]]:
    spans = t.spans.get("museum")
    if spans is None:
        found = words.museum_spans(t.text)
        spans = t.spans["museum"] = ([a for a, _ in found], [b for _, b in found])
    return spans


def _inside(starts: list[int], ends: list[int], a: int, b: int) -> bool:
    """text[a:b] lies inside one of the spans (sorted, not overlapping)."""
    k = bisect.bisect_right(starts, a) - 1
    return k >= 0 and b <= ends[k]


def _near(text: str, starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """One of the spans is right before or after text[s:e], in the same clause ("Dickens's
    house on Doughty Street", "Henley Street, Shakespeare's birthplace")."""
    k = bisect.bisect_right(ends, s) - 1
    if k >= 0 and _close(text, ends[k], s):
        return True
    k = bisect.bisect_left(starts, e)
    return k < len(starts) and _close(text, e, starts[k])


def _close(text: str, a: int, b: int) -> bool:
    """text[a:b] is a short gap within a clause ("on", "at 48", ", ")."""
    if b - a > 40:
        return False
    gap = text[a:b]
    return gap.strip() in ("", ",") or _CLAUSE_BREAK.search(gap) is None


class HomeWordings:
    """Homes named in words (see the module docstring); mixed into `AddressDetector`."""

    _lex: PlaceLexicon
    _words: PlaceWords

    def _extend(self, t: Tokens, k: int, start: int, end: int, what: str,
                pcs: dict[int, int]) -> tuple[int, int, str]:
        raise NotImplementedError  # AddressDetector's

    def _prefix(self, t: Tokens, p: int, start: int, code: str) -> tuple[int, str]:
        raise NotImplementedError  # AddressDetector's

    def _home_near(self, text: str, s: int, e: int,
                   museums: tuple[list[int], list[int]] = ([], [])) -> bool:
        """A home cue in the same sentence, shortly before or after text[s:e], not a famous
        person's museum home (`museums`: their starts and ends)."""
        lex = self._lex
        for m in lex.home_before.finditer(text, max(0, s - 60), s):
            if _SENTENCE_BREAK.search(text, m.end(), s) is None and \
                    not _inside(*museums, m.start(), m.end()):
                return True
        m2 = lex.home_after.search(text, e, min(len(text), e + 80))
        return m2 is not None and m2.start() <= e + 50 and \
            _SENTENCE_BREAK.search(text, e, m2.start()) is None

    def _museum_near(self, t: Tokens, j: int, i: int) -> bool:
        """A famous person's museum home shortly before or after tokens j..i, in the same
        sentence: the street is the museum's ("Dickens' house on Doughty Street")."""
        if "'" not in t.text and "\u2019" not in t.text:
            return False
        starts, ends = _museum_spans(t, self._words)
        return bool(starts) and _near(t.text, starts, ends, t.starts[j], t.ends[i])

    def _museum_postcode(self, t: Tokens, house: int | None, s: int, e: int) -> bool:
        """The postcode at text[s:e] (after a house name from `house`) is a museum home's:
        the house is one ("Dove Cottage, Grasmere LA22 9SH") or a famous person's museum
        home is named right before ("Wordsworth's home, ..."), and no home cue is near."""
        j, i = t.index_at(s if house is None else house), t.index_at(e) - 1
        if house is not None:
            named = self._words.museum_house(t.text[house:s].split(",")[0])
        else:  # "the Brontë Parsonage, Haworth BD22 8DR": a name the house words miss
            named = any(self._words.museum_house(" ".join(part.split()[-n:]))
                        for part in t.text[max(0, s - 60):s].split(",")[-3:] for n in (1, 2, 3))
        if not named and not self._museum_near(t, j, i):
            return False
        return not self._home_cue(t, j, i)

    def _worded_home(self, t: Tokens, k: int, i: int, value: int, names: list[str],
                     lower: bool) -> bool:
        """A house number in words at k ("eighteen Acacia Avenue") is one after "number" or
        "No.", a flat or a home cue; else not "one" ("one Oxford Street shop"), not before a
        landmark ("two Baker Street museums"), not a time after "at" ("at ten Station Road"),
        and never in lowercase."""
        dot = t.word(k - 1) == "."
        lead = word_key(t.word(k - 2) if dot else t.word(k - 1))
        if lead in self._words.leads and (dot or value > 1 or lead != "no") or \
                self._home_cue(t, k, i) or self._prefix(t, k, 0, "")[1]:
            return True  # "number eighteen", "No. seven"; not "no one"
        at_time = word_key(t.word(k - 1)) == "at" and value <= 12
        return not lower and value > 1 and not at_time and \
            self._lex.normalise([*names, t.words[i]]) not in self._lex.landmarks

    def _homes(self, t: Tokens, cues: list[re.Match[str]]) -> Iterator[Place]:
        """The capitalised name right after "lives on", "lives at" ...: where someone lives,
        whatever kind of street or house it is ("lives on Preston Drove")."""
        lex = self._lex
        for m in cues:
            k = j = t.index_at(m.end())
            while j < len(t.words) and j - k < 3 and (j == k or t.same_line(j - 1, j)):
                w = t.words[j]
                key = word_key(w)
                if not (is_cap(w) and is_alpha(w)) or key in _JOINERS or (
                        j == k and (key in lex.name_stop or key in self._words.leads)):
                    break  # a verb may end a name ("Preston Drove"), not start one
                j += 1
            if j > k and self._words.split_name(t, k, j) == k:  # not "Eighteen Acacia Avenue"
                yield Place(t.starts[k], t.ends[j - 1], "PG212", Category.LOCATION,
                             Severity.HIGH, 0.8, "place named as someone's home")

    def _home_wording(self, t: Tokens, j: int, i: int, end: int, nxt: int,
                      pcs: dict[int, int]) -> Place | None:
        """A home placed in other words before its street: "flat 3b above the bakery on High
        Street"; "number 4 in Oak Road" next to a home cue ("my house is number 4 in ...")."""
        lex = self._lex
        s = t.starts[j]
        m = lex.flat_position.search(t.text, max(0, s - 100), s)
        if m is not None and "\n" not in m.group():
            a, b, msg = self._extend(t, nxt, m.start(), end, "flat placed on a street", pcs)
            return Place(a, b, "PG203", Category.ADDRESS, Severity.HIGH, 0.85, msg)
        p = j - 1
        if word_key(t.word(p)) == "the":
            p -= 1
        if word_key(t.word(p)) not in ("in", "on", "at", "off", "of"):
            return None
        worded = None if _HOUSE_NUMBER.fullmatch(t.word(p - 1)) else \
            self._words.number_before(t, p)  # "number four in Oak Road"
        q = p - 2 if worded is None else worded[0] - 1
        if t.word(q) == "." and q > 0:
            q -= 1  # "no. 4 in"
        if q < 0 or (worded is None and not _HOUSE_NUMBER.fullmatch(t.word(p - 1))) or \
                word_key(t.words[q]) not in lex.number_words or \
                not all(t.same_line(x, x + 1) for x in range(q, j)):
            return None
        if q > 0 and word_key(t.words[q - 1]) == "house" and t.same_line(q - 1, q) and \
                word_key(t.words[q]) in self._words.leads:
            q -= 1  # "house number twelve on Kings Road" says it is a home
        elif not self._home_cue(t, q, i):
            return None
        a, b, msg = self._extend(t, nxt, t.starts[q], end, "house number and street", pcs)
        return Place(a, b, "PG202", Category.ADDRESS, Severity.HIGH, 0.85, msg)

    def _number_after(self, t: Tokens, j: int, i: int, tier: str, lower: bool,
                      names: list[str], n: int, pcs: dict[int, int]) -> Place | None:
        """The house number after the street, as in much of Europe ("I live in Salisbury
        Avenue 18", "Host family: Salisbury Avenue 18, Leeds"); not a count or a time
        ("Penny Lane 18 times", "Station Road 18:30"), a landmark or a story's street."""
        lex = self._lex
        if t.word(n) == ",":
            n += 1  # "Via Roma, 45"
        if word_key(t.word(n)) == "at" and word_key(t.word(n + 1)) in lex.number_words:
            n += 1  # "Salisbury Avenue at number 18"; not "Elm Road at 3"
        led = word_key(t.word(n)) in lex.number_words
        if led:
            n += 1  # "Salisbury Avenue number 18", "Elm Road, house 4", "nº 18"
            if t.word(n) in (".", "\u00b0", "\u00ba") and t.starts[n] == t.ends[n - 1]:
                n += 1  # "no. 18", "n° 18"
        if n >= len(t.words) or not t.same_line(n - 1, n):
            return None
        number = t.words[n]
        if not _NUMBER_AFTER_STREET.fullmatch(number):
            worded = self._words.number_at(t, n) if led else None
            if worded is None:
                return None
            n, number = worded[0], str(worded[1])  # "Salisbury Avenue number eighteen"
        after = t.word(n + 1) if n + 1 < len(t.words) and t.same_line(n, n + 1) else ""
        if after not in _CLAUSE_END and word_key(after) not in lex.after_house_number:
            return None
        if after in (".", ",") and t.ends[n] == t.starts[n + 1] and \
                t.word(n + 2)[:1].isdigit() and t.ends[n + 1] == t.starts[n + 2]:
            return None  # "3.15pm", "1,500"
        if len(names) > 1 and len(names[0]) > 4 and \
                names[0].lower().endswith(("ed", "ing", "ly")):
            j += 1  # "Walked Elm Road 5 ..."
            names = names[1:]
        street = [*names, t.words[i]]
        if word_key(names[0]) in lex.units or word_key(t.word(j - 1)) in _TITLES or \
                lex.normalise([number, *street]) in lex.famous or \
                word_key(t.word(j - 1)) in lex.number_stop - {"the"}:
            return None  # "a 20 minute drive 5", "Mrs Lane 5", "Downing Street 10"
        cue = self._home_cue(t, j, i)
        if not cue and (tier == "weak" or lower and not is_cap(names[0])
                        or word_key(names[0]) == "the"
                        or lex.normalise(street) in lex.landmarks
                        or self._story_near(t.text, t.starts[j], t.ends[n])
                        or self._museum_near(t, j, i)):
            return None
        a, b, msg = self._extend(t, n + 1, t.starts[j], t.ends[n], "street and house number",
                                 pcs)
        return Place(a, b, "PG202", Category.ADDRESS, Severity.HIGH, 0.85, msg)

    def _abroad(self, text: str) -> Iterator[Place]:
        """Streets in other countries' forms: an address with a house number; a location
        without one, next to a home cue ("her host family live on Via Garibaldi") or in a
        form that is never English ("rue des Lilas"); not a museum home's ("Anne Frank's
        house on the Prinsengracht")."""
        streets = addresses_abroad(text)
        if not streets:
            return
        found = self._words.museum_spans(text)
        museums = ([a for a, _ in found], [b for _, b in found])
        for st in streets:
            if found and _near(text, *museums, st.start, st.end):
                continue
            end = st.end
            while end > st.start and text[end - 1].isspace():
                end -= 1  # "7 Avenue I": the span ends on the street's last word
            if end <= st.start:
                continue
            if end != st.end:
                st = Street(st.start, end, st.numbered, st.plain)
            num = _NUMBER_BEFORE.search(text, max(0, st.start - 8), st.start)
            if num is not None and not st.numbered and not self._counted(text, num.start()):
                st = Street(num.start(), st.end, True)  # "24 Calle del Sol"
            if st.numbered:
                yield Place(st.start, st.end, "PG202", Category.ADDRESS, Severity.HIGH, 0.85,
                             "house number and street (outside the UK)")
            elif self._home_near(text, st.start, st.end, museums):
                yield Place(st.start, st.end, "PG212", Category.LOCATION, Severity.HIGH, 0.8,
                             "street outside the UK named as someone's home")
            elif st.plain and not self._story_near(text, st.start, st.end):
                yield Place(st.start, st.end, "PG211", Category.LOCATION, Severity.MEDIUM, 0.7,
                             "street name (outside the UK)")

    def _counted(self, text: str, s: int) -> bool:
        """The number at text[s] is a count or a label ("Year 5", "Room 12")."""
        m = _WORD_BEFORE.search(text, max(0, s - 20), s)
        return m is not None and word_key(m.group(1)) in self._lex.number_stop

    def _story_near(self, text: str, s: int, e: int) -> bool:
        """A word of history, fiction or games in the same sentence, near text[s:e]."""
        rx = self._lex.story_cue
        for m in rx.finditer(text, max(0, s - 100), s):
            if _SENTENCE_BREAK.search(text, m.end(), s) is None:
                return True
        m2 = rx.search(text, e, min(len(text), e + 80))
        return m2 is not None and _SENTENCE_BREAK.search(text, e, m2.start()) is None

    def _cue_right_before(self, t: Tokens, j: int) -> bool:
        """A home cue ends just before token j ("lives on [the] ...")."""
        s = t.starts[j]
        _, ends = _cue_spans(t, "before", self._lex.home_before, self._words)
        k = bisect.bisect_right(ends, s) - 1
        return k >= 0 and _CUE_GAP.fullmatch(t.text, ends[k], s) is not None

    def _home_cue(self, t: Tokens, j: int, i: int) -> bool:
        """A home cue in the same sentence, shortly before or after tokens j..i."""
        text = t.text
        s, e = t.starts[j], t.ends[i]
        starts, ends = _cue_spans(t, "before", self._lex.home_before, self._words)
        k = bisect.bisect_right(ends, s) - 1
        while k >= 0 and ends[k] >= s - 60:
            if _SENTENCE_BREAK.search(text, ends[k], s) is None:
                return True
            k -= 1
        starts, ends = _cue_spans(t, "after", self._lex.home_after, self._words)
        k = bisect.bisect_left(starts, e)
        return k < len(starts) and starts[k] <= e + 50 and \
            _SENTENCE_BREAK.search(text, e, starts[k]) is None
