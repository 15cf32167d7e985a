"""The triangle with a first name (DESIGN.md: a school is block next to a child's name, a
first name is enough; a location is block with a named child): names/first_names.py read by
escalation.escalate. Adults with titles, characters, works and ordinary words do not count."""

from __future__ import annotations

import pytest
from found import verdict

from postguard import Post, Screener
from postguard.detectors.names.first_names import child_first_names, sentences

BLOCK: list[str] = [
    "Big cheer for Tobias from Larkfield Primary School, who read his poem at the festival.",
    "Congratulations Anya of Westbrook Academy on her county swimming medal!",
    "Imogen (Year 4, St Cuthbert's Primary) won the drawing competition.",
    "Dmitri's host family in Roundhay are taking him to the match on Saturday.",
    "Well done Grace from Beckfield High School for the science fair prize.",
    "Luca waits at the stop on Cardigan Road every morning before the 8:10 bus.",
    # the first name in another sentence of the post
    "Two new pupils from Valencia International School start today. Welcome Pau and Nerea!",
    "Great win against Hollins Academy. Player of the match: Reuben.",
    "Great work at Larkfield Primary School today. Thanks Priya!",
    # a full name in a post that says it shows a photo of them
    "Pictured: Imogen Lark and Felix Oduya with the debating shield.",
    "Photo of the day: Ottilie Brandt and her prize-winning scarecrow",
    "L-R: Sami Okonjo, Beatrice Hale and Ned Farrow at the regional final",
]

REVIEW: list[str] = [
    # adults with titles, characters, works, ordinary words: no child is named
    "Mrs Okonkwo from Larkfield Primary School led a brilliant staff training day.",
    "Coach Ben from Westbrook Academy ran the tennis taster.",
    "Our Year 2 class dressed as Matilda for the show at Larkfield Primary School.",
    "Grace before lunch is a tradition at Beckfield High School.",
    "Will you join us at Larkfield Primary School for the summer fair?",
    "Harry Potter fans: Westbrook Academy's library has every book.",
    "Hiroshi-sensei from Minato High School taught our calligraphy class.",
    "Herr Braun from Goethe Gymnasium visited with his colleagues.",
    # a full name alone, no photo mentioned
    "Congratulations to Imogen Lark on her grade 5 piano exam.",
    # a staff member signing off, or named with a role
    "Thank you to Westbrook Academy for hosting our debate today.\nHelen",
    "Thanks to Larkfield Primary School for a lovely day! Best wishes, Owen (Trips Lead)",
    "Thank you to Beckfield High School for the tour. Rachel, Head of Languages",
]


@pytest.mark.parametrize("text", BLOCK)
def test_a_first_name_completes_the_triangle(screener: Screener, text: str) -> None:
    assert verdict(screener, text) == "block"


@pytest.mark.parametrize("text", REVIEW)
def test_adults_characters_and_words_do_not(screener: Screener, text: str) -> None:
    assert verdict(screener, text) == "review"


def test_the_school_finding_says_why(screener: Screener) -> None:
    report = screener.screen(Post(text=BLOCK[0]))
    schools = [f for f in report.findings if f.category.value == "school"]
    assert schools and "first name" in schools[0].message


def test_a_photo_with_a_school_blocks_without_a_name(screener: Screener) -> None:
    report = screener.screen(Post(text="Sports day at Larkfield Primary School!",
                                  images=[b"\x89PNG\r\n\x1a\n"]))
    assert report.verdict.value == "block"


@pytest.mark.parametrize(("text", "names"), [
    ("Thanks Priya and Omar!", ["Priya", "Omar"]),
    ("Mr Omar Khan and Priya", ["Priya"]),
    ("Lily's dad, Mrs Lily Evans", ["Lily"]),
    ("The film Annie was shown.", []),
])
def test_first_names_found_in_a_sentence(text: str, names: list[str]) -> None:
    found = [text[s:e] for s, e in child_first_names(text, 0, len(text), [])]
    assert found == names


def test_sentences_cover_the_text() -> None:
    text = "One. Two!\nThree"
    spans = list(sentences(text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert [text[s:e].strip(" .!\n") for s, e in spans] == ["One", "Two", "Three"]


@pytest.mark.parametrize(("text", "verdict"), [
    # a full name at a named public event (the policy: "locations of events they are
    # taking part in"): block; the event alone, or a famous person at it, is not
    ("Rosa Delgado and Finn Carter ran in the Hove Half Marathon on Sunday!", "block"),
    ("Look out for Noor Haddad at the Whitstable Oyster Festival parade.", "block"),
    ("Year 5 sang at the Brighton Festival on Saturday.", "allow"),
    ("Charles Dickens was celebrated at the Rochester Dickens Festival.", "allow"),
])
def test_a_full_name_at_a_named_event(text: str, verdict: str) -> None:
    assert Screener().screen(text).verdict.value == verdict
