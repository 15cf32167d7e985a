"""Personal social-media handles (PG121) and profile links (PG122); the sites are data
(`data/social_sites.toml`), the cue and trap words too (`data/contact.toml`).

Handles: "@name", a username given after a platform word ("my insta is jess.b.teach",
"discord: ghostkid"), and Discord tags ("dd_cricket#4471"). Not flagged: the organisation's
own accounts and pages (policy [organisation] handles, compared by letters and digits, so
"@cie_uk" covers facebook.com/cieuk), public institutions, template placeholders
("tag @name"), and plain words after a platform cue ("message me on discord instead")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...lazy_patterns import lazy_compile
from ...model import Category, Finding, Severity
from ...policy import Policy
from ...scans import folded, gate_starts, gated_finditer, matches_at, near, word_gate
from ..base import TextDetector
from ._common import (
    HANDLE_REMOVED,
    LINK_REMOVED,
    Spans,
    load_data,
)
from .messaging import messaging_ids

_HANDLE = re.compile(
    r"(?<![\w@.+\-/\\])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.\w)"
)
_TIMEISH = re.compile(r"[0-9]{1,2}(?:[:.][0-9]{2})?(?:am|pm|h|hrs)?|[0-9]+|[A-Za-z]\d?",
                      re.IGNORECASE)
# "@bbc.co.uk" is a domain; "@jess.teaches.uk" (a handle with dots) is not.
_DOMAINISH = re.compile(
    r".+\.(?:com|co|org|net|io|me|edu|gov|(?:co|org|ac|sch|gov|nhs|ltd|plc|net|police)\.uk)",
    re.IGNORECASE)
# The parts of a handle: split at "_", "." and digits, and at CamelCase ("GWRHelp" ->
# "GWR", "Help"; "BrightonHoveCC" -> "Brighton", "Hove", "CC").
_PARTS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
# A username as people write one without "@": an underscore, an inner dot, a Discord tag,
# or letters then two or more digits; not "Year10" or "e.g".
_USERNAME_SHAPE = re.compile(r"(?:_|[A-Za-z0-9]\.[A-Za-z0-9]|#[0-9]{4}$|[A-Za-z]{2,}[0-9]{2,})")
_NOT_SHAPE = re.compile(r"(?:year|yr|y|class|room|form|set|group|team|u|under|grade|ks|p|s)"
                        r"[0-9]{1,2}|[0-9.]+|[a-z]\.[a-z]\.?", re.IGNORECASE)
_USER = re.compile(r"[A-Za-z0-9_.\-]{1,60}")
# A Discord tag anywhere ("dd_cricket#4471"); a plain word before "#" needs a platform named
# in the post and must not be a reference word ("Order#1234").
_TAG_NUM = re.compile(r"(?<=[A-Za-z0-9_])#[0-9]{4}(?![\w#])")  # a fast scan from "#"
_TAG_NAME = re.compile(r"(?<![\w@#.\-/])[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,30}[A-Za-z0-9_])?\Z")
# "@gmail. com" is the domain of an address typed with spaces (the email detector's)
_SPACED_DOMAIN = re.compile(r"[ \t]{0,2}\.[ \t]{0,2}(?:com|co|org|net|uk|ie|edu|gov)\b")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_CAMEL = re.compile(r"[a-z][A-Z]")
_TAG_HINT = re.compile(r"(?i:gamer ?tag|user ?name|add me)")
# "my facebook is full of photos": a plain word before "of" describes, it is not a username.
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_QUERY = re.compile(r"[?#]")
_LINK_HEAD = (r"(?<![\w.\-@/])(?:https?://)?(?:(?:www|m|mobile|vm|uk)\.)?({domains})/"
              r"([^\s<>\"'()\[\]{{}}|]{{1,200}})")


def _plain(low: str) -> str:
    """A lower-cased name with only its letters and digits ("cie_uk" -> "cieuk")."""
    return low if low.isalnum() and low.isascii() else _NOT_ALNUM.sub("", low)


@dataclass(frozen=True, slots=True)
class _Site:
    name: str
    paths: tuple[tuple[str, ...], ...]
    reserved: frozenset[str]


class SocialHandleDetector(TextDetector):
    name = "social_handle"
    codes = ("PG121", "PG122")
    categories = (Category.SOCIAL_HANDLE,)
    description = "personal social-media handles and profile links, not the organisation's"

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self._own = frozenset(h.lower().strip().lstrip("@") for h in policy.allowlist("handles"))
        self._own_links = tuple(
            w.lower().strip().removeprefix("https://").removeprefix("http://")
            .removeprefix("www.").rstrip("/")
            for w in policy.allowlist("websites"))
        words = load_data("contact.toml")["handle"]
        self._at_words = frozenset(words["at_words"])
        self._not_user = frozenset(words["not_usernames"])
        self._org_words = frozenset(w.lower() for w in words["organisation_words"])
        self._org_affixes = tuple(w.lower() for w in words["organisation_affixes"])
        self._org_suffixes = frozenset(words["organisation_suffixes"])
        self._public = frozenset(h.lower().lstrip("@") for h in words["public_accounts"])
        self._placeholders = frozenset(words["placeholders"])
        self._tag_words = frozenset(words["not_tag_words"])
        # the organisation's own accounts as they appear in page links and handles: letters
        # and digits only ("cie_uk" -> "cieuk"), its name too, with the usual endings
        org_name = policy.section("organisation").get("name", "")
        stems = {_NOT_ALNUM.sub("", h.lower()) for h in
                 (*policy.allowlist("handles"), org_name if isinstance(org_name, str) else "")}
        self._own_plain = frozenset(st + end for st in stems if len(st) >= 2
                                    for end in ("", *words["own_handle_endings"]))
        self._sites: dict[str, _Site] = {}
        for site in load_data("social_sites.toml")["site"]:
            info = _Site(site["name"], tuple(tuple(p.split("/")) for p in site["paths"]),
                         frozenset(r.lower() for r in site["reserved"]))
            for d in site["domains"]:
                self._sites[d.lower()] = info
        domains = "|".join(re.escape(d) for d in sorted(self._sites, key=len, reverse=True))
        self._link = lazy_compile(_LINK_HEAD.format(domains=domains), re.IGNORECASE)
        # a link starts at most "https://mobile." (15 characters) before its domain and "/"
        self._link_gate = lazy_compile(word_gate(d.lower() + "/" for d in self._sites))
        self._site_paths = tuple(d + "/" for d in self._sites)
        informal = "|".join(re.escape(p).replace(r"\ ", r"\s?")
                            for p in words["informal_platforms"])
        formal = "|".join(re.escape(p).replace(r"\ ", r"\s?")
                          for p in words["formal_platforms"])
        # Searched in the lower-cased text: case-insensitive alternations are 4x slower; a
        # first-letter test skips most positions before the alternation is tried.
        firsts = "".join(sorted({p[0].lower() for p in
                                 (*words["informal_platforms"], *words["formal_platforms"])}))
        self._platform_hint = re.compile(
            rf"\b(?=[{re.escape(firsts)}])(?:{informal}|{formal})\b")
        # A platform word ends where its word ends: "snapchat" is not "snap" + "chat".
        informal, formal = rf"(?:{informal})(?!\w)", rf"(?:{formal})(?!\w)"
        platform = rf"(?:{informal}|{formal})"
        asks = "|".join(re.escape(w).replace(r"\ ", r"\s?") for w in words["username_words"])
        # not the start of a contraction ("message me on discord don't ...")
        user = r"@?([A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?:#[0-9]{4})?)(?![\w@#]|['\u2019][a-z])"
        owner = r"(?:my|his|her|their|your)"
        is_ = r"(?:\s+(?:is|=|:)\s+|\s?:\s{0,2}|['\u2019]s\s+)"
        chat = "|".join(re.escape(p).replace(r"\ ", r"\s?") for p in words["chat_platforms"])
        chat = rf"(?:{chat})(?!\w)"
        # a first name's possessive ("Kai's insta is kai_skates_ldn"): the username must
        # look like one ("Mum's facebook is full of photos" is not a handle)
        named = r"(?-i:[A-Z][a-z]{1,20})(?:'|\u2019)s"
        # (pattern, the username must look like one)
        self._cue_forms = (
            # "snap: jo_b", "ig - jobloggs"
            (lazy_compile(rf"\b{informal}\s?(?:name|id|username)?\s?[:=\-\u2013\u2014]\s{{0,2}}"
                        rf"{user}", re.IGNORECASE), False),
            # "Instagram: jo_b_2009", "sc: jo_b_2009" (a username that looks like one)
            (lazy_compile(rf"\b{formal}\s?(?:name|username|handle|id)?\s?[:=\-\u2013\u2014]"
                        rf"\s{{0,2}}{user}", re.IGNORECASE), True),
            # "Snapchat de Lucas : lucas.skate13", "Instagram di Giulia: giu.dance" (the
            # platform, whose it is in the post's language, a colon; a username that looks
            # like one)
            (lazy_compile(rf"\b{platform}\s+(?:de|di|da|do|del|della|von|of|od)\s+"
                        rf"(?-i:[A-Z][\w\u00c0-\u024f]{{1,20}})\s?[:=\-\u2013\u2014]\s{{0,2}}{user}",
                        re.IGNORECASE), True),
            # "my insta is jobloggs", "her snapchat name is ...", "his discord: ghostkid",
            # "my snap's mia.lou22"
            (lazy_compile(rf"\b{owner}\s+{platform}"
                        rf"(?:\s+(?:name|id|username|handle|account))?{is_}{user}",
                        re.IGNORECASE), False),
            (lazy_compile(rf"\b{named}\s+{platform}"
                        rf"(?:\s+(?:name|id|username|handle|account))?{is_}{user}",
                        re.IGNORECASE), True),
            # "discord: ghostkid", "Discord username ghostkid" on a chat app whose usernames
            # are plain words: the username ends the clause ("Discord: join us" does not)
            (lazy_compile(rf"\b{chat}(?:\s?(?:{asks})?\s?[:=]\s{{0,2}}"
                        rf"|\s+(?:user\s?name|handle|tag|id)\s+(?:is\s+)?){user}"
                        rf"(?=[ \t]*(?:$|[\r\n),;!?\-\u2013\u2014(]))",
                        re.IGNORECASE), False),
            # "insta jess.b.teach", "on insta it's jess.b.teach" (a username that looks like one)
            (lazy_compile(rf"\b{informal}(?:\s+(?:it['\u2019]?s|it\s+is|is))?\s+{user}",
                        re.IGNORECASE), True),
            # "add me on snap jobloggs"
            (lazy_compile(rf"\b(?:add|follow|find|message|dm|msg)\s+(?:me|him|her|them)\s+on\s+"
                        rf"{platform}\s?[:\-]?\s{{0,2}}{user}", re.IGNORECASE), False),
            # "on WeChat (jun_bj08)", "Instagram (@mia.draws)": a username in brackets
            (lazy_compile(rf"\b{platform}\s?[(\uff08]\s?{user}\s?[)\uff09]", re.IGNORECASE), True),
            # "kik me at jess_b_2010", "snap me: jo_b" (the platform as a verb)
            (lazy_compile(rf"\b{platform}\s+me\s?(?:at|on|[:\-])?\s{{0,2}}{user}", re.IGNORECASE),
             True),
            # "says hi on her snap, kai_rides_09, every day": the owner's platform, a comma
            (lazy_compile(rf"\b{owner}\s+{platform}\s?,\s{{0,2}}{user}", re.IGNORECASE), True),
            # "follow her on Instagram, jo_bakes_2009, for ..."
            (lazy_compile(rf"\b(?:add|follow|find|message|dm|msg)\s+(?:me|him|her|them)\s+on\s+"
                        rf"{platform}\s?,\s{{0,2}}{user}", re.IGNORECASE), True),
            # "his WeChat ID li_ming_09", "Discord username sam#1234"
            (lazy_compile(rf"\b{platform}\s+(?:{asks})\s+(?:is\s+)?{user}", re.IGNORECASE), True),
            # "my username is jo_b" in a post that names a platform
            (lazy_compile(rf"\b{owner}\s+(?:{asks})\s+(?:is|=|:)\s+{user}", re.IGNORECASE),
             False),
            # "username sam#1234", "gamertag: jo_plays_99"
            (lazy_compile(rf"\b(?:{asks})\s?[:=\-]?\s{{0,2}}{user}", re.IGNORECASE), True),
            # "he gave me his instagram tom.travels.uk", "her snap jo_b_09" (no "is": the
            # username must look like one)
            (lazy_compile(rf"\b{owner}\s+{platform}(?:\s+(?:account|page|profile))?\s+{user}",
                        re.IGNORECASE), True),
            # "add me: ghost_tutor#2210", "follow me - jo.bakes.09" in a post naming a platform
            (lazy_compile(rf"\b(?:add|follow|message|dm|msg)\s+me\s?[:\-]\s{{0,2}}{user}",
                        re.IGNORECASE), True),
            # "add Pablo at pablo.v2009 on Snapchat"
            (lazy_compile(rf"(?<![\w@.#/\-]){user}\s+on\s+{platform}", re.IGNORECASE), True),
            # "on Twitch as robo_rhys_07"
            (lazy_compile(rf"\bon\s+{platform}\s+(?:as|at)\s+{user}", re.IGNORECASE), True),
        )
        # the same forms for the lower-cased text (a case-sensitive search is several times
        # cheaper), but for the ones with a case-sensitive part
        self._cue_forms_low = tuple(
            None if "(?-i:" in p.pattern else lazy_compile(p.pattern) for p, _ in self._cue_forms)
        # Where each form may start, found in the folded text (scans.folded) by its leading
        # words factored by first letter (scans.word_gate), which the regex engine skips to:
        # (gate, from, to) = the form is tried at each gate hit + from .. + to. On a long post
        # the forms are tried at a few thousand places instead of at every position.
        platforms = [*words["informal_platforms"], *words["formal_platforms"]]
        on_platform = word_gate(platforms)
        informal_at = lazy_compile(word_gate(words["informal_platforms"]))
        platform_at = lazy_compile(on_platform)
        owner_at = lazy_compile(word_gate(["my", "his", "her", "their", "your"]))
        add_at = lazy_compile(word_gate(["add", "follow", "find", "message", "dm", "msg"]))
        gates: tuple[tuple[re.Pattern[str], int, int], ...] = (
            (informal_at, 0, 0), (lazy_compile(word_gate(words["formal_platforms"])), 0, 0),
            (platform_at, 0, 0), (owner_at, 0, 0),
            # a capitalised first name of 2 to 21 letters, then "'s" and a platform
            (lazy_compile(rf"['\u2019]s\s+(?:{on_platform})"), -21, -2),
            (lazy_compile(word_gate(words["chat_platforms"])), 0, 0), (informal_at, 0, 0),
            (add_at, 0, 0),
            # a username in brackets, the platform as a verb, the owner's platform and a comma
            (platform_at, 0, 0), (platform_at, 0, 0), (owner_at, 0, 0),
            (add_at, 0, 0), (platform_at, 0, 0), (owner_at, 0, 0),
            (lazy_compile(word_gate(words["username_words"])), 0, 0), (owner_at, 0, 0),
            (add_at, 0, 0),
            # "@" and a username of 2 to 35 characters end where the spaces before "on" begin
            (lazy_compile(rf"\s+on\s+(?:{on_platform})"), -36, -2),
            (lazy_compile(rf"on\s+(?:{on_platform})"), 0, 0))
        if len(gates) != len(self._cue_forms):
            raise AssertionError("social_handle: one gate for each cue form")
        self._cue_gates = gates

    def detect_text(self, text: str) -> Iterable[Finding]:
        taken = Spans()
        low = text.lower()
        if "/" in text and any(d in low for d in self._site_paths):
            hits = gate_starts(self._link_gate, folded(text))
            for m in matches_at(self._link, text, near(hits, -15, 0, len(text))):
                found = self._profile(m)
                if found is None:
                    continue
                user, end = found
                taken.add(m.start(), end)
                link = text[m.start():end].lower().split("://")[-1].removeprefix("www.")
                if self._is_own(user) or any(
                    "/" in w and link.startswith(w) for w in self._own_links
                ):
                    continue
                yield self.finding("PG122", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "link to a personal social-media profile", score=0.9,
                                   start=m.start(), end=end, suggestion=LINK_REMOVED)
        if "@" in text:
            for m in gated_finditer(_HANDLE, text):
                name = m.group(1)
                hlow = name.lower()
                plain = _plain(hlow)
                if (hlow in self._at_words or hlow in self._own or plain in self._own_plain
                        or plain in self._placeholders or _TIMEISH.fullmatch(name)
                        or _DOMAINISH.fullmatch(name) or self._organisation(name)
                        or _SPACED_DOMAIN.match(text, m.end())
                        or taken.overlaps(m.start(), m.end())):
                    continue
                taken.add(m.start(), m.end())
                yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "personal social-media handle", score=0.85,
                                   start=m.start(), end=m.end(), suggestion=HANDLE_REMOVED)
        named = self._platform_hint.search(low) is not None
        if named:
            yield from self._cued(text, low, taken)
        if not text.isascii() or "wechat" in low or "kakao" in low or "LINE" in text or \
                "qq" in low or "zalo" in low:
            for s, e in messaging_ids(text):  # "微信号：lily_2012", "카톡 아이디: minji0301"
                if taken.overlaps(s, e) or self._is_own(text[s:e]) or \
                        text[s:e].lower() in self._not_user:  # "WeChat - add me"
                    continue
                taken.add(s, e)
                yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "messaging ID given after its platform name", score=0.85,
                                   start=s, end=e, suggestion=HANDLE_REMOVED)
        if "#" in text:
            yield from self._tags(text, taken, named)

    def _tags(self, text: str, taken: Spans, named: bool) -> Iterator[Finding]:
        """Discord tags written anywhere: "dd_cricket#4471"."""
        for num in gated_finditer(_TAG_NUM, text):
            m = _TAG_NAME.search(text, max(0, num.start() - 32), num.start())
            if m is None:
                continue
            name = m.group()
            low = name.lower()
            start, end = m.start(), num.end()
            if taken.overlaps(start, end) or self._is_own(name) or \
                    low in self._tag_words or low in self._not_user:
                continue
            if not (_USERNAME_SHAPE.search(name) and not _NOT_SHAPE.fullmatch(name)) and \
                    not _CAMEL.search(name) and not (
                        (named or _TAG_HINT.search(text)) and name.isalpha() and len(name) >= 3):
                continue
            taken.add(start, end)
            yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                               "personal gaming or chat tag (name#1234)", score=0.8,
                               start=start, end=end, suggestion=HANDLE_REMOVED)

    def _is_own(self, name: str) -> bool:
        low = name.lower().lstrip("@")
        return low in self._own or _plain(low) in self._own_plain

    def _cued(self, text: str, low_text: str, taken: Spans) -> Iterator[Finding]:
        # searched in the lower-cased text where that keeps every offset (several times
        # cheaper than a case-insensitive search); the name is read from the text itself
        same = len(low_text) == len(text)
        fold = folded(text)
        hits: dict[re.Pattern[str], list[int]] = {}
        for (pattern, needs_shape), low_pattern, (gate, lo, hi) in zip(
                self._cue_forms, self._cue_forms_low, self._cue_gates, strict=True):
            if gate not in hits:
                hits[gate] = gate_starts(gate, fold)
            starts = hits[gate] if lo == hi == 0 else near(hits[gate], lo, hi, len(text))
            if not same or low_pattern is None:
                found: Iterable[re.Match[str]] = matches_at(pattern, text, starts)
            else:
                found = matches_at(low_pattern, low_text, starts)
            for m in found:
                s = m.start(1)
                name = text[s:m.end(1)].rstrip(".")
                e = s + len(name) + (1 if text[s] == "@" else 0)
                if text[s] == "@":
                    name = name.lstrip("@")
                low = name.lower()
                if (len(name) < 3 or low in self._not_user or self._is_own(name)
                        or low.partition("#")[0] in self._tag_words
                        or taken.overlaps(s, e) or _DOMAINISH.fullmatch(name)
                        or (needs_shape and (not _USERNAME_SHAPE.search(name)
                                             or _NOT_SHAPE.fullmatch(name)))
                        or self._organisation(name)
                        or (_OF.match(text, e) and not _USERNAME_SHAPE.search(name))):
                    continue
                taken.add(s, e)
                yield self.finding("PG121", Category.SOCIAL_HANDLE, Severity.MEDIUM,
                                   "personal social-media username given after a platform name",
                                   score=0.8, start=s, end=e, suggestion=HANDLE_REMOVED)

    def _organisation(self, name: str) -> bool:
        """A public or institutional account ("@CityMuseum", "@Southern_Rail", "@HoveCC"),
        not a person's: a known public account, or an organisation word among its parts."""
        low = name.lower()
        if low in self._public:
            return True
        parts = _PARTS.findall(name)
        if len(parts) > 1 and parts[-1] in self._org_suffixes:
            return True
        for part in parts:
            p = part.lower()
            if p in self._org_words:
                return True
            if len(p) > 6 and any(
                (p.startswith(a) or p.endswith(a)) and len(p) - len(a) >= 3
                for a in self._org_affixes
            ):
                return True
        return False

    def _profile(self, m: re.Match[str]) -> tuple[str, int] | None:
        """The username and the end of a profile link, or None for other pages (posts,
        search, help ...)."""
        site = self._sites[m.group(1).lower()]
        segments: list[tuple[int, str, str]] = []
        pos = m.start(2)
        for seg in m.group(2).split("/"):
            segments.append((pos, _QUERY.split(seg, 1)[0], seg))
            pos += len(seg) + 1
        for shape in site.paths:
            if len(segments) < len(shape):
                continue
            for k, want in enumerate(shape):
                at, clean, whole = segments[k]
                if want in ("{user}", "@{user}"):
                    has_at = want.startswith("@")
                    if has_at != clean.startswith("@"):
                        break
                    u = _USER.match(clean, 1 if has_at else 0)
                    user = u.group().rstrip(".-") if u else ""
                    if not user or (k == 0 and not has_at and user.lower() in site.reserved):
                        break
                    return user, at + (1 if has_at else 0) + len(user)
                if clean.lower() != want.lower():
                    break
                if k == len(shape) - 1:  # a literal profile page such as profile.php?id=...
                    return clean, at + len(whole.rstrip(".,;:!?"))
        return None

