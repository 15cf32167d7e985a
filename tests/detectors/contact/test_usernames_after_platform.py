"""Usernames given without "@" after a platform word: possessive first names, reported
speech ("he gave me his instagram ..."), "add me:" with a Discord tag; and their traps."""

from __future__ import annotations

import pytest

from postguard import Screener

SCREENER = Screener(detectors=["social_handle"])


@pytest.mark.parametrize(("text", "handles"), [
    # positives: the username is flagged, nothing else
    ("Leo's snapchat is leo_runs_09, he said add him", ["leo_runs_09"]),
    ("Priya’s insta is priya.draws.art if anyone wants to see", ["priya.draws.art"]),
    ("my teacher gave me his instagram marco.trips.uk and said message him",
     ["marco.trips.uk"]),
    ("she showed me her tiktok dance_queen_2011 at lunch", ["dance_queen_2011"]),
    ("Got my Discord now, add me - night_owl#4821", ["night_owl#4821"]),
    ("Telegram is easier. Follow me: sami_k99", ["sami_k99"]),
    ("my snapchat is jobloggs", ["jobloggs"]),
    # traps: a platform is named, but no username is given
    ("Mum's facebook is full of photos from sports day", []),
    ("my facebook is full of photos from the trip", []),
    ("Ella's insta is brilliant for revision tips", []),
    ("The school's instagram is where the results go up", []),
    ("his instagram photos from the trip were lovely", []),
    ("her TikTok went viral last week", []),
    ("Follow our Instagram page for updates", []),
    ("add me: I am in Year 9 and new here on Discord", []),
    ("Dad's snapchat stories are embarrassing", []),
])
def test_usernames_after_platform_words(text: str, handles: list[str]) -> None:
    found = [text[f.start:f.end] for f in SCREENER.screen(text).findings  # type: ignore[index]
             if f.category.value == "social_handle"]
    assert found == handles
