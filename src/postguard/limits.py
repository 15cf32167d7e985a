"""The size limit on a post's text, shared by the library, `scan`, `batch` and `serve`.

A post's text may hold at most `MAX_TEXT_BYTES` bytes of UTF-8 (1 MB: hundreds of times the
longest post any platform takes, and about 5 s of screening on one core; every step is linear
in the size). A longer text is refused with an `InputError` that says so: `scan` exits 2,
`batch` writes an error report for that post and goes on, the service answers 413. It is never
cut short: a truncated post would be a silent pass for whatever lies past the cut.
"""

from __future__ import annotations

from .errors import InputError

MAX_TEXT_BYTES = 1024 * 1024


def text_size_problem(text: str, limit: int | None = MAX_TEXT_BYTES) -> str | None:
    """Why `text` is over `limit` (None or 0: no limit), or None when it is within it."""
    if not limit or len(text) * 4 <= limit:  # UTF-8 takes at most 4 bytes a character
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= limit:
        return None
    return (f"the text is {_mb(size)} ({size:,} bytes); postguard screens at most "
            f"{_mb(limit)} ({limit:,} bytes) a post: split it into smaller posts")


def check_text_size(text: str, limit: int | None = MAX_TEXT_BYTES, *,
                    post_id: str | None = None) -> None:
    """Raise `InputError` when `text` is over the limit."""
    problem = text_size_problem(text, limit)
    if problem:
        where = f"post '{post_id}': " if post_id else ""
        raise InputError(where + problem, source=post_id)


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 / 10 else f"{size / 1024:.0f} KB"


__all__ = ["MAX_TEXT_BYTES", "check_text_size", "text_size_problem"]
