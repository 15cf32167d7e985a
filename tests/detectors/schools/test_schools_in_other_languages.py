"""Schools named in the organisation's other languages and in the forms of the registers
(issue 13): Turkish okul compounds with their case endings, inflected Polish names, Arabic
secondary and primary words, a kana name after a Japanese city's "立", English centres that
are schools, a registered name's town and specialist college. Traps: summer and language
schools in every language, leisure centres, a child's name before a comma."""

from __future__ import annotations

import pytest
from found import spans as schools

from postguard import Screener
from postguard.detectors.schools import SchoolDetector
from postguard.policy import Policy


@pytest.fixture(scope="module")
def detector() -> SchoolDetector:
    return SchoolDetector(Policy.default())


POSITIVES: list[tuple[str, str]] = [
    ("Deniz, Bornova Cumhuriyet Ortaokulu'nda okuyor.", "Bornova Cumhuriyet Ortaokulu"),
    ("Selin Karşıyaka Fen Lisesi'nden mezun oldu.", "Karşıyaka Fen Lisesi"),
    ("Ece, Çankaya İlkokulu'nun korosunda.", "Çankaya İlkokulu"),
    ("Zosia chodzi do Szkoły Podstawowej nr 7 w Lublinie.", "Szkoły Podstawowej nr 7"),
    ("Bartek uczy się w Szkole Podstawowej nr 4 w Gdyni.", "Szkole Podstawowej nr 4"),
    ("سلمان طالب في ثانوية الملك فهد بالرياض.", "ثانوية الملك"),
    ("ريم تدرس في متوسطة الأندلس.", "متوسطة الأندلس"),
    ("ユウトくんは県立みなみ台高等学校の生徒です。", "県立みなみ台高等学校"),
    ("Well done to Ashgrove Secondary for the debate win!", "Ashgrove Secondary"),
    ("Staff from Northgate Learning Centre joined the workshop.", "Northgate Learning Centre"),
    ("Llanfair Church In Wales hosted the choir.", "Llanfair Church In Wales"),
    ("Pupils from Abergwili VCP visited.", "Abergwili VCP"),
    ("Hillside School, a Specialist Arts College, hosted us.",
     "Hillside School, a Specialist Arts College"),
    ("Sports day with Fairfield High School - Business and Enterprise College was great.",
     "Fairfield High School - Business and Enterprise College"),
    ("Congratulations to Malvern, the Downs Infants' School!",
     "Malvern, the Downs Infants' School"),
    ("Hainault Forest High School won the relay.", "Hainault Forest High School"),
    # forms of the registers (made-up names of the same shapes)
    ("Congratulations Ashby Hey Primary School!", "Ashby Hey Primary School"),
    ("Pupils from Kelbrook Anglican/Methodist Primary School sang.",
     "Kelbrook Anglican/Methodist Primary School"),
    ("Sports day with Elmfield Junior, Infant and Nursery School was fun.",
     "Elmfield Junior, Infant and Nursery School"),
    ("Well done St Anselm of Dover Catholic Primary School!",
     "St Anselm of Dover Catholic Primary School"),
    ("Amy started at Harwood High School Science College.",
     "Harwood High School Science College"),
    ("Thanks to Brookfield Language College for the debate.", "Brookfield Language College"),
    ("Hollins Early Years Centre opened a new garden.", "Hollins Early Years Centre"),
    # a German Gymnasium named after a preposition; an elided Italian or French article
    ("Paul vom Gymnasium am Schlossberg hat den Preis gewonnen.", "Gymnasium am Schlossberg"),
    ("Bravo a Marco dell'Istituto Tecnico Enrico Fermi!", "Istituto Tecnico Enrico Fermi"),
    ("Bravo à Chloé de l'École Saint-Exupéry !", "École Saint-Exupéry"),
    # Chinese: a school word before a road is a road's name; a school word after "dial"
    ("她在杭州市第二中学读书。", "杭州市第二中学"),
]


@pytest.mark.parametrize(("text", "school"), POSITIVES)
def test_named_schools(detector: SchoolDetector, text: str, school: str) -> None:
    assert any(found.startswith(school) for found in schools(detector, text))
    if "'" in text:  # a Turkish case ending is left out of the span
        assert school in schools(detector, text)


TRAPS: list[str] = [
    "La scuola estiva costa 420 sterline a settimana.",
    "Szkoła letnia kosztuje 400 funtów.",
    "A escola de verão custa £380 por semana.",
    "La escuela de verano empieza el lunes.",
    "L'école d'été commence lundi.",
    "Die Sommerschule beginnt am Montag.",
    "Yaz okulu pazartesi başlıyor.",
    "La escuela de idiomas abre a las nueve.",
    "Meet at the Leisure Centre at 9.",
    "The Church in Wales runs many schools.",
    "Forest School this afternoon: wellies please!",
    "Oxford Summer School starts on Monday.",
    "Our Early Years Centre welcomes new families.",  # our own centre, no name
    "Hey Primary School friends!",
    "黄金周期间学校放假。",  # "during the holiday week the school is closed"
    "马拉松比赛的路线经过学校。",  # "the route passes the school"
    "The Gymnasium is closed for the book fair.",  # an English hall
    "Meet in the Sports Gymnasium after lunch.",
    "Perdimos 2-0 contra el colegio de enfrente.",  # the school opposite: no name
    "请寄到海淀区学院路20号的展览馆。",  # "学院路": a road
    "如有问题请拨学校总机。",  # "call the school's switchboard"
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_a_named_school(detector: SchoolDetector, text: str) -> None:
    assert schools(detector, text) == []


def test_a_childs_name_before_a_comma_is_not_a_town(detector: SchoolDetector) -> None:
    assert schools(detector, "Well done Amy, Bramley School is proud of you.") == \
        ["Bramley School"]


def test_a_name_before_a_comma_and_a_foreign_school_is_a_child(detector: SchoolDetector) -> None:
    text = "Berkay, Konak Cumhuriyet Ortaokulu'ndan geliyor."
    assert schools(detector, text) == ["Konak Cumhuriyet Ortaokulu"]
    assert Screener().screen(text).verdict.value == "block"


def test_two_schools_in_a_list_stay_two(detector: SchoolDetector) -> None:
    assert schools(detector, "Well done Bramley Primary, Kingsway Junior School and Elm High!") \
        == ["Bramley Primary", "Kingsway Junior School", "Elm High"]


@pytest.mark.parametrize("text", [
    "Kasia chodzi do Szkoły Podstawowej nr 12 w Krakowie.",
    "Emre, Karşıyaka Atatürk Ortaokulu'nda okuyor.",
    "عبدالله طالب في ثانوية الفيصل بجدة.",
    "Ayumi Kobayashi of Greenacre Secondary won a judo medal.",
    "지유는 부산 바다중학교에 다니고 있어요.",  # a Korean given name opening the sentence
    "Ji-woo (새봄초등학교) joined the summer class.",  # a hyphenated Korean given name
    "Mai from 市立ひかり台中学校 brought origami.",
])
def test_a_first_name_and_a_school_block(text: str) -> None:
    assert Screener().screen(text).verdict.value == "block"


@pytest.mark.parametrize("text", [
    "오늘은 부산 바다중학교를 방문했어요.",  # "today" opens the sentence: no child named
    "우리는 서울 한빛중학교와 교류합니다.",  # "we"
])
def test_a_korean_sentence_without_a_child_reviews_the_school(text: str) -> None:
    assert Screener().screen(text).verdict.value == "review"
