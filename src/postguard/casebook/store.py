"""`Casebook`: items, decisions, queues and the audit trail over one database.

Every change and its audit entry are written in one transaction. On SQLite the process
writes through one lock (SQLite has one writer anyway; the lock saves its busy-waiting);
PostgreSQL serialises appends on the chain head row.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
import uuid
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from ..model import Post, Report
from . import accounts, audit, rules
from .accounts import User
from .notify import Notifier
from .schema import WRITE, open_engine, shown
from .settings import CasebookSettings, settings_from_policy
from .tables import decisions, item_images, items

KINDS = ("draft", "comment", "message")
_INSERT_ITEM = items.insert()
_INSERT_IMAGE = item_images.insert()


class NotFound(Exception):
    pass


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _kind(post: Post) -> str:
    meta = dict(post.metadata)
    kind = str(meta.get("kind", "")).lower()
    if kind in KINDS:
        return kind
    return "comment" if str(meta.get("direction", "")).lower() == "inbound" else "draft"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, default=str)


class Casebook:
    """One casebook database. `Casebook(url, policy)` checks the schema (see `schema.py`)."""

    def __init__(self, url: str, policy: Any = None,
                 settings: CasebookSettings | None = None) -> None:
        self.url = url
        self.engine = open_engine(url)
        self.settings = settings or settings_from_policy(policy)
        self._lock: Any = (threading.Lock() if self.engine.dialect.name == "sqlite"
                           else contextlib.nullcontext())
        self.notifier = Notifier(self.settings, self._record)

    def __repr__(self) -> str:
        return f"Casebook({shown(self.engine.url)!r})"

    def close(self) -> None:
        self.notifier.close()
        self.engine.dispose()

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        with self._lock, self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def _record(self, action: str, item_id: str, detail: dict[str, Any]) -> None:
        with self.write() as conn:
            audit.append(conn, "system", action, item_id, detail)

    # -- users ---------------------------------------------------------------------------

    def add_user(self, name: str, role: str, *, email: str | None = None,
                 password: str | None = None, actor: str = "cli") -> str:
        with self.write() as conn:
            return accounts.add_user(conn, name, role, email=email, password=password,
                                     actor=actor)

    def user_for_token(self, token: str) -> User | None:
        with self.read() as conn:
            return accounts.user_for_token(conn, token)

    def sign_in(self, name: str, password: str) -> tuple[str, str, User]:
        refused: accounts.SignInRefused | None = None
        with self.write() as conn:  # a failure is counted (and committed) too
            try:
                return accounts.sign_in(conn, name, password, self.settings)
            except accounts.SignInRefused as exc:
                refused = exc
        raise refused

    def user_for_session(self, sid: str) -> tuple[User, str] | None:
        with self.read() as conn:
            return accounts.user_for_session(conn, sid)

    def sign_out(self, sid: str) -> None:
        with self.write() as conn:
            accounts.sign_out(conn, sid)

    # -- items ---------------------------------------------------------------------------

    def file(self, post: Post, report: Report, filed_by: str) -> dict[str, Any]:
        """File a screened item; an escalated one is mailed to the safeguarding lead."""
        return self.file_many([(post, report, filed_by)])[0]

    def file_many(self, screened: Sequence[tuple[Post, Report, str]]) -> list[dict[str, Any]]:
        """File several screened items (post, report, who filed it) in one transaction: a
        batch chunk, or the requests that arrived while the last transaction committed."""
        rows: list[dict[str, Any]] = []
        images: list[dict[str, Any]] = []
        entries: list[tuple[str, str, str | None, dict[str, Any]]] = []
        out: list[dict[str, Any]] = []
        escalated: list[tuple[str, list[str], str | None]] = []
        for post, report, filed_by in screened:
            row, entry = self._row(post, report, filed_by)
            rows.append(row)
            entries.append(entry)
            images.extend({"item_id": row["id"], "n": n, "data": data}
                          for n, data in enumerate(i for i in post.images
                                                   if isinstance(i, bytes)))
            out.append({"item_id": row["id"], "status": row["status"],
                        "report": report.to_dict()})
            if row["status"] == "escalated":
                escalated.append((row["id"], entry[3]["categories"], report.escalation))
        if not rows:
            return []
        with self.write() as conn:
            conn.execute(_INSERT_ITEM, rows)
            if images:
                conn.execute(_INSERT_IMAGE, images)
            audit.append_many(conn, entries)
            recipients = self._recipients(conn) if escalated else []
        for item_id, categories, why in escalated:
            self.notifier.escalated(item_id, categories, why, recipients)
        return out

    @staticmethod
    def _row(post: Post, report: Report,
             filed_by: str) -> tuple[dict[str, Any], tuple[str, str, str, dict[str, Any]]]:
        item_id = uuid.uuid4().hex
        report_json = _json(report.to_dict())
        categories = sorted({f.category.value for f in report.findings})
        status = rules.initial_status(report.verdict.value, report.escalate)
        at = audit.now()
        kind = _kind(post)
        row = {"id": item_id, "post_id": post.id, "kind": kind, "text": post.text,
               "metadata": _json(dict(post.metadata)), "report": report_json,
               "verdict": report.verdict.value, "categories": ",".join(categories)[:400],
               "escalate": report.escalate, "escalation": report.escalation,
               "status": status,
               "published_as": "original" if status == "published" else None,
               "filed_by": filed_by, "created_at": at, "updated_at": at}
        entry = (filed_by, "item_filed", item_id, {
            "post_id": post.id, "kind": kind, "verdict": report.verdict.value,
            "status": status, "categories": categories, "escalate": report.escalate,
            "text_sha256": _sha(post.text), "report_sha256": _sha(report_json)})
        return row, entry

    def _recipients(self, conn: Connection) -> list[str]:
        if self.settings.notify.recipients:
            return list(self.settings.notify.recipients)
        return [u.email for u in accounts.users_with_role(conn, "dsl") if u.email]

    def item(self, item_id: str, *, with_text: bool = True) -> dict[str, Any]:
        with self.read() as conn:
            row = conn.execute(select(items).where(items.c.id == item_id)).one_or_none()
            if row is None:
                raise NotFound(item_id)
            history = [self._decision(d) for d in conn.execute(
                select(decisions).where(decisions.c.item_id == item_id)
                .order_by(decisions.c.id))]
            n_images = len(conn.execute(select(item_images.c.n)
                                        .where(item_images.c.item_id == item_id)).all())
        out = self._summary(row)
        out.update(report=json.loads(row.report), metadata=json.loads(row.metadata),
                   decisions=history, images=n_images, escalation=row.escalation)
        if with_text:
            out["text"] = row.text
        if row.escalate or row.status == "escalated":
            out["reporting_procedure"] = self.settings.reporting_procedure
        return out

    def image(self, item_id: str, n: int) -> bytes:
        with self.read() as conn:
            data = conn.execute(select(item_images.c.data).where(
                item_images.c.item_id == item_id, item_images.c.n == n)).scalar_one_or_none()
        if data is None:
            raise NotFound(f"{item_id}/{n}")
        return bytes(data)

    @staticmethod
    def _summary(row: Any) -> dict[str, Any]:
        return {"item_id": row.id, "post_id": row.post_id, "kind": row.kind,
                "status": row.status, "verdict": row.verdict,
                "categories": [c for c in row.categories.split(",") if c],
                "escalate": bool(row.escalate), "published_as": row.published_as,
                "filed_by": row.filed_by, "created_at": row.created_at,
                "updated_at": row.updated_at}

    @staticmethod
    def _decision(row: Any) -> dict[str, Any]:
        return {"decision_id": row.id, "user": row.user_name, "role": row.role,
                "decision": row.decision, "reason": row.reason,
                "informed": json.loads(row.informed), "status_after": row.status_after,
                "at": row.at}

    def queue(self, user: User, *, limit: int = 500) -> list[dict[str, Any]]:
        """Held and escalated items, oldest first; escalated ones come first for the lead
        and are not in anyone else's queue until the lead has decided."""
        wanted = ["escalated", "held"] if user.role in ("dsl", "admin") else ["held"]
        with self.read() as conn:
            rows = conn.execute(select(items).where(items.c.status.in_(wanted))
                                .order_by(items.c.created_at).limit(limit)).all()
            ids = [r.id for r in rows]
            votes: dict[str, list[str]] = {}
            if ids:
                for d in conn.execute(select(decisions.c.item_id, decisions.c.user_name,
                                             decisions.c.decision)
                                      .where(decisions.c.item_id.in_(ids))
                                      .order_by(decisions.c.id)):
                    votes.setdefault(d.item_id, []).append(f"{d.user_name}: {d.decision}")
        out = [self._summary(r) | {"decided": votes.get(r.id, [])} for r in rows]
        out.sort(key=lambda i: (i["status"] != "escalated", i["created_at"]))
        return out

    def decide(self, item_id: str, user: User, decision: str, reason: str,
               informed: Sequence[str] = ()) -> dict[str, Any]:
        """Record a decision; raises `NotFound`, or `rules.Refused` (403/409/422)."""
        reason = (reason or "").strip()
        if not reason:
            raise rules.Refused(422, "a decision needs a reason")
        if len(reason) > 5000:
            raise rules.Refused(422, "a reason is at most 5000 characters")
        informed = [str(i).strip()[:500] for i in informed if str(i).strip()][:50]
        with self.write() as conn:
            row = conn.execute(select(items).where(items.c.id == item_id)
                               .with_for_update()).one_or_none()
            if row is None:
                raise NotFound(item_id)
            history = [(d.user_name, d.decision) for d in conn.execute(
                select(decisions.c.user_name, decisions.c.decision)
                .where(decisions.c.item_id == item_id).order_by(decisions.c.id))]
            outcome = rules.decide(status=row.status, verdict=row.verdict, decision=decision,
                                   user=user.name, role=user.role, history=history,
                                   two_person_rule=self.settings.two_person_rule)
            at = audit.now()
            values = {"item_id": item_id, "user_name": user.name, "role": user.role,
                      "decision": decision, "reason": reason, "informed": _json(informed),
                      "status_after": outcome.status, "at": at}
            inserted = conn.execute(decisions.insert().values(**values)).inserted_primary_key
            assert inserted is not None
            decision_id = inserted[0]
            conn.execute(update(items).where(items.c.id == item_id).values(
                status=outcome.status, updated_at=at,
                published_as=outcome.published_as or row.published_as))
            audit.append(conn, user.name, "decision", item_id,
                         values | {"decision_id": decision_id, "informed": informed,
                                   "status_before": row.status, "note": outcome.note})
            recipients = self._recipients(conn) if decision == "escalate" else []
            categories = [c for c in row.categories.split(",") if c]
        if decision == "escalate":
            self.notifier.escalated(item_id, categories, f"escalated by {user.name}",
                                    recipients)
        out = self.item(item_id)
        out["note"] = outcome.note
        return out

    # -- audit and export ----------------------------------------------------------------

    def audit_entries(self, *, item_id: str | None = None, after: int = 0,
                      limit: int = 1000) -> list[dict[str, Any]]:
        with self.read() as conn:
            return list(audit.entries(conn, item_id=item_id, after=after, limit=limit))

    def verify(self) -> audit.Verification:
        with self.read() as conn:
            return audit.verify(conn)

    def export(self, out: TextIO) -> dict[str, int]:
        """Items, decisions and the audit log as JSONL (one object a line, `type` first)."""
        counts = {"item": 0, "decision": 0, "audit": 0}
        with self.read() as conn:
            for row in conn.execute(select(items).order_by(items.c.created_at, items.c.id)):
                line = self._summary(row) | {"text": row.text,
                                             "metadata": json.loads(row.metadata),
                                             "report": json.loads(row.report),
                                             "escalation": row.escalation}
                out.write(_json({"type": "item", **line}) + "\n")
                counts["item"] += 1
            for row in conn.execute(select(decisions).order_by(decisions.c.id)):
                out.write(_json({"type": "decision", **self._decision(row),
                                 "item_id": row.item_id}) + "\n")
                counts["decision"] += 1
            for entry in audit.entries(conn):
                out.write(_json({"type": "audit", **entry}) + "\n")
                counts["audit"] += 1
        return counts
