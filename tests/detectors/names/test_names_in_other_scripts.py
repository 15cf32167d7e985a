"""Children's names in Chinese, Japanese and Korean next to cue words (同学, 小朋友, くん,
ちゃん, さん, 학생, 양, 군), with staff titles (老师, 先生, 선생님) and everyone-words as traps
(detectors/names/scripts.py); with a school in the same post the triangle blocks."""

from __future__ import annotations

import pytest

from postguard import Screener
from postguard.detectors.names import PersonNameDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> PersonNameDetector:
    return PersonNameDetector(Policy.default())


def names(detector: PersonNameDetector, text: str) -> list[str]:
    return [text[f.start:f.end] for f in detector.detect_text(text)
            if f.start is not None and f.end is not None and f.severity.value != "low"]


POSITIVES: list[tuple[str, str]] = [
    ("祝贺刘子涵同学获得演讲比赛一等奖！", "刘子涵"),
    ("周末小宇小朋友和爸爸一起来参观。", "小宇"),
    ("今天欢迎新来的黄思琪同学。", "黄思琪"),
    ("ソウタくんがスピーチをしました。", "ソウタ"),
    ("結衣ちゃん、お誕生日おめでとう！", "結衣"),
    ("山本さんのお子さんは五年生です。", "山本"),
    ("예린 학생이 대회에서 우승했습니다.", "예린"),
    ("최지우 양이 피아노를 연주했어요.", "최지우"),
    ("박서준 군은 축구부 주장입니다.", "박서준"),
]

TRAPS: list[str] = [
    "感谢李老师和张老师的辛苦付出。",
    "全体同学请到操场集合。",
    "各位同学，明天放假。",
    "同学们，加油！",
    "佐藤先生が引率しました。",
    "みなさん、ありがとうございました。",
    "お母さんと一緒に来てください。",
    "이민호 선생님께 감사드립니다.",
    "모든 학생은 9시까지 오세요.",
    "우리 학생들이 열심히 했어요.",
]


@pytest.mark.parametrize(("text", "name"), POSITIVES)
def test_childrens_names_next_to_cues(detector: PersonNameDetector, text: str,
                                      name: str) -> None:
    assert name in names(detector, text)


@pytest.mark.parametrize("text", TRAPS)
def test_staff_titles_and_everyone_words_are_not_children(detector: PersonNameDetector,
                                                           text: str) -> None:
    assert names(detector, text) == []


@pytest.mark.parametrize(("text", "verdict"), [
    ("祝贺刘子涵同学考入杭州市第二中学！", "block"),
    ("예린 학생은 부산해운대초등학교에 다녀요.", "block"),
    ("感谢李老师来自杭州市第二中学的分享。", "review"),
])
def test_a_child_and_a_school_block(text: str, verdict: str) -> None:
    assert Screener().screen(text).verdict.value == verdict
