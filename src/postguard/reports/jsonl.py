"""The JSONL report file of a batch run: complete lines only, and resuming after a kill."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from ..errors import InputError

log = logging.getLogger(__name__)


class JsonlOut:
    """Appends report lines with one `write` per chunk of complete lines."""

    def __init__(self, dest: str | TextIO) -> None:
        self.stream: TextIO | None = None
        self.fd: int | None = None
        self.path = dest if isinstance(dest, str) else "<stream>"
        if isinstance(dest, str) and dest != "-":
            try:
                self.fd = os.open(dest, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            except OSError as exc:
                raise InputError(f"{dest}: cannot write ({exc.strerror})", source=dest) from None
        else:
            self.stream = sys.stdout if dest == "-" else dest  # type: ignore[assignment]

    def write(self, lines: Sequence[str]) -> None:
        if not lines:
            return
        text = "\n".join(lines) + "\n"
        if self.fd is None:
            assert self.stream is not None
            try:
                self.stream.write(text)
                self.stream.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:  # a full disk is the user's to fix: exit 2, the OS's words
                raise InputError(f"standard output: cannot write ({exc.strerror or exc})"
                                 ) from None
            return
        data = text.encode("utf-8")
        try:
            while data:
                n = os.write(self.fd, data)
                data = data[n:]
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write ({exc.strerror})",
                             source=self.path) from None

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def prepare_resume(path: str) -> int:
    """Cut a torn last line off an earlier run's output; the number of complete lines."""
    try:
        fh = open(path, "rb+")  # noqa: SIM115
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise InputError(f"{path}: cannot resume ({exc.strerror})", source=path) from None
    with fh:
        size = fh.seek(0, os.SEEK_END)
        keep = size
        step = 1 << 16
        while keep > 0:
            start = max(0, keep - step)
            fh.seek(start)
            block = fh.read(keep - start)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = start + nl + 1
                break
            keep = start
        if keep != size:
            log.info("resume: cutting a torn last line (%d bytes) off %s", size - keep, path)
            fh.truncate(keep)
        fh.seek(0)
        return sum(1 for _ in fh)


def done_lines(path: str) -> Iterator[tuple[str, str]]:
    """(id, line) of each report already written, in order."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            try:
                pid = json.loads(line)["id"]
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{path}:{n}: not a report line; cannot resume (remove the "
                                 "file or run without --resume)", source=path) from None
            yield str(pid), line
