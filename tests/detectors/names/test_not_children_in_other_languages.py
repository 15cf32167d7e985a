"""Capitalised pairs that are not a child's full name, in the organisation's languages
(issue 13): a verb starting a sentence before one given name, works and characters read in
class, landmarks and museums, famous people and a sentence that calls its people famous,
foreign honorifics, German nouns, car makes and models, platforms and clubs. Each family
has its positives beside it: the same shape with a real child's name still counts."""

from __future__ import annotations

import pytest
from found import child_names as names

from postguard.detectors.names import PersonNameDetector

TRAPS: list[tuple[str, str]] = [
    # a verb at the start of a sentence, then one given name
    ("verb", "Message Harvey's dad about the kit before Friday."),
    ("verb", "Text Maisie if the coach is late."),
    ("verb", "Add Rory to the group chat for the trip."),
    ("verb", "Seguite Matteo sul canale della scuola."),
    ("verb", "Suivez Chloé sur la page du club."),
    ("verb", "Ruf Lena morgen an."),
    ("verb", "Folgt Jonas auf dem Schulkanal."),
    ("verb", "Visitamos Toledo con los alumnos."),
    # works and characters read in class, in several languages
    ("work", "Przeczytaliśmy Małego Księcia w klasie."),
    ("work", "Leímos Cien Años de Soledad en clase."),
    ("work", "Abbiamo letto Il Piccolo Principe insieme."),
    ("work", "Lemos O Pequeno Príncipe na aula."),
    ("work", "Year 9 loved Peter Rabbit and the Sleeping Beauty panto."),
    ("work", "Our group read Don Quixote in Spanish club."),
    # landmarks, museums, countries
    ("landmark", "Visitamos el Museo del Prado con los alumnos."),
    ("landmark", "Zwiedzaliśmy Zamek Królewski w Warszawie."),
    ("landmark", "Sagrada Família e Park Güell: le foto della gita."),
    ("landmark", "Costa Rica and Sri Lanka were on the geography quiz."),
    # famous people, and a sentence that calls its people famous
    ("famous", "Lionel Messi et Zinédine Zidane sont les joueurs préférés."),
    ("famous", "Sevgili öğrencilerimiz Nazım Hikmet ve Yaşar Kemal okudu."),
    ("famous", "Two famous painters, Lucian Ardent and Mira Solano, inspired the display."),
    ("famous", "Ünlü yazarlar Selin Aksoy ve Deniz Kaplan okulumuzu ziyaret etti."),
    # honorifics of other languages
    ("title", "Señora García and Don Alfonso will meet the parents."),
    ("title", "Pani Nowak i Pan Kowalski prowadzą warsztaty."),
    ("title", "Herr Schneider und Frau Becker begleiten die Gruppe."),
    # German nouns, platforms, clubs, food, cars
    ("german", "Herzlichen Glückwunsch an die Theatergruppe!"),
    ("german", "Emmas Mutter hat angerufen."),
    ("german", "Die Schüler lernen Deutsch Grammatik im Sommer."),
    ("platform", "Instagram Kasi: prosimy nie udostępniać."),
    ("club", "Bayern Munich beat Real Madrid in the PE quiz."),
    ("food", "Pizza Margherita and Spaghetti Bolognese were on the menu."),
    ("car", "Our new minibus is a Ford Transit with extra seats."),
    ("car", "Fiat Punto e Lancia Ypsilon: le auto italiane."),
    ("food", "Lunch today: Shepherd's Pie and Apple Crumble."),
    ("place", "Öğrencilerimiz Brighton'da ev sahibi ailelerle kalıyor."),  # a locative ending
]


@pytest.mark.parametrize(("family", "text"), TRAPS)
def test_not_a_childs_full_name(detector: PersonNameDetector, family: str, text: str) -> None:
    assert names(detector, text) == [], family


POSITIVES: list[tuple[str, str]] = [
    ("Meet Olivia Bennett, our new head girl!", "Olivia Bennett"),  # verb, then a full name
    ("Tell Noah Price that his medal is at reception.", "Noah Price"),
    ("Emily Ford won the long jump.", "Emily Ford"),  # a car make that is a surname
    ("Our famous cake sale was run by Amelia Hart this year.", "Amelia Hart"),  # no topic
    ("Felicitamos a Lucía Romero por su premio.", "Lucía Romero"),
    ("Brawo dla Zosi Nowak za wygraną!", "Zosi Nowak"),
]


@pytest.mark.parametrize(("text", "name"), POSITIVES)
def test_same_shapes_with_a_child_still_count(detector: PersonNameDetector, text: str,
                                               name: str) -> None:
    assert name in names(detector, text)


@pytest.mark.parametrize(("text", "verdict"), [
    ("Photo above: Layla Brennan collecting her award.", "block"),  # a photo the text shows
    ("Pictures above: the Year 5 choir at the festival.", "allow"),  # no name
])
def test_a_photo_the_text_shows(text: str, verdict: str) -> None:
    from postguard import Screener

    assert Screener().screen(text).verdict.value == verdict
