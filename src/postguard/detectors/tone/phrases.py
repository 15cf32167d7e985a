"""Phrase matching for the tone lexicons: the prefix trie of the phrases listed under one first
word, and the match of a phrase's slots against a sentence's token spellings (required slots in
order, optional ones skipped). Used by `analysis.ToneAnalyser`."""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import Entry
from .terms import Slot

# A phrase prefix trie: the phrases listed under one first word, by the words of their next
# required slots (up to TRIE_DEPTH slots in all). A node holds (order in the list, phrase)
# of the phrases whose required prefix ends there, those of them with a later required slot
# grouped by that slot's words (the anchor: it must come later in the same sentence), and
# the child nodes by word.
TRIE_DEPTH = 3
Node = tuple[list[tuple[int, Entry]], dict[frozenset[str], list[tuple[int, Entry]]],
              dict[str, "Node"]]


def prefix_trie(entries: list[Entry]) -> Node:
    root: Node = ([], {}, {})
    for order, e in enumerate(entries):
        nodes = [root]
        depth = 1
        for slot in e.slots[1:TRIE_DEPTH]:
            if slot.optional or slot.gap:
                break
            deeper: list[Node] = []
            for n in nodes:
                kids = n[2]
                for w in slot.words:
                    child = kids.get(w)
                    if child is None:
                        child = kids[w] = ([], {}, {})
                    deeper.append(child)
            nodes = deeper
            depth += 1
        anchor = next((sl.words for sl in e.slots[depth:] if not sl.optional and not sl.gap),
                      None)
        for n in nodes:
            if anchor is None:
                n[0].append((order, e))
            else:
                n[1].setdefault(anchor, []).append((order, e))
    return root


class Rests:
    """The words of the rest of a sentence, for the phrase pre-filter: one set a sentence,
    built at the first (leftmost) position asked about and shared by the later ones (a superset
    of their rest is enough for a pre-filter), so a long sentence costs linear time."""

    __slots__ = ("seq", "ends", "words")

    def __init__(self, seq: list[frozenset[str] | None]) -> None:
        self.seq = seq
        self.ends: list[int] | None = None
        self.words: dict[int, set[str]] = {}

    def after(self, j: int) -> set[str]:
        seq = self.seq
        if self.ends is None:  # the position of each word's sentence break, in one pass
            ends = [0] * len(seq)
            end = len(seq)
            for k in range(len(seq) - 1, -1, -1):
                if seq[k] is None:
                    end = k
                ends[k] = end
            self.ends = ends
        end = self.ends[j]
        found = self.words.get(end)
        if found is None:
            found = self.words[end] = set()
            for k in range(j + 1, end):
                found.update(seq[k] or ())
        return found


def candidate_phrases(trie: Node, seq: list[frozenset[str] | None], j: int,
                       rests: Rests | None = None) -> list[Entry]:
    """The phrases (of one first word at position j) whose required slots the next positions
    and the rest of the sentence can fill, in list order: a pre-filter; `match_slots` decides.
    (A phrase never reaches past a sentence break: its slots need words, gaps stop there.)
    Positions are asked about from left to right with one `rests`."""
    if not trie[0] and not trie[1]:  # the common case: only phrases of 2+ required words
        following = seq[j + 1] if j + 1 < len(seq) else None
        if following is None or all(w not in trie[2] for w in following):
            return []
    found: dict[int, Entry] = {}
    rest: set[str] | None = None
    level = [trie]
    pos = j + 1
    while True:
        for node in level:
            found.update(node[0])
            for anchor, group in node[1].items():
                if rest is None:  # to the sentence break, one set a sentence
                    rest = (rests or Rests(seq)).after(j)
                if not anchor.isdisjoint(rest):
                    found.update(group)
        if pos >= min(j + TRIE_DEPTH, len(seq)) or seq[pos] is None:
            break
        seen = seq[pos]
        level = [child for node in level for w in seen  # type: ignore[union-attr]
                 if (child := node[2].get(w)) is not None]
        if not level:
            break
        pos += 1
    return [found[k] for k in sorted(found)] if len(found) > 1 else list(found.values())


def match_slots(slots: tuple[Slot, ...], k: int, seq: list[frozenset[str] | None],
           j: int) -> int | None:
    """Match phrase slots from word position `j`; the end position, or None."""
    if k == len(slots):
        return j
    slot = slots[k]
    if slot.gap < 0:  # `$`: the end of a sentence, a line or the text
        return j if j == len(seq) or seq[j] is None else None
    if slot.gap:
        for skip in range(slot.gap + 1):
            if j + skip > len(seq) or (skip and seq[j + skip - 1] is None):
                break
            r = match_slots(slots, k + 1, seq, j + skip)
            if r is not None:
                return r
        return None
    if j < len(seq):
        cands = seq[j]
        if cands is not None and not slot.words.isdisjoint(cands):
            r = match_slots(slots, k + 1, seq, j + 1)
            if r is not None:
                return r
    if slot.optional:
        return match_slots(slots, k + 1, seq, j)
    return None


def in_order(spellings: frozenset[str], plain: str) -> Iterable[str]:
    """A token's spellings, the one as written first, then in sorted order: a set's order
    changes with the process's string hashing, and the first hit of a span is the one kept."""
    if len(spellings) == 1:
        return spellings
    return sorted(spellings, key=lambda c: (c != plain, c))
