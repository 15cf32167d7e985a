"""Invariants of the whole default pipeline, checked with hypothesis."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import postguard
from postguard import Report

_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])

SENSITIVE = [
    "07911 123456", "+44 7911 123456", "020 7946 0123", "jo.bloggs@gmail.com",
    "amy.b@stmarys.sch.uk", "BN2 4GH", "SW1A 1AA",
]
FILLER = st.sampled_from([
    "Well done", "to Year 9", "for a great trip", "to the museum.", "Call", "or email",
    "today", "😀", "الطلاب", "Ελλάδα", "学生", "x", "Room B12", "£12.50", "3-2", "2024",
    "on 12/05/2024", "at 10:30", "\u200b", "e\u0301", "\n", "Sussex", "B2 level",
])


@_SETTINGS
@given(st.text())
def test_screen_never_raises_and_spans_lie_inside(text: str) -> None:
    report = postguard.screen(text)
    for f in report.findings:
        if f.source == "text" and f.start is not None:
            assert f.end is not None and 0 <= f.start < f.end <= len(text)
    assert isinstance(report.redacted_text, str)


@_SETTINGS
@given(st.text())
def test_report_round_trips_through_json(text: str) -> None:
    report = postguard.screen(text, id="p")
    data = json.loads(json.dumps(report.to_dict()))
    assert Report.from_dict(data) == report


@_SETTINGS
@given(st.lists(st.one_of(FILLER, st.sampled_from(SENSITIVE)), min_size=1, max_size=12))
def test_redaction_leaves_no_sensitive_value(parts: list[str]) -> None:
    text = " ".join(parts)
    report = postguard.screen(text)
    for value in SENSITIVE:
        if value in parts:
            assert value not in report.redacted_text
            assert report.verdict.value == "block"


# Issue 13's bad input through the whole pipeline: any script, mixed scripts, right-to-left
# text and marks, combining marks, full-width digits. A value planted between spaces is found
# exactly where it stands, in any of them, and redacted.
_AROUND = st.lists(st.sampled_from([
    "hello", "Привет", "Ελλάδα", "مرحبا", "الطلاب", "שלום", "学生", "今日は", "학교", "नमस्ते",
    "สวัสดี", "İstanbul", "straße", "ǅemal", "ﬁne", "😀", "👨\u200d👩\u200d👧", "🇬🇧",
    "e\u0301", "a\u0308\u0323", "n\u0303\u0303\u0303", "\u200f", "\u200e", "\u202e", "\u2067",
    "\u200b", "\ufeff", "１２３", "２０１３年５月３日", "ＡＢＣ", "\u3000", "。", "،", "\n",
]), max_size=10).map(" ".join)
_PLANTED = st.sampled_from([
    ("phone", "07911 123456"), ("phone", "+44 7911 123456"), ("phone", "０７９１１ １２３４５６"),
    ("email", "jo.bloggs@gmail.com"), ("address", "BN2 4GH"),
])


@_SETTINGS
@given(before=_AROUND, planted=_PLANTED, after=_AROUND)
def test_a_value_is_found_where_it_stands_in_any_script(before: str, planted: tuple[str, str],
                                                        after: str) -> None:
    category, value = planted
    text = f"{before} Call me on {value} {after}"
    at = len(before) + len(" Call me on ")
    report = postguard.screen(text)
    spans = [(f.start, f.end) for f in report.findings
             if f.category.value == category and f.source == "text"]
    assert (at, at + len(value)) in spans
    assert value not in report.redacted_text
    for f in report.findings:
        if f.source == "text" and f.start is not None and f.end is not None:
            assert 0 <= f.start < f.end <= len(text)
