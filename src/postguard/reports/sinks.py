"""Where each screened post goes besides the JSONL: the CSV summary and the HTML report."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from typing import IO, Any

from ..errors import InputError


def check_output(path: str, what: str = "output") -> None:
    """Refuse, before any screening, an output path that cannot be written: a folder, a
    missing or read-only folder to write into. The message is the OS's own words."""
    if path == "-":
        return
    if os.path.isdir(path):
        raise InputError(f"{path}: cannot write the {what} ({os.strerror(errno.EISDIR)}); "
                         "give a file name", source=path)
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise InputError(f"{path}: cannot write the {what} ({os.strerror(errno.ENOENT)}: "
                         f"no folder {parent})", source=path)
    target = path if os.path.exists(path) else parent
    if not os.access(target, os.W_OK):
        raise InputError(f"{path}: cannot write the {what} ({os.strerror(errno.EACCES)})",
                         source=path)


class Sinks:
    """The CSV summary and the HTML report, fed one screened post at a time."""

    def __init__(self, html: str | None, csv: str | None, jsonl: str | None = None) -> None:
        self.html = html
        self.jsonl = jsonl  # where the full list is, for the HTML page to say
        self.csv_path = csv
        self._csv: Any = None
        self._spool: IO[str] | None = None
        if csv:
            from .csv_summary import CsvSummary

            self._csv = CsvSummary(csv)
        if html:
            import tempfile

            self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def add(self, s: Any) -> None:
        if self._csv is not None:
            self._csv.add(s)
        if self._spool is not None and s.html is not None:
            self._spool.write(json.dumps(s.html, ensure_ascii=True) + "\n")

    def abort(self) -> None:
        """Interrupted: keep the CSV rows written so far (no file when there are none), drop
        the unfinished HTML."""
        if self._csv is not None:
            if self._csv.rows:
                self._csv.close()
            else:
                self._csv.discard()
            self._csv = None
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def finish(self, summary: Any) -> None:
        if self._csv is not None:
            self._csv.close()
        if self._spool is not None and self.html:
            from .html import write_html

            write_html(self.html, self._blocked_first(), summary, jsonl=self.jsonl)
            self._spool.close()

    def _blocked_first(self) -> Iterator[dict[str, Any]]:
        """The entries, blocked posts first and then the rest, each in input order: a page
        that cannot hold them all keeps the most serious."""
        assert self._spool is not None
        for blocked in (True, False):
            self._spool.seek(0)
            for line in self._spool:
                entry = json.loads(line)
                if (entry["verdict"] == "block") is blocked:
                    yield entry
