"""Contact detectors: phone (PG101/PG102), email (PG111/PG112), social_handle (PG121/PG122).

Table-driven: every row is a draft and what must (or must not) be found in it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.contact import EmailDetector, PhoneDetector, SocialHandleDetector
from postguard.model import Category
from postguard.policy import Policy

DEFAULT = Policy.default()
PHONE = PhoneDetector(DEFAULT)
EMAIL = EmailDetector(DEFAULT)
HANDLE = SocialHandleDetector(DEFAULT)
ALL = (PHONE, EMAIL, HANDLE)


def found(detector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)]


# ------------------------------------------------------------------------------- phone
PHONE_POSITIVES = [
    # (draft, the exact span, code)
    ("Any problems, text me on 07911 123456", "07911 123456", "PG101"),
    ("Office: 020 7183 8750.", "020 7183 8750", "PG101"),
    ("Ring us on (020) 7183 8750 today", "(020) 7183 8750", "PG101"),
    ("Ring us (07911 123456) after 4", "07911 123456", "PG101"),
    ("Contact +44 (0)20 7183 8750", "+44 (0)20 7183 8750", "PG101"),
    ("Contact +44(0)7911 123456", "+44(0)7911 123456", "PG101"),
    ("Dial 00 44 20 7183 8750 from abroad", "00 44 20 7183 8750", "PG101"),
    ("0044 7911 123456 is Sam's", "0044 7911 123456", "PG101"),
    ("tel:+447911123456", "+447911123456", "PG101"),
    ("Call 07911-123-456", "07911-123-456", "PG101"),
    ("Call 07911.123.456", "07911.123.456", "PG101"),
    ("My number 07911\u00a0123456", "07911\u00a0123456", "PG101"),
    ("0 7 9 1 1 1 2 3 4 5 6", "0 7 9 1 1 1 2 3 4 5 6", "PG101"),
    ("Birmingham office 0121 496 0123", "0121 496 0123", "PG101"),
    ("WhatsApp +971 50 123 4567", "+971 50 123 4567", "PG101"),
    ("Ring Jean on +33 6 12 34 56 78", "+33 6 12 34 56 78", "PG101"),
    ("Jean's mobile: 06 12 34 56 78", "06 12 34 56 78", "PG101"),
    ("Li Wei: +86 138 0013 8000", "+86 138 0013 8000", "PG101"),
    ("US office +1 (212) 736-5000", "+1 (212) 736-5000", "PG101"),
    ("US office (212) 736-5000", "(212) 736-5000", "PG101"),
    ("Year 6 07911 123456 thanks", "07911 123456", "PG101"),
    ("From 2019-2024 07911 123456", "07911 123456", "PG101"),
    ("Room B12 07911 123456", "07911 123456", "PG101"),
    ("+44 7911 123456 3-2 3-2", "+44 7911 123456", "PG101"),  # found by hypothesis
    ("WhatsApp: +44 7911 123456 / +44 7400 123456", "+44 7400 123456", "PG101"),
    ("07911 123456/07400 123456", "07400 123456", "PG101"),
    ("(+44) 7911 123456", "(+44) 7911 123456", "PG101"),
    ("Message me https://wa.me/447911123456", "447911123456", "PG101"),
    ("api.whatsapp.com/send?phone=971501234567", "971501234567", "PG101"),
    ("+44 (0)7911-123-456", "+44 (0)7911-123-456", "PG101"),
    ("+7 (495) 123-45-67", "+7 (495) 123-45-67", "PG101"),
    ("+81 3-1234-5678", "+81 3-1234-5678", "PG101"),
    ("0049 30 1234567", "0049 30 1234567", "PG101"),
    ("Mob: 07911123456, Tel: 01214960123", "01214960123", "PG101"),
    ("£1 250 000 raised, 07911 123456", "07911 123456", "PG101"),
    ("Order 0207 183 8750 today", "0207 183 8750", "PG101"),  # a valid number wins
    ("Tel-07911 123456 after six", "07911 123456", "PG101"),  # a hyphen after a cue word
    ("Mob-+44 7911 123456", "+44 7911 123456", "PG101"),
    # possible (not valid) numbers: Ofcom drama ranges, a digit short
    ("Call 07700 900123 for details", "07700 900123", "PG102"),
    ("My mob is 07700900123", "07700900123", "PG102"),
    ("Questions? 07700 900123", "07700 900123", "PG102"),  # UK mobile shape, no cue
    ("Sheffield 0114 496 0999 or 01632 960123", "01632 960123", "PG102"),
    ("+44 7700 900123", "+44 7700 900123", "PG102"),  # written with a country code
    ("text 0770090012", "0770090012", "PG102"),  # a digit short, next to a cue
    ("07700 900 123 is my number", "07700 900 123", "PG102"),  # cue after the number
    ("Phone 496 0123", "496 0123", "PG102"),
    # digits of other scripts (full-width, Arabic-Indic): same offsets, same number
    ("call \uff10\uff17\uff19\uff11\uff11 \uff11\uff12\uff13\uff14\uff15\uff16 x",
     "\uff10\uff17\uff19\uff11\uff11 \uff11\uff12\uff13\uff14\uff15\uff16", "PG101"),
    ("\u0660\u0667\u0669\u0661\u0661 \u0661\u0662\u0663\u0664\u0665\u0666",
     "\u0660\u0667\u0669\u0661\u0661 \u0661\u0662\u0663\u0664\u0665\u0666", "PG101"),
]


@pytest.mark.parametrize(("text", "span", "code"), PHONE_POSITIVES)
def test_phone_positives(text: str, span: str, code: str) -> None:
    assert (code, span) in found(PHONE, text)


PHONE_TRAPS = [
    "On 12/05/2024 we met at 10:30-11:45 and 9-3:30.",
    "Dates 2024-05-12 and 12.05.24 and 12.05.2024 and 01.05.2024",
    "Tickets are £1,250.00 or £1250000 or $ 1234567 each",
    "From 2019-2024 we won 3-2 and 21-14.",
    "Seasons 2019-20, 2020 - 2021 and 1999–2005",
    "ISBN 978-0-14-103614-4 and ISBN 0-14-103614-4 and 9780141036144",
    "Booking ref 4839 2231 and order number 48392231",
    "Call the office about booking ref 48392231 please",
    "Room 101, room 1234567, 45.5% and 1234567% and postcode SW1A 1AA",
    "Registered charity number 1123456. Company No. 01234567",
    "UKPRN 10012345 and URN 123456",
    "NHS number 485 777 3456, UPN 01234567890 and passport no. 0123 456 789",
    "Call in 8.45-15.30 any weekday",
    "Times 09:30 - 10:45, 13.15-14.45 and 9.30-3.30",
    "Score 2019 2020 2021 2022",
    "A record number of 1 250 000 visitors",
    "This week's lottery numbers 3 12 19 27 33 41",
    "Use the number line 0 1 2 3 4 5 6 7 8 9 10 to count on",
    "Netball scores: 15-12, 21-19 and 8 - 30. Match 3: 2-1 (HT 1-0)",
    "Year 7 Options Evening 14.03.2024 18:00-20:00; results day 22/08/2024 9:00 - 11:00",
    "Trip cost £345, deposit by 1/3/24, balance by 01/04/2024.",
    "Coordinates 51.5074, -0.1278 and grid ref 123 456",
    "Invoice 2024-00123, version 2.0.1.345 and serial 0123-4567-8901",
    "Invoice #0123456789 and order no. 0777 123 45",
    "Flight BA0117 4960123 and ABC1234567",
    "Population 67,000,000 people and 1.234.567 euros",
    "Year 10 and Year 11 mocks, 2023/24 results: 98.5% and 7-9 grades",
    "Call 999 in an emergency, or 111, 101",
    # references hyphenated onto a code, email local parts, numbers after "charity (no."
    "Your claim code is PTA-2026-004512; ring the office if it is lost.",
    "Quote BKG-7734120985 when you phone",
    "Reach his mum on 3301847265@qq.com or 3301847265@163.com",
    "Our trust is a registered charity (no. 1098765), call us about Gift Aid",
    "We are a registered charity, number 1187654, and a company, no. 0876543",
    "Company (number 08123456) - ring reception for details",
    "",
]


@pytest.mark.parametrize("text", PHONE_TRAPS)
def test_phone_traps(text: str) -> None:
    assert found(PHONE, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "NSPCC 0808 800 5000 or Childline 0800 1111",
        "NSPCC +44 808 800 5000",
        "NSPCC on 0808-800-5000",
        "NSPCC: (0808) 8005000",
        "NSPCC 0044 808 800 5000",
        "Childline: 08001111",
        "Samaritans 116 123",
    ],
)
def test_allowlisted_helplines_in_any_layout(text: str) -> None:
    assert found(PHONE, text) == []


def test_policy_adds_the_organisations_own_number() -> None:
    text = "Ring the office on 0121 496 0123 or +44 121 496 0123"
    assert len(found(PHONE, text)) == 2
    own = PhoneDetector(Policy.from_dict({"organisation": {"phones": ["0121 4960123"]}}))
    assert found(own, text) == []
    # the helplines stay allowed: the organisation's list is added to the public one
    assert found(own, "Childline 0800 1111") == []
    assert found(own, "Ring 07911 123456") == [("PG101", "07911 123456")]


def test_phone_finding_shape() -> None:
    (f,) = PHONE.detect_text("text me on 07911 123456")
    assert f.category is Category.PHONE and f.severity.value == "high"
    assert f.suggestion is not None and f.suggestion.replacement == "[phone removed]"
    assert 0.5 <= f.score <= 1.0


def test_two_numbers_in_one_run_are_split() -> None:
    text = "Call 07911 123456 07400 123456"
    assert found(PHONE, text) == [("PG101", "07911 123456"), ("PG101", "07400 123456")]


# ------------------------------------------------------------- phone: spelled out, spaced
# Numbers typed to get past filters: words, "double"/"treble", letter o for zero, wide gaps.
# Each row: the draft and what must be found (an empty list is a trap), side by side.
SPOKEN: list[tuple[str, list[tuple[str, str]]]] = [
    ("text me on oh seven seven double oh nine double oh four seven two x",
     [("PG102", "oh seven seven double oh nine double oh four seven two")]),
    ("zero seven seven zero zero, nine zero zero, one two three",
     [("PG102", "zero seven seven zero zero, nine zero zero, one two three")]),
    ("ring 07seven00 9oo123 after school", [("PG102", "07seven00 9oo123")]),
    ("0 7 7 0 0   9 0 0  1 2 3", [("PG102", "0 7 7 0 0   9 0 0  1 2 3")]),
    ("my number: 0 7 7 0 0 9 0 0 1 2 3", [("PG102", "0 7 7 0 0 9 0 0 1 2 3")]),
    ("call 07700 - 900 - 123 tonight", [("PG102", "07700 - 900 - 123")]),
    ("07911   123456 is my mum's", [("PG101", "07911   123456")]),
    ("Oh seven nine one one, one two three four five six",
     [("PG101", "Oh seven nine one one, one two three four five six")]),
    ("nought seven seven zero zero nine zero zero one two three!",
     [("PG102", "nought seven seven zero zero nine zero zero one two three")]),
    ("OH SEVEN SEVEN DOUBLE OH NINE DOUBLE OH FOUR SEVEN TWO",
     [("PG102", "OH SEVEN SEVEN DOUBLE OH NINE DOUBLE OH FOUR SEVEN TWO")]),
    ("oh-seven-seven-double-oh-nine-double-oh-four-seven-two",
     [("PG102", "oh-seven-seven-double-oh-nine-double-oh-four-seven-two")]),
    ("o seven nine one one triple one two three four", [
        ("PG101", "o seven nine one one triple one two three four")]),
    ("whatsapp plus four four seven nine one one one two three four five six", [
        ("PG101", "plus four four seven nine one one one two three four five six")]),
    ("double oh four four seven nine one one one two three four five six", [
        ("PG101", "double oh four four seven nine one one one two three four five six")]),
    ("Mob oh seven nine one one\none two three four five six", [
        ("PG101", "oh seven nine one one\none two three four five six")]),
    ("call 07911 123456 or oh seven four double oh one two three four five six", [
        ("PG101", "07911 123456"),
        ("PG101", "oh seven four double oh one two three four five six")]),
    ("\U0001f600 oh seven nine one one one two three four five six \u05e9",
     [("PG101", "oh seven nine one one one two three four five six")]),
    ("oh seven seven hundred, nine hundred, one two three",
     [("PG102", "oh seven seven hundred, nine hundred, one two three")]),
    ("ring oh one two one, four nine six, oh one twenty-three",
     [("PG101", "oh one two one, four nine six, oh one twenty-three")]),
    ("0seven911 123456 is my number", [("PG101", "0seven911 123456")]),
    ("07 seven 00 900 123", [("PG102", "07 seven 00 900 123")]),
    ("Call me on 07911 1two3456", [("PG101", "07911 1two3456")]),
    ("O7911 123456 or 07700 9OO 123", [("PG101", "O7911 123456"), ("PG102", "07700 9OO 123")]),
    ("0\ufe0f\u20e37\ufe0f\u20e37\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e39\ufe0f\u20e3"
     "0\ufe0f\u20e30\ufe0f\u20e34\ufe0f\u20e37\ufe0f\u20e32\ufe0f\u20e3 !",
     [("PG102", "0\ufe0f\u20e37\ufe0f\u20e37\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e3"
       "9\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e34\ufe0f\u20e37\ufe0f\u20e32\ufe0f\u20e3")]),
    ("text 0\u20e37\u20e39\u20e31\u20e31\u20e3 1\u20e32\u20e33\u20e34\u20e35\u20e36\u20e3",
     [("PG101", "0\u20e37\u20e39\u20e31\u20e31\u20e3 1\u20e32\u20e33\u20e34\u20e35\u20e36\u20e3")]),
    # traps: number words that are no number, helplines, counting, room lists
    ("Year 7\ufe0f\u20e3 won 3\ufe0f\u20e3 - 0\ufe0f\u20e3 and 1\ufe0f\u20e30\ufe0f\u20e3 pupils",
     []),
    ("a hundred and one dalmatians and twenty three pupils in ninety nine rooms", []),
    ("Year 7 did 2 laps, double oh seven night, twenty one pupils, three hundred pounds", []),
    ("Childline is oh eight oh oh, one one one one", []),
    ("one or two of the seven year olds went on the trip", []),
    ("double maths then PE, then double science, then triple science", []),
    ("zero tolerance for bullying, seven days a week, one two three go", []),
    ("a hundred and one dalmatians, Year seven and Year eight", []),
    ("we won three nil, then two one, then four nil, then one nil", []),
    ("half past seven, quarter to eight, nine o'clock, ten past one", []),
    ("Rooms 01  02  03  04  05  06  07  08 are on the first floor", []),
    ("Rooms 0 1 2 3 4 5 6 7 8 9 10 and 11", []),
    ("one two three four five six seven eight nine ten, ready or not", []),
    ("Count: zero, one, two, three, four, five, six, seven, eight, nine, zero", []),
    ("Bond, James Bond: double oh seven, seven seven", []),
    ("Scores 0 - 3, 1 - 1, 0 - 2, 2 - 0 and 1 - 0 this season", []),
    ("Times: 09:00  -  10:30  -  11:45  -  13:00", []),
    ("Fixtures 01 - 07 - 2025 and 08 - 07 - 2025", []),
    ("Oh, one more thing: two of the six teams need nine more players", []),
    ("Prices: 0.50, 0.75, 0.80, 1.00, 1.20 and 0.99", []),
    ("Count on: oh one two three four five six seven eight nine oh", []),
    ("Goals\t0\t7\t2\t1\t3\t0\t4\t2\t1\t1\t0", []),  # a table, not a dodge
    ("Goals:\n0\n7\n2\n1\n3\n0\n4\n2\n1\n1\n0", []),
    ("House points 0, 7, 2, 1, 3, 0, 4, 2, 1, 1, 0", []),
    ("Register: 0 1 1 0 1 1 1 0 1 0 1 (present/absent)", []),
]


@pytest.mark.parametrize(("text", "expected"), SPOKEN)
def test_phone_spelled_out_or_spaced(text: str, expected: list[tuple[str, str]]) -> None:
    assert sorted(found(PHONE, text)) == sorted(expected)


def test_spelled_number_offsets_and_reference_words() -> None:
    text = "ring oh seven nine one one one two three four five six"
    (f,) = PHONE.detect_text(text)
    assert (f.start, f.end) == (5, len(text)) and f.score >= 0.9
    # the nearest cue word decides, as for digits: a reference number is no phone
    assert found(PHONE, "booking ref oh one two one four nine six oh one two three") == []
    # the organisation's own line stays allowed however it is written
    own = PhoneDetector(Policy.from_dict({"organisation": {"phones": ["0121 496 0123"]}}))
    assert found(own, "ring oh one two one, four nine six, oh one two three") == []
    assert found(PHONE, "ring oh one two one, four nine six, oh one two three") == [
        ("PG101", "oh one two one, four nine six, oh one two three")]


_SPOKEN_PIECES = st.sampled_from([
    "oh", "o", "zero", "nought", "one", "two", "seven", "nine", "twenty", "hundred", "double",
    "treble", "plus", "07", "0", "9oo", "123", "O", " ", "  ", "   ", ", ", "-", " - ", "\n",
    "\t", "call", "x", "£", ".", "\U0001f600", "\u0301", "7\ufe0f\u20e3", "\u20e3"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_SPOKEN_PIECES, max_size=40).map("".join))
def test_spelled_numbers_spans_are_whole_tokens(text: str) -> None:
    for f in PHONE.detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        span = text[f.start:f.end]
        # starts and ends on a token (a keycap ends with its mark)
        assert span == span.strip() and (span[-1].isalnum() or span[-1] == "\u20e3")


def test_number_words_stay_linear() -> None:
    import random

    from linear import assert_linear

    rng = random.Random(7)
    vocab = ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight",
             "nine", "ten", "twenty", "hundred", "double", "treble", "plus", "07", "9oo", "123"]
    seps = (" ", " ", ", ", "-", "   ")

    def words(n_chars: int) -> str:
        out: list[str] = []
        size = 0
        while size < n_chars:
            out.append(rng.choice(vocab) + rng.choice(seps))
            size += len(out[-1])
        return "".join(out)

    small, big = words(100_000), words(1_000_000)
    assert_linear(lambda t: list(PHONE.detect_text(t)), small, big, repeats=1, slack=0.5)


# ------------------------------------------------------------------------------- email
EMAIL_POSITIVES = [
    ("Email jo.bloggs@gmail.com for details.", "jo.bloggs@gmail.com", "PG111"),
    ("Contact mrs.smith@gmail.com.", "mrs.smith@gmail.com", "PG111"),
    ("Ask j.smith+trips@stmarys.sch.uk", "j.smith+trips@stmarys.sch.uk", "PG111"),
    ("head@mail.oakfield.sch.uk", "head@mail.oakfield.sch.uk", "PG111"),
    ("(JO_B99@Hotmail.co.uk)", "JO_B99@Hotmail.co.uk", "PG111"),
    ("o'neill@example.ie is Ciara", "o'neill@example.ie", "PG111"),
    ("jo.bloggs at gmail dot com", "jo.bloggs at gmail dot com", "PG112"),
    ("jo [at] gmail [dot] com", "jo [at] gmail [dot] com", "PG112"),
    ("mail jo(at)hotmail(dot)co(dot)uk please", "jo(at)hotmail(dot)co(dot)uk", "PG112"),
    ("Email jo.bloggs at gmail.com today", "jo.bloggs at gmail.com", "PG112"),
    ("sam99 AT yahoo DOT com", "sam99 AT yahoo DOT com", "PG112"),
    ("mail jo99 at yahoo.com now", "jo99 at yahoo.com", "PG112"),
]


@pytest.mark.parametrize(("text", "span", "code"), EMAIL_POSITIVES)
def test_email_positives(text: str, span: str, code: str) -> None:
    assert found(EMAIL, text) == [(code, span)]


EMAIL_TRAPS = [
    "Meet @ 3pm at the gate, or meet @ the gate",
    "See image@2x.png and logo@3x.jpg",
    "Follow @cie_uk for news",
    "Email me at jo@school",
    "Sale at argos.co.uk this week",
    "We arrive at school.Then lunch",
    "Write to office@cie.org.uk or staff@mail.cie.org.uk",
    "office [at] cie [dot] org [dot] uk",
    "See you at the park dot com",
    "Class 5B at oakfield.sch.uk and Year 6 at kew.org",
    "Tickets available at ticketmaster.co.uk",
    "",
]


@pytest.mark.parametrize("text", EMAIL_TRAPS)
def test_email_traps(text: str) -> None:
    assert found(EMAIL, text) == []


def test_policy_adds_an_email_domain_with_subdomains() -> None:
    text = "Email head@oakfield.sch.uk or admin@staff.oakfield.sch.uk or jo@gmail.com"
    assert len(found(EMAIL, text)) == 3
    own = EmailDetector(Policy.from_dict({"organisation": {"email_domains": ["@Oakfield.sch.uk"]}}))
    assert found(own, text) == [("PG111", "jo@gmail.com")]
    assert found(own, "Email office@cie.org.uk") == [("PG111", "office@cie.org.uk")]


# ---------------------------------------------------------------------- social handles
HANDLE_POSITIVES = [
    ("Follow @jo_smith_1999 for updates", "@jo_smith_1999", "PG121"),
    ("Thanks @Sam.Jones!", "@Sam.Jones", "PG121"),
    ("Follow us on instagram.com/jo_b_2009 now", "instagram.com/jo_b_2009", "PG122"),
    ("https://www.tiktok.com/@jo.b", "https://www.tiktok.com/@jo.b", "PG122"),
    ("See facebook.com/jo.bloggs.", "facebook.com/jo.bloggs", "PG122"),
    ("x.com/jobloggs", "x.com/jobloggs", "PG122"),
    ("instagram.com/stories/jo_b/3141", "instagram.com/stories/jo_b", "PG122"),
    ("tiktok.com/@jo_b/video/7312", "tiktok.com/@jo_b", "PG122"),
    ("https://twitter.com/jobloggs/status/1", "https://twitter.com/jobloggs", "PG122"),
    ("snapchat.com/add/jobloggs", "snapchat.com/add/jobloggs", "PG122"),
    ("youtube.com/@jobvlogs", "youtube.com/@jobvlogs", "PG122"),
    ("linkedin.com/in/jo-bloggs", "linkedin.com/in/jo-bloggs", "PG122"),
    ("threads.net/@jo_b", "threads.net/@jo_b", "PG122"),
    ("m.facebook.com/profile.php?id=10001234", "m.facebook.com/profile.php?id=10001234",
     "PG122"),
    ("snap: jobloggs", "jobloggs", "PG121"),
    ("IG - jo.b.123", "jo.b.123", "PG121"),
    ("my insta is jo_bloggs", "jo_bloggs", "PG121"),
    ("her snapchat name is @jobloggs", "@jobloggs", "PG121"),
    ("Add me on snap jobloggs99", "jobloggs99", "PG121"),
    ("Instagram: jo_b_2009", "jo_b_2009", "PG121"),
    # usernames after platform cues without "@"
    ("Her Discord is zoe_draws#0912 if you want to join", "zoe_draws#0912", "PG121"),
    ("find him on Discord, tag leo.builds#7781", "leo.builds#7781", "PG121"),
    ("join via his QQ ID wang_lei_2011", "wang_lei_2011", "PG121"),
    ("Message Chloe at chloe.r2010 on Instagram", "chloe.r2010", "PG121"),
    ("Follow him on TikTok, dance_with_dan_07, for more", "dance_with_dan_07", "PG121"),
    ("Add me on Snapchat, my username is mr_okafor_art", "mr_okafor_art", "PG121"),
    ("Captain (SC - tom_w_2010) will organise it", "tom_w_2010", "PG121"),
    ("He streams on Twitch as kai_builds_bots", "kai_builds_bots", "PG121"),
    # dotted handles ending like a country code are handles, not domains
    ("Our trip vlogs are on insta @hana.in.london", "@hana.in.london", "PG121"),
    ("my personal page is @mr.patel.teaches.uk", "@mr.patel.teaches.uk", "PG121"),
    # profile links on more sites (site/<user> and site/<word>/<user>)
    ("Sketches at pinterest.co.uk/omar_draws!", "pinterest.co.uk/omar_draws", "PG122"),
    ("Live now: twitch.tv/omarplays_07", "twitch.tv/omarplays_07", "PG122"),
    ("New mix: soundcloud.com/kaito-mixes", "soundcloud.com/kaito-mixes", "PG122"),
    ("strava.com/athletes/ellie_runs_far", "strava.com/athletes/ellie_runs_far", "PG122"),
    ("Check out behance.net/priya.creates", "behance.net/priya.creates", "PG122"),
    ("scratch.mit.edu/users/coder_amy12", "scratch.mit.edu/users/coder_amy12", "PG122"),
    ("https://github.com/amy-codes", "https://github.com/amy-codes", "PG122"),
    ("reddit.com/u/quiet_fox_09", "reddit.com/u/quiet_fox_09", "PG122"),
]


@pytest.mark.parametrize(("text", "span", "code"), HANDLE_POSITIVES)
def test_handle_positives(text: str, span: str, code: str) -> None:
    assert found(HANDLE, text) == [(code, span)]


HANDLE_TRAPS = [
    "Meet @ the gym, @ 3pm",
    "See you @home @3pm @10:30 @school @lunch",
    "Email jo.bloggs@gmail.com",
    "Follow @cie_uk and @CIE for news",
    "instagram.com/cie_uk and https://x.com/CIE",
    "twitter.com/home and instagram.com/p/Cxyz123 and facebook.com/events/123",
    "box.com/files and fox.com/news",
    "Instagram: Amazing photos from our trip",
    "Our Instagram is brilliant, my insta is private",
    "Follow us on X for updates",
    "TT: Year 7 beat Year 8; SC - Student Council met today",
    "Oh snap - great result! Snap: the card game was a hit",
    "image@2x.png",
    # public and institutional accounts a post thanks or cites: organisation words inside
    "Thanks to @CityArtGallery, @LondonZoo and @ScotRail_Help for hosting us",
    "via @NorthTynesideCouncil and @HoveFC and @BristolCathedral",
    "Thanks @sussexpolice, @WestSussexCC, @nspcc and @bbcbitesize",
    "Source: @CountyLibraries and @brightonnews",
    # cue words followed by ordinary words, half a platform name, class names
    "Oh snap chat later! We saw it on the gram",
    "We love the gram. Follow her on Instagram, amazing photos!",
    "Add me on Snapchat, my username is private",
    "Year10 on Instagram were great, and Year 11 on TikTok",
    "Snapchat: e.g. the stories feature",
    # site pages that are not people, and domains after "@"
    "twitch.tv/directory and pinterest.com/ideas and soundcloud.com/discover",
    "github.com/features and strava.com/clubs/123 and behance.net/galleries",
    "Email info@bbc.co.uk or see @bbc.co.uk",
    "",
]


@pytest.mark.parametrize("text", HANDLE_TRAPS)
def test_handle_traps(text: str) -> None:
    assert found(HANDLE, text) == []


def test_policy_adds_handles_and_profile_links() -> None:
    text = "Follow @oakfield_pe and instagram.com/oakfield_pe and facebook.com/OakfieldPrimary"
    assert len(found(HANDLE, text)) == 3
    own = SocialHandleDetector(Policy.from_dict({"organisation": {
        "handles": ["@Oakfield_PE"], "websites": ["https://www.facebook.com/oakfieldprimary"]}}))
    assert found(own, text) == []
    assert found(own, "@jo_b") == [("PG121", "@jo_b")]


# --------------------------------------------------------------------------- invariants
_PHONEY = st.text(alphabet="0123456789 +-.()@/:#%£abcxyz_\u00a0\u2013", max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), _PHONEY))
def test_spans_inside_text_and_never_raises(text: str) -> None:
    for det in ALL:
        for f in det.detect_text(text):
            assert f.start is not None and f.end is not None
            assert 0 <= f.start < f.end <= len(text)
            assert 0.0 <= f.score <= 1.0


@settings(max_examples=80, deadline=None)
@given(prefix=st.one_of(st.text(max_size=30), _PHONEY),
       suffix=st.one_of(st.text(max_size=30), _PHONEY),
       number=st.sampled_from(["07911 123456", "+44 7911 123456", "(020) 7183 8750"]))
def test_a_valid_number_is_found_wherever_it_sits(prefix: str, suffix: str,
                                                  number: str) -> None:
    text = f"{prefix} call {number} {suffix}"
    start = len(prefix) + 6
    spans = [(f.start, f.end) for f in PHONE.detect_text(text)]
    # the number is reported, alone or inside a longer valid number the suffix completes
    assert any(s <= start and start + len(number) <= e for s, e in spans), spans


def test_odd_unicode_keeps_offsets() -> None:
    text = "\U0001f600\u200d\U0001f467 e\u0301 \ud800 \u05e9\u05dc\u05d5\u05dd text 07911 123456"
    (f,) = PHONE.detect_text(text)
    assert text[f.start:f.end] == "07911 123456"
    text = "\U0001f469\u200d\U0001f467 jo@gmail.com \U0001f600 @jo_b"
    assert found(EMAIL, text) == [("PG111", "jo@gmail.com")]
    assert found(HANDLE, text) == [("PG121", "@jo_b")]


@pytest.mark.parametrize(
    "text",
    ["0 " * 20000, "1-" * 20000, "@" * 40000, "a@a." * 10000, "jo" + " " * 40000 + "at x dot com",
     "my" + " " * 40000 + "insta is jo", "(" * 40000 + "0", "instagram.com/jo_b " * 2000,
     "jo_b" + " " * 40000 + "on instagram", "username " * 20000 + "discord",
     "instagram " + "a." * 50000],
)
def test_pathological_input_finishes(text: str) -> None:
    for det in ALL:
        list(det.detect_text(text))  # quadratic time would hang here, not return


def test_screen_redacts_every_contact_detail() -> None:
    import postguard

    screener = postguard.Screener(detectors=["phone", "email", "social_handle"])
    text = ("Questions? Text 07911 123456, email jo.b@gmail.com or jo [at] gmail [dot] com, "
            "follow @jo_b_2009 or instagram.com/jo_b. Childline 0800 1111, @cie_uk.")
    report = screener.screen(text)
    assert report.verdict.value == "block"
    assert report.redacted_text == (
        "Questions? Text [phone removed], email [email removed] or [email removed], "
        "follow [handle removed] or [link removed]. Childline 0800 1111, @cie_uk.")
    assert {f.code for f in report.findings} == {"PG101", "PG111", "PG112", "PG121", "PG122"}
