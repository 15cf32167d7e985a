"""Telling someone to kill or hurt themselves (insults PG463: "kys", "go kill yourself") blocks
and escalates to the safeguarding lead, whoever wrote it; on an exact repeat of one span the
lexicon's specific code is kept before the harm model's guess (so a bare "kys" keeps PG463).
Fresh wording written for these tests, with traps."""

from __future__ import annotations

import functools

import pytest

from postguard import Screener, Verdict
from postguard.model import Category, Finding, Severity
from postguard.screener import _dedupe


@functools.cache
def _screener() -> Screener:
    return Screener()


WISHED_DEAD = [
    ("kys", {"direction": "inbound", "author": "child"}),
    ("KYS", {}),
    ("honestly just kys already", {"direction": "inbound", "author": "stranger"}),
    ("go and kill yourself, freak", {"direction": "inbound", "author": "child"}),
    ("nobody will miss u when ur gone", {"direction": "inbound", "author": "child"}),
    ("hope u get hit by a bus tbh", {}),
]


@pytest.mark.parametrize(("text", "meta"), WISHED_DEAD)
def test_wishing_someone_dead_blocks_and_escalates(text: str, meta: dict[str, str]) -> None:
    report = _screener().screen(text, metadata=meta)
    assert report.verdict is Verdict.BLOCK
    assert report.escalate and report.escalation


@pytest.mark.parametrize("text", [
    "You killed it in the concert, so proud!",
    "That maths test nearly killed me haha",
    "Drop dead gorgeous cakes at the stall on Friday.",
    "Keys are at reception if you lose yours.",
])
def test_everyday_killing_it_does_not_escalate(text: str) -> None:
    report = _screener().screen(text, metadata={"direction": "inbound", "author": "child"})
    assert not report.escalate


def test_a_bare_kys_keeps_the_lexicons_code() -> None:
    report = _screener().screen("kys")
    assert "PG463" in {f.code for f in report.findings}


def _finding(detector: str, code: str, score: float, severity: Severity) -> Finding:
    return Finding(detector=detector, code=code, category=Category.BULLYING, severity=severity,
                   message="m", score=score, start=0, end=3)


def test_dedupe_prefers_a_lexicon_finding_of_equal_severity() -> None:
    model = _finding("harm", "PG704", 0.99, Severity.HIGH)
    lexicon = _finding("insults", "PG463", 0.95, Severity.HIGH)
    assert [f.code for f in _dedupe([model, lexicon])] == ["PG463"]
    assert [f.code for f in _dedupe([lexicon, model])] == ["PG463"]
    # a stronger severity still wins, whoever found it
    weaker = _finding("insults", "PG462", 0.95, Severity.MEDIUM)
    assert [f.code for f in _dedupe([weaker, model])] == ["PG704"]
