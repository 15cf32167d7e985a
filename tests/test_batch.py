"""`postguard batch`: order, ids, bad input, exit codes, reports, and resuming after a kill."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from postguard.batch import check_images, run_batch
from postguard.cli import main
from postguard.model import Post, Report, Verdict
from postguard.reports.jsonl import prepare_resume
from postguard.reports.progress import Progress

PHONE = "Any problems, ring me on 07911 123456 tonight"
CLEAN = "A lovely afternoon of football with the under 12s"


@pytest.fixture
def policy(tmp_path: Path) -> str:
    """Only the phone detector: these tests are about batching, not detection."""
    p = tmp_path / "policy.toml"
    p.write_text('[detectors]\nenabled = ["phone"]\n')
    return str(p)


def _jsonl(path: Path, n: int, *, extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"p{i}", "text": PHONE if i % 3 == 0 else CLEAN}) + "\n")
        for line in extra:
            fh.write(line + "\n")
    return path


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


@pytest.mark.parametrize("n", [500, 3000])  # 3000: the parent screens chunks too
def test_reports_in_input_order_with_ids_and_workers_agree(tmp_path: Path, policy: str,
                                                           n: int) -> None:
    src = _jsonl(tmp_path / "in.jsonl", n)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["batch", str(src), "--out", str(one), "--policy", policy]) == 1
    assert main(["batch", str(src), "--out", str(two), "--policy", policy,
                 "--workers", "2"]) == 1
    assert _ids(one) == [f"p{i}" for i in range(n)]
    assert one.read_bytes() == two.read_bytes()
    verdicts = [json.loads(line)["verdict"] for line in one.read_text().splitlines()]
    assert verdicts[:3] == ["block", "allow", "allow"]


@pytest.mark.parametrize(("fail_on", "texts", "code"), [
    ("block", [CLEAN], 0),
    ("block", [CLEAN, PHONE], 1),
    ("review", [CLEAN], 0),
    # A post that could not be screened makes the run exit 2 whatever --fail-on says
    # (issue 14: under the default --fail-on block it was a silent 0).
    ("review", ["{broken"], 2),
    ("block", ["{broken"], 2),
    ("block", [CLEAN, "{broken", PHONE], 2),
])
def test_exit_codes(tmp_path: Path, policy: str, fail_on: str, texts: list[str],
                    code: int) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join((t if t.startswith("{") else json.dumps({"text": t})) + "\n"
                           for t in texts))
    assert main(["batch", str(src), "--out", str(tmp_path / "o.jsonl"), "--policy", policy,
                 "--fail-on", fail_on]) == code


def test_malformed_line_keeps_its_place(tmp_path: Path, policy: str) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 2, extra=['{"id": "bad", "text": 5}', "{oops",
                                                   json.dumps({"id": "last", "text": CLEAN})])
    out = tmp_path / "o.jsonl"
    main(["batch", str(src), "--out", str(out), "--policy", policy])
    reports = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in reports] == ["p0", "p1", "bad", "in.jsonl:4", "last"]
    assert reports[2]["verdict"] == "review" and reports[2]["errors"]
    assert "not valid JSON" in reports[3]["errors"][0]["message"]


def test_missing_and_remote_images_are_errors_not_passes(tmp_path: Path) -> None:
    img = tmp_path / "ok.png"
    Image.new("RGB", (8, 8)).save(img)
    post = Post(text="x", images=(str(img), str(tmp_path / "gone.jpg"), "https://e.x/a.jpg"))
    report = check_images(post, Report(id="1", verdict=Verdict.ALLOW, findings=(),
                                       redacted_text="x"))
    assert report.verdict is Verdict.REVIEW
    assert [(e.source, e.kind) for e in report.errors] == [("image:1", "missing"),
                                                           ("image:2", "not_screened")]


def test_unreadable_input_stops_with_one_line_and_keeps_earlier_reports(
        tmp_path: Path, policy: str, capsys: pytest.CaptureFixture[str]) -> None:
    good = _jsonl(tmp_path / "good.jsonl", 3)
    broken = tmp_path / "tweets.js"
    broken.write_text('window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "a"}}, '
                      '{"tweet": ')
    out = tmp_path / "o.jsonl"
    assert main(["batch", str(good), str(broken), "--out", str(out), "--policy", policy]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tweets.js: broken export" in err[0]
    assert _ids(out) == ["p0", "p1", "p2", "1"]


def test_missing_input_fails_before_writing(tmp_path: Path, policy: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    out.write_text("keep me\n")
    assert main(["batch", str(tmp_path / "nope.jsonl"), "--out", str(out),
                 "--policy", policy]) == 2
    assert "nope.jsonl: no such file" in capsys.readouterr().err
    assert out.read_text() == "keep me\n"


def test_summary_on_stderr_and_csv(tmp_path: Path, policy: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 6, extra=[json.dumps({"id": "=cmd()", "text": "x"})])
    out, table = tmp_path / "o.jsonl", tmp_path / "s.csv"
    main(["batch", str(src), "--out", str(out), "--policy", policy, "--csv", str(table)])
    err = capsys.readouterr().err
    assert "7 posts: allow 5, review 0, block 2" in err
    assert "posts by category: phone 2" in err
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    rows = list(csv.DictReader(table.read_text().splitlines()))
    assert [r["id"] for r in rows][:2] == ["p0", "p1"]
    assert rows[0] == {"id": "p0", "verdict": "block", "findings": "1", "categories": "phone",
                       "codes": "PG101", "errors": "0"}
    assert rows[-1]["id"] == "'=cmd()"  # no formula injection into spreadsheets


def test_stdout_output(tmp_path: Path, policy: str, capsys: pytest.CaptureFixture[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 2)
    main(["batch", str(src), "--policy", policy])
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ["p0", "p1"]


@pytest.mark.parametrize("argv", [
    ["--resume"], ["--workers", "0"], ["--scheduler", "tcp://127.0.0.1:1"],
    ["--input-format", "myspace"],
])
def test_usage_errors(tmp_path: Path, policy: str, argv: list[str]) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 1)
    assert main(["batch", str(src), "--policy", policy, *argv]) == 2


def test_progress_line() -> None:
    class Tty:
        def __init__(self) -> None:
            self.text = ""

        def write(self, s: str) -> None:
            self.text += s

        def flush(self) -> None:
            pass

    bar = Progress(1000, Tty(), interval=0)  # type: ignore[arg-type]
    bar.start -= 10
    assert bar.line(500, bar.start + 10).endswith("500/1,000 posts  50/s  ETA 0:00:10")
    assert "ETA" not in Progress(None, Tty()).line(5, 1.0)  # type: ignore[arg-type]


def test_verbose_logs_progress_when_no_line_is_drawn(
        tmp_path: Path, policy: str, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """`-v` on a run whose stderr is not a terminal (a log file) logs how far it has got,
    never a post's text; without -v nothing is logged."""
    import logging

    import postguard.reports.progress as progress

    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)
    src = _jsonl(tmp_path / "in.jsonl", 3000)
    with caplog.at_level(logging.INFO, logger="postguard"):
        run_batch([str(src)], str(tmp_path / "out.jsonl"), policy=policy, progress=False)
    said = [r.getMessage() for r in caplog.records if r.name == "postguard.batch"]
    assert said[0] == f"reading {src} as jsonl"
    counts = [m for m in said if m.endswith("to go") or "posts screened" in m]
    assert counts and all(" of 3,000 posts screened, " in m for m in counts), said
    assert not any("07911" in m or "football" in m for m in said)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="postguard"):
        run_batch([str(src)], str(tmp_path / "out.jsonl"), policy=policy, progress=False)
    assert not [r for r in caplog.records if r.name == "postguard.batch"]


