"""A grooming phrase quoted in a safety warning is named, not said to a child: no
private-contact finding there, in the students' languages. Unquoted, or without a warning's
cue, or in a message aimed at a child, it stays a finding. Fresh wording written for these
tests."""

from __future__ import annotations

import functools

import pytest

from postguard import Category, Screener, Verdict
from postguard.detectors.tone.safety_warnings import is_warning, quoted


@functools.cache
def _screener() -> Screener:
    return Screener()


def _private(text: str) -> list[str]:
    report = _screener().screen(text)
    return [f.code for f in report.findings if f.category is Category.PRIVATE_CONTACT]


WARNINGS = [
    'Online safety week: a message saying "keep this between us" is a red flag. '
    "Tell a trusted adult straight away.",
    "Class quiz: what would you do if someone asked 'are you home alone?' Write two safe "
    "replies.",
    "Conseil : si un inconnu t'écrit « c'est notre secret », parles-en à un adulte de "
    "confiance.",
    'Consejo: si alguien te escribe "no se lo digas a nadie", habla con un adulto de '
    "confianza.",
    "Hinweis: Schreibt dir jemand „sag es niemandem“, rede mit einer Vertrauensperson.",
    "温馨提示：陌生人说“这是我们的秘密”时，请马上告诉你信任的大人。",
    "ポイント：「だれにも言わないで」と言われたら、信頼できる大人に話そう。",
    # the plain "tell an adult / a teacher" of each language is a warning's cue too
    "Uwaga: gdy ktoś na czacie pisze „nie mów mamie”, powiedz o tym nauczycielowi.",
    "Oyunda biri sana \"kimseye söyleme\" yazarsa hemen öğretmenine söyle.",
    "如果有人在游戏里跟你说“别跟爸妈讲”，要马上告诉老师。",
    "ゲームで「ママにはひみつね」と言われたら、先生に相談してね。",
    "إذا كتب لك أحد في اللعبة \"لا تخبر أحداً\" فأخبر والديك فوراً.",
]


@pytest.mark.parametrize("text", WARNINGS)
def test_a_quoted_phrase_in_a_safety_warning_is_no_finding(text: str) -> None:
    assert _private(text) == []
    assert _screener().screen(text).verdict is Verdict.ALLOW


TRAPS = [
    # said to a child, no warning
    "keep this between us ok, nobody else needs to know",
    # a warning's words in a groomer's message, the phrase unquoted
    "you can tell a trusted adult if you want but keep this between us",
    # quoted, but no warning: a groomer quoting himself
    "remember what I said, \"it's our secret\" xx",
    # a teacher's cue in a groomer's message, the phrase unquoted
    "nie mów mamie ok? a jak ktoś zapyta, powiedz nauczycielowi że byłaś w bibliotece",
]


@pytest.mark.parametrize("text", TRAPS)
def test_grooming_phrases_stay_findings_outside_a_quoted_warning(text: str) -> None:
    assert _screener().screen(text).verdict is Verdict.BLOCK


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ('he said "keep quiet" to me', 9, 19, True),
    ("don't keep quiet about it", 6, 16, False),            # an apostrophe is no quote
    ('asked "are you alone?" twice', 7, 20, True),          # the question ends in its quotes
    ('she said "hi. keep quiet" then', 14, 24, False),      # a sentence break before it
    ("「秘密だよ」と言われた", 1, 4, True),
])
def test_quoted(text: str, start: int, end: int, expected: bool) -> None:
    assert quoted(text, start, end) is expected


def test_warning_cues_in_several_languages() -> None:
    assert is_warning("Tell a Trusted Adult")
    assert is_warning("parla con un adulto di fiducia")
    assert is_warning("믿을 수 있는 어른에게 말해요")
    assert not is_warning("see you after the match")
