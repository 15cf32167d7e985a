"""Given names of the students' languages (data/names/given_names_more.txt), read as a
child's first name by the triangle (a first name with a school or a home area blocks,
DESIGN.md), also when written with their accents (names/first_names.py `unaccented`).

Traps: the same names as the first word of a well-known person's name, and a school with no
child named."""

from __future__ import annotations

import pytest
from found import verdict

from postguard import Screener

BLOCK: list[str] = [
    "Guilherme joined us this week from Colégio Santa Maria in Porto.",
    "Well done Clémence from Lycée Victor Duruy for her speech!",
    "Bartłomiej's host family live in Kirkstall.",
    "Congratulations Yağmur of Ankara Fen Lisesi on the maths prize!",
    "Edoardo e Ilaria vengono dal Liceo Scientifico Galilei.",
]


@pytest.mark.parametrize("text", BLOCK)
def test_first_name_with_a_school_or_home_blocks(screener: Screener, text: str) -> None:
    assert verdict(screener, text) == "block"


NOT_BLOCK: list[str] = [
    "Antoine de Saint-Exupéry wrote our class reader.",
    "Lycée Victor Duruy sent us a lovely card.",
    "We studied Guilherme de Almeida's poems.",
]


@pytest.mark.parametrize("text", NOT_BLOCK)
def test_no_child_no_block(screener: Screener, text: str) -> None:
    assert verdict(screener, text) != "block"
