"""Home addresses in Chinese, Japanese, Korean and Arabic (detectors/places/scripts.py), and
addresses abroad grown over their postal code and town ("Calle de Alcalá 45, 28014 Madrid"):
the whole address is one finding, so the redacted text keeps none of it."""

from __future__ import annotations

import pytest
from found import addresses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postguard import Screener
from postguard.detectors.places import AddressDetector

POSITIVES: list[tuple[str, str]] = [
    ("寄宿家庭住址：杭州市西湖区文三路259号，周末可以来玩。", "杭州市西湖区文三路259号"),
    ("小林家住广州市天河区体育西路103号", "广州市天河区体育西路103号"),
    ("ホームステイ先の住所：京都府京都市左京区北白川5丁目2-14",
     "京都府京都市左京区北白川5丁目2-14"),
    ("そうたくんの家は神奈川県横浜市中区山下町27番地です", "神奈川県横浜市中区山下町27番地"),
    ("지우네 주소: 인천광역시 연수구 송도대로 88", "인천광역시 연수구 송도대로 88"),
    ("하은이는 대구광역시 수성구 달구벌대로 2450 에 살아요", "대구광역시 수성구 달구벌대로 2450"),
    ("العنوان: شارع العليا 27، الرياض", "شارع العليا 27، الرياض"),
    # spaces between the parts, a lane and a flat; a road numbered off a main road and a flat
    ("Birthday card for Hao's host family: 南京市鼓楼区中山北路 120弄 8号 602室, thanks!",
     "南京市鼓楼区中山北路 120弄 8号 602室"),
    ("Send Riko's photos to her family address: 福岡県福岡市中央区大名 1-9-22.",
     "福岡県福岡市中央区大名 1-9-22"),
    ("민서 가족에게 보낼 선물: 광주광역시 서구 상무대로 15길 8, 305동 1102호",
     "광주광역시 서구 상무대로 15길 8, 305동 1102호"),
    ("帮小雨家寄一本书：成都市武侯区科华北路33号1栋2单元704室。",
     "成都市武侯区科华北路33号1栋2单元704室"),
    ("健太くんのご家族への手紙：愛知県名古屋市千種区今池4-6-11", "愛知県名古屋市千種区今池4-6-11"),
    # addresses abroad with their postal code and town
    ("Her host family lives at Carrer de Mallorca 212, 08036 Barcelona.",
     "Carrer de Mallorca 212, 08036 Barcelona"),
    ("Elle habite 8 rue des Lilas, 69003 Lyon, avec sa tante.", "8 rue des Lilas, 69003 Lyon"),
    ("Sie wohnt in der Lindenstraße 14, 50674 Köln.", "Lindenstraße 14, 50674 Köln"),
    ("His cousins live at 48 Maple Avenue, Albany, NY 12203", "48 Maple Avenue, Albany, NY 12203"),
]


@pytest.mark.parametrize(("text", "address"), POSITIVES, ids=[p[0][:30] for p in POSITIVES])
def test_addresses_found_whole(detector: AddressDetector, text: str, address: str) -> None:
    assert addresses(detector, text) == [address]


TRAPS: list[str] = [
    "北京市海淀区中关村大街27号是我们学校的新校区。",  # no home cue: a public address
    "2025年9月1日开学，三年级2班在3楼。",
    "地址：3楼会议室",
    "住在东京的同学请举手。",
    "서울특별시 강남구 테헤란로 152 에서 박람회가 열립니다.",
    "شارع الملك فهد مزدحم اليوم",
    # a family day at a public venue, a flat number with no address
    "家族で行ける科学館は名古屋市中区栄 2-17-1 にあります。",
    "가족에게 인기 많은 박물관은 다음 주에 문을 엽니다.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_no_home_address(detector: AddressDetector, text: str) -> None:
    assert addresses(detector, text) == []


def test_a_year_after_an_address_is_no_postal_code(detector: AddressDetector) -> None:
    text = "The club was founded at 4 Elm Road, 2024 was our best year."
    assert addresses(detector, text) == ["4 Elm Road"]


_PAD = st.text(alphabet=st.sampled_from(list("a中한ب\u0301\u200f\u202e ２。")), max_size=8)
_HOMES = st.sampled_from(["住址：杭州市西湖区文三路259号", "주소: 인천광역시 연수구 송도대로 88",
                          "住所：京都府京都市左京区北白川5丁目2-14"])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_PAD, _HOMES, _PAD)
def test_redaction_keeps_no_part_of_a_script_address(screener: Screener, before: str,
                                                     home: str, after: str) -> None:
    text = f"{before}。{home}。{after}"
    address = home.split("：")[-1].split(": ")[-1]
    start = text.index(address)
    report = screener.screen(text)
    spans = [(f.start, f.end) for f in report.findings
             if f.start is not None and f.end is not None and f.category.value == "address"]
    assert (start, start + len(address)) in spans
    assert report.redacted_text is not None and address not in report.redacted_text
