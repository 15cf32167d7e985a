"""Where a child can be found, told in the post's own words (detectors/places/venues.py,
read by clues.location_clues): a venue given by its kind and name in a sentence with a
regular time, in Latin, Arabic, Chinese, Japanese and Korean script; a neighbourhood named
with its word after it in a sentence that tells a home. Addresses in other scripts after an
English or a Chinese cue (places/scripts.py). Fresh wording, not from any evaluation set."""

from __future__ import annotations

import pytest
from linear import assert_linear

from postguard import Post, Screener
from postguard.detectors.places import AddressDetector

# (text, a place that must be found inside a finding, the category)
FOUND: list[tuple[str, str, str]] = [
    # a named child's routine at a venue named by its kind
    ("Chaque mercredi à 16 h, Inès nage à la piscine des Tilleuls.", "piscine des Tilleuls",
     "location"),
    ("Todos los martes Lucía entrena en el polideportivo Los Almendros.",
     "polideportivo Los Almendros", "location"),
    ("Jonas spielt jeden Freitag im Verein Blau Weiss Fußball.", "Verein Blau Weiss",
     "location"),
    ("Kuba co sobotę o 9:00 pływa na basenie Delfinek, trzymajcie kciuki!", "basenie Delfinek",
     "location"),
    ("يتمرن سامي كل خميس في ملعب الأمل الرياضي بعد المدرسة", "ملعب الأمل", "location"),
    ("小杰每周三下午四点在东湖公园旁边的游泳馆训练。", "东湖公园旁边的游泳馆", "location"),
    ("ユウタくんは毎週金曜日の夕方、さくら通りの空手道場に通っています。", "空手道場", "location"),
    ("서연이는 매주 목요일 저녁 7시에 시민공원 옆 수영장에 갑니다.", "시민공원 옆 수영장",
     "location"),
    # a bus stop, a youth centre; a doubled pet name, a Korean subject without "이"
    ("小军每天早上七点在小区门口的公交站等校车。", "小区门口的公交站", "location"),
    ("乐乐每周六下午去市少年宫的活动中心学跳舞。", "市少年宫的活动中心", "location"),
    ("지호는 매일 오후 4시에 행복마을 앞 정류장에서 기다립니다.", "행복마을 앞 정류장", "location"),
    ("تسبح سلمى كل أحد في مسبح الواحة الساعة الخامسة", "مسبح الواحة", "location"),
    # a neighbourhood named with its word, in a sentence that tells a home
    ("我们的冬令营学生都住在伯明翰Kings Heath区的寄宿家庭。", "Kings Heath", "location"),
    ("留学生たちはリーズのメドウバンク地区のホストファミリーと暮らしています。", "メドウバンク",
     "location"),
    ("학생들은 모두 Fairfield 동네 홈스테이에서 머물 예정입니다.", "Fairfield", "location"),
    ("Öğrencilerimiz bu ay Oakdene semtinde ailelerin yanında kalıyor.", "Oakdene", "location"),
    ("학생들은 리즈의 로던 동네에서 홈스테이를 합니다.", "로던", "location"),
    # addresses in other scripts after an English or a Chinese cue, covered whole
    ("Send Mei's prize to her home: 广州市天河区体育西路12号3栋801室.",
     "广州市天河区体育西路12号3栋801室", "address"),
    ("请把奖状寄到她家：杭州市西湖区文三路15号院2号楼3单元401。",
     "杭州市西湖区文三路15号院2号楼3单元401", "address"),
    ("Kenta's host family address: 大阪府吹田市山田西2丁目8-3.", "大阪府吹田市山田西2丁目8-3",
     "address"),
    ("Layla's family address: حي النخيل، شارع الورد، مبنى ١٤، جدة",
     "حي النخيل، شارع الورد، مبنى ١٤، جدة", "address"),
]


@pytest.mark.parametrize(("text", "place", "category"), FOUND)
def test_found(detector: AddressDetector, text: str, place: str, category: str) -> None:
    s = text.index(place)
    e = s + len(place)
    assert any(f.start is not None and f.end is not None and f.start <= s and e <= f.end
               and f.category.value == category for f in detector.detect_text(text)), place


TRAPS: list[str] = [
    # a venue's opening hours, an event, no one's routine
    "Tous les samedis, la piscine des Tilleuls ouvre à 8 h pour tout le monde.",
    "Cada domingo el polideportivo Los Almendros organiza un mercadillo.",
    "每周六上午体育馆开放到十二点。",
    "이번 주 토요일 시민공원에서 축제가 열립니다.",
    "어린이는 매주 토요일 도서관에 가요.",  # "children": a word, not a name
    "우리는 매주 금요일 시민공원에서 만나요.",  # "we"
    "우리 동네 홈스테이 가족들은 모두 친절해요.",  # "our neighbourhood"
    "يتدرب فريق المدرسة كل خميس في ملعب الأمل",  # a team, no one named
    # a district with no home, a wide city, a district in kanji only
    "我们参观了伦敦Camden区的市场。",
    "生徒たちはロンドン地区の美術館を見学しました。",
    "留学生たちは新宿区のホテルに泊まります。",
    # a platform after "host family on" is no place
    "You can reach the host family on WeChat during the stay.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(detector: AddressDetector, text: str) -> None:
    assert [text[f.start:f.end] for f in detector.detect_text(text)
            if f.category.value == "location"] == []


def test_a_venue_address_without_a_home_cue_is_left(detector: AddressDetector) -> None:
    text = "The museum we visit on Friday is at 上海市黄浦区南京东路100号, open to all."
    assert list(detector.detect_text(text)) == []


def test_a_named_childs_venue_routine_blocks(screener: Screener) -> None:
    text = "Tous les jeudis à 17 h, Inès nage à la piscine des Tilleuls."
    assert screener.screen(Post(text=text)).verdict.value == "block"


def test_offsets_in_mixed_scripts(detector: AddressDetector) -> None:
    text = "Ｘ😀 " + FOUND[5][0] + " \u202e" + FOUND[10][0]
    for f in detector.detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)


def test_linear_time_on_many_venues_homes_and_events(detector: AddressDetector) -> None:
    unit = (FOUND[0][0] + " " + FOUND[5][0] + FOUND[7][0] + " " + FOUND[11][0] + " "
            "Cheer on Maisie at the Parkside Lido this Sunday at 10am. "
            "Ana lives on Moorside Road, number 9, and Mia lives on Elm Grove, no. 4. ")
    small = unit * 60
    assert_linear(lambda t: list(detector.detect_text(t)), small, small * 10, repeats=1,
                  slack=0.5)
