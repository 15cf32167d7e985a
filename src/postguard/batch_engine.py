"""The local batch engine: an ordered, bounded map of chunks over this process and a pool of
child processes (each builds its Screener once), with the signal handling that keeps Ctrl-C,
SIGTERM and SIGKILL of the parent from losing or orphaning work."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from .batch_items import Item, Screened, policy_key, screen_chunk, worker_screener
from .policy import Policy

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
