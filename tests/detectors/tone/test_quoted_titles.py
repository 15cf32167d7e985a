"""A sexual word inside a quoted song or film title, in a post about music or films, is
lowered to review (a disco playlist is not sexual content aimed at a child); unquoted, or
without a music or film word, it keeps its severity, and grooming around it still blocks."""

from __future__ import annotations

import pytest

from postguard import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


def _sexual(screener: Screener, text: str) -> list[str]:
    return [f.severity.value for f in screener.screen(text).findings
            if f.category.value == "sexual_content"]


@pytest.mark.parametrize(("text", "severity", "verdict"), [
    # quoted titles in a post about music or films: review
    ("The Year 5 disco playlist ended with 'Sexy Back', sorry parents!", "low", "review"),
    ("Karaoke night highlight: Mr Hughes singing \u201cI'm Too Sexy\u201d", "low", "review"),
    ('The band played "Sexy and I Know It" as the encore', "low", "review"),
    # no quotes, or no music or film word: the word keeps its severity
    ("The disco playlist was sexy", "high", "block"),
    ("She called it 'sexy' in the corridor", "high", "block"),
    ("you look sexy in that dress, see you at the film", "high", "block"),
])
def test_titles(screener: Screener, text: str, severity: str, verdict: str) -> None:
    assert _sexual(screener, text) == [severity]
    assert screener.screen(text).verdict.value == verdict


def test_grooming_around_a_title_still_blocks(screener: Screener) -> None:
    text = "Our playlist is done. 'You look sexy' babe, send me a pic"
    report = screener.screen(text)
    assert report.verdict.value == "block"
    assert {"over_familiar", "private_contact"} <= {f.category.value for f in report.findings}


@pytest.mark.parametrize(("text", "span", "severity"), [
    # a name-shaped part of a longer quoted title, in a post about songs or films: a title
    ("Karaoke night winner: Mrs Okoro with \u201cI'm Too Sexy\u201d!", "Too Sexy", "low"),
    ('We danced to "Sexy and I Know It" at the leavers\' party', "Know It", "low"),
    ("The show 'Maisie Blackwood And Friends' was the book club's choice",
     "Maisie Blackwood And Friends", "low"),
    # quoted speech and quoted children's names stay a child's name
    ('"Well done Maisie Blackwood," said Mrs Okoro after the song', "Maisie Blackwood",
     "medium"),
    ("At the disco, 'Maisie Blackwood' and 'Theo Adeyemi' won the dance-off", "Theo Adeyemi",
     "medium"),
    ("Maisie Blackwood sang 'Let It Go' beautifully", "Maisie Blackwood", "medium"),
])
def test_a_name_shaped_title(screener: Screener, text: str, span: str, severity: str) -> None:
    got = {text[f.start:f.end]: f.severity.value for f in screener.screen(text).findings
           if f.category.value == "person_name" and f.start is not None and f.end is not None}
    assert got.get(span) == severity
