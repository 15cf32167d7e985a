"""Full dates of birth in the layouts of other languages and scripts: Japanese era years,
Chinese numerals, Korean dotted dates and the 생 written after a date, German "geb." and
Polish "ur." before a date; and what is no date of birth (an age alone, a school date).
Offsets stay right whatever script, combining mark, right-to-left mark or full-width digit
stands around the date (property test)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard.detectors.dates import DateOfBirthDetector
from postguard.policy import Policy

DETECTOR = DateOfBirthDetector(Policy.default())


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in DETECTOR.detect_text(text)
            if f.start is not None and f.end is not None]


FULL: list[tuple[str, str]] = [
    ("佐藤 蓮　生年月日：平成25年11月2日", "平成25年11月2日"),
    ("はるかちゃんは令和元年6月9日生まれです", "令和元年6月9日"),
    ("学生证：陈思远，出生日期：二〇一三年七月二十日", "二〇一三年七月二十日"),
    ("王小明，二〇一二年十月一日出生于上海", "二〇一二年十月一日"),
    ("김하늘 학생은 2013년 1월 9일생이에요.", "2013년 1월 9일"),
    ("이서준 (2012. 7. 4. 생) 합창단 합격!", "2012. 7. 4."),
    ("Emil Schmidt, geb. 03.09.2013, Klasse 4b", "03.09.2013"),
    ("Hanna Nowak, ur. 17 października 2012 r., klasa 5", "17 października 2012"),
    ("Kuba Wiśniewski (ur. 08.11.2013) dołącza do chóru", "08.11.2013"),
    ("Соня, родилась 12 апреля 2013 года, поёт в хоре", "12 апреля 2013"),
    ("Тарас народився 9 жовтня 2012 р.", "9 жовтня 2012"),
    ("Freja er født 4. maj 2013 i Aarhus", "4. maj 2013"),
    ("Elsa, född 21 augusti 2012", "21 augusti 2012"),
    ("Học sinh Minh, ngày sinh 15/04/2013", "15/04/2013"),
    # a pupil's date on an identity document: too old to be a valid passport's date of issue
    ("Please check Dae-ho's passport: 2012년 6월 21일, is that right?", "2012년 6월 21일"),
    ("Her passport says 9 October 2012 but the form says 2013.", "9 October 2012"),
    ("Pasaporte de Lucía: 22/01/2013", "22/01/2013"),
]


@pytest.mark.parametrize(("text", "date"), FULL, ids=[f[0][:30] for f in FULL])
def test_full_dates_of_birth(text: str, date: str) -> None:
    assert found(text) == [("PG311", date)]


NOT_BIRTH: list[str] = [
    "二〇二五年九月一日开学，请准时到校。",  # the first day of term
    "2025. 9. 1. 개학식이 있어요. 학생 여러분 환영합니다.",
    "令和7年4月8日に入学式を行います。",
    "Lina (12) hat beim Lesewettbewerb gewonnen.",  # an age alone
    "Zajęcia zaczynają się 2 września 2025 r.",
    "생각해 보니 2024년 3월 2일은 개학날이었어요.",
    "Занятия начинаются 1 сентября 2025 года.",
    "Skolen starter 11. august 2025, og vi ses i maj.",
    # a passport's own dates: issued or expiring
    "Passport issued 3 May 2022, valid until 2032.",
    "Passports must not expire before 30 June 2027.",
    "여권 발급일: 2023년 5월 1일",
]


@pytest.mark.parametrize("text", NOT_BIRTH)
def test_not_dates_of_birth(text: str) -> None:
    assert found(text) == []


_PAD = st.text(alphabet=st.sampled_from(list("a中한ب\u0301\u200f\u202e ２")), max_size=10)
_DATES = st.sampled_from([("出生日期：", "2012年5月14日"), ("生年月日：", "平成24年5月14日"),
                          ("생년월일: ", "2012년 5월 14일"), ("DOB ", "14/05/2012"),
                          ("出生日期：", "二〇一二年五月十四日")])


@settings(max_examples=80, deadline=None)
@given(_PAD, _DATES, _PAD)
def test_offsets_in_any_script(before: str, cue_date: tuple[str, str], after: str) -> None:
    cue, date = cue_date
    text = f"{before}。{cue}{date}。{after}"
    start = len(before) + 1 + len(cue)
    assert (start, start + len(date)) in [(f.start, f.end) for f in DETECTOR.detect_text(text)]
