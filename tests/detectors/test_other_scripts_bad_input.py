"""Bad input in scripts other than Latin (issue 13): mixed scripts, right-to-left marks,
combining marks and full-width digits around the new CJK, Korean and Arabic rules. Offsets
stay right, nothing crashes, and time grows linearly with the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard import Screener
from postguard.detectors.contact.messaging import messaging_ids
from postguard.detectors.names.scripts import child_names
from postguard.detectors.schools.scripts import script_school_spans

_PIECES = [
    "王小红同学", "在北京市第一中学", "学校で", "학교에서 ", "지민 학생이 ", "ハルトくん",
    "微信号：",
    "abc_123", "카톡 아이디 ", "مدرسة النور", " في ", "\u200f", "\u200e", "\u0301", "\u3000",
    "２０１３年５月３日", "생년월일: ", "出生日期：", "Amy ", "12 Elm Road, ", "Leeds ", "\n",
    "😀", "İ", "ß", "。", "，", "(", ")", "0", "1",
]

_screener = Screener()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_offsets_stay_inside_the_text_in_any_script(pieces: list[str]) -> None:
    text = "".join(pieces)
    report = _screener.screen(text)
    for f in report.findings:
        if f.source == "text" and f.start is not None and f.end is not None:
            assert 0 <= f.start < f.end <= len(text)
    assert isinstance(report.redacted_text, str)


_MIXED = st.text(alphabet=st.sampled_from(list("你好。학교 مرحبا\u200f\u0301０")), max_size=20)


@settings(max_examples=100, deadline=None)
@given(before=_MIXED, after=_MIXED)
def test_a_messaging_id_is_found_where_it_stands(before: str, after: str) -> None:
    text = f"{before}。微信号：mei_li2012 {after}"
    assert "mei_li2012" in [text[s:e] for s, e in messaging_ids(text)]


def test_long_mixed_script_posts_stay_linear() -> None:
    unit = "王小红同学在北京市第一中学读书。지민 학생이 서울중앙초등학교에 다녀요. 微信号：abc_123 "

    def run(text: str) -> None:
        script_school_spans(text)
        child_names(text)
        messaging_ids(text)

    assert_linear(run, unit * 40, unit * 400)


def test_screening_a_long_mixed_script_post_stays_linear() -> None:
    unit = "生年月日：２０１３年５月３日。مدرسة النور الابتدائية ハルトくん 12 Elm Road, Leeds. "

    def run(text: str) -> None:
        _screener.screen(text)

    assert_linear(run, unit * 20, unit * 200)
