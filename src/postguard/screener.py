"""The Screener: runs the policy's detectors on a post and turns findings into a report.

It orchestrates only: detectors find, `policy` decides actions, `redaction` edits text,
`escalation` combines findings. A detector that raises or breaks its contract becomes a
`detector_error` finding, so a failure is never a silent pass.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from . import escalation
from .detectors.base import Detector
from .errors import ConfigurationError, PluginError, ScreeningTimeout
from .limits import MAX_TEXT_BYTES, check_text_size
from .model import (
    Action,
    Category,
    ErrorEntry,
    Finding,
    Post,
    Report,
    Severity,
    Suggestion,
    Verdict,
    strongest,
)
from .peer_inbound import peer_inbound
from .policy import Policy
from .policy_schema import check_detector_names, check_sections
from .redaction import redact_text
from .registry import DetectorRegistry

log = logging.getLogger(__name__)

PolicyLike = Policy | str | os.PathLike[str] | Mapping[str, Any] | None


def _as_policy(policy: PolicyLike) -> Policy:
    if policy is None:
        return Policy.default()
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, Mapping):
        return Policy.from_dict(policy)
    return Policy.load(policy)


def _contract_error(detector: str, why: str, source: str = "text") -> Finding:
    return Finding(
        code="PG001",
        detector=detector,
        category=Category.DETECTOR_ERROR,
        severity=Severity.HIGH,
        score=1.0,
        message=f"detector '{detector}' failed: {why}",
        source=source,
        suggestion=Suggestion(Action.REVIEW),
    )


class Screener:
    """Screens posts against a policy. Build one and reuse it: detectors load once."""

    def __init__(
        self,
        policy: PolicyLike = None,
        *,
        registry: DetectorRegistry | None = None,
        detectors: Sequence[str] | None = None,
        max_text_bytes: int | None = MAX_TEXT_BYTES,
    ) -> None:
        self.policy = _as_policy(policy)
        # Longer texts raise InputError (postguard.limits); None lifts the limit.
        self.max_text_bytes = max_text_bytes
        self.registry = registry or DetectorRegistry()
        available = self.registry.names()
        check_sections(self.policy.raw, self.policy.source, available,
                       self.registry.builtin_names())
        check_detector_names(self.policy.source, {"enabled": self.policy.enabled or (),
                                                  "disabled": self.policy.disabled}, available)
        wanted = list(detectors) if detectors is not None else (
            list(self.policy.enabled) if self.policy.enabled is not None else available
        )
        unknown = [n for n in [*wanted, *self.policy.disabled] if n not in available]
        if unknown:
            raise ConfigurationError(
                f"unknown detector {', '.join(repr(n) for n in unknown)}; "
                f"available: {', '.join(available)}"
            )
        self.detector_names: tuple[str, ...] = tuple(
            n for n in wanted if n not in self.policy.disabled
        )
        self._detectors: list[Detector] | None = None
        self._text_detectors: list[Detector] = []

    @property
    def detectors(self) -> list[Detector]:
        if self._detectors is None:
            self._detectors = [self.registry.get(n)(self.policy) for n in self.detector_names]
            # Optional hook: a detector that needs the others (the image detectors run the
            # text detectors on OCR text) gets the Screener once, after all are built.
            for det in self._detectors:
                bind = getattr(det, "bind", None)
                if callable(bind):
                    bind(self)
            # A post without photos skips the image detectors (they would find nothing).
            self._text_detectors = [d for d in self._detectors
                                    if not getattr(d, "is_image_detector", False)]
        return self._detectors

    # -- screening ---------------------------------------------------------------------
    def screen(
        self,
        post: Post | str,
        *,
        images: Iterable[Any] = (),
        metadata: Mapping[str, Any] | None = None,
        id: str | None = None,
        deadline: float | None = None,
    ) -> Report:
        """The report of one post. `deadline` (a `time.monotonic()` value): past it, the
        screening stops before the next detector with `ScreeningTimeout` (the service's
        per-request time limit), rather than running on for a client that has gone."""
        if isinstance(post, str):
            post = Post(text=post, images=tuple(images), id=id, metadata=dict(metadata or {}))
        elif not isinstance(post, Post):
            raise TypeError(f"screen() takes a Post or a str, not {type(post).__name__}")
        check_text_size(post.text, self.max_text_bytes, post_id=post.id)
        findings: list[Finding] = []
        errors: list[ErrorEntry] = []
        dets = self.detectors if post.images else self._text_detectors or self.detectors
        for det in dets:
            if deadline is not None and time.monotonic() > deadline:
                raise ScreeningTimeout(f"screening of post {post.id!r} stopped at its time "
                                       f"limit, before detector '{det.name}'")
            findings.extend(self._run(det, post, errors))
        return self.report(post, findings, errors)

    def screen_many(self, posts: Iterable[Post | str], *, chunk: int = 256) -> Iterator[Report]:
        """Screen posts in input order, one report each; the reports are the same as
        `screen`'s. A detector that can work on many posts at once (a plugin defining
        `detect_many`) sees up to `chunk` posts per call; the image detectors go post by post,
        sharing each post's decoded images. (The built-in name model is fastest per window and
        defines no `detect_many`.)"""
        buf: list[Post] = []
        for post in posts:
            buf.append(Post(text=post) if isinstance(post, str) else post)
            if len(buf) >= chunk:
                yield from self._screen_chunk(buf)
                buf = []
        if buf:
            yield from self._screen_chunk(buf)

    def _screen_chunk(self, posts: list[Post]) -> list[Report]:
        for post in posts:
            if not isinstance(post, Post):
                raise TypeError(f"screen_many() takes Posts or strs, not {type(post).__name__}")
            check_text_size(post.text, self.max_text_bytes, post_id=post.id)
        dets = self.detectors
        if not any(callable(getattr(d, "detect_many", None)) for d in dets):
            return [self.screen(p) for p in posts]  # nothing to batch: post by post
        # Per post and detector, so each report lists findings and errors in the same order
        # as `screen` gives them.
        found: list[list[list[Finding]]] = [[[] for _ in dets] for _ in posts]
        errors: list[list[list[ErrorEntry]]] = [[[] for _ in dets] for _ in posts]
        for k, det in enumerate(dets):
            if getattr(det, "is_image_detector", False):
                continue
            many = getattr(det, "detect_many", None)
            results: list[list[Finding]] | None = None
            if callable(many) and len(posts) > 1:
                try:
                    results = [list(r) for r in many(posts)]
                except Exception:  # run post by post, so the failure is pinned to its post
                    log.debug("detector %s detect_many raised; running per post", det.name,
                              exc_info=True)
                if results is not None and len(results) != len(posts):
                    log.warning("detector %s detect_many returned %d results for %d posts",
                                det.name, len(results), len(posts))
                    results = None
            for i, post in enumerate(posts):
                if results is None:
                    found[i][k] = self._run(det, post, errors[i][k])
                else:
                    found[i][k] = self._checked(det, post, results[i], errors[i][k])
        # Image detectors go post by post: they share one decoded image and one OCR per
        # attachment, which holds only the post being screened.
        imaging = [(k, d) for k, d in enumerate(dets) if getattr(d, "is_image_detector", False)]
        for i, post in enumerate(posts):
            for k, det in imaging if post.images else ():
                found[i][k] = self._run(det, post, errors[i][k])
        return [self.report(p, [f for fs in f_ for f in fs], [e for es in e_ for e in es])
                for p, f_, e_ in zip(posts, found, errors, strict=True)]

    def _run(self, det: Detector, post: Post, errors: list[ErrorEntry]) -> list[Finding]:
        try:
            produced = list(det.detect(post))
        except Exception as exc:  # fail closed, and say which detector
            log.warning("detector %s raised %s on post %s", det.name, type(exc).__name__, post.id)
            log.debug("detector %s traceback", det.name, exc_info=True)
            return [_contract_error(det.name, f"{type(exc).__name__} raised")]
        return self._checked(det, post, produced, errors) if produced else produced

    def _checked(self, det: Detector, post: Post, produced: Iterable[object],
                 errors: list[ErrorEntry]) -> list[Finding]:
        """The findings that keep the contract; each breach becomes a detector_error."""
        out: list[Finding] = []
        for f in produced:
            problem = self._contract_problem(det, post, f)
            if problem or not isinstance(f, Finding):
                log.warning("detector %s broke its contract: %s", det.name, problem)
                out.append(_contract_error(det.name, problem or "not a Finding"))
            else:
                out.append(f)
        # Errors a detector reports as findings (PG002) are also listed as report errors.
        for f in out:
            if f.code == "PG002":
                errors.append(ErrorEntry(f.source, "unreadable", f.message))
        return out

    @staticmethod
    def _contract_problem(det: Detector, post: Post, f: object) -> str | None:
        if not isinstance(f, Finding):
            return f"returned a {type(f).__name__}, not a Finding"
        delegated = getattr(det, "delegated_codes", None)  # codes of detectors it runs
        if f.code not in det.codes and f.code not in ("PG001", "PG002") and not (
            callable(delegated) and f.code in delegated()
        ):
            return f"emitted code {f.code} it does not declare"
        if not isinstance(f.category, Category):
            return "emitted a category outside the vocabulary"
        if f.source == "text":
            if (f.start is None) != (f.end is None):
                return "gave a span with only one end"
            if f.start is not None and f.end is not None and not (
                0 <= f.start < f.end <= len(post.text)
            ):
                return f"gave a span {f.start}..{f.end} outside the text (length {len(post.text)})"
        if not 0.0 <= f.score <= 1.0:
            return f"gave a score {f.score} outside 0..1"
        return None

    def report(
        self, post: Post, findings: Iterable[Finding], errors: Iterable[ErrorEntry] = ()
    ) -> Report:
        """Apply the policy to raw findings: thresholds, escalation, actions, redaction."""
        policy = self.policy
        kept = [f for f in findings if f.score >= policy.threshold_for(f.category)
                or f.category is Category.DETECTOR_ERROR]
        errs = tuple(errors)
        if not kept and not errs and type(post.metadata) is dict:
            # Nothing found (most posts): what the steps below give for no findings, without
            # running them (they read the metadata, which a dict always lets them).
            return Report(id=post.id, verdict=Verdict.ALLOW, findings=(),
                          redacted_text=post.text, errors=(), escalate=False,
                          escalation=None)
        return self._decided(post, kept, errs)

    def _decided(self, post: Post, kept: list[Finding], errs: tuple[ErrorEntry, ...]
                 ) -> Report:
        """The report of the findings `kept` (above their thresholds) and errors `errs`."""
        policy = self.policy
        kept = escalation.escalate(post, _dedupe(kept))
        decided = peer_inbound(post, escalation.inbound_tone(post, escalation.child_overshare(
            post, [f.with_action(policy.action_for(f.category, f.severity)) for f in kept])))
        decided.sort(key=lambda f: (f.source != "text", f.source, f.start or 0, f.end or 0,
                                    f.category.value))
        verdict = strongest(f.action for f in decided if f.action is not None)
        if errs and verdict is Verdict.ALLOW:
            verdict = Verdict.REVIEW
        why = escalation.lead_escalation(post, decided)
        return Report(
            id=post.id,
            verdict=verdict,
            findings=tuple(decided),
            redacted_text=redact_text(post.text, decided),
            errors=errs,
            escalate=why is not None,
            escalation=why,
        )


# Detectors whose span and code are a learned model's guess: on an exact repeat of equal
# severity, a lexicon's finding (its specific code, e.g. PG463 "kys", which escalates) is kept.
_GUESSING_DETECTORS = frozenset({"harm"})


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop exact repeats (same category, source and span), keeping the strongest (on equal
    severity, a lexicon's finding before a learned model's, then the higher score)."""
    best: dict[tuple[Any, ...], Finding] = {}
    order = {Severity.LOW: 0, Severity.MEDIUM: 1, Severity.HIGH: 2}
    for f in findings:
        if f.start is None:
            key: tuple[Any, ...] = (id(f),)
        else:
            key = (f.category, f.source, f.start, f.end, f.time)  # time: a video's frame
        cur = best.get(key)
        if cur is None or (
                order[f.severity], f.detector not in _GUESSING_DETECTORS, f.score) > (
                order[cur.severity], cur.detector not in _GUESSING_DETECTORS, cur.score):
            best[key] = f
    return list(best.values())


_default: Screener | None = None


def screen(
    text: str = "",
    *,
    images: Iterable[Any] = (),
    metadata: Mapping[str, Any] | None = None,
    id: str | None = None,
    policy: PolicyLike = None,
) -> Report:
    """Screen one draft with the default policy (or `policy`). Reuses one Screener."""
    global _default
    if policy is not None:
        return Screener(policy).screen(text, images=images, metadata=metadata, id=id)
    if _default is None:
        _default = Screener()
    return _default.screen(text, images=images, metadata=metadata, id=id)


__all__ = ["Screener", "screen", "PluginError"]
