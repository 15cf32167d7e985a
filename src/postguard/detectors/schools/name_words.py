"""Which tokens of a window can be part of a school's name, for `spans.SchoolSpans`: the
words that end a name ("School", "Sixth Form", "Pupil Referral Unit", "Learning Centre"), a
number word before digits ("No. 2"), a word that names something, a village's name, a word
in brackets ("(VA)"), a place after the school word, and where a name plainly ends. Written by
the postguard project.
"""

from __future__ import annotations

import re

from .words import Lexicon, Tokens

NUMBERED = re.compile(r"(?:no|nr|n°|nº)\.?\d{1,3}")  # "No.4" written as one token
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "lord", "lady", "dame"})


# Centres that are schools: pupil referral units and alternative provision ("Northgate
# Learning Centre", "Riverside Education Support Centre"), not "Leisure Centre".
_CENTRE_KINDS = frozenset({"learning", "education", "support", "nursery", "tuition",
                           "vocational", "pre-admission", "years", "childrens", "children's",
                           "children", "tutorial", "inclusion", "learner",
                           "childhood", "childcare", "primary", "secondary"})


class NameWords:
    """The token rules over one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        self._numbers = lex.number_words | {"n", "nr", "no"}

    def _ends_name(self, toks: Tokens, j: int) -> bool:
        lex = self._lex
        key = toks.keys[j]
        if key in lex.strong or key in lex.weak or key.endswith(lex.compound_endings):
            return True
        prev = toks.keys[j - 1] if j > 0 else ""
        return (key == "form" and prev == "sixth") or (
            key in ("unit", "service") and prev in ("referral", "reintegration", "re-integration",
                                                    "tutorial", "tuition")
        ) or (key == "unit" and prev in ("language", "nursery", "guidance")) or (
            key == "base" and prev in ("resource", "resources")
        ) or (key == "centre" and prev in _CENTRE_KINDS) or (
            key == "wales" and prev == "in" and j > 1 and toks.keys[j - 2] == "church"
        ) or key == "church-in-wales"

    def _number_word_before(self, toks: Tokens, j: int) -> int:
        """Index of the number word ("No", "Nr", "n.") just before digits at j, else -1."""
        keys = toks.keys
        k = j - 1
        if k >= 0 and keys[k] == "." and toks.joined(j):
            k -= 1
        if k >= 0 and toks.joined(k + 1) and keys[k] in self._numbers:
            return k
        return -1

    def _proper(self, toks: Tokens, k: int, after_the: bool = False) -> bool:
        """Token k names something: not a kind, a generic word, a stop word or a joiner.
        After "The", a generic word names the school ("The British School")."""
        lex = self._lex
        key = toks.keys[k]
        if NUMBERED.fullmatch(key):
            return True
        if key[0].isdigit():
            return self._number_word_before(toks, k) >= 0
        if key in lex.saints:
            return True
        if not toks.cap(k) or len(key) < 2 or key in lex.types or key in lex.stop \
                or key in lex.connectors:
            return False
        return after_the or (key not in lex.generic and key not in lex.specialisms)

    def _village(self, toks: Tokens, k: int) -> bool:
        """A capitalised place-like word: not a kind, stop word or common given name."""
        lex = self._lex
        key = toks.keys[k]
        return toks.cap(k) and len(key) > 2 and key not in lex.types \
            and key not in lex.stop and key not in lex.first_names and key not in lex.saints \
            and key not in lex.generic and key not in lex.specialisms \
            and key not in lex.surnames and (k == 0 or toks.keys[k - 1] not in _TITLES)

    def _bracketed(self, toks: Tokens, k: int) -> bool:
        """A word allowed in brackets inside a name: "(VA)", "(C of E)", "(Barnsbury)"."""
        key = toks.keys[k]
        return key in self._lex.types or key in self._lex.joiners or (
            toks.cap(k) and (key not in self._lex.stop or len(key) == 1)
        )

    def _tail_word(self, toks: Tokens, k: int) -> bool:
        """A capitalised word that may continue a name after its school word (a place)."""
        lex = self._lex
        key = toks.keys[k]
        return toks.cap(k) and len(key) > 1 and key not in lex.stop \
            and key not in lex.tail_stop and key not in lex.after \
            and key not in lex.kind_before and key not in lex.prefix \
            and key not in lex.first_names

    def _boundary(self, toks: Tokens, k: int) -> bool:
        """Nothing name-like follows token k-1: the end, a line break, or no capital."""
        lex = self._lex
        return k >= len(toks) or not toks.joined(k) or not toks.cap(k) or (
            toks.keys[k] in lex.stop or toks.keys[k] in lex.tail_stop
        )
