"""Issue 14, point 8: the README says what postguard really does."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import postguard
from postguard.cli import main
from postguard.tomlcompat import tomllib

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_sample_output_is_the_real_output() -> None:
    block = re.search(r"```text\n\$ \.venv/bin/postguard scan examples/draft\.txt\n(.*?)"
                      r"\$ echo \$\?\n(\d)\n```", README, re.S)
    assert block is not None
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.run([exe, "scan", "examples/draft.txt"], cwd=REPO, capture_output=True,
                         text=True, env=env, timeout=120)
    assert run.stdout == block.group(1)  # line for line: no wrapping the real output lacks
    assert str(run.returncode) == block.group(2)


def test_links_and_named_files_exist() -> None:
    for doc in (REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))):
        text = doc.read_text(encoding="utf-8")
        for target in re.findall(r"(?<!!)\[[^\]]*\]\(([^)#\s]+)\)", text):  # not ![image]
            if "://" not in target:
                assert (doc.parent / target).exists(), f"{doc.name} links {target}"
        for name in re.findall(r"(?<![/\w])([A-Z]+\.md)\b", text):  # a bare DESIGN.md
            assert any((REPO / d / name).exists() for d in (".", "docs", "benchmarks")), \
                f"{doc.name} names {name}, which is not in the repository"


def test_policy_example_phone_is_a_whole_number_and_allowed() -> None:
    block = re.search(r"```toml\n(\[organisation\]\nphones.*?)```", README, re.S)
    assert block is not None
    policy = tomllib.loads(block.group(1))
    policy["detectors"].pop("tone")  # names a lexicon file of the reader's own
    number = policy["organisation"]["phones"][0]
    assert len(re.sub(r"\D", "", number)) == 11  # a UK number: 11 digits
    draft = f"Call the office on {number} for details."
    assert postguard.Screener(policy).screen(draft).verdict.value == "allow"
    report = postguard.screen(draft)
    assert report.verdict.value == "block"
    assert report.redacted_text == "Call the office on [phone removed] for details."


@pytest.mark.parametrize("argv", [["-vv", "detectors"], ["detectors", "-vv"]])
def test_verbose_before_or_after_the_command(argv: list[str]) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        for h in handlers:
            root.removeHandler(h)
        assert main(argv) == 0
        assert root.level == logging.DEBUG
    finally:
        for h in root.handlers[:]:
            root.removeHandler(h)
        for h in handlers:
            root.addHandler(h)
        root.setLevel(level)


def test_readme_does_not_promise_logs_without_text_at_debug() -> None:
    assert "Logs never contain the text of a post.\n" not in README
    assert "-vv" in README and "may show them" in README


def test_command_table_options_exist() -> None:
    """Every option the README's command table shows is one its command takes."""
    import argparse

    from postguard.cli import _parser

    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    rows = re.findall(r"^\| `postguard (\w+) ([^`]*)` \|", README, re.M)
    assert {name for name, _ in rows} >= {"scan", "batch", "serve"}
    for name, usage in rows:
        if name == "casebook":  # its subcommands take the options
            continue
        known = {o for a in commands.choices[name]._actions for o in a.option_strings}
        for option in re.findall(r"--[a-z-]+", usage):
            assert option in known, f"README shows postguard {name} {option}"
