"""A Chinese child's full name with no cue word after it, in a clause that says the child is
a pupil: "X是...的学生", "X是我们班的新同学" (names/scripts.py `_ZH_IS_STUDENT`). Next to the
school in that clause the post is blocked.

Traps: common words that begin with a family-name character ("周末", "方法", "高中") before 是,
a teacher, and a pupil word that does not close the clause."""

from __future__ import annotations

import pytest
from found import child_names

from postguard import Screener
from postguard.detectors.names import PersonNameDetector

FOUND: list[tuple[str, str]] = [
    ("刘欣然是杭州市西湖区文澜小学的学生，今年第一次出国。", "刘欣然"),
    ("陈浩是我们班的新同学。", "陈浩"),
    ("今天介绍一下：孙雨桐是五年级的学生！", "孙雨桐"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_found(detector: PersonNameDetector, text: str, name: str) -> None:
    assert name in child_names(detector, text)


TRAPS: list[str] = [
    "周末是学生最开心的时候。",
    "方法是学生自己选的。",
    "高中是很多学生的梦想。",
    "王老师是我们的班主任，也是学生的好朋友。",
    "周末是属于学生的。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(detector: PersonNameDetector, text: str) -> None:
    assert child_names(detector, text) == []


def test_name_and_school_block() -> None:
    report = Screener().screen("刘欣然是杭州市西湖区文澜小学的学生，今年第一次出国。")
    assert report.verdict.value == "block"
