"""A termination signal that arrives while the batch pool forks its workers waits and is
delivered right after, instead of running inside fork's at-fork hooks, where its exception
was printed as "Exception ignored" and the signal lost (the run then went on to the end)."""

from __future__ import annotations

import signal
import threading
from typing import Any

import pytest

from postguard.batch_engine import _signals_held

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX only")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_waits_for_the_block_and_then_arrives(sig: int) -> None:
    seen: list[int] = []

    def record(signum: int, frame: Any) -> None:
        seen.append(signum)

    previous = signal.signal(sig, record)
    try:
        with _signals_held():
            # to this thread: a process-wide signal may land on another test's thread
            signal.pthread_kill(threading.get_ident(), sig)
            for _ in range(1000):  # bytecodes at which a handler would run
                pass
            assert seen == []
            assert sig in signal.sigpending()
        for _ in range(1000):
            pass
        assert seen == [sig]
        assert sig not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    finally:
        signal.signal(sig, previous)


def test_the_mask_is_restored_when_the_block_raises() -> None:
    before = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    with pytest.raises(RuntimeError), _signals_held():
        raise RuntimeError("pool could not start")
    assert signal.pthread_sigmask(signal.SIG_BLOCK, set()) == before
