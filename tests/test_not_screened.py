"""Issue 14, point 3 (and issue 12's bad input): one rule for a post that was not fully screened.
A photo or a metadata field that cannot be read, or a detector that failed (a missing or
corrupt model file), leaves the report with an error or a detector_error finding; `scan` then
exits 2 as `batch` does, saying why on stderr, and the report is still printed. Before, `scan`
exited 0 for a post whose `scheduled_at` could not be read (batch exited 2 for the same post),
and both exited 0 or 1 when the harm model file was missing."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

import postguard.batch_items
from postguard.cli import main
from postguard.detectors.harm import HarmDetector
from postguard.model import Category, ErrorEntry, Finding, Report, Severity, Verdict
from postguard.render import not_screened

SHIPPED = Path(str(resources.files("postguard.data") / "harm"))
MODEL_FILES = ["harm-weights.npy", "harm-keys.npy", "harm-model.json"]


def _scan(tmp_path: Path, text: str, metadata: dict[str, object] | None,
          capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object], str]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    argv = ["scan", str(draft), "--format", "json"]
    if metadata is not None:
        meta = tmp_path / "meta.json"
        meta.write_text(json.dumps(metadata), encoding="utf-8")
        argv += ["--metadata", str(meta)]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, json.loads(out), err


@pytest.mark.parametrize(("text", "metadata", "code", "says"), [
    # not screened: exit 2 whatever the verdict, the cause on stderr
    ("See you at training", {"audience": "students", "scheduled_at": "tomorrow evening"}, 2,
     "scheduled_at"),
    ("See you at training", {"audience": "students", "scheduled_at": 1767200000}, 2,
     "scheduled_at"),
    ("Ring 07911 123456", {"audience": "students", "scheduled_at": "soon"}, 2, "scheduled_at"),
    # traps: metadata that can be read, with and without findings, keeps the verdict's code
    ("See you at training", {"audience": "students", "scheduled_at": "2026-07-08T17:30"}, 0, ""),
    ("See you at training", {"audience": "students", "scheduled_at": "2026-07-08T21:30"}, 0, ""),
    ("Ring 07911 123456", {"audience": "students"}, 1, ""),
    ("Great game today xx", None, 0, ""),
])
def test_scan_of_a_post_not_fully_screened_is_exit_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
        metadata: dict[str, object] | None, code: int, says: str) -> None:
    got, report, err = _scan(tmp_path, text, metadata, capsys)
    assert got == code, err
    assert report["verdict"] in ("allow", "review", "block")  # the report is printed first
    if code == 2:
        assert "not fully screened" in err and says in err
        assert report["errors"] and report["verdict"] != "allow"
        assert text not in err  # never the post's text
    else:
        assert "error" not in err


@pytest.fixture
def no_harm_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  request: pytest.FixtureRequest) -> str:
    """The harm model with one file missing (the parameter); the file's name."""
    folder = tmp_path / "harm"
    shutil.copytree(SHIPPED, folder)
    name: str = request.param
    (folder / name).unlink()
    monkeypatch.setattr(HarmDetector, "model_folder", folder)
    # batch keeps a Screener per policy: one built by an earlier test has the model loaded
    monkeypatch.setattr(postguard.batch_items, "_screeners", {})
    return name


@pytest.mark.parametrize("no_harm_model", MODEL_FILES, indirect=True)
def test_scan_with_a_missing_model_file_is_exit_2_naming_it(
        no_harm_model: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, err = _scan(tmp_path, "Well done to everyone at sports day", None, capsys)
    assert code == 2  # was 0: a review the default --fail-on block let through
    assert report["verdict"] == "review"
    assert no_harm_model in err and "make harm-model" in err
    assert [f["code"] for f in report["findings"]] == ["PG001"]  # type: ignore[index]


@pytest.mark.parametrize("no_harm_model", ["harm-weights.npy"], indirect=True)
def test_batch_with_a_missing_model_file_is_exit_2(
        no_harm_model: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in [
        ("a", "Well done everyone"), ("b", "Ring 07911 123456")]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "2 posts not fully screened" in err
    reports = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["verdict"] for r in reports] == ["review", "block"]  # every report written
    assert all(no_harm_model in r["findings"][0]["message"] for r in reports)


def _finding(category: Category, message: str, code: str = "PG101") -> Finding:
    return Finding(code, "d", category, Severity.HIGH, 1.0, message, source="text")


@pytest.mark.parametrize(("findings", "errors", "want"), [
    ([], [], []),
    ([_finding(Category.PHONE, "phone number")], [], []),
    ([_finding(Category.DETECTOR_ERROR, "harm model file x is missing", "PG001")], [],
     ["harm model file x is missing"]),
    # a PG002 that is also an error is said once
    ([_finding(Category.DETECTOR_ERROR, "image 1: bad", "PG002")],
     [ErrorEntry("image:0", "unreadable", "image 1: bad")], ["image 1: bad"]),
    ([], [ErrorEntry("input", "malformed", "in.jsonl:2: not valid JSON")],
     ["in.jsonl:2: not valid JSON"]),
])
def test_not_screened_lists_each_cause_once(findings: list[Finding], errors: list[ErrorEntry],
                                            want: list[str]) -> None:
    report = Report("p", Verdict.REVIEW, tuple(findings), "", tuple(errors))
    assert not_screened(report) == want


@pytest.mark.parametrize(("files", "code", "says"), [
    # a draft with a photo beside it that cannot be read: exit 2, not published (was 0)
    ({"post.md": b"Sports day was great", "post.jpg": b"\xff\xd8\xff\xe0 not a whole jpeg"},
     2, "post.jpg"),
    # a Markdown link to a photo that is not there
    ({"post.md": b"Sports day ![team](team.png)"}, 2, "team.png"),
    # metadata beside the draft with a time that cannot be read
    ({"post.md": b"Sports day was great",
      "post.json": b'{"audience": "students", "scheduled_at": "later"}'}, 2, "scheduled_at"),
    # traps: a clean draft is 0, a held one 1
    ({"post.md": b"Sports day was great"}, 0, ""),
    ({"post.md": b"Sports day, ring 07911 123456"}, 1, ""),
])
def test_pre_commit_hook_fails_closed_on_what_it_could_not_screen(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, bytes], code: int,
        says: str) -> None:
    from postguard.hooks import main as hook

    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert hook([str(tmp_path / "post.md")]) == code
    err = capsys.readouterr().err
    if code == 2:
        assert "not fully screened" in err and says in err
    else:
        assert "not fully screened" not in err
