"""The person-name pipeline's tokenizer and lexical features, without spaCy.

`models/export_fast.py` writes the rules of the pipeline's spaCy tokenizer (prefix, suffix and
infix patterns, the URL and token matches, the special cases with their NORM pieces), the
lexeme NORM exceptions and spaCy's symbol table into `fast_tokenizer.json`. `NameTokenizer`
splits a text with those rules the way spaCy's `Tokenizer` does (whitespace runs, affixes peeled
off until none is left, infixes, then special cases that span several tokens), and gives each
token the four features the model's embeddings read: NORM, PREFIX, SUFFIX and SHAPE, as the
64-bit keys of spaCy's string store (MurmurHash64A of the UTF-8 bytes, seed 1; a symbol name
has its symbol id). `tests/test_name_tokenizer.py` checks both against spaCy on thousands of
texts. The keys and shapes are computed in `lexical_keys`; the patterns are loaded from their
stored sre code by `stored_regex`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .lexical_keys import hash_string, word_shape
from .stored_regex import compile_pattern, compiled_regex, regex_platform

# hash_string, word_shape, compiled_regex and regex_platform live in their own modules and are
# named here too (the export and the tests read them from the tokenizer)
__all__ = ["Features", "MAX_RUN", "NameTokenizer", "Piece", "Token", "compiled_regex",
           "hash_string", "matcher_patterns", "regex_platform", "word_shape"]

Piece = tuple[str, "str | None"]  # a token's text and its special-case NORM (None: the lexeme's)
Token = tuple[int, int, "str | None"]  # start, end (characters into the text), special NORM
Features = tuple[int, int, int, int, int]  # NORM, PREFIX, SUFFIX, SHAPE keys; IS_SPACE

_RUNS = re.compile(r"\s+|\S+")
_PATTERNS = ("prefix", "suffix", "infix", "token_match", "url_match")
_CACHE_LIMIT = 20_000  # entries per cache; a full cache is emptied (no LRU bookkeeping per call)
# spaCy peels affixes one at a time, each a regex search over the rest of the run: quadratic
# in a run's length (16,000 "!" take spaCy 90 s). A run of non-space characters longer than
# this is one token here, not cached (the one place where this reading differs from spaCy's).
MAX_RUN = 400


def _pieces(raw: Any) -> tuple[Piece, ...]:
    out = []
    for orth, norm in raw:
        if not isinstance(orth, str) or not (norm is None or isinstance(norm, str)):
            raise ValueError("a special case is not [[orth, norm], ...]")
        out.append((orth, norm))
    return tuple(out)


class NameTokenizer:
    """spaCy's tokenizer algorithm over rules exported from a pipeline (see the module doc)."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        pats = {k: compile_pattern(spec[k], spec.get("compiled")) for k in _PATTERNS}
        self._prefix = pats["prefix"].search if pats["prefix"] else None
        self._suffix = pats["suffix"].search if pats["suffix"] else None
        self._infix = pats["infix"].finditer if pats["infix"] else None
        self._token_match = pats["token_match"].match if pats["token_match"] else None
        self._url_match = pats["url_match"].match if pats["url_match"] else None
        self.specials: dict[str, tuple[Piece, ...]] = {
            str(k): _pieces(v) for k, v in spec["specials"].items()}
        # Special cases that affixes would split: found again over the tokens (spaCy's
        # PhraseMatcher pass), keyed by their first token.
        self._matcher: dict[str, list[tuple[str, ...]]] = {}
        for key, orths in spec.get("matcher", {}).items():
            if key not in self.specials or not orths or not all(isinstance(o, str)
                                                                for o in orths):
                raise ValueError("a matcher pattern names no special case")
            self._matcher.setdefault(orths[0], []).append(tuple(orths))
        self._norms: dict[str, str] = {str(k): str(v) for k, v in spec["norms"].items()}
        self._symbols: dict[str, int] = {str(k): int(v) for k, v in spec["symbols"].items()}
        self._spans: dict[str, tuple[Piece, ...]] = {}
        self._analysed: dict[str, tuple[tuple[tuple[int, int], ...], list[Features], bool]] = {}
        self._features: dict[Piece, Features] = {}
        self._keys: dict[str, int] = {}

    # -- splitting ---------------------------------------------------------------------
    def tokenize(self, text: str, specials: bool = True) -> list[Token]:
        """(start, end, special NORM) of each token, as spaCy's `make_doc` has them.
        `specials=False` is spaCy's pass without special cases (export uses it)."""
        tokens: list[Token] = []
        for start, run in _runs(text):
            for orth, norm in self._split(run, specials):
                tokens.append((start, start + len(orth), norm))
                start += len(orth)
        if specials and self._matcher:
            tokens = self._merge_specials(text, tokens)
        return tokens

    def analyse(self, text: str) -> tuple[list[tuple[int, int]], list[Features]]:
        """(start, end) and features of each token: `tokenize` then `features`, with each
        whitespace-separated run's result cached."""
        parts = text.split()
        if " ".join(parts) == text:  # words between single spaces: the common case
            starts = [0] * len(parts)
            at = 0
            for i, part in enumerate(parts):
                starts[i] = at
                at += len(part) + 1
            runs: Iterable[tuple[int, str]] = zip(starts, parts, strict=True)
        else:
            runs = _runs(text)
        spans: list[tuple[int, int]] = []
        rows: list[Features] = []
        cache = self._analysed
        matchable = False
        for start, run in runs:
            found = cache.get(run)
            if found is None:
                found = self._analyse_run(run)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                if len(run) <= MAX_RUN:
                    cache[run] = found
            ends, feats, matchable_run = found
            matchable = matchable or matchable_run
            if len(feats) == 1:
                spans.append((start, start + len(run)))
                rows.append(feats[0])
            else:
                spans.extend((start + a, start + b) for a, b in ends)
                rows.extend(feats)
        if matchable and self._matches([text[s:e] for s, e in spans]):
            tokens = self.tokenize(text)  # special cases over several tokens: the full path
            return [(s, e) for s, e, _ in tokens], self.features(text, tokens)
        return spans, rows

    def _matches(self, orths: list[str]) -> bool:
        """Whether any special case of the token pass matches (spaCy's PhraseMatcher)."""
        for i, orth in enumerate(orths):
            for pattern in self._matcher.get(orth, ()):
                if tuple(orths[i:i + len(pattern)]) == pattern:
                    return True
        return False

    def _analyse_run(self, run: str) -> tuple[tuple[tuple[int, int], ...], list[Features], bool]:
        if len(run) > MAX_RUN:
            pieces: tuple[Piece, ...] = ((run, None),)
        else:
            found = self.specials.get(run)
            pieces = found if found is not None else self._affixes(run, True)
        if len(pieces) == 1 and pieces[0][1] is None:  # one token, the lexeme's NORM
            return ((0, len(run)),), self.features(run, ((0, len(run), None),)), run in \
                self._matcher
        tokens = []
        at = 0
        for orth, norm in pieces:
            tokens.append((at, at + len(orth), norm))
            at += len(orth)
        return (tuple((a, b) for a, b, _ in tokens), self.features(run, tokens),
                any(orth in self._matcher for orth, _ in pieces))

    def _split(self, span: str, specials: bool) -> tuple[Piece, ...]:
        if len(span) > MAX_RUN:
            return ((span, None),)
        cache = self._spans if specials else {}
        found = cache.get(span)
        if found is None:
            found = (self.specials[span] if specials and span in self.specials
                     else self._affixes(span, specials))
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[span] = found
        return found

    def _affixes(self, text: str, specials: bool) -> tuple[Piece, ...]:
        """Peel prefixes and suffixes off until none is left or a special case remains, then
        split the middle on infixes."""
        special = self.specials if specials else {}
        prefixes: list[str] = []
        suffixes: list[str] = []
        last = 0
        while text and len(text) != last:
            if (self._token_match and self._token_match(text)) or text in special:
                break
            last = len(text)
            pre = _length(self._prefix, text)
            if pre and text[pre:] in special:
                prefixes.append(text[:pre])
                text = text[pre:]
                break
            suf = _length(self._suffix, text[pre:])
            if suf and text[:-suf] in special:
                suffixes.append(text[-suf:])
                text = text[:-suf]
                break
            if pre and suf and pre + suf <= len(text):
                prefixes.append(text[:pre])
                suffixes.append(text[-suf:])
                text = text[pre:-suf]
            elif pre:
                prefixes.append(text[:pre])
                text = text[pre:]
            elif suf:
                suffixes.append(text[-suf:])
                text = text[:-suf]
        out: list[Piece] = [(p, None) for p in prefixes]
        if text in special:
            out.extend(special[text])
        elif text:
            out.extend((p, None) for p in self._infixes(text))
        out.extend((s, None) for s in reversed(suffixes))
        return tuple(out)

    def _infixes(self, text: str) -> list[str]:
        if ((self._token_match and self._token_match(text))
                or (self._url_match and self._url_match(text)) or self._infix is None):
            return [text]
        out = []
        start = 0
        for m in self._infix(text):
            a, b = m.span()
            if a == 0:  # an infix at the very start is not split off
                continue
            if a != start:
                out.append(text[start:a])
            if a != b:
                out.append(text[a:b])
            start = b
        if start < len(text):
            out.append(text[start:])
        return out

    def _merge_specials(self, text: str, tokens: list[Token]) -> list[Token]:
        """Special cases whose text the affix pass split into several tokens: the longest
        first, then the leftmost; a match whose first or last token is taken is dropped."""
        orths = [text[s:e] for s, e, _ in tokens]
        matches = []
        for i, orth in enumerate(orths):
            for pattern in self._matcher.get(orth, ()):
                if tuple(orths[i:i + len(pattern)]) == pattern:
                    matches.append((i, i + len(pattern)))
        if not matches:
            return tokens
        taken: set[int] = set()
        chosen = []
        for s, e in sorted(matches, key=lambda m: (m[1] - m[0], -m[0]), reverse=True):
            if s not in taken and e - 1 not in taken:
                chosen.append((s, e))
            taken.update(range(s, e))
        out: list[Token] = []
        last = 0
        for s, e in sorted(chosen):
            pieces = self.specials.get(text[tokens[s][0]:tokens[e - 1][1]])
            if pieces is None:
                continue
            out.extend(tokens[last:s])
            at = tokens[s][0]
            for orth, norm in pieces:
                out.append((at, at + len(orth), norm))
                at += len(orth)
            last = e
        out.extend(tokens[last:])
        return out

    # -- features ----------------------------------------------------------------------
    def key(self, text: str) -> int:
        """The string-store key of a string: 0 for "", a symbol's id, else its hash."""
        found = self._keys.get(text)
        if found is None:
            symbol = self._symbols.get(text)
            found = symbol if symbol is not None else hash_string(text) if text else 0
            if len(self._keys) >= _CACHE_LIMIT:
                self._keys.clear()
            if len(text) <= MAX_RUN:
                self._keys[text] = found
        return found

    def features(self, text: str, tokens: Sequence[Token]) -> list[Features]:
        """NORM, PREFIX, SUFFIX and SHAPE keys of each token (the model's columns), and
        whether it is whitespace."""
        cache = self._features
        out = []
        for s, e, norm in tokens:
            piece = (text[s:e], norm)
            feats = cache.get(piece)
            if feats is None:
                feats = self._lexical(*piece)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                if e - s <= MAX_RUN:
                    cache[piece] = feats
            out.append(feats)
        return out

    def _lexical(self, orth: str, norm: str | None) -> Features:
        norm_key = self.key(norm) if norm else 0
        if not norm_key:  # no special-case NORM: the lexeme's (a table, else lower case)
            norm_key = self.key(self._norms.get(orth, orth.lower()))
        return (norm_key, self.key(orth[0]), self.key(orth[-3:]), self.key(word_shape(orth)),
                int(orth.isspace()))


