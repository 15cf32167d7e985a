"""The casebook's pages as HTML strings: server-rendered, no script at all, every value
escaped. `pages.py` serves them; the look follows the stateless review page."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from html import escape
from typing import Any

from .rules import DECISIONS

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f4f1;color:#1b1b1b}
header{background:#243447;color:#fff;padding:8px 16px;display:flex;gap:16px;align-items:center}
header a{color:#fff}header form{margin-left:auto}
main{max-width:1000px;margin:0 auto;padding:12px 16px}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
.card{background:#fff;border:1px solid #ddd;border-radius:4px;padding:10px 14px;margin:10px 0}
.verdict{display:inline-block;padding:1px 8px;border-radius:3px;color:#fff;font-weight:600}
.allow{background:#2e7d32}.review{background:#b28704}.block{background:#c62828}
.status{font-weight:600}.escalated{color:#8a1c1c}
.text{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;padding:8px}
mark{background:#ffe08a;border-bottom:2px solid #b28704}
.procedure{background:#fdecea;border-color:#c62828}
.error{color:#8a1c1c;font-weight:600}.note{color:#2e5d2e;font-weight:600}
textarea,input[type=text],input[type=password]{font:inherit;padding:6px;box-sizing:border-box}
textarea{width:100%;min-height:70px}
svg{max-width:100%;max-height:420px;border:1px solid #ccc}
"""


def page(title: str, body: str, *, user: Any = None, csrf: str | None = None) -> str:
    nav = ""
    if user is not None:
        nav = (f'<header><strong>postguard casebook</strong><a href="/">Queue</a>'
               f'<a href="/audit">Audit log</a><span>{escape(user.name)} '
               f'({escape(user.role)})</span><form method="post" action="/signout">'
               f'<input type="hidden" name="csrf" value="{escape(csrf or "")}">'
               f'<button type="submit" id="signout">Sign out</button></form></header>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>{nav}"
            f"<main>{body}</main></body></html>")


def signin(csrf: str, message: str | None = None) -> str:
    error = f'<p class="error" id="error">{escape(message)}</p>' if message else ""
    return page("Sign in: postguard casebook", f"""<h1>Sign in</h1>{error}
<form method="post" action="/signin" class="card">
<input type="hidden" name="csrf" value="{escape(csrf)}">
<p><label for="name">Name</label><br><input type="text" id="name" name="name"
 autocomplete="username" required></p>
<p><label for="password">Password</label><br><input type="password" id="password"
 name="password" autocomplete="current-password" required></p>
<button type="submit" id="signin">Sign in</button></form>""")


