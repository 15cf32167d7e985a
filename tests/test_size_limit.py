"""Issue 14, point 1: every per-post step is linear in the post's size, and one size limit
(postguard.limits) is shared by the library, `scan`, `batch` and the service."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linear import assert_linear

import postguard
from postguard import escalation
from postguard.cli import main
from postguard.errors import InputError
from postguard.limits import MAX_TEXT_BYTES, check_text_size, text_size_problem
from postguard.model import Category, Finding, Severity

_CATS = [Category.PERSON_NAME, Category.SCHOOL, Category.ADDRESS, Category.EMAIL,
         Category.PHONE, Category.LOCATION]


def _naive_resolve(findings: list[Finding]) -> list[Finding]:
    """The rule, written the obvious (quadratic) way."""
    holders = [(f.source, f.start, f.end) for f in findings
               if f.category in escalation._CONTAINS_NAMES and f.start is not None]
    return [f for f in findings if not (
        f.category is Category.PERSON_NAME and f.start is not None and f.end is not None
        and any(src == f.source and s is not None and e is not None and s < f.end
                and f.start < e for src, s, e in holders))]


@st.composite
def _findings(draw: st.DrawFn) -> list[Finding]:
    out = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(st.integers(0, 60))
        out.append(Finding("PG999", "t", draw(st.sampled_from(_CATS)), Severity.MEDIUM, 0.9,
                           "m", source=draw(st.sampled_from(["text", "image:0"])),
                           start=start, end=start + draw(st.integers(1, 15))))
    return out


@settings(max_examples=300, deadline=None)
@given(_findings())
def test_resolve_keeps_the_rule(findings: list[Finding]) -> None:
    assert escalation.resolve(findings) == _naive_resolve(findings)


def _names_and_places(n: int) -> list[Finding]:
    out = []
    for i in range(n):
        out.append(Finding("PG999", "t", Category.PERSON_NAME, Severity.MEDIUM, 0.9, "m",
                           start=100 * i, end=100 * i + 9))
        out.append(Finding("PG999", "t", Category.SCHOOL, Severity.MEDIUM, 0.9, "m",
                           start=100 * i + 20, end=100 * i + 40))
    return out


def test_resolve_grows_linearly() -> None:
    # 10,000 names and places: the old pairwise comparison took about a minute here.
    assert_linear(escalation.resolve, _names_and_places(1_000), _names_and_places(10_000),
                  repeats=3, slack=0.2)


def test_screening_grows_linearly_with_the_post() -> None:
    screener = postguard.Screener()
    unit = ("Amy Smith and Tom Jones from Hove Park School met at 12 Mary Street, Brighton "
            "BN3 1AA; ring 07911 123456. ")
    runs = iter(range(10**6))
    assert_linear(lambda n: screener.screen(unit * n + f" {next(runs)}"), 150, 1500,
                  repeats=1, slack=0.5)


@pytest.mark.parametrize(("text", "over"), [
    ("a" * MAX_TEXT_BYTES, False),
    ("a" * (MAX_TEXT_BYTES + 1), True),
    ("\u00e9" * (MAX_TEXT_BYTES // 2), False),          # 2 bytes each: exactly the limit
    ("\u00e9" * (MAX_TEXT_BYTES // 2 + 1), True),
    ("\U0001f600" * (MAX_TEXT_BYTES // 4 + 1), True),   # few characters, many bytes
    ("", False),
])
def test_limit_counts_utf8_bytes(text: str, over: bool) -> None:
    assert (text_size_problem(text) is not None) is over


def test_library_refuses_never_truncates() -> None:
    text = "x " * MAX_TEXT_BYTES
    with pytest.raises(InputError, match=r"post 'p1': the text is 2\.0 MB .*at most 1\.0 MB"):
        postguard.Screener().screen(text, id="p1")
    # No limit when asked; the phone past the old service cut-off is found.
    report = postguard.Screener(detectors=["phone"], max_text_bytes=None).screen(
        "x " * 150_000 + "ring 07911 123456")
    assert report.verdict.value == "block"
    check_text_size("short")  # no error


def test_scan_over_the_limit_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * (MAX_TEXT_BYTES // 4), encoding="utf-8")
    assert main(["scan", str(big)]) == 2
    err = capsys.readouterr().err
    assert "1.2 MB" in err and "at most 1.0 MB" in err and "word" not in err


def test_batch_over_the_limit_is_an_error_report(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    lines = [{"id": "a", "text": "Ring 07911 123456"},
             {"id": "big", "text": "word " * (MAX_TEXT_BYTES // 4)},
             {"id": "c", "text": "Lovely day"}]
    posts.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["batch", str(posts), "--out", str(out)])
    reports = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in reports] == ["a", "big", "c"]
    assert reports[1]["errors"] and "at most 1.0 MB" in reports[1]["errors"][0]["message"]
    assert reports[1]["verdict"] == "review" and reports[2]["verdict"] == "allow"
    assert code == 2  # a post not screened: exit 2, whatever the others' verdicts


def test_service_refuses_over_the_limit() -> None:
    httpx = pytest.importorskip("httpx")
    pytest.importorskip("starlette")
    import anyio

    from postguard.server import create_app

    app = create_app({"detectors": {"enabled": ["phone"]}})
    rng = random.Random(1)
    text = "".join(rng.choice("ab ") for _ in range(MAX_TEXT_BYTES + 10))

    async def go() -> object:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pg") as client:
            return await client.post("/v1/screen", json={"text": text})

    r = anyio.run(go)
    assert r.status_code == 413  # type: ignore[attr-defined]
    body = r.json()["error"]  # type: ignore[attr-defined]
    assert body["code"] == "text_too_long" and "at most 1.0 MB" in body["message"]


def test_span_index_matches_pairwise() -> None:
    from postguard.spans import SpanIndex

    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(1, 9)) for s in rng.sample(range(80), rng.randint(0, 12))]
        index = SpanIndex(spans)
        for a in range(0, 90, 3):
            b = a + rng.randint(1, 6)
            assert index.overlaps(a, b) == any(s < b and a < e for s, e in spans)


def test_person_names_grow_linearly() -> None:
    # Thousands of name candidates, some the model decides, in one post: the candidates were
    # matched against every model entity, and the whole text re-read for each one.
    from postguard.detectors.names import PersonNameDetector

    det = PersonNameDetector(postguard.Policy.default())
    unit = ("Zorvan Quellick sang 'Happy Days Are Here' with Amy Smith; Petra Wunsk "
            "read aloud.\n")
    assert_linear(lambda n: list(det.detect_text(unit * n)), 200, 2000, repeats=1, slack=0.3)
