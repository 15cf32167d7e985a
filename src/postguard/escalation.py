"""Combination rules: findings that are reviewable alone but dangerous together.

DESIGN.md: a school is `review`, but `block` next to a child's name or a photo; a person's
full name is `review`, but `block` when it meets a school, an address or a photo in one post.
"""

from __future__ import annotations

import dataclasses

from .model import Category, Finding, Post, Severity

_PLACE = frozenset({Category.SCHOOL, Category.ADDRESS, Category.LOCATION})


# A "name" inside a school, an address, a street or a contact detail is part of that thing
# (Lycée Victor Hugo, 12 Mary Street, amy.smith@...), not a person named in the post.
_CONTAINS_NAMES = frozenset({Category.SCHOOL, Category.ADDRESS, Category.LOCATION,
                             Category.EMAIL, Category.SOCIAL_HANDLE})


def resolve(findings: list[Finding]) -> list[Finding]:
    """Drop person-name findings that lie inside a school, address, place or contact span."""
    holders = [(f.source, f.start, f.end) for f in findings
               if f.category in _CONTAINS_NAMES and f.start is not None]
    if not holders:
        return findings
    out = []
    for f in findings:
        if f.category is Category.PERSON_NAME and f.start is not None and f.end is not None and any(
            src == f.source and s is not None and e is not None and s < f.end and f.start < e
            for src, s, e in holders
        ):
            continue
        out.append(f)
    return out


def escalate(post: Post, findings: list[Finding]) -> list[Finding]:
    findings = resolve(findings)
    cats = {f.category for f in findings}
    has_photo = bool(post.images)
    has_name = Category.PERSON_NAME in cats
    place_cats = sorted(c.value for c in cats & _PLACE)
    out: list[Finding] = []
    for f in findings:
        if f.category is Category.SCHOOL and f.severity is not Severity.HIGH and (
            has_name or has_photo
        ):
            why = "a person's name" if has_name else "a photo"
            f = dataclasses.replace(
                f, severity=Severity.HIGH, message=f"{f.message}; next to {why} in the same post"
            )
        elif f.category is Category.PERSON_NAME and f.severity is Severity.MEDIUM and (
            place_cats or has_photo
        ):
            pieces = place_cats + (["a photo"] if has_photo else [])
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
# Grooming signals: secrecy, requests for pictures, meeting alone, checking a child is alone.
# The harm model's private-contact finding (PG701) and its conversation findings (PG710-712)
# are the same signals judged by meaning.
_GROOMING_CODES = frozenset({"PG452", "PG453", "PG454", "PG455", "PG456",
                             "PG701", "PG710", "PG711", "PG712"})
_GROOMING_CATS = frozenset({Category.PRIVATE_CONTACT, Category.SEXUAL_CONTENT,
                            Category.OVER_FAMILIAR})
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
    if any(f.code in _GROOMING_CODES for f in acting):
        return "grooming signals (secrecy, pictures, meeting alone or checking a child is alone)"
    meta = post.metadata if isinstance(post.metadata, dict) else dict(post.metadata)
    inbound = str(meta.get("direction", "outbound")).lower() == "inbound"
    author = str(meta.get("author", "unknown")).lower()
    if inbound and author in _ADULTS and any(f.category in _GROOMING_CATS for f in acting):
        return f"an adult ({author}) moving a child to private contact or writing sexually"
    return None
