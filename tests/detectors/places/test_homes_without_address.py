"""The address detector on homes told without an address (detectors/place_areas.py): a
neighbourhood or village after a home cue, a home placed by a landmark, a lowercase street
after a host parent's cue, a possessive street with its town, and a museum home's postcode."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard import Screener
from postguard.detectors.places import AddressDetector
from postguard.policy import Policy


def found(detector: AddressDetector, text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.value, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


HOME = ("PG212", "high")
NEAR = ("PG212", "medium")

# (text, [(code, severity, matched text), ...]); an empty list is a trap that must not match.
CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # 1. a neighbourhood, suburb or village named as where someone lives
    ("Tomasz's host family live in Armley, so he gets the 16 bus", [(*HOME, "Armley")]),
    ("she lives up in Moortown now", [(*HOME, "Moortown")]),
    ("The twins live over in Meanwood with their nan.", [(*HOME, "Meanwood")]),
    ("His homestay is in Kirkstall this term.", [(*HOME, "Kirkstall")]),
    ("Maja lives out in Bramley with her aunt.", [(*HOME, "Bramley")]),
    ("The family have moved to Seacroft after half term.", [(*HOME, "Seacroft")]),
    ("They moved house to Horsforth in May.", [(*HOME, "Horsforth")]),
    ("Ella lives with her gran in Kirkstall.", [(*HOME, "Kirkstall")]),
    ("our new boy is from Gipton, just down the road", [(*HOME, "Gipton")]),
    ("Amara comes from Harehills, just round the corner.", [(*HOME, "Harehills")]),
    ("She lives in St John's Wood.", [(*HOME, "St John's Wood")]),
    ("LIVES IN HEADINGLEY", [(*HOME, "HEADINGLEY")]),
    ("He lives in Chapel Allerton, near the park.", [(*HOME, "Chapel Allerton")]),
    ("Marco is staying with a host family in Roundhay this month.", [(*HOME, "Roundhay")]),
    ("her home's in Burley, near the park", [(*HOME, "Burley")]),
    ("She's from Gipton, round the corner.", [(*HOME, "Gipton")]),
    ("his host family's in Meanwood", [(*HOME, "Meanwood")]),
    ("Moved to Beeston in the summer, so a new bus route.", [(*HOME, "Beeston")]),
    ("She lives in a village called Bramhope.", [(*HOME, "Bramhope")]),
    ("Our homestay families are mostly in Headingley.", [(*HOME, "Headingley")]),
    ("He grew up in Harehills and still plays for the local team.", [(*HOME, "Harehills")]),
    ("The family have settled in Rawdon.", [(*HOME, "Rawdon")]),
    ("Kacper stays with his aunt in Headingley.", [(*HOME, "Headingley")]),
    ("Her foster family are in Garforth.", [(*HOME, "Garforth")]),
    ("lives round the corner in Sheepscar", [(*HOME, "Sheepscar")]),
    ("her house in Roundhay has a huge garden", [(*HOME, "Roundhay")]),
    ("lives in the Harehills area", [(*HOME, "Harehills area")]),
    ("They moved to Lower Wortley last year.", [(*HOME, "Lower Wortley")]),
    ("She lives in Spain but her host family are in Horsforth.", [(*HOME, "Horsforth")]),
    ("They live in the Seacroft end of town", [(*HOME, "Seacroft end")]),
    ("Callum's foster family are in Garforth, so he can keep coming to Saturday drama.",
     [(*HOME, "Garforth")]),
    # ... but not a city, county, region or country, which identifies no one
    ("she lives in Leeds", []),
    ("he lives in Sussex", []),
    ("She lives in London with her dad.", []),
    ("He lives in North Leeds.", []),
    ("She lives in West Yorkshire with her mum.", []),
    ("Our exchange students live in Valencia.", []),
    ("His family live in Kraków.", []),
    ("She lives in Stoke-on-Trent.", []),
    ("moved to Spain", []),
    ("her family live in Poland", []),
    ("Kacper is from Poland, just like Ola.", []),
    ("Our new boy is from Leeds.", []),
    ("Bilal is from Roundhay.", []),  # no nearness phrase: where he grew up, maybe long ago
    # ... nor a class, a time, a feeling, a school, a game or a person
    ("lives in hope", []),
    ("She lives in the moment!", []),
    ("Our class hamster lives in Year 5's classroom.", []),
    ("Lives in Harmony: our new song for the concert!", []),
    ("He lives in Minecraft most weekends, ha!", []),
    ("She lives in Oakwood House during term.", []),
    ("The twins live in Amir's old street.", []),
    ("They've moved to Year 6 now.", []),
    ("The club has moved to Thursdays.", []),
    ("Sports day moved to Friday.", []),
    ("The meeting has moved to Leeds Road Hall.", []),
    ("lives with Grandma Rose", []),
    ("We live in hope of sunshine for sports day!", []),
    ("Moved to Zoom this week because of the snow.", []),
    ("Moved to lunchtime: the chess club.", []),
    ("Moved to Room 4 for the exam.", []),
    ("He's from Poland, just like his host mum.", []),
    ("Our homestay families are all in Leeds.", []),
    ("She lives in a village in Spain.", []),
    ("She grew up in Poland.", []),
    ("He has settled in Year 7 really well.", []),
    ("She settled in Mrs Khan's class quickly.", []),
    ("We read about the house in Harry Potter.", []),
    ("she lives in the north of Leeds", []),
    ("She's moved to Secondary now.", []),
    ("He has moved to Upper Sixth.", []),
    ("Year 2 sang for the residents who live in Oakwood Grange care home.", []),
    ("Visiting Jane Austen's house in Chawton was the best trip.", []),
    # 2. a home placed by a landmark near it: review
    ("he lives right next to the park gates", [(*NEAR, "right next to the park gates")]),
    ("she lives opposite the church on the green",
     [(*NEAR, "opposite the church on the green")]),
    ("Lives above the chip shop on the high street",
     [(*NEAR, "above the chip shop on the high street")]),
    ("the house behind the Co-op", [(*NEAR, "behind the Co-op")]),
    ("Their flat is above the bakery.", [(*NEAR, "above the bakery")]),
    ("Our host family lives two doors down from the mosque.",
     [(*NEAR, "two doors down from the mosque")]),
    ("Sam lives opposite Tesco.", [(*NEAR, "opposite Tesco")]),
    ("He's living behind the leisure centre now", [(*NEAR, "behind the leisure centre")]),
    ("lives on the corner by the post office", [(*NEAR, "on the corner by the post office")]),
    ("lives in the flats behind the Co-op", [(*NEAR, "behind the Co-op")]),
    ("she lives just by the canal", [(*NEAR, "just by the canal")]),
    ("Zofia lives opposite the fire station.", [(*NEAR, "opposite the fire station")]),
    ("Their bungalow is opposite the library.", [(*NEAR, "opposite the library")]),
    ("lives by the Co-op", [(*NEAR, "by the Co-op")]),
    ("she's living above her mum's shop", [(*NEAR, "above her mum's shop")]),
    ("she lives just across the road from the park",
     [(*NEAR, "just across the road from the park")]),
    # ... not where a thing or a pet lives, nor a wide or figurative place
    ("the trophy lives next to the office", []),
    ("the hamster lives next to the reading corner", []),
    ("The fish tank lives on top of the shelf.", []),
    ("lives next to nothing", []),
    ("She lives near the sea.", []),
    ("He lives by the rules.", []),
    ("He lives next to Grandma.", []),
    ("She lives next to Amir.", []),
    ("The Wendy house next to the sandpit is ready.", []),
    ("The school is opposite the park.", []),
    ("The netball cup now lives next to the main office.", []),
    ("She lives at the top of the league table!", []),
    ("He lives at the end of the world, he jokes.", []),
    ("lives by the rules", []),
    ("lives next to his best friend", []),
    # a street found there is the better finding
    ("Their host family live just behind Queens Park Road",
     [(*HOME, "Queens Park Road")]),
    # 3. a lowercase street after a home cue, no house number
    ("she lives on mill hill close", [(*HOME, "mill hill close")]),
    ("his host mum's on beech grove", [(*HOME, "beech grove")]),
    ("lives on toast", []),
    ("lives on the edge", []),
    ("lives on a boat", []),
    ("Mum's on holiday next week", []),
    ("they're on foxglove way now", [(*HOME, "foxglove way")]),
    # 4. a street with an apostrophe and its town
    ("lives on Cooper's Row, Halifax", [(*HOME, "Cooper's Row, Halifax")]),
    ("host family on St John's Walk, Ripon", [(*HOME, "St John's Walk, Ripon")]),
    ("she lives on Kings Road, Brighton", [(*HOME, "Kings Road, Brighton")]),
    ("Her host family live on Bishop's Way in Headingley.",
     [(*HOME, "Bishop's Way in Headingley")]),
    ("lives on Elm Road in Year 5", [(*HOME, "Elm Road")]),
    ("lives on Elm Road in Room 4", [(*HOME, "Elm Road")]),
    ("she lives on Kings Road, Amir lives on Elm Road",
     [(*HOME, "Kings Road"), (*HOME, "Elm Road")]),
    # 5. a museum home's postcode is a venue's, not a child's address
    ("Dove Cottage, Grasmere LA22 9SH", []),
    ("Wordsworth's home, Dove Cottage, Grasmere LA22 9SH", []),
    ("We visited the Brontë Parsonage, Haworth BD22 8DR", []),
    ("Rose Cottage, Grasmere LA22 9SH", [("PG203", "high", "Rose Cottage, Grasmere LA22 9SH")]),
    ("She lives at Dove Cottage, Grasmere LA22 9SH",
     [("PG203", "high", "Dove Cottage, Grasmere LA22 9SH")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(detector: AddressDetector, text: str,
               expected: list[tuple[str, str, str]]) -> None:
    assert found(detector, text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    ("Kacper's host family live in Headingley", "block"),
    ("he lives right next to the park gates", "review"),
    ("she lives in Leeds", "allow"),
])
def test_verdicts(text: str, verdict: str) -> None:
    report = Screener().screen(text)
    assert report.verdict.value == verdict
    assert all(f.category.value == "location" for f in report.findings
               if f.detector == "address")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(
    list("lives in from moved host house next to the Ab'\u2019 ,.\n\u0130\u00e9") + ["\ud800"]),
    max_size=120))
def test_never_crashes_and_offsets_hold(text: str) -> None:
    detector = AddressDetector(Policy.default())
    for f in detector.detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)


def test_linear_time(detector: AddressDetector) -> None:
    small = "Kacper's host family live in Headingley and he lives next to the park gates. " * 200
    assert_linear(lambda t: list(detector.detect_text(t)), small, small * 10, repeats=1)
    worst = "lives in " + "Ab " * 20000  # long runs of capitalised words after a cue
    assert_linear(lambda t: list(detector.detect_text(t)), worst[:6000], worst, repeats=1)
