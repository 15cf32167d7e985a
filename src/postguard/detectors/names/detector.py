"""Person names: a child's full name (first name + surname) in a post.

Rules find cheap candidates (runs of capitalised name-like words); only a post that has one
the lexicons cannot decide loads postguard's own pipeline (`models/postguard_en`, trained by
`make model`), once per process, and its PERSON spans on a short window decide (read by
`name_model.FastTagger` in numpy from the files `make model` exports: the same entities as
spaCy, without importing it). The in-house name
lexicons add a fallback for names the model misses. Staff named with a title (Mrs Patel, Mr
Tom Hughes), the organisation's staff list and well-known figures (Charles Dickens) are
reported at low severity (allowed by default).
The words around a candidate (`name_context`, data/names/context_cues.txt) decide before the
model does: a place ("in Milton Keynes", "trip to X"), a team or firm ("the X team", "X FC",
"X by Y" titles) is dropped; an author or character ("author X", "a novel by X", "dressed as
X") and the title of a song, book, film or show ("sang Penny Lane", "the film Home Alone", a
quoted "Eleanor Rigby", data/names/works.txt) are low. Capitalised things are not names: a
word that is never part of a name ("Autumn Newsletter", "Guest Wi-Fi") or never ends one
("Learning Hero"); a given name that is also a word counts before a known surname ("Summer
Holt", data/names/given_names_words.txt). A lowercase or all-caps full name counts only after
a cue ("well done liam o'donnell") and with a known given name and surname (a hyphenated
surname with a known part; a Korean given name of two syllables: "min-jun kim", "park ji-ho").
A full name meeting a school, address, location or photo is raised by `escalation` (block).
The lowercase and all-caps path is `lowercase_names`; the windows the model reads are
`model_windows`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from ...lazy_patterns import lazy_compile
from ...model import Action, Category, Finding, Severity, Suggestion
from ...policy import Policy
from ...spans import SpanIndex
from ..base import TextDetector
from .context import common_words as _common_words
from .context import (
    compound_given,
    famous_sentence,
    german_sentence,
    known_word_given,
    not_a_name,
    not_last,
    place_case,
    titles_after,
    verb_first,
    well_known,
)
from .context import context as _context
from .context import known as _known
from .context import lexicons as _lexicons
from .context import titles as _titles
from .lowercase_names import lowercase_full_names
from .model import (
    MODEL_NAME,
    load_pipeline,
    load_tagger,
    model_path,
)
from .model_windows import model_spans, read_windows, window
from .scripts import script_name_spans
from .who_is_named import (
    character_sentence,
    german_notice,
    german_noun_phrase,
    host_parent,
    pet,
    placeholder,
    slogan,
    thing_after_article,
)

__all__ = ["MODEL_NAME", "PersonNameDetector", "load_pipeline", "model_path"]

log = logging.getLogger(__name__)

_ARTICLES = frozenset({"la", "il", "lo", "le", "el", "der", "die", "das", "the"})
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LO = "a-zß-öø-ÿ\u0100-\u017f"
_WORD = rf"(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LO}]+(?:[-'’][{_UP}]?[{_LO}]+)*"
_PARTICLE = (
    r"(?:de|da|di|del|della|van|von|der|den|dos|du|la|le|bin|bint|al|el|ibn|ben|ap|ab|"
    r"Ó|Ní|Nic|Mac|Ua)"
)
_CANDIDATE = re.compile(
    rf"(?<![\w@#]){_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD}){{1,3}}(?![\w@])"
)
_WORD_RE = lazy_compile(rf"{_WORD}|{_PARTICLE}")
_PARTICLE_RE = lazy_compile(_PARTICLE)
# a Turkish case ending after an apostrophe ("Koleji'nden", "Hanım'a", "Aksoy'u"); not the
# English possessive "'s"
_CASE_ENDING = re.compile(r"['’](?!s$)[a-zçğıöşü]{1,7}$")
# a surname in capitals, a comma and a given name ("SMITH, Jack", "O'NEILL, Aoife")
_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])([A-Z][A-Z'’\-]{1,24}),[ \t]+([A-Z][a-z]{1,20})(?![\w'’-])")


def _capitalised_runs(text: str) -> Iterable[tuple[list[str], int, int]]:
    """(words, start, end) of each run of the candidate pattern, cut before a word that
    starts with a lowercase letter of Latin Extended-A ("Ola świetnie"; the pattern's range
    \u0100-\u017f holds both cases) and read again after it. Name particles ("de") stay."""
    pos = 0
    while True:
        m = _CANDIDATE.search(text, pos)
        if m is None:
            return
        words = m.group().split()
        low = next((i for i, w in enumerate(words)
                    if not w[:1].isupper() and not _PARTICLE_RE.fullmatch(w)), None)
        if low is None:
            yield words, m.start(), m.end()
            pos = m.end()
            continue
        end = m.start()
        for w in words[:low + 1]:
            end = text.index(w, end) + len(w)
        part = words[:low]
        while part and _PARTICLE_RE.fullmatch(part[-1]):
            part.pop()
        if len(part) >= 2:
            e = m.start()
            for w in part:
                e = text.index(w, e) + len(w)
            yield part, m.start(), e
        pos = end  # read again after the lowercase word


def _sentence_start(text: str, s: int) -> bool:
    """text[s] starts the text, a line or a sentence."""
    head = text[max(0, s - 4):s].rstrip(" \t\"'“‘(")
    return not head or head[-1] in ".!?:\n"


class PersonNameDetector(TextDetector):
    name = "person_name"
    codes = ("PG321", "PG322")
    categories = (Category.PERSON_NAME,)
    description = "full names of people (postguard's spaCy pipeline + name lexicons)"

    def __init__(self, policy: Policy, model: Path | None = None) -> None:
        super().__init__(policy)
        self._model = model
        self._staff = frozenset(
            " ".join(n.lower().split()) for n in policy.allowlist("staff")
        )

    def _candidates(self, text: str) -> list[tuple[int, int]]:
        firsts, _, _, not_names = _lexicons()
        common = _common_words()
        out = []
        for words, start, end in _capitalised_runs(text):
            run_end = end
            if slogan([w for w in words if w[:1].isupper()], firsts) and not any(
                    w.lower().rstrip(".") in _titles() for w in words):
                continue  # "Shout Loud Stand Tall": a slogan or a title, no given name in it
            ended = [i for i, w in enumerate(words[:-1]) if _CASE_ENDING.search(w)]
            if ended:  # "Çınaraltı Koleji'nden Deniz Aksoy'u": a case ending closes a noun
                for w in words[:ended[-1] + 1]:
                    start = text.index(w, start) + len(w)
                words = words[ended[-1] + 1:]
                start = text.index(words[0], start)
            while words and words[0].lower() in common and words[0].lower() not in firsts:
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
                words = words[1:]
            while words and words[-1].lower() in common:
                words = words[:-1]
                end = text.rindex(words[-1], start, run_end) + len(words[-1]) if words else start
            cut = [i for i, w in enumerate(words[:-2]) if w.lower() in not_last()]
            if cut:  # "Head Girl Aisha Khan", "Sports Captain Leo Hart": the name after
                for w in words[:cut[-1] + 1]:
                    start = text.index(w, start) + len(w)
                words = words[cut[-1] + 1:]
                start = text.index(words[0], start)
            if words and words[0].lower().rstrip(".") in _titles() and len(words) < 3:
                continue  # "Mr Dawson": a title and a surname are not a full name
            if len(words) < 2 or not_a_name(words, not_names):
                continue
            out.append((start, end))
        return out

    def detect_text(self, text: str) -> Iterable[Finding]:
        spans, unsure = self._lexicon_pass(text)
        for group in read_windows(unsure):
            lo, hi = window(text, group)
            ents = load_tagger(self._model)(text[lo:hi])
            spans.update(model_spans(ents, lo, group))
        return self._findings(text, spans)

    def _lexicon_pass(
        self, text: str
    ) -> tuple[dict[tuple[int, int], float], list[tuple[int, int]]]:
        """Spans the lexicons decide, and the candidates left for the model."""
        spans: dict[tuple[int, int], float] = {}
        unsure: list[tuple[int, int]] = []
        if not text:
            return spans, unsure
        firsts, _, famous, _ = _lexicons()
        for cs, ce in self._candidates(text):
            words = text[cs:ce].split()
            ctx = _context(text, cs, ce, words)
            if ctx in ("place", "org"):
                continue
            if ctx in ("famous", "work") or " ".join(w.lower() for w in words) in famous \
                    or well_known(words):
                spans[(cs, ce)] = 0.9
            elif words[0].lower().rstrip(".") in _titles() or _known(words):
                # A known given name and a known surname, in either order (family name first
                # is usual in Chinese, Japanese, Korean and Hungarian names).
                spans[(cs, ce)] = 0.85
            elif words[0].lower() in firsts and host_parent(text, cs, ce):
                spans[(cs, ce)] = 0.8  # "Gastvater Markus Brandt": a host parent's name
            elif german_sentence(text, cs, ce):
                continue  # German capitalises every noun: "Die Klasse", "Deutsch Grammatik"
            elif words[0].lower() in firsts or known_word_given(words):
                # A known given name and a capitalised word that no list calls a place, an
                # organisation or a common word: decided without the model (its cost is per
                # call, and it agreed on these in the corpus).
                spans[(cs, ce)] = 0.8
            else:
                unsure.append((cs, ce))
        return spans, unsure

    def _findings(self, text: str, spans: dict[tuple[int, int], float]) -> list[Finding]:
        firsts, lasts, famous, not_names = _lexicons()
        out = []
        for (s, e), score in sorted(spans.items()):
            f = self._judge(text, s, e, score, firsts, lasts, famous, not_names)
            if f is not None:
                out.append(f)
        taken = SpanIndex((f.start, f.end) for f in out
                          if f.start is not None and f.end is not None)
        for s, e in lowercase_full_names(text, self._staff):
            if not taken.overlaps(s, e):
                out.append(self.finding(
                    "PG321", Category.PERSON_NAME, Severity.MEDIUM, "a person's full name",
                    score=0.8, start=s, end=e,
                    suggestion=Suggestion(Action.REPLACE, text[s:e].split()[0]),
                ))
        for m in _SURNAME_FIRST.finditer(text) if ", " in text else ():
            # "SMITH, Jack": a register's surname in capitals, a comma, a given name
            family, given = m.group(1).lower(), m.group(2)
            if family in lasts and given.lower() in firsts and \
                    not taken.overlaps(m.start(), m.end()) and \
                    " ".join(f"{given} {m.group(1)}".lower().split()) not in self._staff:
                out.append(self.finding(
                    "PG321", Category.PERSON_NAME, Severity.MEDIUM,
                    "a person's full name (surname first, as a register writes it)",
                    score=0.8, start=m.start(), end=m.end(),
                    suggestion=Suggestion(Action.REPLACE, given)))
        if not text.isascii():  # "王小红同学", "ハルトくん", "지민 학생", "王思雨", "김민서"
            held = [(f.start, f.end) for f in out if f.start is not None and f.end is not None]
            for s, e, code, why in script_name_spans(text, held):
                out.append(self.finding(
                    code, Category.PERSON_NAME,
                    Severity.MEDIUM if code == "PG321" else Severity.LOW, why,
                    score=0.8 if code == "PG321" else 0.75, start=s, end=e,
                    suggestion=Suggestion(Action.REPLACE, "[name removed]")
                    if code == "PG321" else None))
        out.sort(key=lambda f: (f.start or 0, f.end or 0))
        return out

    def _judge(self, text: str, s: int, e: int, score: float, firsts: frozenset[str],
               lasts: frozenset[str], famous: frozenset[str],
               not_names: frozenset[str]) -> Finding | None:
        span = text[s:e]
        # Trim a possessive and surrounding punctuation the model may include.
        for suffix in ("'s", "’s"):
            if span.endswith(suffix):
                e -= 2
                span = span[:-2]
        raw = span.split()
        if not raw or not all(_WORD_RE.fullmatch(w) for w in raw):
            return None
        titled = False
        if len(raw) > 2 and raw[0].lower() in _ARTICLES and raw[1].lower() in _titles():
            s = text.index(raw[1], s + len(raw[0]))  # "La Signora Rossi", "Der Herr Braun"
            raw = raw[1:]
        while raw and raw[0].lower().rstrip(".") in _titles():
            titled = True
            s = text.index(raw[1], s + len(raw[0])) if len(raw) > 1 else e
            raw = raw[1:]
        common = _common_words()
        while raw and raw[0].lower() in common and raw[0].lower() not in firsts:
            s = text.index(raw[1], s + len(raw[0])) if len(raw) > 1 else e
            raw = raw[1:]
        if len(raw) >= 3 and _sentence_start(text, s) and (
                verb_first(raw[0], firsts, lasts) or (
                    raw[0].isascii() and raw[0].lower() not in firsts
                    and raw[1].lower() in firsts and raw[0].lower() not in lasts)):
            s = text.index(raw[1], s + len(raw[0]))  # "Cheer Isla Brown on": a verb first
            raw = raw[1:]
            while len(raw) > 1 and raw[0].lower().rstrip(".") in _titles():
                titled = True  # "Text Coach Ben Hale": the verb, then a title
                s = text.index(raw[1], s + len(raw[0]))
                raw = raw[1:]
        if place_case(raw[-1]):
            return None  # "Öğrencilerimiz Brighton'da": a place with a locative ending
        if len(raw) == 2 and _sentence_start(text, s) and verb_first(raw[0], firsts, lasts):
            return None  # "Text Oliver on ...", "Suivez Manon", "Czytaliśmy Pana ...": a verb
        span = text[s:e]
        words = [w for w in raw if not re.fullmatch(_PARTICLE, w)]
        if len(words) < 2 or not_a_name(words, not_names):
            return None
        after_title = _CASE_ENDING.sub("", words[-1]).lower() in titles_after()
        if after_title and len(words) == 2:
            return None  # "Ayşe Hanım'a": one name and a title after it, no full name
        key = " ".join(span.lower().split())
        if key in self._staff or (len(raw) == 2 and key in compound_given()):
            return None  # staff; or one given name of two words ("Ana Clara")
        if placeholder(text, s, e, key) or german_noun_phrase(raw) or slogan(words, firsts) \
                or thing_after_article(text, s, _known(words)) or pet(text, e) \
                or (not _known(words) and german_notice(words, firsts, lasts)):
            return None  # "Joe Bloggs", "Tag der Umwelt", "Speak Out Stay Safe", "la Guerra",
            # "Honey Bun the guinea pig"
        ctx = _context(text, s, e, raw)
        if ctx is None and (famous_sentence(text, s, e) or character_sentence(text, s, e)):
            ctx = "famous"  # "... deux Français célèbres", "ünlü Türkler", "which character"

        if ctx in ("place", "org"):
            return None
        if key in famous or well_known(raw):
            return self.finding("PG322", Category.PERSON_NAME, Severity.LOW,
                                "name of a well-known person", score=score, start=s, end=e)
        if ctx == "famous":
            return self.finding("PG322", Category.PERSON_NAME, Severity.LOW,
                                "name of an author or a character (from the words around it)",
                                score=score, start=s, end=e)
        if ctx == "work":
            return self.finding("PG322", Category.PERSON_NAME, Severity.LOW,
                                "the title of a song, book, film or show (from the words "
                                "around it)", score=score, start=s, end=e)
        before = text[max(0, s - 16):s]
        prev = ""
        if before[-1:].isspace() and before.strip():
            prev = before.split()[-1].lower().rstrip(".")
        if (titled or prev in _titles() or after_title) and not host_parent(text, s, e):
            return self.finding("PG322", Category.PERSON_NAME, Severity.LOW,
                                "name of a staff member (with a title)", score=score,
                                start=s, end=e)
        return self.finding(
            "PG321", Category.PERSON_NAME, Severity.MEDIUM, "a person's full name",
            score=score, start=s, end=e,
            suggestion=Suggestion(Action.REPLACE, words[0]),
        )
