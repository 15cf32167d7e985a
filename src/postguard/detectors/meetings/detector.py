"""The `meeting_link` detector: video-conference links, meeting ids and passcodes.

Severity follows who can read the post: high (block) when the post is public or its audience
is not stated (metadata `audience`; "public", "everyone" and the like in
`data/meetings.toml`), medium (review) when the audience is named and not public (parents, a
class). On text read in a photo or a video frame the post is not known and the finding is
high: fail closed. A meeting link without a passcode, in a post to children, is PG804
(sessions with children must be password protected).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping

from ...datafiles import load_toml
from ...model import Action, Category, Finding, Post, Severity, Suggestion
from ..base import TextDetector
from .patterns import LINK, MEETING_ID, PASSCODE, patterns, scan

_PRIVATELY = Suggestion(Action.REMOVE, "[joining details sent privately]")
_WHAT = {
    LINK: ("PG801", "video-meeting link"),
    MEETING_ID: ("PG802", "meeting id"),
    PASSCODE: ("PG803", "meeting passcode"),
}
_ADVICE = ("send it privately to those invited, through the organisation's official channel")
_SPLIT = re.compile(r"\s*(?:[,;/&+|]|\band\b)\s*")


class MeetingLinkDetector(TextDetector):
    name = "meeting_link"
    codes = ("PG801", "PG802", "PG803", "PG804")
    categories = (Category.MEETING_LINK,)
    description = ("video-conference links, meeting ids and passcodes (Zoom, Teams, Meet, "
                   "Webex, Whereby, Jitsi ...)")

    def detect_text(self, text: str) -> Iterable[Finding]:
        out = []
        for m in scan(text):
            code, what = _WHAT[m.kind]
            who = f"{m.provider} " if m.provider else ""
            extra = " with its passcode" if m.has_passcode else ""
            out.append(self.finding(
                code, Category.MEETING_LINK, Severity.HIGH,
                f"{who}{what}{extra} in a post others than the invited may read: {_ADVICE}",
                score=0.95 if m.kind == LINK else 0.85, start=m.start, end=m.end,
                suggestion=_PRIVATELY))
        return out

    def detect(self, post: Post) -> Iterable[Finding]:
        if not post.text:
            return []
        found = list(self.detect_text(post.text))
        if not found:
            return []
        audience = _audience(post.metadata)
        if audience != "public":
            found = [dataclasses.replace(
                f, severity=Severity.MEDIUM,
                message=f.message.replace("in a post others than the invited may read",
                                          f"in a post to {audience}"))
                for f in found]
        if audience == "children" and not any(f.code == "PG803" for f in found):
            for f in found:
                if f.code != "PG801" or "with its passcode" in f.message:
                    continue
                found.append(self.finding(
                    "PG804", Category.MEETING_LINK, Severity.MEDIUM,
                    "meeting link for children without a passcode: sessions with children "
                    "must be password protected", score=0.8, start=f.start, end=f.end,
                    suggestion=Suggestion(Action.REVIEW)))
                break
        return found


def _audience(meta: object) -> str:
    """public (or not stated), children, or the audience's own words."""
    value = meta.get("audience") if isinstance(meta, Mapping) else None
    if isinstance(value, str):
        items = [value]
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        items = list(value)
    else:
        return "public"  # missing or unreadable: fail closed
    parts = [p for item in items for p in _SPLIT.split(" ".join(item.lower().split())) if p]
    if not parts or any(p in patterns().public_audiences for p in parts):
        return "public"
    if any(_is_children(p) for p in parts):
        return "children"
    return ", ".join(parts)


def _is_children(part: str) -> bool:
    children, adults, pats = _conduct_audiences()
    if part in adults or any(t in adults for t in part.split()):
        return False  # "parents of year 7", as the conduct detectors read it
    return part in children or any(t in children for t in part.split()) or any(
        p.search(part) for p in pats)


@functools.cache
def _conduct_audiences() -> tuple[frozenset[str], frozenset[str], tuple[re.Pattern[str], ...]]:
    """The audience words of `data/conduct.toml` (shared with the conduct detectors)."""
    data = load_toml("conduct.toml")

    def words(key: str) -> frozenset[str]:
        return frozenset(" ".join(v.lower().split()) for v in data[key])

    return (words("children_audiences"), words("adult_audiences"),
            tuple(re.compile(p) for p in data["children_patterns"]))
