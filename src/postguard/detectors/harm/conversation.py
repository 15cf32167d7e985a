"""A bounded memory of recent messages per conversation and author, for the harm detector's
conversation judgement: grooming builds over lines that look harmless one by one.

The memory holds, for each (thread, author), the last `window` messages (each cut to
`max_chars`); when more than `max_threads` conversations are held, the one used least recently
is forgotten. Memory stays bounded however long a batch runs. It lives in one process: batch
sends all messages of a thread to the same process (see `postguard.batch`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque


class ThreadMemory:
    def __init__(self, *, max_threads: int = 4096, window: int = 8, max_chars: int = 2000) -> None:
        self.max_threads = max_threads
        self.window = window
        self.max_chars = max_chars
        self._held: OrderedDict[tuple[str, str], deque[str]] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, thread: str, author: str, text: str) -> list[str]:
        """Remember `text` as `author`'s latest message in `thread`; their last messages, oldest
        first, this one last."""
        key = (thread, author)
        with self._lock:
            held = self._held.get(key)
            if held is None:
                held = self._held[key] = deque(maxlen=self.window)
                while len(self._held) > self.max_threads:
                    self._held.popitem(last=False)
            else:
                self._held.move_to_end(key)
            held.append(text[: self.max_chars])
            return list(held)

    def __len__(self) -> int:
        return len(self._held)

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
