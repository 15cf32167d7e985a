"""Word lists and tokens for the places detectors, loaded once from `postguard/data/`.

Files (written by the postguard project): `uk_street_suffixes.txt`, `uk_landmark_streets.txt`,
`uk_postcode_areas.txt`, `place_cues.txt`; the vehicle_plate detector reads
`plate_lexicon.txt` with the same section format.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from ...datafiles import read_data
from ...lazy_patterns import lazy_compile

# characters that stand for more than themselves in a phrase
_PIECES = {" ": r"\s+", "'": "['\u2019]", "\u2019": "['\u2019]"}
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # never empty: split keeps every token


@functools.cache
def load_sections(filename: str) -> dict[str, tuple[str, ...]]:
    """A data file of `[section]` headers and one entry a line (`#` starts a comment)."""
    text = read_data(filename)
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return {k: tuple(v) for k, v in sections.items()}


def phrases_pattern(phrases: Iterable[str]) -> str:
    """One alternation of phrases in lower, Capitalised, Title and UPPER case (compile it
    without IGNORECASE, which is several times slower): a space matches any whitespace, an
    apostrophe either apostrophe."""
    forms: set[str] = set()
    for p in phrases:
        low = " ".join(p.lower().split())
        forms.update((low, low.capitalize(), low.title(), low.upper()))
    forms.discard("")
    return trie(forms)


def _cue_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    return lazy_compile(r"\b(?:" + phrases_pattern(phrases) + r")\b")


def word_key(word: str) -> str:
    """A word as the lists hold it: lowercase, without apostrophes."""
    low = word.lower()
    if "'" in low or "\u2019" in low:
        return low.replace("'", "").replace("\u2019", "")
    return low


@dataclass(frozen=True)
class PlaceLexicon:
    tiers: dict[str, str]  # suffix key -> "street" | "weak"
    expand: dict[str, str]  # abbreviation key -> full word key
    suffix_re: re.Pattern[str]
    landmarks: frozenset[str]
    famous: frozenset[str]
    areas: frozenset[str]
    home_before: re.Pattern[str]
    home_after: re.Pattern[str]
    home_place: re.Pattern[str]
    outward_cue: re.Pattern[str]
    flat_words: frozenset[str]
    house_words: frozenset[str]
    name_stop: frozenset[str]
    number_stop: frozenset[str]
    units: frozenset[str]
    venues: frozenset[str]
    outward_traps: frozenset[str]
    first_names: frozenset[str] = frozenset()
    place_before_number: frozenset[str] = frozenset()
    public_venues: frozenset[str] = frozenset()
    public_before_street: frozenset[str] = frozenset()
    family_words: frozenset[str] = frozenset()
    story_cue: re.Pattern[str] = re.compile(r"(?!)")
    flat_before: re.Pattern[str] = re.compile(r"(?!)")
    place_number_before: re.Pattern[str] = re.compile(r"(?!)")
    flat_position: re.Pattern[str] = re.compile(r"(?!)")
    after_house_number: frozenset[str] = frozenset()
    number_words: frozenset[str] = frozenset()

    def normalise(self, words: Sequence[str]) -> str:
        return " ".join(self.expand.get(word_key(w), word_key(w)) for w in words)


@functools.cache
def lexicon() -> PlaceLexicon:
    tiers: dict[str, str] = {}
    expand: dict[str, str] = {}
    for line in load_sections("uk_street_suffixes.txt")[""]:
        parts = line.split()
        tiers[word_key(parts[1])] = parts[0]
        if len(parts) > 2:
            expand[word_key(parts[1])] = word_key(parts[2])
    # lower, Title and UPPER spellings, case-sensitive: several times faster than IGNORECASE
    spellings = {v for w in tiers for v in (w, w.title(), w.upper())}
    # \b scans faster than a lookbehind; the finder drops hits right after an apostrophe
    suffix_re = lazy_compile(r"\b" + trie(spellings) + r"(?!\w)")
    marks = load_sections("uk_landmark_streets.txt")
    cues = load_sections("place_cues.txt")
    lex = PlaceLexicon(
        tiers=tiers, expand=expand, suffix_re=suffix_re, landmarks=frozenset(),
        famous=frozenset(),
        areas=frozenset(w for line in load_sections("uk_postcode_areas.txt")[""]
                        for w in line.split()),
        home_before=_cue_regex(cues["home_cues_before"]),
        home_after=_cue_regex(cues["home_cues_after"]),
        home_place=lazy_compile(r"\b(?:" + phrases_pattern(cues["home_place_cues"]) + r")[ \t]+"
                              r"(?=[A-Z])"),
        outward_cue=lazy_compile(r"\b(?:" + phrases_pattern(cues["outward_cues"]) + r")\s+\Z"),
        flat_words=frozenset(word_key(w) for w in cues["flat_words"]),
        house_words=frozenset(word_key(w) for w in cues["house_words"]),
        name_stop=frozenset(word_key(w) for w in cues["name_stopwords"]),
        number_stop=frozenset(word_key(w) for w in cues["number_stopwords"]),
        units=frozenset(word_key(w) for w in cues["unit_words"]),
        venues=frozenset(word_key(w) for w in cues["venue_words"]),
        outward_traps=frozenset(w.upper() for w in cues["outward_traps"]),
        first_names=_first_names(),
        place_before_number=frozenset(word_key(w) for w in cues["place_before_number"]),
        public_venues=frozenset(word_key(w) for w in cues["public_venues"]),
        public_before_street=frozenset(word_key(w) for w in cues["public_before_street"]),
        family_words=frozenset(word_key(w) for w in cues["family_words"]),
        story_cue=_cue_regex(cues["story_cues"]),
        # "flat 3, 22 " right before a lowercase street's name (one or two words)
        flat_before=re.compile(r"\b(?:" + phrases_pattern(cues["flat_words"]) + r")\.?[ \t]+"
                               r"[A-Za-z]?[0-9]{1,4}[A-Za-z]?,?[ \t]+[1-9][0-9]{0,2}[A-Za-z]?"
                               r"[ \t]+(?:[a-z'\u2019]+[ \t]+){1,2}\Z"),
        # "outside 22 " right before a lowercase street's one-word name
        place_number_before=lazy_compile(
            r"\b(?:" + phrases_pattern(cues["place_before_number"]) + r")(?:[ \t]+|(?<=\.))"
            r"[1-9][0-9]{0,2}[a-z]?[ \t]+[a-z'\u2019]{4,}[ \t]+\Z"),
        # "flat 3b above the bakery on " right before a street's name
        flat_position=lazy_compile(
            r"\b(?:" + phrases_pattern(cues["flat_words"]) + r")\.?[ \t]+"
            r"[A-Za-z]?[0-9]{1,4}[A-Za-z]?,?[ \t]+(?:"
            + phrases_pattern(cues["flat_position_words"]) + r")[ \t]+"
            r"(?:[\w'\u2019&]+[ \t]+){0,4}?[\w'\u2019&]*"
            r"(?:[ \t]+(?:[Oo]n|[Ii]n|[Oo]ff|[Aa]long|[Aa]t)|,)[ \t]+(?:[Tt]he[ \t]+)?\Z"),
        after_house_number=frozenset(word_key(w) for w in cues["after_house_number"]),
        number_words=frozenset(word_key(w) for w in cues["number_words"]),
    )
    norm = lex.normalise
    return PlaceLexicon(**{
        **lex.__dict__,
        "landmarks": frozenset(norm(p.split()) for p in marks["landmarks"]),
        "famous": frozenset(norm(p.split()) for p in marks["famous_addresses"]),
    })


def _first_names() -> frozenset[str]:
    """Given names from the person_name detector's list ("Sarah Lane" is a person); empty
    when that list is not installed."""
    try:
        lines = load_sections("names/first_names.txt")
    except FileNotFoundError:
        return frozenset()
    return frozenset(word_key(w) for ws in lines.values() for w in ws)


class Tokens:
    """Word and punctuation tokens of a text, with their offsets."""

    __slots__ = ("text", "words", "starts", "ends", "spans")

    def __init__(self, text: str) -> None:
        self.text = text
        #: per-text cache of cue matches, filled by the detector on first use
        self.spans: dict[str, tuple[list[int], list[int]]] = {}
        # split by the tokens: the gaps and tokens alternate, and the running sum of their
        # lengths gives every offset (one pass in C; finditer and three lists of match
        # attributes cost twice as much on a long post)
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, ..., token, gap
        offsets = list(accumulate(map(len, parts), initial=0))
        self.words = parts[1::2]
        self.starts = offsets[1:-1:2]
        self.ends = offsets[2::2]

    def index_at(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def same_line(self, i: int, j: int) -> bool:
        """Tokens i and j (i < j, adjacent) are separated by spaces on one line."""
        gap = self.text[self.ends[i]:self.starts[j]]
        return "\n" not in gap and "\r" not in gap

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""


def is_cap(w: str) -> bool:
    return w[:1].isupper()


def is_alpha(w: str) -> bool:
    """Letters only, apostrophes allowed inside ("Mary's")."""
    return w.isalpha() or w.replace("'", "").replace("\u2019", "").isalpha()


def trie(words: Iterable[str]) -> str:
    """One regex alternation of lowercase words, factored by prefix (much faster to scan)."""
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = [(_PIECES.get(c) or re.escape(c)) + trie(rest) for c, rest in sorted(groups.items())]
    if not alts:
        return ""
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body


def postcode_area(outward: str) -> str:
    n = 0
    while n < len(outward) and outward[n].isalpha():
        n += 1
    return outward[:n].upper()
