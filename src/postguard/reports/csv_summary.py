"""The CSV summary of a batch run: one row per post, for spreadsheets."""

from __future__ import annotations

import contextlib
import csv
import os
from typing import Any

from ..errors import InputError

COLUMNS = ("id", "verdict", "findings", "categories", "codes", "errors")


def _cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class CsvSummary:
    def __init__(self, path: str) -> None:
        try:
            self.fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"{path}: cannot write ({exc.strerror})", source=path) from None
        self.path = path
        self.rows = 0
        self.writer = csv.writer(self.fh)
        self._io(self.writer.writerow, COLUMNS)

    def add(self, s: Any) -> None:
        """Add one `batch.Screened` row."""
        self._io(self.writer.writerow, (_cell(s.id), s.verdict, s.findings,
                                        ";".join(s.categories), ";".join(s.codes), s.errors))
        self.rows += 1

    def close(self) -> None:
        self._io(self.fh.close)

    def discard(self) -> None:
        """Close and remove the file: the run wrote no row (it stopped on an input error)."""
        with contextlib.suppress(OSError):
            self.fh.close()
        with contextlib.suppress(OSError):
            os.remove(self.path)

    def _io(self, fn: Any, *args: Any) -> None:
        try:
            fn(*args)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write ({exc.strerror})",
                             source=self.path) from None
