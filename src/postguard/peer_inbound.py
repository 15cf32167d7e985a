"""Inbound chat between peers: staff-conduct wording that says nothing about grooming there.

The private-contact lexicon (PG451: "pm me", "DM me", "add me on snap") was written for what
the organisation sends: the policy forbids staff private contact with children through personal
accounts, so in a draft it is a finding to block. In a comment or message that arrived, the
same words mean "someone asks to talk privately", and who asks decides what it is (DESIGN.md):
an adult or a stranger moving a child to a private channel is grooming to block and escalate; a
child asking to message another child, or someone in an open chat whose age nobody knows asking
the room to message them, is how people talk in chat. So a bare move to private messages
(PG451 and nothing else of grooming in the message: no secrecy, pictures, meeting, checking a
child is alone, sexual content or grooming flattery) from a child or an unknown author is listed
but allowed. From a stranger, a parent or staff, and in every draft, it keeps its action; with
any other grooming finding beside it, it keeps its action too.
"""

from __future__ import annotations

from .model import Category, Finding, Post, Verdict

# The move to a private channel: the lexicon's staff-conduct code (not the harm model's
# PG701, which judges private contact by meaning, or the conversation codes PG710-712).
_CHANNEL_MOVE = "PG451"
# Authors not known to be adults: a child, or someone the metadata does not name.
_NOT_KNOWN_ADULT = frozenset({"child", "unknown"})
_GROOMING = frozenset({Category.PRIVATE_CONTACT, Category.OVER_FAMILIAR,
                       Category.SEXUAL_CONTENT})


def _author_of_inbound(post: Post) -> str | None:
    """The author of an inbound item (lowercase, "unknown" when not named), or None."""
    meta = post.metadata
    if str(meta.get("direction", "outbound")).lower() != "inbound":
        return None
    return str(meta.get("author", "unknown")).lower()


def _acts(f: Finding) -> bool:
    return f.action is None or f.action.rank > 0


def peer_inbound(post: Post, findings: list[Finding]) -> list[Finding]:
    """`findings` with a bare move to private messages in an inbound item from a child or an
    unknown author allowed (listed, not acted on); every other finding unchanged."""
    if _author_of_inbound(post) not in _NOT_KNOWN_ADULT:
        return findings
    moves = [f for f in findings if f.code == _CHANNEL_MOVE and _acts(f)]
    if not moves:
        return findings
    if any(f.category in _GROOMING and f.code != _CHANNEL_MOVE and _acts(f) for f in findings):
        return findings
    return [f.with_action(Verdict.ALLOW) if f.code == _CHANNEL_MOVE else f for f in findings]
