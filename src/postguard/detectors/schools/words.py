"""Words and tokens for the `school` detector: the lexicon loaded once from
`data/school-words*.toml`, `data/school-traps.toml` and the person-name lists, and a tokeniser
that keeps offsets. Written by the postguard project.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...datafiles import load_toml, read_data
from ...lazy_patterns import lazy_compile
from ...scans import gated_finditer

_LETTERS = r"[\w\u0300-\u036f]"
# An elided Italian or French article is a token of its own before a capital
# ("dell'Istituto Comprensivo ...", "all'Istituto", "l'École"): the school word is then
# a capitalised token.
_ELIDED = r"(?:[dDlLnN]|[dDaAnNsS](?:e|a|u)ll|[qQ]uell)['’](?=[A-Z\u00c0-\u00de])"
_TOKEN = re.compile(
    rf"{_ELIDED}|{_LETTERS}+(?:[.'’\-]{_LETTERS}+)*(?:['’](?=\s))?|[^\s\w\u0300-\u036f]"
)


def _words(table: Any, *keys: str) -> frozenset[str]:
    for key in keys:
        table = table[key]
    return frozenset(str(w).casefold() for w in table)


@functools.cache
def _load(name: str) -> dict[str, Any]:
    return load_toml(name)


@dataclass(frozen=True)
class Lexicon:
    strong: frozenset[str]
    weak: frozenset[str]
    compound_endings: tuple[str, ...]
    types: frozenset[str]
    joiners: frozenset[str]
    connectors: frozenset[str]
    saints: frozenset[str]
    number_words: frozenset[str]
    stop: frozenset[str]
    generic: frozenset[str]
    prefix: frozenset[str]
    prefix_lower: frozenset[str]
    kind_before: frozenset[str]
    after: frozenset[str]
    tail_stop: frozenset[str]
    specialisms: frozenset[str]
    joined_on: frozenset[str]
    first_names: frozenset[str]
    surnames: frozenset[str]
    reject: frozenset[str]
    traps: re.Pattern[str]
    prefilter: re.Pattern[str]
    anchors: frozenset[str]
    prefix_upper: frozenset[str]
    prefix_before_preposition: frozenset[str]
    prepositions: frozenset[str]
    of_subjects: frozenset[str]
    lower_not_name: frozenset[str]
    lower_start: re.Pattern[str]
    lower_words: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    words = _load("school-words.toml")
    foreign = _load("school-words-foreign.toml")
    traps = _load("school-traps.toml")
    strong = _words(words, "suffix", "strong")
    weak = _words(words, "suffix", "weak")
    endings = tuple(str(e).casefold() for e in words["suffix"]["compound_endings"])
    prefix = _words(foreign, "prefix", "words") | \
        _words(foreign, "prefix_before_preposition", "words")
    # Capitalised forms only ("School", "SCHOOL", "Pre-School", "Sixth Form"), and no leading
    # \\b: a plain alternation of literals lets the regex engine skip ahead fast.
    forms: set[str] = set()
    for cue in strong | weak | prefix | {"sixth form", "referral", "centre", "wales",
                                         "reintegration", "re-integration", "unit", "base",
                                         "service"}:
        forms.update({cue[:1].upper() + cue[1:], cue.title(), cue.upper()})
        if cue.startswith("i\u0307"):  # Turkish dotted capital: "İlkokulu" folds to "i̇lkokulu"
            forms.add("\u0130" + cue[2:])
    prefilter = re.compile(
        "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"
    )
    trap_rx = lazy_compile(
        "|".join(rf"(?<![\w'’])(?:{p})(?![\w])" for p in traps["phrases"]["patterns"])
    )
    return Lexicon(
        strong=strong,
        weak=weak,
        compound_endings=endings,
        types=_words(words, "types", "words"),
        joiners=_words(words, "types", "joiners"),
        connectors=_words(words, "name", "connectors"),
        saints=_words(words, "name", "saints"),
        number_words=_words(words, "name", "number_words"),
        stop=_words(words, "stop", "words"),
        generic=_words(words, "generic", "words"),
        prefix=prefix,
        prefix_lower=_words(foreign, "prefix_lowercase", "words"),
        kind_before=_words(traps, "kind_before", "words"),
        after=_words(traps, "after", "words"),
        tail_stop=_words(words, "tail_stop", "words"),
        specialisms=_words(words, "specialisms", "words"),
        joined_on=_words(words, "joined_on", "words") | _words(words, "specialisms", "words")
        | _words(words, "types", "words"),
        reject=_words(traps, "reject_tokens", "words"),
        traps=trap_rx,
        prefilter=prefilter,
        anchors=strong | weak | prefix | {"form", "unit", "service", "centre", "wales",
                                          "church-in-wales", "base"},
        prefix_upper=_words(foreign, "prefix_upper", "words"),
        prefix_before_preposition=_words(foreign, "prefix_before_preposition", "words"),
        prepositions=_words(foreign, "prefix_before_preposition", "prepositions"),
        of_subjects=_words(traps, "of_subjects", "words"),
        lower_not_name=_words(foreign, "lower_not_name", "words")
        | _words(words, "stop", "words") | _words(words, "tail_stop", "words")
        | _words(traps, "after", "words") | _words(traps, "kind_before", "words"),
        # Lowercase names start at a saint ("st joseph's catholic primary") or a foreign
        # prefix word ("liceo linguistico manzoni"); written lowercase, matched as written.
        lower_words=frozenset(
            {"st", "st.", "saint"} | {f for w in _words(foreign, "prefix_lower_start", "words")
                                      for f in (w, w[:1].upper() + w[1:])}
        ),
        lower_start=lazy_compile(
            r"(?<![\w'’.])(?:(?P<saint>st\.?|saint)|(?P<prefix>"
            + "|".join(re.escape(f) for w in sorted(
                _words(foreign, "prefix_lower_start", "words"), key=len, reverse=True)
                for f in (w, w[:1].upper() + w[1:]))
            + r"))[ \t]+(?=[^\W\d_])"
        ),
        first_names=_names("first_names.txt"),
        surnames=_names("surnames.txt"),
    )


def _names(fname: str) -> frozenset[str]:
    """Names from the person-name lexicon (data/names/): a place may follow a school's name
    ("Harris Academy Peckham"), a child's name may not ("... School Amy Smith won"); two
    places may be joined ("Newby and Scalby"), a person and a school may not ("Mrs Patel
    and Bramley Academy"). Absent lexicon: no names, and the rules are less careful."""
    try:
        lines = read_data(f"names/{fname}").splitlines()
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(
        line.strip().casefold() for line in lines if line.strip() and not line.startswith("#")
    )


# Turkish case endings written after an apostrophe on a proper name ("Lisesi'nden",
# "Ortaokulu'nda", "Koleji'ne"): the key is the name word without them.
_TURKISH_CASE = lazy_compile(r"'(?:n?[dt][ae]n?|y?[ae]|n[ae]|n?[ıiuü]n|y?[ıiuü]|l[ıiuü])$")


def _key(token: str) -> str:
    key = token.casefold().replace("’", "'")
    if key.endswith("'s") and len(key) > 2:
        key = key[:-2]
    elif len(key) > 6 and key[-1] != "'":
        key = _TURKISH_CASE.sub("", key)
    return key.rstrip("'") or "'"


class Tokens:
    """Tokens of text[lo:hi] with offsets. `joined(i)`: token i follows token i-1 on the same
    line with at most a few spaces between; `cap(i)`: it starts with a capital letter."""

    __slots__ = ("starts", "ends", "raw", "keys", "caps", "glued")

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        hi = len(text) if hi is None else hi
        self.raw: list[str] = _TOKEN.findall(text, lo, hi)
        # Offsets: each token is found again from where the previous one ended (findall is
        # much faster than building match objects; str.find is C).
        starts: list[int] = []
        pos = lo
        find = text.find
        for tok in self.raw:
            pos = find(tok, pos)
            starts.append(pos)
            pos += len(tok)
        self.starts = starts
        self.ends = [st + len(tok) for st, tok in zip(starts, self.raw, strict=True)]
        # Keys compare case-insensitively, without a possessive ("School's PTA", "Infants'").
        folded = [t.casefold() for t in self.raw]
        self.keys = [_key(k) if ("'" in k or "’" in k) else k for k in folded]
        self.caps = [t[0].isupper() for t in self.raw]
        pairs = zip(self.ends, starts[1:], strict=False)
        if find("\n", lo, hi) < 0 and find("\r", lo, hi) < 0:
            self.glued = [False] + [st - e <= 3 for e, st in pairs]
        else:
            self.glued = [False] + [
                st - e <= 3 and find("\n", e, st) < 0 and find("\r", e, st) < 0
                for e, st in pairs
            ]

    def __len__(self) -> int:
        return len(self.raw)

    def joined(self, i: int) -> bool:
        return 0 < i < len(self.glued) and self.glued[i]

    def cap(self, i: int) -> bool:
        return self.caps[i]

    def titlecase(self, i: int) -> bool:
        return self.caps[i] and not self.raw[i].isupper()


_LOWER_REACH = 100  # characters after the start word a lowercase name may run


def lowercase_spans(
    text: str, lex: Lexicon, taken: list[tuple[int, int]], words: list[str] | None = None
) -> Iterator[tuple[int, int]]:
    """(start, end) of school names written in lowercase: a saint, one to three name words
    and school words ending in one that ends a name ("st joseph's catholic primary"), or a
    foreign prefix word, its lowercase qualifiers and one to three name words ("liceo
    linguistico manzoni"). Capitalised names are found by the detector's main rules; `taken`
    holds their spans, sorted and apart, and a name overlapping one is not yielded. `words`:
    `text.split()` or the words of it that matter, when the caller has them."""
    if lex.lower_words.isdisjoint(text.split() if words is None else words):
        return  # cheap: no start word stands alone in the text
    starts = [s for s, _ in taken]
    for m in gated_finditer(lex.lower_start, text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][1] > m.start():
            continue  # inside a name already found
        toks = Tokens(text, m.end(), min(len(text), m.end() + _LOWER_REACH))
        end = _saint_tail(toks, lex) if m.group("saint") else _prefix_tail(toks, lex)
        if end is None:
            continue
        k = bisect.bisect_left(starts, end) - 1
        if k < 0 or taken[k][1] <= m.start():
            yield m.start(), end


def _saint_tail(toks: Tokens, lex: Lexicon) -> int | None:
    keys = toks.keys
    n = len(toks)
    j = 0
    while j < n and j < 3 and (j == 0 or toks.joined(j)) and keys[j][:1].isalpha() \
            and keys[j] not in lex.types and keys[j] not in lex.stop \
            and keys[j] not in lex.after:
        j += 1
    if j == 0:
        return None
    end = -1
    k = j
    while k < n and toks.joined(k) and (keys[k] in lex.types or (
        keys[k] in lex.joiners and end < 0 and k + 1 < n and keys[k + 1] in lex.types
    )):
        if keys[k] in lex.strong or keys[k] in lex.weak:
            end = k
        k += 1
    if end < 0:
        return None
    if keys[end] in lex.weak and end + 1 < n and toks.joined(end + 1) \
            and keys[end + 1] in lex.after:
        return None  # "st john's high street"
    return toks.ends[end]


def _prefix_tail(toks: Tokens, lex: Lexicon) -> int | None:
    keys = toks.keys
    end = -1
    names = 0
    for j in range(min(len(toks), 8)):
        if j and not toks.joined(j):
            break
        key = keys[j]
        if key in lex.prefix_lower:
            continue
        if not key[:1].isalpha() or len(key) < 2 or key in lex.lower_not_name \
                or key in lex.types or names == 3:
            break
        names += 1
        end = j
    return toks.ends[end] if end >= 0 else None
