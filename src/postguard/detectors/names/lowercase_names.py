"""Full names written all lowercase or all capitals after a cue word ("well done liam
o'donnell", "WELL DONE EDIE MARCHBANK", "congrats to amy smith & min-jun kim"): the cues are
`lowercase_cues` of data/names/context_cues.txt; a pair of words counts only when the lexicons
know its given name and surname (a hyphenated surname with a known part; a Korean given name of
two syllables).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .lexicons import POSSESSIVE as _POSSESSIVE
from .lexicons import cues as _cues
from .lexicons import lexicons as _lexicons
from .lexicons import works


@functools.cache
def _lowercase_re() -> re.Pattern[str]:
    """A cue ("well done", "congrats to") and then up to four lowercase or all-caps pairs of
    words; which pairs are names is decided by the lexicons."""
    cues = sorted(_cues().get("lowercase_cues", ()), key=len, reverse=True)
    cue = "|".join(r"[ \t]+".join(re.escape(w) for w in c.split()) for c in cues)
    word = r"[a-zß-öø-ÿ'’-]{2,}|[A-ZÀ-ÖØ-Þ'’-]{2,}"
    return re.compile(
        rf"(?<![\w])(?i:{cue})[ \t,:]+((?:(?:{word})[ \t]+(?:{word})(?:[ \t]*(?:,|&|and|AND)"
        rf"[ \t]*)?){{1,4}})"
    )


@functools.cache
def _lowercase_cue_re() -> re.Pattern[str]:
    """The cues of `_lowercase_re` alone, to search the lower-cased text with (a
    case-insensitive alternation costs several times more)."""
    cues = sorted(_cues().get("lowercase_cues", ()), key=len, reverse=True)
    cue = "|".join(r"[ \t]+".join(re.escape(w) for w in c.split()) for c in cues)
    return re.compile(rf"(?<![\w])(?:{cue})[ \t,:]")


def _cued_runs(text: str) -> Iterator[re.Match[str]]:
    """`_lowercase_re().finditer(text)`, but the full pattern is tried only where a cue
    starts in the lower-cased text (most posts have none)."""
    full = _lowercase_re()
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would move
        yield from full.finditer(text)
        return
    end = 0
    for c in _lowercase_cue_re().finditer(low):
        if c.start() < end:
            continue
        m = full.match(text, c.start())
        if m is not None:
            end = m.end()
            yield m


_PAIR = re.compile(r"(?:^|[ \t]*(?:,|&|\band\b|\bAND\b)[ \t]*)([^\s,&]+)[ \t]+([^\s,&]+)")


_SYLLABLES = re.compile(r"[a-z]{2,4}-[a-z]{2,4}")


def _lower_known(given: str, family: str, firsts: frozenset[str],
                 lasts: frozenset[str]) -> bool:
    """A lowercase given name and surname the lexicons know: a hyphenated surname with one
    known part ("kowalczyk-reid"), a hyphenated given name with a known part ("anna-maria")
    or of two short syllables before a known surname (Korean "min-jun kim", "park ji-ho")."""
    if family in lasts:
        family_ok = True
    elif "-" in family:
        parts = family.split("-")
        family_ok = all(len(p) > 1 for p in parts) and any(p in lasts for p in parts)
    else:
        return False
    if not family_ok:
        return False
    if given in firsts:
        return True
    if "-" not in given:
        return False
    if any(p in firsts for p in given.split("-")):
        return True
    return family in lasts and bool(_SYLLABLES.fullmatch(given))


def lowercase_full_names(text: str, staff: frozenset[str]) -> list[tuple[int, int]]:
    """Full names written all lowercase or all capitals after a cue ("well done liam
    o'donnell", "WELL DONE EDIE MARCHBANK"): a known given name and a known surname."""
    if not any(c.islower() for c in text) and not any(c.isupper() for c in text):
        return []
    firsts, lasts, famous, not_names = _lexicons()
    out = []
    for m in _cued_runs(text):
        for w in _PAIR.finditer(m.group(1)):
            first, last = w.group(1), w.group(2)
            if first.istitle() and last.istitle():
                continue  # the capitalised path decides these
            surname = _POSSESSIVE.sub("", last.lower())
            if (surname in not_names and not _SYLLABLES.fullmatch(first.lower())) or not (
                _lower_known(first.lower(), surname, firsts, lasts)
                or ("-" in surname and _lower_known(surname, first.lower(), firsts, lasts))
            ):
                continue  # "thanks to amber park staff": a place word, no capitals to say

            s = m.start(1) + w.start(1)
            e = m.start(1) + w.end(2)
            key = f"{first.lower()} {last.lower()}"
            if key in famous or key in staff or key in works():
                continue
            out.append((s, e))
    return out
