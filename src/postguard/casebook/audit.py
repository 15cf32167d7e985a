"""The audit log: append-only, each entry chained to the one before by a SHA-256 hash.

An entry's hash covers its number, time, actor, action, item and detail and the previous
entry's hash, so altering, removing or reordering any entry breaks the chain from there on.
The chain head (one row: the last number and hash, written in the same transaction as the
entry) catches entries removed from the end, and a log emptied altogether. Decisions are
checked against the entries that recorded them, so a decision row changed behind the log's
back is caught too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from .tables import audit_log, chain_head, decisions, items

GENESIS = "0" * 64


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def entry_hash(seq: int, at: str, actor: str, action: str, item_id: str | None, detail: str,
               prev_hash: str) -> str:
    body = canonical([seq, at, actor, action, item_id, detail, prev_hash])
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def append(conn: Connection, actor: str, action: str, item_id: str | None,
           detail: dict[str, Any]) -> int:
    """Append one entry inside the caller's transaction; returns its number."""
    return append_many(conn, [(actor, action, item_id, detail)])[0]


_HEAD = select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1)
_INSERT = audit_log.insert()
_MOVE_HEAD = update(chain_head).where(chain_head.c.id == 1).values(
    seq=bindparam("new_seq"), hash=bindparam("new_hash"))


def append_many(conn: Connection,
                new: Sequence[tuple[str, str, str | None, dict[str, Any]]]) -> list[int]:
    """Append entries (actor, action, item id, detail) inside the caller's transaction;
    returns their numbers. The head row is locked first (FOR UPDATE; SQLite's write lock is
    already held), so appends from several processes queue up and never fork the chain."""
    head = conn.execute(_HEAD.with_for_update()).one()
    seq: int = head.seq
    prev: str = head.hash
    rows: list[dict[str, Any]] = []
    at = now()
    for actor, action, item_id, detail in new:
        seq += 1
        text = canonical(detail)
        digest = entry_hash(seq, at, actor, action, item_id, text, prev)
        rows.append({"seq": seq, "at": at, "actor": actor, "action": action,
                     "item_id": item_id, "detail": text, "prev_hash": prev, "hash": digest})
        prev = digest
    if rows:
        conn.execute(_INSERT, rows)
        conn.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": prev})
    return [int(r["seq"]) for r in rows]


def entries(conn: Connection, *, item_id: str | None = None, after: int = 0,
            limit: int | None = None) -> Iterator[dict[str, Any]]:
    query = select(audit_log).where(audit_log.c.seq > after).order_by(audit_log.c.seq)
    if item_id is not None:
        query = query.where(audit_log.c.item_id == item_id)
    if limit is not None:
        query = query.limit(limit)
    for row in conn.execute(query):
        entry = dict(row._mapping)
        entry["detail"] = json.loads(entry["detail"])
        yield entry


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    problem: str | None = None
    first_bad: int | None = None

    def line(self) -> str:
        if self.ok:
            return f"audit log intact: {self.entries} entries, chain head matches"
        return f"audit log TAMPERED: {self.problem}"


def verify(conn: Connection) -> Verification:
    """Walk the whole chain; the first entry that does not hold is named."""
    prev, expected, count = GENESIS, 1, 0
    decision_entries: dict[int, dict[str, Any]] = {}
    filed: dict[str, tuple[int, str, str]] = {}
    for row in conn.execute(select(audit_log).order_by(audit_log.c.seq)).yield_per(2000):
        if row.seq != expected:
            return _bad(count, expected, f"entry {expected} is missing (the log goes from "
                        f"{expected - 1} to {row.seq})")
        if row.prev_hash != prev:
            return _bad(count, row.seq, f"entry {row.seq} does not follow entry {row.seq - 1} "
                        "(its previous-hash differs: entries removed, reordered or altered)")
        digest = entry_hash(row.seq, row.at, row.actor, row.action, row.item_id, row.detail,
                            row.prev_hash)
        if digest != row.hash:
            return _bad(count, row.seq, f"entry {row.seq} was altered (its content does not "
                        "match its hash)")
        if row.action == "decision":
            try:
                detail = json.loads(row.detail)
                decision_entries[int(detail["decision_id"])] = detail | {"_seq": row.seq}
            except (ValueError, KeyError, TypeError):
                return _bad(count, row.seq, f"entry {row.seq}: unreadable decision detail")
        elif row.action == "item_filed" and row.item_id:
            detail = json.loads(row.detail)
            filed[row.item_id] = (row.seq, detail.get("text_sha256"),
                                  detail.get("report_sha256"))
        prev, expected, count = row.hash, expected + 1, count + 1
    head = conn.execute(select(chain_head.c.seq, chain_head.c.hash)
                        .where(chain_head.c.id == 1)).one_or_none()
    if head is None:
        return _bad(count, None, "the chain head is missing")
    if head.seq != count:
        return _bad(count, count + 1, f"the log ends at entry {count} but the chain head "
                    f"says {head.seq}: entries {count + 1}-{head.seq} were removed")
    if head.hash != prev:
        return _bad(count, count, f"entry {count}: the chain head's hash differs (the last "
                    "entry was replaced)")
    return (_check_items(conn, count, filed)
            or _check_decisions(conn, count, decision_entries))


def _check_items(conn: Connection, count: int,
                 filed: dict[str, tuple[int, str, str]]) -> Verification | None:
    for row in conn.execute(select(items.c.id, items.c.text, items.c.report)
                            .order_by(items.c.created_at)).yield_per(2000):
        entry = filed.get(row.id)
        if entry is None:
            return _bad(count, None, f"item {row.id} has no audit entry (added behind the "
                        "log's back)")
        if (_sha(row.text), _sha(row.report)) != entry[1:]:
            return _bad(count, entry[0], f"item {row.id} no longer matches audit entry "
                        f"{entry[0]} (its text or report changed)")
    return None


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_DECISION_FIELDS = ("item_id", "user_name", "decision", "reason", "status_after", "at")


def _check_decisions(conn: Connection, count: int,
                     recorded: dict[int, dict[str, Any]]) -> Verification:
    seen = set()
    for row in conn.execute(select(decisions).order_by(decisions.c.id)):
        entry = recorded.get(row.id)
        if entry is None:
            return _bad(count, None, f"decision {row.id} has no audit entry (added behind "
                        "the log's back)")
        for name in _DECISION_FIELDS:
            if entry.get(name) != getattr(row, name):
                return _bad(count, entry["_seq"], f"decision {row.id} no longer matches audit "
                            f"entry {entry['_seq']} ({name} changed)")
        seen.add(row.id)
    missing = sorted(set(recorded) - seen)
    if missing:
        seq = recorded[missing[0]]["_seq"]
        return _bad(count, seq, f"decision {missing[0]} recorded by audit entry {seq} is "
                    "missing from the decisions table")
    return Verification(True, count)


def _bad(count: int, first_bad: int | None, problem: str) -> Verification:
    return Verification(False, count, problem, first_bad)
