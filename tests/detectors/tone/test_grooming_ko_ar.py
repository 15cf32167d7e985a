"""Grooming moves in Korean and Arabic the lexicons missed until this round: keeping something
from parents or teachers, moving the chat to another app, "mature for your age" with an adverb
between. Table-driven, fresh wording written for these tests, with traps."""

from __future__ import annotations

import functools

import pytest

from postguard import Screener

DETECTORS = ("private_contact", "over_familiar")


@functools.cache
def _screener() -> Screener:
    return Screener(detectors=DETECTORS)


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in _screener().screen(text).findings]


FOUND = [
    ("선생님한테는 비밀로 해줘, 알겠지?", "PG452", "선생님한테는 비밀로"),
    ("이건 아빠한테 비밀이야 ㅎㅎ", "PG452", "아빠한테 비밀이야"),
    ("여기 말고 텔레그램으로 얘기하자", "PG451", "텔레그램으로 얘기하자"),
    ("디스코드로 넘어와 거기서 말해줄게", "PG451", "디스코드로 넘어와"),
    ("انتي واعية كتير لعمرك", "PG443", "واعية كتير لعمرك"),
    ("شكلك ناضجة مرة بالنسبة لسنك", "PG443", "ناضجة مرة بالنسبة لسنك"),
    ("ابعتلي على الانستا احسن", "PG451", "ابعتلي على الانستا"),
    ("راسلني تيليجرام بعد المدرسة", "PG451", "راسلني تيليجرام"),
]


@pytest.mark.parametrize(("text", "code", "span"), FOUND)
def test_grooming_moves(text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text)


@pytest.mark.parametrize("text", [
    "엄마한테는 비밀로 하자! 깜짝 생일 파티야",          # a surprise for mum
    "가정통신문은 카톡 단체방으로 보내드립니다",          # a notice sent to the class group
    "수업 자료는 학교 홈페이지에서 받으세요",
    "للتواصل مع المدرسة اتصلوا على رقم المكتب",          # call the school office
    "الطالب ناضج جدا في عمله وملتزم",                    # a report: mature in his work
    "تابعوا صفحة المدرسة الرسمية على انستغرام",
])
def test_traps(text: str) -> None:
    assert _found(text) == []
