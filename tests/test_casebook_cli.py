"""`postguard casebook init|add-user|verify|export --db URL` on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from casebook_fixtures import db_url, pg_server, unprotect  # noqa: F401

from postguard.casebook.store import Casebook
from postguard.cli import main
from postguard.model import Post, Report, Verdict


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_init_add_user_verify_export(db_url: str, tmp_path: Path,  # noqa: F811
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("casebook", "init", "--db", db_url)[0] == 0
    code, text = cli("casebook", "add-user", "amy", "--role", "designated", "--db", db_url)
    token = text.splitlines()[-1]
    assert code == 0 and token.startswith("pgcb_") and len(token) > 40
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    code, text = cli("casebook", "add-user", "lead", "--role", "dsl", "--email",
                     "dsl@example.org", "--password-stdin", "--db", db_url)
    assert code == 0
    book = Casebook(db_url)
    try:
        user = book.user_for_token(token)
        assert user is not None and user.name == "amy" and user.role == "designated"
        assert book.user_for_token(text.splitlines()[-1]).role == "dsl"  # type: ignore[union-attr]
        with book.engine.connect() as conn:
            stored = [r[0] for r in conn.exec_driver_sql("SELECT token_hash FROM users")]
            hashes = [r[0] for r in conn.exec_driver_sql("SELECT password_hash FROM users")]
        assert token not in stored and len(stored[0]) == 64
        assert hashes[0] is None and hashes[1].startswith("$argon2id$")
        item = book.file(Post(text="hello"), Report(None, Verdict.REVIEW, (), "hello"), "amy")
        book.decide(item["item_id"], user, "publish", "fine")
    finally:
        book.close()
    code, text = cli("casebook", "verify", "--db", db_url)
    assert code == 0 and "intact: 4 entries" in text
    out_file = tmp_path / "export.jsonl"
    assert cli("casebook", "export", "--db", db_url, "--out", str(out_file))[0] == 0
    types = [json.loads(line)["type"] for line in out_file.read_text().splitlines()]
    assert types == ["item", "decision", "audit", "audit", "audit", "audit"]
    book = Casebook(db_url)
    with book.engine.begin() as conn:
        unprotect(conn)
        conn.exec_driver_sql("DELETE FROM audit_log WHERE seq = 2")
    book.close()
    capsys.readouterr()
    code, _ = cli("casebook", "verify", "--db", db_url)
    assert code == 1 and "entry 2 is missing" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["add-user", "amy", "--role", "designated"], "not initialised"),
    (["add-user", "amy", "--role", "boss"], "invalid choice"),
    (["verify"], "not initialised"),
])
def test_errors_are_one_line_and_exit_2(tmp_path: Path, argv: list[str], message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = cli("casebook", *argv, "--db", f"sqlite:///{tmp_path / 'x.db'}")
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_a_duplicate_user_and_a_short_password(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    cli("casebook", "init", "--db", db)
    assert cli("casebook", "add-user", "amy", "--role", "admin", "--db", db)[0] == 0
    assert cli("casebook", "add-user", "amy", "--role", "admin", "--db", db)[0] == 2
    assert "already exists" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli("casebook", "add-user", "bo", "--role", "dsl", "--password-stdin",
               "--db", db)[0] == 2
    assert "at least 10" in capsys.readouterr().err
