"""Where a child can be found, the wordings added in the sixth session (places/areas.py,
places/clues.py, places/routines.py, data/home_areas.txt, data/place_clues.toml):

- a home with a host family in the organisation's languages ("mieszka u rodziny ... w",
  "vit chez ... à", "se aloja con ... en", "è ospitata da ... a", "في منطقة", "에 있는
  홈스테이"), and in English "placed with families around", "village life in", "the house
  looks out over";
- a small town is no wide place ("living with a family in Ilkley"), a city still is;
- a routine with "to" ("takes the dog to Roundhay Park every Sunday"), and the students'
  routine as a group, reviewed ("our Spanish group trains at ... every Tuesday");
- students all living with families in a named neighbourhood ("alloggiano tutti presso
  famiglie nel quartiere di", "logent chez des familles dans le quartier de", "vivem todos",
  "wohnen alle ... im Stadtteil", "mieszkają ... na osiedlu");
- a Korean given name with its friendly "이" ("서진이는") and a given name written with its
  accent ("a Inês") name a child.

Traps: a wide town, a person after "to", a choir's routine, a club placed in a division."""

from __future__ import annotations

import pytest
from found import locations

from postguard import Screener
from postguard.detectors.places import AddressDetector

# (text, a place that must be found, the verdict)
FOUND: list[tuple[str, str, str]] = [
    ("Zosia mieszka u cioci w Fishponds od września.", "Fishponds", "block"),
    ("Wiktor zamieszkał u rodziny goszczącej w Bedminster.", "Bedminster", "block"),
    ("Léa habite chez une famille d'accueil à Southville.", "Southville", "block"),
    ("Hugo vit chez ses hôtes à Clifton.", "Clifton", "block"),
    ("Marta se aloja con una familia muy amable en Totterdown.", "Totterdown", "block"),
    ("Chiara è ospitata da una famiglia a Redland.", "Redland", "block"),
    ("O Rafael fica hospedado com uma família em Horfield.", "Horfield", "block"),
    ("تقيم سارة مع أسرتها المضيفة في منطقة Easton.", "Easton", "block"),
    # a group of students all living with families in a named neighbourhood (after
    # holdout10 at first sight; fresh wording)
    ("I nostri studenti alloggiano tutti presso famiglie nel quartiere di Bishopston.",
     "Bishopston", "block"),
    ("Nos élèves logent chez des familles dans le quartier de Knowle West.", "Knowle West",
     "block"),
    ("Os alunos vivem todos com famílias no bairro de Lockleaze.", "Lockleaze", "block"),
    ("Die Schüler wohnen alle bei Gastfamilien im Stadtteil Henleaze.", "Henleaze", "block"),
    ("Nasi uczniowie mieszkają u rodzin na osiedlu Hartcliffe.", "Hartcliffe", "block"),
    ("يقيم خالد في ضاحية Kingswood مع عائلة إنجليزية.", "Kingswood", "block"),
    ("도윤이는 Filton에 있는 홈스테이에서 지내요.", "Filton", "block"),
    ("アオイちゃんはBishopstonにあるホストファミリーの家にいます。", "Bishopston", "block"),
    ("Three of our Brazilian girls are placed with families around Stapleton.", "Stapleton",
     "block"),
    ("Noah is being hosted by a family near Westbury.", "Westbury", "block"),
    ("Priya is enjoying village life in Almondsbury with her hosts.", "Almondsbury", "block"),
    ("Our Swiss students are living with a family in Ilkley.", "Ilkley", "block"),
    ("Tariq's homestay house looks out over Eastville Park.", "Eastville Park", "block"),
    ("Every Saturday morning Freddie takes his little brother to Snuff Mills.", "Snuff Mills",
     "block"),
    ("Our Italian students walk to the Bristol Lido every morning at 7.", "Bristol Lido",
     "review"),
    ("The Spanish group trains at Ashton Court on Tuesdays at 4.", "Ashton Court", "review"),
    ("서진이는 매주 금요일 오후 4시에 Eastville 도서관에 가요.", "Eastville", "block"),
    ("Todas as sextas às 17h a Inês tem natação no Horfield Leisure Centre.",
     "Horfield Leisure Centre", "block"),
    ("كل يوم سبت تذهب ليلى إلى نادي Hengrove للسباحة.", "Hengrove", "block"),
]


@pytest.mark.parametrize(("text", "place", "verdict"), FOUND)
def test_found(detector: AddressDetector, screener: Screener, text: str, place: str,
               verdict: str) -> None:
    assert any(place in found for found in locations(detector, text))
    assert screener.screen(text).verdict.value == verdict


TRAPS: list[str] = [
    "Our students are placed with families in Manchester.",  # a city: no one's home
    "The under-12s were placed in Division Two after the play-offs.",  # no home, no family
    "The hosted quiz in Bristol raised £300.",
    "Amir chats to Mrs Okoye every morning before registration.",  # a person, not a place
    "Ellie visits Grandma's every Sunday.",
    "Our students go to Bristol every week on the train.",  # a city
    "Every Sunday the choir sings at St Mary Redcliffe.",  # a choir, no students
    "어린이는 매주 토요일 도서관에 가요.",  # "children", no name, no Latin place
    "Toda semana a turma tem aula no centro.",  # no named place
    "Noé adore le football.",  # a name, no place
    "I ragazzi alloggiano tutti presso famiglie a Londra.",  # a city: no one's home
    "Le quartier de la gare est très animé le samedi.",  # a neighbourhood, no one lives there
    "Wir wohnen alle gern in Deutschland.",  # a country
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(detector: AddressDetector, text: str) -> None:
    assert locations(detector, text) == []
