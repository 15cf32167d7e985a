"""Phone numbers read out in the number words of the students' languages, in groups of tens
and hundreds (contact/phone_words_abroad.py, data/phone_number_words.toml), in Korean digit
syllables, or typed one digit at a time with spaced dashes (contact/phone.py): the span is
the words (or digits) of the number, judged like digits read out (a 0 number by the usual
rules, any other next to a contact cue and valid in a student's country).

Traps: the same words counting pupils, giving a score, an age or a price, with no cue and
no 0 in front; Korean words made of digit syllables; digits spread out in a score line."""

from __future__ import annotations

import pytest

from postguard.detectors.contact import PhoneDetector
from postguard.policy import Policy

PHONE = PhoneDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in PHONE.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND: list[tuple[str, str]] = [
    # Spanish: a mobile of 9 digits read in groups, after "llamad"
    ("Si os perdéis en la feria, llamad a Inés: seis cuatro nueve, treinta y uno, veinte, "
     "cero ocho.", "seis cuatro nueve, treinta y uno, veinte, cero ocho"),
    # French: ten digits from "zéro", with soixante-dix-sept and quatre-vingt-douze
    ("Appelez Nadia au zéro sept, quatre-vingt-douze, trente et un, zéro quatre, "
     "soixante-dix-sept.",
     "zéro sept, quatre-vingt-douze, trente et un, zéro quatre, soixante-dix-sept"),
    # Polish: hundreds and tens, after "numer"
    ("gdyby coś, mój numer to: sześćset dwa, czterysta pięćdziesiąt, trzysta osiemnaście",
     "sześćset dwa, czterysta pięćdziesiąt, trzysta osiemnaście"),
    # Turkish: "beş yüz otuz iki" is 532, after the cue "arayın"
    ("Servis gecikirse Ayşe'yi arayın: sıfır beş yüz otuz iki, dört yüz on, yirmi iki, elli",
     "sıfır beş yüz otuz iki, dört yüz on, yirmi iki, elli"),
    # Portuguese: "trezentos e quarenta" with its joiner, after "liguem"
    ("Se chover, liguem para a Rita: nove um dois, trezentos e quarenta, quinhentos e sessenta",
     "nove um dois, trezentos e quarenta, quinhentos e sessenta"),
    # German glues the unit, "und" and the tens into one word
    ("Handy von Frau Berg: null eins sieben zwei, fünfundfünfzig, neunzig, vierunddreißig, "
     "einundachtzig", "null eins sieben zwei, fünfundfünfzig, neunzig, vierunddreißig, "
     "einundachtzig"),
    # Italian glues the tens and the unit, dropping a vowel before "otto" and "uno"
    ("per il ritiro chiamate la prof al tre quattro sette, ventotto, quarantadue, sessantuno, "
     "diciannove", "tre quattro sette, ventotto, quarantadue, sessantuno, diciannove"),
    # Korean digit syllables in groups
    ("늦으면 제 번호로 연락 주세요: 공일공 이사칠구 삼삼팔일", "공일공 이사칠구 삼삼팔일"),
    # a Spanish mobile typed one digit at a time with spaced dashes, after "Móvil"
    ("Móvil de la monitora: 6 5 4 - 1 2 - 3 3 - 8 7. Gracias", "6 5 4 - 1 2 - 3 3 - 8 7"),
]


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_found_with_its_span(text: str, number: str) -> None:
    assert number in _found(text)


NOT_PHONES = [
    "Temos seis turmas, vinte e dois alunos em cada uma e quarenta e cinco professores.",
    "El sábado jugamos tres partidos: ganamos dos a uno, cuatro a dos y tres a cero.",
    "Il y a vingt-deux élèves, trente parents et quarante-huit gâteaux au goûter.",
    "W szkole jest trzysta dwadzieścia osiem uczniów i czterdzieści dwie nauczycielki.",
    "Wir haben zweiundzwanzig Kinder, dreißig Eltern und fünfundvierzig Kuchen gezählt.",
    "Siamo ventidue alunni, trenta genitori e quarantacinque insegnanti in gita.",
    "Gezide on iki öğrenci, iki öğretmen ve beş yüz elli lira bütçe vardı.",
    "Entradas: quince euros adultos, diez euros niños, cinco euros jubilados.",
    "삼성 이사회 오일 가격이 올랐어요",
    "사이사이 일이삼 오육칠",
    "Final scores: 3 1 2 - 4 5 - 1 0 - 2 2 across the four houses",
    "Tables 1 2 3 4 5 6 7 8 9 are set for the quiz",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_counts_scores_and_prices_are_no_phone(text: str) -> None:
    assert _found(text) == []


def test_the_groups_gate_holds_every_digit_word_of_the_digit_by_digit_pass() -> None:
    # phone.py runs the digit-by-digit pass only where the groups' gate opened
    from postguard.detectors.contact._common import load_data
    from postguard.detectors.contact.phone_words_abroad import needs_number_words_pass

    for words in load_data("contact.toml")["phone"]["digit_words_abroad"]:
        for w in words:
            assert needs_number_words_pass(f"{w} {w} {w}"), w
