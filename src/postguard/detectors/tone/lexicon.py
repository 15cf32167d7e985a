"""Tone lexicons: loading the shipped TSV files, the policy's own terms, allow-phrases and
names.

A lexicon line is `term<TAB>category<TAB>severity<TAB>code<TAB>rewrite<TAB>flags` (see
docs/lexicons.md). A term is one word or a phrase pattern: words separated by spaces, each
word may list alternatives `a|b|c`, end in `?` (optional), be `~N` (up to N other words), or
be a macro `%name` defined on a line `%name<TAB>alt|alt`. Every word is compared with the
normalisation candidates of a token, whole word against whole word: never a substring.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...codes import code_table
from ...datafiles import read_data
from ...errors import ConfigurationError
from ...model import Category, Severity
from ...policy_schema import nearest
from .normalise import base_form, tokenize
from .terms import Slot, expand_macros, parse_term

TONE_CATEGORIES = (
    Category.KISSES, Category.SLANG, Category.PROFANITY, Category.SEXUAL_CONTENT,
    Category.OVER_FAMILIAR, Category.PRIVATE_CONTACT, Category.BULLYING, Category.EXTREMISM,
    Category.SELF_HARM, Category.DISCLOSURE,
)
SHIPPED_FILES = (
    "kisses.tsv", "slang.tsv", "profanity.tsv", "sexual.tsv", "familiar.tsv", "private.tsv",
    "insults.tsv", "extremism.tsv", "distress.tsv",
)
#: the lexicons of the students' other languages, one file a language, every category in it
LANGUAGE_FILES = tuple(f"languages/{code}.tsv" for code in (
    "de", "fr", "es", "it", "pt", "pl", "tr", "ar", "zh", "ja", "ko"))
FLAGS = frozenset({
    "lower",      # only when written in lower case (u, x)
    "notitle",    # not when written Title-case (Ur, the city)
    "notupper",   # not when written all in capitals (XX, the numeral)
    "upper",      # only when written all in capitals (GOAT, not the animal)
    "elongated",  # only when written stretched out (sooo, not "so")
    "ctx",        # run the context rules (allow-phrases, vetoes) before reporting
    "confirm",    # ambiguous: report only when a context rule confirms it (sick, lit, fam)
    "clinical",   # a clinical/educational word: dropped inside an educational frame
    "signoff",    # a kiss: only as a sign-off (end of message or sentence, after a comma)
    "nomask",     # never matched through `*` masks
    "benign",     # cleared by a benign frame (Mother's Day cards, World Book Day costumes)
    "infix",      # Chinese, Japanese, Korean: found inside a run of text without spaces,
                  # unless inside an ordinary word of infix-allow.txt (必死, 殺到, 시발점)
    "prefix",     # the first part of a compound (German scheiß-: Scheißwetter)
})
#: a prefix entry matches a longer word only: at least this many letters must follow it
PREFIX_REST = 3
DEFAULT_CODES = {
    (Category.KISSES, None): "PG401",
    (Category.SLANG, None): "PG411",
    (Category.PROFANITY, Severity.LOW): "PG421",
    (Category.PROFANITY, None): "PG422",
    (Category.SEXUAL_CONTENT, None): "PG431",
    (Category.OVER_FAMILIAR, None): "PG441",
    (Category.PRIVATE_CONTACT, None): "PG451",
    (Category.BULLYING, None): "PG462",
    (Category.EXTREMISM, None): "PG471",
    (Category.SELF_HARM, None): "PG481",
    (Category.DISCLOSURE, None): "PG482",
}


#: the words of a `$` slot: the end of a sentence, a line or the text (matches no token)
@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    category: Category
    severity: Severity
    code: str
    rewrite: str | None
    flags: frozenset[str]
    slots: tuple[Slot, ...]
    where: str

    @property
    def single(self) -> bool:
        return len(self.slots) == 1


@dataclass
class Lexicon:
    words: dict[str, list[Entry]] = field(default_factory=dict)
    phrases: dict[str, list[Entry]] = field(default_factory=dict)
    masks: dict[int, list[tuple[str, Entry]]] = field(default_factory=dict)
    allow_phrases: list[list[str]] = field(default_factory=list)
    names: frozenset[str] = frozenset()
    #: infix terms by their first character: (term, entry), longest term first
    infix: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    #: ordinary words that an infix hit may not overlap, by their first character
    infix_allow: dict[str, list[str]] = field(default_factory=dict)
    #: prefix terms by their first four letters: (term, entry)
    prefixes: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        if entry.single and "infix" in entry.flags:
            for w in entry.slots[0].words:
                bucket = self.infix.setdefault(w[:1], [])
                bucket.append((w, entry))
                bucket.sort(key=lambda te: -len(te[0]))
            return
        if entry.single and "prefix" in entry.flags:
            for w in entry.slots[0].words:
                if len(w) < 4:
                    raise ConfigurationError(f"{entry.where}: a prefix needs 4+ letters")
                self.prefixes.setdefault(w[:4], []).append((w, entry))
            return
        if entry.single:
            for w in entry.slots[0].words:
                self.words.setdefault(w, []).append(entry)
                if (entry.category in (Category.PROFANITY, Category.SEXUAL_CONTENT)
                        and "nomask" not in entry.flags and len(w) >= 3 and w.isalpha()):
                    self.masks.setdefault(len(w), []).append((w, entry))
        else:
            for w in entry.slots[0].words:
                self.phrases.setdefault(w, []).append(entry)

    def allow_infix(self, words: Iterable[str]) -> None:
        """Ordinary words, written without spaces, that hold or touch an infix term (イエロー
        holds エロ; in 体操你 the word 体操 touches 操你): an infix hit that overlaps one of
        them, where it stands in the text, is dropped."""
        for word in words:
            w = infix_form(word)
            if w:
                bucket = self.infix_allow.setdefault(w[:1], [])
                bucket.append(w)
                bucket.sort(key=lambda x: -len(x))

    def remove(self, terms: Iterable[str]) -> None:
        drop = {base_form(t) for t in terms}
        if not drop:  # nothing to remove (the default policy): no pass over every entry
            return
        forms: dict[str, str] = {}  # each term's base form, found once

        def kept(e: Entry) -> bool:
            form = forms.get(e.term)
            if form is None:
                form = forms[e.term] = base_form(e.term)
            return form not in drop

        for key in list(self.infix):
            self.infix[key] = [(w, e) for w, e in self.infix[key] if kept(e)]
        for key in list(self.prefixes):
            self.prefixes[key] = [(w, e) for w, e in self.prefixes[key] if kept(e)]
        for index in (self.words, self.phrases):
            for key in list(index):
                index[key] = [e for e in index[key] if kept(e)]
        for n in list(self.masks):
            self.masks[n] = [(w, e) for w, e in self.masks[n] if kept(e)]

    def mark_context_words(self) -> None:
        """Words that appear in an allow-phrase need the context rules to be cleared."""
        in_phrases = {w for p in self.allow_phrases for w in p}
        for key, entries in self.words.items():
            if key in in_phrases:
                self.words[key] = [_with_flag(e, "ctx") for e in entries]


def _with_flag(e: Entry, flag: str) -> Entry:
    return Entry(e.term, e.category, e.severity, e.code, e.rewrite, e.flags | {flag}, e.slots,
                 e.where)


def infix_form(text: str) -> str:
    """`text` folded character by character (full-width to plain, case folded), so that
    every index still points at the same character of the text."""
    out = []
    for c in text:
        f = unicodedata.normalize("NFKC", c).casefold() if not c.isascii() else c.lower()
        out.append(f if len(f) == 1 else c)
    return "".join(out)


_CATEGORY_OF = {c.value: c for c in Category}  # Category(value), without the enum call
_SEVERITY_OF = {s.value: s for s in Severity}


def make_entry(
    term: str, category: str, severity: str, code: str, rewrite: str, flags: str,
    macros: Mapping[str, str], where: str,
) -> list[Entry]:
    cat = _CATEGORY_OF.get(category.strip())
    if cat not in TONE_CATEGORIES:
        names = [c.value for c in TONE_CATEGORIES]
        near = nearest(category.strip(), names)
        hint = f"; did you mean '{near}'?" if near else ""
        raise ConfigurationError(
            f"{where}: category must be one of {', '.join(names)}{hint}")
    assert cat is not None
    sev = _SEVERITY_OF.get(severity.strip())
    if sev is None:
        raise ConfigurationError(f"{where}: severity must be low, medium or high")
    code = code.strip().upper()
    if not code:
        code = DEFAULT_CODES.get((cat, sev)) or DEFAULT_CODES[(cat, None)]
    info = code_table().get(code)
    if info is None or info.category is not cat:
        raise ConfigurationError(f"{where}: code {code} is not a documented {cat.value} code")
    flagset = frozenset(f.strip() for f in flags.split(",") if f.strip())
    unknown = flagset - FLAGS
    if unknown:
        raise ConfigurationError(
            f"{where}: unknown flag {', '.join(sorted(unknown))}; "
            f"flags are {', '.join(sorted(FLAGS))}"
        )
    if "infix" in flagset and (" " in term.strip() or "%" in term or "?" in term):
        raise ConfigurationError(f"{where}: an infix term is one word (alternatives a|b)")
    rw = rewrite.strip()
    if "infix" in flagset:  # folded as the text is (infix_form), indexes kept
        alts = frozenset(infix_form(a) for a in term.strip().split("|") if a)
        return [Entry(term.strip(), cat, sev, code, None if rw in ("", "-") else rw, flagset,
                      (Slot(alts),), where)]
    return [
        Entry(term.strip(), cat, sev, code, None if rw in ("", "-") else rw, flagset,
              parse_term(variant, {}, where), where)
        for variant in expand_macros(term, macros, where)
    ]


def parse_tsv(text: str, source: str) -> list[Entry]:
    entries: list[Entry] = []
    macros: dict[str, str] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{source}:{lineno}"
        cols = line.rstrip("\n").split("\t")
        if cols[0].startswith("%") and " " not in cols[0].strip() and len(cols) <= 2:
            if len(cols) < 2:
                raise ConfigurationError(f"{where}: a macro line is %name<TAB>alt|alt")
            macros[cols[0][1:].strip()] = cols[1].strip()
            continue
        if len(cols) < 3:
            raise ConfigurationError(
                f"{where}: expected term, category, severity[, code, rewrite, flags] "
                "separated by tabs"
            )
        cols += [""] * (6 - len(cols))
        t, c, sev, code, rw, fl = cols[:6]
        entries.extend(make_entry(t, c, sev, code, rw, fl, macros, where))
    return entries


def _data(name: str) -> str:
    return read_data(f"tone/{name}")


def _lines(text: str) -> list[str]:
    return [s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#")]


def phrase_words(phrase: str) -> list[str]:
    return [t.text.lower() for t in tokenize(phrase)]


@functools.cache
def shipped_entries() -> tuple[Entry, ...]:
    out: list[Entry] = []
    for name in SHIPPED_FILES + LANGUAGE_FILES:
        out.extend(parse_tsv(_data(name), f"data/tone/{name}"))
    return tuple(out)


@functools.cache
def shipped_infix_allow() -> tuple[str, ...]:
    return tuple(_lines(_data("infix-allow.txt")))


@functools.cache
def shipped_allow() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase_words(p)) for p in _lines(_data("allow-phrases.txt")))


@functools.cache
def shipped_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in _lines(_data("names.txt")))


def build_lexicon(settings: Mapping[str, Any], policy_source: str) -> Lexicon:
    """The shipped lexicon plus the policy's `[detectors.tone]` additions."""
    lex = Lexicon()
    for e in shipped_entries():
        lex.add(e)
    lex.allow_phrases = [list(p) for p in shipped_allow()]
    names = set(shipped_names())
    where = f"{policy_source}: [detectors.tone]"
    paths = settings.get("extra_lexicon", [])
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ConfigurationError(f"{where} extra_lexicon must be a path or a list of paths")
    base = os.path.dirname(policy_source) if os.path.isfile(policy_source) else os.getcwd()
    for p in paths:
        full = p if os.path.isabs(p) else os.path.join(base, p)
        try:
            with open(full, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            raise ConfigurationError(
                f"{where} extra_lexicon {p}: cannot read ({exc.strerror})"
            ) from None
        except UnicodeDecodeError:
            raise ConfigurationError(f"{where} extra_lexicon {p}: not UTF-8 text") from None
        for e in parse_tsv(text, p):
            lex.add(e)
    for i, item in enumerate(_list(settings, "terms", where, Mapping)):
        w = f"{where} terms[{i}]"
        if not isinstance(item.get("term"), str):
            raise ConfigurationError(f"{w}: needs term = \"...\"")
        for e in make_entry(
            item["term"], str(item.get("category", "")), str(item.get("severity", "medium")),
            str(item.get("code", "")), str(item.get("rewrite", "")),
            ",".join(_list(item, "flags", w, str)), {}, w,
        ):
            lex.add(e)
    lex.remove(_list(settings, "remove_terms", where, str))
    lex.allow_infix(shipped_infix_allow())
    lex.allow_phrases += [phrase_words(p) for p in _list(settings, "allow_phrases", where, str)]
    names.update(n.casefold() for n in _list(settings, "names", where, str))
    lex.names = frozenset(names)
    lex.mark_context_words()
    return lex


def _list(settings: Mapping[str, Any], key: str, where: str, kind: type) -> Sequence[Any]:
    value = settings.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, kind) for v in value):
        what = "tables" if kind is Mapping else "strings"
        raise ConfigurationError(f"{where} {key} must be a list of {what}")
    return value
