"""Words that follow an address in a sentence, and children said to be on a street.

An auxiliary or a time word after a street with a weak suffix ("Walk", "Place") ends the
address; it does not make the street a title ("Top 5 Summer Walk Routes"). A house number
written after its street may be followed by a verb ("Elm Avenue, no. 12 are lovely").
"Kids on <street>" says where children live. Positives and traps side by side."""

from __future__ import annotations

import pytest

from postguard import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(detectors=["address"])


@pytest.mark.parametrize(("text", "span", "code"), [
    ("Could someone take the spare key to 41 Hollinbrook Walk before lunch?",
     "41 Hollinbrook Walk", "PG202"),
    ("The Novak family at 9 Quarry Place will host two students in May.",
     "9 Quarry Place", "PG202"),
    ("Parcel for 16 Fenwick Walk after school please", "16 Fenwick Walk", "PG202"),
    ("his hosts at 3 Orchard Place have a spaniel", "3 Orchard Place", "PG202"),
    ("Our new hosts on Ashdown Crescent, no. 14 are lovely people.",
     "Ashdown Crescent, no. 14", "PG202"),
    ("The twins' family on Beech Grove number 8 will collect them.",
     "Beech Grove number 8", "PG202"),
    ("the kids on tansy rise close are walking in together on Friday",
     "tansy rise close", "PG212"),
    ("Children from Lowther Road were first to arrive at the gate.", "Lowther Road", "PG212"),
    ("Well done to the pupils on Mallard Way who cleared the verge!", "Mallard Way", "PG212"),
])
def test_found(screener: Screener, text: str, span: str, code: str) -> None:
    found = [(f.code, text[f.start:f.end]) for f in screener.screen(text).findings
             if f.start is not None and f.end is not None]
    assert (code, span) in found


@pytest.mark.parametrize("text", [
    "Top 5 Summer Walk Routes for families",
    "our 10 Mile Walk will start at 9am",
    "we came 3rd Place after a great relay",
    "Penny Lane 18 times in a row!",
    "kids on the bus close the windows when it rains",
    "children on the trip close to the sea were brilliant",
    "Kids on the Year 6 trip loved it",
    "children from Church Road Primary sang at the fair",
    "The 2 West End shows were sold out",
])
def test_not_an_address(screener: Screener, text: str) -> None:
    assert not screener.screen(text).findings
