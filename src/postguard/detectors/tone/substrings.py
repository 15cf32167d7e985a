"""The two marked exceptions to whole-word matching (docs/lexicons.md): `infix` entries
found inside runs of Chinese, Japanese or Korean, and `prefix` entries that begin a longer
compound (German Scheiß-: Scheißwetter). Both return `Hit`s whose spans are the characters
the author wrote; the analysis judges them like every other hit."""

from __future__ import annotations

from .hits import Hit
from .lexicon import PREFIX_REST, Lexicon, infix_form
from .normalise import WORD, Token

#: Hangul jamo, then CJK: a token with no character from here on holds no infix term
_CJK = "\u1100"


def prefix_hits(lex: Lexicon, seq: list[frozenset[str] | None], seq_tok: list[int],
                tokens: list[Token]) -> list[Hit]:
    """Words that begin with a prefix entry and go on for PREFIX_REST letters or more; the
    whole word is the span."""
    hits: list[Hit] = []
    prefixes = lex.prefixes
    least = 4 + PREFIX_REST
    for j, seen in enumerate(seq):
        if seen is None or len(tokens[seq_tok[j]].text) < least:
            continue
        for c in seen:
            for term, e in prefixes.get(c[:4], ()):
                if len(c) >= len(term) + PREFIX_REST and c.startswith(term):
                    tok = tokens[seq_tok[j]]
                    hits.append(Hit(e, seq_tok[j], seq_tok[j], tok.start, tok.end, term, 0.9,
                                    c != tok.text.lower()))
                    break
    return hits


def infix_hits(lex: Lexicon, tokens: list[Token]) -> list[Hit]:
    """Infix entries inside word tokens that hold Chinese, Japanese or Korean, with the
    offsets of the characters matched (a run of one term, ㅋㅋㅋㅋ, is one hit); a match that
    overlaps an ordinary word of infix-allow.txt where it stands is dropped."""
    hits: list[Hit] = []
    firsts = lex.infix.keys()
    for i, tok in enumerate(tokens):
        if tok.kind != WORD or max(tok.text) < _CJK:
            continue
        folded = infix_form(tok.text)  # same length as the token: indexes stay right
        if firsts.isdisjoint(folded):
            continue
        ordinary: list[tuple[int, int]] | None = None
        at, n = 0, len(folded)
        while at < n:
            for term, e in lex.infix.get(folded[at], ()):  # longest first
                if not folded.startswith(term, at):
                    continue
                end = at + len(term)
                while folded.startswith(term, end):
                    end += len(term)
                if ordinary is None:
                    ordinary = _ordinary_words(folded, lex.infix_allow)
                if any(a < end and at < b for a, b in ordinary):
                    continue
                hits.append(Hit(e, i, i, tok.start + at, tok.start + end, term, 0.9))
                at = end - 1
                break
            at += 1
    return hits


def _ordinary_words(folded: str, allow: dict[str, list[str]]) -> list[tuple[int, int]]:
    """Where the ordinary words of infix-allow.txt stand in one folded token."""
    spans: list[tuple[int, int]] = []
    if allow.keys().isdisjoint(folded):
        return spans
    for k, c in enumerate(folded):
        for w in allow.get(c, ()):  # longest first
            if folded.startswith(w, k):
                spans.append((k, k + len(w)))
                break
    return spans
