"""Where a school name starts and ends among the tokens of a window: the `school` detector's
span rules. A name either follows a foreign school word ("Ysgol y Graig", "Lycée Victor Hugo")
or precedes an English one ("St Mary's C of E Primary School", "Harris Academy Peckham"),
extended left over name words, saints, numbers and connectors, and right over kinds and tails
that belong to the name. Which tokens may be part of a name is `name_words`. Written by the
postguard project.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..names.context import lexicons
from .name_words import NUMBERED as _NUMBERED
from .name_words import NameWords
from .words import Tokens

_MAX_LEFT = 12
# Church words: with one in the name, "X and Y" joins two village names ("Staunton and Corse
# CofE Primary School").
_CHURCH = frozenset({"church", "cofe", "ce", "c.e", "rc", "r.c", "catholic", "methodist",
                     "anglican", "voluntary", "aided", "controlled", "va", "vc", "england"})
_MAX_RIGHT = 8


# Kinds of course that name a school's kind only right before its last word ("Forest
# School"); before "High School" or "Primary School" they are part of a place's name.
_KIND_BEFORE_ONE = frozenset({"forest", "village", "home", "night"})


# Kinds listed with commas inside one name ("Junior, Infant and Nursery School")
_KINDS_IN_LIST = frozenset({"junior", "infant", "infants", "nursery", "primary", "juniors"})


class SchoolSpans(NameWords):
    """The span rules over one lexicon (the token rules are `NameWords`')."""

    def spans(self, toks: Tokens) -> Iterator[tuple[int, int, float]]:
        """(first token, last token, score) of each school name in `toks`, left to right."""
        lex = self._lex
        keys = toks.keys
        caps = toks.caps
        i = 0
        floor = 0  # tokens before this belong to an earlier finding
        n = len(toks)
        while i < n:
            key = keys[i]
            if not caps[i] or not (
                key in lex.anchors or key.endswith(lex.compound_endings)
            ) or (key in lex.prefix_upper and not toks.raw[i].isupper()):
                i += 1
                continue
            best: tuple[int, int, float] | None = None
            # "Gymnasium am Lindenhof" is a school; "the Gymnasium is closed" names none after
            # it (a name before it is read as before: "Goethe Gymnasium")
            if key in lex.prefix and (key not in lex.prefix_before_preposition or (
                    i + 1 < n and keys[i + 1] in lex.prepositions)):
                best = self._prefix_match(toks, i)
            suffix = self._suffix_match(toks, i, floor)
            if suffix is not None and (best is None or suffix[0] < best[0]):
                best = (suffix[0], max(suffix[1], best[1]) if best else suffix[1], suffix[2])
            if best is None:
                i += 1
                continue
            first, last, score = best
            yield first, last, score
            i = floor = last + 1

    # -- name follows the school word: Ysgol y Graig, Lycée Victor Hugo ----------------------
    def _prefix_match(self, toks: Tokens, i: int) -> tuple[int, int, float] | None:
        lex = self._lex
        keys = toks.keys
        last_good = -1
        j = i + 1
        while j < len(toks) and j <= i + _MAX_RIGHT and toks.joined(j):
            key = keys[j]
            name_word = toks.cap(j) and not (key in lex.stop and len(key) > 1) \
                and key not in lex.after
            if name_word or (key[0].isdigit() and self._number_word_before(toks, j) >= 0):
                last_good = j
            elif key in lex.prefix_lower or key in (".", "-", "'"):
                pass
            else:
                break
            j += 1
        if last_good < 0:
            return None
        return (i, last_good, 0.85)

    # -- name precedes the school word: Bramley Primary School --------------------------------
    def _suffix_match(
        self, toks: Tokens, i: int, floor: int
    ) -> tuple[int, int, float] | None:
        lex = self._lex
        keys = toks.keys
        n = len(toks)
        # 1. Extend right over kinds to the last school word: "Primary School and Nursery".
        end = i if self._ends_name(toks, i) else -1
        strong_end = i if end == i and keys[i] not in lex.weak else -1
        j = i + 1
        while j < n and toks.joined(j) and j <= i + _MAX_RIGHT:
            key = keys[j]
            if toks.cap(j) and key in lex.types:
                if self._ends_name(toks, j):
                    end = j
                    if key not in lex.weak:
                        strong_end = j
                j += 1
            elif key in ("and", "&") and j + 1 < n and toks.joined(j + 1) and toks.cap(j + 1) \
                    and keys[j + 1] in lex.types:
                j += 1

            else:
                break
        if end < 0:
            return None
        nxt = end + 1
        follows_cap = nxt < n and toks.joined(nxt) and toks.cap(nxt)
        if follows_cap and keys[nxt] in lex.after:
            return None  # College Road, Academy Awards
        weak_end = keys[end] in lex.weak
        if weak_end and follows_cap:
            if strong_end < 0:
                return None  # High Street, Primary Colours, Bramley Primary Amy
            end, weak_end = strong_end, False  # "... School and Nursery Unit"
        # 2. Extend left over name words, kinds and connectors.
        churchy = any(keys[k] in _CHURCH for k in range(i, end + 1))
        first = self._extend_left(toks, i, floor, churchy)
        chain = range(first, end + 1)
        if any(keys[k] in lex.reject for k in chain):
            return None
        # The word before the final run of kinds must not be a kind of course or club.
        k = end
        while k >= first:
            if keys[k] in lex.specialisms and k >= first + 2 and keys[k - 1] in ("and", "&"):
                k -= 3
            elif keys[k] in lex.types or keys[k] in lex.joiners:
                k -= 1
            elif keys[k] in ("language", "languages") and k > first and keys[k - 1] == "foreign":
                k -= 2  # "Nanjing Foreign Language School": a kind inside a name
            else:
                break
        if k >= first and keys[k] in lex.kind_before and (
                k + 1 == end or keys[k] not in _KIND_BEFORE_ONE) and not (
                keys[k] in ("language", "languages") and keys[end] == "college"
                and k > first and self._proper(toks, k - 1)):  # "Shireland Language College"
            return None  # "Oxford Summer School"; but "Hainault Forest High School"
        the = keys[first] == "the"
        # The school word itself names nothing ("the Gymnasium"), unless compound.
        if k < first or not any(
            self._proper(toks, k2, the) for k2 in range(first, k + 1)
            if keys[k2] not in lex.strong and keys[k2] not in lex.prefix
        ):
            if weak_end or first == i:
                return None
            tail = self._extend_tail(toks, end)
            # "British School of Milan", "International School of Geneva": a place named.
            if tail > end + 1 and keys[end + 1] == "of" and all(
                self._proper(toks, k2) and keys[k2] not in lex.of_subjects
                for k2 in range(end + 2, tail + 1)
            ):
                return (first, tail, 0.8)
            return None
        # 3. Tails that belong to the name: "for Girls", "(VA)", "of Theatre Arts", a place.
        if not weak_end:
            end = self._extend_tail(toks, end)
        return (first, end, 0.75 if weak_end else 0.85)


    def _extend_left(self, toks: Tokens, i: int, floor: int, churchy: bool) -> int:
        lex = self._lex
        keys = toks.keys
        first = i
        j = i - 1
        while j >= floor and j >= i - _MAX_LEFT and toks.joined(j + 1):
            key = keys[j]
            right = keys[j + 1]
            if key == "the" and toks.cap(j):
                if j > floor and toks.joined(j) and keys[j - 1] in lex.saints:
                    j -= 1  # "Christ The King"
                    continue
                return j
            if (key == "our" and right.startswith("lady")) or (
                key == "all" and right in ("saints", "souls", "angels", "hallows")
            ) or (key == "well" and j > floor and toks.cap(j - 1) and toks.joined(j)
                  and keys[j - 1] not in lex.stop):  # "Bennetts Well Junior School"
                first = j
                j -= 1
                continue
            if key in ("and", "&") and right in lex.specialisms and j > floor \
                    and keys[j - 1] in lex.specialisms:
                j -= 2  # "Business and Enterprise", "Technology & Music"
                first = j + 1
                continue
            if key in lex.joiners and toks.titlecase(j) and right in lex.types \
                    and j > floor and keys[j - 1] in lex.types:
                j -= 1  # "Church In Wales", "Church Of England"
                continue
            if key in ("and", "&", "with"):
                # Inside a name only: "St Peter and St Paul", "St Peter and Paul", "Junior
                # and Infant", "Staunton and Corse CofE"; not "Amy and Bramley School".
                if right in lex.saints or (key != "with" and right in lex.types) or (
                    j - 2 >= floor and keys[j - 2] in lex.saints
                ) or (churchy and key != "with" and j > floor and toks.cap(j - 1)):
                    j -= 1
                    continue
                if key != "with" and j > floor and toks.joined(j) \
                        and self._village(toks, j - 1) and self._village(toks, j + 1):
                    j -= 1  # "Newby and Scalby Primary School": two places, not a child
                    continue
                break
            if key in lex.connectors and not toks.titlecase(j):
                # "Evie Carter of Downs Junior School": a child of the school, not its name.
                if key == "of" and j - 2 >= floor and toks.cap(j - 1) and toks.cap(j - 2) \
                        and (keys[j - 2] in lex.first_names or (
                            keys[j - 1] in lexicons()[1] and keys[j - 2] not in lex.saints)) \
                        and len(keys[j - 1]) > 2 \
                        and keys[j - 1] not in lex.types \
                        and (j - 3 < floor or keys[j - 3] not in lex.saints):
                    break
                # "Anya of Westbrook Academy": a child of the school by a first name alone
                if key == "of" and j - 1 >= floor and toks.cap(j - 1) \
                        and keys[j - 1] in lexicons()[0] and keys[j - 1] not in lex.saints \
                        and (j - 2 < floor or keys[j - 2] not in lex.saints):
                    break
                j -= 1
                continue
            if key == "/" and right in lex.types and j > floor and keys[j - 1] in lex.types:
                j -= 1  # "Anglican/Methodist", "England/Free Church"
                continue
            if key == "," and right in _KINDS_IN_LIST and j > floor \
                    and keys[j - 1] in _KINDS_IN_LIST:
                j -= 1  # "Junior, Infant and Nursery School"
                continue
            if key == ".":
                prev = keys[j - 1] if j > 0 else ""
                if j > floor and toks.joined(j) and (
                    prev in lex.saints or prev in lex.number_words
                    or "." in prev or (len(prev) == 1 and toks.cap(j - 1))
                ):
                    j -= 1
                    continue
                break
            if key == ")":
                # "(VA)", "(C of E)", "(A)": kinds or short capitals in brackets.
                k = j - 1
                while k > j - 5 and k > floor and self._bracketed(toks, k):
                    k -= 1
                if k >= floor and keys[k] == "(" and k < j - 1:
                    j = k - 1
                    continue
                break
            if key[0].isdigit():
                # "No. 2", "Nr 5": the number word starts the name part.
                w = self._number_word_before(toks, j)
                if w < floor:
                    break
                first = w
                j = w - 1
                continue
            if _NUMBERED.fullmatch(key):  # "No.4"
                first = j
                j -= 1
                continue
            if not toks.cap(j):
                break
            if key in lex.stop and key not in lex.types and key not in lex.saints and not (
                    j > floor and toks.joined(j) and toks.cap(j - 1)
                    and keys[j - 1] not in lex.stop and keys[j - 1].isalpha()):
                break  # but inside a name: "Abbey Hey Primary", "Lane Head Nursery School"
            if key in _CHURCH:
                churchy = True
            first = j
            j -= 1
        return first

    def _extend_tail(self, toks: Tokens, end: int) -> int:
        lex = self._lex
        keys = toks.keys
        n = len(toks)
        j = end + 1
        if j + 1 < n and keys[j] == "for" and toks.joined(j) and toks.joined(j + 1) and (
            keys[j + 1] in ("girls", "boys", "the", "young")
        ):
            end = j + 1
            if keys[j + 1] in ("the", "young") and j + 2 < n and toks.joined(j + 2) \
                    and toks.cap(j + 2):
                end = j + 2
            j = end + 1
        if j + 2 < n and keys[j] == "(" and toks.joined(j):
            k = j + 1
            while k < n and k < j + 5 and toks.joined(k) and self._bracketed(toks, k):
                k += 1
            if k < n and keys[k] == ")" and k > j + 1:
                end = k
                j = end + 1
        # "and Language College", "& Sixth Form": a second school word joined on.
        if j + 1 < n and keys[j] in ("and", "&") and toks.joined(j):
            k = j + 1
            while k < n and k <= j + 4 and toks.joined(k) and toks.cap(k) \
                    and keys[k] in lex.joined_on:
                if (self._ends_name(toks, k) and keys[k] not in lex.weak) or keys[k] in (
                    "centre", "unit", "base"
                ):
                    end = k
                    j = end + 1
                    break
                k += 1
        # "of Theatre Arts", "Peckham", ", Leamington Spa": up to three capitalised words
        # that end where the name plainly ends.
        k = j
        if k < n and keys[k] in ("of", ",") and toks.joined(k):
            k += 1
        start = k
        of = k > 0 and keys[k - 1] == "of"
        while k < n and k < start + (5 if of else 3) and toks.joined(k) and (
                self._tail_word(toks, k) or (  # "of Art and Technology", "of Arts & Media"
                    of and k > start and keys[k] in ("and", "&") and k + 1 < n
                    and toks.cap(k + 1) and self._tail_word(toks, k + 1))):
            k += 1
        if k > start and self._boundary(toks, k):
            end = k - 1
        return end
