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

import contextlib
import dataclasses
import json
import logging
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TextIO, cast

from .archives.simple import RawLine, parse_line
from .conversations import ThreadJudge, judge_alone, threaded
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

log = logging.getLogger(__name__)

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
    from .render import to_json

    entry = None
    if html and report.verdict is not Verdict.ALLOW:
        from .reports.html import html_entry

        entry = html_entry(post, report)
    return Screened(
        id=str(report.id), line=line or to_json(report), verdict=report.verdict.value,
        categories=tuple(sorted({f.category.value for f in report.findings})),
        codes=tuple(sorted({f.code for f in report.findings})), findings=len(report.findings),
        errors=len(report.errors),
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


# -- engines: ordered, bounded map of chunks ----------------------------------------------

Chunk = list[Item]


def ordered_window(submit: Callable[[Chunk], Any], result: Callable[[Any], list[Screened]],
                   chunks: Iterator[Chunk], in_flight: int) -> Iterator[list[Screened]]:
    """Submit chunks with at most `in_flight` outstanding, yield their results in order."""
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        while len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def shared_window(submit: Callable[[Chunk], Any], here: Callable[[Chunk], list[Screened]],
                  chunks: Iterator[Chunk], *, queued: int, window: int
                  ) -> Iterator[list[Screened]]:
    """Results of every chunk in order: a chunk goes to the children (`submit`, an async
    result with ready()/get()) while fewer than `queued` of theirs are outstanding, else
    it is screened `here`; at most `window` chunks are held, done or not."""
    pending: deque[tuple[bool, Any]] = deque()  # (is_async, async result or results)
    outstanding = 0
    for chunk in chunks:
        if outstanding < queued:
            pending.append((True, submit(chunk)))
            outstanding += 1
        else:
            pending.append((False, here(chunk)))
        while pending and (len(pending) >= window or not pending[0][0]
                           or pending[0][1].ready()):
            is_async, value = pending.popleft()
            if is_async:
                outstanding -= 1
                value = value.get()
            yield value
    while pending:
        is_async, value = pending.popleft()
        yield value.get() if is_async else value


class LocalEngine:
    """This process alone (workers=1), or this process and `workers - 1` child processes,
    each building its Screener once.

    The parent is one of the `workers`: it reads, orders and writes, and screens a chunk
    itself whenever the children already have enough queued. On N cores that keeps N
    processes busy instead of N workers plus a parent competing with them; a chunk the
    parent screens also skips the pickling to and from a child."""

    def __init__(self, policy: Policy, workers: int = 1) -> None:
        self.policy = policy
        self.key = policy_key(policy)
        self.workers = max(1, workers)
        # 256 posts a chunk: IPC costs ~2% of the screening; memory holds a few chunks.
        self.chunk_size = 256
        self._pool: Any = None

    def map(self, chunks: Iterator[Chunk], html: bool) -> Iterator[list[Screened]]:
        if self.workers == 1:
            for chunk in chunks:
                yield screen_chunk(self.policy, self.key, chunk, html)
            return
        import multiprocessing

        # The first chunk is screened here before any child exists: forked children then
        # inherit whatever it loaded (lexicons, compiled patterns, spaCy when the posts
        # need it) instead of each loading it again.
        first = next(chunks, None)
        if first is None:
            return
        yield screen_chunk(self.policy, self.key, first, html)
        # fork shares the loaded detectors with the workers, but is unsafe in a process
        # that runs threads (an application embedding postguard): forkserver there.
        methods = multiprocessing.get_all_start_methods()
        method = "fork" if "fork" in methods and threading.active_count() == 1 else (
            "forkserver" if "forkserver" in methods else "spawn")
        ctx = multiprocessing.get_context(method)
        children = self.workers - 1
        with _signals_held():
            self._pool = ctx.Pool(children, initializer=_init_worker,
                                  initargs=(self.policy, self.key))
        yield from shared_window(
            lambda chunk: self._pool.apply_async(
                screen_chunk, (self.policy, self.key, chunk, html)),
            lambda chunk: screen_chunk(self.policy, self.key, chunk, html),
            chunks, queued=3 * children, window=8 * self.workers)

    def close(self, *, abort: bool = False) -> None:
        if self._pool is not None:
            if abort:
                self._pool.terminate()
            else:
                self._pool.close()
            self._pool.join()
            self._pool = None


_HELD = ("SIGTERM", "SIGINT")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and Ctrl-C wait while the pool forks its workers, and arrive right after.
    Python runs a signal handler at the next bytecode of the main thread, and during a fork
    that can be inside an at-fork hook (logging's), where the handler's exception is printed
    as "Exception ignored" and dropped: the signal was lost and the run went on. The mask is
    this thread's: forking happens only when no other thread runs, and the pool's own threads,
    started inside the block, keep the signals held for good."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing to hold
        yield
        return
    held = {getattr(signal, name) for name in _HELD}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _init_worker(policy: Policy, key: str) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not ours
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held them
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {getattr(signal, n) for n in _HELD})

    # A parent killed with SIGKILL cannot stop its pool: the workers leave with it.
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    parent = os.getppid()  # the batch process, or the forkserver that forked this one

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    worker_screener(policy, key)


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
    before it stay), and `KeyboardInterrupt` when interrupted."""
    from .archives import open_input
    from .reports.jsonl import JsonlOut, prepare_resume
    from .reports.progress import Progress
    from .reports.sinks import Sinks

    err = err or sys.stderr
    pol = policy if isinstance(policy, Policy) else (
        Policy.load(policy) if policy else Policy.default())
    from .reports.sinks import check_output

    # Output paths that cannot be written stop the run before any screening.
    for path, what in ((out, "reports"), (html, "HTML report"), (csv, "CSV summary")):
        if isinstance(path, str):
            check_output(path, what)
    # A bad policy or a broken detector stops here, before anything is written; built in
    # this process, the detectors are shared with forked workers.
    _ = worker_screener(pol).detectors
    # Every input is checked up front; JSONL lines are parsed by the workers.
    readers = [open_input(p, input_format, lazy=True) for p in inputs]
    if resume and (not isinstance(out, str) or out == "-"):
        raise InputError("--resume needs --out FILE: it continues the reports in that file")
    if isinstance(out, str) and out != "-" and any(
            os.path.exists(p) and os.path.samefile(p, out) for p in inputs if p != "-"
            and os.path.exists(out)):
        raise InputError(f"{out}: --out is one of the inputs; write the reports elsewhere")
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
    bar = Progress(_count(inputs, readers) if show else None, err, enabled=show)
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
    sinks.finish(summary)
    return summary


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
