"""One tone analysis of a text, shared by the six tone detectors.

The cheap pre-pass (own tokenizer, normalisation candidates, dictionary look-ups) runs on
every text. Only when it finds a candidate that needs context (an ambiguous word, a word in
an allow-phrase, a sexual term that an educational frame may lower) are spaCy and the
context rules loaded (`context.py`). Results are cached per text, so the six detectors that
read the same post cost one analysis.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...codes import code_table
from ...model import Action, Category, Severity, Suggestion
from ...policy import Policy
from .context import ContextRules, near_cleared
from .hits import SEV_RANK, Hit, drop_nested, stack_flattery
from .lexicon import Entry, Lexicon, build_lexicon
from .normalise import (
    NEWLINE,
    PUNCT,
    SENTENCE_END,
    WORD,
    Token,
    candidates,
    mask_matches,
    mask_pattern,
    spaced_runs,
    tokenize,
)
from .phrases import Node, Rests, candidate_phrases, in_order, match_slots, prefix_trie
from .safety_warnings import drop_quoted_warnings
from .substrings import infix_hits, prefix_hits
from .token_shapes import HONORIFICS, glued, name_signoff

_SIGNOFF_NEXT = frozenset(".!?,;:)")
_CONTEXT_FLAGS = frozenset({"ctx", "confirm", "benign"})
_LONGEST = 16  # letters: spaced-out words longer than this are not looked up
_KISS_RUN = 8  # kisses next to each other that a sign-off check looks across
_REPHRASE_CATEGORIES = (Category.KISSES, Category.OVER_FAMILIAR, Category.PRIVATE_CONTACT)
_ELONGATED = re.compile(r"([a-z])\1\1")
# Categories still reported inside a dotted or @-joined string (some.fucking.thing); other
# words glued to a domain or handle ("orange.fr", "@lit") are part of an address, not slang.
_GLUED_OK = (Category.PROFANITY, Category.SEXUAL_CONTENT)
_LONG_POST = 400  # words and breaks: above this, phrases are also pre-filtered by sentence
_TOKEN_INFO_SIZE = 50_000  # word tokens whose look-ups are kept (then the memo starts again)


@dataclass(frozen=True, slots=True)
class ToneFinding:
    category: Category
    code: str
    severity: Severity
    score: float
    start: int
    end: int
    message: str
    suggestion: Suggestion


class ToneAnalyser:
    def __init__(self, lexicon: Lexicon, org: str, channel: str) -> None:
        self.lexicon = lexicon
        self.org = org
        self.channel = channel
        self.context = ContextRules(lexicon.allow_phrases)
        self._kiss_words = frozenset(
            k for k, es in lexicon.words.items()
            if any(e.category is Category.KISSES for e in es)
        )
        # The phrase tries, built on first use of their first word: a short run (one `scan`)
        # meets a few of the ~500 first words, and building them all costs ~50 ms.
        self._phrase_index: dict[str, Node] = {}
        self._phrase_needs: dict[str, frozenset[str]] = {}
        self._uses: dict[str, int] | None = None
        self._token_info: dict[str, tuple[frozenset[str], bool, bool]] = {}
        # Big enough for one Screener.screen_many chunk (256 posts): the six detectors run
        # chunk by chunk, and each must find the analysis the first one made.
        self.analyse = functools.lru_cache(maxsize=512)(self._analyse)

    # -- the pre-pass ---------------------------------------------------------------------
    def _analyse(self, text: str) -> tuple[ToneFinding, ...]:
        tokens = tokenize(text)
        if not tokens:
            return ()
        hits = self._prepass(text, tokens)
        if not hits:
            return ()
        needs_context = any(
            not h.entry.flags.isdisjoint(_CONTEXT_FLAGS)
            or h.entry.category is Category.SEXUAL_CONTENT for h in hits
        )
        # Without other context rules, only the near-vetoes (no spaCy): another language's
        # ordinary word, as Polish "u babci" (at grandma's), is no text-speak "u".
        hits = (self.context.judge(tokens, hits) if needs_context
                else near_cleared(tokens, hits))
        hits = drop_quoted_warnings(text, hits)
        return tuple(self._finding(h, text) for h in stack_flattery(drop_nested(hits)))

    def _prepass(self, text: str, tokens: list[Token]) -> list[Hit]:
        hits = self._lookup(text, tokens)
        runs = self._spaced(text, tokens, hits)
        if runs:  # letters read as one spaced-out word are not also words of their own
            covered = {k for a, b in runs for k in range(a, b + 1)}
            hits = [h for h in hits if h.spaced or h.first not in covered]
        return hits

    def _lookup(self, text: str, tokens: list[Token]) -> list[Hit]:
        """Lexicon words and phrases among the tokens' spellings, masked words, and
        non-ASCII symbols, in token order. Only the tokens whose spellings meet a lexicon key
        are looked at closely: most tokens of most posts meet none."""
        lex = self.lexicon
        words = lex.words
        # The words and the sentence breaks, in order: token index, and spellings or None;
        # and which of them meet a lexicon word, and which the first word of a phrase.
        seq_tok: list[int] = []
        seq: list[frozenset[str] | None] = []
        word_at: list[int] = []
        phrase_at: list[int] = []
        known = self._token_info.get
        for i, t in enumerate(tokens):
            if t.kind == WORD:
                info = known(t.text) or self._info(t.text)
                if info[1]:
                    word_at.append(len(seq))
                if info[2]:
                    phrase_at.append(len(seq))
                seq_tok.append(i)
                seq.append(info[0])
            elif t.kind == NEWLINE or t.text in SENTENCE_END:
                seq_tok.append(i)
                seq.append(None)
        hits: list[Hit] = []
        for j in word_at:
            i = seq_tok[j]
            tok = tokens[i]
            for c in in_order(seq[j] or frozenset(), tok.text.lower()):
                for e in words.get(c, ()):
                    if self._accept(e, tokens, i, i):
                        plain = c == tok.text.lower()
                        hits.append(Hit(e, i, i, tok.start, tok.end, c,
                                        0.95 if plain else 0.9, not plain))
        more: list[Hit] = []
        if "*" in text or "#" in text:
            for i, tok in enumerate(tokens):
                written = tok.masked or tok.text
                if tok.kind == WORD and ("*" in written or "#" in written):
                    self._mask(tok, i, more)
        if lex.prefixes:
            more += prefix_hits(lex, seq, seq_tok, tokens)
        if not text.isascii():
            if lex.infix:
                more += infix_hits(lex, tokens)
            for i, tok in enumerate(tokens):
                if tok.kind == PUNCT and not tok.text.isascii():
                    for e in words.get(tok.text, ()):
                        if self._accept(e, tokens, i, i):
                            more.append(Hit(e, i, i, tok.start, tok.end, tok.text, 0.95))
        if more:  # token order; a word's own hits before its mask's (a stable sort)
            hits = sorted(hits + more, key=lambda h: h.first)
        rests = Rests(seq)
        present: frozenset[str] | None = None  # every spelling in the post
        long_post = len(seq) > _LONG_POST
        for j in phrase_at:
            for c in in_order(seq[j] or frozenset(), ""):
                need = self._needs(c)
                if need:  # no phrase of this first word can match without one of these
                    if present is None:
                        present = frozenset().union(*(x for x in seq if x is not None))
                    # ... in the post, and in a long post in the rest of the sentence (a
                    # phrase never reaches past a sentence break; a long text holds every
                    # common word somewhere, its sentences do not)
                    if present.isdisjoint(need) or (
                            long_post and rests.after(j).isdisjoint(need)):
                        continue
                trie = self._phrase_trie(c)
                if trie is None:
                    continue
                for e in candidate_phrases(trie, seq, j, rests):
                    end = match_slots(e.slots, 0, seq, j)
                    if end is not None:
                        a, b = tokens[seq_tok[j]], tokens[seq_tok[end - 1]]
                        hits.append(Hit(e, seq_tok[j], seq_tok[end - 1], a.start, b.end, c,
                                        0.95))
        return hits

    def _info(self, text: str) -> tuple[frozenset[str], bool, bool]:
        """A word token's spellings, whether one is a lexicon word, and whether one starts a
        phrase (kept per token text: posts repeat their words)."""
        spellings = candidates(text)
        info = (spellings, not self.lexicon.words.keys().isdisjoint(spellings),
                not self.lexicon.phrases.keys().isdisjoint(spellings))
        if len(self._token_info) >= _TOKEN_INFO_SIZE:
            self._token_info.clear()
        self._token_info[text] = info
        return info

    def _needs(self, word: str) -> frozenset[str]:
        """Words of which a post must hold one for any phrase starting with `word` to match:
        for each phrase, the words of its rarest required slot after the first (empty when a
        phrase needs no other word). A cheap test before the phrase trie is walked: most posts
        hold "you" or "are", few hold "secret" or "alone"."""
        need = self._phrase_needs.get(word)
        if need is None:
            uses = self._slot_uses()
            out: set[str] = set()
            for e in self.lexicon.phrases.get(word, ()):
                required = [sl.words for sl in e.slots[1:] if not sl.optional and sl.gap == 0]
                if not required:
                    out.clear()
                    break
                out |= min(required, key=lambda ws: sum(uses.get(w, 0) for w in ws))
            else:
                need = frozenset(out)
            need = need if need is not None else frozenset()
            self._phrase_needs[word] = need
        return need

    def _slot_uses(self) -> dict[str, int]:
        """How many phrase slots each word fills (a word's commonness among the phrases)."""
        if self._uses is None:
            # Counted slot by slot (phrases share their slots: a few thousand distinct ones
            # among ~100,000 slot words), then word by word.
            slots = Counter(sl for entries in self.lexicon.phrases.values()
                            for e in entries for sl in e.slots)
            uses: dict[str, int] = {}
            for sl, n in slots.items():
                for w in sl.words:
                    uses[w] = uses.get(w, 0) + n
            self._uses = uses
        return self._uses

    def _phrase_trie(self, word: str) -> Node | None:
        trie = self._phrase_index.get(word)
        if trie is None:
            entries = self.lexicon.phrases.get(word)
            if not entries:
                return None
            trie = self._phrase_index[word] = prefix_trie(entries)
        return trie

    def _accept(self, e: Entry, tokens: list[Token], first: int, last: int) -> bool:
        flags = e.flags
        written = tokens[first].text if first == last else ""
        if flags and written:
            if "lower" in flags and written != written.lower():
                return False
            if "notitle" in flags and written[:1].isupper() and written[1:] == \
                    written[1:].lower():
                return False
            if "notupper" in flags and written == written.upper() and written != \
                    written.lower() and not self._upper_kiss(e, tokens, first):
                return False
            if "upper" in flags and (written != written.upper() or len(written) < 2):
                return False
            if "elongated" in flags and _ELONGATED.search(written.lower()) is None:
                return False
        if first == last and e.category not in _GLUED_OK and glued(tokens, first):
            return False
        if written and written.istitle() and written.casefold() in self.lexicon.names \
                and self._name_position(tokens, first):
            return False
        if "signoff" in flags:
            return self._signoff(tokens, first, last)
        return True

    def _name_position(self, tokens: list[Token], i: int) -> bool:
        """A capitalised name: inside a sentence, before or after another capitalised word,
        or after a title (Mr, Dr)."""
        prev = tokens[i - 1] if i > 0 else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == WORD and nxt.text[:1].isupper():
            return True
        if prev is not None and prev.text == "." and i >= 2:  # Mr. Dick
            prev = tokens[i - 2] if tokens[i - 2].text.lower() in HONORIFICS else prev
        if prev is not None and prev.kind == WORD and prev.text.lower() in HONORIFICS:
            return True
        # At the start of a sentence and alone, a capitalised word may be the insult.
        return not (prev is None or prev.kind == NEWLINE or prev.text in SENTENCE_END)

    def _upper_kiss(self, e: Entry, tokens: list[Token], i: int) -> bool:
        """"XX" in capitals is a kiss (not the numeral) when it closes the post or a line
        right after a lower-case word: "thanks for coming XX"."""
        if e.category is not Category.KISSES or len(tokens[i].text) < 2 or i == 0:
            return False
        prev = tokens[i - 1]
        if prev.kind != WORD or not prev.text.islower():
            return False
        for t in tokens[i + 1:i + 1 + _KISS_RUN]:
            if t.kind == NEWLINE:
                return True
            if t.kind == WORD and not self._is_kiss(t):
                return False
        return i + 1 + _KISS_RUN >= len(tokens)

    def _is_kiss(self, tok: Token) -> bool:
        if tok.kind == WORD:
            return not candidates(tok.text).isdisjoint(self._kiss_words)
        return tok.kind == PUNCT and tok.text in self._kiss_words

    def _signoff(self, tokens: list[Token], first: int, last: int) -> bool:
        """A kiss only counts as a sign-off: at the end of the message, a line or a
        sentence, or after a comma."""
        k = last + 1
        while k < len(tokens) and k <= last + _KISS_RUN and (self._is_kiss(tokens[k]) or (
                tokens[k].kind == PUNCT and not tokens[k].text.isascii())):
            k += 1
        nxt = tokens[k] if k < len(tokens) else None
        if nxt is None or nxt.kind == NEWLINE or name_signoff(tokens, k):
            return True
        if nxt.text in _SIGNOFF_NEXT:
            # "x.com", "x,y": punctuation glued to the next word is not a sentence end
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            return after is None or after.start > nxt.end or after.kind != WORD
        p = first - 1
        while p >= 0 and p >= first - _KISS_RUN and self._is_kiss(tokens[p]):
            p -= 1
        prev = tokens[p] if p >= 0 else None
        return prev is not None and (prev.text == "," or prev.kind == NEWLINE)

    def _mask(self, tok: Token, i: int, hits: list[Hit]) -> None:
        written = tok.masked or tok.text
        pat = mask_pattern(written)
        if pat is None:
            return
        best: tuple[str, Entry] | None = None
        for w, e in self.lexicon.masks.get(len(pat), ()):
            if mask_matches(pat, w) and (
                best is None or SEV_RANK[e.severity] > SEV_RANK[best[1].severity]
            ):
                best = (w, e)
        if best is not None:
            hits.append(Hit(best[1], i, i, tok.start, tok.start + len(written), best[0],
                            0.85, True))

    def _spaced(self, text: str, tokens: list[Token], hits: list[Hit]) -> list[tuple[int, int]]:
        """Dotted and spaced letters; returns the token ranges that matched."""
        words = self.lexicon.words
        matched: list[tuple[int, int]] = []
        for first, last in spaced_runs(text, tokens):
            idx = [k for k in range(first, last + 1) if tokens[k].kind == WORD]
            letters = [tokens[k].text for k in idx]
            n = len(idx)
            for a in range(n):
                # no entry is longer than _LONGEST letters: bounded work per letter
                for b in range(min(n, a + _LONGEST), a + 2, -1):
                    joined = "".join(letters[a:b])
                    whole = a == 0 and b == n
                    found = False
                    for c in candidates(joined):
                        for e in words.get(c, ()):
                            if not whole and e.category not in (
                                    Category.PROFANITY, Category.SEXUAL_CONTENT):
                                continue
                            if "signoff" in e.flags and not self._signoff(
                                    tokens, idx[a], idx[b - 1]):
                                continue
                            hits.append(Hit(e, idx[a], idx[b - 1], tokens[idx[a]].start,
                                            tokens[idx[b - 1]].end, c, 0.85, True,
                                            spaced=True))
                            found = True
                    if found:
                        matched.append((idx[a], idx[b - 1]))
                        break
        return matched

    # -- output ---------------------------------------------------------------------------
    def _finding(self, h: Hit, text: str) -> ToneFinding:
        e = h.entry
        title = code_table()[e.code].title
        message = title + (" (disguised spelling)" if h.obfuscated else "")
        if h.stacked:
            message += " (raised: with other over-familiar wording in the post)"
        elif h.severity is not None and h.severity is not e.severity:
            message += " (lowered: educational context)"
        rewrite = e.rewrite
        if rewrite is not None:
            rewrite = rewrite.replace("{org}", self.org).replace("{channel}", self.channel)
        if e.category is Category.KISSES and rewrite is not None and (
                len(text) - h.end > 64 or text[h.end:].strip(" \t\r\n.!?,") != ""):
            rewrite = None  # not the last thing in the post: just remove it
        if rewrite is None:
            sugg = Suggestion(Action.REMOVE, None)
        elif e.category in _REPHRASE_CATEGORIES:
            sugg = Suggestion(Action.REPHRASE, rewrite)
        else:
            sugg = Suggestion(Action.REPLACE, rewrite)
        return ToneFinding(e.category, e.code, h.sev, h.score, h.start, h.end, message, sugg)


_ANALYSERS: dict[str, ToneAnalyser] = {}


def analyser_for(policy: Policy) -> ToneAnalyser:
    """The analyser for a policy's tone settings, shared by every tone detector."""
    settings: Mapping[str, Any] = policy.section("tone")
    org = str(policy.section("organisation").get("name") or "the organisation")
    channel = str(settings.get("official_channel") or f"{org}'s official page or email")
    key = json.dumps([settings, org, channel, policy.source], sort_keys=True, default=str)
    found = _ANALYSERS.get(key)
    if found is None:
        if len(_ANALYSERS) > 16:
            _ANALYSERS.clear()
        found = ToneAnalyser(build_lexicon(settings, policy.source), org, channel)
        _ANALYSERS[key] = found
    return found