# -- resume -------------------------------------------------------------------------------

def test_resume_cuts_a_torn_line_and_reports_each_post_once(tmp_path: Path, policy: str) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 40)
    full = tmp_path / "full.jsonl"
    run_batch([str(src)], str(full), policy=policy)
    lines = full.read_bytes().splitlines(keepends=True)
    out = tmp_path / "o.jsonl"
    out.write_bytes(b"".join(lines[:13]) + lines[13][:25])  # killed mid-line
    assert prepare_resume(str(out)) == 13
    summary = run_batch([str(src)], str(out), policy=policy, resume=True)
    assert out.read_bytes() == full.read_bytes()
    assert summary.total == 40 and summary.resumed == 13


def test_resume_of_a_finished_run_adds_nothing(tmp_path: Path, policy: str) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 5)
    out = tmp_path / "o.jsonl"
    run_batch([str(src)], str(out), policy=policy)
    before = out.read_bytes()
    assert run_batch([str(src)], str(out), policy=policy, resume=True).resumed == 5
    assert out.read_bytes() == before


def test_resume_refuses_a_different_input(tmp_path: Path, policy: str) -> None:
    out = tmp_path / "o.jsonl"
    run_batch([str(_jsonl(tmp_path / "a.jsonl", 5))], str(out), policy=policy)
    other = tmp_path / "b.jsonl"
    other.write_text(json.dumps({"id": "zzz", "text": "x"}) + "\n")
    assert main(["batch", str(other), "--out", str(out), "--resume", "--policy", policy]) == 2


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    exe = os.path.join(os.path.dirname(sys.executable), "postguard")
    return subprocess.Popen([exe, *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def big_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """40,000 posts (about a second of work: the signal must come before the end), their
    uninterrupted reports, and the policy: shared by the kill tests."""
    tmp = tmp_path_factory.mktemp("big")
    policy = tmp / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    src = _jsonl(tmp / "in.jsonl", 40000)
    reference = tmp / "ref.jsonl"
    run_batch([str(src)], str(reference), policy=str(policy))
    return src, reference, str(policy)


@pytest.mark.parametrize(("sig", "workers"), [(signal.SIGKILL, "2"), (signal.SIGTERM, "2"),
                                             (signal.SIGINT, "1")])
def test_killed_run_resumes_to_the_same_output(tmp_path: Path, big_run: tuple[Path, Path, str],
                                               sig: int, workers: str) -> None:
    src, reference, policy = big_run
    out = tmp_path / "o.jsonl"
    args = ["batch", str(src), "--out", str(out), "--policy", policy, "--workers", workers]
    proc = _start(args)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 20_000) and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0, "the run finished before the signal: make the input larger"
    assert b"Traceback" not in err
    assert out.stat().st_size < reference.stat().st_size
    resumed = _start([*args, "--resume"])
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 1, err
    assert out.read_bytes() == reference.read_bytes()


def test_resume_rebuilds_csv_and_html_for_every_post(tmp_path: Path, policy: str) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 30)
    full = tmp_path / "full.jsonl"
    run_batch([str(src)], str(full), policy=policy)
    out = tmp_path / "o.jsonl"
    out.write_bytes(b"".join(full.read_bytes().splitlines(keepends=True)[:10]))
    table, page = tmp_path / "s.csv", tmp_path / "r.html"
    run_batch([str(src)], str(out), policy=policy, resume=True, csv=str(table), html=str(page))
    rows = list(csv.DictReader(table.read_text().splitlines()))
    assert [r["id"] for r in rows] == [f"p{i}" for i in range(30)]
    html = page.read_text()
    assert html.count('<article class="post"') == 10  # p0, p3, ... p27 have a phone
    assert html.count("<mark ") == 10  # resumed posts are highlighted too


