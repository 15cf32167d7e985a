"""Full dates of birth in Chinese, Japanese, Korean and Arabic layouts next to birth cues in
those languages (detectors/dates/scripts.py); dates without a cue, adults' birthdays and
founding dates are traps. Offsets stay right with full-width and Arabic-Indic digits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.dates import DateOfBirthDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> DateOfBirthDetector:
    return DateOfBirthDetector(Policy.default())


def dates(detector: DateOfBirthDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


POSITIVES: list[tuple[str, str]] = [
    ("欢迎新同学！李雨涵，出生于2013年9月14日，来自苏州。", "2013年9月14日"),
    ("表格上写着：出生年月日 2012年12月1号", "2012年12月1号"),
    ("我儿子2015年6月30日出生，今年上三年级。", "2015年6月30日"),
    ("生年月日：2014年1月9日（木）", "2014年1月9日"),
    ("さくらちゃんは２０１３年１０月２日生まれです。", "２０１３年１０月２日"),
    ("하준이는 2014년 8월 21일에 태어났어요.", "2014년 8월 21일"),
    ("생일: 2012년 11월 5일 (월)", "2012년 11월 5일"),
    ("출생: 2013.04.17", "2013.04.17"),
    ("تاريخ الميلاد ٢٠/٠٣/٢٠١٣", "٢٠/٠٣/٢٠١٣"),
    ("ولد يوسف في 7 حزيران 2014 في عمّان", "7 حزيران 2014"),
    ("مواليد 15 سبتمبر 2012", "15 سبتمبر 2012"),
]

TRAPS: list[str] = [
    "2025年9月1日开学，请准时到校。",
    "学校创办于1998年5月3日。",
    "王老师的生日是1986年2月14日，我们给她准备了蛋糕。",
    "キム先生の誕生日は1979年7月7日です。",
    "2024년 10월 3일은 개천절입니다.",
    "박 선생님 생일은 1982년 3월 9일이에요.",
    "الرحلة المدرسية يوم 12/05/2025",
    "ولد الشاعر في 3 مارس 1890",
]


@pytest.mark.parametrize(("text", "span"), POSITIVES)
def test_full_dates_of_birth_in_other_scripts(detector: DateOfBirthDetector, text: str,
                                              span: str) -> None:
    assert ("PG311", span) in dates(detector, text)


@pytest.mark.parametrize("text", TRAPS)
def test_event_and_adult_dates_are_not_a_childs(detector: DateOfBirthDetector,
                                                text: str) -> None:
    assert [c for c, _ in dates(detector, text) if c == "PG311"] == []


_ALPHABET = list("你好、。学校みんなの사랑 مرحبا ０１٢ab\u0301\u200f")
_FILLER = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=30)


@settings(max_examples=120, deadline=None)
@given(before=_FILLER, after=_FILLER, full_width=st.booleans())
def test_offsets_stay_right_in_any_script(detector: DateOfBirthDetector, before: str,
                                          after: str, full_width: bool) -> None:
    date = "2013年5月3日"
    if full_width:
        date = date.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    text = f"{before}。出生日期：{date}。{after}"
    found = dates(detector, text)
    assert ("PG311", date) in found
    for _, span in found:
        assert span in text
