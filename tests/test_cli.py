"""The command line: stdin, files, formats, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postguard.cli import main

PHONE_DRAFT = "Any problems, text me on 07911 123456\n"


def run(argv: list[str], stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str]:
    out = io.StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv, out=out)
    return code, out.getvalue()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(PHONE_DRAFT, encoding="utf-8")
    return p


def test_scan_file_json_blocks_with_exit_1(draft: Path) -> None:
    code, out = run(["scan", str(draft), "--format", "json"])
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "block"
    assert data["findings"][0]["category"] == "phone"
    assert data["redacted_text"] == "Any problems, text me on [phone removed]\n"


def test_scan_stdin_clean_exits_0(monkeypatch) -> None:
    code, out = run(["scan", "-", "--format", "json"], b"See you all at sports day!",
                    monkeypatch)
    assert code == 0 and json.loads(out)["verdict"] == "allow"


def test_fail_on_review(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text("Follow @jo_smith_1999 for updates", encoding="utf-8")
    assert run(["scan", str(p)])[0] == 0
    assert run(["scan", str(p), "--fail-on", "review"])[0] == 1


def test_text_output_marks_findings(draft: Path) -> None:
    code, out = run(["scan", str(draft)])
    assert out.startswith("BLOCK")
    assert "[[07911 123456]][1]" in out and "PG101" in out and "[phone removed]" in out


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: (d / "latin1.txt").write_bytes(b"caf\xe9") and d / "latin1.txt",
         "not UTF-8"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys, setup, message) -> None:
    path = setup(tmp_path)
    code, _ = run(["scan", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bad_policy_exits_2(draft: Path, tmp_path: Path, capsys) -> None:
    pol = tmp_path / "p.toml"
    pol.write_text('[actions]\nphone = "sometimes"\n', encoding="utf-8")
    assert run(["scan", str(draft), "--policy", str(pol)])[0] == 2
    assert "phone must be" in capsys.readouterr().err


def test_policy_file_changes_verdict(draft: Path, tmp_path: Path) -> None:
    pol = tmp_path / "p.toml"
    pol.write_text('[actions]\nphone = "review"\n', encoding="utf-8")
    code, out = run(["scan", str(draft), "--policy", str(pol), "--format", "json"])
    assert code == 0 and json.loads(out)["verdict"] == "review"


def test_usage_errors_exit_2(capsys) -> None:
    assert run(["scan"])[0] == 2
    assert run(["frobnicate"])[0] == 2
    assert run(["explain", "PG999"])[0] == 2
    assert "unknown code" in capsys.readouterr().err


def test_explain_and_detectors() -> None:
    code, out = run(["explain", "pg101"])
    assert code == 0 and "Phone number" in out and "Why:" in out
    code, out = run(["detectors"])
    assert code == 0 and "phone" in out and "email" in out


def test_redact_out_writes_redacted_draft(draft: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    run(["scan", str(draft), "--redact-out", str(out_dir)])
    assert (out_dir / "draft.txt").read_text(encoding="utf-8") == (
        "Any problems, text me on [phone removed]\n")


def test_batch_keeps_order_ids_and_survives_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "text me on 07911 123456"}\n'
        "{not json\n"
        '{"id": "c", "text": "Lovely sunny sports day"}\n'
        '{"id": "d", "text": 5}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, _ = run(["batch", str(src), "--out", str(out)])
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in reports] == ["a", "in.jsonl:2", "c", "d"]
    assert [r["verdict"] for r in reports] == ["block", "review", "allow", "review"]
    assert reports[1]["errors"] and reports[3]["errors"]
    assert code == 2  # two posts could not be screened


def test_real_process_stdin_pipe_and_no_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("postguard")
    if not exe.exists():
        pytest.skip("postguard script not installed in this environment")
    proc = subprocess.run([str(exe), "scan", "-", "--format", "json"], input=PHONE_DRAFT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1 and json.loads(proc.stdout)["verdict"] == "block"
    proc = subprocess.run([str(exe), "scan", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_every_command_option_and_argument_has_help() -> None:
    """`postguard X --help` explains every option a new user sees (scan's --format,
    detectors' --policy, explain's code and casebook add-user's name and --role had none)."""
    import argparse

    from postguard.cli import _parser

    missing = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(_parser(), "postguard")
    assert not missing, missing


def test_explain_every_documented_code() -> None:
    """Every code a report may carry explains itself: a title, why and what to do."""
    from postguard.codes import code_table

    for code in sorted(code_table()):
        status, out = run(["explain", code.lower()])
        head, why, fix = out.split("\n\n")
        assert status == 0 and head.startswith(f"{code}  ") and "(category: " in head, code
        assert len(why) > len("Why: ") + 10 and len(fix) > len("What to do: ") + 10, code
    status, _ = run(["explain", "PG000"])
    assert status == 2


def test_casebook_without_a_command_names_the_commands(capsys: pytest.CaptureFixture[str],
                                                       ) -> None:
    assert main(["casebook"]) == 2
    err = capsys.readouterr().err
    assert "{init,add-user,verify,export}" in err and "casebook_command" not in err
