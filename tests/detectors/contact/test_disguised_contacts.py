"""Contact details that slipped through a blind held-out set, and their traps.

Phone: letter O typed for zero inside digit groups, number words with hyphens, a UK mobile
read out without its leading 0 next to a cue, a drama-range mobile after a price, a time or a
reference word that has its own number. Email: spaces around "@" and the dots, "dot" between
the words of the local part. Social: usernames after a platform cue, Discord tags, and the
false alarms (template placeholders, the organisation's own page, a plain word after a cue).
Table-driven: one row a draft, with exactly what must be found in it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.base import TextDetector
from postguard.detectors.contact import EmailDetector, PhoneDetector, SocialHandleDetector
from postguard.policy import Policy

DEFAULT = Policy.default()
PHONE = PhoneDetector(DEFAULT)
EMAIL = EmailDetector(DEFAULT)
HANDLE = SocialHandleDetector(DEFAULT)


def found(detector: TextDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


PHONE_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # letter O for zero inside a digit group
    ("Text me on 07700 9OO 123 after school", [("PG102", "07700 9OO 123")]),
    ("Call O7700 900123 for details", [("PG102", "O7700 900123")]),
    ("Ring 0113 4960 O12 to book", [("PG101", "0113 4960 O12")]),
    ("my mob is 07700 9oo 581", [("PG102", "07700 9oo 581")]),
    # number words with hyphens
    ("My number is oh seven seven double-oh nine double-oh one two three",
     [("PG102", "oh seven seven double-oh nine double-oh one two three")]),
    # a UK mobile read out without its 0: ten digits from "seven", next to a contact cue
    ("text me: seven seven double-oh nine hundred, one two three",
     [("PG102", "seven seven double-oh nine hundred, one two three")]),
    ("call me seven seven double-oh, nine double-oh, one two three",
     [("PG102", "seven seven double-oh, nine double-oh, one two three")]),
    # a drama-range mobile in the contexts that hid it
    ("ring 07700 900 581", [("PG102", "07700 900 581")]),
    ("Any questions? Ring me on 07700 900 581", [("PG102", "07700 900 581")]),
    ("mob: 07700 900 581", [("PG102", "07700 900 581")]),
    ("Any questions (07700 900 581) just ask", [("PG102", "07700 900 581")]),
    ("Any questions \u2014 07700 900 581", [("PG102", "07700 900 581")]),
    ("Get in touch if you can help\n07700 900 581", [("PG102", "07700 900 581")]),
    ("Call me 07700 900 581\nThanks all", [("PG102", "07700 900 581")]),
    ("Tickets \u00a35 - 07700 900 581", [("PG102", "07700 900 581")]),
    ("Tickets \u00a35 \u2014 07700 900 581", [("PG102", "07700 900 581")]),
    ("Disco starts 6pm: 07700 900 581", [("PG102", "07700 900 581")]),
    ("Room 12 - 07700 900 581", [("PG102", "07700 900 581")]),
    ("Tickets 07700 900 581", [("PG102", "07700 900 581")]),
    ("Bring photo ID. Questions: 01632 960 123", [("PG102", "01632 960 123")]),
    # traps: order and serial numbers with O, rooms, times, scores, counting
    ("Order 0O7 1234 5678 arrived", []),
    ("Order O7700 900123", []),
    ("Room 0O7 is free", []),
    ("Serial SN 07O0 9001 2345", []),
    ("Serial no. SN-07O0-9001-2345", []),
    ("Open 07:00-09:00 and 16:00-18:00", []),
    ("Lesson times 09:00-10:00, 10:OO-11:00", []),
    ("Final score 2-0, 3-O, 1-1", []),
    ("Our 1OO% record since 2OO9!", []),
    ("Code 1OO 2OO 3OO 4OO", []),
    ("We counted seven seven double oh nine hundred one two three stones", []),
    ("seven seven double-oh nine hundred, one two three", []),  # no cue: not a number
    ("call: seven seven zero zero nine zero zero one two three four", []),  # eleven digits
    ("Order no. 0123 4567", []),
    ("Ref. 01632 960123", []),
    ("Policy No. 12345678", []),
    ("ISBN 978-0-12-345678-9", []),
    ("Tickets \u00a35-07700 900 581", [("PG102", "07700 900 581")]),
    ("Back by 18:00-07700 900 581", [("PG102", "07700 900 581")]),
]


@pytest.mark.parametrize(("text", "expected"), PHONE_CASES, ids=[c[0][:40] for c in PHONE_CASES])
def test_phone(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(PHONE, text) == expected


EMAIL_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("email sam.jones @ gmail . com for info", [("PG112", "sam.jones @ gmail . com")]),
    ("email sam.jones @gmail. com", [("PG112", "sam.jones @gmail. com")]),
    ("email sam.jones@ gmail.com", [("PG112", "sam.jones@ gmail.com")]),
    ("sam.jones@gmail .com", [("PG112", "sam.jones@gmail .com")]),
    ("sam @ gmail . com", [("PG112", "sam @ gmail . com")]),
    ("sam.b @ hotmail . it", [("PG112", "sam.b @ hotmail . it")]),
    ("sam.jones @ gmail . co . uk please", [("PG112", "sam.jones @ gmail . co . uk")]),
    ("write to sam dot jones at outlook dot com",
     [("PG112", "sam dot jones at outlook dot com")]),
    ("sam (dot) jones (at) outlook (dot) com",
     [("PG112", "sam (dot) jones (at) outlook (dot) com")]),
    ("sam.jones@gmail.com", [("PG111", "sam.jones@gmail.com")]),
    ("sam.jones at gmail . com", [("PG112", "sam.jones at gmail . com")]),
    ("sam . jones @ gmail . com", [("PG112", "sam . jones @ gmail . com")]),
    ("SAM.JONES @ GMAIL . COM", [("PG112", "SAM.JONES @ GMAIL . COM")]),
    # traps: "@" as "at" before a time, a price, a place; a sentence after a dot
    ("Meet @ 5pm. Come early", []),
    ("prices @ \u00a33. Com sale", []),
    ("See you @ 3 . com-munity hall", []),
    ("Lunch @ noon. Coffee after", []),
    ("Results @ school. com", []),
    ("The team @ work . Com on!", []),
    ("Thanks Mrs.Jones @ home. me and the kids loved it", []),
    ("photos @ 2x.png", []),
    ("Email: 5b @ school . com", []),
    ("jo @ cie . org . uk", []),  # the organisation's own domain
    ("well done @akira. Next match Saturday", []),
    ("Our trip at Legoland . it was fun", []),
    ("Parents evening at school . Com and see us", []),
]


@pytest.mark.parametrize(("text", "expected"), EMAIL_CASES, ids=[c[0][:40] for c in EMAIL_CASES])
def test_email(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(EMAIL, text) == expected


HANDLE_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("my insta is jess.b.teach", [("PG121", "jess.b.teach")]),
    ("find me on insta: coach_dan.fit", [("PG121", "coach_dan.fit")]),
    ("snap: mia.lou22", [("PG121", "mia.lou22")]),
    ("add me on discord, dd_cricket#4471", [("PG121", "dd_cricket#4471")]),
    ("add me on discord dd_cricket", [("PG121", "dd_cricket")]),
    ("ghost_kid#0001 is me", [("PG121", "ghost_kid#0001")]),
    ("my gamertag is NightOwl#2231", [("PG121", "NightOwl#2231")]),
    ("Friend facebook.com/jess.b.teach", [("PG122", "facebook.com/jess.b.teach")]),
    ("tag @sam_b in the photo", [("PG121", "@sam_b")]),
    # new Discord usernames are plain words: after "discord:" when they end the clause
    ("discord: ghostkid", [("PG121", "ghostkid")]),
    ("Discord username ghostkid", [("PG121", "ghostkid")]),
    ("his discord: ghostkid", [("PG121", "ghostkid")]),
    ("my snap's mia.lou22", [("PG121", "mia.lou22")]),
    ("on insta it's jess.b.teach", [("PG121", "jess.b.teach")]),
    ("insta jess.b.teach", [("PG121", "jess.b.teach")]),
    # traps: a plain word after a cue, reference numbers, placeholders, the organisation
    ("message me on discord instead", []),
    ("Discord is banned.", []),
    ("Apps: Discord: banned, Telegram: risky", []),
    ("Discord: join us on Friday", []),
    ("Discord name badge", []),
    ("insta stories were fun", []),
    ("snap 10.30 at the gate", []),
    ("Insta story: e.g. our trip", []),
    ("message me on discord don't text", []),
    ("Order#1234 has shipped", []),
    ("See issue#4471 on GitHub", []),
    ("tag @name in your post", []),
    ("tag @username in your comments", []),
    ("tag @your_name or @YourName", []),
    ("Like our page facebook.com/cieuk", []),
    ("Like our page https://www.facebook.com/CIEUK/", []),
    ("Follow us on insta: cie_uk", []),
    ("email sam.jones @gmail. com", []),  # an address typed with spaces, not a handle
]


@pytest.mark.parametrize(("text", "expected"), HANDLE_CASES,
                         ids=[c[0][:40] for c in HANDLE_CASES])
def test_handle(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(HANDLE, text) == expected


def test_own_page_follows_the_policy() -> None:
    """The organisation's page is read from the policy, not built in."""
    other = Policy.from_dict({"organisation": {"name": "Oakfield", "handles": ["@oak_field"]}})
    det = SocialHandleDetector(other)
    assert found(det, "Like facebook.com/oakfielduk") == []
    assert found(det, "Like facebook.com/cieuk") == [("PG122", "facebook.com/cieuk")]


PIECES = ["07700", "9OO", "O12", "0O7", "@", " @ ", "gmail", ".", " . ", "com", "dot", "at",
          "seven", "double-oh", "nine", "hundred", "call", "discord", "#4471", "dd_cricket",
          "\u00a35", " - ", "\n", "\U0001f4de", "\ud800", "\u0301", "O", "o"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30).map("".join))
def test_spans_inside_and_never_raises(text: str) -> None:
    for det in (PHONE, EMAIL, HANDLE):
        for f in det.detect_text(text):
            assert f.start is not None and f.end is not None
            assert 0 <= f.start < f.end <= len(text)
