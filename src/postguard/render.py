"""Report output for people (text, colour on a terminal) and for tools (JSON)."""

from __future__ import annotations

import json

from .model import Category, Report, Verdict

_COLOURS = {Verdict.BLOCK: "\033[1;37;41m", Verdict.REVIEW: "\033[30;43m", Verdict.ALLOW: ""}
_RESET = "\033[0m"


def to_json(report: Report) -> str:
    # ASCII escapes keep any string (lone surrogates included) encodable on any stream.
    return json.dumps(report.to_dict(), ensure_ascii=True, separators=(", ", ": "))


def not_screened(report: Report) -> list[str]:
    """Why some of a report's post was not screened, one message each: its errors (a line, a
    photo or a metadata field that could not be read) and its detector_error findings that
    are not among them (a detector that failed, such as a missing or corrupt model file; an
    animation's later frames; OCR, faces or video without their back end). Empty when the
    post was screened whole. `scan` and `batch` exit 2 when it is not empty."""
    said = [e.message for e in report.errors]
    return said + [f.message for f in report.findings
                   if f.category is Category.DETECTOR_ERROR and f.message not in said]


def source_label(source: str) -> str:
    """Where a finding is, for people: "image 1" for the first photo (`source` "image:0")."""
    kind, _, n = source.partition(":")
    if kind == "image" and n.isdigit():
        return f"image {int(n) + 1}"
    return source


def _mark(text: str, report: Report, colour: bool) -> str:
    spans = sorted(
        (f.start, f.end, f.action or Verdict.REVIEW, i + 1)
        for i, f in enumerate(report.findings)
        if f.source == "text" and f.start is not None and f.end is not None
    )
    out: list[str] = []
    pos = 0
    for s, e, action, n in spans:
        if s < pos:  # overlapping: the earlier mark already covers it
            continue
        out.append(text[pos:s])
        if colour:
            out.append(f"{_COLOURS[action]}{text[s:e]}{_RESET}[{n}]")
        else:
            out.append(f"[[{text[s:e]}]][{n}]")
        pos = e
    out.append(text[pos:])
    return "".join(out)


def to_text(report: Report, text: str, *, name: str = "", colour: bool = False) -> str:
    head = report.verdict.value.upper()
    if colour and report.verdict is not Verdict.ALLOW:
        head = f"{_COLOURS[report.verdict]} {head} {_RESET}"
    lines = [f"{head}  {name}".rstrip()]
    if report.escalate:
        lines.append(f"ESCALATE to the designated safeguarding lead now: {report.escalation}")
    if text:
        lines.append("")
        lines.extend("  " + ln for ln in _mark(text, report, colour).splitlines() or [""])
    if report.findings:
        lines.append("")
    for i, f in enumerate(report.findings, 1):
        where = source_label(f.source)
        if f.start is not None:
            where += f" {f.start}-{f.end}"
        if f.box is not None:
            where += f" box {list(f.box)}"
        action = f.action.value if f.action else "?"
        line = f"  [{i}] {f.code} {f.category.value:<16} {action:<6} {f.message} ({where})"
        if f.suggestion is not None:
            s = f.suggestion
            line += f"\n      suggest: {s.action.value}"
            if s.replacement:
                line += f" -> {s.replacement!r}"
        lines.append(line)
    for e in report.errors:
        lines.append(f"  error: {source_label(e.source)}: {e.message}")
    if text and report.redacted_text != text:
        lines.append("")
        lines.append("redacted:")
        lines.extend("  " + ln for ln in report.redacted_text.splitlines())
    return "\n".join(lines)


def safe(s: str) -> str:
    """A string that any terminal can print (lone surrogates escaped)."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8")
