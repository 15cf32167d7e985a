"""Numbers after the register words of a charity, society or company, after a meeting's
number, or an exam's, a booking's or an identity card's, in the students' languages, are
references and not phones (data/contact.toml [phone] negatives); the students' countries'
helplines are allowed (data/default-policy.toml [allow] phones); contact cues with
Arabic's glued prefixes and German compound cues are cues (cues_other_languages); a Spanish
mobile in threes (mobile_in_threes_regions) is one next to a cue; a number broken across a
line is one number (contact/phone.py, phone_words.py), its span taking in both lines."""

from __future__ import annotations

import pytest

from postguard.detectors.contact import PhoneDetector
from postguard.policy import Policy

PHONE = PhoneDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in PHONE.detect_text(text)
            if f.start is not None and f.end is not None]


REFERENCES = [
    "バザーの収益は寄付します。登録慈善団体番号 1192837。",
    "모금액은 자선단체 등록번호 1192837 으로 보냅니다.",
    "تبرعوا عبر الجمعية الخيرية المسجلة رقم 1192837 وشكراً لكم",
    "Okul aile birliği dernek kütük numarası: 06-204-117. Teşekkürler!",
    "Unser Förderverein, Vereinsregister Nr. 4471023, sagt danke.",
    "Numer KRS naszej fundacji: 0000481920.",
    "Elternabend online: Zoom-Meeting-Nummer 845 2210 3367, Kenncode Igel7.",
    "اجتماع الأهالي عبر زووم، رقم الاجتماع 812 4470 2291",
    "Webex meeting number 2651 447 9012 for the open evening",
    # nine digits in threes that are no Spanish mobile, next to a cue
    "Ring the office about invoice batch 943 123 456 today",
    "Call the box office: tickets 250 500 750 pence",
    # a date with a time after it, in dots
    "Call us about the trip on 12.03.25.14 onwards",
    # exam, booking and identity numbers shaped like a phone
    "Sınav numaranız 0541234567, lütfen kartınıza yazın.",
    "رقم الحجز للرحلة 0547712093",
    "T.C. Kimlik No: 24681357902",
    "Ihre Kundennummer 0176 4421 9036 bitte bei Rückfragen angeben.",
    # the students' countries' helplines, allowed by the default policy
    "¿Te sientes solo? Teléfono de la Esperanza: 717 003 717, a cualquier hora.",
    "Die TelefonSeelsorge ist rund um die Uhr erreichbar: 0800 111 0 111.",
    "Dziecięcy Telefon Zaufania Rzecznika Praw Dziecka: 800 12 12 12.",
]


@pytest.mark.parametrize("text", REFERENCES)
def test_register_and_meeting_numbers_are_no_phone(text: str) -> None:
    assert _found(text) == []


FOUND: list[tuple[str, str]] = [
    # Arabic cue with its glued "with" (بجوال) and "the" (الرقم)
    ("إذا تأخر الباص يرجى الاتصال بجوال المشرفة: 056 274 1983", "056 274 1983"),
    ("للاستفسار اتصلوا على الرقم 0562741983", "0562741983"),
    # a German compound cue
    ("Notfallnummer der Klassenlehrerin: 0172 5590 3481", "0172 5590 3481"),
    # a Spanish mobile in threes, and with the letter l typed for a 1
    ("Para cualquier cosa, mi móvil: 634 218 907", "634 218 907"),
    ("móvil de la monitora: 6l9 402 775", "6l9 402 775"),
    # a French mobile in dotted pairs (its start is no date)
    ("Mon portable : 06.47.21.88.30, n'hésitez pas", "06.47.21.88.30"),
    # broken across a line: one number, both lines in its span
    ("Bei Verspätung bitte anrufen, Handy: 0172\n5590 3481", "0172\n5590 3481"),
    ("If the coach is late, call me on 07911\n204 583", "07911\n204 583"),
]


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_found_with_its_span(text: str, number: str) -> None:
    found = _found(text)
    assert number in found
    assert len(found) == 1  # the second line is not also a number of its own


def test_a_line_that_ends_in_a_class_number_keeps_the_next_lines_phone() -> None:
    assert _found("Year 7\n07911 204583 is the trip phone") == ["07911 204583"]
