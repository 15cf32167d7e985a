"""A lexicon term read into its slots: `%macro` words expanded, `a|b` alternatives, optional
words (`word?`), gaps (`~N`) and the end of a sentence (`$`). Plain words' slots are made once
and shared: lexicon words recur across thousands of terms."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from ...errors import ConfigurationError
from .normalise import base_form

END: frozenset[str] = frozenset({"$"})


@dataclass(frozen=True, slots=True)
class Slot:
    words: frozenset[str]
    optional: bool = False
    gap: int = 0


@functools.lru_cache(maxsize=16384)  # lexicon words repeat across alternatives and macros
def norm_word(word: str) -> str:
    return base_form(word).replace("'", "").replace("\u2019", "")


@functools.lru_cache(maxsize=4096)  # a macro's alternatives recur in every variant of a term
def slot_words(word: str) -> frozenset[str]:
    """The normalised alternatives of one slot, `a|b|c`."""
    return frozenset(norm_word(a) for a in word.split("|") if a)


def expand_macros(term: str, macros: Mapping[str, str], where: str) -> list[str]:
    """Expand `%name` words; a macro alternative of several words ("you are") makes a
    variant of the term of its own."""
    options: list[list[str]] = []
    for raw in term.split():
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        if not word.startswith("%"):
            options.append([raw])
            continue
        if word[1:] not in macros:
            raise ConfigurationError(f"{where}: unknown macro '{word}'")
        alts = [a.strip() for a in macros[word[1:]].split("|") if a.strip()]
        singles = [a for a in alts if " " not in a]
        opts = ["|".join(singles) + ("?" if optional else "")] if singles else []
        opts += [a for a in alts if " " in a]
        if optional and not singles:
            opts.append("")
        options.append(opts)
    variants = [" ".join(w for w in combo if w) for combo in itertools.product(*options)]
    if len(variants) > 64:
        raise ConfigurationError(f"{where}: term expands to more than 64 variants")
    return variants


# The slot of each plain word (no macro) of a term, made once: lexicon words recur across
# thousands of terms. Slots are immutable, so terms share them.
_word_slots: dict[str, Slot] = {}


def parse_term(term: str, macros: Mapping[str, str], where: str) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    end_at = -1  # where a `$` slot is
    for raw in term.split():
        known = _word_slots.get(raw)
        if known is not None:  # a plain word met before: the same (immutable) slot
            slots.append(known)
            continue
        if raw.startswith("~"):
            try:
                n = int(raw[1:])
            except ValueError:
                raise ConfigurationError(f"{where}: gap '{raw}' must be ~N") from None
            if not slots or not 1 <= n <= 6:
                raise ConfigurationError(f"{where}: a gap ~N needs 1 <= N <= 6 after a word")
            slots.append(Slot(frozenset(), gap=n))
            continue
        if raw == "$":
            if not slots:
                raise ConfigurationError(f"{where}: '$' (end of sentence) cannot come first")
            end_at = len(slots)
            slots.append(Slot(END, gap=-1))
            continue
        optional = raw.endswith("?") and len(raw) > 1
        word = raw[:-1] if optional else raw
        plain = not word.startswith("%")
        if not plain:
            if word[1:] not in macros:
                raise ConfigurationError(f"{where}: unknown macro '{word}'")
            word = macros[word[1:]]
        alts = slot_words(word)
        if not alts:
            raise ConfigurationError(f"{where}: empty word in term")
        slot = Slot(alts, optional=optional)
        if plain:
            _word_slots[raw] = slot
        slots.append(slot)
    if 0 <= end_at < len(slots) - 1:
        raise ConfigurationError(f"{where}: '$' (end of sentence) can only come last")
    if not slots or slots[0].optional or slots[0].gap or slots[-1].gap > 0:
        raise ConfigurationError(f"{where}: a term must start and end with a required word")
    return tuple(slots)
