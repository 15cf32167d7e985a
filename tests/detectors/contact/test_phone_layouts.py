"""Phone numbers in the layouts of the students' countries, and disguised ones.

Table-driven: a foreign number in its own national layout next to a cue word (in English or
in the family's language), dashed international layouts, numbers without spaces, letters
typed for digits, Chinese numerals, a number broken across a line; and the traps that must
stay clean (amounts, references, dates, times, scores, room numbers).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.contact import PhoneDetector
from postguard.policy import Policy

PHONE = PhoneDetector(Policy.default())


def spans(text: str) -> list[str]:
    return [text[f.start:f.end] for f in PHONE.detect_text(text)]


POSITIVES = [
    # (draft, the number as it must be found)
    # national layouts of other countries, next to an English cue word
    ("Ana's dad, mobile 622 71 94 08, prefers texts", "622 71 94 08"),
    ("Ring the host in Kraków on 22 419 66 37 after five", "22 419 66 37"),
    ("Mum's cell in Rome is 339 817 4420", "339 817 4420"),
    ("Text Felipe's mum at (21) 99714-2086", "(21) 99714-2086"),
    ("Please call Herr Braun: 01522 7419930", "01522 7419930"),
    ("Grandma's phone in Shanghai is 13816249075", "13816249075"),
    ("The homestay can be reached on 0467 281 553 in Sydney", None),  # AU is not listed
    # national layouts next to a cue word in the family's language
    ("Móvil del tutor: 655 90 12 47", "655 90 12 47"),
    ("Cellulare della nonna: 328 604 1175", "328 604 1175"),
    ("Handy von Lenas Vater: 0172 5518 2044", "0172 5518 2044"),
    ("Tel. kom. taty Kuby: 698 205 731", "698 205 731"),
    ("Celular do pai do Rafael: (31) 98811-0472", "(31) 98811-0472"),
    ("رقم جوال والد ليلى: 055 618 3307", "055 618 3307"),
    ("妈妈手机：186 2290 7315，晚上可以打。", "186 2290 7315"),
    ("ホストファミリーの電話：090-6612-4830", "090-6612-4830"),
    ("민수 어머니 전화 010-7721-4490 입니다", "010-7721-4490"),
    # international numbers with dashes or dots (not dates)
    ("Kenji's father: +81-80-5521-9073", "+81-80-5521-9073"),
    ("WhatsApp the guide on +34-622-71-94-08", "+34-622-71-94-08"),
    ("Seo-yeon's mum +82-10-3381-2257 (Korean only)", "+82-10-3381-2257"),
    ("Office in Lyon +33.4.72.18.55.90", "+33.4.72.18.55.90"),
    ("US host family, call 1-415-555-0186", "1-415-555-0186"),
    # disguised
    ("Il numero di Carla è 33O 8l7 4420, scrivile", "33O 8l7 4420"),
    ("text me on O7700 9OO l42", "O7700 9OO l42"),
    ("寄宿家庭电话：零七七零零 九零零 四六一", "零七七零零 九零零 四六一"),
    ("Call me on 07700\n900\n318 after practice", "07700\n900\n318"),
    ("Oskar's dad: +48 698\n205 731", "+48 698\n205 731"),
    # read out digit by digit in the family's language
    ("Móvil de Pablo: seis cuatro nueve, dos dos uno, ocho siete tres",
     "seis cuatro nueve, dos dos uno, ocho siete tres"),
    ("Chiama la mamma: tre tre nove, otto uno sette, quattro quattro due zero",
     "tre tre nove, otto uno sette, quattro quattro due zero"),
    ("Handy: null eins fünf zwei, sieben vier eins, neun neun drei null",
     "null eins fünf zwei, sieben vier eins, neun neun drei null"),
]


@pytest.mark.parametrize(("text", "number"), POSITIVES)
def test_phone_layouts_found(text: str, number: str | None) -> None:
    if number is None:
        assert spans(text) == []
    else:
        assert spans(text) == [number]


TRAPS = [
    # amounts, references, dates, times, scores and rooms stay clean, cue word or not
    "The trip costs 612 34 56 78 yen in total? No, 61,234 yen.",
    "Order number 655 90 12 47 has shipped",
    "Raised 1 250 000 pesos for the new library",
    "Ticket ref 328 604 1175 for the museum",
    "Rooms 101 102 103 104 are open for the exam",
    "Final scores: 21 19 25 23 15 and 11",
    "Born 14-02-2012, joined in 2019-2020",
    "Lessons 09:00-10:30 and 11.00-12.30 every day",
    "The years 2012 2013 2014 were our best",
    "Población de Madrid: 3 332 035 habitantes",
    "ISBN 978-0-306-40615-7 in the library",
    "一二三四五六七八九十 is how we count in Mandarin",
    "Page 12\n345\n678 of the handbook",
    "Call the office about invoice 4471 2290 3381",
    "Mr Okafor's class ID for the video call is 512 774 093 26 today",
    # digit words that are counting, a song or a game, not a number
    "Spanish counting song: uno dos tres cuatro cinco seis siete ocho nueve",
    "Der Zählreim geht eins zwei drei vier fünf sechs sieben acht neun",
    "In the game we shouted seis uno dos cuatro ocho siete tres cero nueve!",
]


@pytest.mark.parametrize("text", TRAPS)
def test_phone_traps_clean(text: str) -> None:
    assert spans(text) == []


_CUES = st.sampled_from(["Móvil: ", "mobile ", "Handy: ", "電話：", "رقم: ", "call "])
_FILL = st.text(alphabet=st.sampled_from(list("aé中ا\u0301\u200f １２ ")), max_size=12)


@settings(max_examples=60, deadline=None)
@given(_FILL, _CUES, _FILL)
def test_foreign_number_offsets_in_any_script(before: str, cue: str, after: str) -> None:
    number = "655 90 12 47"
    text = before + " " + cue + number + ", " + after
    found = [(f.start, f.end) for f in PHONE.detect_text(text)]
    start = len(before) + 1 + len(cue)
    assert (start, start + len(number)) in found
