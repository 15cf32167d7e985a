"""What the tokens around a tone word look like: a word glued into a domain, address, handle
or path ("orange.fr", "@lit": not a word of the sentence), and a name signing off a post or a
line ("Mrs K", "Miss Patel": the kisses before it are a sign-off)."""

from __future__ import annotations

from .normalise import NEWLINE, WORD, Token

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
                        "st", "saint", "uncle", "aunt", "auntie"})
_GLUE = frozenset(".@/")


def glued(tokens: list[Token], i: int) -> bool:
    """A word glued to a preceding '.', '@' or '/' that is glued to a word: part of a domain,
    an e-mail address, a handle or a path ("orange.fr"), not a word of the sentence."""
    if i < 2:
        return False
    glue, before = tokens[i - 1], tokens[i - 2]
    return (glue.text in _GLUE and glue.end == tokens[i].start
            and (before.end == glue.start or glue.text == "@"))


def name_signoff(tokens: list[Token], k: int) -> bool:
    """Tokens from `k` are a name signing off the post or a line: "Mrs K", "Miss Patel"."""
    if tokens[k].kind != WORD or tokens[k].text.lower().rstrip(".") not in HONORIFICS:
        return False
    words = 0
    for t in tokens[k + 1:k + 6]:
        if t.kind == NEWLINE:
            break
        if t.kind == WORD:
            if not t.text[:1].isupper():
                return False
            words += 1
        elif t.text not in ".!":
            return False
    else:
        if k + 6 < len(tokens):
            return False
    return 1 <= words <= 3
