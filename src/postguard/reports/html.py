"""The HTML report of a batch run: one self-contained page for staff, readable offline.

It lists the posts that need action (verdict review or block) with their text, the findings
highlighted, thumbnails of their photos with the findings' boxes drawn (inline data URIs),
the suggestions and the redacted text, and filters by verdict and category. Nothing is
loaded from anywhere: CSS and the small filter script are inline, and a Content Security
Policy forbids every other source. Every string from a post is HTML-escaped.

`html_entry(post, report)` turns one post into a JSON-able entry (run in the worker that
screened it); `write_html(path, entries, summary)` streams the entries into the page.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from html import escape
from typing import Any

from ..errors import InputError
from ..model import Post, Report, Verdict
from ..render import source_label

#: Posts shown on the page; the JSONL holds them all.
MAX_POSTS = 5000
#: Characters of a post's text shown; findings further on are listed, not highlighted.
MAX_TEXT = 20_000
THUMB_SIDE = 360


def _segments(text: str, report: Report) -> list[list[Any]]:
    """The text cut into plain runs and marked runs ({action, n, title})."""
    spans = sorted(
        (f.start, f.end, i + 1, f)
        for i, f in enumerate(report.findings)
        if f.source == "text" and f.start is not None and f.end is not None
        and f.end <= MAX_TEXT
    )
    merged: list[list[Any]] = []  # [start, end, [numbers], strongest action, [titles]]
    for s, e, n, f in spans:
        action = f.action or Verdict.REVIEW
        title = f"{f.code} {f.category.value}: {f.message}"
        if merged and s < merged[-1][1]:
            m = merged[-1]
            m[1] = max(m[1], e)
            m[2].append(n)
            m[4].append(title)
            if action.rank > Verdict(m[3]).rank:
                m[3] = action.value
        else:
            merged.append([s, e, [n], action.value, [title]])
    out: list[list[Any]] = []
    pos = 0
    shown = text[:MAX_TEXT]
    for s, e, numbers, action, titles in merged:
        if s > pos:
            out.append([shown[pos:s], None])
        out.append([shown[s:e], {"action": action, "n": numbers, "title": "; ".join(titles)}])
        pos = e
    if pos < len(shown):
        out.append([shown[pos:], None])
    return out


def _thumbnail(src: Any, index: int, boxes: list[tuple[int, int, int, int]]) -> dict[str, Any]:
    """A small JPEG of image `index` as a data URI, with `boxes` (original pixels) drawn."""
    from PIL import Image, ImageDraw

    try:
        try:
            from ..images import load as images_load
        except ImportError:  # the image package is not there: a plain Pillow decode
            images_load = None  # type: ignore[assignment]
        if images_load is not None:
            loaded = images_load.load_image(src, index, long_side=THUMB_SIDE)
            img, width, height = loaded.image.copy(), loaded.width, loaded.height
        else:
            with Image.open(src if isinstance(src, str) else io.BytesIO(src)) as raw:
                raw.draft("RGB", (THUMB_SIDE, THUMB_SIDE))
                img = raw.convert("RGB")
                width, height = raw.size
            img.thumbnail((THUMB_SIDE, THUMB_SIDE))
    except InputError as exc:
        return {"index": index, "error": str(exc)}
    except Exception as exc:
        name = os.path.basename(src) if isinstance(src, str) else f"image {index + 1}"
        return {"index": index, "error": f"{name}: cannot be shown ({type(exc).__name__})"}
    sx, sy = img.width / max(width, 1), img.height / max(height, 1)
    draw = ImageDraw.Draw(img)
    for x0, y0, x1, y1 in boxes:
        draw.rectangle((x0 * sx, y0 * sy, x1 * sx, y1 * sy), outline=(220, 0, 0), width=3)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return {"index": index, "data": "data:image/jpeg;base64," + data, "boxes": len(boxes)}


def html_entry(post: Post | None, report: Report) -> dict[str, Any]:
    """What the page shows of one post (JSON-able, built where the post was screened)."""
    text = post.text if post is not None else ""
    findings = []
    boxes: dict[int, list[tuple[int, int, int, int]]] = {}
    for i, f in enumerate(report.findings, 1):
        findings.append({
            "n": i, "code": f.code, "category": f.category.value,
            "action": (f.action or Verdict.REVIEW).value, "message": f.message,
            "source": source_label(f.source),
            "suggestion": f.suggestion.to_dict() if f.suggestion else None,
        })
        if f.box is not None and f.source.startswith("image:"):
            with contextlib.suppress(ValueError):
                boxes.setdefault(int(f.source.split(":", 1)[1]), []).append(f.box)
    thumbs = []
    if post is not None:
        for i, src in enumerate(post.images):
            if isinstance(src, str) and not os.path.isfile(src):
                continue  # the report's errors already say so
            thumbs.append(_thumbnail(src, i, boxes.get(i, [])))
    return {
        "id": str(report.id), "verdict": report.verdict.value,
        "categories": sorted({f.category.value for f in report.findings}),
        "segments": _segments(text, report), "truncated": len(text) > MAX_TEXT,
        "findings": findings, "thumbs": thumbs,
        "redacted": report.redacted_text if report.redacted_text != text else None,
        "errors": [e.message for e in report.errors],
        "escalation": report.escalation if report.escalate else None,
    }


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f4f4f1}
header,nav,main{max-width:1000px;margin:0 auto;padding:0 16px}
h1{font-size:22px;margin:18px 0 4px}
nav{position:sticky;top:0;background:#f4f4f1;padding:8px 16px;border-bottom:1px solid #ccc}
nav fieldset{display:inline-block;border:0;margin:0 16px 0 0;padding:0}
nav legend{font-weight:600;float:left;margin-right:6px}
article{background:#fff;border:1px solid #ddd;border-left:6px solid #e0a800;margin:14px 0;
padding:10px 14px;border-radius:4px}
article[data-verdict=block]{border-left-color:#c62828}
article h2{font-size:15px;margin:0 0 6px}
.verdict{display:inline-block;padding:1px 7px;border-radius:3px;font-size:12px;color:#fff}
.verdict.block{background:#c62828}.verdict.review{background:#b28704}
.escalate{background:#fde7e7;border:1px solid #c62828;padding:4px 8px;margin:6px 0}
.text{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;padding:8px;
border-radius:3px}
mark{background:#ffe08a;border-bottom:2px solid #b28704;padding:0 1px}
mark.block{background:#ffcdd2;border-bottom-color:#c62828}
mark sup{font-size:10px;color:#555}
ol.findings{margin:8px 0;padding-left:22px}
.code{font-family:ui-monospace,monospace;font-size:13px}
figure{display:inline-block;margin:6px 8px 0 0}
figure img{max-width:360px;border:1px solid #ccc}
figcaption{font-size:12px;color:#555}
.errors{color:#8a1c1c}
pre{white-space:pre-wrap;word-wrap:break-word}
.hidden{display:none}
"""

