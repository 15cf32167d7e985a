"""The HTML report without a browser: entries, escaping, highlighting, thumbnails."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from postguard.batch import BatchSummary
from postguard.model import Category, Finding, Post, Report, Severity, Verdict
from postguard.reports.html import _segments, html_entry, write_html


def _finding(start: int | None, end: int | None, action: Verdict = Verdict.BLOCK,
             source: str = "text", box: tuple[int, int, int, int] | None = None) -> Finding:
    return Finding(code="PG101", detector="phone", category=Category.PHONE,
                   severity=Severity.HIGH, score=0.9, message="phone <number>", source=source,
                   start=start, end=end, box=box, action=action)


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=60), raw=st.lists(st.tuples(st.integers(0, 60),
                                                         st.integers(1, 20)), max_size=5))
def test_segments_cover_the_text_exactly(text: str, raw: list[tuple[int, int]]) -> None:
    spans = [(s, min(s + n, len(text))) for s, n in raw if s < len(text)]
    findings = tuple(_finding(s, e) for s, e in spans if s < e)
    report = Report(id="x", verdict=Verdict.BLOCK, findings=findings, redacted_text="")
    segs = _segments(text, report)
    assert "".join(run for run, _ in segs) == text
    marked = sum(len(run) for run, mark in segs if mark is not None)
    assert marked == len({i for s, e in spans for i in range(s, e)})


def test_page_escapes_post_text_and_loads_nothing(tmp_path: Path) -> None:
    text = 'call <b onclick="x()">07911 123456</b> & "quote"'
    start = text.index("07911")
    report = Report(id='<id "1">', verdict=Verdict.BLOCK,
                    findings=(_finding(start, start + 12),), redacted_text="r <i>")
    entry = html_entry(Post(text=text), report)
    page = tmp_path / "r.html"
    summary = BatchSummary(total=1)
    summary.verdicts["block"] = 1
    write_html(str(page), [entry], summary)
    html = page.read_text()
    assert '<b onclick' not in html and "&lt;b onclick=&quot;x()&quot;&gt;" in html
    assert "&lt;id &quot;1&quot;&gt;" in html and "phone &lt;number&gt;" in html
    assert re.search(r'<mark class="block"[^>]*>07911 123456<sup>1</sup></mark>', html)
    assert not re.search(r'(src|href)="(?!data:)', html)  # no external asset at all
    assert "default-src 'none'" in html


def test_thumbnail_draws_the_boxes(tmp_path: Path) -> None:
    photo = tmp_path / "p.png"
    Image.new("RGB", (1000, 500), (255, 255, 255)).save(photo)
    report = Report(id="1", verdict=Verdict.BLOCK, redacted_text="",
                    findings=(_finding(None, None, source="image:0", box=(100, 100, 400, 300)),))
    entry = html_entry(Post(images=(str(photo), str(tmp_path / "gone.png"))), report)
    (thumb,) = entry["thumbs"]  # the missing photo is in the errors, not a thumbnail
    assert thumb["boxes"] == 1
    data = base64.b64decode(thumb["data"].split(",", 1)[1])
    with Image.open(io.BytesIO(data)) as im:
        assert max(im.size) == 360
        scale = im.width / 1000
        r, g, b = im.convert("RGB").getpixel((int(100 * scale) + 1, int(200 * scale)))
        assert r > 150 and g < 100 and b < 100  # the red outline on the left edge
        assert im.convert("RGB").getpixel((int(250 * scale), int(200 * scale)))[1] > 200


def test_cap_on_posts_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import postguard.reports.html as mod

    monkeypatch.setattr(mod, "MAX_POSTS", 2)
    entry = html_entry(None, Report(id="e", verdict=Verdict.REVIEW, findings=(),
                                    redacted_text=""))
    summary = BatchSummary(total=5)
    summary.verdicts["review"] = 5
    page = tmp_path / "r.html"
    write_html(str(page), [entry] * 5, summary)
    html = page.read_text()
    assert html.count('<article class="post"') == 2
    assert "This page shows 2 of the 5 posts needing action" in html
    assert "3 are left out" in html


def test_blocked_first_left_out_named_and_counts_agree(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 14, point 5: a page that cannot hold every post keeps the blocked ones, says how
    many it left out and where the full list is, and its filter counts agree with its header."""
    import json as _json

    import postguard.reports.html as mod
    from postguard.cli import main

    monkeypatch.setattr(mod, "MAX_POSTS", 4)
    src = tmp_path / "in.jsonl"
    rows = []
    for i in range(12):  # review, review, block, review, review, block ...
        text = "text me on 07911 123456" if i % 3 == 2 else "omg lol see u there"
        rows.append(_json.dumps({"id": f"p{i}", "text": text}))
    src.write_text("\n".join(rows) + "\n")
    out, page = tmp_path / "out.jsonl", tmp_path / "r.html"
    assert main(["batch", str(src), "--out", str(out), "--html", str(page)]) == 1
    html = page.read_text()
    shown = re.findall(r'<article class="post" data-verdict="(\w+)"', html)
    assert shown == ["block"] * 4  # 4 of the 4 blocked, before any review
    assert "This page shows 4 of the 12 posts needing action" in html
    assert "8 are left out" in html and str(out) in html
    assert "block (4)" in html and "review (0 shown of 8)" in html
    assert "review 8, block 4." in html  # the header, from the summary


def test_escalation_is_shown_and_escaped(tmp_path: Path) -> None:
    report = Report(id="e1", verdict=Verdict.BLOCK, findings=(_finding(0, 4),),
                    redacted_text="", escalate=True, escalation="a <disclosure>")
    calm = Report(id="e2", verdict=Verdict.BLOCK, findings=(_finding(0, 4),), redacted_text="")
    page = tmp_path / "r.html"
    summary = BatchSummary(total=2)
    summary.verdicts["block"] = 2
    write_html(str(page), [html_entry(Post(text="text"), report),
                           html_entry(Post(text="text"), calm)], summary)
    html = page.read_text()
    assert html.count('<p class="escalate">') == 1
    assert "safeguarding lead now:</b> a &lt;disclosure&gt;" in html


@pytest.mark.parametrize(("total", "need", "says"), [
    (1, 1, ["1 post screened", "1 needs action", '<span id="shown">1 post</span>']),
    (1, 0, ["1 post screened", "0 need action", '<span id="shown">0 posts</span>']),
    (2, 2, ["2 posts screened", "2 need action", '<span id="shown">2 posts</span>']),
    (1500, 1200, ["1,500 posts screened", "1,200 need action",
                  '<span id="shown">1,200 posts</span>']),
])
def test_counts_are_singular_or_plural(tmp_path: Path, total: int, need: int,
                                       says: list[str]) -> None:
    """Issue 14, point 9: '1 posts' in the page's header and its count of posts shown."""
    entry = html_entry(None, Report(id="e", verdict=Verdict.REVIEW, findings=(),
                                    redacted_text=""))
    summary = BatchSummary(total=total)
    summary.verdicts["review"] = need
    summary.verdicts["allow"] = total - need
    page = tmp_path / "r.html"
    write_html(str(page), [entry] * need, summary)
    html = page.read_text()
    for phrase in says:
        assert phrase in html
    assert not re.search(r"\b1 posts\b", html) and "1 need action" not in html.replace(
        "1,200 need action", "")
