"""Where a child lives told without an address, for the `address` detector (places.py): a
neighbourhood, suburb or village after a home cue ("Kacper's host family live in
Headingley", "she lives up in Moortown now", "his homestay is in Kirkstall", "our new boy is
from Gipton, just down the road"), and a home placed by a landmark near it ("he lives right
next to the park gates", "the house behind the Co-op").

Not a place that identifies no one: a country, a region, a county or a large city ("lives in
Leeds", "moved to Spain"), and not a class, a school, a feeling or a person ("lives in Year
5's classroom", "lives in Hope", "lives in Amir's old room"); a landmark only where a person
lives, not a trophy or a class pet ("the hamster lives next to the reading corner"), and not a
wide or figurative one ("lives near the sea"). Lists: `data/home_areas.txt`, with the towns of
`data/uk_towns.txt`. The first words of the cues are found in the detector's one scan for
street suffixes (`AreaWords.scan`), so a post without any costs nothing more; each cue is read
from there with an anchored match. Every window looked at is bounded: time is linear.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ...model import Category, Severity
from .data import PlaceLexicon, lexicon, load_sections, trie, word_key
from .homes import Place
from .words import PlaceWords

# a capitalised word of a place's name ("Headingley", "Chapel-en-le-Frith", "St", "John's")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019]*(?:['\u2019-][^\W\d_]+)*['\u2019]?")
# lowercase words inside a place's name ("Newcastle upon Tyne", "Ashton under Lyne")
_NAME_JOINERS = frozenset({"upon", "under", "super", "le", "en", "on-sea", "by-sea"})
_GAP = re.compile(r"[ \t]+")
# "the village of Bramhope", "the little hamlet of Eldwick": the name follows
_PLACE_OF = re.compile(r"(?:[Tt]he|a)[ \t]+(?:(?:small|little|pretty|nearby)[ \t]+)?"
                       r"(?:village|hamlet|suburb|district|neighbourhood|estate|town)[ \t]+of"
                       r"[ \t]+")
# a word of a landmark's phrase ("park gates", "Co-op", "St Mary's", "M&S")
_LANDMARK_WORD = re.compile(r"[A-Za-z0-9][\w'\u2019&-]*")
_LANDMARK_LINKS = frozenset({"on", "in", "at", "of", "by"})
_LANDMARK_STOPS = frozenset({
    "and", "but", "so", "because", "which", "who", "where", "with", "when", "while", "since",
    "if", "that", "now", "too", "as", "then", "though", "although", "this", "every", "each",
    "during", "after", "before", "until", "for", "to", "from", "is", "was", "are", "were",
    "has", "had", "have", "will", "can", "could", "would", "she", "he", "they", "we", "i",
    "it", "you", "his", "her", "their", "our", "my", "your", "not", "just", "really", "very",
})
_SUBJECT_SKIP = frozenset({"is", "are", "was", "were", "still", "now", "also", "actually",
                           "currently"})
_AREA_WORDS = frozenset({"area", "estate", "end", "side", "district", "part", "village"})
_ARTICLES = frozenset({"the", "a", "an"})
# a group as the subject of a home cue ("Our Korean students all live with host families
# in ..."): no child in particular, unless a name is near (escalation decides)
_GROUP_BEFORE = re.compile(
    r"\b(?:students|pupils|children|kids|boarders|learners|families)\b(?:(?![.!?\n]|\b(?:he|she|his|her)\b).)*$",
    re.IGNORECASE)
_OWNERS = frozenset({"the", "his", "her", "their", "my", "our", "your", "a", "new", "old",
                     "family", "host", "own", "homestay", "foster"})


@dataclass(frozen=True)
class AreaWords:
    # the first words of all cues ("heads") and the street suffixes of `PlaceLexicon`, found
    # in one scan of the text (a second scan would cost as much again)
    scan: re.Pattern[str]
    head_words: frozenset[str]  # the heads in lower, Capitalised and UPPER case
    # read from a head: "lives up in ", "host family live in ", "moved house to ",
    # "lives with her gran in " (groups in, to, with) before a place's name
    area_cue: re.Pattern[str]
    from_cue: re.Pattern[str]  # the gap after "from" before a place's name
    from_words: frozenset[str]  # words before "from": "is", "comes"
    movers: frozenset[str]
    nearby_after: re.Pattern[str]
    landmark_cue: re.Pattern[str]  # read from a head: "lives right next to the "
    wide: frozenset[str]
    name_like_places: frozenset[str]  # "Milton Keynes": a place, not a person
    directions: frozenset[str]
    not_places: frozenset[str]
    not_after: frozenset[str]
    subjects: frozenset[str]
    not_landmarks: frozenset[str]


def _alts(phrases: Iterable[str]) -> str:
    """One alternation of lowercase phrases: the cue patterns ignore case (they are only
    matched at a head, so that costs little, and they compile several times faster)."""
    return "(?:" + trie(" ".join(p.lower().split()) for p in phrases) + ")"


@functools.cache
def area_words() -> AreaWords:
    sec = load_sections("home_areas.txt")
    towns = load_sections("uk_towns.txt")[""]
    adverbs = r"(?:[ \t]+" + _alts(sec["area_adverbs"]) + ")?"
    heads = {v for w in sec["cue_heads"] for v in (w, w.capitalize(), w.upper())}
    if any(word_key(w) in lexicon().tiers for w in heads):
        raise ValueError("home_areas.txt: a cue head is also a street suffix")
    return AreaWords(
        scan=re.compile(r"\b" + trie({*heads, *(v for w in lexicon().tiers
                                                 for v in (w, w.title(), w.upper()))}) + r"(?!\w)"),
        head_words=frozenset(heads),
        area_cue=lazy_compile(
            r"(?:(?P<in>" + _alts(sec["area_verbs_in"]) + adverbs + r"[ \t]+(?:in|In|IN)"
            r"(?:[ \t]+an?[ \t]+" + _alts(sec["kinds_of_place"]) + r"[ \t]+(?:called|named))?)"
            r"|(?P<to>" + _alts(sec["area_verbs_to"]) + adverbs + r"[ \t]+(?:to|To|TO))"
            r"|(?P<with>" + _alts(("lives", "live", "living", "stays", "staying", "placed",
                                   "housed", "hosted", "boarding", "lodging"))
            + r"[ \t]+(?:with|WITH|by|BY)"
            r"(?:[ \t]+[\w'\u2019]+){1,4}?[ \t]+(?:in|IN|around|near)))[ \t]+(?=\w)",
            re.IGNORECASE),
        from_cue=re.compile(r"[ \t]+(?=\w)"),
        from_words=frozenset(word_key(w) for w in sec["from_cues"]),
        movers=frozenset(word_key(w) for w in sec["movers"]),
        nearby_after=lazy_compile(r",?[ \t]+" + _alts(sec["nearby_after"]) + r"\b", re.IGNORECASE),
        landmark_cue=lazy_compile(
            r"(?:(?P<verb>" + _alts(("lives", "live", "living", "lived")) + r")(?:[ \t]+in[ \t]+"
            r"(?:the|a)[ \t]+" + _alts(sec["home_nouns"]) + r"s?)?|(?P<home>"
            + _alts(sec["home_nouns"]) + r")(?:[ \t]+(?:is|was|IS|WAS)|['\u2019][sS])?)[ \t]+"
            r"(?P<pos>(?:(?:just|right|really|directly|Just|Right)[ \t]+)?"
            + _alts(sec["positions"]) + r")[ \t]+"
            r"(?:(?P<art>the|a|an|her|his|their)[ \t]+)?(?=\w)", re.IGNORECASE),
        wide=frozenset(" ".join(w.split()) for w in (*sec["wide_places"], *towns)
                       if w not in sec["small_towns"]),
        name_like_places=frozenset(" ".join(w.lower().split())
                                   for w in load_sections("names/places.txt")[""]),
        directions=frozenset(sec["directions"]),
        not_places=frozenset(word_key(w) for w in sec["not_places"]),
        not_after=frozenset(word_key(w) for w in sec["not_after"]),
        subjects=frozenset(word_key(w) for w in sec["home_subjects"]),
        not_landmarks=frozenset(word_key(w) for w in sec["not_landmarks"]),
    )


# a year group or a class as the one who "stays in" a place: a classroom named as a tree or
# a bird, no home
_CLASS_WORDS = frozenset({"year", "reception", "class", "classes", "nursery", "form", "set"})


def _words_before(text: str, s: int, n: int) -> list[str]:
    """The last n words (lowercase, apostrophes kept) before text[s], in the same clause."""
    words = text[max(0, s - 12 * n):s].split()[-n:]
    out: list[str] = []
    for w in reversed(words):
        if w[-1:] in ",.;:!?()":
            break
        out.insert(0, w.lower())
    return out


class Taken:
    """The spans of findings so far, to ask in log time whether a span overlaps one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []  # the furthest end among the first k spans
        for _, b in spans:
            self.reach.append(max(b, self.reach[-1] if self.reach else b))

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e) - 1  # spans that start before e
        return k >= 0 and self.reach[k] > s


