"""Usernames after a platform word, in the wordings added in the sixth session
(contact/social.py, data/scripts.toml [messaging]): a dash of any kind after the platform
("TikTok – mia.flips"), the platform and whose it is in the post's language ("Instagram di
Giulia: giu.dance"), and the photo and video apps written in Chinese, Japanese and Korean
("抖音号：", "인스타 아이디:", "インスタ：").

Traps: a platform word and a dash before ordinary words, a platform of someone before a
word that is no username."""

from __future__ import annotations

import pytest

from postguard.detectors.contact import SocialHandleDetector
from postguard.policy import Policy

SOCIAL = SocialHandleDetector(Policy.default())


def _found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in SOCIAL.detect_text(text)
            if f.start is not None and f.end is not None]


FOUND: list[tuple[str, str]] = [
    ("Watch Mia's routine on TikTok \u2013 mia.flips09 \u2013 she is amazing!", "mia.flips09"),
    ("Snap \u2014 tom_b_2012 \u2014 if you want the photos.", "tom_b_2012"),
    ("Instagram di Giulia: giu.dance12", "giu.dance12"),
    ("Instagram von Jonas: jonas_kickt09", "jonas_kickt09"),
    ("TikTok do Pedro: pedrinho_2011", "pedrinho_2011"),
    ("小美的小红书号：xiaomei_2012", "xiaomei_2012"),
    ("민서 인스타 아이디: minseo.draws", "minseo.draws"),
    ("ハルのインスタ：haru_ball11", "haru_ball11"),
    # the owner's platform, then a comma and the username
    ("Kai posts his skate clips on his insta, kai_rolls_08, most evenings.", "kai_rolls_08"),
    ("You can see her drawings on her TikTok, amy.sketches12, she says.", "amy.sketches12"),
    ("The spelling quiz chat is run by instagram user sam_spells09.", "sam_spells09"),
    # a username in brackets after the platform; the platform as a verb
    ("Ask Wen on WeChat (wen_hz2010) about the homework.", "wen_hz2010"),
    ("Kik me at rory_b_2011 after practice", "rory_b_2011"),
]


@pytest.mark.parametrize(("text", "handle"), FOUND)
def test_found(text: str, handle: str) -> None:
    assert handle in _found(text)


TRAPS: list[str] = [
    "TikTok \u2013 the dance craze of the week \u2013 reached our playground.",
    "Instagram di Giulia: bellissimo!",
    "Snapchat de Lucas : bonjour",
    "We talked about TikTok \u2013 and screen time \u2013 in PSHE.",
    "She spends too long on her snap, honestly, says her mum.",
    "He showed us his instagram, which was lovely.",
    "Every instagram user should check their privacy settings.",
    "Follow us on Instagram (link in bio) for the photos.",
    "TikTok (2020) was the year of the dance craze.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_not_found(text: str) -> None:
    assert _found(text) == []
