"""A Japanese child's full name written with a kanji family name and a given name in
hiragana ("佐藤ゆな", "鈴木はるか") before さん, くん or ちゃん (names/scripts.py): a full
name, reported medium; and a school whose name ends in 学院 or a section word (中等部, 高等部)
(data/scripts.toml [schools]), which next to the child's name blocks the post.

Traps: kanji that are no family name before a hiragana word, a teacher, a given name in
hiragana alone (a first name, not a full name)."""

from __future__ import annotations

import pytest
from found import child_names

from postguard import Screener
from postguard.detectors.names import PersonNameDetector

FULL: list[tuple[str, str]] = [
    ("佐藤ゆなさんが作文コンクールで入賞しました。", "佐藤ゆな"),
    ("鈴木はるかちゃんのお誕生日会をしました。", "鈴木はるか"),
    ("伊藤さくらさんは毎日ピアノを練習しています。", "伊藤さくら"),
]


@pytest.mark.parametrize(("text", "name"), FULL)
def test_full_name(detector: PersonNameDetector, text: str, name: str) -> None:
    assert name in child_names(detector, text)


NOT_FULL: list[str] = [
    "今日ゆいさんが来ました。",  # 今日 (today) is no family name
    "ゆなさんはテニスが上手です。",  # a given name alone
    "佐藤先生の授業はおもしろいです。",  # a teacher
    "みなさん、こんにちは。",
]


@pytest.mark.parametrize("text", NOT_FULL)
def test_not_full_name(detector: PersonNameDetector, text: str) -> None:
    assert child_names(detector, text) == []


def test_school_and_name_block() -> None:
    report = Screener().screen("白百合学院中等部の佐藤ゆなさんがスピーチで優勝しました。")
    cats = {f.category.value for f in report.findings}
    assert {"school", "person_name"} <= cats
    assert report.verdict.value == "block"