class AreaHomes:
    """Neighbourhoods and landmarks named as a home (see the module docstring); mixed into
    `AddressDetector`."""

    _lex: PlaceLexicon
    _words: PlaceWords

    def _story_near(self, text: str, s: int, e: int) -> bool:
        raise NotImplementedError  # HomeWordings'

    def _area_homes(self, text: str, heads: list[re.Match[str]]) -> list[Place]:
        """Neighbourhoods after a home cue and homes placed by a landmark, read from the
        cue heads found in the text."""
        aw = area_words()
        out: list[Place] = []
        museums: Taken | None = None
        for h in heads:
            s = h.start()
            if h.group().lower() == "from":  # "is from", "comes from"
                if not text[h.end() + 1:h.end() + 2].isupper():
                    continue
                m = aw.from_cue.match(text, h.end())
                before = _words_before(text, s, 1)
                if m is None or not before or word_key(before[0]) not in aw.from_words:
                    continue
                span = self._area_name(text, m.end(), aw)
                if span is not None and aw.nearby_after.match(text, span[1]):
                    out.append(Place(span[0], span[1], "PG212", Category.LOCATION,
                                     Severity.HIGH, 0.7,
                                     "local neighbourhood named as someone's home"))
                continue
            if "'" in text or "\u2019" in text:
                if museums is None:
                    museums = Taken(self._words.museum_spans(text))
                if museums.overlaps(s, s + 1):
                    continue  # "Jane Austen's house in Chawton": a museum, not a home
            m = aw.area_cue.match(text, s)
            moved = m.group("to") if m is not None else None
            if moved and not moved.lower().startswith("moved house"):
                words = _words_before(text, s, 3)
                if words and not any(word_key(w) in aw.movers for w in words):
                    m = None  # "the club has moved to Thursdays"
            span = None if m is None else self._area_name(text, m.end(), aw)
            if span is not None and not _CLASS_WORDS.isdisjoint(_words_before(text, s, 2)):
                span = None  # "Year 1 stays in Oak", "Reception stay in Willow": a classroom
            if span is not None:
                group = _GROUP_BEFORE.search(text, max(0, s - 60), s) is not None
                # a home cue blocks (DESIGN.md `location`), a group's home area as well as
                # a child's: it tells a stranger where those children can be found
                out.append(Place(span[0], span[1], "PG212", Category.LOCATION,
                                 Severity.HIGH, 0.75,
                                 "neighbourhood or village named as a group's home" if group
                                 else "neighbourhood or village named as someone's home"))
                continue
            m = aw.landmark_cue.match(text, s)
            span = None if m is None else self._landmark(text, m, aw)
            if span is not None and not (out and out[-1].end > span[0]):  # in text order
                out.append(Place(span[0], span[1], "PG212", Category.LOCATION,
                                 Severity.MEDIUM, 0.65, "home placed by a landmark near it"))
        return out

    def _area_name(self, text: str, pos: int, aw: AreaWords) -> tuple[int, int] | None:
        """The span of a place's name (one to three capitalised words) at pos, or None when
        it is wide, no place, a school or a person's; "the Harehills area" with its word;
        "the village of Bramhope" read from its name."""
        of = _PLACE_OF.match(text, pos)
        if of is not None:
            pos = of.end()
        the = text[pos:pos + 4] in ("the ", "The ")
        if the:
            pos += 4
        words: list[str] = []
        end = pos
        p = pos
        while len(words) < 4:
            w = _NAME_WORD.match(text, p)
            if w is None or not w.group()[:1].isupper():
                if words and text[p:p + 6].split(" ")[0] in _NAME_JOINERS:
                    joiner = text[p:p + 6].split(" ")[0]
                    nxt = _GAP.match(text, p + len(joiner))
                    if nxt is not None and _NAME_WORD.match(text, nxt.end()):
                        words.append(joiner)
                        p = nxt.end()
                        continue
                break
            words.append(w.group())
            end = w.end()
            gap = _GAP.match(text, end)
            if gap is None:
                break
            p = gap.end()
        while words and words[-1] in _NAME_JOINERS:
            words.pop()
        if not words or len(words) > 3 or len(words[-1]) < 3:
            return None
        keys = [word_key(w) for w in words]
        if keys[0] in aw.not_places or any(k in self._lex.name_stop or k in aw.not_after
                                           for k in keys[1:]):
            return None
        if words[-1].endswith(("'s", "\u2019s")) or words[-1].endswith(("'", "\u2019")):
            return None  # "lives in Amir's old room"
        if len(keys) > 1 and keys[0] in self._lex.first_names and \
                " ".join(w.lower() for w in words) not in aw.name_like_places:
            return None  # "the house in Harry Potter"
        low = [w.lower() for w in words]
        while low and low[0] in aw.directions:
            low = low[1:]  # "North Leeds", "West Sussex"
        if not low or any(" ".join(low[:n]) in aw.wide for n in range(1, len(low) + 1)):
            return None
        after = text[end:end + 30].lstrip(" \t")
        if after[:1].isdigit():
            return None  # "Room 4", "Hall 2"
        nxt = _NAME_WORD.match(after) or re.match(r"[a-z]+", after)
        if the:  # "the Harehills area", "the Gipton estate"
            if nxt is None or nxt.group().lower() not in _AREA_WORDS:
                return None
            return pos, end + len(text[end:end + 30]) - len(after) + nxt.end()
        if nxt is not None and word_key(nxt.group()) in aw.not_after:
            return None  # "Oakwood Academy" read in one word short of its school word
        return pos, end  # no story check: a home cue says it is a home, as for streets

    def _landmark(self, text: str, m: re.Match[str], aw: AreaWords) -> tuple[int, int] | None:
        """The span from the position word to the end of the landmark's phrase ("next to the
        park gates"), when a person's home is placed there."""
        words = text[max(0, m.start() - 40):m.start()].split()
        subj = ""
        if m.group("verb") is not None:
            while words and word_key(words[-1]) in _SUBJECT_SKIP:
                words.pop()  # "he is still living"
            subj = words[-1] if words and words[-1][-1:].isalnum() else ""
        if not subj and m.group("verb") is not None:
            if words and words[-1][-1] not in ".!?:;(-\u2013\u2022*":
                return None  # a note that starts with "Lives above the chip shop ..."
        elif subj:
            key = word_key(subj)
            if key.endswith("s") and subj.endswith(("'s", "\u2019s")):
                key = key[:-1]  # "he's living"
            if key not in aw.subjects and (not subj[:1].isupper() or key in aw.not_places
                                           or key in self._lex.name_stop):
                return None  # "the trophy lives next to the office"
        else:
            if not words or word_key(words[-1]) not in _OWNERS and \
                    not words[-1].endswith(("'s", "\u2019s")):
                return None  # "the Wendy house next to the sandpit"
        p = m.end()
        article = m.group("art") is not None
        if not article and not text[p:p + 1].isupper():
            return None  # "lives near enough", "next to nothing"
        phrase: list[str] = []
        end = p
        links = 0
        while len(phrase) < 7:
            w = _LANDMARK_WORD.match(text, p)
            if w is None:
                break
            key = word_key(w.group())
            if key in _LANDMARK_STOPS or (not article and not w.group()[:1].isupper()
                                          and key not in _LANDMARK_LINKS):
                break
            if key in _LANDMARK_LINKS:
                # "the church on the green", "the corner of Elm Road": one link, then more words
                nxt = _GAP.match(text, w.end())
                if links or nxt is None or not phrase:
                    break
                after = _LANDMARK_WORD.match(text, nxt.end())
                if after is None or word_key(after.group()) in _LANDMARK_STOPS - _ARTICLES:
                    break
                links += 1
                p = nxt.end()
                phrase.append(key)
                continue
            phrase.append(key)
            if key not in _ARTICLES:
                end = w.end()
            gap = _GAP.match(text, w.end())
            if gap is None:
                break
            p = gap.end()
        while phrase and (phrase[-1] in _LANDMARK_LINKS or phrase[-1] in _ARTICLES):
            phrase.pop()
        if not phrase:
            return None
        first = next((n for n, x in enumerate(phrase) if x in _LANDMARK_LINKS), len(phrase))
        head = phrase[first - 1] if first > 0 else ""
        if head in aw.not_landmarks or \
                head.isdigit() or (not article and (phrase[0] in aw.subjects
                                                     or phrase[0] in aw.not_places
                                                     or phrase[0] in self._lex.first_names)):
            return None  # "near the sea", "next to the reading corner", "next to Grandma"
        if self._story_near(text, m.start(), end):
            return None
        return m.start("pos"), end
