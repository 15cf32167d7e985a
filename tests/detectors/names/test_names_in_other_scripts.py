"""Children's names in Chinese, Japanese and Korean next to cue words (同学, 小朋友, くん,
ちゃん, さん, 학생, 양, 군), with staff titles (老师, 先生, 선생님) and everyone-words as traps
(detectors/names/scripts.py); with a school in the same post the triangle blocks."""

from __future__ import annotations

import pytest
from found import child_names as names

from postguard import Screener
from postguard.detectors.names import PersonNameDetector

POSITIVES: list[tuple[str, str]] = [
    ("祝贺刘子涵同学获得演讲比赛一等奖！", "刘子涵"),
    ("今天欢迎新来的黄思琪同学。", "黄思琪"),
    ("최지우 양이 피아노를 연주했어요.", "최지우"),
    ("박서준 군은 축구부 주장입니다.", "박서준"),
    ("高橋 大和くんが司会をしました。", "高橋 大和"),
]

# Full names without a cue word after them (names/script_full_names.py)
WITHOUT_CUE: list[tuple[str, str]] = [
    ("A big welcome to 陈嘉怡, who joins Year 7 today.", "陈嘉怡"),
    ("周子墨的作品被选进了展览。", "周子墨"),
    ("恭喜郭雨萱获得书法比赛一等奖！", "郭雨萱"),
    ("赵一诺是三班的新同学。", "赵一诺"),
    ("Well done to 中村 さくら and her team.", "中村 さくら"),
    ("松本悠真は水泳大会で優勝しました。", "松本悠真"),
    ("정하윤 and 강민준 led the assembly.", "정하윤"),
    ("오늘의 발표자는 임서아 (7학년).", "임서아"),
    ("نهنئ الطالبة مريم الزهراني على فوزها.", "مريم الزهراني"),
]

# A given name alone is not a full name (DESIGN.md person_name): not reported, but a first
# name for the combination rules (a school or a home area with it blocks).
GIVEN_ALONE: list[tuple[str, str]] = [
    ("周末小宇小朋友和爸爸一起来参观。", "小宇"),
    ("ソウタくんがスピーチをしました。", "ソウタ"),
    ("結衣ちゃん、お誕生日おめでとう！", "結衣"),
    ("예린 학생이 대회에서 우승했습니다.", "예린"),
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
    "山本さんのお子さんは五年生です。",  # a parent's family name alone
    "ホストファーザーの渡辺さんが駅まで送ってくれました。",
    "周末的活动改到下周一。",
    "高中部的同学们下午去博物馆。",
    "王老师明天带大家去公园。",
    "杜甫和白居易是唐代著名诗人。",
    "We learnt to write 加油 and 谢谢 in Mandarin club.",
    "박지훈 선생님이 새 담임이 되셨습니다.",
    "오늘은 유명한 그림을 봤어요.",
    "이번 주 금요일에 소풍을 갑니다.",
    "石川県の中学校と交流しました。",
    "الأستاذ خالد سيرافق الطلاب إلى المتحف.",
]


@pytest.mark.parametrize(("text", "name"), WITHOUT_CUE)
def test_full_names_without_a_cue_word(detector: PersonNameDetector, text: str,
                                       name: str) -> None:
    assert name in names(detector, text)


@pytest.mark.parametrize(("text", "name"), GIVEN_ALONE)
def test_a_given_name_alone_is_a_first_name_not_a_full_name(
        detector: PersonNameDetector, text: str, name: str) -> None:
    from postguard.detectors.names.first_names import child_first_names

    assert names(detector, text) == []
    assert name in [text[s:e] for s, e in child_first_names(text, 0, len(text), [])]


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
    ("ソウタくんは市立みどり台中学校から来ました。", "block"),  # a given name is enough
])
def test_a_child_and_a_school_block(text: str, verdict: str) -> None:
    assert Screener().screen(text).verdict.value == verdict


def test_a_long_post_is_searched_for_script_names_once() -> None:
    """child_first_names asks about the whole text once a sentence: the text must be read for
    Chinese, Japanese and Korean names once, not once a sentence (that was quadratic: a 1 MB
    post took 18 s)."""
    from postguard.detectors.names import scripts

    text = " ".join(f"Amy lives in Patcham and 小明同学 swims at Withdean every Saturday ({i})."
                    for i in range(300))
    scripts._child_names.cache_clear()
    Screener().screen(text)
    info = scripts._child_names.cache_info()
    assert info.misses <= 2 and info.hits >= 100, info