def _runs(text: str) -> Iterable[tuple[int, str]]:
    """The runs of non-space and of space characters spaCy tokenizes one by one: a single
    space after a word is that word's trailing space, not a run of its own."""
    after_word = False
    for m in _RUNS.finditer(text):
        start, run = m.start(), m.group()
        if after_word and run[0] == " ":
            start, run = start + 1, run[1:]
        after_word = not run[0].isspace() if run else False
        if run:
            yield start, run


def _length(search: Callable[[str], Any] | None, text: str) -> int:
    if search is None:
        return 0
    m = search(text)
    return 0 if m is None else int(m.end() - m.start())


def matcher_patterns(tokenizer: NameTokenizer, heuristics: bool,
                     rules: Iterable[str]) -> dict[str, list[str]]:
    """The special cases spaCy also looks for over tokens (its `_special_matcher`): each as
    the tokens the pass without special cases gives it. With `faster_heuristics` only those
    that an affix or infix would split (or that hold a space)."""
    out = {}
    for key in sorted(rules):
        if heuristics and not (_length(tokenizer._prefix, key) or _length(tokenizer._suffix, key)
                               or (tokenizer._infix and any(True for _ in tokenizer._infix(key)))
                               or " " in key):
            continue
        out[key] = [key[s:e] for s, e, _ in tokenizer.tokenize(key, specials=False)]
    return out
