"""Combination rules: findings that are reviewable alone but dangerous together.

DESIGN.md: a school is `review`, but `block` next to a child's name or a photo; a person's
full name is `review`, but `block` when it meets a school, an address or a photo in one post.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from .model import Category, Finding, Post, Severity, Verdict
from .spans import SpanIndex

_PLACE = frozenset({Category.SCHOOL, Category.ADDRESS, Category.LOCATION})


# A "name" inside a school, an address, a street or a contact detail is part of that thing
# (Lycée Victor Hugo, 12 Mary Street, amy.smith@...), not a person named in the post.
_CONTAINS_NAMES = frozenset({Category.SCHOOL, Category.ADDRESS, Category.LOCATION,
                             Category.EMAIL, Category.SOCIAL_HANDLE})


def resolve(findings: list[Finding]) -> list[Finding]:
    """Drop person-name findings that lie inside a school, address, place or contact span
    (n log n: one span index per source, never every name against every place)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if f.category in _CONTAINS_NAMES and f.start is not None and f.end is not None:
            spans.setdefault(f.source, []).append((f.start, f.end))
    if not spans:
        return findings
    index = {source: SpanIndex(pairs) for source, pairs in spans.items()}
    out = []
    for f in findings:
        if f.category is Category.PERSON_NAME and f.start is not None and f.end is not None:
            held = index.get(f.source)
            if held is not None and held.overlaps(f.start, f.end):
                continue
        out.append(f)
    return out


