"""The decision rules (pure), the tables against the shipped migration, and escalation email
failures, on SQLite and PostgreSQL where a database is involved."""

from __future__ import annotations

from typing import Any

import pytest
from casebook_fixtures import db_url, pg_server  # noqa: F401

from postguard.casebook import init_schema
from postguard.casebook.rules import Outcome, Refused, decide, initial_status
from postguard.casebook.settings import CasebookSettings, NotifySettings, settings_from_policy
from postguard.casebook.store import Casebook
from postguard.errors import ConfigurationError
from postguard.model import Category, Finding, Post, Report, Severity, Verdict

A, B = "amy", "bo"

# (status, verdict, decision, user, role, history, two-person rule) -> status or refusal
CASES: list[tuple[str, str, str, str, str, list[tuple[str, str]], bool, Any]] = [
    ("held", "review", "publish", A, "designated", [], True, "published"),
    ("held", "block", "publish", A, "designated", [], True, "held"),
    ("held", "block", "publish", A, "designated", [], False, "published"),
    ("held", "block", "publish", B, "designated", [(A, "publish")], True, "published"),
    ("held", "block", "publish_redacted", B, "dsl", [(A, "publish")], True, "published"),
    ("held", "block", "remove", A, "designated", [], True, "removed"),
    ("held", "block", "escalate", A, "designated", [], True, "escalated"),
    ("held", "block", "hold", A, "designated", [], True, "held"),
    ("escalated", "block", "hold", A, "dsl", [], True, "held"),
    ("escalated", "block", "remove", A, "dsl", [], True, "removed"),
    ("published", "allow", "remove", A, "designated", [], True, "removed"),
    ("published", "allow", "escalate", A, "designated", [], True, "escalated"),
    # traps: look like a second vote, are not
    ("held", "block", "publish", A, "designated", [(A, "publish")], True, 409),
    ("held", "block", "publish", A, "designated", [(A, "publish_redacted")], True, 409),
    ("held", "block", "publish", B, "designated", [(A, "publish"), (B, "hold")], True, "held"),
    ("held", "block", "publish", B, "designated", [(A, "remove")], True, "held"),
    # refusals
    ("removed", "block", "publish", A, "designated", [], True, 409),
    ("removed", "block", "escalate", A, "dsl", [], True, 409),
    ("published", "review", "publish", A, "designated", [], True, 409),
    ("published", "review", "hold", A, "designated", [], True, 409),
    ("escalated", "block", "escalate", A, "dsl", [], True, 409),
    ("escalated", "block", "publish", A, "designated", [], True, 403),
    ("held", "block", "publish", A, "admin", [], True, 403),
    ("held", "block", "delete", A, "designated", [], True, 422),
]


@pytest.mark.parametrize("status, verdict, decision, user, role, history, rule, expected",
                         CASES)
def test_decide(status: str, verdict: str, decision: str, user: str, role: str,
                history: list[tuple[str, str]], rule: bool, expected: Any) -> None:
    if isinstance(expected, int):
        with pytest.raises(Refused) as refused:
            decide(status=status, verdict=verdict, decision=decision, user=user, role=role,
                   history=history, two_person_rule=rule)
        assert refused.value.status == expected and refused.value.reason
    else:
        outcome = decide(status=status, verdict=verdict, decision=decision, user=user,
                         role=role, history=history, two_person_rule=rule)
        assert isinstance(outcome, Outcome) and outcome.status == expected


def test_published_as_redacted_when_any_vote_was() -> None:
    out = decide(status="held", verdict="block", decision="publish", user=B, role="designated",
                 history=[(A, "publish_redacted")], two_person_rule=True)
    assert out.published_as == "redacted"
    out = decide(status="held", verdict="review", decision="publish", user=B,
                 role="designated", history=[], two_person_rule=True)
    assert out.published_as == "original"


@pytest.mark.parametrize("verdict, escalate, status", [
    ("allow", False, "published"), ("review", False, "held"), ("block", False, "held"),
    ("allow", True, "escalated"), ("block", True, "escalated")])
def test_initial_status(verdict: str, escalate: bool, status: str) -> None:
    assert initial_status(verdict, escalate) == status


def test_the_tables_match_the_migration(db_url: str) -> None:  # noqa: F811
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from postguard.casebook.schema import open_engine
    from postguard.casebook.tables import metadata

    init_schema(db_url)
    engine = open_engine(db_url)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    meaningful = [d for d in diffs if not (isinstance(d, tuple) and d[0] == "remove_table"
                                           and d[1].name == "alembic_version")]
    assert meaningful == []


class _Policy:
    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def section(self, name: str) -> Any:
        return self.raw.get(name, {})


@pytest.mark.parametrize("raw, message", [
    ({"two_person_rule": "yes"}, "two_person_rule must be a bool"),
    ({"lockout_after": 0}, "lockout_after must be 1 or more"),
    ({"notify": {"recipients": "dsl@x"}}, "recipients must be a list"),
    ({"notify": {"recipients": [1]}}, "list of strings"),
    ({"notify": {"smtp_port": "25"}}, "smtp_port must be a int"),
    ({"notify": "mail"}, "notify must be a table"),
])
def test_bad_casebook_settings_are_one_clear_error(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        settings_from_policy(_Policy({"casebook": raw}))


def _escalated() -> Report:
    finding = Finding("PG455", "private_contact", Category.PRIVATE_CONTACT, Severity.HIGH, 0.9,
                      "grooming", "text", 0, 4, action=Verdict.BLOCK)
    return Report(None, Verdict.BLOCK, (finding,), "x", (), True, "grooming signals")


@pytest.mark.parametrize("notify, recipients, outcome", [
    (NotifySettings(smtp_host="127.0.0.1", smtp_port=9), ("dsl@x.example",),
     "notification_failed"),
    (NotifySettings(smtp_host="127.0.0.1", smtp_port=9), (), "notification_failed"),
    (NotifySettings(), ("dsl@x.example",), None),
])
def test_mail_failures_are_audited_never_lost(db_url: str, notify: NotifySettings,  # noqa: F811
                                              recipients: tuple[str, ...],
                                              outcome: str | None) -> None:
    init_schema(db_url)
    settings = CasebookSettings(notify=NotifySettings(**{**notify.__dict__,
                                                         "recipients": recipients}))
    book = Casebook(db_url, settings=settings)
    try:
        filed = book.file(Post(text="secret words"), _escalated(), "cms")
        assert filed["status"] == "escalated"
        book.notifier.flush()
        actions = [e["action"] for e in book.audit_entries()]
        assert actions[-1] == (outcome or "item_filed")
        if outcome:
            detail = book.audit_entries()[-1]["detail"]
            assert "secret words" not in str(detail)
            assert ("no recipients" in detail.get("why", "")) is (not recipients)
        assert book.verify().ok
    finally:
        book.close()
