"""The address detector: addresses, postcodes and street names (address, location)."""

from __future__ import annotations

import functools
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from linear import assert_linear

from postguard import Screener
from postguard.codes import code_table
from postguard.detectors.places import AddressDetector
from postguard.model import Category, Severity
from postguard.policy import Policy
from postguard.registry import DetectorRegistry


def found(detector: AddressDetector, text: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start:f.end]) for f in detector.detect_text(text)
            if f.start is not None and f.end is not None]


# (text, [(code, matched text), ...]); an empty list is a trap that must not match.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # house number + street
    ("Send it to 12 Elm Road please", [("PG202", "12 Elm Road")]),
    ("She lives at 12a Elm Rd. with her mum", [("PG202", "12a Elm Rd.")]),
    ("22B Baker Street", [("PG202", "22B Baker Street")]),
    ("meet at 12 elm rd at 3", [("PG202", "12 elm rd")]),
    ("dropped off at 14 kings ave", [("PG202", "14 kings ave")]),
    ("dropped off at 14 Kings ave", [("PG202", "14 Kings ave")]),
    ("Flat B, 14 Kings Court", [("PG203", "Flat B, 14 Kings Court")]),
    ("He is at 7 St John's Road now", [("PG202", "7 St John's Road")]),
    ("Party at 12-14 Mill Lane!", [("PG202", "12-14 Mill Lane")]),
    ("we met at 5 Mill Walk, then home", [("PG202", "5 Mill Walk")]),
    ("12 High Street", [("PG202", "12 High Street")]),
    ("12 Oak Dr", [("PG202", "12 Oak Dr")]),
    ("at 3 Church Hill.", [("PG202", "3 Church Hill")]),
    ("12 ELM ROAD", [("PG202", "12 ELM ROAD")]),
    ("They moved to 12 The Avenue last week", [("PG202", "12 The Avenue")]),
    ("No. 12 Elm Road", [("PG202", "12 Elm Road")]),
    ("St. John's Road, where he lives", [("PG212", "St. John's Road")]),
    # flats and named houses
    ("Flat 3, 14 Kings Court", [("PG203", "Flat 3, 14 Kings Court")]),
    ("Flat 3 Kings Court", [("PG203", "Flat 3 Kings Court")]),
    ("Apt 4B, 9 Elm Grove", [("PG203", "Apt 4B, 9 Elm Grove")]),
    ("Rose Cottage, Mill Lane", [("PG203", "Rose Cottage, Mill Lane")]),
    ("The Old Rectory, Church Lane", [("PG203", "The Old Rectory, Church Lane")]),
    ("Ivy House, 2 Station Road", [("PG203", "Ivy House, 2 Station Road")]),
    # full addresses: one span from the house number to the postcode
    ("12 Elm Road, Brighton, East Sussex BN2 1AB",
     [("PG202", "12 Elm Road, Brighton, East Sussex BN2 1AB")]),
    ("12 Elm Road\nBrighton\nBN2 1AB", [("PG202", "12 Elm Road\nBrighton\nBN2 1AB")]),
    ("Flat 3 Kings Court, Hove BN3 2AA", [("PG203", "Flat 3 Kings Court, Hove BN3 2AA")]),
    ("Elm Road, Brighton BN2 1AB", [("PG201", "Elm Road, Brighton BN2 1AB")]),
    # postcodes: strict format
    ("SW1A 1AA", [("PG201", "SW1A 1AA")]),
    ("post to EC1A 1BB.", [("PG201", "EC1A 1BB")]),
    ("M1 1AE", [("PG201", "M1 1AE")]),
    ("B33 8TH", [("PG201", "B33 8TH")]),
    ("CR2 6XH", [("PG201", "CR2 6XH")]),
    ("DN55 1PT", [("PG201", "DN55 1PT")]),
    ("GIR 0AA", [("PG201", "GIR 0AA")]),
    ("code SW1A1AA", [("PG201", "SW1A1AA")]),
    ("postcode LS6  2QT on the form", [("PG201", "LS6  2QT")]),  # a double space typed
    ("page 12  3AB of the book", []),
    ("sw1a 1aa", [("PG201", "sw1a 1aa")]),
    ("bn2 1ab is near", [("PG201", "bn2 1ab")]),
    # addresses abroad (international students' families)
    ("Her family lives at Calle Mayor 12, Madrid", [("PG202", "Calle Mayor 12, Madrid")]),
    ("Via Roma, 5 in Milan", [("PG202", "Via Roma, 5")]),
    ("C/ de la Paz 7", [("PG202", "C/ de la Paz 7")]),
    ("ul. Długa 5, Gdańsk", [("PG202", "ul. Długa 5, Gdańsk")]),
    ("Av. Paulista 1000", [("PG202", "Av. Paulista 1000")]),
    ("10 rue Lepic, Paris", [("PG202", "10 rue Lepic, Paris")]),
    ("12 rue d'Alésia", [("PG202", "12 rue d'Alésia")]),
    ("Hauptstraße 5, Berlin", [("PG202", "Hauptstraße 5, Berlin")]),
    ("Goethestr. 12", [("PG202", "Goethestr. 12")]),
    ("Kalverstraat 12", [("PG202", "Kalverstraat 12")]),
    ("the Camino de Santiago 2025 route", []),
    ("Via Zoom 2 sessions", []),
    ("Smith et al. Nature 2020", []),
    ("the Brigade 3", []),
    ("Piazza Navona is lovely", []),
    # streets without a number
    ("we walked on Elm Road", [("PG211", "Elm Road")]),
    ("down Station Road to the beach", [("PG211", "Station Road")]),
    ("ELM ROAD", [("PG211", "ELM ROAD")]),
    ("ELM RD\nBN2", [("PG211", "ELM RD\nBN2")]),
    ("Cycling along Mount Pleasant Road", [("PG211", "Mount Pleasant Road")]),
    # home cues
    ("she lives on Station Road", [("PG212", "Station Road")]),
    ("her house is on Elm Road", [("PG212", "Elm Road")]),
    ("the host family on Park Lane are lovely", [("PG212", "Park Lane")]),
    ("she lives on Oxford Street", [("PG212", "Oxford Street")]),
    ("staying at Church Hill with friends", [("PG212", "Church Hill")]),
    ("lives on elm road", [("PG212", "elm road")]),
    ("round the corner from her house on Victoria Avenue",
     [("PG212", "Victoria Avenue")]),
    ("Cedar Close, where she lives", [("PG212", "Cedar Close")]),
    ("Elm Rd. is where she lives", [("PG212", "Elm Rd.")]),
    ("She lives in Hove. We walked down Elm Road", [("PG211", "Elm Road")]),
    ("Maria is staying with her host family on Cedar Close this term",
     [("PG212", "Cedar Close")]),
    ("Maria's host family live on Preston Drove.", [("PG212", "Preston Drove")]),
    ("She lives at Rose Cottage with her nan", [("PG212", "Rose Cottage")]),
    ("The group is staying at YHA London Central", []),
    ("Sports day moved to Preston Park", []),
    ("Ana lives in Brighton", []),
    ("she lives on marine view", [("PG212", "marine view")]),
    ("lives at 5 marine view", [("PG202", "5 marine view")]),
    ("she lives on the Whitehawk estate", [("PG212", "Whitehawk estate")]),
    ("no. 12 Cherry Tree Walk", [("PG202", "12 Cherry Tree Walk")]),
    ("we walked past marine view", []),
    ("a lovely sea view", []),
    ("we're in BN2 now", [("PG213", "BN2")]),
    ("families in the SW1A area", [("PG213", "SW1A")]),
    ("postcode E1 only", [("PG213", "E1")]),
    ("Rose Cottage, Lewes BN7 2AB", [("PG203", "Rose Cottage, Lewes BN7 2AB")]),
    ("Flat 3, Lewes\nBN7 2AB", [("PG203", "Flat 3, Lewes\nBN7 2AB")]),
    ("Rose Cottage, Mill Lane, Lewes BN7 2AB",
     [("PG203", "Rose Cottage, Mill Lane, Lewes BN7 2AB")]),
    # OCR of street signs: capitals, line breaks
    ("ELM ROAD NW1", [("PG211", "ELM ROAD NW1")]),
    ("ELM ROAD\nLONDON BOROUGH OF CAMDEN", [("PG211", "ELM ROAD")]),
    ("Station Rd\nSW1A 1AA", [("PG201", "Station Rd\nSW1A 1AA")]),
    ("Mill Lane, where they live", [("PG212", "Mill Lane")]),
    # traps
    ("she has 2 best friends close by", []),
    ("we saw 2 West End shows", []),
    ("our annual Food Drive starts today", []),
    ("NATIONAL ROAD SAFETY WEEK", []),
    ("RESULTS DAY ROAD TRIP", []),
    ("Lovely walk on the Green today", []),
    ("a visit to Jurassic Park", []),
    ("Well done to our B2 and C1 students", []),
    ("Traffic on the M25 and the A4, A23", []),
    ("Print it on A4 paper", []),
    ("Meet in Room B12", []),
    ("Won a PS5 in the raffle", []),
    ("Year 10 did brilliantly", []),
    ("a shopping trip to Oxford Street", []),
    ("visiting Regent Street and Downing Street", []),
    ("the crossing at Abbey Road, then Brick Lane", []),
    ("a day in Sussex", []),
    ("support your high street shops", []),
    ("shopping on the High Street", []),
    ("photos outside 10 Downing Street", []),
    ("a picnic in Hyde Park", []),
    ("on the school field", []),
    ("St Mary's Church", []),
    ("at St Paul's Cathedral", []),
    ("a trip to St Andrews", []),
    ("Happy St Patrick's Day to all!", []),
    ("thanks to Dr Smith", []),
    ("3 Great Trips this term", []),
    ("20 Year 7 students", []),
    ("2 Harry Potter films", []),
    ("Chapter 12 Road to Nowhere", []),
    ("it was 10 Downing at half time", []),
    ("we won 3-1 at Villa Park", []),
    ("Our Top 5 Summer Walk Routes", []),
    ("a 10 minute walk from school", []),
    ("only a 2 hour drive away", []),
    ("saved on Google Drive", []),
    ("a trip down Memory Lane", []),
    ("we visited Abbey Road Studios", []),
    ("Station Road Primary is closed", []),
    ("B2", []),
    ("C1", []),
    ("M25", []),
    ("COVID 19", []),
    ("the b12 3rd floor", []),
    ("model XK12 3ZZ", []),
    ("order QQ1 2AB", []),
    ("the CO2 in the air", []),
    ("students in B2 class", []),
    ("Happy birthday Mrs Lane", []),
    ("catch a 12 Oxford Road bus", []),
    ("Friday 12 July Road safety talk", []),
    ("Chapter 3 The Road Home", []),
    ("Year 10 The Drive", []),
    ("The Avenue is lovely", []),
    ("St. Mary's and St. Paul's", []),
    ("In 2024 Station Road was closed", [("PG211", "Station Road")]),
    ("Congratulations to Sarah Lane and Tom Hill", []),
    ("she lives on Holly Lane", [("PG212", "Holly Lane")]),
    ("see you next week!", []),
    # lowercase addresses: after a flat, a label or a place word and a house number
    ("post it to apartment 2, 9 harbour view please", [("PG203", "apartment 2, 9 harbour view")]),
    ("unit 4 17 canal walk", [("PG203", "unit 4 17 canal walk")]),
    ("our new address: 8 copperfield avenue", [("PG202", "8 copperfield avenue")]),
    ("the bag was left at 31 hazelmere close yesterday", [("PG202", "31 hazelmere close")]),
    ("parcel delivered to 6 brookside drive", [("PG202", "6 brookside drive")]),
    ("doors open 10:45 Elm Road side", [("PG211", "Elm Road")]),
    ("slots at 4 test drive centres", []),
    ("they went to 3 schools close by", []),
    ("meet at 10 sharp drive carefully", []),
    ("the keys were found at 112 sheepcote close", [("PG202", "112 sheepcote close")]),
    ("it was only 3 lovely close friends", []),
    ("we walked 9 marine parade routes", []),
    # Drove: a street word of its own, not a verb after a person
    ("Cyclists counted on Hollingbury Drove today", [("PG211", "Hollingbury Drove")]),
    ("Grandad Drove the minibus", []),
    ("Sarah Drove home", []),
    # a public venue's own address is not a home; a party at a house is
    ("Visit the Toy Museum at 12 Elm Road this half term", []),
    ("the Booth Museum, 194 Dyke Road", []),
    ("Pick up from the Gallery at 3 Mill Lane", []),
    ("Birthday party at 12 Elm Road!", [("PG202", "12 Elm Road")]),
    # streets of stories, games and history, unless someone lives there
    ("We played Monopoly and Ella bought Old Kent Road", []),
    ("the Blitz destroyed shops on Mill Road", []),
    ("Year 5 read about Privet Drive", []),
    ("Our go-kart lap record on Rainbow Road", []),
    ("In the TV series the family lives on Elm Road", [("PG212", "Elm Road")]),
    ("We watched a film. Then we walked down Elm Road", [("PG211", "Elm Road")]),
    ("Local history trail along Ship Street", [("PG211", "Ship Street")]),
    # "no." or "number" and a house number, in lowercase
    ("the card came from no. 27 sycamore close", [("PG202", "27 sycamore close")]),
    ("she said number 9 foxglove drive is theirs", [("PG202", "9 foxglove drive")]),
    ("no. 4 best friends close to tears", []),
    ("there were no 3 good drives today", []),
    # more abbreviated street words, in any case, after a number
    ("Lift share from 17 Heather Gv on Monday", [("PG202", "17 Heather Gv")]),
    ("Parcel for 5 Elder Gr please", [("PG202", "5 Elder Gr")]),
    ("drop her at 8 juniper cl", [("PG202", "8 juniper cl")]),
    ("post it to 41 albany tce", [("PG202", "41 albany tce")]),
    ("Party at 3 Coronation Sq, 2pm", [("PG202", "3 Coronation Sq")]),
    ("the minibus waits at 60 orchard gdns", [("PG202", "60 orchard gdns")]),
    ("Collect from 12 Tanners Mws", [("PG202", "12 Tanners Mws")]),
    ("Moved in at 2 Kestrel Wy", [("PG202", "2 Kestrel Wy")]),
    ("Add 5 cl lemon juice", []),
    ("Mix 200 gr flour", []),
    # streets abroad, with and without house numbers
    ("Her family are at Triq il-Wied 14, Rabat", [("PG202", "Triq il-Wied 14, Rabat")]),
    ("Triq San Ġorġ is where her host family live", [("PG212", "Triq San Ġorġ")]),
    ("Emre's flat: Moda Caddesi No: 31", [("PG202", "Moda Caddesi No: 31")]),
    ("Shopping on Istiklal Caddesi in Istanbul", []),
    ("His parents live on Viale Monza in Milan", [("PG212", "Viale Monza")]),
    ("Our trip ended in Piazza San Marco", []),
    ("Léa's mum lives on avenue de la Gare", [("PG212", "avenue de la Gare")]),
    ("Postcards from the rue des Rosiers market", [("PG211", "rue des Rosiers")]),
    ("We strolled down the avenue des Champs-Élysées", []),
    ("Jonas wohnt in der Rosenstraße 7", [("PG202", "Rosenstraße 7")]),
    ("their host family live just off Lindenweg", [("PG212", "Lindenweg")]),
    ("Sara's home is on Rua Augusta, Lisbon", [("PG212", "Rua Augusta")]),
    ("Ronda Rousey signed autographs", []),
    ("Cours de français starts on Monday", []),
    # everyday home cues make a named street a home (high)
    ("Her house is just off Coldean Lane", [("PG212", "Coldean Lane")]),
    ("He cycles home along Ditchling Road", [("PG212", "Ditchling Road")]),
    ("Their host family live just behind Queens Park Road", [("PG212", "Queens Park Road")]),
    ("It's round the corner from where she lives, on Hanover Terrace",
     [("PG212", "Hanover Terrace")]),
    ("Mum grew up on Albion Hill", [("PG212", "Albion Hill")]),
    ("They moved into a flat on Brunswick Square", [("PG212", "Brunswick Square")]),
    ("The fair moved to Preston Park", []),
    # famous addresses are no one's home here
    ("The Sherlock Holmes Museum is at 221B Baker Street", []),
    ("The Prime Minister lives at 10 Downing Street", []),
    ("Students photographed 221b baker street", []),
    ("Her cousin lives at 221 Baker Road", [("PG202", "221 Baker Road")]),
    ("send it to no.8 hawthorn close", [("PG202", "8 hawthorn close")]),
    ("no 23 rookery close is their new place", [("PG202", "23 rookery close")]),
    ("Her grandparents are at 31 Calle de Alcalá", [("PG202", "31 Calle de Alcalá")]),
    ("Year 6 Calle Ocho dance", []),
    ("Post it to Karl-Marx-Allee 40, Berlin", [("PG202", "Karl-Marx-Allee 40, Berlin")]),
    ("He has lived on Stanford Avenue since he was two", [("PG212", "Stanford Avenue")]),
    ("They are renting a house on Port Hall Road", [("PG212", "Port Hall Road")]),
    ("His cousins live in a flat on Via Tortona", [("PG212", "Via Tortona")]),
    ("Noor's house is on Rugby Road", [("PG212", "Rugby Road")]),
    ("Her homestay is on Surrenden Crescent", [("PG212", "Surrenden Crescent")]),
    ("Ducks live in Preston Park all year", []),
    # learner English and other home wordings, traps side by side
    ("I am living in the 18 Salisbury avenue with my host family",
     [("PG202", "18 Salisbury avenue")]),
    ("the 18 Year 11 students went to Salisbury", []),
    ("my house is number 4 in Oak road", [("PG202", "number 4 in Oak road")]),
    ("Room 18 on the corridor, number 4 in the queue", []),
    ("the bus number 4 on London Road", [("PG211", "London Road")]),
    ("Kemal is staying at no. 9 on Elm Grove", [("PG202", "no. 9 on Elm Grove")]),
    ("I stay at 7, Birch Close", [("PG202", "7, Birch Close")]),
    ("i stay at 7, birch close with Maria", [("PG202", "7, birch close")]),
    ("the green door at 12 Tennyson Street is hers", [("PG202", "12 Tennyson Street")]),
    ("I live in Salisbury Avenue 18 with the Smiths", [("PG202", "Salisbury Avenue 18")]),
    ("My address is Salisbury avenue 18.", [("PG202", "Salisbury avenue 18")]),
    ("Host family: Salisbury Avenue 18, Leeds", [("PG202", "Salisbury Avenue 18, Leeds")]),
    ("i live in salisbury avenue 18", [("PG202", "salisbury avenue 18")]),
    ("We sang Penny Lane 18 times", []),
    ("We walked Western Road 3 times", [("PG211", "Western Road")]),
    ("Station Road 18:30 departure", [("PG211", "Station Road")]),
    ("Walk along London Road 5 minutes", [("PG211", "London Road")]),
    ("We ran along Mill Lane 5k.", [("PG211", "Mill Lane")]),
    ("Oxford Street 2 was busy", []),
    ("Abbey Road 50 years on: the album cover", []),
    ("We visited Downing Street 10 times", []),
    ("Avenue Q the musical, 18 shows", []),
    ("the route 18 bus to town", []),
    ("2 Salisbury sausages for lunch", []),
    ("the 1812 overture played", []),
    ("We visited 10 Downing Street", []),
    ("flat 3b above the bakery on High Street", [
        ("PG203", "flat 3b above the bakery on High Street")]),
    ("She lives in Flat 2, above Greggs in Western Road", [
        ("PG203", "Flat 2, above Greggs in Western Road")]),
    ("a flat 5k run along London Road", [("PG211", "London Road")]),
    ("the flat roof above the hall on Mill Lane", [("PG211", "Mill Lane")]),
    ("We live at the number 18 of Salisbury Avenue", [
        ("PG202", "number 18 of Salisbury Avenue")]),
    ("I live in Salisbury Avenue, 18 with my host family", [
        ("PG202", "Salisbury Avenue, 18")]),
    ("I live in Salisbury Avenue number 18.", [("PG202", "Salisbury Avenue number 18")]),
    ("I live in Salisbury Avenue no. 18", [("PG202", "Salisbury Avenue no. 18")]),
    ("my adress: salisbury avenue 18", [("PG202", "salisbury avenue 18")]),
    ("Oak Road, 5 minutes away", [("PG211", "Oak Road")]),
    ("We cleaned Elm Road, 3 parks and the beach", [("PG211", "Elm Road")]),
    ("Bus number 4 of Elm Road", [("PG211", "Elm Road")]),
    ("Pick-up from Station Road 3.15pm", [("PG211", "Station Road")]),
    ("I'm staying in the house 22 of Rose lane", [("PG202", "house 22 of Rose lane")]),
    ("We visited house 4 on Elm Road for the history trail", [("PG211", "Elm Road")]),
    ("Flat 4 over the chip shop, Elm Road", [("PG203", "Flat 4 over the chip shop, Elm Road")]),
    ("Flat 4 above the shop, then Elm Road", [("PG211", "Elm Road")]),
    ("The school is above the library on High Street", []),
    ("Im living in the 18 Salisbury avenue", [("PG202", "18 Salisbury avenue")]),
    ("The ducks are living in Preston Park", []),
    ("33 New Road, Brighton", [("PG202", "33 New Road, Brighton")]),
    ("i live in 33 new road, brighton", [("PG202", "33 new road")]),
    ("there are 3 new road signs and 2 new lane markings", []),
    ("Sara lives at 12 the avenue", [("PG202", "12 the avenue")]),
    ("I live in Salisbury Avenue at number 18", [("PG202", "Salisbury Avenue at number 18")]),
    ("my host family: Elm Road, house 4", [("PG202", "Elm Road, house 4")]),
    ("We meet on Elm Road at 3.", [("PG211", "Elm Road")]),
    ("We meet on Elm Road at 3 with the class", [("PG211", "Elm Road")]),
    ("Host family: Linden avenue 7.", [("PG202", "Linden avenue 7")]),
    ("The bus leaves from Linden avenue 7.30am", []),
    ("My address is: 18, salisbury av.", [("PG202", "18, salisbury av.")]),
    ("Year 12 AV club meets today, 3 Sony AV sets", []),
    ("My house is in the Salisbury Road, number 18", [
        ("PG202", "Salisbury Road, number 18")]),
    ("I live in Salisbury Road n\u00ba 18", [("PG202", "Salisbury Road n\u00ba 18")]),
    ("I live in Salisbury Road n\u00b0 18", [("PG202", "Salisbury Road n\u00b0 18")]),
    ("the Salisbury Road 5 times", [("PG211", "Salisbury Road")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_cases(detector: AddressDetector, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(detector, text) == expected


def test_categories_severities_and_suggestions(detector: AddressDetector) -> None:
    text = "She lives on Elm Road. Post to 3 Oak Close, BN1 1AA. We walked down Mill Lane."
    fs = {text[f.start or 0:f.end]: f for f in detector.detect_text(text)}
    home, address, street = fs["Elm Road"], fs["3 Oak Close, BN1 1AA"], fs["Mill Lane"]
    assert (home.category, home.severity) == (Category.LOCATION, Severity.HIGH)
    assert (address.category, address.severity) == (Category.ADDRESS, Severity.HIGH)
    assert (street.category, street.severity) == (Category.LOCATION, Severity.MEDIUM)
    assert address.suggestion is not None and address.suggestion.replacement == "[address removed]"
    assert all(f.detector == "address" for f in fs.values())


def test_organisation_address_is_allowed() -> None:
    policy = Policy.from_dict({"organisation": {"addresses": ["1 School Lane, Hove BN3 1AA"]}})
    det = AddressDetector(policy)
    text = "Visit us at 1 School Lane, Hove BN3 1AA or School Lane; Ana lives at 12 Elm Road"
    assert [text[f.start or 0:f.end] for f in det.detect_text(text)] == ["12 Elm Road"]


def test_default_policy_lists_addresses_and_a_policy_file_allows_them(tmp_path: Path) -> None:
    assert Policy.default().allowlist("addresses") == ()
    path = tmp_path / "policy.toml"
    path.write_text('[organisation]\naddresses = ["Unit 5, 40 Quay Road, Newhaven BN9 0AB"]\n',
                    encoding="utf-8")
    det = AddressDetector(Policy.load(path))
    text = "Our office: Unit 5, 40 Quay Road, Newhaven BN9 0AB. Tom lives at 7 Elm Road."
    assert [text[f.start or 0:f.end] for f in det.detect_text(text)] == ["7 Elm Road"]
    other = "Write to 40 Quay Road, Newhaven BN9 0AB"
    assert [other[f.start or 0:f.end] for f in det.detect_text(other)] == []  # inside it
    assert found(AddressDetector(Policy.default()), other) != []


def test_codes_documented_and_registered() -> None:
    table = code_table()
    for code in AddressDetector.codes:
        assert code in table
        assert table[code].category in AddressDetector.categories
    assert DetectorRegistry().get("address") is AddressDetector


@pytest.mark.parametrize(("text", "verdict", "redacted"), [
    ("Pick-up is at 12 Elm Road, BN2 1AB at 4pm.", "block",
     "Pick-up is at [address removed] at 4pm."),
    ("She lives on Elm Road.", "block", "She lives on [location removed]."),
    ("We walked down Elm Road.", "review", "We walked down [location removed]."),
    ("Families in BN2 welcome", "review", "Families in [location removed] welcome"),
    ("Shopping on Oxford Street in A4 paper hats", "allow",
     "Shopping on Oxford Street in A4 paper hats"),
])
def test_screen_verdicts_and_redaction(text: str, verdict: str, redacted: str) -> None:
    report = _address_screener().screen(text)
    assert report.verdict.value == verdict
    assert report.redacted_text == redacted


_WORDS = ["Elm", "Road", "Rd", "St", "Street", "Flat", "Lane", "Park", "lives", "on", "her",
          "house", "BN2", "1AB", "SW1A", "12", "3a", "Cottage", ",", "\n", "in", "the", "Mill",
          "x", "\u00e9", "\U0001f600", "\u0301", "\u05d0", "\ud800", ".",
          # home wordings: "living in the 18 Salisbury avenue", "Avenue 18", "flat 3b above"
          "avenue", "Avenue", "number", "no", "18", "of", "above", "bakery", "flat", "3b", "my",
          "living", "I", "live", "at", "times", "New", "new", "road"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=40).map(" ".join))
def test_spans_inside_and_never_raises(text: str) -> None:
    det = AddressDetector(Policy.default())
    for f in det.detect_text(text):
        assert f.start is not None and f.end is not None
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end].strip() == text[f.start:f.end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join))
def test_redaction_leaves_no_address_behind(text: str) -> None:
    report = _address_screener().screen(text)
    for f in report.findings:
        value = text[f.start or 0:f.end]
        if text.count(value) == 1:
            assert value not in report.redacted_text


@functools.cache
def _address_screener() -> Screener:
    return Screener(detectors=["address"])


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_unicode(text: str) -> None:
    det = AddressDetector(Policy.default())
    for f in det.detect_text(text):
        assert f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)


def _random_text(n_chars: int, seed: int) -> str:
    rng = random.Random(seed)
    vocab = ["Elm", "Road", "12", "Street", "St", "Park", "Lane", "BN2", "1AB", "lives", "on",
             "Flat", "3", "Kings", "Court", "the", "A4", "Rd", ",", "\n", "Mill", "Cottage",
             "her", "house", "SW1A", "EC1A", "1BB", "221B", "Baker"]
    out: list[str] = []
    size = 0
    while size < n_chars:
        w = rng.choice(vocab) if rng.random() < 0.7 else str(rng.randint(0, 99999))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def test_linear_time_on_large_text(detector: AddressDetector) -> None:
    small, large = _random_text(100_000, 1), _random_text(1_000_000, 2)
    assert_linear(lambda t: list(detector.detect_text(t)), small, large, repeats=1, slack=0.5)
