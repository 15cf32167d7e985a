"""The `harm` detector: harm judged by meaning, by a learned model beside the lexicons.

It scores the whole text and each sentence or clause with the n-gram model of `weights`. A
category whose whole-text score passes its threshold is marked on the clause that adds most to
that score (the model is linear: the clauses' shares add up); in a text of several clauses, a
clause of several words that passes alone with a higher score is marked too. In a text where
the tone lexicons already found private contact, over-familiarity or sexual content, the model
adds none of those three (the lexicon's span is exact; the model fills what lexicons miss). A
finding's score maps the model's threshold to 0.5 (the policy's default threshold) and
certainty to 1.0.

Items with a `thread` in their metadata are also judged as a conversation (`judge_thread`):
one author's recent messages in that thread are judged together, because grooming builds over
lines that look harmless one by one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

import numpy as np

from ...model import Action, Category, Finding, Post, Severity, Suggestion
from ...policy import Policy
from ..base import TextDetector
from ..tone.analysis import analyser_for
from .bars import (
    _CHILD_NOT_GROOMING,
    _FULL_EVIDENCE,
    _TIER_AUTHORS,
    evidence_words,
    inbound_lowering,
    needed,
)
from .clauses import clauses, without_links
from .conversation import ThreadMemory
from .reading import without_spelled_numbers
from .weights import HarmWeights, ModelUnavailable, load_weights

log = logging.getLogger(__name__)

# category -> (code, what the text reads as, suggestion, severity below / above `_HIGH`). The
# suggestion is always a human review: a clause is the model's best guess at the span, so the
# redacted text never loses it silently.
_KINDS: dict[str, tuple[str, str, Action, Severity, Severity]] = {
    "private_contact": ("PG701", "moving a child to private contact, secrecy or meeting alone",
                        Action.REVIEW, Severity.HIGH, Severity.HIGH),
    "over_familiar": ("PG702", "over-familiar with a child (flattery, closeness, pet names)",
                      Action.REVIEW, Severity.MEDIUM, Severity.HIGH),
    "sexual_content": ("PG703", "sexual or sexualising", Action.REVIEW, Severity.MEDIUM,
                       Severity.HIGH),
    "bullying": ("PG704", "bullying (insults, exclusion or humiliation aimed at a person)",
                 Action.REVIEW, Severity.MEDIUM, Severity.HIGH),
    "self_harm": ("PG705", "a sign of self-harm, suicidal thoughts or disordered eating",
                  Action.REVIEW, Severity.HIGH, Severity.HIGH),
    "disclosure": ("PG706", "a possible disclosure of abuse, neglect or fear of an adult",
                   Action.REVIEW, Severity.HIGH, Severity.HIGH),
    "extremism": ("PG707", "radicalising or extremist (recruitment, hate against a group)",
                  Action.REVIEW, Severity.HIGH, Severity.HIGH),
    "violence": ("PG708", "violent or threatening", Action.REVIEW, Severity.MEDIUM,
                 Severity.HIGH),
}
# Conversation findings: one code per category a conversation can build towards.
CONVERSATION_CODES = {"private_contact": "PG710", "over_familiar": "PG711",
                      "sexual_content": "PG712"}
# A finding scored at least this (after mapping the threshold to 0.5) gets the higher severity.
_HIGH = 0.8
# Texts with more clauses than this also flag a clause that passes on its own.
_CLAUSES_ALONE = 1
# ... if it is at least this long (several words: fragments score noisily) and scores halfway
# from the threshold to certainty.
_ALONE_CHARS = 40
# A phone number (7+ digits with the usual separators), an email address or an @handle.
_CONTACT = re.compile(r"\+?\d[\d ()./-]{5,}\d|[\w.+-]+@[\w-]+\.\w|(?<!\w)@\w{2,}")
# A conversation finding needs this many messages of one author leaning the same way.
_CONVERSATION_MIN = 3
# Where the tone lexicons found one of these in a text, the model adds none of them there.
_LEXICON_SPEAKS = frozenset({Category.PRIVATE_CONTACT, Category.OVER_FAMILIAR,
                             Category.SEXUAL_CONTENT})


class HarmDetector(TextDetector):
    name = "harm"
    codes = (*(k[0] for k in _KINDS.values()), *CONVERSATION_CODES.values())
    categories = tuple(Category(c) for c in _KINDS)
    description = ("harm judged by meaning (learned model): grooming moves, sexualising, "
                   "bullying, self-harm, disclosures, extremism, violence; threads as "
                   "conversations")
    memory_size: ClassVar[int] = 4096
    #: Where the model files are (None: the ones shipped in postguard/data/harm).
    model_folder: ClassVar[Path | None] = None

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self.threads: ThreadMemory[np.ndarray] = ThreadMemory(max_threads=self.memory_size)
        #: Judge threads here (off where a batch judges them in its parent process).
        self.judge_threads = True
        self._weights: HarmWeights | None = None
        self._required: dict[tuple[int, bool], np.ndarray] = {}  # by (words, inbound tier)
        self._alone_of: tuple[HarmWeights, np.ndarray] | None = None

    @property
    def weights(self) -> HarmWeights:
        if self._weights is None:
            self._weights = load_weights(self.model_folder)
        return self._weights

    def detect(self, post: Post) -> Iterable[Finding]:
        if not post.text:
            return ()
        meta = post.metadata
        inbound = hasattr(meta, "get") and str(meta.get("direction", "")).lower() == "inbound"
        author = _author(post) if inbound else None
        found, probs = self._judge(post.text, inbound=inbound, author=author)
        if self.judge_threads and probs is not None:
            found.extend(self.judge_thread(post, [f.code for f in found], probs))
        return found

    def detect_text(self, text: str) -> Iterable[Finding]:
        return self._judge(text)[0]

    def _needed(self, model: HarmWeights, words: int, tiered: bool) -> np.ndarray:
        """What each category needs in a text of `words` words (`needed`), with the inbound
        tier's lowering when `tiered` (the same for every author of the tier); kept per
        (words, tiered): the same few counts recur."""
        required = self._required.get((words, tiered))
        if required is None:
            if len(self._required) >= 64:
                self._required.clear()
            lower = inbound_lowering(model.categories, "unknown") if tiered else 0.0
            required = self._required[(words, tiered)] = needed(model.thresholds, words, lower)
        return required

    def _alone(self, model: HarmWeights) -> np.ndarray:
        """What a clause alone needs: halfway from each threshold to certainty (kept: the
        same for every text)."""
        if self._alone_of is None or self._alone_of[0] is not model:
            self._alone_of = (model, (1.0 + model.thresholds) / 2)
        return self._alone_of[1]

    def _judge(self, text: str, *, inbound: bool = False, author: str | None = None
               ) -> tuple[list[Finding], np.ndarray | None]:
        """The findings of `text` and its whole-text probabilities (None when the model cannot
        run: the findings are then one detector_error). In a draft (not `inbound`), a
        private-contact finding on a clause holding a phone number, an email address or a
        handle stands aside: the contact detectors block it with an exact span, and a staff
        member's number in a notice is not grooming to escalate. In an inbound message from
        an adult it is, so there it stays."""
        try:
            model = self.weights
        except ModelUnavailable as exc:
            log.warning("harm detector cannot run: %s", exc)
            return [self.finding("PG001", Category.DETECTOR_ERROR, Severity.HIGH, str(exc),
                                 score=1.0, suggestion=Suggestion(Action.REVIEW))], None
        reading = without_spelled_numbers(without_links(text))
        parts = clauses(reading)
        if not parts:
            return [], np.zeros(len(model.categories))
        got = model.score(reading, parts)
        out = []
        many = len(parts) > _CLAUSES_ALONE
        # Most texts pass no threshold: one vectorised test, then the few categories that do.
        tiered = inbound and (author or "unknown") in _TIER_AUTHORS
        base = self._needed(model, _FULL_EVIDENCE, True) if tiered else model.thresholds
        required = self._needed(model, evidence_words(text), tiered)
        passing = got.whole >= required
        if many:
            alone = self._alone(model)  # a clause alone needs more certainty
            passing |= (got.clauses >= alone).any(axis=0)
        for k in passing.nonzero()[0].tolist():
            cat = model.categories[k]
            kind = _KINDS.get(cat)
            if kind is None or (author == "child" and cat in _CHILD_NOT_GROOMING):
                continue
            th = float(base[k])
            doubtful = bool(got.whole[k] < model.thresholds[k])
            marked: set[int] = set()
            if got.whole[k] >= required[k]:  # the clause adding most to the whole text's score
                marked.add(int(np.argmax(got.evidence[:, k])))
            if many:
                marked.update(i for i in np.flatnonzero(got.clauses[:, k] >= alone[k]).tolist()
                              if parts[i][1] - parts[i][0] >= _ALONE_CHARS)
            for i in sorted(marked):
                p = max(float(got.clauses[i, k]), float(got.whole[k]) if len(marked) == 1
                        else 0.0)
                out.append(self._finding(cat, kind, _scaled(p, th), parts[i],
                                         doubtful=doubtful and p < model.thresholds[k]))
        if any(f.category in _LEXICON_SPEAKS for f in out):
            out = self._beside_lexicon(text, out, inbound)
        if not inbound:
            out = [f for f in out if f.category is not Category.PRIVATE_CONTACT
                   or not _CONTACT.search(text, f.start or 0, f.end or len(text))]
        return out, got.whole

    def _beside_lexicon(self, text: str, found: list[Finding], inbound: bool = False
                        ) -> list[Finding]:
        """`found` without its grooming-family findings when the tone lexicons already found
        one of that family in the text: the lexicon's span is exact and its action already
        applies; in a draft, the model's guess at another clause or another of the three adds
        noise (a grooming message often reads as two of the three: measured, letting the model
        add the other two cost the labelled corpus 5-13 points of precision in each of the
        three). In an inbound message only the categories the lexicons found stand aside: a
        stranger's "send me a pic, don't tell ur mum" is private contact AND sexual, and the
        lead must see both (sexual recall 0.72 -> 0.88 on the seen holdout7, 0.79 -> 0.95 on
        holdout5, with no more benign traps flagged)."""
        try:
            lexical = {f.category for f in analyser_for(self.policy).analyse(text)
                       if f.category in _LEXICON_SPEAKS}
        except Exception:  # the tone detectors report their own failures
            log.debug("tone analysis failed beside the harm model", exc_info=True)
            return found
        if lexical and not inbound:
            lexical = set(_LEXICON_SPEAKS)
        return [f for f in found if f.category not in lexical]

    def _finding(self, cat: str, kind: tuple[str, str, Action, Severity, Severity],
                 score: float, span: tuple[int, int], doubtful: bool = False) -> Finding:
        """A finding of `cat` on `span`; `doubtful`: it passed only an inbound message's
        lower bar (the category's lower severity, and LOW where that is MEDIUM: review)."""
        code, what, action, low, high = kind
        if doubtful:
            low = Severity.LOW if low is Severity.MEDIUM else low
            high = low
        return self.finding(code, Category(cat), high if score >= _HIGH else low,
                            f"reads as {what} (harm model)", score=score,
                            start=span[0], end=span[1], suggestion=Suggestion(action))

    def forget(self) -> None:
        """Empty the thread memory (a new batch run starts with no conversations)."""
        self.threads.clear()

    def remember(self, post: Post, probs: np.ndarray | None = None) -> list[np.ndarray]:
        """Hold `post`'s scores in its thread's memory: the scores of its author's last
        messages there (this one last), or none when it has no thread or no model."""
        meta = post.metadata
        thread = meta.get("thread") if hasattr(meta, "get") else None
        if thread is None or not post.text:
            return []
        if probs is None:
            probs = self._judge(post.text)[1]
            if probs is None:
                return []
        return self.threads.add(str(thread), _author(post), probs)

    def judge_thread(self, post: Post, codes: Iterable[str] = (),
                     probs: np.ndarray | None = None) -> list[Finding]:
        """A conversation finding when `post` has a `thread`, this message leans towards a
        grooming category without passing its threshold alone (`codes`: the codes of the
        post's findings; this detector's own tell which categories it found), and at least
        three of its author's last messages there (this one included) lean that way: each
        scores above the category's conversation threshold (set at build time so that about
        5% of harmless texts do). A child's own messages build no conversation finding:
        grooming is an older person's moves, and teenagers flirting or chatting with each
        other lean the same way line after line (each line is still judged alone). Remembers
        the message (`probs`: its scores, when known)."""
        window = self.remember(post, probs)
        if len(window) < _CONVERSATION_MIN or _author(post) == "child":
            return []
        model = self.weights
        scores = np.vstack(window)  # (messages, categories), this message last
        leaning = scores >= model.leaning
        count = leaning.sum(axis=0)
        already = {cat for cat, kind in _KINDS.items() if kind[0] in set(codes)}
        best, best_k = 0.0, -1
        for k, cat in enumerate(model.categories):
            if cat not in CONVERSATION_CODES or cat in already or not leaning[-1, k] or \
                    count[k] < _CONVERSATION_MIN:
                continue
            mean = float(scores[leaning[:, k], k].mean())
            s = max(0.5, _scaled(mean, float(model.thresholds[k])))
            if s > best:
                best, best_k = s, k
        span = _trimmed(post.text)
        if best_k < 0 or span is None:
            return []
        cat = model.categories[best_k]
        return [self.finding(
            CONVERSATION_CODES[cat], Category(cat), Severity.HIGH,
            f"{int(count[best_k])} of this author's last {len(window)} messages in the thread "
            f"read together as {_KINDS[cat][1]} (harm model, conversation)", score=best,
            start=span[0], end=span[1], suggestion=Suggestion(Action.REVIEW))]


def _author(post: Post) -> str:
    meta = post.metadata
    return str(meta.get("author", "unknown") if hasattr(meta, "get") else "unknown").lower()


def _trimmed(text: str) -> tuple[int, int] | None:
    s, e = 0, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


def _scaled(p: float, threshold: float) -> float:
    """The model's probability mapped so that its threshold is 0.5 and certainty 1.0."""
    if p >= threshold:
        return round(0.5 + 0.5 * (p - threshold) / max(1e-9, 1.0 - threshold), 4)
    return round(0.5 * p / max(1e-9, threshold), 4)
