"""A progress line for terminals: posts done, rate, and ETA when the total is known. When
no line is drawn (stderr is not a terminal, or --no-progress) and logging is at INFO (`-v`),
the same words are logged every `LOG_EVERY` seconds instead, so a long run written to a log
file says how far it has got. Never any post text."""

from __future__ import annotations

import logging
import time
from typing import TextIO

log = logging.getLogger("postguard.batch")
#: Seconds between progress lines in the log.
LOG_EVERY = 10.0


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Redraws one line on `stream` at most every `interval` seconds; silent when disabled."""

    def __init__(self, total: int | None, stream: TextIO, *, enabled: bool = True,
                 interval: float = 0.2) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.interval = interval
        self.start = time.monotonic()
        self.last = 0.0
        self.first: int | None = None
        self.drawn = False
        self.logging = not enabled and log.isEnabledFor(logging.INFO)

    def line(self, done: int, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = (done - (self.first or 0)) / elapsed
        text = f"postguard: {done:,}"
        if self.total:
            width = 24
            filled = min(width, width * done // self.total)
            text = f"postguard: [{'#' * filled}{'.' * (width - filled)}] {done:,}/{self.total:,}"
        text += f" posts  {rate:,.0f}/s"
        if self.total and rate > 0:
            text += f"  ETA {_clock(max(0, self.total - done) / rate)}"
        return text

    def log_line(self, done: int, now: float) -> str:
        rate = (done - (self.first or 0)) / max(now - self.start, 1e-9)
        text = f"{done:,}" + (f" of {self.total:,}" if self.total else "")
        text += f" posts screened, {rate:,.0f}/s"
        if self.total and rate > 0:
            text += f", about {_clock(max(0, self.total - done) / rate)} to go"
        return text

    def update(self, done: int) -> None:
        if not self.enabled and not self.logging:
            return
        now = time.monotonic()
        if self.first is None:  # posts skipped by --resume do not count towards the rate
            self.first = done
            self.start = self.last = now
            return
        if self.logging:
            if now - self.last >= LOG_EVERY:
                self.last = now
                log.info("%s", self.log_line(done, now))
            return
        if now - self.last < self.interval:
            return
        self.last = now
        self.stream.write("\r" + self.line(done, now) + "\033[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.enabled and self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
