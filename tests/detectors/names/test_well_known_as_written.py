"""A well-known person as a post writes them (names/context.py `well_known`): with or
without accents, with a possessive or a Turkish case ending, inflected as Polish inflects a
name, before the title of their work, or a distinctive surname after a particle; and a
sentence that opens with a verb in the students' languages before the name. Reported at low
severity (a topic, allowed by the default policy), never as a child.

Traps: children whose given name or surname is shared with a famous person, and a run that
only begins like a famous name."""

from __future__ import annotations

import pytest
from found import child_names

from postguard.detectors.names import PersonNameDetector
from postguard.detectors.names.context import well_known

WELL_KNOWN: list[str] = [
    "Salvador Dali",  # written without its accent
    "Antoni Gaudi",
    "Frédéric Chopin",
    "Nazım Hikmet'in",  # Turkish genitive
    "Atatürk'ün",
    "Adamowi Mickiewiczowi",  # Polish dative
    "Adama Mickiewicza",  # Polish genitive
    "Wisławie Szymborskiej",
    "Claude Monet's Water Lilies",  # the work after the name
    "Frida Kahlo's",
    "Rembrandt van Rijn",
    "van Rijn",
    "Galileo Galilei",
]


@pytest.mark.parametrize("name", [n for n in WELL_KNOWN if " " in n])
def test_well_known_forms(name: str) -> None:
    assert well_known(name.split())


NOT_WELL_KNOWN: list[str] = [
    "Claude Martin",  # a famous given name with an ordinary surname
    "Jakub Monetowski",  # starts like a famous surname, is no inflection of it
    "Zofia Szymańska",
    "Emily Dali",  # a distinctive famous surname after a given name: a child may have it
    "Hanna Hikmetoğlu",
    "Lucas Mozart",
]


@pytest.mark.parametrize("name", NOT_WELL_KNOWN)
def test_not_well_known(name: str) -> None:
    assert not well_known(name.split())


TOPICS: list[str] = [
    "Na lekcji polskiego rozmawialiśmy o Adamie Mickiewiczu i jego balladach.",
    "Bugün Nazım Hikmet'in şiirlerini okuduk.",
    "Leímos un poema sobre Salvador Dali y sus relojes.",
    "Escuchamos a Frédéric Chopin durante el recreo.",
    "Analizamos el Retrato de Dalí en clase de arte.",
    "Parlammo di Galileo Galilei e del suo telescopio.",
    "Year 6 loved Claude Monet's Water Lilies at the gallery.",
]


@pytest.mark.parametrize("text", TOPICS)
def test_topic_is_not_a_child(detector: PersonNameDetector, text: str) -> None:
    assert child_names(detector, text) == []


CHILDREN: list[tuple[str, str]] = [
    ("Well done to Emily Dali for her science project!", "Emily Dali"),
    ("Congratulations to Jakub Monetowski on his swimming badge.", "Jakub Monetowski"),
    ("Claude Martin scored twice on Saturday.", "Claude Martin"),
]


@pytest.mark.parametrize(("text", "name"), CHILDREN)
def test_children_are_still_found(detector: PersonNameDetector, text: str,
                                  name: str) -> None:
    assert name in child_names(detector, text)
