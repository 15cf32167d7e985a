"""`postguard batch ... --casebook URL`: every screened post is filed into the casebook, so an
archive sweep becomes a queue of work.

The batch's workers return reports, not posts; the reading process remembers each item it
hands out (results come back in input order, a bounded number in flight) and files the post
with its report when the result arrives, one transaction per chunk, BEFORE the chunk's
reports are written: a run killed in between files a post twice on `--resume`, never zero
times. Photos given as paths are not copied into the casebook (their paths stay in the
report's findings).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import InputError
from ..model import Post, Report


class BatchFiler:
    """Files a batch's screened items; `prepare` turns an input item into (id, Post or the
    InputError it raised): the batch's own reader, passed in so this module needs no batch."""

    def __init__(self, url: str, policy: Any,
                 prepare: Callable[[Any], tuple[str | None, Post | InputError]]) -> None:
        from . import open_casebook

        self._prepare = prepare
        self.book = open_casebook(url, policy)  # an unusable casebook stops the batch here
        self._waiting: deque[Any] = deque()
        self.filed = 0

    def remember(self, stream: Iterator[Any]) -> Iterator[Any]:
        for item in stream:
            self._waiting.append(item)
            yield item

    def file(self, results: Sequence[Any]) -> None:
        screened = []
        for result in results:
            pid, post = self._prepare(self._waiting.popleft())
            if isinstance(post, InputError):
                post = Post(text="", id=pid)
            screened.append((post, Report.from_dict(json.loads(result.line)), "batch"))
        self.book.file_many(screened)
        self.filed += len(screened)

    def close(self) -> None:
        self.book.notifier.flush()
        self.book.close()
