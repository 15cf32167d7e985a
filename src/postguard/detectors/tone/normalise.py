"""An offset-keeping tokenizer and the normalisation candidates of each token.

Every token keeps the `start`/`end` of its text in the post, so a finding built from tokens
always points at the characters the author wrote. Normalisation never edits the post: it
turns one token into a few *candidate* spellings (NFKC, zero-width characters removed,
homoglyphs mapped in mixed-script tokens only, leetspeak, elongations collapsed), and a
candidate counts only when it equals a whole lexicon entry. `*` masks and dotted or spaced
letters (f.u.c.k, F U C K) are handled by the analysis with the help of `mask_pattern` and
`spaced_runs`.

The leet and homoglyph tables live in `data/tone/normalise.toml`.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from ...datafiles import load_toml

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_CHAR = rf"[\w*#@$!|'\u2019{_MARKS}]"
# A word is a run of word characters, possibly with zero-width characters inside it; a
# newline is its own token; any other visible character is a one-character token. The
# classes are disjoint, so matching is linear in the length of the text.
_TOKEN = re.compile(
    rf"(?P<w>{_WORD_CHAR}+(?:[{ZERO_WIDTH}]+{_WORD_CHAR}+)*)|(?P<nl>\n)|(?P<p>\S)"
)
_EDGE = "'\u2019!|*#"
_ELONGATED = re.compile(r"(.)\1\1+")
_APOSTROPHES = str.maketrans("", "", "'\u2019")
_DROP = str.maketrans("", "", ZERO_WIDTH + "_")

WORD, NEWLINE, PUNCT = 0, 1, 2
SENTENCE_END = frozenset(".!?;:")


class Token(NamedTuple):
    """A token: `text` is `post[start:end]` (the core, without edge quotes or `!`)."""

    start: int
    end: int
    text: str
    kind: int
    #: the token as written, but with trailing `*` kept (for masks like f***)
    masked: str = ""


_KINDS = {"w": WORD, "nl": NEWLINE, "p": PUNCT}


def tokenize(text: str) -> list[Token]:
    """Split `text` into word, newline and one-character tokens, keeping offsets."""
    if not any(c in text for c in _EDGE):
        # Most posts: no quote, "!", "|", "*" or "#" to peel off the edges of words, so
        # every match is a token as it stands ("\n" is the only newline the pattern takes).
        new_ = tuple.__new__
        kinds = _KINDS
        return [new_(Token, (m.start(), m.end(), m.group(), kinds[m.lastgroup or "p"], ""))
                for m in _TOKEN.finditer(text)]
    out: list[Token] = []
    append = out.append
    edge = _EDGE
    new = tuple.__new__  # skips NamedTuple's Python-level __new__: this loop is hot
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "w":
            raw = m.group()
            if raw[0] not in edge and raw[-1] not in edge:  # the common case
                append(new(Token, (s, e, raw, WORD, "")))
                continue
            core = raw.strip(edge)
            if not core:
                for k in range(s, e):
                    append(Token(k, k + 1, text[k], PUNCT))
                continue
            lead = len(raw) - len(raw.lstrip(edge))
            cs = s + lead
            ce = cs + len(core)
            # *word* is emphasis and #word a hashtag, not masks; f*** keeps its stars
            masked = "" if raw[:lead].strip("'\u2019!|") else raw[lead:].rstrip("'\u2019!|")
            for k in range(s, cs):  # edge quotes and "!" are punctuation of their own
                append(Token(k, k + 1, text[k], PUNCT))
            append(Token(cs, ce, core, WORD, masked if masked != core else ""))
            for k in range(ce, e):
                append(Token(k, k + 1, text[k], PUNCT))
        elif kind == "nl":
            append(Token(s, e, "\n", NEWLINE))
        else:
            append(new(Token, (s, e, m.group(), PUNCT, "")))
    return out


@dataclass(frozen=True)
class Tables:
    leet: dict[str, tuple[str, ...]]
    homoglyphs: dict[str, str]
    elisions: frozenset[str]


@functools.cache
def tables() -> Tables:
    raw = load_toml("tone/normalise.toml")
    leet = {k: tuple(v) if isinstance(v, list) else (v,) for k, v in raw["leet"].items()}
    glyphs: dict[str, str] = {}
    for latin, lookalikes in raw["homoglyphs"].items():
        for ch in lookalikes:
            glyphs[ch] = latin
    return Tables(leet, glyphs, frozenset(raw.get("elisions", ())))


# Spanish "ñ" is a letter of its own, not an accented "n": "coño" is not "cono" (a cone).
_KEEP_TILDE = str.maketrans({"ñ": "\ue000", "Ñ": "\ue001"})
_TILDE_BACK = str.maketrans({"\ue000": "ñ", "\ue001": "Ñ"})
# Arabic: short vowels, shadda and tatweel (a stretching stroke: شـرموطة) are dropped; the
# alef, yeh and teh marbuta spellings that writers use interchangeably are folded to one.
_ARABIC_FOLD = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647", "\u0640": None,
    **{chr(c): None for c in range(0x064B, 0x0653)}, "\u0670": None,
})


def _strip_marks(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s.translate(_KEEP_TILDE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_TILDE_BACK)


def _mixed_script(s: str, glyphs: dict[str, str]) -> bool:
    has_latin = any("a" <= c <= "z" for c in s)
    return has_latin and any(c in glyphs for c in s)


def base_form(word: str) -> str:
    """The plain normal form used for lexicon keys: NFKC, no zero-width characters or
    combining marks, casefolded, homoglyphs mapped when the word mixes scripts."""
    if word.isascii():  # no zero-width character: only "_" to drop
        low = word.lower()
        return low.replace("_", "") if "_" in low else low
    s = unicodedata.normalize("NFKC", word).translate(_DROP)
    if any("\u0600" <= c <= "\u06ff" for c in s):
        s = s.translate(_ARABIC_FOLD)
    bare = _strip_marks(s)
    # Accents are dropped only from longer words (fück); short ones are real words in other
    # languages (Welsh tŷ, French où) that would otherwise read as text-speak.
    s = (bare if len(bare) >= 4 else s).casefold()
    glyphs = tables().homoglyphs
    if _mixed_script(s, glyphs):
        s = "".join(glyphs.get(c, c) for c in s)
    return s


def _collapse(s: str) -> list[str]:
    """Elongations: every run of 3+ equal characters becomes 1 or 2 of them."""
    runs = list(_ELONGATED.finditer(s))
    if not runs:
        return []
    runs = runs[:4]
    out = []
    for choice in itertools.product((1, 2), repeat=len(runs)):
        parts, pos = [], 0
        for m, n in zip(runs, choice, strict=True):
            parts.append(s[pos:m.start()])
            parts.append(m.group(1) * n)
            pos = m.end()
        parts.append(s[pos:])
        out.append("".join(parts))
    return out


def _leet(s: str, leet: dict[str, tuple[str, ...]]) -> list[str]:
    if not any(c in leet for c in s) or not any(c.isalpha() for c in s):
        return []
    options = [leet.get(c, (c,)) for c in s]
    n = 1
    for o in options:
        n *= len(o)
    if n > 16:  # many ambiguous characters: take the first reading of each
        return ["".join(o[0] for o in options)]
    return ["".join(p) for p in itertools.product(*options)]


@functools.lru_cache(maxsize=8192)
def candidates(word: str) -> frozenset[str]:
    """Every normalised spelling of one token that may equal a whole lexicon entry."""
    if word.isascii() and word.isalpha():
        low = word.lower()
        if _ELONGATED.search(low) is None:
            return frozenset((low,))
        return frozenset((low, *_collapse(low)))
    b = base_form(word)
    forms = {b}
    if "'" in b or "\u2019" in b:
        forms.add(b.translate(_APOSTROPHES))
        head, _, tail = b.replace("\u2019", "'").partition("'")
        if head in tables().elisions and tail:  # French and Italian: l'enculé, dell'idiota
            forms.add(tail)
    for f in list(forms):
        forms.update(_leet(f, tables().leet))
    for f in list(forms):
        forms.update(_collapse(f))
    return frozenset(forms)


def mask_pattern(masked: str) -> str | None:
    """A word with `*` standing for letters (f*ck, f**k, s***), as a lowercase pattern with
    `*` for one letter; None when it is not a plausible mask (it must start with a letter and
    keep at least one other visible letter or end in stars)."""
    masked = masked.replace("#", "*")
    if "*" not in masked or not masked[:1].isalpha():
        return None
    b = base_form(masked.replace("*", "\x00")).replace("\x00", "*")
    if len(b) < 3 or not all(c.isalpha() or c == "*" for c in b):
        return None
    return b


def mask_matches(pattern: str, word: str) -> bool:
    return len(pattern) == len(word) and all(
        p in ("*", w) for p, w in zip(pattern, word, strict=True))


SPACERS = frozenset(" .-_\u00b7/")


def spaced_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of 3+ one-character word tokens joined by one spacer each (f.u.c.k, F U C K,
    s-h-1-t), as (first, last) token indexes. Separator tokens are skipped over."""
    runs: list[tuple[int, int]] = []
    if sum(1 for t in tokens if len(t.text) == 1 and t.kind == WORD) < 3:
        return runs
    first = last = -1
    for i, tok in enumerate(tokens):
        if tok.kind != WORD:
            continue
        if len(tok.text) != 1:
            if first >= 0 and _count_words(tokens, first, last) >= 3:
                runs.append((first, last))
            first = -1
            continue
        gap = text[tokens[last].end:tok.start] if first >= 0 else ""
        if first >= 0 and 0 < len(gap) <= 3 and all(c in SPACERS for c in gap):
            last = i
        else:
            if first >= 0 and _count_words(tokens, first, last) >= 3:
                runs.append((first, last))
            first = last = i
    if first >= 0 and _count_words(tokens, first, last) >= 3:
        runs.append((first, last))
    return runs


def _count_words(tokens: list[Token], first: int, last: int) -> int:
    return sum(1 for t in tokens[first:last + 1] if t.kind == WORD)