_JS = """
(function(){
  var posts=document.querySelectorAll('article.post');
  var boxes=document.querySelectorAll('input[name=verdict]');
  var cat=document.getElementById('category');
  var shown=document.getElementById('shown');
  function apply(){
    var want={};boxes.forEach(function(b){want[b.value]=b.checked;});
    var c=cat.value,n=0;
    posts.forEach(function(p){
      var ok=want[p.dataset.verdict]&&(!c||p.dataset.categories.split(' ').indexOf(c)>=0);
      p.classList.toggle('hidden',!ok);if(ok){n++;}
    });
    shown.textContent=n+' of '+posts.length+(posts.length===1?' post':' posts')+' shown';
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  cat.addEventListener('change',apply);
  apply();
})();
"""

_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'")


def _article(e: dict[str, Any]) -> str:
    verdict = escape(e["verdict"])
    parts = [f'<article class="post" data-verdict="{verdict}" '
             f'data-categories="{escape(" ".join(e["categories"]))}">',
             f'<h2><span class="verdict {verdict}">{verdict.upper()}</span> '
             f'<span class="code">{escape(e["id"])}</span></h2>']
    if e.get("escalation"):
        parts.append('<p class="escalate"><b>Escalate to the designated safeguarding lead '
                     f'now:</b> {escape(e["escalation"])}</p>')
    text = []
    for run, mark in e["segments"]:
        if mark is None:
            text.append(escape(run))
        else:
            nums = ",".join(str(n) for n in mark["n"])
            text.append(f'<mark class="{escape(mark["action"])}" title="{escape(mark["title"])}"'
                        f'>{escape(run)}<sup>{nums}</sup></mark>')
    if text:
        parts.append('<div class="text">' + "".join(text) + "</div>")
    if e.get("truncated"):
        parts.append(f"<p><i>Text shortened to {MAX_TEXT:,} characters.</i></p>")
    if e["thumbs"]:
        parts.append('<div class="images">')
        for t in e["thumbs"]:
            label = f"image {t['index'] + 1}"
            if "data" in t:
                parts.append(f'<figure><img src="{escape(t["data"])}" alt="{label}">'
                             f'<figcaption>{label}: {t["boxes"]} marked</figcaption></figure>')
            else:
                parts.append(f'<figure><figcaption>{label}: {escape(t["error"])}'
                             "</figcaption></figure>")
        parts.append("</div>")
    if e["findings"]:
        parts.append('<ol class="findings">')
        for f in e["findings"]:
            line = (f'<li value="{int(f["n"])}" data-category="{escape(f["category"])}">'
                    f'<span class="code">{escape(f["code"])}</span> '
                    f'<b>{escape(f["category"])}</b> ({escape(f["action"])}, '
                    f'{escape(f["source"])}): {escape(f["message"])}')
            s = f.get("suggestion")
            if s:
                line += f' &mdash; suggest <i>{escape(s["action"])}</i>'
                if s.get("replacement"):
                    line += f' &rarr; <span class="code">{escape(s["replacement"])}</span>'
            parts.append(line + "</li>")
        parts.append("</ol>")
    if e["errors"]:
        parts.append('<ul class="errors">' + "".join(
            f"<li>{escape(m)}</li>" for m in e["errors"]) + "</ul>")
    if e.get("redacted") is not None:
        parts.append("<details><summary>Redacted text</summary><pre>"
                     f"{escape(e['redacted'])}</pre></details>")
    parts.append("</article>")
    return "\n".join(parts)


