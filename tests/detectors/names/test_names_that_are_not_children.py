"""Capitalised pairs that are not a child's name (issue 13): the nouns of a German sentence,
adults with titles in other languages (before or after the name), works of art, car models,
and a verb that starts a sentence before a name (it is left out of the name)."""

from __future__ import annotations

import pytest
from found import child_names as children

from postguard.detectors.names import PersonNameDetector

NOT_CHILDREN: list[str] = [
    # German nouns
    "Morgen schreiben die Kinder einen Test in Mathe und danach gibt es Kuchen.",
    "Die Gruppe hat im Park Fußball gespielt und Eis gegessen.",
    "Der Ausflug nach Berlin war für alle Schüler ein Highlight.",
    "Unsere Theater AG probt jeden Freitag in der Aula.",
    # titles before a name, in other languages
    "Pani Zielińska przygotowała quiz dla grupy B.",
    "Pan Wójcik poprowadzi wycieczkę.",
    "Ask Signorina Bianchi about the Italian club.",
    "La Signora Ferri insegna italiano.",
    "Señorita Navarro brought churros for everyone.",
    "Chef Antonio Greco showed Year 9 how to make gnocchi.",
    "Doktor Yılmaz visited to talk about first aid.",
    # titles after a name
    "Zeynep Hanım yarın gelecek.",
    "Murat Bey otobüsü ayarladı.",
    "Elif Hoca sınav sonuçlarını paylaştı.",
    "Thanks to Yamada Sensei for the calligraphy workshop.",
    # works of art and cars
    "We sketched the Mona Lisa in art club.",
    "Year 10 are studying Romeo Juliet this term.",
    "A Toyota Yaris is blocking the minibus bay.",
    "The Honda Civic in the car park has its lights on.",
]

CHILDREN: list[tuple[str, str]] = [
    ("Heute hat Jonas Becker aus der 6a den Lesewettbewerb gewonnen!", "Jonas Becker"),
    ("Cheer Maisie Clarke on at the county final!", "Maisie Clarke"),
    ("Help Rafi Ahmed find his blue water bottle.", "Rafi Ahmed"),
    ("Lily Mae Turner joined Year 3 today.", "Lily Mae Turner"),
]


@pytest.mark.parametrize("text", NOT_CHILDREN)
def test_not_a_childs_name(detector: PersonNameDetector, text: str) -> None:
    assert children(detector, text) == []


@pytest.mark.parametrize(("text", "name"), CHILDREN)
def test_a_childs_name_is_still_found(detector: PersonNameDetector, text: str,
                                      name: str) -> None:
    assert children(detector, text) == [name]
