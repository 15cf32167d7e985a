"""Scans of a long post tried only where a gate says a match may start give what the plain
scans gave (scans.gate_starts, near, matches_at, word_gate).

A gate is a cheap pattern searched in the folded text; the exact pattern is then tried only
at the gate's hits (or a window before them). Each gated scan here is compared with the plain
`finditer` of the same pattern on written texts (positives and traps) and on random texts
built from the words the patterns and their gates turn on, with the characters that case
folding treats specially (dotted and dotless i, long s, the Kelvin sign).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

import pytest

from postguard.detectors.contact import messaging
from postguard.detectors.contact.social import SocialHandleDetector
from postguard.policy import Policy
from postguard.scans import fold_ascii, gate_starts, matches_at, near, not_after, word_gate

_FOLD_CHARS = ["\u0130", "\u0131", "\u017f", "\u212a", "I", "K", "S"]


def _texts(pieces: Sequence[str], n: int, seed: int, length: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, length)))
            for _ in range(n)]


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


# -- the helpers ------------------------------------------------------------------------------
@pytest.mark.parametrize("words,text,hits", [
    (["snap", "snapchat", "sc"], "my snapchat sc", [3, 12]),
    (["tik tok", "id"], "tik tok, tiktok, did, tik  tok", [0, 9, 18]),  # one space at most
    (["line id", "id"], "line id", [0, 5]),  # overlapping hits are all kept
    (["her", "his"], "other HIS", [2]),  # case-sensitive: searched in the folded text
    (["ab"], "", []),
])
def test_word_gate_hits(words: list[str], text: str, hits: list[int]) -> None:
    assert gate_starts(re.compile(word_gate(words)), text) == hits


def test_near_keeps_order_and_bounds() -> None:
    assert list(near([3, 4, 20], -2, 0, 21)) == [1, 2, 3, 4, 18, 19, 20]
    assert list(near([0, 30], -5, 1, 30)) == [0, 1, 25, 26, 27, 28, 29, 30]
    assert list(near([], -2, 0, 9)) == []


def test_matches_at_is_finditer_given_every_start() -> None:
    rx = re.compile(r"\b(?:ab|b)c+")
    for text in ["abcc bc abc", "xabc bcc", "", "bcbc"] + _texts(["a", "b", "c", " "], 500, 1):
        assert _spans(matches_at(rx, text, range(len(text) + 1))) == _spans(rx.finditer(text))
        # a superset of the starts: every "a" or "b"
        starts = [i for i, c in enumerate(text) if c in "ab"]
        assert _spans(matches_at(rx, text, starts)) == _spans(rx.finditer(text))


# -- social-media cue forms and profile links --------------------------------------------------
_SOCIAL = ["snap", "Snap", "SNAPCHAT", "insta", "IG", "ig", "my", "My", "his", "her", "their",
           "username", "user name", "handle", "gamertag", "tag", "id", "ID", "is", "on", "On",
           "add", "follow", "find", "message", "dm", "me", "him", "them", "as", "at", "de", "di",
           "of", "discord", "Discord", "kik", "wechat", "line id", "tik tok", "tiktok", "fb",
           "twitch", "Kai", "Mia", "'s", "\u2019s", " ", "  ", "\n", ":", " : ", "-", "=", ",",
           "jo_b.09", "sam#1234", "@jo_b", "ghostkid", "Lucas", "x", "_", ".", "2009",
           "instagram.com/", "www.", "https://", "m.", "mobile.", "tiktok.com/@", "/",
           "facebook.com/", "jo.b", "?", *_FOLD_CHARS]


@pytest.fixture(scope="module")
def social() -> SocialHandleDetector:
    return SocialHandleDetector(Policy.default())


def test_social_cue_forms_gated_same_as_plain(social: SocialHandleDetector) -> None:
    written = ["add me on snap jo_b.09", "his insta is jo.b.09", "Kai's insta is kai_sk8",
               "add Pablo at pablo.v2009 on Snapchat", "jo_b    on   snap",
               "Snapchat de Lucas : lu.sk",
               "Discord username sam#1234", "my username is jo_b", "on Twitch as robo_7"]
    texts = written + _texts(_SOCIAL, 2500, seed=11)
    found = 0
    for (form, _), low_form, (gate, lo, hi) in zip(social._cue_forms, social._cue_forms_low,
                                                   social._cue_gates, strict=True):
        for text in texts:
            hits = gate_starts(gate, fold_ascii(text))
            starts = list(near(hits, lo, hi, len(text)))
            plain = _spans(form.finditer(text))  # the IGNORECASE form on the text
            assert _spans(matches_at(form, text, starts)) == plain, (form.pattern, text)
            found += len(plain)
            low = text.lower()
            if low_form is not None and len(low) == len(text):
                assert _spans(matches_at(low_form, low, starts)) == \
                    _spans(low_form.finditer(low)), (form.pattern, text)
    assert found > 500  # the random texts hold many matches


def test_profile_links_gated_same_as_plain(social: SocialHandleDetector) -> None:
    texts = ["see https://www.instagram.com/jo_b", "xinstagram.com/jo", "m.facebook.com/jo.b",
             "HTTPS://MOBILE.TIKTOK.COM/@jo"] + _texts(_SOCIAL, 2500, seed=12, length=25)
    found = 0
    for text in texts:
        starts = near(gate_starts(social._link_gate, fold_ascii(text)), -15, 0, len(text))
        plain = _spans(social._link.finditer(text))
        assert _spans(matches_at(social._link, text, starts)) == plain, text
        found += len(plain)
    assert found > 100


# -- messaging platform words ------------------------------------------------------------------
def test_messaging_platforms_same_as_with_the_look_behind() -> None:
    w = messaging.messaging_words()
    plain = re.compile(r"(?<![A-Za-z])(?:" + w.platform.pattern + ")")
    pieces = ["微信", "微信号", "QQ", "LINE", "xLINE", "カカオトーク", "카톡", "KakaoTalk", "Zalo",
              "a", "Z", "1", " ", "：", "é", "\u0130", "id"]
    for text in ["加我微信 wxid_abc", "xLINE ID: a", "her KakaoTalk is x"] + \
            _texts(pieces, 2000, seed=13, length=20):
        assert _spans(not_after(w.platform, text, messaging._HAS_LETTER)) == \
            _spans(plain.finditer(text)), text
