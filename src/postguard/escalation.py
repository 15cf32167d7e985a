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
