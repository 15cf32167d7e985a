"""The casebook's storage on SQLite and PostgreSQL: schema, statuses, decisions, the
two-person rule, nothing ever deleted, and the audit chain that catches tampering."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from casebook_fixtures import db_url, pg_server, unprotect  # noqa: F401

from postguard.casebook import init_schema
from postguard.casebook.rules import Refused
from postguard.casebook.schema import CasebookError, open_engine
from postguard.casebook.settings import CasebookSettings
from postguard.casebook.store import Casebook, NotFound
from postguard.model import Category, Finding, Post, Report, Severity, Verdict


def report(verdict: str, *, escalate: bool = False, category: str = "phone") -> Report:
    findings = () if verdict == "allow" else (Finding(
        "PG101", category, Category(category), Severity.HIGH, 0.99, "found", "text", 0, 4,
        action=Verdict(verdict)),)
    return Report(None, Verdict(verdict), findings, "[removed] text", (), escalate,
                  "a possible disclosure" if escalate else None)


@pytest.fixture
def book(db_url: str) -> Any:  # noqa: F811
    init_schema(db_url)
    cb = Casebook(db_url)
    yield cb
    cb.close()


def users(book: Casebook, *names_roles: tuple[str, str]) -> list[Any]:
    out = []
    for name, role in names_roles:
        token = book.add_user(name, role)
        out.append(book.user_for_token(token))
    return out


def test_init_is_idempotent_and_open_checks_the_schema(db_url: str) -> None:  # noqa: F811
    with pytest.raises(CasebookError, match="not initialised"):
        open_engine(db_url)
    assert init_schema(db_url) == "0001"
    assert init_schema(db_url) == "0001"
    open_engine(db_url).dispose()


def test_a_newer_schema_is_a_clear_error_never_a_downgrade(db_url: str) -> None:  # noqa: F811
    init_schema(db_url)
    engine = open_engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    for attempt in (open_engine, init_schema):
        with pytest.raises(CasebookError, match="revision 9999, newer than this postguard"):
            attempt(db_url)


@pytest.mark.parametrize("url, message", [
    ("postgresql://amy:s3cret@127.0.0.1:1/casebook", "cannot connect"),
    ("mysql://amy:s3cret@localhost/x", "only sqlite"),
    ("not a url", "not a database URL"),
    ("sqlite:///no/such/folder/x.db", "does not exist"),
    ("sqlite://", "SQLite needs a file"),
])
def test_unusable_urls_are_one_line_without_the_password(url: str, message: str) -> None:
    with pytest.raises(CasebookError, match=message) as info:
        open_engine(url)
    assert "s3cret" not in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("verdict, escalate, status", [
    ("allow", False, "published"),
    ("review", False, "held"),
    ("block", False, "held"),
    ("block", True, "escalated"),
    ("review", True, "escalated"),
])
def test_filing_sets_the_status(book: Casebook, verdict: str, escalate: bool,
                                status: str) -> None:
    filed = book.file(Post(text="text of the post"), report(verdict, escalate=escalate), "cms")
    assert filed["status"] == status
    item = book.item(filed["item_id"])
    assert item["status"] == status and item["verdict"] == verdict
    assert item["text"] == "text of the post" and item["report"]["verdict"] == verdict
    assert ("reporting_procedure" in item) is escalate
    if escalate:
        assert "0808 800 5000" in item["reporting_procedure"]


def test_two_person_rule_for_blocked_items(book: Casebook) -> None:
    amy, bo, lead, admin = users(book, ("amy", "designated"), ("bo", "designated"),
                                 ("lead", "dsl"), ("root", "admin"))
    item_id = book.file(Post(text="t"), report("block"), "cms")["item_id"]
    first = book.decide(item_id, amy, "publish", "checked with the parents")
    assert first["status"] == "held" and "two-person" in first["note"]
    with pytest.raises(Refused) as again:
        book.decide(item_id, amy, "publish", "really fine")
    assert again.value.status == 409 and "already voted" in again.value.reason
    with pytest.raises(Refused) as wrong_role:
        book.decide(item_id, admin, "publish", "fine")
    assert wrong_role.value.status == 403
    done = book.decide(item_id, bo, "publish_redacted", "agree, with the number removed")
    assert done["status"] == "published" and done["published_as"] == "redacted"
    assert [d["user"] for d in done["decisions"]] == ["amy", "bo"]
    with pytest.raises(Refused) as published:
        book.decide(item_id, lead, "publish", "x")
    assert published.value.status == 409


def test_a_hold_starts_the_votes_again_and_review_items_need_one(book: Casebook) -> None:
    amy, bo = users(book, ("amy", "designated"), ("bo", "designated"))
    blocked = book.file(Post(text="t"), report("block"), "cms")["item_id"]
    book.decide(blocked, amy, "publish", "fine")
    book.decide(blocked, bo, "hold", "wait for consent")
    assert book.decide(blocked, amy, "publish", "consent came")["status"] == "held"
    assert book.decide(blocked, bo, "publish", "agreed")["status"] == "published"
    reviewed = book.file(Post(text="t"), report("review"), "cms")["item_id"]
    assert book.decide(reviewed, amy, "publish", "fine")["status"] == "published"


def test_the_rule_is_a_policy_setting(db_url: str) -> None:  # noqa: F811
    init_schema(db_url)
    book = Casebook(db_url, settings=CasebookSettings(two_person_rule=False))
    try:
        (amy,) = users(book, ("amy", "designated"))
        item_id = book.file(Post(text="t"), report("block"), "cms")["item_id"]
        assert book.decide(item_id, amy, "publish", "ok")["status"] == "published"
    finally:
        book.close()


def test_escalated_items_go_to_the_lead_first(book: Casebook) -> None:
    amy, lead = users(book, ("amy", "designated"), ("lead", "dsl"))
    held = book.file(Post(text="a"), report("block"), "cms")["item_id"]
    hot = book.file(Post(text="b"), report("block", escalate=True, category="disclosure"),
                    "cms")["item_id"]
    assert [i["item_id"] for i in book.queue(lead)] == [hot, held]
    assert [i["item_id"] for i in book.queue(amy)] == [held]
    with pytest.raises(Refused) as refused:
        book.decide(hot, amy, "remove", "x")
    assert refused.value.status == 403
    back = book.decide(hot, lead, "hold", "reported to the Principal; designated staff "
                       "follow up", informed=["Principal, in person"])
    assert back["status"] == "held" and back["decisions"][0]["informed"] == [
        "Principal, in person"]
    assert {i["item_id"] for i in book.queue(amy)} == {held, hot}
    assert book.decide(held, amy, "escalate", "worried")["status"] == "escalated"
    assert [i["item_id"] for i in book.queue(amy)] == [hot]


def test_removal_is_a_decision_and_nothing_is_deleted(book: Casebook) -> None:
    amy, bo = users(book, ("amy", "designated"), ("bo", "designated"))
    item_id = book.file(Post(text="t"), report("block"), "cms")["item_id"]
    removed = book.decide(item_id, amy, "remove", "a child's address",
                          informed=["the child's parents, by phone"])
    assert removed["status"] == "removed" and removed["text"] == "t"
    for decision in ("publish", "hold", "remove", "escalate"):
        with pytest.raises(Refused) as refused:
            book.decide(item_id, bo, decision, "again")
        assert refused.value.status == 409 and "removed" in refused.value.reason
    with pytest.raises(NotFound):
        book.decide("0" * 32, amy, "publish", "x")
    for bad in ("", "   "):
        with pytest.raises(Refused, match="reason"):
            book.decide(item_id, amy, "remove", bad)
    for table in ("items", "decisions", "audit_log"):
        with pytest.raises(Exception, match="not allowed"), book.engine.begin() as conn:
            conn.exec_driver_sql(f"DELETE FROM {table}")
    for table, column in (("decisions", "reason"), ("audit_log", "actor")):
        with pytest.raises(Exception, match="not allowed"), book.engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE {table} SET {column} = 'x'")
    assert book.verify().ok


def _filled(book: Casebook) -> list[str]:
    amy, bo = users(book, ("amy", "designated"), ("bo", "designated"))
    ids = [book.file(Post(text=f"post {n}"), report("block"), "cms")["item_id"]
           for n in range(3)]
    book.decide(ids[0], amy, "publish", "fine")
    book.decide(ids[0], bo, "publish", "fine")
    book.decide(ids[1], amy, "remove", "not for children")
    return ids  # 2 users + 3 items + 3 decisions = 8 entries


def _tamper(book: Casebook, *statements: str) -> None:
    with book.engine.begin() as conn:
        unprotect(conn)
        for sql in statements:
            conn.exec_driver_sql(sql)


TAMPERING = [
    ("alter an entry", ["UPDATE audit_log SET actor = 'mallory' WHERE seq = 4"], 4,
     "entry 4 was altered"),
    ("replace a hash", ["UPDATE audit_log SET hash = 'ab' WHERE seq = 5"], 5,
     "entry 5 was altered"),
    ("delete an entry", ["DELETE FROM audit_log WHERE seq = 3"], 3, "entry 3 is missing"),
    ("reorder two entries", ["UPDATE audit_log SET seq = 100 WHERE seq = 3",
                             "UPDATE audit_log SET seq = 3 WHERE seq = 4",
                             "UPDATE audit_log SET seq = 4 WHERE seq = 100"], 3,
     "entry 3 does not follow"),
    ("truncate the end", ["DELETE FROM audit_log WHERE seq > 6"], 7, "entries 7-8 were removed"),
    ("empty the log", ["DELETE FROM audit_log"], 1, "entries 1-8 were removed"),
    ("change a decision", ["UPDATE decisions SET reason = 'other' WHERE id = 3"], 8,
     "decision 3 no longer matches audit entry 8"),
    ("delete a decision", ["DELETE FROM decisions WHERE id = 3"], 8, "decision 3 recorded"),
    ("change a post", ["UPDATE items SET text = 'other'"], 3, "no longer matches audit entry"),
]


@pytest.mark.parametrize("what, statements, first_bad, message", TAMPERING,
                         ids=[t[0] for t in TAMPERING])
def test_verify_names_the_first_bad_entry(book: Casebook, what: str, statements: list[str],
                                          first_bad: int, message: str) -> None:
    _filled(book)
    assert book.verify().ok and book.verify().entries == 8
    _tamper(book, *statements)
    result = book.verify()
    assert not result.ok and result.first_bad == first_bad, result
    assert message in (result.problem or "")


def test_an_altered_entry_given_a_fresh_hash_breaks_the_next(book: Casebook) -> None:
    from postguard.casebook.audit import entry_hash

    _filled(book)
    e = book.audit_entries()[4]
    detail = json.dumps(e["detail"] | {"reason": "other"})
    forged = entry_hash(5, e["at"], e["actor"], e["action"], e["item_id"], detail,
                        e["prev_hash"])
    with book.engine.begin() as conn:
        unprotect(conn)
        conn.exec_driver_sql("UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 5"
                             if conn.dialect.name == "sqlite" else
                             "UPDATE audit_log SET detail = %s, hash = %s WHERE seq = 5",
                             (detail, forged))
    result = book.verify()
    assert not result.ok and result.first_bad == 6 and "entry 6 does not follow" in str(
        result.problem)


def test_the_chain_survives_an_entry_read_back(book: Casebook) -> None:
    _filled(book)
    entries = book.audit_entries()
    assert [e["seq"] for e in entries] == list(range(1, 9))
    assert all(e["prev_hash"] == p["hash"] for p, e in zip(entries, entries[1:], strict=False))
    assert entries[2]["action"] == "item_filed" and "post 0" not in json.dumps(entries)


def test_export_writes_items_decisions_and_the_log(book: Casebook) -> None:
    ids = _filled(book)
    out = io.StringIO()
    counts = book.export(out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert counts == {"item": 3, "decision": 3, "audit": 8}
    assert [line["type"] for line in lines] == ["item"] * 3 + ["decision"] * 3 + ["audit"] * 8
    assert {line["item_id"] for line in lines[:3]} == set(ids)
    assert lines[3]["decision"] == "publish" and lines[5]["decision"] == "remove"
    assert lines[-1]["seq"] == 8


def test_sessions_expire_and_expired_ones_are_cleared(db_url: str) -> None:  # noqa: F811
    init_schema(db_url)
    book = Casebook(db_url, settings=CasebookSettings(session_hours=0))
    try:
        book.add_user("amy", "designated", password="a long enough password")
        sid, csrf, user = book.sign_in("amy", "a long enough password")
        assert user.name == "amy" and len(csrf) > 30
        assert book.user_for_session(sid) is None  # expired at once
        book.sign_in("amy", "a long enough password")
        with book.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sessions").scalar() == 1
    finally:
        book.close()
    book = Casebook(db_url)
    try:
        sid, _, _ = book.sign_in("amy", "a long enough password")
        found = book.user_for_session(sid)
        assert found is not None and found[0].name == "amy"
        book.sign_out(sid)
        assert book.user_for_session(sid) is None
    finally:
        book.close()


def test_a_reader_never_holds_up_the_filing(book: Casebook) -> None:
    """`casebook verify` or an export on a live casebook reads a snapshot: a write goes
    through while the read transaction is open (it would wait for the lock, then fail)."""
    (amy,) = users(book, ("amy", "designated"))
    with book.engine.connect() as reader:
        before = reader.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
        filed = book.file(Post(text="t"), report("block"), "cms")
        book.decide(filed["item_id"], amy, "remove", "while someone reads")
        assert reader.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() in (
            before, before + 2)
    assert book.verify().entries == 3
