"""Pre-publish hooks: `postguard.hooks.check` and the pre-commit entry point."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from postguard.hooks import check, main
from postguard.model import Post, Verdict
from postguard.screener import Screener

POLICY = {"detectors": {"enabled": ["phone"]}}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(POLICY)


@pytest.mark.parametrize(("text", "hold_on", "publish", "verdict"), [
    ("A great match today", "block", True, "allow"),
    ("Ring me on 07911 123456", "block", False, "block"),
    ("Ring me on 07911 123456", "review", False, "block"),
])
def test_check_decides(screener: Screener, text: str, hold_on: str, publish: bool,
                       verdict: str) -> None:
    d = check(text, screener=screener, hold_on=hold_on)
    assert d.publish is publish and d.verdict.value == verdict
    assert d.action == ("publish" if publish else "hold")
    assert d.to_dict()["report"]["verdict"] == verdict


def test_reasons_say_why_without_the_matched_text(screener: Screener) -> None:
    d = check("Ring me on 07911 123456", screener=screener)
    (reason,) = d.reasons
    assert reason.startswith("PG101 phone (block) in the text at 11-23")
    assert "07911" not in reason


def test_a_missing_photo_holds_on_review(screener: Screener, tmp_path: Path) -> None:
    post = Post(text="fine", images=(str(tmp_path / "gone.jpg"),))
    d = check(post, screener=screener, hold_on="review")
    assert not d.publish and d.verdict is Verdict.REVIEW
    assert any("not screened: image 1: " in r for r in d.reasons)
    assert check(post, screener=screener).publish  # review is below the default hold_on


def test_hold_on_allow_is_refused(screener: Screener) -> None:
    with pytest.raises(ValueError):
        check("x", screener=screener, hold_on="allow")


def test_pre_commit_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    ok, bad, broken = tmp_path / "ok.md", tmp_path / "bad.txt", tmp_path / "broken.txt"
    ok.write_text("Well done everyone")
    bad.write_text("Text me on 07911 123456")
    broken.write_bytes(b"\xff\xfe\x00bad")
    assert main([str(ok), "--policy", str(policy)]) == 0
    assert main([str(ok), str(bad), "--policy", str(policy)]) == 1
    out = capsys.readouterr()
    assert "BLOCK" in out.out and "bad.txt" in out.out and "1 of 2 drafts held" in out.err
    assert main([str(broken), "--policy", str(policy)]) == 2


def test_pre_commit_hooks_yaml_runs_the_module(tmp_path: Path) -> None:
    spec = (ROOT / ".pre-commit-hooks.yaml").read_text()
    entry = re.search(r"^\s*entry:\s*(.+)$", spec, re.M)
    assert entry and entry.group(1).strip() == "python -m postguard.hooks"
    assert re.search(r"^- id: postguard$", spec, re.M)
    draft = tmp_path / "d.txt"
    draft.write_text("Ring 07911 123456")
    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    run = subprocess.run([sys.executable, "-m", "postguard.hooks", "--policy", str(policy),
                          str(draft)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "PG101" in run.stdout
