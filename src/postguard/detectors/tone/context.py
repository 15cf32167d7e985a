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

import bisect
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
        # The groups by the words they are about, and those about any word: a text runs the
        # groups its hits' words name, not all of them.
        self.groups_of_word: dict[str, list[int]] = {}
        self.groups_always: list[int] = []
        for k, (anchor, _) in enumerate(self.groups):
            if anchor is None:
                self.groups_always.append(k)
            else:
                for w in anchor:
                    self.groups_of_word.setdefault(w, []).append(k)
        self.near = [(frozenset(r["about"]), frozenset(r["words"]), int(r["distance"]),
                      bool(r.get("veto", False))) for r in raw.get("near", [])]
        self.allow = PhraseMatcher(self.vocab, attr="LOWER")
        docs = [Doc(self.vocab, words=list(p)) for p in allow_phrases if p]
        if docs:
            self.allow.add("allow", docs)
        self.frame = PhraseMatcher(self.vocab, attr="LOWER")
        # The same cues by their first word's LOWER (spaCy's LOWER is str.lower), for the
        # frames of a long text, read without a Doc of the whole text (`frames_of`).
        self.frame_cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._frame_names = ("education", "benign", "media", "history")
        for name in self._frame_names:
            cue_words = [[t.text.lower() for t in tokenize(c)] for c in raw["frame"][name]]
            self.frame.add(name, [Doc(self.vocab, words=cue) for cue in cue_words])
            for cue in cue_words:
                if cue:
                    low = tuple(x.lower() for x in cue)
                    self.frame_cues.setdefault(low[0], []).append((low, name))
        # An allow-phrase match that holds a token lies within this many tokens of it.
        self.allow_reach = max((len(p) for p in allow_phrases if p), default=1)

    def frames_of(self, words: list[str]) -> set[str]:
        """The frames whose cues `words` hold (what the `frame` PhraseMatcher finds on a Doc
        of these words, by LOWER), without building the Doc."""
        low = [w.lower() for w in words]
        found: set[str] = set()
        cues = self.frame_cues
        every = len(self._frame_names)
        for i in [i for i, w in enumerate(low) if w in cues]:
            for cue, name in cues[low[i]]:
                if name not in found and tuple(low[i:i + len(cue)]) == cue:
                    found.add(name)
                    if len(found) == every:
                        return found
        return found


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
        words = [BOS] + [w if w.isascii() else _encodable(w) for w in
                         [t.text for t in tokens]] + [EOS]
        # Each hit's words; a group runs only in windows around the hits it is about, so a
        # long post costs the same per hit as a short one (rules are shorter than _WINDOW).
        about = [(h, {h.key, *(words[i].lower() for i in range(h.first + 1, h.last + 2))})
                 for h in hits]
        vetoed: set[int] = set()
        confirmed: set[int] = set()
        docs = _WindowDocs(c, tokens, words, hits)
        allowed = docs.allowed()
        # Which hits each group is about (a hit whose words meet the group's anchor).
        about_group: dict[int, list[int]] = {k: list(range(len(hits)))
                                              for k in c.groups_always}
        of_word = c.groups_of_word
        for n, (_, seen) in enumerate(about):
            for k in {k for w in seen for k in of_word.get(w, ())}:
                about_group.setdefault(k, []).append(n)
        for k, hit_numbers in about_group.items():
            matcher = c.groups[k][1]
            spans = [(max(0, h.first + 1 - _WINDOW), min(len(words), h.last + 2 + _WINDOW))
                     for h in (hits[n] for n in hit_numbers)]
            for a, b in _merged(spans):
                for match_id, s, e in matcher(docs.span(a, b)):
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
        frames = docs.frames()
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


# Doc tokens (the post's tokens and the two ends) above which the matchers read Docs of the
# windows around the hits instead of one Doc of the whole text: building a Doc costs per token,
# and a long text's hits are a few windows of it (the same matches: every rule reads token and
# word attributes only, never a position in the Doc).
_LONG_DOC = 1000


class _WindowDocs:
    """The spaCy Doc(s) a judgement reads, with each hit's token NORM set to its lexicon word:
    one Doc of the whole text, or, for a long text, one Doc per stretch of the text within
    `max(_WINDOW, allow_reach)` tokens of a hit (every window a rule group runs in, and every
    allow-phrase that holds a hit, lies inside one)."""

    def __init__(self, c: _Compiled, tokens: list[Token], words: list[str],
                 hits: list[Hit]) -> None:
        self.c = c
        self.words = words
        n = len(words)

        def space_after(j: int) -> bool:  # doc token j (0: the start mark, n - 1: the end)
            if j == 0:
                return True
            if j == n - 1:
                return False
            return j >= len(tokens) or tokens[j].start > tokens[j - 1].end

        if n <= _LONG_DOC:
            self.starts = [0]
            regions = [(0, n)]
        else:
            reach = max(_WINDOW, c.allow_reach)
            regions = _merged([(max(0, h.first + 1 - reach), min(n, h.last + 2 + reach))
                               for h in hits])
            self.starts = [a for a, _ in regions]
        self.docs = [c.Doc(c.vocab, words=words[a:b], spaces=[space_after(j)
                                                               for j in range(a, b)])
                     for a, b in regions]
        for h in hits:
            k = bisect.bisect_right(self.starts, h.first + 1) - 1
            self.docs[k][h.first + 1 - self.starts[k]].norm_ = h.key

    def allowed(self) -> set[int]:
        """Token indexes inside an allow-phrase (in a long text: those near a hit)."""
        out: set[int] = set()
        for a, doc in zip(self.starts, self.docs, strict=True):
            for _, s, e in self.c.allow(doc):
                out.update(range(a + s - 1, a + e - 1))
        return out

    def span(self, a: int, b: int) -> Any:
        """Doc tokens a..b (a window inside one region)."""
        k = bisect.bisect_right(self.starts, a) - 1
        start = self.starts[k]
        return self.docs[k][a - start:b - start]

    def frames(self) -> set[str]:
        """The frames (education, benign, media) of the whole text."""
        if len(self.docs) == 1 and self.starts[0] == 0 and len(self.docs[0]) == len(self.words):
            return {self.c.vocab.strings[m] for m, _, _ in self.c.frame(self.docs[0])}
        return self.c.frames_of(self.words)


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
