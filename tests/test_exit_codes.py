"""Issue 14, point 3: exit codes that do not hide failures. A batch with a post that could not
be screened exits 2; I/O errors are exit 2 with the OS's words and the path; output paths are
checked before any screening."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import postguard.batch_items
from postguard.cli import main

PHONE = "Any problems, text me on 07911 123456"


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": PHONE}) + "\n"
                   + json.dumps({"id": "b", "text": "Sunny sports day"}) + "\n")
    return src


@pytest.fixture
def no_screening(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts posts screened, so a test can show a bad output path stops the run first."""
    seen: list[int] = []
    real = postguard.batch_items.screen_prepared

    def counting(screener, items):  # type: ignore[no-untyped-def]
        seen.append(len(items))
        return real(screener, items)

    monkeypatch.setattr(postguard.batch_items, "screen_prepared", counting)
    return seen


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_exit_2_with_the_os_words(posts: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(posts), "--out", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert "/dev/full" in err and "No space left on device" in err
    assert "internal error" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_for_the_csv_summary_is_exit_2(posts: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["batch", str(posts), "--out", str(tmp_path / "o.jsonl"), "--csv", "/dev/full"])
    err = capsys.readouterr().err
    assert code == 2 and "/dev/full" in err and "No space left on device" in err


@pytest.mark.parametrize(("flag", "target", "words"), [
    ("--html", "folder", "Is a directory"),
    ("--csv", "folder", "Is a directory"),
    ("--out", "folder", "Is a directory"),
    ("--html", "missing/report.html", "No such file or directory"),
    ("--csv", "missing/rows.csv", "No such file or directory"),
])
def test_bad_output_paths_stop_before_screening(
        posts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        no_screening: list[int], flag: str, target: str, words: str) -> None:
    (tmp_path / "folder").mkdir()
    path = str(tmp_path / target)
    argv = ["batch", str(posts), flag, path]
    if flag != "--out":
        argv += ["--out", str(tmp_path / "o.jsonl")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert path in err and words in err and err.count("\n") == 1
    assert no_screening == []


def test_redact_out_on_a_file_stops_before_screening(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import postguard.screener

    draft = tmp_path / "draft.txt"
    draft.write_text(PHONE)
    existing = tmp_path / "already.txt"
    existing.write_text("keep me")
    screened: list[object] = []
    real = postguard.screener.Screener.screen
    monkeypatch.setattr(postguard.screener.Screener, "screen",
                        lambda self, *a, **k: screened.append(a) or real(self, *a, **k))
    assert main(["scan", str(draft), "--redact-out", str(existing)]) == 2
    err = capsys.readouterr().err
    assert str(existing) in err and "a file" in err
    assert screened == [] and existing.read_text() == "keep me"


def test_unscreenable_post_is_exit_2_and_said(posts: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with posts.open("a") as fh:
        fh.write("{not json\n")
    assert main(["batch", str(posts), "--out", str(tmp_path / "o.jsonl")]) == 2
    assert "1 post not fully screened" in capsys.readouterr().err


def test_image_folder_is_named_as_a_folder(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 14, point 9: `--image <folder>` said "no such image file".
    assert main(["scan", "--image", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is a folder, not an image file" in err and "no such" not in err


@pytest.mark.parametrize(("name", "content"), [
    ("empty.jsonl", b""),
    ("blank.jsonl", b"\n\n"),
    ("header.csv", b"id,text\r\n"),
    ("posts.json", b'{"data": []}'),  # a posts file of a Facebook export with no posts
])
def test_a_batch_that_finds_no_post_is_exit_2(tmp_path: Path, name: str, content: bytes,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Like an empty folder (issue 14, point 7): nothing screened is never a clean 0."""
    src = tmp_path / name
    src.write_bytes(content)
    fmt = ["--input-format", "facebook"] if name.endswith(".json") else []
    rows, page = tmp_path / "rows.csv", tmp_path / "r.html"
    assert main(["batch", str(src), *fmt, "--out", str(tmp_path / "o.jsonl"),
                 "--csv", str(rows), "--html", str(page)]) == 2
    err = capsys.readouterr().err
    assert f"no posts in {src}: nothing was screened" in err
    assert not rows.exists() and not page.exists()  # no header-only summary, no empty page


def test_a_resumed_finished_run_is_not_empty(posts: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(posts), "--out", str(out)]) == 1
    assert main(["batch", str(posts), "--out", str(out), "--resume"]) == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["scan", "batch"])
def test_full_standard_output_is_named(posts: Path, tmp_path: Path, command: str) -> None:
    import subprocess
    import sys

    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    draft = tmp_path / "d.txt"
    draft.write_text(PHONE)
    src = str(draft) if command == "scan" else str(posts)
    with open("/dev/full", "w") as full:
        run = subprocess.run([exe, command, src, *(["--format", "json"] * (command == "scan"))],
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert run.returncode == 2
    assert "standard output: " in run.stderr and "No space left on device" in run.stderr


@pytest.mark.parametrize("flag", ["--out", "--html", "--csv"])
def test_an_output_that_is_an_input_stops_before_writing(
        posts: Path, tmp_path: Path, flag: str, no_screening: list[int],
        capsys: pytest.CaptureFixture[str]) -> None:
    """`--html posts.jsonl` overwrote the archive being screened with the HTML page."""
    before = posts.read_bytes()
    argv = ["batch", str(posts), flag, str(posts)]
    if flag != "--out":
        argv += ["--out", str(tmp_path / "o.jsonl")]
    assert main(argv) == 2
    assert posts.read_bytes() == before and no_screening == []
    assert f"{flag} is one of the inputs" in capsys.readouterr().err


def test_two_outputs_on_one_file_stop_before_writing(
        posts: Path, tmp_path: Path, no_screening: list[int],
        capsys: pytest.CaptureFixture[str]) -> None:
    same = tmp_path / "r.out"
    assert main(["batch", str(posts), "--out", str(same), "--html", str(same)]) == 2
    assert no_screening == [] and not same.exists()
    assert "--out and --html are the same file" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["", "\n", "  \n\t\n"])
def test_scan_of_an_empty_draft_is_exit_2(tmp_path: Path, content: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`cat missing.txt | postguard scan -` gave ALLOW and exit 0 for nothing at all."""
    draft = tmp_path / "d.txt"
    draft.write_text(content)
    assert main(["scan", str(draft)]) == 2
    assert f"{draft}: the draft is empty: nothing to screen" in capsys.readouterr().err
