"""The work a batch does per item, in whichever process screens it: an item read into a Post
(or the error that stopped it), screened in bulk, and summarised as the line the parent writes
(`Screened`). Used by `batch`'s engines and the Dask engine alike."""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any, NamedTuple, cast

from .archives.simple import RawLine, parse_line
from .conversations import judge_alone, threaded
from .errors import InputError
from .limits import text_size_problem
from .model import (
    Action,
    Category,
    ErrorEntry,
    Finding,
    Post,
    Report,
    Severity,
    Suggestion,
    Verdict,
)
from .policy import Policy
from .screener import Screener

Item = tuple[str, "Post | InputError | RawLine"]


def error_report(post_id: str, error: InputError, text: str = "") -> Report:
    """The report of a post that could not be read: `review`, never a silent pass."""
    message = str(error)
    return Report(
        id=post_id,
        verdict=Verdict.REVIEW,
        findings=(
            Finding(
                code="PG002",
                detector="input",
                category=Category.DETECTOR_ERROR,
                severity=Severity.HIGH,
                score=1.0,
                message=message,
                source="input",
                suggestion=Suggestion(Action.REVIEW),
                action=Verdict.REVIEW,
            ),
        ),
        redacted_text=text,
        errors=(ErrorEntry("input", "malformed", message),),
    )


def check_images(post: Post, report: Report) -> Report:
    """Add an error for each image path that was not there to screen (missing, or only on
    the web: postguard never downloads), unless a detector already reported it."""
    reported = {e.source for e in report.errors}
    extra: list[ErrorEntry] = []
    for i, img in enumerate(post.images):
        if not isinstance(img, str) or f"image:{i}" in reported:
            continue
        name = os.path.basename(img.split("?", 1)[0]) or img
        if img.lower().startswith(("http://", "https://", "//")):
            extra.append(ErrorEntry(f"image:{i}", "not_screened",
                                    f"image {i + 1} ({name}) is only on the web; postguard "
                                    "does not download: put the file next to the export"))
        elif not os.path.isfile(img):
            extra.append(ErrorEntry(f"image:{i}", "missing",
                                    f"image {i + 1}: {img}: no such file"))
    if not extra:
        return report
    verdict = report.verdict if report.verdict is not Verdict.ALLOW else Verdict.REVIEW
    return dataclasses.replace(report, verdict=verdict, errors=(*report.errors, *extra))


def prepare_item(item: Item) -> tuple[str, Post | InputError]:
    """A batch item as (id, Post), or (id, InputError) when it could not be read."""
    # A JSONL line arrives unparsed: parsing is part of the worker's share of the work.
    pid, post = parse_line(item[1]) if isinstance(item[1], RawLine) else cast(
        "tuple[str, Post | InputError]", item)
    if isinstance(post, Post) and post.id is None:
        post = dataclasses.replace(post, id=pid)
    if isinstance(post, Post):  # over the size limit: an error report, never a truncation
        problem = text_size_problem(post.text)
        if problem:
            return pid, InputError(f"post '{pid}': {problem}", source=pid)
    return pid, post


def screen_prepared(
    screener: Screener, items: list[tuple[str, Post | InputError]]
) -> list[tuple[Post | None, Report]]:
    """Screen many prepared items at once (`Screener.screen_many` batches the detectors that
    can work in bulk); one report per item, in order."""
    posts = [post for _, post in items if isinstance(post, Post)]
    reports = iter(screener.screen_many(posts, chunk=max(1, len(posts))))
    out: list[tuple[Post | None, Report]] = []
    for pid, post in items:
        if isinstance(post, InputError):
            out.append((None, error_report(pid, post)))
        else:
            out.append((post, check_images(post, next(reports))))
    return out


# -- work done per chunk, in whichever process runs it ---------------------------------------


class Screened(NamedTuple):
    """What the parent needs of one screened post: the JSON line and a summary of it."""

    id: str
    line: str
    verdict: str
    categories: tuple[str, ...]
    codes: tuple[str, ...]
    findings: int
    errors: int
    html: dict[str, Any] | None
    # The post, when it belongs to a thread: the parent judges threads (`conversations`).
    threaded: Post | None = None


def summarise(post: Post | None, report: Report, html: bool, line: str = "") -> Screened:
    from .render import not_screened, to_json

    entry = None
    if html and report.verdict is not Verdict.ALLOW:
        from .reports.html import html_entry

        entry = html_entry(post, report)
    return Screened(
        id=str(report.id), line=line or to_json(report), verdict=report.verdict.value,
        categories=tuple(sorted({f.category.value for f in report.findings})),
        codes=tuple(sorted({f.code for f in report.findings})), findings=len(report.findings),
        errors=len(not_screened(report)),
        html=entry,
        threaded=threaded(post),
    )


_screeners: dict[str, Screener] = {}


def policy_key(policy: Policy) -> str:
    return json.dumps(policy.raw, sort_keys=True, default=str)


def worker_screener(policy: Policy, key: str | None = None) -> Screener:
    """The Screener of this process for `policy`, built once."""
    key = key or policy_key(policy)
    screener = _screeners.get(key)
    if screener is None:
        screener = _screeners[key] = Screener(policy)
    return screener


def screen_chunk(policy: Policy, key: str, items: list[Item], html: bool) -> list[Screened]:
    screener = worker_screener(policy, key)
    judge_alone(screener)  # threads are judged in the parent, in input order
    prepared = [prepare_item(item) for item in items]
    return [summarise(post, report, html) for post, report in screen_prepared(screener, prepared)]
