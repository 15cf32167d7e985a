"""Messaging IDs after their platform word in Chinese, Japanese, Korean and Arabic posts:
"微信号：lily_2012", "加我微信 wxid_abc123", "QQ号：123456789", "LINE ID：sakura_0401",
"ライン：haru.kun22", "LINEのID：haru_22", "카톡 아이디: minji0301", "카카오톡 ID minji_love",
"her KakaoTalk is minji0405", "KakaoTalk, ID minji_love", "Zalo của lớp: thao.nguyen12"
(category
social_handle, like a username after "insta"). Full-width colons and spaces count. Not an ID:
the organisation's public account ("微信公众号", "LINE官方帐号", "カカオ채널"), a group, or a word
of the post's own script after the platform word ("在微信上联系"). Digits alone are an ID only
for QQ; elsewhere they are a phone number. Words: `data/scripts.toml` [messaging].
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...datafiles import alternation, load_toml
from ...lazy_patterns import lazy_compile
from ...scans import not_after

_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.\-]{1,30}[A-Za-z0-9])?(?![A-Za-z0-9@])")
_GAP = lazy_compile(r"[ \t\u3000]*(?:[:：=＝][ \t\u3000]*)?")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_PLATFORM_GLUED = re.compile("[A-Za-z\uac00-\ud7a3]")  # a letter a platform word cannot follow
# "her KakaoTalk is minji0405", "his LINE ID is haru_22": an ID after "is" must look like one
_COPULA = re.compile(r"[ \t]+(?:is|was)[ \t]+")
_SHAPE = re.compile(r"[0-9_.]")
# a few words of the post's own script between the platform word and a colon ("Zalo của lớp:",
# "ويتشات الطالب:"): the first word holds a letter outside ASCII, and no digit
_FILLER = re.compile(r"[ \t\u3000]+(?=[^\s:：]*[^\x00-\x7f])[^\s:：\d]+(?:[ \t][^\s:：\d]+){0,2}"
                     r"[ \t\u3000]*(?=[:：])")


@dataclass(frozen=True)
class MessagingWords:
    heads: tuple[str, ...]  # the first two characters of every platform word
    platform: re.Pattern[str]
    id_word: re.Pattern[str]
    digit_platforms: frozenset[str]
    not_ids: tuple[str, ...]



@functools.cache
def messaging_words() -> MessagingWords:
    sec = load_toml("scripts.toml")["messaging"]
    return MessagingWords(
        heads=tuple(sorted({p[:2] for p in sec["platforms"]})),
        # the platform words; a match after an ASCII letter or inside a Korean word ("온라인"
        # (online) holds "라인" (LINE)) is refused (scans.not_after: a leading look-behind would
        # have the regex engine try every position of the text)
        platform=re.compile(alternation(sec["platforms"])),
        # "LINE (ID: ...)", "KakaoTalk, ID ...": a comma or a bracket before the ID word
        id_word=re.compile(rf"[ \t\u3000]*[,(（]?[ \t\u3000]*(?:{alternation(sec['id_words'])})"),
        digit_platforms=frozenset(sec["digit_platforms"]),
        not_ids=tuple(sec["not_ids"]),
    )


def messaging_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) of each messaging ID given after its platform word."""
    w = messaging_words()
    out: list[tuple[int, int]] = []
    if not any(h in text for h in w.heads):  # most posts name no platform: no regex scan
        return out
    for m in not_after(w.platform, text, _PLATFORM_GLUED):
        if text.startswith(w.not_ids, m.end()):
            continue
        pos = m.end()
        for _ in range(2):  # "ID", "号", "아이디는", "：" in any order, at most two
            word = w.id_word.match(text, pos)
            if word is None or word.end() == pos:
                break
            pos = word.end()
        if pos == m.end() and (filler := _FILLER.match(text, pos)) is not None \
                and filler.end() - pos <= 30:
            pos = filler.end()
        marked = pos > m.end()
        copula = _COPULA.match(text, pos)
        if copula is not None:
            pos = copula.end()
        gap = _GAP.match(text, pos)
        assert gap is not None  # every part of it is optional
        marked = marked or ":" in gap.group() or "：" in gap.group() or "=" in gap.group()
        pos = gap.end()
        ident = _ID.match(text, pos)
        if ident is None or len(ident.group()) < 3 or text.startswith("://", ident.end()):
            continue  # too short, or a link's scheme ("링크: https://...")
        value = ident.group()
        if not _HAS_LETTER.search(value) and (
                m.group() not in w.digit_platforms or not 5 <= len(value) <= 11):
            continue
        if copula is not None and not _SHAPE.search(value):
            continue  # "LINE is great"
        if not marked and m.group().isascii() and value.isalpha():
            continue  # "LINE Friends", "WeChat Pay": a word right after a Latin platform name
        out.append(ident.span())
    return out
