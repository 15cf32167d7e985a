"""Issue 14: the report step of a long post full of places and first names is linear, and the
faster paths give what the straightforward rules give: a place's sentence found by binary
search with the post's spans collected once (`escalation._first_name_near`), and meeting ids
and passcodes inside a link told by a span index (`meetings.patterns.scan`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from linear import assert_linear

import postguard
from postguard import escalation
from postguard.detectors.meetings.patterns import MEETING_ID, PASSCODE, scan
from postguard.detectors.names.first_names import child_first_names, sentences
from postguard.model import Category, Finding, Post, Severity

_PIECES = ["Priya", "Tom", "Grace", "Jun's", "Mrs Shah", "from", "Headingley", "Hove Park",
           "the park", "walks", "home", "with", "host", "family", "in", "Leeds", ".", "!",
           "\n", "Best wishes,", "Sarah", "May", "Harry Potter", "every", "Tuesday"]


def _reference_first_name_near(text: str, f: Finding, findings: list[Finding]) -> bool:
    """The rule as first written: every sentence read for every finding, every span."""
    taken = [(g.start, g.end) for g in findings
             if g.source == "text" and g.start is not None and g.end is not None]
    if f.source != "text" or f.start is None or f.end is None:
        return False
    for s, e in sentences(text):
        if s <= f.start < e or (s < f.end <= e):
            return bool(child_first_names(text, s, max(e, f.end), taken))
    return False


@st.composite
def _posts(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    text = " ".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40)))
    found = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 30)))
        found.append(Finding("PG999", "t", draw(st.sampled_from(
            [Category.LOCATION, Category.PERSON_NAME, Category.SCHOOL])), Severity.MEDIUM,
            0.9, "m", start=start, end=end))
    return text, found


@settings(max_examples=300, deadline=None)
@given(_posts())
def test_first_name_near_keeps_the_rule(post: tuple[str, list[Finding]]) -> None:
    text, found = post
    read = escalation._Sentences(text, found)
    for f in found:
        want = _reference_first_name_near(text, f, found)
        assert escalation._first_name_near(text, f, found, read=read) == want
        assert escalation._first_name_near(text, f, found) == want


def test_first_name_near_table() -> None:
    text = "Priya walks home from Headingley. The choir meets in Leeds.\nBest wishes,\nSarah"
    place_one = Finding("PG999", "t", Category.LOCATION, Severity.MEDIUM, 0.9, "m",
                        start=text.index("Headingley"), end=text.index("Headingley") + 10)
    place_two = Finding("PG999", "t", Category.LOCATION, Severity.MEDIUM, 0.9, "m",
                        start=text.index("Leeds"), end=text.index("Leeds") + 5)
    found = [place_one, place_two]
    assert escalation._first_name_near(text, place_one, found)  # Priya, same sentence
    assert not escalation._first_name_near(text, place_two, found)  # no child named there
    # a name another finding already holds is not a child's first name
    held = Finding("PG999", "t", Category.PERSON_NAME, Severity.MEDIUM, 0.9, "m", start=0, end=5)
    assert not escalation._first_name_near(text, place_one, [*found, held])


def test_report_of_places_and_names_grows_linearly() -> None:
    # A place next to a child's first name in every sentence: each place's sentence was
    # found by reading the post from its start, and each candidate name compared with every
    # finding (1 MB of such text took 5 s in the report step alone).
    screener = postguard.Screener(max_text_bytes=None)
    unit = "Priya walks home from Headingley with Tom. "

    def report(n: int) -> None:
        text = unit * n
        found = []
        for i in range(n):
            s = len(unit) * i + unit.index("Headingley")
            found.append(Finding("PG999", "t", Category.LOCATION, Severity.MEDIUM, 0.9, "m",
                                 start=s, end=s + 10))
        got = screener.report(Post(text=text), found)
        assert all(f.severity is Severity.HIGH for f in got.findings)

    assert_linear(report, 150, 1500, repeats=1, slack=0.3)


def test_codes_inside_links_are_part_of_the_link() -> None:
    link = "https://us02web.zoom.us/j/81234567890?pwd=Ab12Cd"
    text = (f"Join {link} now. Meeting ID: 812 3456 7890, passcode: 4471xy. "
            f"Also {link}.\nMeeting ID: 998 7654 3210")
    kinds = [(m.kind, text[m.start:m.end]) for m in scan(text)]
    assert [k for k, _ in kinds].count("link") == 2
    assert (MEETING_ID, "Meeting ID: 812 3456 7890") in kinds
    assert (MEETING_ID, "Meeting ID: 998 7654 3210") in kinds
    assert any(k == PASSCODE and "4471xy" in s for k, s in kinds)
    # the id and passcode inside the links are not reported a second time
    assert not any(k != "link" and "81234567890" in s for k, s in kinds)
    assert not any(k == PASSCODE and "Ab12Cd" in s for k, s in kinds)


@given(st.sampled_from(["zoom.us", "teams.microsoft.com", "meet.google.com"]))
def test_a_host_without_a_path_is_no_link(host: str) -> None:
    # the one search for any host decides whether the providers' patterns run at all
    assert [m.kind for m in scan(f"Our {host} room: Meeting ID: 812 3456 7890 passcode: "
                                 "4471xy")] == [MEETING_ID, PASSCODE]
    assert [m.kind for m in scan("see zoom.us/j/81234567890 today")] == ["link"]


_NOTHING = [
    Post(text="Well done to everyone in Year 6!"),
    Post(text="", metadata={}),
    Post(text="hi miss", metadata={"direction": "inbound", "author": "child"}),
    Post(text="see you at 3", metadata={"direction": "inbound", "author": "stranger",
                                        "thread": "t1"}),
    Post(text="Sports day photos", metadata={"direction": "outbound", "author": "staff"},
         images=(b"not an image",)),
]


def test_a_post_with_nothing_found_reports_what_the_full_steps_give() -> None:
    """The report of a post with no finding above its threshold (most posts) skips the
    escalation and redaction steps: the same report as running them; a finding below its
    threshold, or an error, still goes through them."""
    screener = postguard.Screener()
    below = Finding(code="PG411", detector="slang", category=Category.SLANG,
                    severity=Severity.LOW, score=0.01, message="m", start=0, end=2)
    for post in _NOTHING:
        want = screener._decided(post, [], ())
        assert screener.report(post, []) == want
        assert screener.report(post, [below]) == want
        assert want.verdict.value == "allow" and want.redacted_text == post.text
    error = postguard.model.ErrorEntry("image 1", "unreadable", "cannot read it")
    with_error = screener.report(_NOTHING[0], [], [error])
    assert with_error.verdict.value == "review" and with_error.errors == (error,)
