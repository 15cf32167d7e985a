"""Conversations in `postguard batch`: one author's messages of a thread are judged together
in input order, with one worker or several, across chunks, and after a resume."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postguard.batch import run_batch
from postguard.model import Post
from postguard.screener import Screener

GROOMING = [  # each harmless-looking alone (allowed); together: isolation and private contact
    "hey, saw your drawing on the art page, really talented",
    "do you have your own room at home?",
    "do your parents ever read your messages?",
    "what are you doing this weekend?",
    "do you get on with your mum and dad?",
]
FILLER = ["The library closes at 5 today.", "Football practice moves to the small pitch.",
          "Well done to everyone who finished the reading challenge!",
          "Lunch menu: pasta bake or jacket potatoes."]
CONVERSATION = ("PG710", "PG711", "PG712")


def _archive(path: Path, spread: int) -> list[str]:
    """Filler posts with the grooming thread's lines spread `spread` posts apart (so that they
    land in different chunks) and another thread by a child in between."""
    rows = []
    n = 0
    for i, line in enumerate(GROOMING):
        rows.append({"id": f"g{i}", "text": line,
                     "metadata": {"thread": "T1", "author": "stranger", "direction": "inbound"}})
        rows.append({"id": f"c{i}", "text": "ok see you at school tomorrow",
                     "metadata": {"thread": "T1", "author": "child", "direction": "inbound"}})
        for _ in range(spread):
            rows.append({"id": f"f{n}", "text": FILLER[n % len(FILLER)]})
            n += 1
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [r["id"] for r in rows]


def _reports(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _conversation_ids(reports: list[dict[str, object]]) -> list[str]:
    return [str(r["id"]) for r in reports
            if any(f["code"] in CONVERSATION for f in r["findings"])]  # type: ignore[attr-defined]


def _alone() -> list[str]:
    """What screening the stranger's lines one by one in a Screener finds (the reference)."""
    screener = Screener()
    found = []
    for i, line in enumerate(GROOMING):
        report = screener.screen(Post(text=line, id=f"g{i}", metadata={
            "thread": "T1", "author": "stranger", "direction": "inbound"}))
        if any(f.code in CONVERSATION for f in report.findings):
            found.append(f"g{i}")
    return found


@pytest.mark.parametrize("workers", [1, 2])
def test_threads_are_judged_together_in_order(tmp_path: Path, workers: int) -> None:
    src = tmp_path / "in.jsonl"
    ids = _archive(src, spread=130)  # > 256 posts: the thread spans several chunks
    out = tmp_path / f"out{workers}.jsonl"
    run_batch([str(src)], str(out), workers=workers, progress=False)
    reports = _reports(out)
    assert [r["id"] for r in reports] == ids
    flagged = _conversation_ids(reports)
    assert flagged, "the conversation was never judged"
    assert flagged == _alone()  # the same as one Screener reading the thread in order
    assert all(i.startswith("g") for i in flagged)  # the child's lines are not the stranger's
    assert all(r["verdict"] == "allow" for r in reports if str(r["id"]).startswith("f"))


def test_a_resumed_run_remembers_the_thread(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _archive(src, spread=2)
    full = tmp_path / "full.jsonl"
    run_batch([str(src)], str(full), progress=False)
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(lines[:9]), encoding="utf-8")  # stopped after the 3rd stranger line
    run_batch([str(src)], str(cut), resume=True, progress=False)
    assert _conversation_ids(_reports(cut)) == _conversation_ids(_reports(full))
