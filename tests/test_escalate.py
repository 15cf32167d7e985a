"""The report's `escalate` / `escalation` fields: when the designated safeguarding lead must
see a post now (DESIGN.md)."""

from __future__ import annotations

import json

import pytest

import postguard
from postguard.escalation import lead_escalation
from postguard.model import Category, Finding, Post, Report, Severity, Verdict


def _finding(cat: Category, code: str = "PG999") -> Finding:
    return Finding(code, "t", cat, Severity.HIGH, 0.9, "m", action=Verdict.BLOCK)


@pytest.mark.parametrize("cat", [Category.DISCLOSURE, Category.SELF_HARM, Category.EXTREMISM])
def test_disclosure_self_harm_extremism_escalate_from_anyone(cat: Category) -> None:
    why = lead_escalation(Post("x"), [_finding(cat)])
    assert why is not None


@pytest.mark.parametrize("cat", [Category.PHONE, Category.PROFANITY, Category.BULLYING,
                                 Category.VIOLENCE, Category.KISSES])
def test_other_categories_alone_do_not_escalate(cat: Category) -> None:
    assert lead_escalation(Post("x"), [_finding(cat)]) is None


def test_allowed_findings_do_not_escalate() -> None:
    f = Finding("PG999", "t", Category.SELF_HARM, Severity.LOW, 0.9, "m", action=Verdict.ALLOW)
    assert lead_escalation(Post("x"), [f]) is None


@pytest.mark.parametrize(("author", "escalates"), [
    ("stranger", True), ("parent", True), ("unknown", True), ("staff", True), ("child", False),
])
def test_inbound_private_contact_escalates_from_adults(author: str, escalates: bool) -> None:
    post = Post("x", metadata={"direction": "inbound", "author": author})
    why = lead_escalation(post, [_finding(Category.PRIVATE_CONTACT, "PG451")])
    assert (why is not None) is escalates


def test_secrecy_in_a_draft_escalates_end_to_end() -> None:
    report = postguard.screen("Don't tell your parents about this, it's our little secret")
    assert report.verdict is Verdict.BLOCK
    assert report.escalate and report.escalation


def test_a_notice_does_not_escalate() -> None:
    report = postguard.screen("Well done to Year 9 for a brilliant trip to the Science Museum!")
    assert not report.escalate and report.escalation is None


def test_escalation_round_trips_through_json() -> None:
    r = Report("p1", Verdict.BLOCK, (_finding(Category.DISCLOSURE),), "", (), True, "why")
    data = json.loads(json.dumps(r.to_dict()))
    assert data["escalate"] is True and data["escalation"] == "why"
    back = Report.from_dict(data)
    assert back.escalate and back.escalation == "why"


def test_video_time_round_trips_and_is_absent_for_photos() -> None:
    f = Finding("PG999", "t", Category.PHONE, Severity.HIGH, 0.9, "m", source="image:1",
                box=(1, 2, 3, 4), time=2.5)
    assert f.to_dict()["time"] == 2.5
    assert Finding.from_dict(f.to_dict()).time == 2.5
    assert "time" not in _finding(Category.PHONE).to_dict()
    assert f.with_action(Verdict.BLOCK).time == 2.5


@pytest.mark.parametrize(("meta", "verdict"), [
    ({"direction": "inbound", "author": "child"}, Verdict.REVIEW),
    ({"direction": "inbound", "author": "stranger"}, Verdict.BLOCK),
    ({"direction": "outbound", "author": "child"}, Verdict.BLOCK),
    ({}, Verdict.BLOCK),
])
def test_a_child_sharing_their_own_number_is_an_overshare(meta: dict[str, str],
                                                          verdict: Verdict) -> None:
    report = postguard.screen("my number is 07911 123456 if anyone needs it", metadata=meta)
    phones = [f for f in report.findings if f.category is Category.PHONE]
    assert phones and report.verdict is verdict
    assert ("follow up" in phones[0].message) is (verdict is Verdict.REVIEW)
    assert "07911" not in report.redacted_text  # hidden either way


def test_cli_text_says_escalate(tmp_path: object) -> None:
    import io

    from postguard.cli import main

    out = io.StringIO()
    import pathlib
    draft = pathlib.Path(str(tmp_path)) / "d.txt"
    draft.write_text("Don't tell your parents about this, it's our little secret",
                     encoding="utf-8")
    assert main(["scan", str(draft)], out=out) == 1
    assert "ESCALATE to the designated safeguarding lead now:" in out.getvalue()
    out = io.StringIO()
    draft.write_text("See you all at sports day!", encoding="utf-8")
    assert main(["scan", str(draft)], out=out) == 0
    assert "ESCALATE" not in out.getvalue()


@pytest.mark.parametrize(("meta", "acts"), [
    ({"direction": "inbound", "author": "child"}, False),
    ({"direction": "inbound", "author": "parent"}, False),
    ({"direction": "inbound", "author": "staff"}, True),
    ({"direction": "outbound"}, True),
    ({}, True),
])
def test_kisses_and_slang_bind_staff_not_people_writing_in(meta: dict[str, str],
                                                           acts: bool) -> None:
    report = postguard.screen("lol see u at the match, gr8 game xx", metadata=meta)
    tone = [f for f in report.findings if f.category in (Category.SLANG, Category.KISSES)]
    assert tone  # still listed either way
    assert any(f.action is not Verdict.ALLOW for f in tone) is acts
    assert (report.verdict is Verdict.ALLOW) is (not acts)


def test_inbound_harm_still_acts() -> None:
    report = postguard.screen("omg lol dont tell ur parents about our chats xx",
                              metadata={"direction": "inbound", "author": "stranger"})
    assert report.verdict is Verdict.BLOCK and report.escalate


def test_over_familiar_alone_from_an_inbound_adult_does_not_escalate() -> None:
    post = Post("x", metadata={"direction": "inbound", "author": "parent"})
    assert lead_escalation(post, [_finding(Category.OVER_FAMILIAR, "PG441")]) is None
    assert lead_escalation(post, [_finding(Category.OVER_FAMILIAR, "PG443")]) is not None
