"""The runs of number words of contact/phone_words_abroad.py (`_runs`, which walks only the
number words of a text tokenised once) are exactly those of the plain loop it replaced, which
looked at every word of the text for every language: kept here as the reference.

Compared on written texts in the project's languages (number words, joiners, commas, dashes,
other words between them, runs at the start and the end) and on a few thousand random texts
put together from those pieces with a fixed seed, for every language and for made-up
languages whose joiners are also number words (of the same language or of another one)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from postguard.detectors.contact.phone_words_abroad import (
    _Language,
    _languages,
    _runs,
    _tokenise,
)

_WORD = re.compile(r"[^\W\d_]+")
_SPACES = " \t\u00a0"


def plain_runs(low: str, lang: _Language) -> Iterator[list[tuple[int, int, bool]]]:
    """The old loop, word by word over the whole text (the reference)."""
    run: list[tuple[int, int, bool]] = []
    prev_end = -1
    for m in _WORD.finditer(low):
        word = m.group()
        if word in lang.joiners and run:
            continue
        if word not in lang.values:
            if run:
                yield run
            run = []
            continue
        comma = False
        if run:
            gap = low[prev_end:m.start()]
            words = gap.split()
            if any(w.strip(",-\u2013") not in lang.joiners and w.strip(",-\u2013")
                   for w in words) or len(gap) > 12 or gap.count(",") > 1 \
                    or gap.strip(_SPACES + ",-\u2013") and not words:
                yield run
                run = []
            else:
                comma = "," in gap
        run.append((m.start(), m.end(), comma))
        prev_end = m.end()
    if run:
        yield run


def _all_languages() -> dict[str, _Language]:
    """The project's languages, and made-up ones whose joiners are number words too: of the
    same language ("cero", "dos" in Spanish) or of another one ("zwei", "dix")."""
    langs = dict(_languages()[0])
    es, fr = langs["es"], langs["fr"]
    langs["es+value-joiners"] = _Language(es.values, es.times,
                                          frozenset({"y", "cero", "dos", "zwei", "dix"}),
                                          es.ten_takes_units)
    langs["fr+value-joiners"] = _Language(fr.values, fr.times,
                                          frozenset({"et", "deux", "y", "cinco"}),
                                          fr.ten_takes_units)
    return langs


LANGS = _all_languages()


def _new(low: str, lang: _Language) -> list[list[tuple[int, int, bool]]]:
    return list(_runs(low, _tokenise(low), lang))


WRITTEN = [
    "",
    "no numbers here at all",
    "seis cuatro nueve, treinta y uno, veinte, cero ocho",
    "llamad a inés: seis cuatro nueve, treinta y uno, veinte, cero ocho.",
    "cero seis y y y dos tres",
    "y cero y dos y",
    "cero y, dos y tres",
    "cero ,, dos tres",
    "cero - dos \u2013 tres -- cuatro",
    "cero dos the tres cuatro",
    "cero dos y the y tres",
    "cero dos y y y y y y y y tres",
    "cero dos            tres cuatro",
    "cero dos . tres ; cuatro",
    "cero dos 7 tres cuatro",
    "dos cero cero dos dos y dos",
    "appelez nadia au zéro sept, quatre-vingt-douze, trente et un, zéro quatre, dix-sept",
    "soixante-dix-sept et et vingt et un",
    "deux et cinco dix deux, deux",
    "zéro six, soixante-dix, vingt-deux, quarante-huit, quinze",
    "pięćset dwanaście, trzysta czterdzieści, dziewięćset siedem",
    "sıfır beş yüz kırk üç, on dokuz, yirmi iki",
    "quarenta e dois, e três e sete, zero nove",
    "null eins sieben zweiundvierzig achtzehn neunzig zwei",
    "zero tre quarantadue, ventotto, cinquantuno otto",
    "cero uno dos zwei dix tres cuatro zwei zwei",
    "zwei dos zwei y cero",
    "dos\tcero\u00a0tres\ncuatro",
    "trente-et-un, vingt , deux  et  trois",
    # another word, then a word that is a joiner and a value: the run ended on the other
    # word, so the joiner-value word starts the next run
    "cero dos the dos tres cuatro",
    "tres the cero dos tres",
    "uno y the y dos zwei tres",
    "deux the deux trois quatre et deux",
]


@pytest.mark.parametrize("low", WRITTEN)
@pytest.mark.parametrize("code", sorted(LANGS))
def test_written_texts_give_the_same_runs(low: str, code: str) -> None:
    lang = LANGS[code]
    assert _new(low, lang) == list(plain_runs(low, lang))


def test_the_written_texts_hold_runs_that_end_on_other_words_and_on_gaps() -> None:
    """The comparison is not empty: the texts give runs of several words, several runs per
    text, runs at the start and the end, and runs with commas."""
    es = LANGS["es"]
    runs = [list(plain_runs(low, es)) for low in WRITTEN]
    assert sum(len(r) for r in runs) > 20
    assert any(len(r) >= 3 for r in runs)
    assert any(any(len(run) >= 4 for run in r) for r in runs)
    assert any(any(comma for run in r for _, _, comma in run) for r in runs)
    assert _new("cero dos the tres cuatro", es) == [[(0, 4, False), (5, 8, False)],
                                                    [(13, 17, False), (18, 24, False)]]


def _pieces() -> list[str]:
    words: set[str] = set()
    for lang in LANGS.values():
        words.update(sorted(lang.values)[:12])
        words.update(lang.joiners)
    return sorted(words) + ["the", "call", "me", "on", "ß", "x", "7", "42", "émile"]


_SEPS = [" ", " ", " ", ", ", ",", " , ", "-", " - ", "\u2013", ",, ", "  ", "            ",
         ". ", "; ", "\t", "\n", "\u00a0", " 3 ", "_", "!"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = _pieces()
    joiners = sorted({j for lang in LANGS.values() for j in lang.joiners})
    texts = []
    for _ in range(n):
        out = [rng.choice(["", " ", ", ", "x "])]
        for _ in range(rng.randint(1, 30)):
            out.append(rng.choice(joiners) if rng.random() < 0.3 else rng.choice(pieces))
            out.append(rng.choice(_SEPS))
        texts.append("".join(out[:-1] if rng.random() < 0.5 else out))
    return texts


RANDOM = _random_texts(3000, seed=20261208)


def test_random_texts_give_the_same_runs() -> None:
    compared = 0
    for low in RANDOM:
        for code, lang in LANGS.items():
            expected = list(plain_runs(low, lang))
            assert _new(low, lang) == expected, (code, low)
            compared += len(expected)
    assert compared > 3000  # the texts hold runs to compare, not only empty lists