class _Sentences:
    """What `_first_name_near` reads of a post, computed once per post (a long post holds
    thousands of findings: reading the sentences or collecting the spans again for each was
    quadratic, issue 14)."""

    def __init__(self, text: str, findings: list[Finding]) -> None:
        self.text = text
        self._findings = findings
        self._taken: list[tuple[int, int]] | None = None
        self._bounds: list[tuple[int, int]] | None = None

    @property
    def taken(self) -> list[tuple[int, int]]:
        """The spans of the post's text findings, sorted."""
        if self._taken is None:
            self._taken = sorted((g.start, g.end) for g in self._findings
                                 if g.source == "text" and g.start is not None
                                 and g.end is not None)
            self._starts = [s for s, _ in self._taken]
            self._longest = max((e - s for s, e in self._taken), default=0)
        return self._taken

    def taken_within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans in `taken` that share a character with [lo, hi) (the only ones a word
        there can overlap)."""
        taken = self.taken
        a = bisect.bisect_left(self._starts, lo - self._longest)
        b = bisect.bisect_left(self._starts, hi)
        return [(s, e) for s, e in taken[a:b] if e > lo]

    def around(self, start: int) -> tuple[int, int]:
        """The sentence (or line) holding the character at `start`."""
        if self._bounds is None:
            from .detectors.names.first_names import sentences

            self._bounds = list(sentences(self.text))
            self._bound_starts = [s for s, _ in self._bounds]
        return self._bounds[bisect.bisect_right(self._bound_starts, start) - 1]


def _first_name_near(text: str, f: Finding, findings: list[Finding],
                     whole_post: bool = False, read: _Sentences | None = None) -> bool:
    """A child's first name in the sentence of a text finding f ("Priya from Harrowgate
    Primary", "Jun's host family in Headingley"), or anywhere in the post when `whole_post`
    (a school: "... from Shenzhen Foreign Languages School join Class 3. Welcome Lin!"):
    DESIGN.md, a first name is enough. `read`: the post's sentences and spans, when the
    caller asks about several findings of one post."""
    from .detectors.names.first_names import child_first_names

    read = read if read is not None else _Sentences(text, findings)
    if whole_post:
        return bool(child_first_names(text, 0, len(text), read.taken))
    if f.source != "text" or f.start is None or f.end is None or not 0 <= f.start < len(text):
        return False
    # The sentences cover the text, in order: the first that holds f.start or f.end - 1 is
    # the one that holds f.start.
    s, e = read.around(f.start)
    hi = max(e, f.end)
    return bool(child_first_names(text, s, hi, read.taken_within(s, hi)))


def _photo_in_text(text: str) -> bool:
    """The post says it shows a photo ("Pictured:", "L-R:", "📸") though none is attached."""
    from .detectors.names.first_names import photo_in_text

    return photo_in_text(text)


# A named public event a person is at ("spotted at the Brighton Marathon", "running in the
# Hove Half Marathon"): the policy's "locations of events they are taking part in".
_EVENT = re.compile(
    r"\b(?:at|in|during)[ \t]+the[ \t]+(?:[A-Z][\w'\u2019-]*[ \t]+){1,4}(?:Half[ \t]+)?"
    r"(?:Marathon|Fun[ \t]+Run|Park[ \t]?run|Festival|Carnival|Parade|Regatta|Triathlon|Gala)\b")


def _event_near(text: str, f: Finding) -> bool:
    """A named event within the sentence of a full name (two hundred characters on)."""
    if f.start is None or f.end is None or f.source != "text":
        return False
    return _EVENT.search(text, max(0, f.start - 200), min(len(text), f.end + 200)) is not None


def _named_place(text: str, f: Finding) -> bool:
    """A place with a name ("Headingley", "Pendle Street"), not one placed by a landmark
    ("opposite the fire station": review, the corpus's and the lead's reading)."""
    return f.start is not None and f.end is not None and (
        text[f.start:f.start + 1].isupper()
        or any(c.isupper() for c in text[f.start:f.end]))  # "behind the church in Rottingdean"


def escalate(post: Post, findings: list[Finding]) -> list[Finding]:
    findings = resolve(findings)
    cats = {f.category for f in findings}
    # a photo attached, or one the text says it shows; read only when a school or a name
    # could use it (most posts have neither)
    has_photo = bool(post.images) or (
        any(f.category is Category.SCHOOL or (f.category is Category.PERSON_NAME
                                              and f.severity is Severity.MEDIUM)
            for f in findings) and _photo_in_text(post.text))
    # a staff member with a title or a well-known person (low) names no child
    has_name = any(f.category is Category.PERSON_NAME and f.severity is not Severity.LOW
                   for f in findings)
    place_cats = sorted(c.value for c in cats & _PLACE)
    out: list[Finding] = []
    named: list[bool] = []  # a child's first name anywhere in the post, read once
    read = _Sentences(post.text, findings)

    def first_name_in_post(f: Finding) -> bool:
        if not named:
            named.append(_first_name_near(post.text, f, findings, whole_post=True, read=read))
        return named[0]

    for f in findings:
        if f.category is Category.SCHOOL and f.severity is not Severity.HIGH and (
            has_name or has_photo or first_name_in_post(f)
        ):
            why = "a person's name" if has_name else "a photo" if has_photo else \
                "a child's first name"
            f = dataclasses.replace(
                f, severity=Severity.HIGH, message=f"{f.message}; next to {why} in the same post"
            )
        elif f.category is Category.LOCATION and f.severity is not Severity.HIGH and \
                _named_place(post.text, f) and _first_name_near(post.text, f, findings,
                                                                read=read):
            f = dataclasses.replace(
                f, severity=Severity.HIGH,
                message=f"{f.message}; where a named child can be found (a first name is "
                "enough)")
        elif f.category is Category.PERSON_NAME and f.severity is Severity.MEDIUM and (
            place_cats or has_photo or _event_near(post.text, f)
        ):
            pieces = place_cats + (["a photo"] if has_photo else []) or \
                ["a named event they are at"]
            f = dataclasses.replace(
                f,
                severity=Severity.HIGH,
                message=f"{f.message}; with {', '.join(pieces)} in the same post "
                "(name + place identifies a child)",
            )
        out.append(f)
    return out


# Categories the designated safeguarding lead must see now, whoever wrote them.
_ALWAYS_ESCALATE = {
    Category.DISCLOSURE: "a possible disclosure: handle it as a face-to-face disclosure",
    Category.SELF_HARM: "signs of self-harm or suicidal thoughts",
    Category.EXTREMISM: "radicalising or extremist content",
}
# Telling someone to kill or hurt themselves ("kys", "go kill yourself", "nobody would miss
# you"): aimed at a child, it is a risk to that child's life, whoever wrote it (insults PG463).
_ESCALATING_CODES = {
    "PG463": "someone told to kill or hurt themselves, or wished dead",
}
# Grooming signals: secrecy, requests for pictures, meeting alone, checking a child is alone.
# The harm model's private-contact finding (PG701) and its conversation findings (PG710-712)
# are the same signals judged by meaning.
_GROOMING_CODES = frozenset({"PG443", "PG452", "PG453", "PG454", "PG455", "PG456",
                             "PG701", "PG710", "PG711", "PG712"})
# In an inbound message from an adult these escalate; over-familiar wording alone does not
# (a parent's "gorgeous xx" under a post), except grooming-risk flattery (PG443, above).
_GROOMING_CATS = frozenset({Category.PRIVATE_CONTACT, Category.SEXUAL_CONTENT})
_ADULTS = frozenset({"staff", "parent", "stranger", "unknown"})


def lead_escalation(post: Post, findings: list[Finding]) -> str | None:
    """Why the designated safeguarding lead must see this post now, or None.

    A disclosure, self-harm or extremism escalates from anyone; grooming signals escalate; an
    adult (or an author not known to be a child) moving a child to private contact or writing
    sexually in an inbound message escalates.
    """
    acting = [f for f in findings if f.action is None or f.action.rank > 0]
    for cat, why in _ALWAYS_ESCALATE.items():
        if any(f.category is cat for f in acting):
            return why
    for f in acting:
        if f.code in _ESCALATING_CODES:
            return _ESCALATING_CODES[f.code]
    if any(f.code in _GROOMING_CODES for f in acting):
        return "grooming signals (secrecy, pictures, meeting alone or checking a child is alone)"
    meta = post.metadata if isinstance(post.metadata, dict) else dict(post.metadata)
    inbound = str(meta.get("direction", "outbound")).lower() == "inbound"
    author = str(meta.get("author", "unknown")).lower()
    if inbound and author in _ADULTS and any(f.category in _GROOMING_CATS for f in acting):
        return f"an adult ({author}) moving a child to private contact or writing sexually"
    return None


# Identifying details that a child may post about themselves in a comment or message.
_OWN_DETAILS = frozenset({
    Category.PHONE, Category.EMAIL, Category.ADDRESS, Category.LOCATION, Category.SCHOOL,
    Category.PERSON_NAME, Category.DATE_OF_BIRTH, Category.SOCIAL_HANDLE,
    Category.VEHICLE_PLATE,
})


def is_child_inbound(post: Post) -> bool:
    """A comment or message that arrived from a child (metadata direction and author)."""
    meta = post.metadata
    return (str(meta.get("direction", "outbound")).lower() == "inbound"
            and str(meta.get("author", "unknown")).lower() == "child")


def child_overshare(post: Post, findings: list[Finding]) -> list[Finding]:
    """A child sharing their own details in a comment is an overshare to hide and follow up:
    review, not block (DESIGN.md). Everything else keeps its action."""
    if not is_child_inbound(post):
        return findings
    out = []
    for f in findings:
        if f.category in _OWN_DETAILS and f.action is Verdict.BLOCK:
            f = dataclasses.replace(
                f, action=Verdict.REVIEW,
                message=f"{f.message}; a child shared it in a comment or message: hide it "
                "and follow up with the child")
        out.append(f)
    return out


# The policy's professional tone (no kisses, no slang) binds what the organisation publishes
# and sends, not what children, parents and strangers write to it.
_STAFF_TONE = frozenset({Category.KISSES, Category.SLANG})


# Between children, pet names and flattery are how friends talk ("ur so pretty", "love u
# bestie"): over-familiarity is an adult's grooming move, not a peer's.
_PEER_TONE = _STAFF_TONE | {Category.OVER_FAMILIAR}


def inbound_tone(post: Post, findings: list[Finding]) -> list[Finding]:
    """In an inbound comment or message from anyone but staff, kisses and slang are listed
    but allowed: they say nothing about a child's safety, and flagging them teaches staff to
    ignore the queue. From a child, over-familiar wording is listed but allowed too."""
    meta = post.metadata
    author = str(meta.get("author", "unknown")).lower()
    if str(meta.get("direction", "outbound")).lower() != "inbound" or author == "staff":
        return findings
    quiet = _PEER_TONE if author == "child" else _STAFF_TONE
    return [f.with_action(Verdict.ALLOW) if f.category in quiet else f for f in findings]
