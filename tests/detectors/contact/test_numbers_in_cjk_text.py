"""A phone number written inside Chinese, Japanese or Korean text (contact/phone.py): those
scripts put no space between a word and a number ("番号は090-...", "手机是139...", "번호는
010-...입니다"), and a Japanese number may use full-width digits and the full-width dash
("０８０－１２３４－５６７８"). The word around it is no glue; the offsets are the text's own.

Traps: a student number, a year and a date in the same scripts, a price."""

from __future__ import annotations

import pytest

from postguard.detectors.contact import PhoneDetector
from postguard.policy import Policy

PHONE = PhoneDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in PHONE.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND: list[tuple[str, str]] = [
    ("母の携帯は080-5512-3390です。", "080-5512-3390"),
    ("連絡先：０８０－５５１２－３３９０まで", "０８０－５５１２－３３９０"),
    ("ホストファミリーの電話番号は03-5521-7788です", "03-5521-7788"),
    ("爸爸的手机号是13987654321，有事请联系。", "13987654321"),
    ("아빠 휴대폰은 010-9876-5432예요.", "010-9876-5432"),
    ("전화번호: ０１０－３３４４－５５６６", "０１０－３３４４－５５６６"),
]


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_number_in_cjk_text(text: str, number: str) -> None:
    assert number in _found(text)


TRAPS: list[str] = [
    "学籍番号は2024001234です。",  # a student number
    "２０２６年４月１日に入学しました。",  # a date in full-width digits
    "参加費は3000円です。",  # a price
    "学号20240312，请保存。",
    "수업은 2026-03-02에 시작해요.",  # a date with dashes
]


@pytest.mark.parametrize("text", TRAPS)
def test_no_number(text: str) -> None:
    assert _found(text) == []


# A number wrapped at a dash onto the next line ("07700 900-\n184"), as a word is hyphenated
# at a line's end (contact/phone_words.py); scores wrapped the same way are no number.
WRAPPED: list[tuple[str, str]] = [
    ("Ring the Patels on 07700 900-\n471 after six.", "07700 900-\n471"),
    ("Their landline: 0161 496-\n0733, evenings only.", "0161 496-\n0733"),
]


@pytest.mark.parametrize(("text", "number"), WRAPPED)
def test_number_wrapped_at_a_dash(text: str, number: str) -> None:
    assert number in _found(text)


def test_scores_wrapped_at_a_dash() -> None:
    assert _found("Results: 12-\n14, 16-\n18 and 20-\n22 this season.") == []


# Order, invoice and booking numbers named in the students' languages are references, not
# phone numbers (data/contact.toml [phone] negatives).
REFERENCES: list[str] = [
    "Número de pedido: 2026-448812. Llega el viernes.",
    "Numero d'ordine 2026-339102, grazie!",
    "Bestellnummer: 2026-771203",
    "Numéro de commande : 2026-550917",
    "Numer zamówienia: 2026-660341",
    "Sipariş numarası: 2026-889120",
]


@pytest.mark.parametrize("text", REFERENCES)
def test_reference_is_no_phone(text: str) -> None:
    assert _found(text) == []
