"""Batch screening: one report per post, in input order, with the same ids.

    from postguard.batch import run_batch
    summary = run_batch(["archive.jsonl"], "reports.jsonl", workers=2, resume=True)

The reports go out as JSONL, one complete line per write, so a run killed at any moment
(Ctrl-C, SIGTERM, SIGKILL) leaves at most one torn last line. `resume=True` cuts that line,
checks the reports already written against the input, skips those posts and appends the
rest: every post ends up reported exactly once. Work is spread over processes (or a Dask
cluster, see `dask_engine`) in chunks with a bounded number in flight, so memory stays flat
however large the archive, and results come back in input order.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from .archives.simple import RawLine, parse_line
from .batch_engine import Chunk, LocalEngine, ordered_window, shared_window
from .batch_items import (
    Item,
    Screened,
    check_images,
    error_report,
    policy_key,
    prepare_item,
    screen_chunk,
    screen_prepared,
    summarise,
    worker_screener,
)
from .conversations import ThreadJudge
from .errors import InputError
from .model import (
    Post,
    Report,
    Verdict,
)
from .policy import Policy

log = logging.getLogger(__name__)

__all__ = ["BatchSummary", "Chunk", "Item", "LocalEngine", "Screened", "check_images",
           "engine_class", "error_report", "ordered_window", "policy_key", "prepare_item",
           "run_batch", "screen_chunk", "screen_prepared", "shared_window", "summarise",
           "worker_screener"]


# -- the run ----------------------------------------------------------------------------


@dataclasses.dataclass
class BatchSummary:
    total: int = 0
    resumed: int = 0
    errors: int = 0
    verdicts: Counter[str] = dataclasses.field(default_factory=Counter)
    categories: Counter[str] = dataclasses.field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, s: Screened) -> None:
        self.total += 1
        self.verdicts[s.verdict] += 1
        self.categories.update(s.categories)
        self.errors += 1 if s.errors else 0

    @property
    def worst(self) -> Verdict:
        return max((Verdict(v) for v in self.verdicts), key=lambda v: v.rank,
                   default=Verdict.ALLOW)

    def lines(self) -> list[str]:
        head = f"postguard: {_posts(self.total)}"
        if self.resumed:
            head += f" ({self.resumed} already done)"
        head += ": " + ", ".join(f"{v.value} {self.verdicts[v.value]}" for v in Verdict)
        rate = (self.total - self.resumed) / self.seconds if self.seconds > 0 else 0.0
        head += f" in {self.seconds:.1f}s ({rate:,.{0 if rate >= 10 else 1}f} posts/s)"
        out = [head]
        if self.categories:
            out.append("postguard: posts by category: " + ", ".join(
                f"{c} {n}" for c, n in self.categories.most_common()))
        if self.errors:
            out.append(f"postguard: {_posts(self.errors)} not fully screened (see their errors "
                       "in the reports): exit code 2")
        return out


def _posts(n: int) -> str:
    return f"{n} post" if n == 1 else f"{n} posts"


class _Chunker:
    """Cuts items into chunks. An input that breaks off ends the stream cleanly, so the
    posts read before the break are screened and written; `run_batch` raises afterwards."""

    def __init__(self, items: Iterator[Item], size: int) -> None:
        self.items = items
        self.size = size
        self.error: InputError | None = None

    def __iter__(self) -> Iterator[Chunk]:
        chunk: Chunk = []
        try:
            for item in self.items:
                chunk.append(item)
                if len(chunk) >= self.size:
                    yield chunk
                    chunk = []
        except InputError as exc:
            self.error = exc
        if chunk:
            yield chunk


def engine_class(name: str) -> Any:
    """The engine registered as `name` in the entry-point group `postguard.engines` (the Dask
    engine is registered there, like a plugin, so this module never imports it)."""
    from importlib.metadata import entry_points

    found = {ep.name: ep for ep in entry_points(group="postguard.engines")}
    if name not in found:
        raise InputError(f"unknown engine '{name}'; engines: "
                         + ", ".join(["local", *sorted(found)]))
    return found[name].load()


def run_batch(
    inputs: Sequence[str],
    out: str | TextIO = "-",
    *,
    policy: Policy | str | None = None,
    workers: int = 1,
    resume: bool = False,
    input_format: str | None = None,
    html: str | None = None,
    csv: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    err: TextIO | None = None,
    casebook: str | None = None,
) -> BatchSummary:
    """Screen every post of `inputs` into `out` (a path, "-" or a stream); see the module
    docstring. Raises `InputError` when an input cannot be read at all (the reports written
    before it stay) or holds no post, and `KeyboardInterrupt` when interrupted."""
    from .archives import open_input
    from .reports.jsonl import JsonlOut, prepare_resume
    from .reports.progress import Progress
    from .reports.sinks import Sinks

    err = err or sys.stderr
    pol = policy if isinstance(policy, Policy) else (
        Policy.load(policy) if policy else Policy.default())
    from .reports.sinks import check_output

    # Output paths that cannot be written stop the run before any screening, and so does
    # one that would overwrite an input or another output.
    for path, what in ((out, "reports"), (html, "HTML report"), (csv, "CSV summary")):
        if isinstance(path, str):
            check_output(path, what)
    _check_distinct(inputs, {"--out": out, "--html": html, "--csv": csv})
    # A bad policy or a broken detector stops here, before anything is written; built in
    # this process, the detectors are shared with forked workers.
    _ = worker_screener(pol).detectors
    # Every input is checked up front; JSONL lines are parsed by the workers.
    readers = [open_input(p, input_format, lazy=True) for p in inputs]
    for path, (fmt, _) in zip(inputs, readers, strict=True):
        log.info("reading %s as %s", path, fmt)
    if resume and (not isinstance(out, str) or out == "-"):
        raise InputError("--resume needs --out FILE: it continues the reports in that file")
    filer = None
    if casebook:  # every screened post is filed there too (see casebook/batch_filing.py)
        from .casebook.batch_filing import BatchFiler

        filer = BatchFiler(casebook, pol, prepare_item)
    if isinstance(out, str) and out != "-" and not resume:
        _truncate(out)
    done = prepare_resume(out) if resume and isinstance(out, str) else 0

    def items() -> Iterator[Item]:
        for _fmt, read in readers:
            yield from read()

    summary = BatchSummary()
    sinks = Sinks(html, csv, jsonl=out if isinstance(out, str) else None)
    stream: Iterator[Item] = items()
    threads = ThreadJudge(worker_screener(pol))
    if done:
        stream = _skip_done(stream, out, done, summary, sinks, threads)  # type: ignore[arg-type]
    if filer is not None:
        stream = filer.remember(stream)
    show = err.isatty() if progress is None else progress
    bar = Progress(_count(inputs, readers) if show or _logging_progress() else None, err,
                   enabled=show)
    writer = JsonlOut(out)
    eng: Any = (LocalEngine(pol, workers) if engine == "local"
                else engine_class(engine)(pol, workers=workers, scheduler=scheduler))
    start = time.monotonic()
    aborted = True
    chunker = _Chunker(stream, eng.chunk_size)
    try:
        for chunk_results in eng.map(iter(chunker), html is not None):
            results = threads.amend(chunk_results, lambda post, report: summarise(
                post, check_images(post, report), html is not None))
            if filer is not None:
                filer.file(results)
            writer.write([r.line for r in results])
            for r in results:
                summary.add(r)
                sinks.add(r)
            bar.update(summary.total)
        aborted = False
    finally:
        eng.close(abort=aborted)
        writer.close()
        if filer is not None:
            filer.close()
        if "postguard.archives.ziparchive" in sys.modules:  # photos read from a .zip
            from .archives.ziparchive import close_archives

            close_archives()
        bar.close()
        summary.seconds = time.monotonic() - start
        if aborted:
            sinks.abort()
    if chunker.error is not None:
        sinks.abort()
        raise chunker.error
    if summary.total == 0:  # like an empty folder: nothing screened is never a clean run
        sinks.abort()
        raise InputError(f"no posts in {', '.join(inputs)}: nothing was screened")
    sinks.finish(summary)
    return summary


def _same(a: str, b: str) -> bool:
    if os.path.exists(a) and os.path.exists(b):
        return os.path.samefile(a, b)
    return os.path.abspath(a) == os.path.abspath(b)


def _check_distinct(inputs: Sequence[str], outputs: dict[str, Any]) -> None:
    """No output overwrites an input (`--html posts.jsonl` replaced the archive with the page)
    or another output."""
    files = [(flag, p) for flag, p in outputs.items() if isinstance(p, str) and p != "-"]
    for n, (flag, path) in enumerate(files):
        if any(p != "-" and _same(p, path) for p in inputs):
            raise InputError(f"{path}: {flag} is one of the inputs; write it elsewhere",
                             source=path)
        for other, path2 in files[n + 1:]:
            if _same(path, path2):
                raise InputError(f"{path}: {flag} and {other} are the same file; give each "
                                 "its own", source=path)


def _truncate(path: str) -> None:
    try:
        with open(path, "wb"):
            pass
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})", source=path) from None


def _skip_done(items: Iterator[Item], out: str, done: int, summary: BatchSummary,
               sinks: Any, threads: ThreadJudge) -> Iterator[Item]:
    """Skip the posts an earlier run already reported, checking that they are the same (and
    remembering those of threads, so that their conversations go on)."""
    from .reports.jsonl import done_lines

    lines = done_lines(out)
    for n, (line_id, line) in enumerate(lines, 1):
        item = next(items, None)
        if item is not None and isinstance(item[1], RawLine):
            item = parse_line(item[1])
        if item is None or item[0] != line_id:
            got = "the end of the input" if item is None else f"post '{item[0]}'"
            raise InputError(f"{out}: cannot resume: report {n} is for post '{line_id}' but "
                             f"the input has {got}; the input changed, run without --resume",
                             source=out)
        post = item[1] if isinstance(item[1], Post) else None
        s = summarise(post, Report.from_dict(json.loads(line)), sinks.html is not None, line)
        threads.remember(s.threaded)
        summary.add(s)
        summary.resumed += 1
        sinks.add(s)
    yield from items


def _logging_progress() -> bool:
    from .reports.progress import log

    return log.isEnabledFor(logging.INFO)


def _count(inputs: Sequence[str], readers: Sequence[tuple[str, Any]]) -> int | None:
    """The number of posts when it is cheap to know (JSONL), for the progress bar's ETA."""
    total = 0
    for path, (fmt, _) in zip(inputs, readers, strict=True):
        if fmt != "jsonl" or path == "-":
            return None
        with open(path, "rb") as fh:
            total += sum(1 for line in fh if line.strip())
    return total


__all__ = ["BatchSummary", "LocalEngine", "Screened", "check_images", "error_report",
           "run_batch", "screen_chunk"]