def write_html(path: str, entries: Iterable[dict[str, Any]], summary: Any, *,
               jsonl: str | None = None) -> None:
    """Write the page: `entries` from `html_entry` (the page keeps the first MAX_POSTS:
    give blocked posts first), `summary` a `batch.BatchSummary`, `jsonl` where the reports
    of every post are (named on the page when some are left out; "-" is standard output)."""
    tmp = path + ".tmp"
    shown = 0
    try:
        with open(tmp, "w", encoding="utf-8", errors="backslashreplace") as body:
            cats: Counter[str] = Counter()
            verdicts: Counter[str] = Counter()
            for e in entries:
                if shown >= MAX_POSTS:
                    continue
                shown += 1
                cats.update(e["categories"])
                verdicts[e["verdict"]] += 1
                body.write(_article(e) + "\n")
        with open(path, "w", encoding="utf-8") as out, open(tmp, encoding="utf-8") as body_in:
            out.write(_head(summary, verdicts, cats, shown, jsonl))
            while chunk := body_in.read(1 << 16):
                out.write(chunk)
            out.write(f"</main>\n<script>{_JS}</script>\n</body>\n</html>\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot write the HTML report ({exc.strerror})",
                         source=path) from None
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _head(summary: Any, verdicts: Counter[str], cats: Counter[str], shown: int,
          jsonl: str | None = None) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    counts = ", ".join(f"{v.value} {summary.verdicts[v.value]:,}" for v in Verdict)
    need = summary.verdicts["review"] + summary.verdicts["block"]
    more = ""
    if need > shown:
        where = ("the JSONL reports written to standard output" if jsonl in (None, "-")
                 else f"the JSONL reports, {jsonl}")
        more = (f'<p id="left-out">This page shows {shown:,} of the {need:,} posts needing '
                f"action, blocked posts first ({verdicts['block']:,} of "
                f"{summary.verdicts['block']:,} blocked, {verdicts['review']:,} of "
                f"{summary.verdicts['review']:,} for review); {need - shown:,} are left out. "
                f"The full list is in {escape(where)} (one report per post).</p>")

    def of(shown_n: int, total: int) -> str:
        return f"{shown_n:,}" if shown_n == total else f"{shown_n:,} shown of {total:,}"

    verdict_boxes = "".join(
        f'<label><input type="checkbox" name="verdict" value="{v}" checked> {v} '
        f"({of(verdicts[v], summary.verdicts[v])})</label> " for v in ("block", "review"))
    suffix = " shown" if need > shown else ""
    options = "".join(f'<option value="{escape(c)}">{escape(c)} ({n:,}{suffix})</option>'
                      for c, n in sorted(cats.items()))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>postguard report</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>postguard report</h1>
<p id="summary">{_count(summary.total, "post")} screened: {counts}. {need:,} \
{"needs" if need == 1 else "need"} action.
Generated {when}.</p>
{more}
</header>
<nav id="filters">
<fieldset><legend>Verdict</legend>{verdict_boxes}</fieldset>
<fieldset><legend>Category</legend><select id="category"><option value="">all categories
</option>{options}</select></fieldset>
<span id="shown">{_count(shown, "post")}</span>
</nav>
<main>
"""