def age(iso: str) -> str:
    try:
        seconds = (datetime.now(timezone.utc) - datetime.fromisoformat(iso)).total_seconds()
    except ValueError:
        return ""
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{int(seconds // size)} {unit}"
    return "just now"


def _verdict(v: str) -> str:
    return f'<span class="verdict {escape(v)}">{escape(v)}</span>'


def queue(items: Sequence[dict[str, Any]], user: Any, csrf: str) -> str:
    rows = "".join(
        f'<tr class="item" data-item="{escape(i["item_id"])}">'
        f'<td><a href="/items/{escape(i["item_id"])}">{escape(i["item_id"][:8])}</a></td>'
        f'<td>{escape(i["kind"])}</td>'
        f'<td class="status {escape(i["status"])}">{escape(i["status"])}</td>'
        f'<td>{_verdict(i["verdict"])}</td><td>{escape(", ".join(i["categories"]))}</td>'
        f'<td>{escape(age(i["created_at"]))}</td>'
        f'<td>{escape("; ".join(i.get("decided", [])))}</td></tr>' for i in items)
    table = (f"<table id=\"queue\"><tr><th>item</th><th>kind</th><th>status</th>"
             f"<th>verdict</th><th>categories</th><th>age</th><th>decided</th></tr>{rows}"
             f"</table>" if items else '<p id="empty">Nothing is waiting.</p>')
    lead = (" Escalated items come first: the designated safeguarding lead decides on them "
            "before anyone else." if user.role == "dsl" else "")
    return page("Queue: postguard casebook", f"<h1>Held and escalated items</h1>"
                f"<p>{len(items)} waiting.{lead}</p>{table}", user=user, csrf=csrf)


def _highlighted(text: str, findings: Sequence[dict[str, Any]]) -> str:
    spans = sorted({(f["start"], f["end"], f["category"]) for f in findings
                    if f.get("source") == "text" and isinstance(f.get("start"), int)
                    and isinstance(f.get("end"), int) and 0 <= f["start"] < f["end"]
                    <= len(text)})
    out, at = [], 0
    for start, end, category in spans:
        if start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f'<mark title="{escape(category)}">{escape(text[start:end])}</mark>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _photo(item_id: str, n: int, size: tuple[int, int] | None,
           findings: Sequence[dict[str, Any]]) -> str:
    src = f"/items/{escape(item_id)}/images/{n}"
    if size is None:
        return f'<p>photo {n + 1}: not an image postguard can show</p>'
    w, h = size
    boxes = "".join(
        f'<rect x="{b[0]}" y="{b[1]}" width="{max(b[2] - b[0], 1)}" '
        f'height="{max(b[3] - b[1], 1)}" fill="none" stroke="#c62828" stroke-width="'
        f'{max(w // 200, 2)}"><title>{escape(f["category"])}</title></rect>'
        for f in findings if f.get("source") == f"image:{n}" and isinstance(f.get("box"), list)
        and len(b := f["box"]) == 4 and all(isinstance(v, int) for v in b))
    return (f'<svg class="photo" viewBox="0 0 {w} {h}" role="img" aria-label="photo {n + 1}">'
            f'<image href="{src}" width="{w}" height="{h}"/>{boxes}</svg>')


def item(data: dict[str, Any], user: Any, csrf: str, sizes: Sequence[tuple[int, int] | None],
         *, error: str | None = None, note: str | None = None) -> str:
    report = data["report"]
    findings = report.get("findings", [])
    iid = data["item_id"]
    parts = [f'<h1>Item {escape(iid[:8])}</h1>']
    if error:
        parts.append(f'<p class="error" id="error">{escape(error)}</p>')
    if note:
        parts.append(f'<p class="note" id="note">{escape(note)}</p>')
    parts.append(f'<p>Status: <span class="status {escape(data["status"])}" id="status">'
                 f'{escape(data["status"])}</span> &middot; verdict {_verdict(data["verdict"])}'
                 f' &middot; {escape(data["kind"])} filed by {escape(data["filed_by"])}, '
                 f'{escape(age(data["created_at"]))} ago'
                 + (f' &middot; published ({escape(data["published_as"])})'
                    if data.get("published_as") and data["status"] == "published" else "")
                 + "</p>")
    if "reporting_procedure" in data:
        parts.append(f'<div class="card procedure" id="procedure"><strong>Escalated: '
                     f'{escape(data.get("escalation") or "to the safeguarding lead")}'
                     f'</strong><p>{escape(data["reporting_procedure"])}</p></div>')
    parts.append(f'<div class="card"><h2>The post</h2><div class="text" id="text">'
                 f'{_highlighted(data.get("text", ""), findings)}</div></div>')
    rows = "".join(f'<tr><td>{escape(f["code"])}</td><td>{escape(f["category"])}</td>'
                   f'<td>{escape(str(f.get("action") or ""))}</td>'
                   f'<td>{escape(f.get("message", ""))}</td></tr>' for f in findings)
    parts.append(f'<div class="card"><h2>Findings</h2><table id="findings"><tr><th>code</th>'
                 f'<th>category</th><th>action</th><th>why</th></tr>{rows}</table></div>')
    parts.append(f'<div class="card"><h2>Redacted preview</h2><div class="text" id="redacted">'
                 f'{escape(report.get("redacted_text", ""))}</div></div>')
    if sizes:
        parts.append('<div class="card"><h2>Photos</h2>' + "".join(
            _photo(iid, n, size, findings) for n, size in enumerate(sizes)) + "</div>")
    options = "".join(f'<option value="{d}">{d.replace("_", " ")}</option>' for d in DECISIONS)
    parts.append(f"""<form method="post" action="/items/{escape(iid)}/decide" class="card"
 id="decide"><h2>Decide</h2><input type="hidden" name="csrf" value="{escape(csrf)}">
<p><label for="decision">Decision</label> <select id="decision" name="decision">{options}
</select></p><p><label for="reason">Reason (required)</label>
<textarea id="reason" name="reason" required></textarea></p>
<p><label for="informed">Who was informed, and how (optional)</label><br>
<input type="text" id="informed" name="informed" size="70"></p>
<button type="submit" id="submit-decision">Record the decision</button></form>""")
    history = "".join(
        f'<tr><td>{escape(d["at"][:19].replace("T", " "))}</td><td>{escape(d["user"])}</td>'
        f'<td>{escape(d["decision"])}</td><td>{escape(d["reason"])}</td>'
        f'<td>{escape("; ".join(d["informed"]))}</td><td>{escape(d["status_after"])}</td></tr>'
        for d in data.get("decisions", []))
    parts.append(f'<div class="card"><h2>History</h2><table id="history"><tr><th>when (UTC)'
                 f'</th><th>who</th><th>decision</th><th>reason</th><th>informed</th>'
                 f'<th>status after</th></tr>{history}</table></div>')
    return page(f"Item {iid[:8]}: postguard casebook", "".join(parts), user=user, csrf=csrf)


def audit(entries: Sequence[dict[str, Any]], verdict_line: str, ok: bool, user: Any,
          csrf: str) -> str:
    rows = "".join(
        f'<tr><td>{e["seq"]}</td><td>{escape(e["at"][:19].replace("T", " "))}</td>'
        f'<td>{escape(e["actor"])}</td><td>{escape(e["action"])}</td><td>'
        + (f'<a href="/items/{escape(e["item_id"])}">{escape(e["item_id"][:8])}</a>'
           if e.get("item_id") else "")
        + f'</td><td><code>{escape(json.dumps(e["detail"], ensure_ascii=False)[:300])}'
        f'</code></td><td><code>{escape(e["hash"][:12])}</code></td></tr>' for e in entries)
    cls = "note" if ok else "error"
    return page("Audit log: postguard casebook", f'<h1>Audit log</h1><p class="{cls}" '
                f'id="verify">{escape(verdict_line)}</p><table id="audit"><tr><th>#</th>'
                f"<th>when (UTC)</th><th>who</th><th>action</th><th>item</th><th>detail</th>"
                f"<th>hash</th></tr>{rows}</table>", user=user, csrf=csrf)
