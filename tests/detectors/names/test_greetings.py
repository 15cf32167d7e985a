"""A greeting or a letter's opening before one given name, in the organisation's languages, is
not a full name ("Hallo Jonas" is Jonas); a greeting before a full name still finds the full
name without the greeting. Written after holdout7 showed the family (fresh wording here)."""

from __future__ import annotations

import pytest
from found import child_names as names

from postguard.detectors.names import PersonNameDetector

GREETING_AND_FIRST_NAME = [
    "Hallo Mia, dein Turnbeutel hängt noch im Flur.",
    "Lieber Paul, danke für deine Hilfe beim Sportfest.",
    "Bonjour Léa, ton cahier est resté sur la table.",
    "Salut Nathan, la répétition commence à 16 h.",
    "Hola Lucía, tu mochila está en conserjería.",
    "Querido Diego, gracias por ayudar en la feria.",
    "Ciao Matteo, la tua giacca è in palestra.",
    "Buongiorno Sofia, il quaderno è sulla cattedra.",
    "Cześć Zosia, twoja bluza leży w szatni.",
    "Droga Hania, dziękujemy za pomoc w bibliotece.",
    "Merhaba Elif, defterin öğretmenler odasında.",
    "Sevgili Kerem, yardımın için teşekkürler.",
    "Olá Tiago, o teu casaco ficou no ginásio.",
    "Prezada Ana, obrigado pela ajuda na feira.",
]

GREETING_AND_FULL_NAME = [
    ("Hallo Mia Schneider, dein Turnbeutel hängt noch im Flur.", "Mia Schneider"),
    ("Bonjour Léa Moreau, ton cahier est resté sur la table.", "Léa Moreau"),
    ("Hola Lucía Fernández, tu mochila está en conserjería.", "Lucía Fernández"),
    ("Ciao Matteo Bianchi, la tua giacca è in palestra.", "Matteo Bianchi"),
    ("Cześć Zosia Kowalska, twoja bluza leży w szatni.", "Zosia Kowalska"),
    ("Merhaba Elif Demir, defterin öğretmenler odasında.", "Elif Demir"),
    ("Olá Tiago Pereira, o teu casaco ficou no ginásio.", "Tiago Pereira"),
]


@pytest.mark.parametrize("text", GREETING_AND_FIRST_NAME)
def test_a_greeting_before_one_given_name_is_no_full_name(detector: PersonNameDetector,
                                                           text: str) -> None:
    assert names(detector, text) == []


@pytest.mark.parametrize(("text", "name"), GREETING_AND_FULL_NAME)
def test_a_greeting_before_a_full_name_leaves_the_full_name(detector: PersonNameDetector,
                                                            text: str, name: str) -> None:
    assert names(detector, text) == [name]
