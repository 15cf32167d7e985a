"""Inbound chat between peers (src/postguard/peer_inbound.py): a bare move to private messages
from a child or an unknown author is listed but allowed; from an adult or a stranger, with any
other grooming signal, and in every staff draft, it keeps its action."""

from __future__ import annotations

import pytest

import postguard
from postguard.model import Category, Finding, Post, Severity, Verdict
from postguard.peer_inbound import peer_inbound


def _inbound(author: str) -> dict[str, str]:
    return {"direction": "inbound", "author": author}


# (metadata, text, verdict, escalates): grooming and staff conduct that must still act.
POSITIVES = [
    (_inbound("stranger"), "add me on snap and message me there instead", "block", True),
    (_inbound("stranger"), "pm me when ur free", "block", True),
    (_inbound("parent"), "pm me about the bake sale rota", "block", True),
    (_inbound("unknown"), "pm me and dont tell your mum we talk", "block", True),
    (_inbound("unknown"), "dm me a pic of what you're wearing", "block", True),
    ({}, "DM me on my personal insta if you need help with revision", "block", False),
    ({"direction": "outbound", "author": "staff"}, "text me on my own phone tonight", "block",
     False),
]


@pytest.mark.parametrize(("meta", "text", "verdict", "escalates"), POSITIVES)
def test_grooming_and_staff_conduct_still_act(meta: dict[str, str], text: str, verdict: str,
                                              escalates: bool) -> None:
    report = postguard.screen(text, metadata=meta)
    assert report.verdict.value == verdict
    assert report.escalate is escalates


def test_a_staff_draft_with_kisses_keeps_its_finding() -> None:
    report = postguard.screen("See you all on Monday for the trip xx")
    kisses = [f for f in report.findings if f.category is Category.KISSES]
    assert kisses and all(f.action is Verdict.REVIEW for f in kisses)
    assert report.verdict is Verdict.REVIEW


# (author, text): peers' chat that is not grooming: allowed, nothing escalates.
TRAPS = [
    ("unknown", "anyone up for a chat? pm me"),
    ("unknown", "pm me if u like the same bands"),
    ("unknown", "haha ur such a flirt, pm me later"),
    ("unknown", "night everyone xx"),
    ("child", "dm me the maths answers lol"),
    ("child", "love u bestie xx"),
]


@pytest.mark.parametrize(("author", "text"), TRAPS)
def test_peers_chat_is_allowed(author: str, text: str) -> None:
    report = postguard.screen(text, metadata=_inbound(author))
    assert report.verdict is Verdict.ALLOW
    assert not report.escalate
    assert report.findings  # still listed for whoever reads the report


def _move(action: Verdict = Verdict.BLOCK) -> Finding:
    return Finding("PG451", "private_contact", Category.PRIVATE_CONTACT, Severity.HIGH, 0.9,
                   "m", start=0, end=5, action=action)


def _other(cat: Category, code: str) -> Finding:
    return Finding(code, "t", cat, Severity.HIGH, 0.9, "m", start=6, end=9,
                   action=Verdict.BLOCK)


@pytest.mark.parametrize(("meta", "others", "allowed"), [
    (_inbound("unknown"), [], True),
    (_inbound("child"), [], True),
    (_inbound("UNKNOWN"), [], True),
    ({"direction": "inbound"}, [], True),  # no author named: unknown
    (_inbound("stranger"), [], False),
    (_inbound("parent"), [], False),
    (_inbound("staff"), [], False),
    ({}, [], False),  # a draft
    ({"direction": "outbound", "author": "child"}, [], False),
    (_inbound("unknown"), [_other(Category.PRIVATE_CONTACT, "PG452")], False),  # secrecy
    (_inbound("child"), [_other(Category.SEXUAL_CONTENT, "PG431")], False),
    (_inbound("unknown"), [_other(Category.OVER_FAMILIAR, "PG443")], False),
    (_inbound("unknown"), [_other(Category.PRIVATE_CONTACT, "PG701")], False),
    (_inbound("unknown"), [_other(Category.PROFANITY, "PG421")], True),  # not grooming
])
def test_which_moves_are_allowed(meta: dict[str, str], others: list[Finding],
                                 allowed: bool) -> None:
    out = peer_inbound(Post("pm me ...", metadata=meta), [_move(), *others])
    move = next(f for f in out if f.code == "PG451")
    assert (move.action is Verdict.ALLOW) is allowed
    assert [f.action for f in out if f.code != "PG451"] == [f.action for f in others]


def test_an_allowed_grooming_finding_beside_it_does_not_count() -> None:
    quiet = Finding("PG441", "t", Category.OVER_FAMILIAR, Severity.LOW, 0.9, "m",
                    action=Verdict.ALLOW)
    out = peer_inbound(Post("x", metadata=_inbound("child")), [_move(), quiet])
    assert out[0].action is Verdict.ALLOW
