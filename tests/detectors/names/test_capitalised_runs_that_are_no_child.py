"""Capitalised runs that are no child's full name (data/names/: works.txt, well_known.txt,
not_name_words.txt, not_name_last.txt, german_words.txt, compound_given_names.txt;
data/scripts.toml [names] adult_after): a car's make and model, a classic of the students'
languages or one of its characters, a landmark or a period in those languages, a German
noun phrase, one given name of two words, a Japanese or Korean name with a public figure's
role after it.

Traps: a child with a surname after a two-word given name, a child whose surname is a
landmark word's neighbour, a Chinese child's name with a child's cue."""

from __future__ import annotations

import pytest
from found import child_names

from postguard.detectors.names import PersonNameDetector

NOT_CHILDREN: list[str] = [
    "The caretaker's old Morris Minor is in the car park for the vintage day.",
    "Our minibus is being swapped for a Ford Transit next term.",
    "La classe ha letto la Divina Commedia in versione ridotta.",
    "Czytamy Lalkę; Stanisław Wokulski to bardzo ciekawa postać.",
    "Year 10 debated whether Ebenezer Scrooge really changed.",
    "Atticus Finch was the character most pupils admired.",
    "Oglądaliśmy Katedra Wawelska na zdjęciach.",
    "Visitamos el Palacio Real y la Plaza Mayor.",
    "Süleymaniye Camii çok güzeldi.",
    "Year 8 walked up to the Cow and Calf on Ilkley Moor.",
    "Die Gruppe trifft sich am Bahnhof um 9 Uhr.",
    "Parabéns à Maria Eduarda pelo desenho!",
    "Bravo à Jean Baptiste pour son exposé.",
    "黒澤明監督の映画を見ました。",
    "봉준호 감독의 영화를 봤어요.",
    "Estudiamos a Gabriel García Márquez en literatura.",
    "Kemal Sunal filmlerini çok seviyoruz.",
]


@pytest.mark.parametrize("text", NOT_CHILDREN)
def test_no_child_named(detector: PersonNameDetector, text: str) -> None:
    assert child_names(detector, text) == []


CHILDREN: list[tuple[str, str]] = [
    ("Parabéns à Maria Eduarda Costa pelo desenho!", "Maria Eduarda Costa"),
    ("Well done to Oscar Ford for his Transit project.", "Oscar Ford"),
    ("Congratulations to Ruby Mintern on her swimming gala.", "Ruby Mintern"),
]


@pytest.mark.parametrize(("text", "name"), CHILDREN)
def test_children_found(detector: PersonNameDetector, text: str, name: str) -> None:
    assert name in child_names(detector, text)
