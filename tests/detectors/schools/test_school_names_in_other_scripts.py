"""School names in Chinese, Japanese, Korean and Arabic (detectors/schools/scripts.py), with
the kinds of school and the "at school" phrasings that name no school."""

from __future__ import annotations

import pytest
from found import spans as schools

from postguard.detectors.schools import SchoolDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> SchoolDetector:
    return SchoolDetector(Policy.default())


POSITIVES: list[tuple[str, str]] = [
    ("李华现在就读于杭州市第二中学，成绩很好。", "杭州市第二中学"),
    ("她是南京外国语学校的学生。", "南京外国语学校"),
    ("张明从成都七中实验学校毕业了。", "成都七中实验学校"),
    ("我们参观了广州市天河区华阳小学。", "广州市天河区华阳小学"),
    ("陈同学来自深圳中学高中部。", "深圳中学"),
    ("弟弟在台北市立建國高級中學讀書。", "台北市立建國高級中學"),
    ("ユイちゃんは横浜市立みなと小学校に通っています。", "横浜市立みなと小学校"),
    ("大阪府立北野高等学校の交換留学生が来ました。", "大阪府立北野高等学校"),
    ("兄は開成高校の三年生です。", "開成高校"),
    ("서연이는 부산해운대초등학교 3학년이에요.", "부산해운대초등학교"),
    ("대구외국어고등학교 학생들이 방문했습니다.", "대구외국어고등학교"),
    ("تدرس ليلى في مدرسة الأمل الابتدائية منذ سنتين", "مدرسة الأمل الابتدائية"),
    ("انتقل عمر إلى مدرسة الفجر الدولية", "مدرسة الفجر الدولية"),
]

TRAPS: list[str] = [
    "我们在学校吃午饭。",
    "今年的暑期学校七月开始，欢迎报名！",
    "他报了一个语言学校学英语。",
    "这所学校很漂亮。",
    "小学生们在操场上跑步。",
    "她是一名高中生。",
    "学校で日本語を勉強しました。",
    "日本語学校の説明会に参加しました。",
    "학교에서 점심을 먹었어요.",
    "여름학교 신청은 다음 주까지입니다.",
    "우리학교 축제에 오세요!",
    "ذهب الأطفال إلى المدرسة صباحا",
    "سجلت في مدرسة صيفية للغة الإنجليزية",
    "نحن مدرسة لغات في لندن",
]


@pytest.mark.parametrize(("text", "name"), POSITIVES)
def test_school_names_in_other_scripts(detector: SchoolDetector, text: str, name: str) -> None:
    assert name in schools(detector, text)


@pytest.mark.parametrize("text", TRAPS)
def test_kinds_of_school_and_at_school_are_not_names(detector: SchoolDetector,
                                                      text: str) -> None:
    assert schools(detector, text) == []
