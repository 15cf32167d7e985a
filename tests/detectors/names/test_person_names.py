"""Person names: the shipped spaCy pipeline, the lexicon fallback, staff and famous people,
the triangle of risk, and a clear error when the model folder is missing or corrupt."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postguard import Category, Post, Severity, Verdict
from postguard.detectors.names import PersonNameDetector, load_pipeline, model_path
from postguard.errors import PluginError
from postguard.policy import Policy


@pytest.fixture(scope="module")
def det() -> PersonNameDetector:
    return PersonNameDetector(Policy.default())


def names(det: PersonNameDetector, text: str) -> list[tuple[str, Severity]]:
    return [(text[f.start:f.end], f.severity) for f in det.detect_text(text)
            if f.start is not None and f.end is not None]


M, L = Severity.MEDIUM, Severity.LOW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Well done Amelia Hartley-Brown for your swim!", [("Amelia Hartley-Brown", M)]),
        ("Congratulations to Jayden Okoro and Priya Raman!",
         [("Jayden Okoro", M), ("Priya Raman", M)]),
        ("Happy birthday Zhang Wei!", [("Zhang Wei", M)]),
        ("Lovely to see Katarzyna Nowak at the beach clean.", [("Katarzyna Nowak", M)]),
        ("Star of the week: Liam O'Donnell in Year 3", [("Liam O'Donnell", M)]),
        ("Mr Tom Hughes led the trip.", [("Tom Hughes", L)]),
        ("We read Charles Dickens in class", [("Charles Dickens", L)]),
        # traps: places, events, single names, staff on the organisation's list
        ("Our trip to Oxford Street was fun.", []),
        ("See you at Brighton Station at 9am", []),
        ("Well done Amy! Great effort today.", []),
        ("Sports Day has moved to Wednesday.", []),
        ("A message from Simon Llewellyn, our Principal.", []),
        ("The Natural History Museum was the highlight.", []),
        ("no capitals here at all", []),
        ("Thanks to Southern Water for the river talk", []),
        ("Brilliant win for Lewes Rovers on Saturday", []),
        ("Cream tea at Rose Cottage after the walk", []),
        ("Our Early Years team made pancakes", []),
    ],
)
def test_person_names(det: PersonNameDetector, text: str, expected: list) -> None:
    assert names(det, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places: two-word towns, place prepositions, street abbreviations
        ("The Year 8 geographers spent Tuesday in Milton Keynes.", []),
        # a sign or ticket read by OCR and title-cased; charity campaigns
        ("Flight Ba 2490 boards at gate 12", []),
        ("Route Ba 12 leaves from Platform Ba", []),
        ("Year 7 raised £300 for Stand Up To Cancer", []),
        ("Wear spots for Children In Need on Friday", []),
        ("Well done Leon Okafor on your flight training badge", [("Leon Okafor", M)]),
        ("Coach to Saffron Walden leaves at 8.", []),
        ("Wexcombe Stoke, Wilts, hosts the village fair each June.", []),
        ("Kofi Mensah, Year 4, won the Kent art prize.", [("Kofi Mensah", M)]),
        ("We spent the afternoon near Ilkley Moor sketching.", []),
        ("Our exchange guests from Castleford Heights arrive tonight.", []),
        ("Well done Orla Brennan, who swam at the county gala!", [("Orla Brennan", M)]),
        ("Forms go to 7 Hawthorn Gv by Friday.", []),
        ("The minibus is parked on Quarry Ln today.", []),
        ("Certificates went to Kim Min-jun and Park Seo-yeon.",
         [("Kim Min-jun", M), ("Park Seo-yeon", M)]),
        # organisations, utilities, teams, school phases, pubs, heritage houses
        ("Thanks to Thameside Energy for the solar talk.", []),
        ("Saltmarsh Bank volunteers ran our money week.", []),
        ("The Brockley Harriers squad trains on Thursdays.", []),
        ("Well done to the Westgate Panthers team!", []),
        ("Season tickets for Dunmore FC are half price.", []),
        ("Our Key Stage Two choir sang beautifully.", []),
        ("Quiz night at The Plough and Harrow on Friday.", []),
        ("Year 5 toured Shakespeare's Birthplace and Anne Hathaway's Cottage.", []),
        ("Pre-Intermediate Green moves to Room 4.", []),
        # authors and characters: low severity, allowed by default
        ("Our class reader is The Hodgeheg by Dick King-Smith.",
         [("Dick King-Smith", L)]),
        ("We welcomed the author Delphine Arkwright to our library.",
         [("Delphine Arkwright", L)]),
        ("Wendy Darling, played by Rosa Quayle in Year 6, stole the show.",
         [("Wendy Darling", L), ("Rosa Quayle", M)]),
        ("On World Book Day Theo came dressed as Fennick Thorne.", [("Fennick Thorne", L)]),
        ("The character Ottoline Brown loves puzzles.", [("Ottoline Brown", L)]),
        ("Poet Delphine Arkwright led our workshop.", [("Delphine Arkwright", L)]),
        ("Our young writer Rosa Quayle won the county prize.", [("Rosa Quayle", M)]),
        ("Sam Westbrook of Westbrook Energy spoke to Year 11.", [("Sam Westbrook", M)]),
        # children stay names even after "by" or with a place word in the post
        ("This lovely poem by Rosa Quayle in Year 4 is on the wall.", [("Rosa Quayle", M)]),
        ("Our new logo was designed by Idris Bello.", [("Idris Bello", M)]),
        ("Look at Nkechi Adeyemi's brilliant model volcano!", [("Nkechi Adeyemi", M)]),
        ("Awarded to Tomasz Wróbel by Mrs Patel at assembly.", [("Tomasz Wróbel", M)]),
        # lowercase and all-caps full names after a cue; single names and words are not
        ("congratulations to liam o'donnell for the spelling bee!", [("liam o'donnell", M)]),
        ("shout out to orla brennan and idris bello 👏",
         [("orla brennan", M), ("idris bello", M)]),
        ("WELL DONE SOPHIE MAZUR ON YOUR GRADE 5!", [("SOPHIE MAZUR", M)]),
        ("well done liam today, great effort", []),
        ("well done everyone, especially finn and amara", []),
        ("we walked to milton keynes and back", []),
        ("thanks to amber park staff for the tour", []),
    ],
)
def test_context_and_lexicons(det: PersonNameDetector, text: str, expected: list) -> None:
    assert names(det, text) == expected


def test_suggestion_keeps_the_first_name_only(det: PersonNameDetector) -> None:
    (f,) = det.detect_text("Well done Amelia Hartley-Brown!")
    assert f.suggestion is not None and f.suggestion.replacement == "Amelia"


def test_triangle_of_risk_blocks_and_says_why(screener) -> None:
    report = screener.screen(Post("Well done Amelia Hartley-Brown on your swim today!",
                                  images=(b"not-read-here",)))
    names_found = [f for f in report.findings if f.category is Category.PERSON_NAME]
    assert names_found and names_found[0].severity is Severity.HIGH
    assert "a photo" in names_found[0].message
    assert report.verdict is Verdict.BLOCK


def test_name_alone_is_review(screener) -> None:
    report = screener.screen("Well done Amelia Hartley-Brown on your swim today!")
    assert report.verdict is Verdict.REVIEW


def test_model_is_small_and_ships_in_the_package() -> None:
    path = model_path()
    assert (path / "meta.json").is_file()
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size <= 25 * 2**20


@pytest.mark.parametrize("make", ["missing", "corrupt"])
def test_broken_model_folder_is_a_clear_error(tmp_path: Path, make: str) -> None:
    folder = tmp_path / "postguard_en"
    if make == "corrupt":
        folder.mkdir()
        (folder / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PluginError, match=r"make model") as err:
        load_pipeline(folder)
    assert str(folder) in str(err.value)


def test_broken_model_never_breaks_other_detectors(tmp_path: Path) -> None:
    from postguard.registry import DetectorRegistry
    from postguard.screener import Screener

    class BrokenNames(PersonNameDetector):
        def __init__(self, policy: Policy) -> None:
            super().__init__(policy, model=tmp_path / "nowhere")

    reg = DetectorRegistry()
    reg._loaded["person_name"] = BrokenNames  # replace the built-in for this test
    report = Screener(registry=reg).screen("Text Amy Smith on 07911 123456")
    cats = {f.category for f in report.findings}
    assert Category.PHONE in cats and Category.DETECTOR_ERROR in cats
    assert report.verdict is Verdict.BLOCK


@pytest.mark.parametrize(
    ("text", "name", "school"),
    [
        ("Congratulations to Evie Carter of Downs Junior School on winning!", "Evie Carter",
         "Downs Junior School"),
        ("Maya Oyelaran of Balfour Primary School spotted foxes", "Maya Oyelaran",
         "Balfour Primary School"),
    ],
)
def test_child_of_a_school_is_a_name_next_to_a_school(screener, text, name, school) -> None:
    report = screener.screen(text)
    found = {(f.category, text[f.start:f.end]) for f in report.findings}
    assert (Category.PERSON_NAME, name) in found and (Category.SCHOOL, school) in found
    assert report.verdict is Verdict.BLOCK


@pytest.mark.parametrize(("text", "expected"), [
    ("Well done Stanley Marsh-Okoro on the chess final", ["Stanley Marsh-Okoro"]),
    ("Huge congratulations to Otis Pennington and Keira Dunmore", ["Otis Pennington",
                                                                   "Keira Dunmore"]),
    ("Freddie Castellanos scored twice", ["Freddie Castellanos"]),
])
def test_common_given_names_are_decided_without_the_model(
        det: PersonNameDetector, monkeypatch: pytest.MonkeyPatch, text: str,
        expected: list[str]) -> None:
    """given_names_more.txt: a common given name and an unknown capitalised surname is a
    full name by the lexicons alone; the model is not asked."""
    from postguard.detectors.names import detector as names_mod

    def no_model(_model: object) -> object:
        raise AssertionError("the model was asked")

    monkeypatch.setattr(names_mod, "load_tagger", no_model)
    assert [n for n, _ in names(det, text)] == expected


_CUE_WORDS = ["well", "done", "WELL", "DONE", "congrats", "to", "thanks", "Thanks", "To", "amy",
              "smith", "AMY", "SMITH", "and", ",", "&", "liam", "o'donnell", "İstanbul", "x"]


@given(st.lists(st.sampled_from(_CUE_WORDS), min_size=1, max_size=14),
       st.sampled_from([" ", "  ", ", ", "\t"]))
@settings(max_examples=300, deadline=None)
def test_cued_runs_equal_the_full_pattern(words: list[str], sep: str) -> None:
    """The cue pre-search finds exactly the runs the full (case-insensitive) pattern does."""
    from postguard.detectors.names.lowercase_names import _cued_runs, _lowercase_re

    text = sep.join(words)
    assert [m.span() for m in _cued_runs(text)] == [
        m.span() for m in _lowercase_re().finditer(text)]
