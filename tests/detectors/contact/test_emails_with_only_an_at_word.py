"""An email address spelled out in another language with only its "at" word ("(arroba)",
"chiocciola") and a real dot, and one whose domain ends in a country after the dot word
("sapo ponto pt"): found, the span the text's own (contact/emails.py). Traps: the same
words in sentences, and an English "at ... dot" that names no address."""

from __future__ import annotations

import pytest

from postguard.detectors.contact import EmailDetector
from postguard.policy import Policy

EMAIL = EmailDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in EMAIL.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND: list[tuple[str, str]] = [
    ("Para dudas, escribidme a mgarcia82(arroba)hotmail.com, gracias",
     "mgarcia82(arroba)hotmail.com"),
    ("Mi correo: lucia.vidal (arroba) gmail.com", "lucia.vidal (arroba) gmail.com"),
    ("Enviem as fotos para joana.reis arroba sapo ponto pt, obrigada",
     "joana.reis arroba sapo ponto pt"),
    ("Scrivete a marta.conti chiocciola virgilio punto it",
     "marta.conti chiocciola virgilio punto it"),
    ("Mi dirección es pablo arroba correo punto es", "pablo arroba correo punto es"),
    ("Écrivez à lea.martin arobase orange point fr", "lea.martin arobase orange point fr"),
    ("scrivete a mario.rossi [chiocciola] libero.it", "mario.rossi [chiocciola] libero.it"),
    # a full-width at sign, as Japanese and Chinese keyboards type it
    ("連絡はメール tanaka.yui＠docomo.ne.jp までお願いします", "tanaka.yui＠docomo.ne.jp"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_found_with_its_span(text: str, address: str) -> None:
    assert address in _found(text)


NOT_ADDRESSES = [
    "El signo arroba se escribe así: @. Fin de la lección.",
    "La chiocciola è un animale lento, punto e basta.",
    "meet me at home dot it is fine",
    "jo at school dot me later",
    "Nos vemos a las cinco en punto en la puerta.",
]


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_sentences_are_no_address(text: str) -> None:
    assert _found(text) == []
