"""The data model: frozen, slotted dataclasses and string enums.

These are the contracts of DESIGN.md: the JSON produced by `Report.to_dict()` is what other
tools read, so field names and the category strings never change meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class Category(str, enum.Enum):
    """The fixed vocabulary of finding categories (DESIGN.md)."""

    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    LOCATION = "location"
    SCHOOL = "school"
    PERSON_NAME = "person_name"
    DATE_OF_BIRTH = "date_of_birth"
    SOCIAL_HANDLE = "social_handle"
    VEHICLE_PLATE = "vehicle_plate"
    GEOLOCATION = "geolocation"
    QR_CODE = "qr_code"
    KISSES = "kisses"
    SLANG = "slang"
    PROFANITY = "profanity"
    SEXUAL_CONTENT = "sexual_content"
    OVER_FAMILIAR = "over_familiar"
    PRIVATE_CONTACT = "private_contact"
    OUT_OF_HOURS = "out_of_hours"
    PERSONAL_ACCOUNT = "personal_account"
    PHOTO_CONSENT = "photo_consent"
    MEETING_LINK = "meeting_link"
    BULLYING = "bullying"
    SELF_HARM = "self_harm"
    DISCLOSURE = "disclosure"
    EXTREMISM = "extremism"
    VIOLENCE = "violence"
    DETECTOR_ERROR = "detector_error"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    def __str__(self) -> str:
        return self.value


class Verdict(str, enum.Enum):
    """A verdict, and also the action a finding asks for; ordered allow < review < block."""

    ALLOW = "allow"
    REVIEW = "review"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        return _VERDICT_RANK[self]

    def __str__(self) -> str:
        return self.value


_VERDICT_RANK = {Verdict.ALLOW: 0, Verdict.REVIEW: 1, Verdict.BLOCK: 2}


def strongest(verdicts: Sequence[Verdict] | Any) -> Verdict:
    """The strongest of some verdicts; `allow` when there are none."""
    best = Verdict.ALLOW
    for v in verdicts:
        if v.rank > best.rank:
            best = v
    return best


class Action(str, enum.Enum):
    """What a suggestion asks the author to do."""

    REMOVE = "remove"
    REPLACE = "replace"
    REPHRASE = "rephrase"
    BLUR = "blur"
    STRIP_METADATA = "strip_metadata"
    GET_CONSENT = "get_consent"
    REVIEW = "review"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Suggestion:
    action: Action
    replacement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action.value, "replacement": self.replacement}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Suggestion:
        return cls(Action(data["action"]), data.get("replacement"))


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the policy forbids, found in a post.

    `start`/`end` are Python `str` indices (end exclusive) into the post text when `source`
    is "text", into that image's OCR text for "image:N" findings, and None for findings that
    have no span (metadata, faces, EXIF). `action` is filled in by the Screener from the policy.
    """

    code: str
    detector: str
    category: Category
    severity: Severity
    score: float
    message: str
    source: str = "text"
    start: int | None = None
    end: int | None = None
    box: tuple[int, int, int, int] | None = None
    suggestion: Suggestion | None = None
    action: Verdict | None = None
    # Seconds into a video for findings on a video's frames (None otherwise).
    time: float | None = None

    def with_action(self, action: Verdict | None) -> Finding:
        """This finding with `action` set (what `dataclasses.replace` does, several times
        faster: the Screener calls it for every finding of every post)."""
        return Finding(self.code, self.detector, self.category, self.severity, self.score,
                       self.message, self.source, self.start, self.end, self.box,
                       self.suggestion, action, self.time)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "detector": self.detector,
            "category": self.category.value,
            "severity": self.severity.value,
            "score": round(float(self.score), 4),
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "box": list(self.box) if self.box is not None else None,
            "message": self.message,
            "suggestion": self.suggestion.to_dict() if self.suggestion else None,
            "action": self.action.value if self.action else None,
        } | ({"time": round(float(self.time), 3)} if self.time is not None else {})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        box = data.get("box")
        sugg = data.get("suggestion")
        action = data.get("action")
        return cls(
            code=data["code"],
            detector=data["detector"],
            category=Category(data["category"]),
            severity=Severity(data["severity"]),
            score=float(data["score"]),
            message=data["message"],
            source=data.get("source", "text"),
            start=data.get("start"),
            end=data.get("end"),
            box=tuple(box) if box is not None else None,
            suggestion=Suggestion.from_dict(sugg) if sugg else None,
            action=Verdict(action) if action else None,
            time=float(data["time"]) if data.get("time") is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Post:
    """A draft or archived post: its text, attached images (paths or bytes) and metadata.

    Metadata keys understood by the built-in detectors: `account` ("organisation" or
    "personal"), `audience` (e.g. "children", "parents", "public"), `scheduled_at` (ISO 8601
    with a time zone), `platform`, `consent` (image indexes or names with recorded parental
    consent for photos), `direction` ("outbound", the default: something the organisation
    publishes or sends; or "inbound": a comment or message that arrived), `author` ("staff",
    "child", "parent", "stranger" or "unknown"), `thread` (a conversation id: messages of one
    conversation are judged together) and `reply_to`.
    """

    text: str = ""
    images: tuple[Any, ...] = ()
    id: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ErrorEntry:
    """Something that could not be screened: an unreadable image, a malformed metadata field."""

    source: str
    kind: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "kind": self.kind, "message": self.message}


@dataclass(frozen=True, slots=True)
class Report:
    id: str | None
    verdict: Verdict
    findings: tuple[Finding, ...]
    redacted_text: str
    errors: tuple[ErrorEntry, ...] = ()
    # True when the designated safeguarding lead must see this now (a disclosure, self-harm,
    # grooming, an adult contacting a child); `escalation` says why in one line.
    escalate: bool = False
    escalation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict.value,
            "escalate": self.escalate,
            "escalation": self.escalation,
            "findings": [f.to_dict() for f in self.findings],
            "redacted_text": self.redacted_text,
            "errors": [e.to_dict() for e in self.errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            id=data.get("id"),
            verdict=Verdict(data["verdict"]),
            findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            redacted_text=data.get("redacted_text", ""),
            errors=tuple(ErrorEntry(**e) for e in data.get("errors", ())),
            escalate=bool(data.get("escalate", False)),
            escalation=data.get("escalation"),
        )

    @property
    def categories(self) -> frozenset[Category]:
        return frozenset(f.category for f in self.findings)
