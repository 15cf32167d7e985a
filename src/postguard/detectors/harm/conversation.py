"""A bounded memory of recent messages per conversation and author, for the harm detector's
conversation judgement: grooming builds over lines that look harmless one by one.

The memory holds, for each (thread, author), what the detector keeps of the last `window`
messages (their scores, a few numbers each); when more than `max_threads` conversations are
held, the one used least recently is forgotten, so memory stays bounded however long a batch
runs. It lives in one process: a batch judges threads in its parent (`postguard.conversations`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from typing import Generic, TypeVar

T = TypeVar("T")


class ThreadMemory(Generic[T]):
    def __init__(self, *, max_threads: int = 4096, window: int = 8) -> None:
        self.max_threads = max_threads
        self.window = window
        self._held: OrderedDict[tuple[str, str], deque[T]] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, thread: str, author: str, item: T) -> list[T]:
        """Remember `item` for `author`'s latest message in `thread`; what is held of their last
        messages, oldest first, this one last."""
        key = (thread, author)
        with self._lock:
            held = self._held.get(key)
            if held is None:
                held = self._held[key] = deque(maxlen=self.window)
                while len(self._held) > self.max_threads:
                    self._held.popitem(last=False)
            else:
                self._held.move_to_end(key)
            held.append(item)
            return list(held)

    def __len__(self) -> int:
        return len(self._held)

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
