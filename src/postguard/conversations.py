"""Conversations in a batch: the messages of one thread are judged together, in input order,
in the parent process, whichever process or Dask worker screened each message.

Workers screen each message alone (detectors with a thread memory have `judge_threads` off
there) and send back, beside the report line, the posts that carry a `thread`. The parent
feeds those, in input order, to the thread memory of its own detectors (`judge_thread`); when
a conversation crosses a threshold, it screens that one post again here and adds the
conversation's findings to its report. Memory is bounded by the detectors' own limits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .model import Finding, Post, Report

if TYPE_CHECKING:
    from .screener import Screener

# A batch result (`batch.Screened`): this module reads its `threaded` post and `codes`, and
# never imports the batch (which imports this module).
Screened = Any

log = logging.getLogger(__name__)


def judge_alone(screener: Screener) -> None:
    """Turn thread judging off in `screener`'s detectors (the batch parent does it)."""
    for det in screener.detectors:
        if hasattr(det, "judge_threads"):
            det.judge_threads = False


class ThreadJudge:
    def __init__(self, screener: Screener) -> None:
        judge_alone(screener)  # screening a post again here must not add it to a memory twice
        self.screener = screener
        self.judges: list[Any] = [d for d in screener.detectors
                                  if callable(getattr(d, "judge_thread", None))]
        for judge in self.judges:  # a run starts with no conversations held
            forget = getattr(judge, "forget", None)
            if callable(forget):
                forget()

    def remember(self, post: Post | None) -> None:
        """Hold `post` in the thread memories without judging it (a resumed run's posts)."""
        for judge in self.judges if post is not None else ():
            remember = getattr(judge, "remember", None)
            if callable(remember):
                remember(post)

    def amend(self, results: list[Screened],
              summarise: Callable[[Post, Report], Screened]) -> list[Screened]:
        """`results` (one chunk, in input order) with conversation findings added; a changed
        report is summarised again with `summarise`."""
        if not self.judges or not any(r.threaded is not None for r in results):
            return results
        out = []
        for r in results:
            post = r.threaded
            if post is None:
                out.append(r)
                continue
            extra: list[Finding] = []
            for judge in self.judges:
                try:
                    extra.extend(judge.judge_thread(post, r.codes))
                except Exception as exc:  # the message's own report stands
                    log.warning("thread judge %s raised %s on post %s",
                                getattr(judge, "name", "?"), type(exc).__name__, post.id)
            if not extra:
                out.append(r)
                continue
            alone = self.screener.screen(post)
            report = self.screener.report(post, [*alone.findings, *extra], alone.errors)
            out.append(summarise(post, report))
        return out


def threaded(post: Post | None) -> Post | None:
    """`post` when it belongs to a thread (the parent must see it), else None."""
    if post is None or not post.text:
        return None
    meta = post.metadata
    return post if hasattr(meta, "get") and meta.get("thread") is not None else None