def test_out_cannot_be_an_input(tmp_path: Path, policy: str) -> None:
    src = _jsonl(tmp_path / "in.jsonl", 2)
    before = src.read_bytes()
    assert main(["batch", str(src), "--out", str(src), "--policy", policy]) == 2
    assert src.read_bytes() == before


def test_workers_from_a_process_with_threads(tmp_path: Path, policy: str) -> None:
    """An application with threads gets forkserver workers, not fork: same reports."""
    src = _jsonl(tmp_path / "in.jsonl", 600)
    script = tmp_path / "app.py"
    script.write_text(
        "import sys, threading\n"
        "from postguard.batch import run_batch\n"
        "if __name__ == '__main__':\n"
        "    stop = threading.Event()\n"
        "    threading.Thread(target=stop.wait).start()\n"
        "    try:\n"
        "        run_batch([sys.argv[1]], sys.argv[2], policy=sys.argv[3], workers=2)\n"
        "    finally:\n"
        "        stop.set()\n")
    out, ref = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    subprocess.run([sys.executable, str(script), str(src), str(out), policy], check=True,
                   timeout=120, capture_output=True)
    run_batch([str(src)], str(ref), policy=policy)
    assert out.read_bytes() == ref.read_bytes()


class _Later:
    """An async result that is ready only after `polls` calls of ready()."""

    def __init__(self, value: list[int], polls: int) -> None:
        self.value, self.polls = value, polls

    def ready(self) -> bool:
        self.polls -= 1
        return self.polls < 0

    def get(self) -> list[int]:
        return self.value


@pytest.mark.parametrize(("queued", "window", "polls"), [
    (1, 4, 0), (1, 4, 5), (2, 3, 1), (2, 16, 100), (4, 8, 2), (1, 2, 0),
])
def test_shared_window_keeps_order_and_splits_work(queued: int, window: int,
                                                   polls: int) -> None:
    """Chunks go to the children while fewer than `queued` of theirs are outstanding, else
    to this process; results come back in input order, never more than `window` held."""
    from postguard.batch import shared_window

    chunks = [[i] for i in range(40)]
    where: list[str] = []
    held: list[int] = []

    def submit(chunk: list[int]) -> _Later:
        where.append("child")
        return _Later(chunk, polls)

    def here(chunk: list[int]) -> list[int]:
        where.append("here")
        return chunk

    def produce():  # type: ignore[no-untyped-def]
        for c in chunks:
            held.append(len(where))
            yield c

    out = []
    for result in shared_window(submit, here, produce(), queued=queued,  # type: ignore[arg-type]
                                window=window):
        out.extend(result)
        assert len(held) - len(out) <= window
    assert out == list(range(40))
    assert where.count("child") >= queued
    # slow children leave the rest to this process; instant ones take nearly everything
    if polls == 0:
        assert "here" not in where
    if polls >= 5:
        assert "here" in where
