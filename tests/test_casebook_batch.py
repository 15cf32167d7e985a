"""`postguard batch ... --casebook URL` files every screened post, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from casebook_fixtures import db_url, pg_server  # noqa: F401

from postguard.casebook import init_schema
from postguard.casebook.store import Casebook
from postguard.cli import main

POSTS = [
    {"id": "clean", "text": "Well done to the netball team"},
    {"id": "phone", "text": "Any questions ring me on 07911 123456"},
    {"id": "groom", "text": "are you home alone? send me a pic",
     "metadata": {"direction": "inbound", "author": "stranger"}},
]


def archive(tmp_path: Path, extra: str = "") -> Path:
    src = tmp_path / "archive.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in POSTS) + extra)
    return src


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_post_is_filed(db_url: str, tmp_path: Path, workers: str) -> None:  # noqa: F811
    init_schema(db_url)
    src = archive(tmp_path, "{not json\n")
    out = tmp_path / "reports.jsonl"
    code = main(["batch", str(src), "--out", str(out), "--workers", workers, "--casebook",
                 db_url, "--no-progress"], out=io.StringIO())
    assert code == 2  # the "{not json" line could not be screened (exit 2 over block)
    reports = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(reports) == 4
    book = Casebook(db_url)
    try:
        with book.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT post_id, status, verdict, kind, filed_by FROM items").all()
        by_id = {r[0]: r[1:] for r in rows}
        assert by_id["clean"] == ("published", "allow", "draft", "batch")
        assert by_id["phone"] == ("held", "block", "draft", "batch")
        assert by_id["groom"] == ("escalated", "block", "comment", "batch")
        assert len(rows) == 4  # the unreadable line is filed too (review, for a person)
        broken = [r for r in rows if r[0] not in ("clean", "phone", "groom")]
        assert broken[0][1:3] == ("held", "review")
        item = next(i for i in book.audit_entries() if i["action"] == "item_filed")
        assert item["actor"] == "batch"
        assert book.verify().ok and book.verify().entries == 4
    finally:
        book.close()


def test_resume_files_only_the_rest(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'c.db'}"
    init_schema(db)
    src = archive(tmp_path)
    out = tmp_path / "reports.jsonl"
    out.write_text(json.dumps({"id": "clean", "verdict": "allow", "findings": [],
                               "redacted_text": "", "errors": []}) + "\n")
    main(["batch", str(src), "--out", str(out), "--resume", "--casebook", db,
          "--no-progress"], out=io.StringIO())
    book = Casebook(db)
    try:
        with book.engine.connect() as conn:
            ids = sorted(r[0] for r in conn.exec_driver_sql("SELECT post_id FROM items"))
        assert ids == ["groom", "phone"]
    finally:
        book.close()


def test_an_unusable_casebook_stops_the_batch_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "reports.jsonl"
    code = main(["batch", str(archive(tmp_path)), "--out", str(out), "--casebook",
                 f"sqlite:///{tmp_path / 'new.db'}", "--no-progress"], out=io.StringIO())
    assert code == 2 and "not initialised" in capsys.readouterr().err
    assert not out.exists() or out.read_text() == ""
