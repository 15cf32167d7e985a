"""Context rules, run with spaCy's Matcher and PhraseMatcher on a Doc built from
postguard's own tokens (`Doc(vocab, words, spaces)`), so obfuscated words stay whole.

spaCy is imported on first use only: the pre-pass in `analysis.py` calls `judge` only for
texts with a candidate that needs context. The rules live in `data/tone/context.toml`:

- allow-phrases (PhraseMatcher on LOWER): a candidate inside one is dropped
  (Relationships and Sex Education, Malcolm X, blue tit);
- `veto` patterns: the token at `target` is not what the lexicon thinks ("Year x", "2 x");
- `confirm` patterns: an ambiguous word (flag `confirm`) counts only where one matches
  ("that was sick", "thanks fam", "morning gorgeous");
- `near` rules: a confirm that looks for words near the candidate in the same sentence
  ("my" near "don't use the school number"); with `veto = true` the words clear the
  candidate instead ("meet me behind the sports hall" near "fire drill");
- `frame` phrases: an educational frame (lesson, RSE, online safety) drops clinical sexual
  words and lowers other sexual words to low severity; an insult quoted inside it is dropped
  and a quoted swear word or slur lowered (an anti-bullying lesson: "calling someone 'loser'
  hurts"). Grooming phrases are never lowered.
  A benign frame (Mother's Day cards, World Book Day costumes) clears only the few entries
  flagged `benign` ("don't tell your mum", "what are you wearing?").

Each candidate token's NORM is set to the lexicon word it matched, so patterns can say
`{NORM = "x"}` and catch "xx", "x" and their disguises alike.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from collections.abc import Sequence
from typing import Any

from ...datafiles import load_toml
from ...model import Category, Severity
from .hits import Hit
from .normalise import Token, tokenize

BOS, EOS = "<s>", "</s>"


@functools.cache
def _rules() -> dict[str, Any]:
    return load_toml("tone/context.toml")


@functools.cache
def _vocab() -> Any:
    import spacy

    return spacy.blank("en").vocab


def _expand(value: Any, lists: dict[str, list[str]]) -> Any:
    """Replace "@name" inside IN/NOT_IN lists with the named list of `[lists]`."""
    if isinstance(value, dict):
        return {k: _expand(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for v in value:
            if isinstance(v, str) and v.startswith("@"):
                out.extend(_expand(lists[v[1:]], lists))  # a list may name other lists
            else:
                out.append(_expand(v, lists))
        return out
    return value


def _encodable(word: str) -> str:
    """spaCy's string store needs UTF-8: lone surrogates become '?'. Curly apostrophes
    become straight ones so that rules say "that's" once."""
    if word.isascii():
        return word
    return word.replace("\u2019", "'").encode("utf-8", "replace").decode("utf-8")


_WINDOW = 24  # tokens either side of a hit that its context rules may look at


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) windows joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


_SENTENCE_BREAK = frozenset({".", "!", "?", "\n", BOS, EOS})


def _near(words: list[str], first: int, last: int, wanted: frozenset[str],
          distance: int) -> bool:
    """One of `wanted` within `distance` words of doc tokens first..last, same sentence."""
    for step, start in ((-1, first - 1), (1, last + 1)):
        k = start
        for _ in range(distance):
            if not 0 <= k < len(words) or words[k] in _SENTENCE_BREAK:
                break
            if words[k].lower() in wanted:
                return True
            k += step
    return False


@functools.cache
def _near_vetoes() -> tuple[tuple[frozenset[str], frozenset[str], int], ...]:
    return tuple((frozenset(r["about"]), frozenset(r["words"]), int(r["distance"]))
                 for r in _rules().get("near", []) if r.get("veto", False))


@functools.cache
def _near_veto_words() -> frozenset[str]:
    """Every word some near-veto is about: a post with none of them has nothing to clear."""
    return frozenset().union(*(about for about, _, _ in _near_vetoes()))


def near_cleared(tokens: list[Token], hits: list[Hit]) -> list[Hit]:
    """`hits` less those a near-veto clears (Polish "u babci", Spanish "ya llegamos"): the
    near rules `ContextRules.judge` applies, without spaCy, for the posts whose hits need no
    other context rule."""
    rules = _near_vetoes()
    about_all = _near_veto_words()
    if not any(h.key in about_all or any(tokens[i].text.lower() in about_all
                                         for i in range(h.first, h.last + 1)) for h in hits):
        return hits
    words = [BOS] + [_encodable(t.text) for t in tokens] + [EOS]
    out: list[Hit] = []
    for h in hits:
        seen = {h.key, *(words[i].lower() for i in range(h.first + 1, h.last + 2))}
        if not any(not about.isdisjoint(seen) and _near(words, h.first + 1, h.last + 1, near, d)
                   for about, near, d in rules):
            out.append(h)
    return out


def _anchor(token_pattern: dict[str, Any]) -> frozenset[str] | None:
    """The words a pattern's target token can be, from its NORM or LOWER constraint; None
    when it has neither (the rule then runs on every text that needs context)."""
    for attr in ("NORM", "LOWER"):
        value = token_pattern.get(attr)
        if isinstance(value, str):
            return frozenset({value})
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return frozenset(str(v) for v in value["IN"])
    return None


class _Compiled:
    def __init__(self, allow_phrases: Sequence[Sequence[str]]) -> None:
        from spacy.matcher import Matcher, PhraseMatcher
        from spacy.tokens import Doc

        self.Doc = Doc
        self.vocab = _vocab()
        raw = _rules()
        lists: dict[str, list[str]] = raw.get("lists", {})
        # Rules are grouped by the words their target token can be (its NORM or LOWER), one
        # Matcher a group, and a text runs only the groups of the words it has candidates
        # for: a post with "sick" never pays for the kiss and pet-name rules.
        groups: dict[frozenset[str] | None, Any] = {}
        self.targets: dict[int, tuple[str, int]] = {}
        for kind in ("veto", "confirm"):
            for n, rule in enumerate(raw.get(kind, [])):
                name = f"{kind}:{rule.get('name', n)}"
                pattern = _expand(rule["pattern"], lists)
                target = int(rule.get("target", 0))
                anchor = _anchor(pattern[target])
                matcher = groups.get(anchor)
                if matcher is None:
                    matcher = groups[anchor] = Matcher(self.vocab)
                matcher.add(name, [pattern])
                self.targets[self.vocab.strings[name]] = (kind, target)
        self.groups = list(groups.items())
        self.near = [(frozenset(r["about"]), frozenset(r["words"]), int(r["distance"]),
                      bool(r.get("veto", False))) for r in raw.get("near", [])]
        self.allow = PhraseMatcher(self.vocab, attr="LOWER")
        docs = [Doc(self.vocab, words=list(p)) for p in allow_phrases if p]
        if docs:
            self.allow.add("allow", docs)
        self.frame = PhraseMatcher(self.vocab, attr="LOWER")
        for name in ("education", "benign", "media", "history"):
            cues = [Doc(self.vocab, words=[t.text.lower() for t in tokenize(c)])
                    for c in raw["frame"][name]]
            self.frame.add(name, cues)


class ContextRules:
    def __init__(self, allow_phrases: Sequence[Sequence[str]]) -> None:
        self._allow = [list(p) for p in allow_phrases]
        self._compiled: _Compiled | None = None
        self._lock = threading.Lock()

    def compiled(self) -> _Compiled:
        if self._compiled is None:
            with self._lock:
                if self._compiled is None:
                    self._compiled = _Compiled(self._allow)
        return self._compiled

    def judge(self, tokens: list[Token], hits: list[Hit]) -> list[Hit]:
        c = self.compiled()
        words = [BOS] + [_encodable(t.text) for t in tokens] + [EOS]
        spaces = [True] + [
            tokens[i + 1].start > t.end if i + 1 < len(tokens) else True
            for i, t in enumerate(tokens)
        ] + [False]
        doc = c.Doc(c.vocab, words=words, spaces=spaces)
        for h in hits:
            doc[h.first + 1].norm_ = h.key
        allowed: set[int] = set()
        for _, s, e in c.allow(doc):
            allowed.update(range(s - 1, e - 1))
        # Each hit's words; a group runs only in windows around the hits it is about, so a
        # long post costs the same per hit as a short one (rules are shorter than _WINDOW).
        about = [(h, {h.key, *(words[i].lower() for i in range(h.first + 1, h.last + 2))})
                 for h in hits]
        vetoed: set[int] = set()
        confirmed: set[int] = set()
        for anchor, matcher in c.groups:
            spans = [(max(0, h.first + 1 - _WINDOW), min(len(doc), h.last + 2 + _WINDOW))
                     for h, seen in about if anchor is None or not anchor.isdisjoint(seen)]
            for a, b in _merged(spans):
                for match_id, s, e in matcher(doc[a:b]):
                    kind, target = c.targets[match_id]
                    pos = a + (s + target if target >= 0 else e + target) - 1
                    (vetoed if kind == "veto" else confirmed).add(pos)
        cleared: set[int] = set()  # hits (by their place in `hits`) a near-veto clears
        for about_words, near_words, distance, veto in c.near:
            for n, (h, seen) in enumerate(about):
                if not about_words.isdisjoint(seen) and _near(
                        words, h.first + 1, h.last + 1, near_words, distance):
                    if veto:
                        cleared.add(n)
                    else:
                        confirmed.add(h.first)
        frames = {c.vocab.strings[m] for m, _, _ in c.frame(doc)}
        educational = "education" in frames
        benign = "benign" in frames
        media = "media" in frames
        # A coded extremist signal named in a lesson, a history or RE talk or a news report
        # ("police removed graffiti reading 1488") is taught or reported, not used.
        named = educational or "history" in frames
        out: list[Hit] = []
        for n, h in enumerate(hits):
            span = range(h.first, h.last + 1)
            if n in cleared or any(i in allowed for i in span):
                continue
            # Vetoes are about words; a spaced-out word ("S E X Y") is judged by its first
            # letter, which carries its NORM, not by letters that look like "x" or "y". An
            # insult phrase is vetoed by a word inside it too ("what an idiot I am").
            if (h.entry.single or h.entry.category is Category.BULLYING) and (
                    h.first in vetoed if h.spaced else any(i in vetoed for i in span)):
                continue
            if "confirm" in h.entry.flags and not any(i in confirmed for i in span):
                continue
            if benign and "benign" in h.entry.flags:
                continue
            if named and h.entry.category is Category.EXTREMISM:
                continue
            if educational and h.entry.category is Category.BULLYING and _in_title(
                    tokens, h.first, h.last):
                # An insult quoted in a lesson or an anti-bullying talk ("we talked about
                # why calling someone 'loser' hurts") is named, not aimed at anyone.
                continue
            if educational and h.entry.category is Category.PROFANITY and _in_title(
                    tokens, h.first, h.last):
                # A slur quoted in such a lesson is named, not used: review, not block.
                h = dataclasses.replace(h, severity=Severity.LOW)
            if educational and h.entry.category is Category.SEXUAL_CONTENT:
                if "clinical" in h.entry.flags:
                    continue
                h = dataclasses.replace(h, severity=Severity.LOW)
            elif media and h.entry.category is Category.SEXUAL_CONTENT and h.entry.single \
                    and _in_title(tokens, h.first, h.last):
                # A word of a quoted song or film title in a post about music or films
                # ("the disco played 'Sexy Back'"): review, not block.
                h = dataclasses.replace(h, severity=Severity.LOW)
            out.append(h)
        return out


_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")
_TITLE_STOP = frozenset(".!?\n")
_TITLE_WORDS = 8  # tokens a title may reach either side of the word


def _in_title(tokens: list[Token], first: int, last: int) -> bool:
    """The tokens first..last sit inside quotation marks within one sentence and a few words
    ('Sexy Back', "Sexy and I Know It", an insult quoted in a lesson: 'loser')."""
    def quote_at(indexes: range) -> bool:
        for i in indexes:
            text = tokens[i].text
            if text in _QUOTES:
                return True
            if text in _TITLE_STOP:
                return False
        return False

    return quote_at(range(first - 1, max(-1, first - 1 - _TITLE_WORDS), -1)) and quote_at(
        range(last + 1, min(len(tokens), last + 1 + _TITLE_WORDS)))
