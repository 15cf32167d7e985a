"""A check that work grows linearly with input size, steady on a busy machine: it takes the
smallest CPU time (not wall time) of a few runs for a small and a large input, and accepts
anything well under quadratic growth."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def cpu_time(fn: Callable[[Any], Any], arg: Any, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.process_time()
        fn(arg)
        best = min(best, time.process_time() - t)
    return best


def assert_linear(fn: Callable[[Any], Any], small: Any, big: Any, *, ratio: float = 10,
                  slack: float = 0.1, repeats: int = 3) -> None:
    """`big` is `ratio` times `small`; quadratic work would take ratio**2 times as long."""
    fn(small)  # warm caches and lazy loads outside the timing
    ts, tb = cpu_time(fn, small, repeats), cpu_time(fn, big, repeats)
    assert tb < 3 * ratio * ts + slack, f"{ts:.4f}s for small, {tb:.4f}s for {ratio}x: not linear"
