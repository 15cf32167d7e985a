"""What a decision does to an item: statuses, roles and the two-person rule (pure functions).

Statuses: `held` (waits for designated staff), `escalated` (waits for the safeguarding lead,
the `dsl` role), `published`, `removed` (final: a removal is a decision, the item stays).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

STATUSES = ("held", "escalated", "published", "removed")
DECISIONS = ("publish", "publish_redacted", "hold", "remove", "escalate")
ROLES = ("designated", "dsl", "admin")
DECIDERS = frozenset({"designated", "dsl"})
PUBLISHING = frozenset({"publish", "publish_redacted"})
# A hold or an escalation starts the publishing votes afresh.
RESETS = frozenset({"hold", "escalate"})


class Refused(Exception):
    """A decision that may not be taken: `status` is the HTTP status (403 or 409)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Outcome:
    status: str
    published_as: str | None
    note: str


def initial_status(verdict: str, escalate: bool) -> str:
    if escalate:
        return "escalated"
    return "published" if verdict == "allow" else "held"


def decide(*, status: str, verdict: str, decision: str, user: str, role: str,
           history: Sequence[tuple[str, str]], two_person_rule: bool) -> Outcome:
    """The item's next status; `history` is its earlier (user, decision) pairs, oldest first.
    Raises `Refused` for a decision the role or the item's state does not allow."""
    if decision not in DECISIONS:
        raise Refused(422, f"unknown decision {decision!r}; decisions are: "
                      + ", ".join(DECISIONS))
    if role not in DECIDERS:
        raise Refused(403, f"the {role} role cannot decide on items (designated staff and "
                      "the safeguarding lead do)")
    if status == "escalated" and role != "dsl":
        raise Refused(403, "this item is escalated: the designated safeguarding lead decides "
                      "first")
    if status == "removed":
        raise Refused(409, "the item was removed; a removal is final")
    if status == "published" and decision not in ("remove", "escalate"):
        raise Refused(409, f"the item is already published; {decision} is not possible "
                      "(remove or escalate it)")
    if decision == "escalate":
        if status == "escalated":
            raise Refused(409, "the item is already escalated")
        return Outcome("escalated", None, "escalated to the designated safeguarding lead")
    if decision == "remove":
        return Outcome("removed", None, "removed (the item and its history are kept)")
    if decision == "hold":
        return Outcome("held", None, "held for designated staff")
    voters: list[tuple[str, str]] = []
    for who, what in history:
        if what in RESETS:
            voters = []
        elif what in PUBLISHING:
            voters.append((who, what))
    if any(who == user for who, _ in voters):
        raise Refused(409, f"{user} has already voted to publish this item; the two-person "
                      "rule needs a different designated user")
    needed = 2 if two_person_rule and verdict == "block" else 1
    kinds = {what for _, what in voters} | {decision}
    if len(voters) + 1 >= needed:
        published_as = "redacted" if "publish_redacted" in kinds else "original"
        return Outcome("published", published_as, f"published ({published_as})")
    return Outcome(status, None, f"publish vote {len(voters) + 1} of {needed}: a second "
                   "designated user must agree (two-person rule)")
