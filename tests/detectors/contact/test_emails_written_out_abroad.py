"""An email address written out with the "at" and "dot" of the students' languages
(contact/emails.py, data/contact.toml [email] at_words_abroad, dot_words_abroad):
"arroba", "chiocciola", "małpa"; "punto", "punkt", "ponto", "point", "kropka", "nokta". The
span is the text's own.

Traps: the same words in ordinary sentences ("a punto de", "punto di ritrovo", "Punkt 8
Uhr", "le point de rendez-vous")."""

from __future__ import annotations

import pytest

from postguard.detectors.contact import EmailDetector
from postguard.policy import Policy

EMAIL = EmailDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in EMAIL.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND: list[tuple[str, str]] = [
    ("Escribid a carla punto ruiz arroba hotmail punto es",
     "carla punto ruiz arroba hotmail punto es"),
    ("Scrivete a luca chiocciola libero punto it", "luca chiocciola libero punto it"),
    ("E-Mail: jonas punkt weber at web punkt de", "jonas punkt weber at web punkt de"),
    ("Napisz: ola kropka nowak małpa gmail kropka com", "ola kropka nowak małpa gmail kropka com"),
    ("Email da mãe: ana ponto lima arroba gmail ponto com",
     "ana ponto lima arroba gmail ponto com"),
    ("Courriel : chloe point martin at orange point fr", "chloe point martin at orange point fr"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_found(text: str, address: str) -> None:
    assert address in _found(text)


TRAPS: list[str] = [
    "Estamos a punto de salir hacia el museo.",
    "Il punto di ritrovo è davanti alla stazione.",
    "Wir treffen uns Punkt 8 Uhr am Bahnhof.",
    "Le point de rendez-vous est à la gare.",
    "Spotkanie o punkt dziewiątej przy szkole.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(text: str) -> None:
    assert _found(text) == []
