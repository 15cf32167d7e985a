"""Laughter typed out and text-speak of the students' languages (data/tone/slang.tsv and
languages/*.tsv): "jajaja", "哈哈", "神すぎ", "대박", "echt krass", "raga", "ههههه",
"sjsjsj", "eyw", "nara", "xD", "hahaha". Traps: the ordinary words that share their letters
(哈哈镜 a funhouse mirror, 神社 a shrine, Nara the city, "XD" in capitals, "ein krasser
Fehler", Spanish "sus" (their), Polish "ur." (born), a postcode's "7HX"). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from postguard import Category
from postguard.screener import Screener

SL = Category.SLANG


@pytest.fixture(scope="module")
def tone() -> Screener:
    return Screener(detectors=("slang", "kisses"))


def spans(screener: Screener, text: str) -> list[tuple[Category, str]]:
    report = screener.screen(text)
    return [(f.category, text[f.start:f.end]) for f in report.findings
            if f.start is not None and f.end is not None]


POSITIVES = [
    ("jajajaja qué partido tan bueno el de ayer", "jajajaja"),
    ("jejeje, mañana más fotos del viaje", "jejeje"),
    ("哈哈哈哈，运动会的照片太好笑了", "哈哈哈哈"),
    ("今日の合唱コンクール、神すぎた！", "神すぎ"),
    ("체육대회 대박이었어요 다들 수고했어요", "대박"),
    ("Die Aufführung war echt krass, danke an alle", "echt krass"),
    ("raga domani si parte alle otto, portate il pranzo", "raga"),
    ("ahahahah che giornata in gita", "ahahahah"),
    ("هههههه الرحلة كانت رائعة", "هههههه"),
    ("o passeio foi top demais, obrigado a todos", "top demais"),
    ("sjsjsjsj maç çok iyiydi, eyw hocam", "sjsjsjsj"),
    ("sjsjsjsj maç çok iyiydi, eyw hocam", "eyw"),
    ("super wycieczka xD dzięki, nara", "xD"),
    ("super wycieczka xD dzięki, nara", "nara"),
    ("hahaha the teachers lost the tug of war again", "hahaha"),
    ("omw to the coach park, save me a seat", "omw"),
    ("the choir is rehearsing rn, come and listen", "rn"),
    ("happy bday to our lovely lunchtime supervisor", "bday"),
]


@pytest.mark.parametrize(("text", "span"), POSITIVES)
def test_found_with_its_span(tone: Screener, text: str, span: str) -> None:
    assert (SL, span) in spans(tone, text)


TRAPS = [
    "游乐园里的哈哈镜很受孩子们欢迎。",
    "遠足で近くの神社を見学しました。",
    "Year 8 visit Nara and Kyoto on the Japan exchange.",
    "Our XD design club meets on Thursdays.",
    "Im Bericht war ein krasser Fehler, den wir korrigiert haben.",
    "Damos las gracias a las familias por sus donativos para la rifa.",
    "Felicidades a la profesora Ortiz por sus veinte años en el colegio.",
    "Karta: Zofia Wiśniewska, ur. 4 marca 2013 r. w Lublinie.",
    "Ha ha, very funny, said the head teacher in the play.",
    "Welcome evening at the host family's house, Hove BN3 7HX, from six.",
    "Écrivez à lea.martin arobase orange point fr pour les photos.",
    "Two RN officers spoke to Year 10 about careers at sea.",
    "Our 5th Street Dance troupe opened the summer show.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_ordinary_words_are_no_slang(tone: Screener, text: str) -> None:
    assert not [s for s in spans(tone, text) if s[0] is SL]


def test_english_sus_is_still_slang(tone: Screener) -> None:
    assert (SL, "sus") in spans(tone, "that costume is a bit sus ngl")
