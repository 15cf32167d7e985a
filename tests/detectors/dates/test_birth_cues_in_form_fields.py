"""A form's own birth field words in the students' languages (data/dates.toml [birth_words]
foreign): "Nacimiento:", "né(e) le", Turkish "(d. ...)" and "d.t.:" (doğum tarihi) before a
full date make it a date of birth (PG311). Traps: the same words before no date of a child
(a nativity scene, a death long ago, a year alone)."""

from __future__ import annotations

import pytest

from postguard.detectors.dates import DateOfBirthDetector
from postguard.policy import Policy

DOB = DateOfBirthDetector(Policy.default())


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in DOB.detect_text(text)
            if f.start is not None and f.end is not None]


FULL = [
    ("Ficha de inscripción. Nacimiento: 21-06-2013. Alergias: ninguna.", "21-06-2013"),
    ("Fiche d'inscription : Inès, né(e) le 08/11/2012 à Lille.", "08/11/2012"),
    ("Takım listesi: Emir (d. 03.05.2013), kaleci.", "03.05.2013"),
    ("Öğrenci: Defne Aksoy, d.t.: 17.09.2012", "17.09.2012"),
]


@pytest.mark.parametrize(("text", "date"), FULL)
def test_a_form_field_makes_a_full_date_a_date_of_birth(text: str, date: str) -> None:
    assert ("PG311", date) in found(text)


TRAPS = [
    "El belén del Nacimiento se monta el 12/12 en el vestíbulo.",
    "Shakespeare (b. 1564, d. 1616) wrote 39 plays.",
    "Kraliçe Victoria (d. 24.05.1819) İngiltere'yi yönetti.",
    "Inscriptions : le formulaire est à rendre le 08/11/2025.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_no_childs_date_of_birth(text: str) -> None:
    assert found(text) == []
