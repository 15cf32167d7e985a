"""Where a child can be found, in the organisation's languages (places/clues.py, issue 13):
a home area after or before a home cue, a routine (a regular time and a place), a housing
estate or flats named as a home, "a child, an age, of a place". With a named child (a first
name is enough, in any script) the post is blocked; for a group of students it is reviewed.
Traps: wide places, routines of no one, capitalised nouns of a German sentence."""

from __future__ import annotations

import pytest
from found import locations

from postguard import Screener
from postguard.detectors.places import AddressDetector
from tests.linear import assert_linear

# (text, a place that must be found, the verdict)
NAMED: list[tuple[str, str, str]] = [
    ("Lucía vive en Patcham con su familia de acogida.", "Patcham", "block"),
    ("Toñito vive en Mile Oak con sus tíos.", "Mile Oak", "block"),  # a subject no list knows
    ("Giulia abita a Hollingdean con la famiglia ospitante.", "Hollingdean", "block"),
    ("Chloé habite à Woodingdean chez sa famille d'accueil.", "Woodingdean", "block"),
    ("Lena wohnt bei ihrer Gastfamilie in Rottingdean.", "Rottingdean", "block"),
    ("Marta mieszka z rodziną w Bevendean.", "Bevendean", "block"),
    ("A Beatriz mora com a família anfitriã em Coldean.", "Coldean", "block"),
    ("Elif'in ev sahibi ailesi Patcham'da.", "Patcham", "block"),
    ("تسكن مريم مع عائلتها المضيفة في حي Hollingbury.", "Hollingbury", "block"),
    ("小雨的寄宿家庭住在Saltdean，离海边很近。", "Saltdean", "block"),
    ("ユイちゃんのホストファミリーはPortsladeに住んでいます。", "Portslade", "block"),
    ("Pablo entrena todos los martes a las 18:00 en el club de remo de Shoreham.",
     "Shoreham", "block"),
    ("Ogni domenica Sofia va a messa alla chiesa di Preston Park.", "Preston Park", "block"),
    ("Tous les mercredis, Inès va au conservatoire de Hove Park.", "Hove Park", "block"),
    ("Jeden Freitag um 15 Uhr ist Mia im Reitstall in Stanmer.", "Reitstall in Stanmer",
     "block"),
    ("Julia co czwartek o 16:00 ma lekcje w Falmer.", "Falmer", "block"),
    ("Toda segunda às 17h o Tiago joga no campo de Withdean.", "Withdean", "block"),
    ("ミナちゃんは毎週水曜日にHollingburyのダンス教室に通っています。", "Hollingbury", "block"),
    ("小杰每周三下午在Patcham的游泳馆上课。", "Patcham", "block"),
    ("Oscar swims at Withdean lido on Sunday mornings at 9.", "Withdean", "block"),
    ("Ruby goes to the church on Ditchling Road every Sunday at 10.", "Ditchling Road",
     "block"),
    ("Harriet Kemble, 12, of Ovingdean, won the regional spelling bee.", "Ovingdean", "block"),
    ("지후는 매주 목요일 오후 5시에 Withdean 수영장에서 수영을 배워요.", "Withdean", "block"),
    ("Tom and his sister live just behind the chapel in Ovingdean village.", "Ovingdean",
     "block"),
]

GROUPS: list[tuple[str, str, str]] = [
    ("Our homestay students in the Whitehawk estate catch the 7 bus.", "Whitehawk", "block"),
    ("I nostri studenti ogni mattina prendono il bus a Moulsecoomb.", "Moulsecoomb", "review"),
    ("Nos élèves vivent à Hangleton chez des familles d'accueil.", "Hangleton", "block"),
]


# English group homes after a home cue (places/areas.py): a home cue blocks (DESIGN.md)
GROUPS += [
    ("Our Spanish pupils all live with host families in Moulsecoomb.", "Moulsecoomb", "block"),
    ("The students said Oskar's host family live in Bevendean.", "Bevendean", "block"),
    ("She lives up in Hollingdean now.", "Hollingdean", "block"),
]


@pytest.mark.parametrize(("text", "place", "verdict"), NAMED + GROUPS)
def test_where_a_child_can_be_found(detector: AddressDetector, screener: Screener,
                                    text: str, place: str, verdict: str) -> None:
    assert any(place in found for found in locations(detector, text))
    assert screener.screen(text).verdict.value == verdict


TRAPS: list[str] = [
    "Ogni sabato visitiamo Londra con la scuola.",  # a city; no one's home
    "Los alumnos viven en Inglaterra durante el curso.",  # a country
    "Kuba mieszka teraz w Londynie.",  # a large city
    "我们的学生住在Brighton的寄宿家庭。",  # a large town, even with a word after it
    "Die Schüler wohnen bei Gastfamilien in Brighton.",
    "Jeden Montag beginnt der Unterricht um 9 Uhr.",  # German nouns, no place
    "Every Tuesday the choir sings at St Anne's.",  # a group's activity, not students
    "Die Klasse fährt jeden Sommer nach Brighton.",  # a large town
    "Nous avons visité le musée tous les jours.",  # no place name
    "每周五我们都有英语课。",  # a routine with no place
    "毎週金曜日は英語の授業があります。",
    "Our Year 8 class read Oliver Twist every Friday.",  # a work, not a place
]


@pytest.mark.parametrize("text", TRAPS)
def test_no_place_where_no_child_can_be_found(detector: AddressDetector, text: str) -> None:
    assert locations(detector, text) == []


def test_offsets_and_linear_time(detector: AddressDetector) -> None:
    text = "Carmen vive en Patcham. Ogni sabato Luca gioca al circolo di Withdean. " * 50
    for f in detector.detect_text(text):
        assert f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)
    worst = "vive en " + "Ab " * 20000  # a long run of capitalised words after a cue
    assert_linear(lambda t: list(detector.detect_text(t)), worst[:6000], worst, repeats=1)
